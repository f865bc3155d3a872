// Misuses of trait objects in a body, as inference reports them at the first call (in a
// non-generic body rustc's check of the shadow reports those Rust has first). A class
// method cannot take `self` by value, so no impl defines `consume`.
//@ instantiate: moved_box::<f64>
trait Shape {
    fn area(&self) -> f64;
    fn grow(&mut self, k: f64);
    fn consume(self) -> f64;
    fn make() -> Self where Self: Sized;
    fn doubled(&self) -> f64 where Self: Sized;
}

struct Circle {
    r: f64,
}

struct Square {
    s: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        self.r
    }
    fn grow(&mut self, k: f64) {
        self.r = self.r * k;
    }
    fn make() -> Circle {
        Circle { r: 1.0 }
    }
    fn doubled(&self) -> f64 {
        self.r
    }
}

fn without_the_impl(q: Square) -> f64 {
    let s: Box<dyn Shape> = Box::new(q);
    s.area()
}

fn borrowed_without_the_impl(q: Square) -> f64 {
    let s: &dyn Shape = &q;
    s.area()
}

fn unannotated(c: Circle) -> f64 {
    let b = Box::new(c);
    0.0
}

fn boxed_number() -> f64 {
    let b: Box<dyn Shape> = Box::new(1.5);
    0.0
}

fn box_for_a_class(c: Circle) -> f64 {
    let d: Circle = Box::new(c);
    0.0
}

fn unknown_method(c: Circle) -> f64 {
    let s: Box<dyn Shape> = Box::new(c);
    s.perimeter()
}

fn associated_fn(c: Circle) -> f64 {
    let s: Box<dyn Shape> = Box::new(c);
    s.make();
    0.0
}

fn sized_method(c: Circle) -> f64 {
    let s: Box<dyn Shape> = Box::new(c);
    s.doubled()
}

fn by_value_self(c: Circle) -> f64 {
    let s: Box<dyn Shape> = Box::new(c);
    s.consume()
}

fn mut_through_shared(c: Circle) -> f64 {
    let s: &dyn Shape = &c;
    s.grow(2.0);
    0.0
}

fn mut_of_immutable_box(c: Circle) -> f64 {
    let s: Box<dyn Shape> = Box::new(c);
    s.grow(2.0);
    0.0
}

fn wrong_argument(c: Circle) -> f64 {
    let mut s: Box<dyn Shape> = Box::new(c);
    s.grow(true);
    0.0
}

fn moved_box<T>(c: Circle, x: T) -> f64 {
    let s: Box<dyn Shape> = Box::new(c);
    let t = s;
    s.area() + t.area()
}

fn mut_borrow_of_immutable(c: Circle) -> f64 {
    let s: &mut dyn Shape = &mut c;
    s.area()
}
