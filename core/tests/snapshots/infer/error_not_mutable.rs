// Assignments to what is not mutable, in rustc's words.
struct S {
    v: f64,
}

impl S {
    fn read(&self) {
        self.v = 1.0;
    }

    fn bump(&mut self) {
        self.v += 1.0;
    }

    fn calls_mut(&self) {
        self.bump();
    }

    fn replace(&mut self) {
        self = S { v: 0.0 };
    }
}

fn argument(x: f64) {
    x = 2.0;
}

fn twice() {
    let y;
    y = 1;
    y = 2;
}

fn field_of_immutable(s: S) {
    s.v = 2.0;
}

fn borrow_mut(s: S) {
    s.bump();
}

fn read_only_slice(xs: &[f64]) {
    xs[0] = 1.0;
}
