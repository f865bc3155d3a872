//! Class literals now that a handle has exactly the class's fields (review of the handle
//! fields change): literals without fields, through modules and renames, of generic
//! classes, nested and in methods run as rustc's build of the same code; Rust code that
//! takes a handle apart keeps the instance counted.

use jitclass::{JitClass, jit, jitclass};

mod shapes {
    use jitclass::jitclass;

    #[jitclass]
    pub struct Unit {}

    #[jitclass]
    pub struct Circle {
        pub r: f64,
    }
}

use shapes::Circle as Round;
use shapes::Unit as Nothing;

#[jitclass]
pub struct Empty {}

#[jitclass]
impl Empty {
    pub fn new() -> Empty {
        Empty {}
    }

    pub fn again(&self) -> Empty {
        Self {}
    }

    pub fn seven(&self) -> i64 {
        7
    }
}

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jitclass]
pub struct Outer {
    pub inner: shapes::Circle,
    pub pair: Pair<i64, f64>,
    pub n: i64,
}

#[jitclass]
impl Outer {
    pub fn grown(&self, by: i64) -> Outer {
        Self {
            inner: Round {
                r: self.inner.r * 2.0,
            },
            pair: Pair::<i64, _> {
                a: self.pair.a + by,
                b: self.pair.b,
            },
            n: self.n + by,
        }
    }
}

#[jit]
fn literals(k: i64) -> f64 {
    let _e = Empty {};
    let _u = shapes::Unit {};
    let _n = Nothing {};
    let again = Empty::new().again();
    let c = Round { r: 1.5 };
    let p = Pair { a: k, b: 2.5 };
    let q = Pair::<i64, f64> { a: 3, b: 0.5 };
    let o = Outer {
        inner: shapes::Circle { r: c.r },
        pair: Pair {
            a: p.a + q.a,
            b: q.b,
        },
        n: k,
    };
    let g = o.grown(10);
    g.inner.r + g.pair.a as f64 + g.pair.b + g.n as f64 + again.seven() as f64
}

/// The same program as plain Rust.
mod plain {
    pub struct Empty {}
    impl Empty {
        pub fn again(&self) -> Empty {
            Self {}
        }
        pub fn seven(&self) -> i64 {
            7
        }
    }
    pub struct Circle {
        pub r: f64,
    }
    pub struct Pair<A, B> {
        pub a: A,
        pub b: B,
    }
    pub struct Outer {
        pub inner: Circle,
        pub pair: Pair<i64, f64>,
        pub n: i64,
    }
    impl Outer {
        pub fn grown(&self, by: i64) -> Outer {
            Self {
                inner: Circle {
                    r: self.inner.r * 2.0,
                },
                pair: Pair::<i64, _> {
                    a: self.pair.a + by,
                    b: self.pair.b,
                },
                n: self.n + by,
            }
        }
    }
    pub fn literals(k: i64) -> f64 {
        let _e = Empty {};
        let again = (Empty {}).again();
        let c = Circle { r: 1.5 };
        let p = Pair { a: k, b: 2.5 };
        let q = Pair::<i64, f64> { a: 3, b: 0.5 };
        let o = Outer {
            inner: Circle { r: c.r },
            pair: Pair {
                a: p.a + q.a,
                b: q.b,
            },
            n: k,
        };
        let g = o.grown(10);
        g.inner.r + g.pair.a as f64 + g.pair.b + g.n as f64 + again.seven() as f64
    }
}

#[test]
fn literals_in_every_form_match_rust() {
    let _memory = crate::memory_test();
    for k in [-3, 0, 4] {
        assert_eq!(literals(k), plain::literals(k));
    }
    crate::assert_no_leaks();
}

/// Rust code destructuring a handle gets the handle's fields, the first holding the
/// instance: the instance stays counted once (freed when that field drops), and building
/// the handle again from the same fields is the same instance, not a new one.
#[test]
fn destructured_handle_keeps_one_count() {
    let _memory = crate::memory_test();
    {
        let o = Outer::new_for_test(2);
        let twin = o.clone();
        let Outer { inner, pair, n } = o;
        assert_eq!(Outer::strong_count(&twin), Some(2));
        let again = Outer { inner, pair, n };
        assert!(Outer::ptr_eq(&again, &twin));
        assert_eq!(again.n(), 2);
        let Outer { inner, .. } = again;
        drop(inner);
        assert_eq!(Outer::strong_count(&twin), Some(1));
        assert_eq!(twin.grown(1).n(), 3);
    }
    crate::assert_no_leaks();
}

#[jitclass]
impl Outer {
    pub fn new_for_test(n: i64) -> Outer {
        Outer {
            inner: Round { r: 1.0 },
            pair: Pair { a: n, b: 0.0 },
            n,
        }
    }
}

/// A handle is one counted reference whatever its fields: its size is its `Handle`'s, for
/// a class with many fields, one, none, or generic ones; Debug and Clone see the instance.
#[test]
fn handle_size_and_std_impls() {
    use std::mem::size_of;
    let handle = size_of::<jitclass::Handle<Empty>>();
    assert_eq!(size_of::<Empty>(), handle);
    assert_eq!(size_of::<Round>(), handle);
    assert_eq!(size_of::<Outer>(), handle);
    assert_eq!(size_of::<Pair<i64, f64>>(), handle);
    let _memory = crate::memory_test();
    {
        let o = Outer::new_for_test(5);
        let c = o.clone();
        assert!(Outer::ptr_eq(&o, &c));
        assert_eq!(format!("{o:?}"), format!("{c:?}"));
        assert!(format!("{o:?}").contains('5'), "{o:?}");
        assert_eq!(
            jitclass::Handle::strong_count(JitClass::handle(&o)),
            Some(2)
        );
    }
    crate::assert_no_leaks();
}
