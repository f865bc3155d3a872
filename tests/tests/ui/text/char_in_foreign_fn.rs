use jitclass::jit;

#[jit]
extern "C" {
    fn towupper(c: char) -> char;
}

fn main() {}
