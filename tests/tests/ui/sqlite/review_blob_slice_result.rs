use jitclass::jit;
use jitclass::sqlite::{Connection, FunctionFlags, register_scalar};

// The lent bytes cannot be the result: SQLite's value may change once the call returns.
#[jit]
fn same(b: &[u8]) -> &[u8] {
    b
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<same>(&conn, "same", FunctionFlags::SQLITE_UTF8).unwrap();
}
