// A generic class's arguments known only statements later: through a `Vec` of them, an
// `Option`, branches, a method's result, and Rust's integer fallback (`i32`).
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

    fn top(&self) -> Option<T> {
        self.items.last().copied()
    }
}

fn make<T>(x: T) -> Stack<T> {
    let mut s = Stack::new();
    s.push(x);
    s
}

fn in_a_vec() -> usize {
    let mut v = Vec::new();
    v.push(Stack::new());
    v[0].push(2u8);
    v[0].items.len()
}

fn in_an_option(flag: bool) -> i64 {
    let mut o = None;
    if flag {
        o = Some(make(3i64));
    }
    match o {
        Some(s) => s.items.len() as i64,
        None => 0,
    }
}

fn through_branches(flag: bool) -> usize {
    let s = if flag { Stack::new() } else { make(1.5f32) };
    s.items.len()
}

fn through_a_result() -> i64 {
    let mut s = Stack::new();
    let before = s.top();
    s.push(7);
    let x: i64 = s.top().unwrap();
    match before {
        Some(b) => b + x,
        None => x,
    }
}

fn integer_fallback() -> usize {
    let mut s = Stack::new();
    s.push(1);
    s.items.len()
}
