use jitclass::{jit, objmode};

#[jit]
fn early(x: i64) -> i64 {
    objmode!(|x: i64| -> i64 {
        if x < 0 {
            return 0;
        }
        x
    })
}

fn main() {}
