// Field accessors from Rust keep the field's type: a value of another type to a setter, and
// a getter's value where another type is expected, are rustc's E0308 at the user's token,
// in a plain class and an instantiation of a generic one.
use jitclass::jitclass;

#[jitclass]
pub struct Plain {
    pub f: f64,
    pub s: String,
}

#[jitclass]
impl Plain {
    pub fn new() -> Plain {
        Plain {
            f: 0.0,
            s: String::new(),
        }
    }
}

#[jitclass]
pub struct Gen<T> {
    pub x: T,
    pub xs: Vec<T>,
}

#[jitclass]
impl<T: Copy> Gen<T> {
    pub fn new(x: T) -> Gen<T> {
        Gen { x, xs: vec![x] }
    }
}

fn main() {
    let p = Plain::new();
    p.set_f(1);
    p.set_s("text");
    let _n: i64 = p.f();
    let g = Gen::<i64>::new(1);
    g.set_x(1.5);
    g.set_xs(vec![true]);
    let _b: bool = g.x();
}
