// Two calls rustc accepts that were seen refused with E0107 "missing generics" pointing
// at generated code (on a branch before generic classes over parameters merged):
// `PassThru::clone(&x)` (a generic type named without its argument) and
// `Cell2::new(7, 1)` (a generic class named without its arguments, which the values
// tell). Both must build and behave as rustc's build of the same code.
use jitclass::{PassThru, jit, jitclass};

pub struct Opaque {
    n: i64,
}

#[jit]
fn twice(x: PassThru<Opaque>) -> (PassThru<Opaque>, PassThru<Opaque>) {
    let y = PassThru::clone(&x);
    (x, y)
}

#[jitclass]
pub struct Cell2<T> {
    a: T,
    b: T,
}

#[jitclass]
impl<T> Cell2<T> {
    pub fn new(a: T, b: T) -> Self {
        Cell2 { a, b }
    }
}

#[jit]
fn sum_of_cell() -> i64 {
    let c = Cell2::new(7, 1);
    c.a + c.b
}

fn main() {
    let x = PassThru::new(Opaque { n: 3 });
    let (a, b) = twice(x);
    assert!(PassThru::ptr_eq(&a, &b));
    assert_eq!(a.n + b.n, 6);
    assert_eq!(PassThru::strong_count(&a), 2);
    drop((a, b));
    assert_eq!(sum_of_cell(), 8);
    assert_eq!(jitclass::stats().live_allocations(), 0);
}
