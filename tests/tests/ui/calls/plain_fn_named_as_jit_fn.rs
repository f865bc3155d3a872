// Two fns named `f`, a jit one and a plain one, each called in a method of one impl
// block: the jit one is accepted, the plain one refused naming `f`.
use jitclass::jitclass;

pub mod jitted {
    use jitclass::jit;

    #[jit]
    pub fn f(x: i64) -> i64 {
        x + 1
    }
}

pub mod plain {
    pub fn f(x: i64) -> i64 {
        x + 2
    }
}

#[jitclass]
pub struct Pair {
    a: i64,
}

#[jitclass]
impl Pair {
    pub fn one(&self) -> i64 {
        jitted::f(self.a)
    }

    pub fn two(&self) -> i64 {
        plain::f(self.a)
    }
}

fn main() {}
