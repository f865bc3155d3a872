use jitclass::jit;
use jitclass::sqlite::{Connection, FunctionFlags, register_scalar};

#[jit]
fn label(x: i64) -> String {
    let _ = x;
    String::new()
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<label>(&conn, "label", FunctionFlags::SQLITE_UTF8).unwrap();
}
