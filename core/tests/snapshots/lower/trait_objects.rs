// Trait objects written in a body are types of jit code; in a signature or a field they
// would cross between Rust and jit code, and are refused at their `dyn`. `Box` holds
// only a trait object.
fn body_types(c: Circle) -> f64 {
    let a: Box<dyn Shape> = Box::new(c);
    let b: Vec<Box<dyn shapes::Shape>> = Vec::<Box<dyn Shape>>::new();
    let o: Option<Box<dyn Shape>> = None;
    let r: &dyn Shape = &a;
    let t: (Box<dyn Shape>, i64) = (std::boxed::Box::<dyn Shape>::new(Circle { r: 1.0 }), 1);
    a.area()
}

fn param(s: &dyn Shape) -> f64 {
    s.area()
}

fn result() -> Vec<Box<dyn Shape>> {
    Vec::new()
}

struct Scene {
    shapes: Vec<Box<dyn Shape>>,
}

fn other_boxes(c: Circle) -> f64 {
    let a: Box<Circle> = Box::new(c);
    let b: Box<i64> = Box::pin(1);
    let d: dyn Shape = c;
    let e: Box<dyn Shape + Send> = Box::new(c);
    let f: Box<dyn Fn(i64) -> i64> = Box::new(c);
    0.0
}

fn objmode_crossing(c: Circle) -> f64 {
    let x: f64 = objmode!(|c: &dyn Shape| -> f64 { c.area() });
    x
}
