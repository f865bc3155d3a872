use jitclass::jit;

#[jit]
fn last<T>(xs: &[T]) -> T {
    let x;
    for i in 0..xs.len() {
        x = xs[i];
    }
    xs[0]
}

fn main() {}
