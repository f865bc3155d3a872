// `if let Some(p)` binds `p` in the `then` branch only; `if let None` swaps the branches
// of an `if let Some(_)`.
fn first(x: Option<(i32, i32)>) -> i32 {
    if let Some((a, _)) = x {
        a
    } else {
        0
    }
}

fn is_missing(x: Option<f64>) -> bool {
    if let None = x {
        true
    } else {
        false
    }
}
