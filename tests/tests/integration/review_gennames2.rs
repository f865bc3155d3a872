//! Review of the inferred field accessors (gennames2): every kind of field of a plain and a
//! generic class read and written from Rust, types inferred through the getters, and
//! properties beside them, compared with rustc's build of a plain copy.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::collections::HashMap;
use std::marker::PhantomData;

#[jitclass]
pub struct Leaf {
    pub k: i64,
}

#[jitclass]
impl Leaf {
    pub fn new(k: i64) -> Leaf {
        Leaf { k }
    }
}

/// A field of each kind jit code has.
#[jitclass]
pub struct Every {
    pub i: i32,
    pub u: u8,
    pub f: f64,
    pub b: bool,
    pub c: char,
    pub s: String,
    pub v: Vec<i64>,
    pub m: HashMap<i64, String>,
    pub o: Option<f64>,
    pub leaf: Leaf,
    pub ol: Option<Leaf>,
    pub t: (i64, bool),
    pub a: [f32; 3],
    pub p: PhantomData<String>,
}

#[jitclass]
impl Every {
    pub fn new() -> Every {
        let mut m = HashMap::new();
        m.insert(1, String::from("one"));
        Every {
            i: -3,
            u: 250,
            f: 1.5,
            b: true,
            c: 'x',
            s: String::from("abc"),
            v: vec![1, 2, 3],
            m,
            o: Some(2.5),
            leaf: Leaf::new(7),
            ol: None,
            t: (4, false),
            a: [1.0, 2.0, 3.0],
            p: PhantomData,
        }
    }

    /// What jit code reads of the fields Rust wrote.
    pub fn digest(&self) -> f64 {
        let mut d = self.i as f64 + self.u as f64 + self.f;
        if self.b {
            d += 1000.0;
        }
        d += self.c as u32 as f64 + self.s.len() as f64 * 10.0;
        for x in &self.v {
            d += *x as f64;
        }
        d += self.m.len() as f64 * 100.0 + self.o.unwrap_or(-1.0) + self.leaf.k as f64;
        if let Some(l) = self.ol.clone() {
            d += l.k as f64 * 3.0;
        }
        d + self.t.0 as f64 + self.a[2] as f64
    }

    #[getter]
    pub fn twice_f(&self) -> f64 {
        self.f * 2.0
    }

    #[setter]
    pub fn set_twice_f(&mut self, v: f64) {
        self.f = v / 2.0;
    }
}

/// Fields over the parameters, beside fixed ones.
#[jitclass]
pub struct GenEvery<T, U> {
    pub x: T,
    pub xs: Vec<T>,
    pub ox: Option<T>,
    pub pair: (T, U),
    pub arr: [T; 2],
    pub named: HashMap<String, T>,
    pub leaf: Leaf,
    pub s: String,
    pub n: i64,
    pub p: PhantomData<U>,
}

#[jitclass]
impl<T: Copy, U> GenEvery<T, U> {
    pub fn new(x: T, u: U) -> GenEvery<T, U> {
        let mut named = HashMap::new();
        named.insert(String::from("x"), x);
        GenEvery {
            x,
            xs: vec![x, x],
            ox: Some(x),
            pair: (x, u),
            arr: [x, x],
            named,
            leaf: Leaf::new(1),
            s: String::from("g"),
            n: 5,
            p: PhantomData,
        }
    }

    pub fn first(&self) -> T {
        self.xs[0]
    }

    #[getter]
    pub fn count(&self) -> i64 {
        self.n + self.xs.len() as i64
    }

    #[setter]
    pub fn set_count(&mut self, c: i64) {
        self.n = c;
    }
}

/// Jit code reading a generic class's fields in a generic body.
#[jit]
fn sum_gen<T: Copy>(g: &GenEvery<T, bool>) -> (T, usize, bool, i64) {
    (
        g.arr[1],
        g.xs.len() + g.named.len(),
        g.pair.1,
        g.leaf.k + g.n,
    )
}

