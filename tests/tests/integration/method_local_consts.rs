//! `const` items and constant array lengths in class methods (which the glue hoists into
//! its method's body): naming each other, the class's associated constants and a
//! module's, in an inherent impl, a `#[jit] trait` impl, a generic class's impl and an
//! `Index` impl; compared with rustc's build of the same impls on plain structs.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};

const BASE: i64 = 5;

#[jit]
pub trait Sized3 {
    fn size(&self) -> i64;
}

#[jitclass]
pub struct Gauge {
    pub v: i64,
}

#[jitclass]
pub struct Holder<T> {
    pub items: Vec<T>,
}

/// Plain structs with the same fields, for rustc's answers.
pub struct GaugeRs {
    v: i64,
}

pub struct HolderRs<T> {
    items: Vec<T>,
}

pub trait Sized3Rs {
    fn size(&self) -> i64;
}

/// The same impl blocks on the classes and on the plain structs.
macro_rules! method_consts_impls {
    ($($attr:meta)?; $gauge:ident, $holder:ident, $sized:ident) => {
        $(#[$attr])?
        impl $gauge {
            pub const STEP: i64 = 3;

            pub fn new(v: i64) -> $gauge {
                $gauge { v }
            }

            pub fn scaled(&self) -> i64 {
                const K: i64 = BASE * 2;
                const J: i64 = K + $gauge::STEP;
                self.v * J
            }

            pub fn window(&self) -> i64 {
                const N: usize = 4;
                let a = [self.v; N * 2];
                let b = [1_i64; BASE as usize];
                a.len() as i64 * a[0] + b.len() as i64
            }
        }

        $(#[$attr])?
        impl $sized for $gauge {
            fn size(&self) -> i64 {
                const EXTRA: i64 = BASE - 1;
                let a = [0_i64; 3];
                self.v + EXTRA + a.len() as i64
            }
        }

        $(#[$attr])?
        impl<T> $holder<T> {
            pub fn new() -> Self {
                $holder { items: Vec::new() }
            }

            pub fn capacity_hint(&self) -> usize {
                const PER: usize = 8;
                const TOTAL: usize = PER * 2;
                let a = [0_u8; TOTAL];
                self.items.len() + a.len()
            }
        }
    };
}

method_consts_impls!(jitclass; Gauge, Holder, Sized3);
method_consts_impls!(; GaugeRs, HolderRs, Sized3Rs);

#[jitclass]
impl std::ops::Index<usize> for Gauge {
    type Output = i64;
    fn index(&self, i: usize) -> &i64 {
        const LIMIT: usize = 2;
        let a = [i; LIMIT];
        let _ = a[0];
        &self.v
    }
}

#[jit]
fn through_jit(g: &Gauge) -> i64 {
    g.scaled() + g.window() + g.size() + g[1]
}

#[test]
fn method_local_constants_are_rusts() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        for v in [0, 2, -7] {
            let (g, rs) = (Gauge::new(v), GaugeRs::new(v));
            assert_eq!(g.scaled(), rs.scaled());
            assert_eq!(g.window(), rs.window());
            assert_eq!(Sized3::size(&g), Sized3Rs::size(&rs));
            assert_eq!(
                through_jit(&g),
                rs.scaled() + rs.window() + Sized3Rs::size(&rs) + v
            );
        }
        let h: Holder<f64> = Holder::new();
        let hr: HolderRs<f64> = HolderRs::new();
        assert_eq!(h.capacity_hint(), hr.capacity_hint());
    }
    assert!(balanced_since(&before));
}
