use jitclass::jit;

#[jit]
fn letter(n: i64) -> Option<char> {
    char::from_u32(n)
}

fn main() {}
