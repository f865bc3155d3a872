// At macro time a local's class instance lent where a trait object is expected: the
// local's type is known only once its initialiser is, so the coercion waits for it.
//@ macro-time
trait Shape {
    fn area(&self) -> f64;
}

trait Grow {
    fn grow(&mut self, k: f64);
}

struct Circle {
    r: f64,
}

fn lent_locals(p: Circle) -> f64 {
    let c = Circle { r: 1.0 };
    let r: &dyn Shape = &c;
    let mut d = p;
    let m: &mut dyn Grow = &mut d;
    m.grow(2.0);
    r.area()
}
