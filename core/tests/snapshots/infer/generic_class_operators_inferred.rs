//@ instantiate: add::<f64>
// Operators on a generic class whose arguments a literal gives (`V2<{float}>`): the
// member's impl, chosen once literals have their types.
struct V2<T> {
    x: T,
    y: T,
}

impl<T> V2<T> {
    fn new(x: T, y: T) -> Self {
        V2 { x, y }
    }
}

impl<T> Add for V2<T> {
    fn add(self, other: V2<T>) -> V2<T> {
        V2 { x: self.x + other.x, y: self.y + other.y }
    }
}

impl<T> Neg for V2<T> {
    fn neg(self) -> V2<T> {
        V2 { x: -self.x, y: -self.y }
    }
}

fn sum() -> f64 {
    let a = V2::new(1.0, 2.0);
    let b = V2 { x: 3.0, y: 4.0 };
    let c = -(a + b);
    c.x
}
