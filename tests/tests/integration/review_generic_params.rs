//! Review of generic classes over generic parameters (issue 17): inference of a class named
//! without arguments (rustc's integer fallback, late constraints, branches, `Vec` and
//! `Option` of an open class, a method's result, indexing), classes nested both ways,
//! trait bounds, Rust-side calls and polymorphic recursion; each program built twice (jit
//! and rustc) and compared.

use crate::{assert_no_leaks, memory_test, panic_message};

macro_rules! program {
    ($class:meta, $jit:meta, $twin:meta) => {
        #[$class]
        #[$twin]
        pub struct St<T> {
            items: Vec<T>,
        }

        #[$class]
        impl<T: Copy> St<T> {
            pub fn new() -> Self {
                St { items: Vec::new() }
            }

            pub fn push(&mut self, x: T) {
                self.items.push(x);
            }

            pub fn len(&self) -> usize {
                self.items.len()
            }

            pub fn get(&self, i: usize) -> T {
                self.items[i]
            }

            pub fn with(&self, x: T) -> Self {
                let mut s = St {
                    items: self.items.clone(),
                };
                s.push(x);
                s
            }
        }

        /// No bound on `T`: holds other classes.
        #[$class]
        #[$twin]
        pub struct Sk<T> {
            items: Vec<T>,
        }

        #[$class]
        impl<T> Sk<T> {
            pub fn new() -> Self {
                Sk { items: Vec::new() }
            }

            pub fn push(&mut self, x: T) {
                self.items.push(x);
            }

            pub fn pop(&mut self) -> Option<T> {
                self.items.pop()
            }

            pub fn len(&self) -> usize {
                self.items.len()
            }

            /// The inner `Sk::new()` is `Sk<T>`, from the return type only.
            pub fn nested(&self) -> Sk<Sk<T>> {
                let mut o = Sk::new();
                o.push(Sk::new());
                o.push(Sk::new());
                o
            }
        }

        #[$class]
        #[$twin]
        pub struct Pr<A, B> {
            pub a: A,
            pub b: B,
        }

        /// rustc's integer fallback: `St<i32>` (wraps in jit code, as a release build).
        #[$jit]
        pub fn fallback_i32() -> i64 {
            let mut s = St::new();
            s.push(2);
            let x = s.get(0);
            (x * 65536 * 65536) as i64
        }

        /// rustc's integer fallback in a struct literal: `Pr<i32, f64>`.
        #[$jit]
        pub fn fallback_in_literal() -> i64 {
            let p = Pr { a: 65536, b: 0.5 };
            let v = vec![p.a];
            (v[0] * 65536) as i64 * 10 + (p.b * 2.0) as i64
        }

        /// Overflows as `i32` (rustc's fallback; wraps in jit code, as a release build).
        #[$jit]
        pub fn fallback_overflows() -> i64 {
            let mut s = St::new();
            s.push(2147483647);
            (s.get(0) + 1) as i64
        }

        /// The type is known only at the last statement: `i64`, no overflow.
        #[$jit]
        pub fn late_constraint() -> i64 {
            let mut s = St::new();
            s.push(2147483647);
            let v = s.get(0) + 1;
            let n = s.len();
            let w: i64 = v;
            w + n as i64
        }

        /// A cast types only a literal written in it; other operands fall back first.
        #[$jit]
        pub fn casts_after_fallback() -> (i64, i64, i64, u64, i64, i64) {
            let n = 1;
            let mut s = St::new();
            s.push(1);
            (
                (n << 31) as i64,
                (1 << 31) as i64,
                -1 as i64,
                { 3_000_000_000 } as u64,
                (s.get(0) << 31) as i64,
                -(s.get(0) << 30) as i64,
            )
        }

        /// Known through an `if`'s branch and a `match`'s arms.
        #[$jit]
        pub fn through_branches(c: bool) -> i64 {
            let mut s = St::new();
            if c {
                s.push(200_u8);
            }
            let t = if c {
                St::new()
            } else {
                let mut x = St::new();
                x.push(2_u16);
                x
            };
            let u = if c { St::new() } else { St::new().with(1.5) };
            s.len() as i64 * 100 + t.len() as i64 * 10 + u.len() as i64
        }

        /// Known through a `Vec<St<_>>`'s elements.
        #[$jit]
        pub fn through_vec() -> i64 {
            let mut v = Vec::new();
            v.push(St::new());
            v.push(St::new());
            v[0].push(7_i16);
            v[1].push(8);
            v[1].push(9);
            (v[0].len() * 10 + v[1].len()) as i64 + v[1].get(1) as i64 * 100
        }

        /// Known through a method's result and indexing.
        #[$jit]
        pub fn through_results() -> i64 {
            let a = St::new().with(3_u32);
            let b = St::new();
            let c = b.with(-2_i8);
            let mut d = St::new();
            d.push(40_i64);
            a.get(0) as i64 + c.get(0) as i64 * 10 + d.get(0) + St::new().with(5_u8).get(0) as i64
        }

        /// Known through an `Option<St<_>>`.
        #[$jit]
        pub fn through_option() -> i64 {
            let mut o = None;
            if o.is_none() {
                o = Some(St::new());
            }
            match o {
                Some(mut s) => {
                    s.push(4_i8);
                    s.len() as i64 + s.get(0) as i64 * 10
                }
                None => -1,
            }
        }

        /// Through a generic fn's argument and a partial annotation.
        #[$jit]
        pub fn takes<T: Copy>(s: St<T>, x: T) -> St<T> {
            s.with(x).with(x)
        }

        #[$jit]
        pub fn through_generic_fn() -> i64 {
            let s = takes(St::new(), 6_u64);
            let mut t = St::new();
            t.push(7_i16);
            let mut u = St::<u8>::new();
            u.push(8);
            s.len() as i64 + s.get(1) as i64 * 10 + t.get(0) as i64 * 100 + u.get(0) as i64 * 1000
        }

        /// Classes nested both ways, from generic fns.
        #[$jit]
        pub fn nest_pairs<T: Copy, U: Copy>(x: T, y: U) -> Sk<Pr<T, U>> {
            let mut s = Sk::new();
            s.push(Pr { a: x, b: y });
            s
        }

        #[$jit]
        pub fn pair_stack<T: Copy>(x: T) -> Pr<St<T>, T> {
            Pr {
                a: St::new().with(x),
                b: x,
            }
        }

        #[$jit]
        pub fn nested_both_ways() -> i64 {
            let mut s = nest_pairs(3_i64, true);
            let p = pair_stack(5_u8);
            let top = s.pop();
            let a = match top {
                Some(pr) => pr.a * 10 + pr.b as i64,
                None => 0,
            };
            let n = Sk::<i64>::new().nested();
            a + p.a.len() as i64 * 100 + p.b as i64 * 1000 + n.len() as i64 * 10000
        }

        /// A panic inside a method of an inferred instantiation, owning other instances.
        #[$jit]
        pub fn panics_inside(i: usize) -> i64 {
            let mut s = St::new();
            s.push(1_u8);
            let mut keep = Sk::new();
            keep.push(St::new().with(2.5));
            let p = Pr {
                a: s.with(2),
                b: keep,
            };
            p.a.get(i) as i64 + p.b.len() as i64
        }

        #[$jit]
        pub trait Shape {
            fn area(&self) -> f64;
        }

        #[$class]
        #[$twin]
        pub struct Sq {
            pub s: f64,
        }

        #[$class]
        impl Sq {
            pub fn new(s: f64) -> Sq {
                Sq { s }
            }
        }

        #[$class]
        impl Shape for Sq {
            fn area(&self) -> f64 {
                self.s * self.s
            }
        }

        #[$class]
        #[$twin]
        pub struct Outer<T> {
            pub inner: Sk<T>,
        }

        #[$class]
        impl<T: Shape> Outer<T> {
            pub fn new(inner: Sk<T>) -> Self {
                Outer { inner }
            }

            pub fn total(&mut self) -> f64 {
                let mut t = 0.0;
                while let Some(x) = self.inner.pop() {
                    t += x.area();
                }
                t
            }
        }

        #[$jit]
        pub fn total<T: Shape>(s: Sk<T>) -> f64 {
            let mut t = 0.0;
            for x in &s.items {
                t += x.area();
            }
            t
        }

        #[$jit]
        pub fn bounds_from_jit() -> f64 {
            let mut k = Sk::new();
            k.push(Sq::new(2.0));
            k.push(Sq::new(3.0));
            let mut o = Outer::new(k);
            o.total()
        }
    };
}

