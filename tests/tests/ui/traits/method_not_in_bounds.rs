use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
}

#[jitclass]
pub struct Square {
    side: f64,
}

#[jitclass]
impl Square {
    pub fn perimeter(&self) -> f64 {
        4.0 * self.side
    }
}

#[jitclass]
impl Shape for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

// A class's inherent method is not reachable through a type parameter: only the bounds'
// methods are (rustc's E0599), on a parameter ...
#[jit]
fn edge<S: Shape>(s: S) -> f64 {
    s.area() + s.perimeter()
}

// ... and on the variable of a `for` over a parameter slice, bounded in a `where` clause.
#[jit]
fn edges<S>(xs: &[S]) -> f64
where
    S: Shape,
{
    let mut t = 0.0;
    for x in xs {
        t += x.perimeter();
    }
    t
}

fn main() {}