#[test]
fn every_field_kind_from_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let e = Every::new();
        // Inference through the getters, as rustc's `let x = e.f(); x + 1.0`.
        let f = e.f();
        let i = e.i();
        let u = e.u();
        assert_eq!(f + 1.0, 2.5);
        assert_eq!(i.abs(), 3);
        assert_eq!(u.wrapping_add(10), 4);
        assert_eq!(e.c().to_ascii_uppercase(), 'X');
        assert_eq!(e.s().len() + e.v().len(), 6);
        assert_eq!(e.m().get(&1).map(String::as_str), Some("one"));
        assert_eq!(e.o().map(|o| o * 2.0), Some(5.0));
        assert_eq!(e.leaf().k(), 7);
        assert!(e.ol().is_none());
        let (t0, t1) = e.t();
        assert_eq!((t0 + 1, !t1), (5, true));
        assert_eq!(e.a().iter().sum::<f32>(), 6.0);
        let _p: PhantomData<String> = e.p();
        assert_eq!(e.twice_f(), 3.0);

        // Writes of every kind, read back by Rust and by jit code.
        e.set_i(10);
        e.set_u(1);
        e.set_f(0.25);
        e.set_b(false);
        e.set_c('a');
        e.set_s(String::from("hello"));
        e.set_v(vec![5, 6]);
        let mut m = HashMap::new();
        m.insert(2, String::from("two"));
        m.insert(3, String::from("three"));
        e.set_m(m);
        e.set_o(None);
        e.set_leaf(Leaf::new(20));
        e.set_ol(Some(Leaf::new(4)));
        e.set_t((9, true));
        e.set_a([0.5, 0.5, 8.0]);
        e.set_p(PhantomData);
        assert_eq!(
            (
                e.i(),
                e.u(),
                e.b(),
                e.c(),
                e.s(),
                e.v(),
                e.o(),
                e.t(),
                e.a()
            ),
            (
                10,
                1,
                false,
                'a',
                "hello".to_string(),
                vec![5, 6],
                None,
                (9, true),
                [0.5, 0.5, 8.0]
            )
        );
        e.set_twice_f(5.0);
        assert_eq!(e.f(), 2.5);
        // The plain copy of `digest` over the values written.
        let expected = 10.0 + 1.0 + 2.5 + 'a' as u32 as f64 + 50.0 + 11.0 + 200.0 - 1.0
            + 20.0
            + 12.0
            + 9.0
            + 8.0;
        assert_eq!(e.digest(), expected);
    }
    assert!(balanced_since(&before));
}

#[test]
fn generic_field_kinds_from_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let g = GenEvery::<i64, bool>::new(3, true);
        let x = g.x();
        assert_eq!(x * 2, 6);
        let xs = g.xs();
        assert_eq!(xs.iter().sum::<i64>(), 6);
        assert_eq!(g.ox().map(|v| v + 1), Some(4));
        let (a, b) = g.pair();
        assert_eq!((a - 1, !b), (2, false));
        assert_eq!(g.arr(), [3, 3]);
        assert_eq!(g.named()["x"], 3);
        assert_eq!(g.leaf().k() + g.n(), 6);
        assert_eq!(g.s() + "!", "g!");
        let _p: PhantomData<bool> = g.p();
        assert_eq!(g.count(), 7);

        g.set_x(-1);
        g.set_xs(vec![1, 2, 3]);
        g.set_ox(None);
        g.set_pair((8, false));
        g.set_arr([4, 5]);
        let mut named = HashMap::new();
        named.insert(String::from("y"), 9);
        named.insert(String::from("z"), 10);
        g.set_named(named);
        g.set_leaf(Leaf::new(30));
        g.set_s(String::from("gg"));
        g.set_count(2);
        g.set_p(PhantomData);
        assert_eq!(
            (g.x(), g.ox(), g.pair(), g.first()),
            (-1, None, (8, false), 1)
        );
        assert_eq!(g.count(), 5);
        assert_eq!(sum_gen(&g), (5, 5, false, 32));

        // Another instantiation, of owned values.
        let h = GenEvery::<f64, String>::new(0.5, String::from("u"));
        let y = h.x();
        assert_eq!(y + 1.0, 1.5);
        let (p0, p1) = h.pair();
        assert_eq!((p0, p1.len()), (0.5, 1));
        h.set_pair((1.5, String::from("uvw")));
        assert_eq!(h.pair().1 + "x", "uvwx");
    }
    assert!(balanced_since(&before));
}

/// A generic class holding another over its parameter, and in an `Option`.
#[jitclass]
pub struct Outer<T> {
    pub inner: GenEvery<T, bool>,
    pub maybe: Option<GenEvery<T, bool>>,
}

#[jitclass]
impl<T: Copy> Outer<T> {
    pub fn new(x: T) -> Outer<T> {
        Outer {
            inner: GenEvery::new(x, true),
            maybe: None,
        }
    }
}

type OuterI = Outer<i64>;
type GenI = GenEvery<i64, bool>;

#[test]
fn nested_aliased_and_foreign_fields_from_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        // Through aliases of instantiations, and a field that is another instantiation.
        let o: OuterI = OuterI::new(2);
        let inner = o.inner();
        assert_eq!(inner.x() + 1, 3);
        assert!(o.maybe().is_none());
        let g: GenI = GenI::new(7, false);
        o.set_maybe(Some(g));
        assert_eq!(o.maybe().map(|g| g.x() * 2), Some(14));
        o.inner().set_n(40);
        assert_eq!(o.inner().count(), 42);
        // A class of another crate, its field and property from Rust.
        let t = jitclass_fixtures::Tally::new();
        t.set_total(3.0);
        let total = t.total();
        assert_eq!(total * 2.0 + t.half(), 7.5);
        t.set_count(4);
        assert_eq!(t.count() + 1, 5);
    }
    assert!(balanced_since(&before));
}