#[allow(dead_code, clippy::vec_init_then_push)]
mod jitted {
    use jitclass::{jit, jitclass};
    program!(jitclass, jit, allow(dead_code));
}

#[allow(
    dead_code,
    clippy::new_without_default,
    clippy::len_without_is_empty,
    unused_assignments,
    clippy::vec_init_then_push
)]
mod native {
    program!(allow(dead_code), allow(dead_code), derive(Clone));
}

#[test]
fn review_gp_inference_matches_rustc() {
    let _m = memory_test();
    assert_eq!(jitted::late_constraint(), native::late_constraint());
    for c in [true, false] {
        assert_eq!(jitted::through_branches(c), native::through_branches(c));
    }
    assert_eq!(jitted::through_vec(), native::through_vec());
    assert_eq!(jitted::through_results(), native::through_results());
    assert_eq!(jitted::through_option(), native::through_option());
    assert_eq!(jitted::through_generic_fn(), native::through_generic_fn());
    assert_eq!(jitted::nested_both_ways(), native::nested_both_ways());
    assert_no_leaks();
}

#[test]
fn fixed_review_gp_cast_types_only_a_literal_written_in_it() {
    let _m = memory_test();
    assert_eq!(
        jitted::casts_after_fallback(),
        native::casts_after_fallback()
    );
    assert_no_leaks();
}

