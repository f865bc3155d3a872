// Trait objects in a body: `Box::new` typed by its use, calls through the vtable,
// coercions of instances and boxes to `&dyn` / `&mut dyn`.
trait Shape {
    fn area(&self) -> f64;
    fn scale(&mut self, k: f64);
    fn make() -> Self where Self: Sized;
}

struct Circle {
    r: f64,
}

struct Square {
    s: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        self.r * self.r * 3.0
    }
    fn scale(&mut self, k: f64) {
        self.r = self.r * k;
    }
    fn make() -> Circle {
        Circle { r: 1.0 }
    }
}

impl Shape for Square {
    fn area(&self) -> f64 {
        self.s * self.s
    }
    fn scale(&mut self, k: f64) {
        self.s = self.s * k;
    }
    fn make() -> Square {
        Square { s: 1.0 }
    }
}

fn annotated_let(c: Circle) -> f64 {
    let s: Box<dyn Shape> = Box::new(c);
    s.area()
}

fn vec_of_boxes(a: Circle, b: Square) -> f64 {
    let mut shapes: Vec<Box<dyn Shape>> = vec![Box::new(a)];
    shapes.push(Box::new(b));
    let mut total = 0.0;
    for s in &shapes {
        total += s.area();
    }
    total + shapes[0].area()
}

fn turbofish_and_branches(a: Circle, b: Square, which: bool) -> f64 {
    let mut v = Vec::<Box<dyn Shape>>::new();
    v.push(if which { Box::new(a) } else { Box::new(b) });
    let t: (Box<dyn Shape>, i64) = (Box::<dyn Shape>::new(Circle { r: 2.0 }), 1);
    v[0].area() + t.0.area()
}

fn option_of_box(a: Circle) -> f64 {
    let o: Option<Box<dyn Shape>> = Some(Box::new(a));
    match o {
        Some(s) => s.area(),
        None => 0.0,
    }
}

fn mutable_calls(a: Circle, mut b: Square) -> f64 {
    let mut s: Box<dyn Shape> = Box::new(a);
    s.scale(2.0);
    let r: &mut dyn Shape = &mut *s;
    r.scale(0.5);
    let q: &mut dyn Shape = &mut b;
    q.scale(3.0);
    s.area() + q.area()
}

fn borrowed_objects(a: Circle) -> f64 {
    let c: &dyn Shape = &a;
    let boxed: Box<dyn Shape> = Box::new(Circle { r: 1.0 });
    let lent: &dyn Shape = &*boxed;
    let held = boxed.as_ref();
    let again: &dyn Shape = &*held;
    let o: Option<Box<dyn Shape>> = None;
    c.area() + lent.area() + held.area()
}

fn loop_over_mut_boxes(a: Circle, b: Square) -> f64 {
    let mut shapes: Vec<Box<dyn Shape>> = vec![Box::new(a), Box::new(b)];
    for s in &mut shapes {
        s.scale(2.0);
    }
    shapes[1].scale(0.5);
    shapes[0].area()
}
