// `T::default()` in a generic `#[jit] fn` whose `T` has no `Default` bound: rustc's
// E0599, at `default`.
use jitclass::jit;

#[jit]
fn fresh<T>(_like: T) -> T {
    T::default()
}

fn main() {
    let _ = fresh(1.0);
}
