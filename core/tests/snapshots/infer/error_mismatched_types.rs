// `mismatched types`, with the note that names the return type, or the missing tail.
fn annotated() {
    let x: f64 = true;
}

fn returned() -> i32 {
    2.5
}

fn no_tail(x: i32) -> i32 {
    x + 1;
}

fn argument(x: f64) -> f64 {
    takes_i64(x)
}

fn takes_i64(x: i64) -> f64 {
    x as f64
}
