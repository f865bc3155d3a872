use jitclass::jit;
use jitclass::sqlite::{Connection, FunctionFlags, register_scalar};

#[jit]
fn len_or(b: Option<&[u8]>) -> i64 {
    match b {
        Some(b) => b.len() as i64,
        None => -1,
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<len_or>(&conn, "len_or", FunctionFlags::SQLITE_UTF8).unwrap();
}
