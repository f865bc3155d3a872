// `else if` is an `if` in the `else` branch; an `if` without `else` has none.
fn sign(x: f64) -> i32 {
    if x > 0.0 {
        1
    } else if x < 0.0 {
        -1
    } else {
        0
    }
}

fn clamp_low(x: &mut [f64]) {
    if x[0] < 0.0 {
        x[0] = 0.0;
    }
}
