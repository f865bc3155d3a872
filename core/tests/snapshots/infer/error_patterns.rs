// Patterns against values of another shape.
fn if_let_not_option(x: i32) -> i32 {
    if let Some(v) = x {
        v
    } else {
        0
    }
}

fn tuple_arity(t: (i32, i32, i32)) -> i32 {
    let (a, b) = t;
    a + b
}
