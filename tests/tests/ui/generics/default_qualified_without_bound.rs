// `<T as Default>::default()` where `T` is not bounded by `Default`: rustc's E0277, at `T`.
use jitclass::jit;

#[jit]
fn fresh<T: Copy>(_like: T) -> T {
    <T as Default>::default()
}

fn main() {
    let _ = fresh(1.0);
}
