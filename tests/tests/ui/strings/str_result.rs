use jitclass::jit;

#[jit]
fn first_word<T>(s: &str, _tag: T) -> &str {
    s.trim()
}

fn main() {}
