use jitclass::jit;

// A generic body: rustc never sees it, so jitclass refuses the capture itself.
#[jit]
fn f<T>(mut v: Vec<i64>, t: T) -> T {
    v.sort_by(|a, b| {
        let n = v.len() as i64;
        (a % n).cmp(&(b % n))
    });
    t
}

fn main() {}
