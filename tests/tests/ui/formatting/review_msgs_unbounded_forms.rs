// Other forms of formatting a value of an unbounded `T` rustc refuses (E0277), refused at
// build time: inside a `match` arm that keeps the parameter, a copy of a copy, a `&mut T`.
use jitclass::jit;

#[jit]
fn in_arm<T>(x: &T, n: Option<i64>) -> String {
    match n {
        Some(k) => format!("{k}{}", x),
        None => String::new(),
    }
}

#[jit]
fn copy_of_copy<T>(x: &T) -> String {
    let y = x;
    let z = y;
    format!("{z:?}")
}

#[jit]
fn mut_ref<T>(x: &mut T) -> String {
    format!("{}", x)
}

fn main() {}
