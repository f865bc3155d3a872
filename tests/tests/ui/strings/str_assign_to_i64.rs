use jitclass::jit;

#[jit]
fn check(s: &str) -> i64 {
    let mut n = 0;
    for w in s.split_whitespace() {
        n += w;
    }
    n
}

fn main() {}
