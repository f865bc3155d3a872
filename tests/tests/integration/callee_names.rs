//! Calls of jit fns named like std's functions (`max`, `take`) or like a plain fn of another
//! module, from several `#[jit] fn`s, impl blocks and generic bodies (whose glue resolves
//! each callee through a stand-in named as it), compared with rustc's build of the program.

use crate::{balanced_since, memory_test};

/// The program, once with `#[jit]`/`#[jitclass]` and once as plain Rust.
macro_rules! program {
    ($fa:meta, $ca:meta) => {
        pub mod jitted_fns {
            /// Named as `std::cmp::max`.
            #[$fa]
            pub fn max(a: i64, b: i64) -> i64 {
                if a > b { a * 10 } else { b * 10 }
            }

            #[$fa]
            pub fn f(x: i64) -> i64 {
                x + 1
            }

            #[$fa]
            pub fn ident<T>(x: T) -> T {
                x
            }
        }

        pub mod plain_fns {
            /// Named as the jit `f`, called from Rust code only.
            pub fn f(x: i64) -> i64 {
                x + 2
            }
        }

        use jitted_fns::max;

        /// Named as `std::mem::take`.
        #[$fa]
        pub fn take(x: i64) -> i64 {
            x - 1
        }

        #[$fa]
        pub fn larger(a: i64, b: i64) -> i64 {
            max(a, b)
        }

        #[$fa]
        pub fn largest(a: i64, b: i64, c: i64) -> i64 {
            max(max(a, b), c) + take(c)
        }

        /// An unbounded parameter: the glue counts each call's arguments itself.
        #[$fa]
        pub fn same<T>(x: T) -> T {
            jitted_fns::ident(jitted_fns::ident(x))
        }

        #[$ca]
        pub struct Median {
            v: i64,
        }

        #[$ca]
        impl Median {
            pub fn new(v: i64) -> Self {
                Median { v: max(v, 0) / 10 }
            }

            pub fn value(&self) -> i64 {
                take(self.v) + jitted_fns::f(self.v)
            }
        }

        #[$ca]
        impl Median {
            pub fn finalize(&self) -> i64 {
                max(take(self.v), jitted_fns::f(1)) + same(self.v)
            }
        }
    };
}

mod jitted {
    program!(jitclass::jit, jitclass::jitclass);
}

#[allow(dead_code)]
mod plain {
    program!(allow(unused), allow(unused));
}

#[test]
fn jit_fns_named_as_std_or_plain_fns_run_as_rustc_builds_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        assert_eq!(jitted::larger(3, 7), plain::larger(3, 7));
        assert_eq!(jitted::largest(3, 7, 5), plain::largest(3, 7, 5));
        assert_eq!(jitted::same(4_i64), plain::same(4_i64));
        assert_eq!(jitted::same(2.5_f64), plain::same(2.5_f64));
        assert_eq!(
            jitted::jitted_fns::ident(true),
            plain::jitted_fns::ident(true)
        );
        assert_eq!(
            jitted::plain_fns::f(1) + jitted::jitted_fns::f(1),
            plain::plain_fns::f(1) + plain::jitted_fns::f(1)
        );
        let j = jitted::Median::new(9);
        let p = plain::Median::new(9);
        assert_eq!((j.value(), j.finalize()), (p.value(), p.finalize()));
    }
    assert!(balanced_since(&before));
}
