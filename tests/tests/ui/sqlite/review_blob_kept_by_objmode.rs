use jitclass::sqlite::{Connection, FunctionFlags, register_scalar};
use jitclass::{jit, objmode};
use std::cell::RefCell;

thread_local! {
    static KEPT: RefCell<Vec<&'static [u8]>> = const { RefCell::new(Vec::new()) };
}

// The lent bytes cannot leave the call through an `objmode!` block either.
#[jit]
fn keep(b: &[u8]) -> i64 {
    objmode!(|b: &[u8]| -> i64 {
        KEPT.with(|k| k.borrow_mut().push(b));
        1
    })
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<keep>(&conn, "keep", FunctionFlags::SQLITE_UTF8).unwrap();
}
