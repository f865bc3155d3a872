use jitclass::{alignof, jit, sizeof};

#[jit]
fn layout_of<T>(_value: T) -> (usize, usize) {
    (sizeof::<T>(), alignof::<T>())
}

#[jit]
fn pair_size<T>() -> usize {
    sizeof::<(T, u8)>()
}

fn main() {
    let _ = layout_of(1.0f64);
    let _ = layout_of((1u8, 2.0f64));
}
