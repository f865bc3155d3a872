// Bounded generic bodies rustc rejects (review of generic shadows): each refused at build
// time at the user's token, in rustc's words, once (E0382, E0596, E0369, E0277, E0308,
// E0507), bounds written on the fn, in a where clause or on a generic method.
use jitclass::{jit, jitclass};

#[jit]
pub trait Shape {
    fn area(&self) -> f64;
    fn grow(&mut self, by: f64);
}

#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
}

// E0382: `x` moved into the vec, then used.
#[jit]
fn use_after_move<S: Shape>(v: &mut Vec<S>, x: S) -> f64 {
    v.push(x);
    x.area()
}

// E0596: a `&mut self` method through `&S`.
#[jit]
fn grow_shared<S: Shape>(s: &S) {
    s.grow(1.0);
}

// E0369: `<` without PartialOrd.
#[jit]
fn less<T: Copy>(a: T, b: T) -> bool {
    a < b
}

// E0277: `{}` without Display.
#[jit]
fn shown<T: Copy>(x: T) -> String {
    format!("{}", x)
}

// E0308: wrong return type.
#[jit]
fn wrong_ret<T: Copy>(x: T) -> i64 {
    x
}

// E0507: moving out of a borrowed Vec.
#[jit]
fn move_out<S: Shape>(v: &Vec<S>) -> S {
    v[0]
}

// A generic method with its own bound that the body exceeds.
#[jitclass]
impl<T: Copy> Bag<T> {
    pub fn add_mixed<U: Copy>(&self, u: U) -> U {
        u + u
    }
}

// E0369: a bound only in a where clause, which the body exceeds.
#[jit]
fn where_only<T>(a: T, b: T) -> T
where
    T: Copy,
{
    a * b
}

fn main() {}
