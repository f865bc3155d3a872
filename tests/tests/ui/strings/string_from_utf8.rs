use jitclass::jit;

#[jit]
fn text(b: Vec<u8>) -> String {
    String::from_utf8_lossy(b)
}

fn main() {}
