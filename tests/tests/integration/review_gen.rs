//! Review of generic-class features (issue 17): operator impls, properties, unsafe_cast and
//! allocators on instantiations; each compared with rustc's build of the same code.

use crate::{assert_no_leaks, memory_test};

/// The panic's message without jitclass's location lines.
fn panic_message<R>(f: impl FnOnce() -> R) -> String {
    let m = crate::panic_message(f);
    m.lines().next().unwrap_or_default().to_string()
}
use jitclass::abi::{OptionRepr, Tuple2, Tuple3};
use jitclass::{Payload, jit, jitclass, unsafe_cast};
use std::mem::MaybeUninit;
use std::ops::{Add, AddAssign, Div, Index, IndexMut, Mul, MulAssign, Rem, Sub};

// ---- operators ---------------------------------------------------------------------------

#[jitclass]
pub struct G2<T> {
    pub x: T,
    pub y: T,
}

#[derive(Debug, Clone, Copy)]
pub struct G2Rs<T> {
    pub x: T,
    pub y: T,
}

macro_rules! g2_impls {
    ($($attr:meta)?; $ty:ident) => {
        $(#[$attr])?
        impl<T: Copy> $ty<T> {
            pub fn new(x: T, y: T) -> Self {
                $ty { x, y }
            }
        }

        $(#[$attr])?
        impl<T: Copy + Sub<Output = T>> Sub for $ty<T> {
            type Output = $ty<T>;
            fn sub(self, o: $ty<T>) -> $ty<T> {
                $ty { x: self.x - o.x, y: self.y - o.y }
            }
        }

        $(#[$attr])?
        impl<T: Copy + Div<Output = T>> Div for $ty<T> {
            type Output = $ty<T>;
            fn div(self, o: $ty<T>) -> $ty<T> {
                $ty { x: self.x / o.x, y: self.y / o.y }
            }
        }

        $(#[$attr])?
        impl<T: Copy + Rem<Output = T>> Rem for $ty<T> {
            type Output = $ty<T>;
            fn rem(self, o: $ty<T>) -> $ty<T> {
                $ty { x: self.x % o.x, y: self.y % o.y }
            }
        }

        $(#[$attr])?
        impl<T: Copy + AddAssign> AddAssign for $ty<T> {
            fn add_assign(&mut self, o: $ty<T>) {
                self.x += o.x;
                self.y += o.y;
            }
        }

        $(#[$attr])?
        impl<T: Copy + MulAssign> MulAssign<T> for $ty<T> {
            fn mul_assign(&mut self, k: T) {
                self.x *= k;
                self.y *= k;
            }
        }

        $(#[$attr])?
        impl<T: PartialEq> PartialEq for $ty<T> {
            fn eq(&self, o: &$ty<T>) -> bool {
                self.x == o.x && self.y == o.y
            }
        }

        $(#[$attr])?
        impl<T> Index<usize> for $ty<T> {
            type Output = T;
            fn index(&self, i: usize) -> &T {
                if i == 0 { &self.x } else { &self.y }
            }
        }

        $(#[$attr])?
        impl<T> IndexMut<usize> for $ty<T> {
            fn index_mut(&mut self, i: usize) -> &mut T {
                if i == 0 { &mut self.x } else { &mut self.y }
            }
        }
    };
}

g2_impls!(jitclass; G2);
g2_impls!(; G2Rs);

/// Returns another instantiation.
#[jitclass]
impl<T: Copy + PartialOrd> Mul for G2<T> {
    type Output = G2<bool>;
    fn mul(self, o: G2<T>) -> G2<bool> {
        G2::<bool>::make(self.x < o.x, self.y < o.y)
    }
}

/// Mixes instantiations: a mask selects per lane.
#[jitclass]
impl<T: Copy> Add<G2<bool>> for G2<T> {
    type Output = G2<T>;
    fn add(self, m: G2<bool>) -> G2<T> {
        G2 {
            x: if m.x { self.y } else { self.x },
            y: if m.y { self.x } else { self.y },
        }
    }
}

impl<T: Copy + PartialOrd> Mul for G2Rs<T> {
    type Output = G2Rs<bool>;
    fn mul(self, o: G2Rs<T>) -> G2Rs<bool> {
        G2Rs {
            x: self.x < o.x,
            y: self.y < o.y,
        }
    }
}

impl<T: Copy> Add<G2Rs<bool>> for G2Rs<T> {
    type Output = G2Rs<T>;
    fn add(self, m: G2Rs<bool>) -> G2Rs<T> {
        G2Rs {
            x: if m.x { self.y } else { self.x },
            y: if m.y { self.x } else { self.y },
        }
    }
}

/// The same body for the class and its twin.
macro_rules! ops_body {
    ($ty:ident, $a:expr, $b:expr, $k:expr) => {{
        let (a, b, k) = ($a, $b, $k);
        let mut c = $ty::new(a.x, a.y) - $ty::new(b.x, b.y);
        c += $ty::new(a.x, a.y);
        c *= k;
        let q = $ty::new(a.x, a.y) / $ty::new(b.x, b.y);
        let r = $ty::new(a.x, a.y) % $ty::new(b.x, b.y);
        let m = $ty::new(a.x, a.y) * $ty::new(b.x, b.y);
        let s = $ty::new(a.x, a.y) + $ty::new(m.x, m.y);
        let same = $ty::new(c.x, c.y) == $ty::new(q.x, q.y);
        let differ = $ty::new(c.x, c.y) != $ty::new(r.x, r.y);
        (
            (c.x, c.y, q.x, r.y),
            (m.x, m.y, s.x, s.y),
            (same, differ, c[0], c[1]),
        )
    }};
}

#[jit]
#[allow(clippy::type_complexity)]
fn ops_i64(
    a: G2<i64>,
    b: G2<i64>,
    k: i64,
) -> (
    (i64, i64, i64, i64),
    (bool, bool, i64, i64),
    (bool, bool, i64, i64),
) {
    let mut c = G2::<i64>::new(a.x, a.y) - G2::<i64>::new(b.x, b.y);
    c += G2::<i64>::new(a.x, a.y);
    c *= k;
    let q = G2::<i64>::new(a.x, a.y) / G2::<i64>::new(b.x, b.y);
    let r = G2::<i64>::new(a.x, a.y) % G2::<i64>::new(b.x, b.y);
    let m = G2::<i64>::new(a.x, a.y) * G2::<i64>::new(b.x, b.y);
    let s = G2::<i64>::new(a.x, a.y) + G2::<bool>::new(m.x, m.y);
    let same = G2::<i64>::new(c.x, c.y) == G2::<i64>::new(q.x, q.y);
    let differ = G2::<i64>::new(c.x, c.y) != G2::<i64>::new(r.x, r.y);
    (
        (c.x, c.y, q.x, r.y),
        (m.x, m.y, s.x, s.y),
        (same, differ, c[0], c[1]),
    )
}

/// Each operator trait on instantiations, against the twin. Before the fix, `impl<T>
/// Index<usize> for G2<T>` made every field access of `G2` in jit code "expected
/// `JitIndex<usize>`, found `Field<x>`" and the impl itself E0107 "missing generics for
/// struct `G2`" (its shadow `Index` impl, its value methods and their `Self` paths had no
/// generics).
#[test]
fn fixed_index_impl_and_each_operator_of_a_generic_class_match_rustc() {
    let _m = memory_test();
    {
        for (a, b, k) in [((7, -9), (2, 4), 3), ((5, 5), (5, -5), -1)] {
            let want = ops_body!(G2Rs, G2Rs::new(a.0, a.1), G2Rs::new(b.0, b.1), k);
            let got = ops_i64(G2::new(a.0, a.1), G2::new(b.0, b.1), k);
            assert_eq!(got, want);
        }
        // From Rust, through the class's own trait impls.
        let mut c = G2::new(7_i32, -9) - G2::new(2, 4);
        c += G2::new(7, -9);
        c *= 3;
        let mut w = G2Rs::new(7_i32, -9) - G2Rs::new(2, 4);
        w += G2Rs::new(7, -9);
        w *= 3;
        assert_eq!(
            (c.x(), c.y(), c.index(0), c.index(1)),
            (w.x, w.y, w[0], w[1])
        );
        let m = G2::new(1_u8, 9) * G2::new(2, 3);
        assert_eq!((m.x(), m.y()), (true, false));
        assert!(G2::new(1_u8, 9) == G2::new(1, 9));
    }
    assert_no_leaks();
}

#[jit]
fn set_lane(g: G2<f64>, i: usize, v: f64) -> (f64, f64) {
    let mut g = g;
    g[i] = v;
    g[1 - i] += 1.0;
    (g.x, g.y)
}

#[test]
fn fixed_index_mut_of_a_generic_class() {
    let _m = memory_test();
    {
        let mut w = G2Rs::new(1.0, 2.0);
        w[1] = 5.0;
        w[0] += 1.0;
        assert_eq!(set_lane(G2::new(1.0, 2.0), 1, 5.0), (w.x, w.y));
        let mut g = G2::new(1_u8, 2);
        g.set_index(0, 9);
        assert_eq!((g.x(), g.index(1)), (9, 2));
    }
    assert_no_leaks();
}

#[jit]
fn div_x(a: G2<i64>, b: G2<i64>) -> i64 {
    (a / b).x
}

#[jit]
fn rem_y(a: G2<i32>, b: G2<i32>) -> i32 {
    (a % b).y
}

#[test]
fn ops_division_panics_as_rustc() {
    let _m = memory_test();
    {
        let want = panic_message(|| G2Rs::new(1_i64, 1) / G2Rs::new(std::hint::black_box(0), 1));
        let got = panic_message(|| div_x(G2::new(1, 1), G2::new(0, 1)));
        assert_eq!(got, want);
        let want =
            panic_message(|| G2Rs::new(i64::MIN, 1) / G2Rs::new(std::hint::black_box(-1), 1));
        let got = panic_message(|| div_x(G2::new(i64::MIN, 1), G2::new(-1, 1)));
        assert_eq!(got, want);
        let want = panic_message(|| G2Rs::new(1_i32, 1) % G2Rs::new(1, std::hint::black_box(0)));
        let got = panic_message(|| rem_y(G2::new(1, 1), G2::new(1, 0)));
        assert_eq!(got, want);
    }
    assert_no_leaks();
}

/// Operators on instantiations holding counted values (`String`): refcounts balance,
/// also when the operator panics midway.
#[jit]
fn select_strings(a: G2<String>, m: G2<bool>) -> (String, String, bool) {
    let b = G2::<String> {
        y: a.y.clone(),
        x: a.x.clone(),
    };
    let same = a == b;
    let s = G2::<i64>::new(1, 2) + m;
    (a.x.clone(), b.y.clone(), same && s.x == 2)
}

#[jit]
fn make_g2_string(x: String, y: String) -> G2<String> {
    G2::<String> { x, y }
}

#[jitclass]
impl<T> G2<T> {
    pub fn make(x: T, y: T) -> Self {
        G2 { x, y }
    }
}

/// Operators on `G2<String>` balance their counts. Before the fix, the literal
/// `G2::<String> { x, y }` in a jit fn was E0063 "missing field `__jitclass_params`".
#[test]
fn fixed_struct_literal_of_an_instantiation_and_counted_operators() {
    let _m = memory_test();
    {
        let a = make_g2_string("a".into(), "b".into());
        let got = select_strings(a.clone(), G2::new(true, false));
        assert_eq!(got, ("a".to_string(), "b".to_string(), true));
        assert_eq!((a.x(), a.y()), ("a".to_string(), "b".to_string()));
        // From Rust, the same impl of `G2<String>`.
        assert!(make_g2_string("a".into(), "c".into()) != a);
        assert_eq!(a.index(1), "b");
    }
    assert_no_leaks();
}

// ---- properties --------------------------------------------------------------------------

#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
    label: String,
}

#[jitclass]
impl<T: Clone> Bag<T> {
    pub fn new(label: String) -> Self {
        Bag {
            items: Vec::new(),
            label,
        }
    }

    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }

    #[getter]
    pub fn first(&self) -> Option<T> {
        if self.items.is_empty() {
            None
        } else {
            Some(self.items[0].clone())
        }
    }

    #[getter]
    pub fn all(&self) -> Vec<T> {
        self.items.clone()
    }

    #[setter]
    pub fn set_all(&mut self, v: Vec<T>) {
        self.items = v;
    }

    #[getter]
    pub fn tag(&self) -> String {
        format!("<{}:{}>", self.label, self.items.len())
    }

    #[setter]
    pub fn set_tag(&mut self, s: String) {
        self.label = s;
    }
}

#[jit]
fn bag_strings(b: Bag<String>) -> (usize, String, Option<String>, String) {
    let mut b = b;
    b.all = vec![String::from("p"), String::from("q")];
    b.tag = String::from("s");
    let mut all = b.all.clone();
    all.push(b.tag.clone());
    b.all = all;
    (
        b.all.len(),
        b.tag.clone(),
        b.first.clone(),
        b.all[2].clone(),
    )
}

#[jit]
fn bag_vecs(b: Bag<Vec<i64>>) -> (usize, Option<Vec<i64>>) {
    let mut b = b;
    let mut all = b.all.clone();
    all.push(vec![7, 8]);
    b.all = all;
    (b.all.len(), b.first.clone())
}

#[jit]
fn bag_classes(b: Bag<G2<i64>>) -> i64 {
    let mut b = b;
    let mut all = b.all.clone();
    all.push(G2::<i64>::new(3, 4));
    b.all = all;
    match b.first.clone() {
        Some(g) => g.x + g.y + b.all.len() as i64,
        None => -1,
    }
}

#[test]
fn properties_of_counted_types_per_instantiation() {
    let _m = memory_test();
    {
        let b = Bag::<String>::new("l".into());
        let got = bag_strings(b.clone());
        assert_eq!(
            got,
            (
                3,
                "<s:3>".to_string(),
                Some("p".to_string()),
                "<s:2>".to_string()
            )
        );
        assert_eq!(
            b.all(),
            vec!["p".to_string(), "q".to_string(), "<s:2>".to_string()]
        );
        b.set_tag("r".into());
        assert_eq!(b.tag(), "<r:3>");
        b.set_all(Vec::new());
        assert_eq!(b.first(), None);

        let v = Bag::<Vec<i64>>::new("v".into());
        assert_eq!(bag_vecs(v.clone()), (1, Some(vec![7, 8])));
        v.set_all(vec![vec![1], vec![]]);
        assert_eq!(bag_vecs(v.clone()), (3, Some(vec![1])));
        assert_eq!(v.all(), vec![vec![1], vec![], vec![7, 8]]);

        let mut c = Bag::<G2<i64>>::new("c".into());
        c.push(G2::new(1, 2));
        assert_eq!(bag_classes(c.clone()), 3 + 2);
        assert_eq!(c.all().len(), 2);
        let f = c.first().unwrap();
        drop(c);
        assert_eq!((f.x(), f.y()), (1, 2));
    }
    assert_no_leaks();
}

/// A panic inside a setter of an instantiation holding counted values releases them.
#[jitclass]
pub struct Guarded<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Clone> Guarded<T> {
    pub fn new() -> Self {
        Guarded { items: Vec::new() }
    }

    #[getter]
    pub fn count(&self) -> usize {
        self.items.len()
    }

    #[setter]
    pub fn set_stuff(&mut self, v: Vec<T>) {
        if v.len() > 2 {
            panic!("too many: {}", v.len());
        }
        self.items = v;
    }
}

#[jit]
fn guarded_set(g: Guarded<String>, n: usize) -> usize {
    let mut g = g;
    let mut v = Vec::new();
    for i in 0..n {
        v.push(format!("s{}", i));
    }
    g.stuff = v;
    g.count
}

#[test]
fn property_setter_panic_releases() {
    let _m = memory_test();
    {
        let g = Guarded::<String>::new();
        assert_eq!(guarded_set(g.clone(), 2), 2);
        assert_eq!(panic_message(|| guarded_set(g.clone(), 5)), "too many: 5");
        assert_eq!(g.count(), 2);
        assert_eq!(
            panic_message(|| g.set_stuff(vec!["a".into(), "b".into(), "c".into()])),
            "too many: 3"
        );
        assert_eq!(g.count(), 2);
    }
    assert_no_leaks();
}

// ---- unsafe_cast over odd layouts ----------------------------------------------------------

#[jitclass]
pub struct Odd<A, B> {
    a: A,
    b: B,
    c: A,
    d: bool,
}

#[repr(C)]
pub struct OddRs<A, B> {
    a: A,
    b: B,
    c: A,
    d: bool,
}

#[jitclass]
impl<A: Copy, B: Copy> Odd<A, B> {
    pub fn fill(&mut self, a: A, b: B, c: A) {
        self.a = a;
        self.b = b;
        self.c = c;
        self.d = true;
    }

    pub fn swap(&mut self) {
        let t = self.a;
        self.a = self.c;
        self.c = t;
        self.d = !self.d;
    }

    pub fn get(&self) -> (A, B, A, bool) {
        (self.a, self.b, self.c, self.d)
    }
}

macro_rules! layout_matches {
    ($a:ty, $b:ty) => {
        layout_matches!($a, $b as $b)
    };
    ($a:ty, $b:ty as $repr:ty) => {{
        use std::mem::{align_of, offset_of, size_of};
        assert_eq!(size_of::<Payload<Odd<$a, $b>>>(), size_of::<OddRs<$a, $repr>>());
        assert_eq!(align_of::<Payload<Odd<$a, $b>>>(), align_of::<OddRs<$a, $repr>>());
        assert_eq!(jitclass::sizeof::<Odd<$a, $b>>(), size_of::<OddRs<$a, $repr>>());
        assert_eq!(offset_of!(Payload<Odd<$a, $b>>, b), offset_of!(OddRs<$a, $repr>, b));
        assert_eq!(offset_of!(Payload<Odd<$a, $b>>, c), offset_of!(OddRs<$a, $repr>, c));
        assert_eq!(offset_of!(Payload<Odd<$a, $b>>, d), offset_of!(OddRs<$a, $repr>, d));
    }};
}

#[test]
fn unsafe_cast_odd_layouts_match_offset_of() {
    let _m = memory_test();
    {
        layout_matches!(i8, f64);
        layout_matches!(bool, i8);
        // Tuples and `Option`s are laid out as their C reprs, in jit code and payloads.
        layout_matches!(f64, (i8, i64) as Tuple2<i8, i64>);
        layout_matches!(i16, (bool, f32, i8) as Tuple3<bool, f32, i8>);
        layout_matches!(u8, Option<i32> as OptionRepr<i32>);

        let mut buf: MaybeUninit<Payload<Odd<i8, f64>>> = MaybeUninit::zeroed();
        // SAFETY: zeroed numbers and `false` are a valid payload; aligned; outlives `o`.
        let mut o = unsafe { unsafe_cast::<Odd<i8, f64>>(buf.as_mut_ptr().cast()) };
        o.fill(-3, 2.5, 9);
        o.swap();
        assert_eq!(o.get(), (9, 2.5, -3, false));
        drop(o);
        // SAFETY: `o` is gone.
        let p = unsafe { buf.assume_init_ref() };
        assert_eq!((p.a, p.b, p.c, p.d), (9, 2.5, -3, false));

        let mut buf: MaybeUninit<Payload<Odd<bool, (i8, i64)>>> = MaybeUninit::zeroed();
        // SAFETY: as above.
        let mut o = unsafe { unsafe_cast::<Odd<bool, (i8, i64)>>(buf.as_mut_ptr().cast()) };
        o.fill(true, (-1, i64::MAX), false);
        o.swap();
        assert_eq!(o.get(), (false, (-1, i64::MAX), true, false));
        drop(o);
        // SAFETY: as above.
        let p = unsafe { buf.assume_init_ref() };
        assert_eq!(
            (p.a, p.b.0, p.b.1, p.c, p.d),
            (false, -1, i64::MAX, true, false)
        );

        let mut buf: MaybeUninit<Payload<Odd<u8, Option<i32>>>> = MaybeUninit::zeroed();
        // SAFETY: as above (a zeroed `Option` repr is `None`).
        let mut o = unsafe { unsafe_cast::<Odd<u8, Option<i32>>>(buf.as_mut_ptr().cast()) };
        assert_eq!(o.get(), (0, None, 0, false));
        o.fill(200, Some(-5), 1);
        assert_eq!(o.get(), (200, Some(-5), 1, true));
        drop(o);
        // SAFETY: as above.
        let p = unsafe { buf.assume_init_ref() };
        assert_eq!(
            (p.a, p.b.is_some, p.b.value, p.c, p.d),
            (200, true, -5, 1, true)
        );
    }
    assert_no_leaks();
}

// ---- fixed: another instantiation without arguments in a generic impl ---------------

#[jitclass]
pub struct Cmp2<T> {
    pub x: T,
    pub y: T,
}

#[jitclass]
impl<T: Copy + PartialOrd> Cmp2<T> {
    pub fn new(x: T, y: T) -> Self {
        Cmp2 { x, y }
    }

    /// Another instantiation, built by a literal without type arguments, which rustc
    /// infers as `Cmp2<bool>` from the return type.
    pub fn ordered(&self) -> Cmp2<bool> {
        Cmp2 {
            x: self.x < self.y,
            y: self.y < self.x,
        }
    }
}

/// rustc accepts `Cmp2 { x: bool, .. }` in `impl<T> Cmp2<T>` returning `Cmp2<bool>`: the
/// bare name in an expression is `Cmp2<_>`, inferred from the fields. Fixed: jit code took
/// it for `Self` (`Cmp2<T>`), so the first call panicked "mismatched types: expected
/// `i64`, found `bool`".
#[test]
fn fixed_literal_of_another_instantiation_in_generic_impl() {
    let _m = memory_test();
    {
        let o = Cmp2::new(1_i64, 2).ordered();
        assert_eq!((o.x(), o.y()), (true, false));
    }
    assert_no_leaks();
}
