use jitclass::jit;

#[jit]
fn first<T>(a: [f64; 3], t: T) -> f64 {
    let b = [0.0; T::N];
    a[0] + b[0]
}

fn main() {}
