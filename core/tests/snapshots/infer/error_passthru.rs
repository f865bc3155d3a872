// Pass-through handles are passed, stored and compared, nothing else.
fn field(h: PassThru<String>) -> i32 {
    h.len
}

fn method(h: PassThru<String>) -> usize {
    h.len()
}

fn arithmetic(a: PassThru<String>, b: PassThru<String>) -> bool {
    a < b
}
