use jitclass::{jit, objmode};

#[jit]
fn read_anything(addr: usize) -> i64 {
    objmode!(|addr: usize| -> i64 {
        let p = addr as *const i64;
        *p
    })
}

fn main() {}
