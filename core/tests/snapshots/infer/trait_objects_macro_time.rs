// At macro time a trait object's type is keyed by its trait's path as written: boxes
// bound by their uses are typed, one that nothing types is the error of the build (rustc
// would make a `Box<Circle>`, which jit code does not have), and a trait object
// written `dyn Shape` in one place and `dyn shapes::Shape` in another is left to rustc,
// as is `&t.0` (a borrowed box where a `&dyn Shape` is expected: rustc's E0277, which the
// shadow of a non-generic body reports at build time).
//@ macro-time
trait Shape {
    fn area(&self) -> f64;
}

struct Circle {
    r: f64,
}

fn typed_by_uses(c: Circle, d: Circle) -> f64 {
    let mut v: Vec<Box<dyn Shape>> = Vec::new();
    v.push(Box::new(c));
    let b: Box<dyn shapes::Shape> = Box::new(d);
    v.push(b);
    let t: (Box<dyn Shape>, i64) = (Box::new(Circle { r: 1.0 }), 1);
    let r: &dyn Shape = &t.0;
    v[0].area() + r.area()
}

fn untyped(c: Circle) -> f64 {
    let b = Box::new(c);
    b.area()
}
