// `while let P = e { body }` is `loop { if let P = e { body } else { break } }`.
fn drain(mut next: Option<i32>) -> i32 {
    let mut total = 0;
    while let Some(v) = next {
        total += v;
        next = None;
    }
    total
}
