use jitclass::jit;

#[jit]
fn words(s: &str) -> usize {
    let mut n = 0;
    for _ in s.split(char::is_whitespace) {
        n += 1;
    }
    n
}

fn main() {}
