//! Review of the generic-names change (bare literals checked through `shadow::literal`):
//! literals without fields of a class of another crate and through type aliases build, and
//! field values run in the order written (side effects, early exits, moves), in bare and
//! argument-carrying literals, generic and non-generic bodies, nested, as rustc's build.

use jitclass::{jit, jitclass};
use jitclass_fixtures::Beacon;

#[jitclass]
pub struct Ticker {
    pub n: i64,
    pub log: Vec<i64>,
}

#[jitclass]
impl Ticker {
    pub fn new() -> Ticker {
        Ticker {
            n: 0,
            log: Vec::new(),
        }
    }

    /// The next tick, logged with a tag.
    pub fn next(&mut self, tag: i64) -> i64 {
        self.n += 1;
        self.log.push(tag * 100 + self.n);
        self.n
    }
}

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jitclass]
pub struct Flat {
    pub x: i64,
    pub y: i64,
}

#[jitclass]
pub struct Nest {
    pub p: Pair<i64, i64>,
    pub f: Flat,
    pub k: i64,
}

#[jitclass]
pub struct Hollow {}

type HollowAlias = Hollow;
type ForeignAlias = Beacon;

/// Literals without fields: of another crate's class (imported, by path, through an
/// alias) and of this crate's through an alias.
#[jit]
fn fieldless_literals() -> i64 {
    let b = Beacon {};
    let c = jitclass_fixtures::Beacon {};
    let d = ForeignAlias {};
    let _h = HollowAlias {};
    let _g = Hollow {};
    b.signal() + c.signal() + d.signal()
}

/// Values in written order, fields written out of declaration order, bare and with
/// arguments, nested, generic and not.
#[jit]
fn written_order(t: &mut Ticker) -> i64 {
    let p = Pair {
        b: t.next(1),
        a: t.next(2),
    };
    let q = Pair::<i64, _> {
        b: t.next(3),
        a: t.next(4),
    };
    let f = Flat {
        y: t.next(5),
        x: t.next(6),
    };
    let n = Nest {
        k: t.next(7),
        f: Flat {
            y: t.next(8),
            x: t.next(9),
        },
        p: Pair {
            b: t.next(10),
            a: t.next(11),
        },
    };
    p.a * 3 + p.b + q.a * 5 + q.b + f.x * 7 + f.y + n.k + n.f.x + n.p.a * 11
}

/// A value that leaves the function after an earlier value's side effect.
#[jit]
fn leaves_after_effect(t: &mut Ticker, stop: bool) -> i64 {
    let p = Pair {
        a: t.next(1),
        b: if stop { return -t.n } else { t.next(2) },
    };
    p.a + p.b
}

/// A value that breaks out of the loop, with the earlier value already evaluated, and a
/// `continue` in a value.
#[jit]
fn breaks_in_values(t: &mut Ticker, k: i64) -> i64 {
    let mut total = 0;
    let mut i = 0;
    while i < 6 {
        i += 1;
        let p = Pair {
            a: t.next(i),
            b: if i == k {
                break;
            } else if i % 2 == 0 {
                continue;
            } else {
                i
            },
        };
        total += p.a * p.b;
    }
    total
}

/// A bare literal in a generic body, its values in written order.
#[jit]
fn generic_order<T: Clone>(t: &mut Ticker, x: T) -> Pair<T, i64> {
    let n = t.next(1);
    let p = Pair {
        b: t.next(2) + n,
        a: x.clone(),
    };
    Pair {
        a: p.a.clone(),
        b: p.b + t.next(3),
    }
}

#[jit]
fn run_generic_order(t: &mut Ticker) -> i64 {
    let p = generic_order(t, 5_i64);
    p.a * 10 + p.b
}

/// Values that move a local and change one the next value reads.
#[jit]
fn moves_in_values(mut v: Vec<i64>) -> i64 {
    let p = Pair {
        a: v.pop().unwrap_or(-1),
        b: v.len() as i64,
    };
    let q = Pair { b: p.a, a: v };
    q.a.len() as i64 * 100 + q.b * 10 + p.b
}

