// `T::default(x)`: `Default::default` takes no arguments (E0061).
use jitclass::jit;

#[jit]
fn fresh<T: Default>(like: T) -> T {
    T::default(like)
}

fn main() {
    let _ = fresh(1.0);
}
