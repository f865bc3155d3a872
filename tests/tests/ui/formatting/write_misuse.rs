use jitclass::jit;

// The `fmt::Result` of `write!` is used at once: jit code has no `Result` value yet.
#[jit]
fn kept(x: i64) -> usize {
    let mut s = String::new();
    let r = write!(s, "{}", x);
    r.is_ok() as usize + s.len()
}

#[jit]
fn other_form(x: i64) -> bool {
    let mut s = String::new();
    write!(s, "{}", x).ok().is_some()
}

// Only a place is written into.
#[jit]
fn into_a_temporary(x: i64) -> usize {
    let s = String::new();
    write!(s.clone(), "{}", x).unwrap();
    s.len()
}

// As rustc: a missing argument, and a value that is not a `String`.
#[jit]
fn missing(x: i64) -> usize {
    let mut s = String::new();
    write!(s, "{} {}", x).unwrap();
    s.len()
}

#[jit]
fn into_a_number(x: i64) -> i64 {
    let mut n = 0i64;
    write!(n, "{}", x).unwrap();
    n
}

fn main() {}
