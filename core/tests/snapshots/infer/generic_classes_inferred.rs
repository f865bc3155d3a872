//@ instantiate: size::<i64>
//@ instantiate: new::<f64>
//@ instantiate: push::<f64>
//@ instantiate: make::<i32>
// A generic class's arguments inferred from the uses, as rustc infers them: a generic
// fn over an instantiation with its own parameter, a class named without arguments, a
// struct literal, an annotation, and an argument of a known instantiation.
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

fn size<T>(s: Stack<T>) -> usize {
    s.items.len()
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
    size(s) + size(t)
}

fn pair() -> f64 {
    let p = Pair { a: 1i64, b: 2.0 };
    p.b
}

fn takes(s: Stack<f64>) -> usize {
    s.items.len()
}

fn passes() -> usize {
    takes(Stack::new())
}

fn field_of_open() -> usize {
    let s = Stack::new();
    let n = s.items.len();
    let mut t = s;
    t.push(true);
    n
}
