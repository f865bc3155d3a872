use jitclass::{jit, objmode};

#[jit]
fn leave_loop(n: i64) -> i64 {
    let mut total = 0;
    for i in 0..n {
        total += objmode!(|i: i64| -> i64 {
            if i > 10 {
                break;
            }
            i
        });
    }
    total
}

fn main() {}
