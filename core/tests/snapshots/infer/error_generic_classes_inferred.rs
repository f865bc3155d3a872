//@ instantiate: deeper::<Stack<Stack<Stack<Stack<Stack<i64>>>>>>
// A generic class whose arguments nothing determines is rustc's E0282, at the local (or
// the expression); mismatched instantiations are E0308; a member past the instantiation
// limits is the callee's error, where it is needed.
struct Stack<T> {
    items: Vec<T>,
}

impl<T> Stack<T> {
    fn new() -> Self {
        Stack { items: Vec::new() }
    }

    fn push(&mut self, x: T) {
        self.items.push(x);
    }
}

struct Pair<A, B> {
    a: A,
    b: B,
}

fn make<T>(x: T) -> Stack<T> {
    let mut s = Stack::new();
    s.push(x);
    s
}

fn takes(s: Stack<f64>) -> usize {
    s.items.len()
}

fn never_known() {
    let s = Stack::new();
}

fn never_known_expression() {
    Stack::new();
}

fn half_known() -> i64 {
    let p = Pair { a: 1i64, b: None };
    p.a
}

fn wrong_annotation() {
    let t: Stack<f64> = make(1i64);
}

fn wrong_argument() -> usize {
    let mut s = Stack::new();
    s.push(1i64);
    takes(s)
}

fn wrong_push() {
    let mut s: Stack<bool> = Stack::new();
    s.push(1.5);
}

fn wrong_field() {
    let s = Stack { items: vec![1u8] };
    let x: Vec<i64> = s.items;
}

fn wrap<T>(s: Stack<T>) -> Stack<Stack<T>> {
    let mut outer = Stack::new();
    outer.push(s);
    outer
}

fn deeper<T>(n: i64, s: Stack<T>) -> i64 {
    if n == 0 {
        0
    } else {
        deeper(n - 1, wrap(s))
    }
}
