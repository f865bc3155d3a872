//! Review of the callee stand-ins (glue/callee.rs): valid calls of jit fns in the other
//! forms a name can take (renamed imports, `self::`/`super::`/`crate::` paths, turbofish,
//! raw identifiers, a fn named as the caller's type parameter, a local named as the callee,
//! trait static fns, another crate's jit fn from a generic body, calls in labelled nested
//! loops with early exits), compared with rustc's build of the same program.

use crate::{balanced_since, memory_test};

/// The program, once with `#[jit]`/`#[jitclass]` and once as plain Rust.
macro_rules! program {
    ($fa:meta, $ca:meta, $me:ident) => {
        pub mod m {
            #[$fa]
            pub fn g(x: i64) -> i64 {
                x * 3
            }

            #[$fa]
            pub fn generic_id<T>(x: T) -> T {
                x
            }

            pub mod inner {
                #[$fa]
                pub fn via_paths(x: i64) -> i64 {
                    super::g(x) + self::h(x) + crate::review_names3::$me::m::g(1)
                }

                #[$fa]
                pub fn h(x: i64) -> i64 {
                    x + 100
                }
            }
        }

        use m::g as renamed;

        #[$fa]
        pub fn calls_renamed(x: i64) -> i64 {
            renamed(x) + m::inner::via_paths(x)
        }

        #[$fa]
        pub fn turbofish(x: i64) -> i64 {
            m::generic_id::<i64>(x) + self::m::generic_id(x)
        }

        #[allow(non_snake_case)]
        #[$fa]
        pub fn T(x: i64) -> i64 {
            x + 7
        }

        #[$fa]
        pub fn param_named_like_callee<T>(_x: T, y: i64) -> i64 {
            T(y)
        }

        #[$fa]
        pub fn r#match(x: i64) -> i64 {
            x - 5
        }

        #[$fa]
        pub fn raw_caller(x: i64) -> i64 {
            r#match(x)
        }

        #[$fa]
        pub fn rec(n: i64) -> i64 {
            if n <= 0 { 0 } else { n + rec(n - 1) }
        }

        #[$fa]
        pub fn twice(x: i64) -> i64 {
            x * 2
        }

        /// A local named as the callee: the call still names the fn (a path), the
        /// local is a value.
        #[$fa]
        pub fn local_named_as_callee(x: i64) -> i64 {
            let twice = x + 1000;
            let a = twice + self::twice(twice);
            {
                let twice: i64 = a - 1;
                a + twice + crate::review_names3::$me::twice(twice)
            }
        }

        #[$fa]
        pub fn loops(n: i64) -> i64 {
            let mut s = 0;
            'outer: for i in 0..n {
                for j in 0..n {
                    if twice(j) > 6 {
                        continue 'outer;
                    }
                    if i > 3 {
                        break 'outer;
                    }
                    s += twice(i + j);
                }
            }
            s
        }

        /// Another crate's jit fn, from a generic body the glue checks without a shadow.
        #[$fa]
        pub fn counted<T>(_x: T, t: jitclass_fixtures::Tally) -> i64 {
            jitclass_fixtures::doubled_count(t)
        }

        #[$fa]
        pub trait Make {
            fn make(v: i64) -> Self;
            fn get(&self) -> i64;
        }

        #[$ca]
        pub struct K {
            v: i64,
        }

        #[$ca]
        impl Make for K {
            fn make(v: i64) -> Self {
                K { v: twice(v) }
            }

            fn get(&self) -> i64 {
                twice(self.v)
            }
        }

        #[$ca]
        impl K {
            /// A method named as the free fn it calls.
            pub fn twice(&self) -> i64 {
                twice(self.v) + self.get()
            }
        }

        #[$fa]
        pub fn use_trait(v: i64) -> i64 {
            let k = K::make(v);
            k.get() + <K as Make>::make(1).get() + k.twice()
        }
    };
}

mod jitted {
    program!(jitclass::jit, jitclass::jitclass, jitted);
}

#[allow(dead_code)]
mod plain {
    program!(allow(unused), allow(unused), plain);
}

#[test]
fn calls_in_every_form_run_as_rustc_builds_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        assert_eq!(jitted::calls_renamed(2), plain::calls_renamed(2));
        assert_eq!(jitted::turbofish(4), plain::turbofish(4));
        assert_eq!(
            jitted::param_named_like_callee(1.5_f64, 3),
            plain::param_named_like_callee(1.5_f64, 3)
        );
        assert_eq!(jitted::raw_caller(9), plain::raw_caller(9));
        // Also called from Rust: called only from the generic body, `T` gets a dead_code
        // warning (ui known bug `review_names3_generic_callee_dead_code`).
        assert_eq!(jitted::T(1), plain::T(1));
        assert_eq!(jitted::rec(10), plain::rec(10));
        assert_eq!(
            jitted::local_named_as_callee(3),
            plain::local_named_as_callee(3)
        );
        assert_eq!(jitted::loops(6), plain::loops(6));
        assert_eq!(jitted::use_trait(4), plain::use_trait(4));
        let mut t = jitclass_fixtures::Tally::new();
        t.add(2.0);
        t.add(3.0);
        assert_eq!(
            jitted::counted(true, t.clone()),
            plain::counted(true, t.clone())
        );
    }
    assert!(balanced_since(&before));
}