/// rustc's integer fallback gives `St<i32>`/`Pr<i32, f64>`, whose arithmetic wraps in jit code
/// as in a release build (the book's "integer `+ - *` wrap"). Before the fix each returned
/// the `i64` result (2147483648, 8589934592, 42949672961): `casts_type_literals` typed any
/// open operand of `as i64` as `i64`, where rustc checks casts after fallback.
#[test]
fn fixed_review_gp_fallback_is_i32_under_a_cast() {
    let _m = memory_test();
    assert_eq!(
        jitted::fallback_overflows(),
        2147483647_i32.wrapping_add(1) as i64
    );
    assert_eq!(
        jitted::fallback_i32(),
        2_i32.wrapping_mul(65536).wrapping_mul(65536) as i64
    );
    assert_eq!(
        jitted::fallback_in_literal(),
        65536_i32.wrapping_mul(65536) as i64 * 10 + 1
    );
    assert_no_leaks();
}

#[test]
fn review_gp_panic_in_inferred_instantiation_balanced() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(jitted::panics_inside(1), native::panics_inside(1));
    let j = panic_message(|| jitted::panics_inside(5));
    let n = panic_message(|| native::panics_inside(5));
    assert_eq!(j.lines().next(), n.lines().next(), "{j}");
    assert!(crate::balanced_since(&before));
    assert_no_leaks();
}

#[test]
fn review_gp_bounds() {
    let _m = memory_test();
    assert_eq!(jitted::bounds_from_jit(), native::bounds_from_jit());
    {
        let mut j = jitted::Sk::new();
        j.push(jitted::Sq::new(1.5));
        j.push(jitted::Sq::new(0.5));
        let mut n = native::Sk::new();
        n.push(native::Sq::new(1.5));
        n.push(native::Sq::new(0.5));
        assert_eq!(jitted::total(j), native::total(n));
        let mut jk = jitted::Sk::new();
        jk.push(jitted::Sq::new(4.0));
        let mut o = jitted::Outer::new(jk);
        assert_eq!(o.total(), 16.0);
        assert_eq!(o.inner().len(), 0);
    }
    assert_no_leaks();
}

#[test]
fn review_gp_from_rust() {
    let _m = memory_test();
    {
        let j = jitted::nest_pairs(1_i64, 2.5_f64);
        let n = native::nest_pairs(1_i64, 2.5_f64);
        assert_eq!(j.len(), n.len());
        let (mut j, mut n) = (j, n);
        let (jp, np) = (j.pop().unwrap(), n.pop().unwrap());
        assert_eq!((jp.a(), jp.b()), (np.a, np.b));
        let jp = jitted::pair_stack(9_i16);
        let np = native::pair_stack(9_i16);
        assert_eq!((jp.a().get(0), jp.b()), (np.a.get(0), np.b));
        // A setter of a field that is another instantiation, then read from jit code.
        jp.set_a(jitted::St::new().with(1).with(2));
        assert_eq!(jp.a().len(), 2);
        let nested = jitted::Sk::<u8>::new().nested();
        assert_eq!(nested.len(), 2);
    }
    assert_no_leaks();
}

/// A SQLite aggregate of a generic class whose field is another generic class, built
/// without arguments in `new` (`St::new()`: `St<T>` from the field's type).
mod aggregate {
    use jitclass::jitclass;

    #[jitclass]
    pub struct Acc<T> {
        pub vals: super::jitted::St<T>,
        pub n: i64,
    }

    #[jitclass]
    impl<T: Copy + std::ops::Add<Output = T>> Acc<T> {
        pub fn new() -> Self {
            Acc {
                vals: super::jitted::St::new(),
                n: 0,
            }
        }

        pub fn step(&mut self, x: T) {
            self.vals.push(x);
            self.n += 1;
        }

        pub fn finalize(&self) -> Option<T> {
            if self.vals.len() == 0 {
                return None;
            }
            let mut t = self.vals.get(0);
            let mut i = 1;
            while i < self.vals.len() {
                t = t + self.vals.get(i);
                i += 1;
            }
            Some(t)
        }
    }
}

#[test]
fn review_gp_sqlite_aggregate_with_generic_field() {
    use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};
    let _m = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE t(i INTEGER, x REAL); INSERT INTO t VALUES (1, 0.5), (2, 1.25), (3, -4.0);",
    )
    .unwrap();
    let f = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    register_aggregate::<aggregate::Acc<i64>>(&conn, "acc_i", f).unwrap();
    register_aggregate::<aggregate::Acc<f64>>(&conn, "acc_f", f).unwrap();
    let got: (Option<i64>, Option<f64>, Option<i64>) = conn
        .query_row(
            "SELECT acc_i(i), acc_f(x), (SELECT acc_i(i) FROM t WHERE i > 9) FROM t",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(got, (Some(6), Some(0.5 + 1.25 - 4.0), None));
    drop(conn);
    assert_no_leaks();
}
