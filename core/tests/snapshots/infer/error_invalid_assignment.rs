// Places that cannot be assigned.
fn to_literal() {
    1 = 2;
}

fn to_call(x: i32) {
    id(x) = 3;
}

fn id(x: i32) -> i32 {
    x
}
