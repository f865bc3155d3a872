// The coercions to trait objects rustc refuses, as inference reports them at the first
// call, in rustc's words: an instance (not a borrow of one) or a box where a `&dyn T` is
// expected is E0308; a borrow of a box (`&b`, `&mut b`, `&v[i]`, the element of
// `for s in &v`) asks for `Box<dyn T>: T` (E0277). In a generic body, which rustc does
// not check, the errors of trait object calls come from inference alone.
//@ instantiate: generic_mut_through_loop::<f64>
//@ instantiate: generic_errors::<f64>
trait Shape {
    fn area(&self) -> f64;
    fn grow(&mut self, k: f64);
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
    fn doubled(&self) -> f64 {
        self.r
    }
}

fn instance_for_a_reference(c: Circle) -> f64 {
    let r: &dyn Shape = c;
    r.area()
}

fn box_for_a_reference(c: Circle) -> f64 {
    let b: Box<dyn Shape> = Box::new(c);
    let r: &dyn Shape = b;
    r.area()
}

fn borrowed_box(c: Circle) -> f64 {
    let b: Box<dyn Shape> = Box::new(c);
    let r: &dyn Shape = &b;
    r.area()
}

fn mutably_borrowed_box(c: Circle) -> f64 {
    let mut b: Box<dyn Shape> = Box::new(c);
    let r: &mut dyn Shape = &mut b;
    r.area()
}

fn borrowed_element(c: Circle) -> f64 {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(c)];
    let r: &dyn Shape = &shapes[0];
    r.area()
}

fn loop_element_as_a_reference(c: Circle) -> f64 {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(c)];
    let mut t = 0.0;
    for s in &shapes {
        let r: &dyn Shape = s;
        t = t + r.area();
    }
    t
}

fn shared_for_mutable(c: Circle) -> f64 {
    let r: &mut dyn Shape = &c;
    r.area()
}

fn deref_of_an_instance(c: Circle) -> f64 {
    let r: &dyn Shape = &*c;
    r.area()
}

fn as_mut_of_immutable_box(c: Circle) -> f64 {
    let b: Box<dyn Shape> = Box::new(c);
    let r: &mut dyn Shape = b.as_mut();
    r.area()
}

fn generic_mut_through_loop<T>(c: Circle, x: T) -> f64 {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(c)];
    for s in &shapes {
        s.grow(2.0);
    }
    0.0
}

fn generic_errors<T>(c: Circle, q: Square, x: T) -> f64 {
    let b: Box<dyn Shape> = Box::new(c);
    let r: &dyn Shape = &b;
    let s: Box<dyn Shape> = Box::new(q);
    b.perimeter() + b.doubled()
}

fn mut_reborrow_of_shared(c: Circle) -> f64 {
    let r: &dyn Shape = &c;
    let m: &mut dyn Shape = &mut *r;
    m.area()
}

fn loop_element_reborrowed(c: Circle) -> f64 {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(c)];
    let mut t = 0.0;
    for s in &shapes {
        let r: &dyn Shape = &*s;
        t = t + r.area();
    }
    t
}
