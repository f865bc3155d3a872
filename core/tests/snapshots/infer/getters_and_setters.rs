// `#[getter]`/`#[setter]` functions are read and written as fields.
struct C {
    r: f64,
}

impl C {
    #[getter]
    fn area(&self) -> f64 {
        self.r * self.r * 3.0
    }

    #[setter]
    fn set_area(&mut self, a: f64) {
        self.r = a.sqrt();
    }
}

fn grow(mut c: C) -> f64 {
    c.area = c.area * 2.0;
    c.area
}
