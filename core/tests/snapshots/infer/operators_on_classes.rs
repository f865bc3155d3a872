// Operators on instances call the class's operator methods; `>` without `gt` is a
// swapped `lt`, `<=` without `le` is `lt || eq`, `!=` without `ne` is a negated `eq`.
struct M {
    v: f64,
}

impl Add for M {
    fn add(self, o: M) -> M {
        M { v: self.v + o.v }
    }
}

impl PartialEq for M {
    fn eq(&self, o: &M) -> bool {
        self.v == o.v
    }
}

impl PartialOrd for M {
    fn lt(&self, o: &M) -> bool {
        self.v < o.v
    }
}

fn ops(a: M, b: M) -> bool {
    let c = a + b;
    c > a && c <= b && a != b
}
