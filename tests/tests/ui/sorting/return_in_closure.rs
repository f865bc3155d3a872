use jitclass::jit;

#[jit]
fn f(mut v: Vec<i32>) -> Vec<i32> {
    v.sort_by(|a, b| {
        if a == b {
            return std::cmp::Ordering::Equal;
        }
        a.cmp(b)
    });
    v
}

fn main() {}
