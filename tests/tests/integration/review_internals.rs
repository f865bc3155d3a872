//! Review of the callee getters' stand-ins (`glue/callee.rs`, once shared per impl block):
//! valid programs whose methods call the same jit fns from several methods,
//! impl blocks, trait impls, generic impls and nested modules, through `use` renames and
//! names shared with methods, compared with rustc's build of the same program.

use crate::{balanced_since, memory_test};

/// The program, once with `#[jit]`/`#[jitclass]` and once as plain Rust.
macro_rules! program {
    ($fa:meta, $ca:meta) => {
        pub mod nested {
            pub mod inner {
                #[$fa]
                pub fn scale(x: i64) -> i64 {
                    x * 3
                }
            }
        }

        use nested::inner::scale as rescale;

        #[$fa]
        pub fn helper(x: i64) -> i64 {
            x + 1
        }

        /// Named as a method of `Acc`.
        #[$fa]
        pub fn total(a: i64, b: i64) -> i64 {
            a * 10 + b
        }

        #[$fa]
        pub fn pick<T: Copy>(a: T, b: T, first: bool) -> T {
            if first { a } else { b }
        }

        #[$fa]
        pub trait Scored {
            fn score(&self) -> i64;
            fn bonus(&self) -> i64;
        }

        #[$ca]
        pub struct Acc {
            v: i64,
            items: Vec<i64>,
        }

        #[$ca]
        impl Acc {
            pub fn new(v: i64) -> Self {
                Acc {
                    v: helper(v),
                    items: Vec::new(),
                }
            }

            pub fn add(&mut self, x: i64) {
                self.v = helper(self.v) + rescale(x);
                self.items.push(helper(x));
            }

            pub fn total(&self) -> i64 {
                let mut s = 0;
                for x in self.items.iter() {
                    for k in 0..2 {
                        if *x + k > 1000 {
                            return -1;
                        }
                        s = total(s % 1000, helper(*x + k));
                    }
                }
                total(self.v % 100, s)
            }

            pub fn picked(&self, first: bool) -> i64 {
                pick(helper(self.v), nested::inner::scale(self.v), first)
            }
        }

        #[$ca]
        impl Acc {
            pub fn again(&self) -> i64 {
                helper(self.v) + self.total() + Self::new(2).total() + total(1, 2)
            }

            pub fn float_pick(&self, first: bool) -> f64 {
                pick(1.5, self.v as f64, first)
            }
        }

        #[$ca]
        impl Scored for Acc {
            fn score(&self) -> i64 {
                helper(self.v) + rescale(self.v)
            }

            fn bonus(&self) -> i64 {
                helper(self.score()) + total(self.v, 1)
            }
        }

        #[$ca]
        pub struct Pair<T> {
            a: T,
            b: T,
        }

        #[$ca]
        impl<T: Copy> Pair<T> {
            pub fn new(a: T, b: T) -> Self {
                Pair {
                    a: pick(a, b, true),
                    b: pick(a, b, false),
                }
            }

            pub fn first(&self) -> T {
                pick(self.a, self.b, true)
            }

            pub fn second(&self) -> T {
                pick(self.a, self.b, false)
            }
        }

        #[$ca]
        impl Pair<i64> {
            pub fn sum(&self) -> i64 {
                helper(self.a) + helper(self.b) + pick(self.a, self.b, true)
            }
        }

        pub mod more {
            use super::{Acc, helper, pick};

            #[$ca]
            pub struct Counter {
                n: i64,
            }

            #[$ca]
            impl Counter {
                pub fn new() -> Self {
                    Counter { n: helper(0) }
                }

                pub fn bump(&mut self) -> i64 {
                    self.n = helper(self.n) + super::nested::inner::scale(1);
                    pick(self.n, 0, true)
                }

                pub fn with_acc(&self) -> i64 {
                    let a = Acc::new(self.n);
                    a.total() + helper(self.n)
                }
            }
        }
    };
}

// No `allow(dead_code)`: a `pub #[jit] fn` of a private module called only from jit code
// warns nothing, as rustc warns nothing for the plain copy (`-D warnings` in CI's clippy
// checks it).
mod jitted {
    program!(jitclass::jit, jitclass::jitclass);
}

#[allow(dead_code, clippy::new_without_default)]
mod plain {
    program!(allow(unused), allow(unused));
}

#[test]
fn methods_of_several_impl_blocks_call_the_same_jit_fns_as_rustc_builds_them() {
    use jitted::Scored as _;
    use plain::Scored as _;
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut j = jitted::Acc::new(4);
        let mut p = plain::Acc::new(4);
        for x in [1, 5, 9] {
            j.add(x);
            p.add(x);
        }
        assert_eq!(j.total(), p.total());
        assert_eq!(j.picked(true), p.picked(true));
        assert_eq!(j.picked(false), p.picked(false));
        assert_eq!(j.again(), p.again());
        assert_eq!(j.float_pick(true), p.float_pick(true));
        assert_eq!(j.float_pick(false), p.float_pick(false));
        assert_eq!(j.score(), p.score());
        assert_eq!(j.bonus(), p.bonus());
        j.add(2000);
        p.add(2000);
        assert_eq!(j.total(), p.total());

        let jp = jitted::Pair::new(3_i64, 8);
        let pp = plain::Pair::new(3_i64, 8);
        assert_eq!(
            (jp.first(), jp.second(), jp.sum()),
            (pp.first(), pp.second(), pp.sum())
        );
        let jf = jitted::Pair::new(0.5_f64, 2.5);
        let pf = plain::Pair::new(0.5_f64, 2.5);
        assert_eq!((jf.first(), jf.second()), (pf.first(), pf.second()));

        let mut jc = jitted::more::Counter::new();
        let mut pc = plain::more::Counter::new();
        assert_eq!(jc.bump(), pc.bump());
        assert_eq!(jc.bump(), pc.bump());
        assert_eq!(jc.with_acc(), pc.with_acc());
    }
    assert!(balanced_since(&before));
}
