//! Review of the shadow for methods of impls with an unbounded parameter that cannot
//! duck-type (`macros/src/shadow/duck.rs`): methods that use a value of `T` where a
//! written type is wanted (per instantiation only) keep duck typing and build, each
//! compared with rustc's build of the same code at the instantiation.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Sq {
    pub x: f64,
}

#[jitclass]
impl Sq {
    pub fn new(x: f64) -> Sq {
        Sq { x }
    }

    pub fn area(&self) -> f64 {
        self.x * self.x
    }
}

#[jit]
pub fn square(a: i64) -> i64 {
    a * a
}

#[jit]
pub fn fill<U>(v: &mut Vec<U>, x: U) {
    v.push(x);
}

#[jitclass]
pub struct Spec<T> {
    pub v: T,
    pub n: i64,
    pub data: Vec<f64>,
}

#[jitclass]
impl<T> Spec<T> {
    pub fn new(v: T) -> Self {
        Spec {
            v,
            n: 0,
            data: Vec::new(),
        }
    }

    /// `x` given to a fn whose parameter is `i64`.
    pub fn call_arg(&mut self, x: T) {
        let y = square(x);
        self.n = y;
    }

    /// `x` assigned to a field of type `i64`.
    pub fn assign_concrete(&mut self, x: T) {
        self.n = x;
    }

    /// `i` as an index.
    pub fn index_by(&mut self, i: T) {
        let a = vec![10, 20, 30];
        let b = a[i];
        self.n = b;
    }

    /// `k` as a `vec!` count.
    pub fn repeat_count(&mut self, k: T) {
        let w = vec![0.5; k];
        self.data = w;
    }

    /// `x` and `7` as the branches of one `if`.
    pub fn mixed_if(&mut self, x: T, c: bool) {
        let y = if c { x } else { 7 };
        self.n = y;
    }

    /// `x` pushed into a `Vec` by a fn, then an element's method.
    pub fn out_param(&self, x: T) -> f64 {
        let mut w = Vec::new();
        fill(&mut w, x);
        w[0].area()
    }

    /// `x` and `y` at each other's places in the returned tuple.
    pub fn swapped(&self, x: T, y: i64) -> (T, i64) {
        (y, x)
    }

    /// A method that needs no duck typing still builds (rustc's check).
    pub fn wrap(&self, x: T) -> Option<T> {
        Some(x)
    }
}

/// The plain Rust copy at the instantiations used (`T = i64`, `usize`, `Sq`).
mod plain {
    pub fn square(a: i64) -> i64 {
        a * a
    }

    pub struct SpecI64 {
        pub n: i64,
    }

    impl SpecI64 {
        pub fn call_arg(&mut self, x: i64) {
            let y = square(x);
            self.n = y;
        }
        pub fn assign_concrete(&mut self, x: i64) {
            self.n = x;
        }
        pub fn mixed_if(&mut self, x: i64, c: bool) {
            let y = if c { x } else { 7 };
            self.n = y;
        }
    }

    pub struct SpecUsize {
        pub n: i64,
        pub data: Vec<f64>,
    }

    impl SpecUsize {
        pub fn index_by(&mut self, i: usize) {
            let a = [10, 20, 30];
            let b = a[i];
            self.n = b;
        }
        pub fn repeat_count(&mut self, k: usize) {
            let w = vec![0.5; k];
            self.data = w;
        }
    }

    pub fn swapped(x: i64, y: i64) -> (i64, i64) {
        (y, x)
    }

    pub fn out_param(x: f64) -> f64 {
        let w = [x];
        w[0] * w[0]
    }
}

#[test]
fn ok_values_of_t_where_a_written_type_is_wanted() {
    let _m = memory_test();
    {
        let mut d = Spec::new(2_i64);
        let mut r = plain::SpecI64 { n: 0 };
        d.call_arg(3);
        r.call_arg(3);
        assert_eq!(d.n(), r.n);
        d.assign_concrete(4);
        r.assign_concrete(4);
        assert_eq!(d.n(), r.n);
        d.mixed_if(5, false);
        r.mixed_if(5, false);
        assert_eq!(d.n(), r.n);
        d.mixed_if(5, true);
        r.mixed_if(5, true);
        assert_eq!(d.n(), r.n);
        assert_eq!(d.wrap(9), Some(9));
        assert_eq!(d.swapped(1, 2), plain::swapped(1, 2));

        let mut e = Spec::new(1_usize);
        let mut s = plain::SpecUsize {
            n: 0,
            data: Vec::new(),
        };
        e.index_by(2);
        s.index_by(2);
        assert_eq!(e.n(), s.n);
        e.repeat_count(3);
        s.repeat_count(3);
        assert_eq!(e.data(), s.data);
    }
    assert_no_leaks();
}

#[test]
fn ok_out_parameter_filled_with_t_then_duck_typed() {
    let _m = memory_test();
    {
        let c = Spec::new(Sq::new(1.0));
        assert_eq!(c.out_param(Sq::new(3.0)), plain::out_param(3.0));
    }
    assert_no_leaks();
}
