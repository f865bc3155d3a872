// A `#[getter]` property is a value, not a place.
struct G {
    r: f64,
}

impl G {
    #[getter]
    fn d(&self) -> f64 {
        self.r * 2.0
    }
}

fn assign(mut g: G) {
    g.d = 1.0;
}

fn compound(mut g: G) {
    g.d += 1.0;
}
