// A class's fields; its methods take `self` as parameter 0 of the class's type.
struct Vec2 {
    x: f64,
    y: f64,
    next: Option<Vec2>,
}

impl Vec2 {
    fn new(x: f64, y: f64) -> Self {
        Self { x, y: y, next: None }
    }

    fn norm(&self) -> f64 {
        (self.x * self.x + self.y * self.y).sqrt()
    }

    fn scale(&mut self, k: f64) {
        self.x *= k;
        self.y = self.y * k;
    }

    fn origin() -> Vec2 {
        Self::new(0.0, 0.0)
    }
}
