use jitclass::jit;
use jitclass::sqlite::{Connection, FunctionFlags, register_scalar};

#[jit]
fn total(xs: &[f64]) -> f64 {
    let mut t = 0.0;
    for i in 0..xs.len() {
        t += xs[i];
    }
    t
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<total>(&conn, "total2", FunctionFlags::SQLITE_UTF8).unwrap();
}
