use jitclass::jit;
use jitclass::sqlite::{Connection, FunctionFlags, register_scalar};

#[jit]
fn text_len(s: Option<&str>) -> i64 {
    match s {
        Some(s) => s.len() as i64,
        None => -1,
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<text_len>(&conn, "text_len", FunctionFlags::SQLITE_UTF8).unwrap();
}
