//! Review of method-local constants hoisted into the glue method's body: the neighbours
//! of the change (same names in two methods and in nested blocks, a module constant of
//! the same name, `const fn`s, trait default methods, generic methods, loops and early
//! exits), each compared with rustc's build of the same impls on plain structs.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};

const SCALE: i64 = 10;

const fn doubled(x: i64) -> i64 {
    x * 2
}

#[jit]
pub trait Described {
    fn base(&self) -> i64;
    fn described(&self) -> i64 {
        const OFFSET: i64 = crate::review_names4::SCALE + 1;
        self.base() * OFFSET
    }
}

pub trait DescribedRs {
    fn base(&self) -> i64;
    fn described(&self) -> i64 {
        const OFFSET: i64 = crate::review_names4::SCALE + 1;
        self.base() * OFFSET
    }
}

#[jitclass]
pub struct Meter {
    pub v: i64,
}

#[jitclass]
pub struct Bag<T> {
    pub items: Vec<T>,
}

pub struct MeterRs {
    v: i64,
}

pub struct BagRs<T> {
    items: Vec<T>,
}

/// The same impl blocks on the classes and on the plain structs.
macro_rules! review_impls {
    ($($attr:meta)?; $meter:ident, $bag:ident, $described:ident) => {
        $(#[$attr])?
        impl $meter {
            pub const STEP: i64 = 3;

            pub fn new(v: i64) -> $meter {
                $meter { v }
            }

            // The same constant name in two methods, with different values.
            pub fn first(&self) -> i64 {
                const K: i64 = 2;
                self.v * K
            }

            pub fn second(&self) -> i64 {
                const K: i64 = 7;
                self.v * K
            }

            // The same name in sibling and nested blocks of one method.
            pub fn blocks(&self) -> i64 {
                const K: i64 = 1;
                let mut total = K;
                {
                    const K: i64 = 100;
                    total += K;
                    {
                        const K: i64 = 10_000;
                        total += K;
                    }
                    total += K;
                }
                {
                    const K: i64 = 1_000;
                    total += K;
                }
                total + K + self.v
            }

            // A local constant named as a module's shadows it; another reads the local.
            pub fn shadowing(&self) -> i64 {
                const SCALE: i64 = 3;
                const TWICE: i64 = SCALE * 2;
                self.v * SCALE + TWICE
            }

            // A module constant read where no local one shadows it.
            pub fn module_read(&self) -> i64 {
                const TWICE: i64 = SCALE * 2;
                self.v + TWICE
            }

            // `const fn`s in a constant and in an array length; the class's associated
            // constant by its name.
            pub fn with_const_fn(&self) -> i64 {
                const D: i64 = doubled(4) + $meter::STEP;
                let a = [1_i64; doubled(2) as usize];
                self.v * D + a.len() as i64
            }

            // Constants read in nested loops with early exits.
            pub fn search(&self) -> i64 {
                const ROWS: i64 = 4;
                const COLS: i64 = 5;
                let mut seen = 0;
                for r in 0..ROWS {
                    for c in 0..COLS {
                        if r * COLS + c == self.v {
                            return seen;
                        }
                        seen += 1;
                    }
                }
                -1
            }

            // A constant after its use, and one read by another declared before it.
            pub fn order(&self) -> i64 {
                let x = self.v + LATE;
                const EARLY: i64 = LATE * 2;
                const LATE: i64 = 6;
                x + EARLY
            }

            // A constant named as a parameter: rustc resolves the body's `n` to it.
            #[allow(non_upper_case_globals, unused_variables)]
            pub fn named_as_param(&self, n: i64) -> i64 {
                const n: i64 = 4;
                self.v + n
            }

            // A generic method's constant.
            pub fn generic_len<U>(&self, items: Vec<U>) -> i64 {
                const EXTRA: usize = 2;
                (items.len() + EXTRA) as i64 + self.v
            }
        }

        $(#[$attr])?
        impl $described for $meter {
            fn base(&self) -> i64 {
                const B: i64 = 2;
                self.v + B
            }
        }

        $(#[$attr])?
        impl<T> $bag<T> {
            pub fn new() -> Self {
                $bag { items: Vec::new() }
            }

            pub fn first(&self) -> usize {
                const K: usize = 5;
                self.items.len() + K
            }

            pub fn second(&self) -> usize {
                const K: usize = 9;
                let a = [0_u8; K];
                self.items.len() + a.len() + K
            }
        }
    };
}

review_impls!(jitclass; Meter, Bag, Described);
review_impls!(; MeterRs, BagRs, DescribedRs);

#[jit]
fn all_through_jit(m: &Meter) -> i64 {
    m.first()
        + m.second()
        + m.blocks()
        + m.shadowing()
        + m.module_read()
        + m.with_const_fn()
        + m.search()
        + m.order()
        + m.named_as_param(1000)
        + m.described()
}

fn all_rs(m: &MeterRs) -> i64 {
    m.first()
        + m.second()
        + m.blocks()
        + m.shadowing()
        + m.module_read()
        + m.with_const_fn()
        + m.search()
        + m.order()
        + m.named_as_param(1000)
        + m.described()
}

#[test]
fn review_names4_method_constants_are_rusts() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        for v in [0, 3, 13, 25, -4] {
            let (m, rs) = (Meter::new(v), MeterRs::new(v));
            assert_eq!(m.first(), rs.first());
            assert_eq!(m.second(), rs.second());
            assert_eq!(m.blocks(), rs.blocks(), "blocks");
            assert_eq!(m.shadowing(), rs.shadowing(), "shadowing");
            assert_eq!(m.module_read(), rs.module_read());
            assert_eq!(m.with_const_fn(), rs.with_const_fn());
            assert_eq!(m.search(), rs.search(), "search");
            assert_eq!(m.order(), rs.order(), "order");
            assert_eq!(m.named_as_param(1000), rs.named_as_param(1000), "param");
            assert_eq!(m.generic_len(vec![1_u8, 2]), rs.generic_len(vec![1_u8, 2]));
            assert_eq!(Described::described(&m), DescribedRs::described(&rs));
            assert_eq!(all_through_jit(&m), all_rs(&rs), "through jit");
        }
        let (b, br): (Bag<i64>, BagRs<i64>) = (Bag::new(), BagRs::new());
        assert_eq!(b.first(), br.first());
        assert_eq!(b.second(), br.second());
    }
    assert!(balanced_since(&before));
}
