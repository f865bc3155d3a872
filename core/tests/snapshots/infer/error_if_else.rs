// `if` without `else` as a value, branches of different types, a loop body's value.
fn missing_else(c: bool) -> i32 {
    if c {
        1
    }
}

fn incompatible(c: bool) -> i32 {
    if c {
        1
    } else {
        2.0
    }
}

fn loop_body_value(n: i32) {
    for i in 0..n {
        i
    }
}
