// Review of the format check: `panic!` and `assert!` messages formatting a parameter of an
// unbounded `T` are rustc's E0277 as rustc reports them (`panic!` at the whole call, "the
// trait `std::fmt::Display` is not implemented for `T`"; the others at the argument).
use jitclass::jit;

#[jit]
fn panics_with<T>(x: T, n: i64) -> i64 {
    if n > 5 {
        panic!("{}", x);
    }
    assert!(n > 0, "{} is low", x);
    assert!(n != 3, "{x:?}");
    assert_eq!(n, 1, "{}", x);
    if n == 2 {
        unreachable!("{:?}", x);
    }
    n
}

fn main() {}
