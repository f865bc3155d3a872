use jitclass::jit;
use jitclass::sqlite::{Connection, FunctionFlags, register_scalar};

#[jit]
fn zero_first(b: &mut [u8]) -> i64 {
    b[0] = 0;
    b.len() as i64
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<zero_first>(&conn, "zero_first", FunctionFlags::SQLITE_UTF8).unwrap();
}
