//@ macro-time
// At macro time a generic class is unknown as any class: a body that names one without
// its arguments, or over a generic parameter, reports nothing the first call may not
// decide otherwise.
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

fn make<T>(x: T) -> Stack<T> {
    let mut s = Stack::new();
    s.push(x);
    s
}

fn sizes() -> usize {
    let mut s = Stack::new();
    s.push(1i64);
    let t: Stack<f64> = Stack::new();
    s.items.len() + t.items.len()
}

fn fields_unknown_until_the_first_call() -> f64 {
    let s = Stack { items: vec![1.0] };
    s.items.len() + 1.0
}
