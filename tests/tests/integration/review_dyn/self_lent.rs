//! `self` lent as a trait object in the class's own methods.

use super::*;

// ---- `self` lent as a trait object in the class's own methods. ----

/// A class with a managed field, whose methods lend `self` as a `&dyn Fig` /
/// `&mut dyn Fig` (a reference in Rust, coerced as `&c` is).
#[jitclass]
pub struct Ring {
    r: f64,
    log: Vec<f64>,
}

#[jitclass]
impl Fig for Ring {
    fn area(&self) -> f64 {
        self.r * 2.0 + self.log.len() as f64
    }
    fn grow(&mut self, k: f64) {
        self.r += k;
        self.log.push(k);
    }
}

#[jitclass]
impl Ring {
    pub fn new(r: f64) -> Self {
        Ring { r, log: Vec::new() }
    }

    /// `self` as a `&dyn Fig`, then `self` used again (a reference is `Copy`).
    pub fn as_dyn(&self) -> f64 {
        let f: &dyn Fig = self;
        let t = f.area() + f.twice();
        let g: &dyn Fig = self;
        t + g.area() + self.r
    }

    /// `self` as a `&mut dyn Fig` changed through it, then as a `&dyn Fig`.
    pub fn grow_as_dyn(&mut self, k: f64) -> f64 {
        let f: &mut dyn Fig = self;
        f.grow(k);
        let t = f.bump();
        let g: &dyn Fig = self;
        t + g.area() + self.log.len() as f64
    }
}

mod rust_ring {
    use super::rust::Fig;

    pub struct Ring {
        pub r: f64,
        pub log: Vec<f64>,
    }

    impl Fig for Ring {
        fn area(&self) -> f64 {
            self.r * 2.0 + self.log.len() as f64
        }
        fn grow(&mut self, k: f64) {
            self.r += k;
            self.log.push(k);
        }
    }

    impl Ring {
        pub fn as_dyn(&self) -> f64 {
            let f: &dyn Fig = self;
            let t = f.area() + f.twice();
            let g: &dyn Fig = self;
            t + g.area() + self.r
        }

        pub fn grow_as_dyn(&mut self, k: f64) -> f64 {
            let f: &mut dyn Fig = self;
            f.grow(k);
            let t = f.bump();
            let g: &dyn Fig = self;
            t + g.area() + self.log.len() as f64
        }
    }
}

/// `let f: &dyn Fig = self;` (and `&mut dyn Fig` in a `&mut self` method) builds and runs
/// as rustc's build does (review of issue 17: the shadow refused it, "expected `&dyn Fig`,
/// found `Disk`").
#[test]
fn ok_self_lent_as_a_trait_object() {
    let _memory = memory_test();
    {
        let mut jit_ring = Ring::new(1.5);
        let mut rust_ring = rust_ring::Ring {
            r: 1.5,
            log: Vec::new(),
        };
        assert_eq!(jit_ring.as_dyn(), rust_ring.as_dyn());
        for k in [0.5, 2.0] {
            assert_eq!(jit_ring.grow_as_dyn(k), rust_ring.grow_as_dyn(k));
        }
        assert_eq!(jit_ring.as_dyn(), rust_ring.as_dyn());
    }
    assert_no_leaks();
}
