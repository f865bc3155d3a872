// Names that resolve to nothing: values, labels, `self` outside a method.
fn f(x: i32) -> i32 {
    'a: loop {
        break 'b;
    }
    y + self
}
