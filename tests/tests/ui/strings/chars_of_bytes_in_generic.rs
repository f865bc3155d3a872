use jitclass::jit;

// rustc does not check a generic body: jit code says what rustc would, at `chars`.
#[jit]
fn count<T>(tag: T, bytes: &[u8]) -> usize {
    let mut n = 0;
    for _ in bytes.chars() {
        n += 1;
    }
    n
}

#[jit]
fn parse_bytes<T>(tag: T, bytes: &[u8]) -> i64 {
    bytes.parse::<i64>().unwrap_or(0)
}

fn main() {}
