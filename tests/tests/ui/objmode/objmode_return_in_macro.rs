use jitclass::{jit, objmode};

#[jit]
fn early(x: i64) -> i64 {
    objmode!(|x: i64| -> i64 {
        println!("{}", if x > 0 { return 7 } else { 0 });
        42
    })
}

fn main() {}
