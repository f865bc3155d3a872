// Fields by payload index, class functions by candidate, struct literals' field order.
struct V {
    x: f64,
    y: f64,
}

impl V {
    fn new(x: f64, y: f64) -> V {
        V { y, x }
    }

    fn dot(&self, o: V) -> f64 {
        self.x * o.x + self.y * o.y
    }

    fn scale(&mut self, k: f64) {
        self.y *= k;
    }
}

fn use_v(a: f64) -> f64 {
    let mut v = V::new(a, 2.0);
    v.scale(3.0);
    v.dot(V::new(1.0, 1.0))
}