/// The same program as plain Rust.
mod plain {
    pub struct Ticker {
        pub n: i64,
        pub log: Vec<i64>,
    }
    impl Ticker {
        pub fn new() -> Ticker {
            Ticker {
                n: 0,
                log: Vec::new(),
            }
        }
        pub fn next(&mut self, tag: i64) -> i64 {
            self.n += 1;
            self.log.push(tag * 100 + self.n);
            self.n
        }
    }
    pub struct Pair<A, B> {
        pub a: A,
        pub b: B,
    }
    pub struct Flat {
        pub x: i64,
        pub y: i64,
    }
    pub struct Nest {
        pub p: Pair<i64, i64>,
        pub f: Flat,
        pub k: i64,
    }
    pub fn written_order(t: &mut Ticker) -> i64 {
        let p = Pair {
            b: t.next(1),
            a: t.next(2),
        };
        let q = Pair::<i64, _> {
            b: t.next(3),
            a: t.next(4),
        };
        let f = Flat {
            y: t.next(5),
            x: t.next(6),
        };
        let n = Nest {
            k: t.next(7),
            f: Flat {
                y: t.next(8),
                x: t.next(9),
            },
            p: Pair {
                b: t.next(10),
                a: t.next(11),
            },
        };
        p.a * 3 + p.b + q.a * 5 + q.b + f.x * 7 + f.y + n.k + n.f.x + n.p.a * 11
    }
    pub fn leaves_after_effect(t: &mut Ticker, stop: bool) -> i64 {
        let p = Pair {
            a: t.next(1),
            b: if stop { return -t.n } else { t.next(2) },
        };
        p.a + p.b
    }
    pub fn breaks_in_values(t: &mut Ticker, k: i64) -> i64 {
        let mut total = 0;
        let mut i = 0;
        while i < 6 {
            i += 1;
            let p = Pair {
                a: t.next(i),
                b: if i == k {
                    break;
                } else if i % 2 == 0 {
                    continue;
                } else {
                    i
                },
            };
            total += p.a * p.b;
        }
        total
    }
    pub fn generic_order<T: Clone>(t: &mut Ticker, x: T) -> Pair<T, i64> {
        let n = t.next(1);
        let p = Pair {
            b: t.next(2) + n,
            a: x.clone(),
        };
        Pair {
            a: p.a.clone(),
            b: p.b + t.next(3),
        }
    }
    pub fn run_generic_order(t: &mut Ticker) -> i64 {
        let p = generic_order(t, 5_i64);
        p.a * 10 + p.b
    }
    pub fn moves_in_values(mut v: Vec<i64>) -> i64 {
        let p = Pair {
            a: v.pop().unwrap_or(-1),
            b: v.len() as i64,
        };
        let q = Pair { b: p.a, a: v };
        q.a.len() as i64 * 100 + q.b * 10 + p.b
    }
}

#[test]
fn fieldless_literals_of_other_crates_and_aliases_build_and_run() {
    let _memory = crate::memory_test();
    assert_eq!(fieldless_literals(), 21);
    crate::assert_no_leaks();
}

#[test]
fn field_values_run_in_written_order_as_rust() {
    let _memory = crate::memory_test();
    {
        let mut t = Ticker::new();
        let mut r = plain::Ticker::new();
        assert_eq!(written_order(&mut t), plain::written_order(&mut r));
        assert_eq!(t.log(), r.log);
        for stop in [false, true] {
            let mut t = Ticker::new();
            let mut r = plain::Ticker::new();
            assert_eq!(
                leaves_after_effect(&mut t, stop),
                plain::leaves_after_effect(&mut r, stop)
            );
            assert_eq!(t.log(), r.log);
        }
        for k in [0, 3, 4, 5] {
            let mut t = Ticker::new();
            let mut r = plain::Ticker::new();
            assert_eq!(
                breaks_in_values(&mut t, k),
                plain::breaks_in_values(&mut r, k)
            );
            assert_eq!(t.log(), r.log);
        }
        let mut t = Ticker::new();
        let mut r = plain::Ticker::new();
        assert_eq!(run_generic_order(&mut t), plain::run_generic_order(&mut r));
        assert_eq!(t.log(), r.log);
        for v in [vec![], vec![4], vec![1, 2, 3]] {
            assert_eq!(moves_in_values(v.clone()), plain::moves_in_values(v));
        }
    }
    crate::assert_no_leaks();
}
