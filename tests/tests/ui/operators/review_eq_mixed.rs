use jitclass::{jit, jitclass};

#[jitclass]
pub struct Noord {
    pub x: i64,
}

#[jitclass]
impl Noord {
    pub fn new(x: i64) -> Noord {
        Noord { x }
    }
}

#[jit]
fn string_vs_str(s: Option<String>, t: &str) -> bool {
    s == Some(t)
}

#[jit]
fn int_vs_float(a: (i64, f64)) -> bool {
    a == (1.0, 2)
}

#[jit]
fn class_no_eq(a: i64) -> bool {
    Some(Noord::new(a)) == None
}

#[jit]
fn class_no_ord(a: i64) -> bool {
    (Noord::new(a), 1) < (Noord::new(a), 2)
}

#[jit]
fn i64_vs_i32(a: Option<i64>, b: Option<i32>) -> bool {
    a < b
}

fn main() {}
