// Operator traits' methods take `self` by value (`Add`) and other instances as `&V`;
// `Index::index` returns `&self.field`, an `AddrOf`.
struct V {
    a: f64,
    b: f64,
}

impl Add for V {
    fn add(self, other: &V) -> V {
        V { a: self.a + other.a, b: self.b + other.b }
    }
}

impl Index<usize> for V {
    fn index(&self, i: usize) -> &f64 {
        if i == 0 {
            &self.a
        } else {
            &self.b
        }
    }
}
