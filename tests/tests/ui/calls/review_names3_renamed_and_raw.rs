// Non-jit fns called as written in other forms: through a `use` rename, a raw identifier,
// a name that is also the caller's type parameter, and inside a `macro_rules!` expansion:
// each is refused at the call naming the fn as written.
use jitclass::jit;

use std::cmp::max as biggest;

pub fn r#match(x: i64) -> i64 {
    x
}

#[allow(non_snake_case)]
pub fn T(x: i64) -> i64 {
    x
}

#[jit]
fn renamed(a: i64, b: i64) -> i64 {
    biggest(a, b)
}

#[jit]
fn raw(a: i64) -> i64 {
    r#match(a)
}

#[jit]
fn named_as_param<T>(_x: T, y: i64) -> i64 {
    T(y)
}

macro_rules! jit_calling_max {
    ($name:ident) => {
        #[jit]
        fn $name(a: i64) -> i64 {
            std::cmp::max(a, 1)
        }
    };
}
jit_calling_max!(in_macro);

fn main() {}
