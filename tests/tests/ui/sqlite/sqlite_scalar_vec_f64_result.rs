use jitclass::jit;
use jitclass::sqlite::{Connection, FunctionFlags, register_scalar};

#[jit]
fn pair(x: f64) -> Vec<f64> {
    vec![x, x]
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<pair>(&conn, "pair", FunctionFlags::SQLITE_UTF8).unwrap();
}
