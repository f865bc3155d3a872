// `type annotations needed`: an expression, a local, a callee's generic arguments, a
// method's receiver.
fn local() {
    let x = None;
}

fn generic_call() {
    let n = make();
}

fn make<T>() -> Option<T> {
    None
}

fn unused_local() {
    let x;
}

fn generic_arguments() {
    nothing();
}

fn nothing<T>() {}

fn receiver() -> i32 {
    let x = anything();
    x.abs()
}

fn anything<T>() -> T {
    anything()
}
