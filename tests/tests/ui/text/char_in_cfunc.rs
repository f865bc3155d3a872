use jitclass::jit;

#[jit]
extern "C" fn code(c: char) -> u32 {
    c as u32
}

fn main() {}
