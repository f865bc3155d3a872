// `match` on an `Option` with two arms (in either order, `_` for either) is an `if let`.
fn or_zero(x: Option<f64>) -> f64 {
    match x {
        Some(v) => v * 2.0,
        None => 0.0,
    }
}

fn none_first(x: Option<i32>) -> i32 {
    match x {
        None => -1,
        Some(v) => v,
    }
}

fn wildcard(x: Option<i32>) -> i32 {
    match x {
        Some(_) => 1,
        _ => 0,
    }
}
