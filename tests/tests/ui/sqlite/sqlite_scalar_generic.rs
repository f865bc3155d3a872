use jitclass::jit;
use jitclass::sqlite::{Connection, FunctionFlags, register_scalar};

#[jit]
fn twice<T>(x: T) -> T {
    x + x
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<twice>(&conn, "twice", FunctionFlags::SQLITE_UTF8).unwrap();
}
