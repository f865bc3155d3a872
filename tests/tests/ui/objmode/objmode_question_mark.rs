use jitclass::{jit, objmode};

#[jit]
fn parse(x: i64) -> i64 {
    objmode!(|x: i64| -> i64 {
        let parsed: i64 = format!("{x}").parse()?;
        parsed
    })
}

fn main() {}
