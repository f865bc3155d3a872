use jitclass::{jit, jitclass};

#[jitclass]
pub struct Body {
    pub x: f64,
}

#[jit]
fn same(v: Vec<Body>, w: Vec<Body>) -> bool {
    v == w
}

#[jit]
fn has(v: Vec<(i32, Body)>, b: (i32, Body)) -> bool {
    v.contains(&b)
}

fn main() {}
