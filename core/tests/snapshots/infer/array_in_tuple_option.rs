// `Option<T>`'s methods while `T` is still open: an integer array literal in a tuple,
// copied into `Some(..)` and read back, and integer literals in an `Option`, take their
// type from the use (`i64`), as rustc infers them.
fn from_tuple_in_option(x: i64) -> i64 {
    let t = ([x, 2], [3, 4]);
    let o = Some(t.1);
    o.unwrap()[0]
}

fn literal_in_option(x: i64) -> i64 {
    let o = Some(3);
    o.unwrap() + x
}

fn literal_in_option_or(x: i64, c: bool) -> i64 {
    let o = if c { Some(3) } else { None };
    if o.is_some() { o.unwrap_or(x) } else { 0 }
}
