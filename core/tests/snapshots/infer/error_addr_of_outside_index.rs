// `&self.field` is only the result of `index`/`index_mut`.
struct I {
    a: f64,
}

impl Index<usize> for I {
    fn index(&self, i: usize) -> &f64 {
        let r = &self.a;
        r
    }
}
