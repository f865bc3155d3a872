//! Review of valid Rust that jit code now builds (std types' `default()`, defaults of
//! tuples and arrays, `PhantomData<T>` fields): hostile programs compared with rustc's
//! build of the same code, with the memory runtime balanced.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::marker::PhantomData;

#[jitclass]
#[derive(Default)]
pub struct Bag {
    pub n: i64,
    pub items: Vec<i64>,
    pub name: String,
}

/// Arrays of a parameter's type in a derived default, instantiated with owning types.
#[jitclass]
#[derive(Default)]
pub struct Slots<A> {
    pub cells: [A; 2],
}

/// A class whose only field is a marker: a zero-byte payload.
#[jitclass]
#[derive(Default, PartialEq)]
pub struct OnlyMarker<T> {
    m: PhantomData<T>,
}

#[jitclass]
impl<T> OnlyMarker<T> {
    pub fn make() -> Self {
        OnlyMarker { m: PhantomData }
    }
}

/// Markers between small fields, and in an `Option`.
#[jitclass]
#[derive(Default, PartialEq)]
pub struct Packed<T> {
    pub a: u8,
    m: PhantomData<T>,
    pub b: u8,
    o: Option<PhantomData<T>>,
}

#[jitclass]
impl<T> Packed<T> {
    pub fn make(a: u8, b: u8) -> Self {
        Packed {
            a,
            m: PhantomData,
            b,
            o: Some(PhantomData),
        }
    }
    pub fn has_o(&self) -> bool {
        self.o.is_some()
    }
}

/// A zero default array mutated in a loop: each iteration's default is zeros again.
#[jit]
fn zero_array_in_loop(n: i64) -> i64 {
    let mut total = 0;
    let mut i = 0;
    while i < n {
        let mut a: [i64; 3] = Default::default();
        a[0] += i + 1;
        a[2] += a[0];
        let mut t: ([i64; 2], Option<i64>) = Default::default();
        t.0[1] += a[2];
        t.1 = Some(i);
        total += a[0] * 10 + a[2] + t.0[1] + t.0[0];
        i += 1;
    }
    total
}

/// Owning arrays' defaults in a loop, mutated and dropped.
#[jit]
fn owning_arrays_in_loop(n: i64) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < n {
        let mut a: [Vec<i64>; 2] = Default::default();
        a[0].push(1);
        a[0].push(2);
        a[1].push(3);
        let mut v: [Vec<i64>; 3] = Default::default();
        v[1].push(i);
        let mut bags: [Bag; 2] = Default::default();
        bags[1].items.push(i);
        bags[0].name.push_str("x");
        let mut nested: [(Bag, [Vec<i64>; 2]); 2] = Default::default();
        nested[1].1[0].push(5);
        nested[0].0.items.push(1);
        total += a[0].len()
            + a[1].len()
            + v[1].len()
            + v[0].len()
            + bags[1].items.len()
            + bags[0].name.len()
            + nested[1].1[0].len()
            + nested[0].0.items.len()
            + nested[1].0.items.len();
        i += 1;
    }
    total
}

/// A default array moved into a `Vec` twice: two independent values.
#[jit]
fn default_arrays_collected(n: i64) -> i64 {
    let mut all: Vec<[i64; 2]> = Vec::new();
    let mut i = 0;
    while i < n {
        let mut a: [i64; 2] = Default::default();
        a[1] = i;
        all.push(a);
        i += 1;
    }
    let mut s = 0;
    for a in all.iter() {
        s += a[0] * 100 + a[1];
    }
    s
}

#[jit]
fn derived_arrays(n: i64) -> usize {
    let mut s = Slots::<Vec<i64>>::default();
    s.cells[1].push(n);
    let mut b: Slots<Bag> = Default::default();
    b.cells[0].items.push(n);
    let mut v = Slots::<Vec<String>>::default();
    v.cells[1].push(String::from("q"));
    s.cells[1].len() + s.cells[0].len() + b.cells[0].items.len() + v.cells[1].len()
}

#[jit]
fn markers(x: u8) -> (u8, bool, bool, bool) {
    let p = Packed::<String>::make(x, 2);
    let q: Packed<String> = Default::default();
    let m = OnlyMarker::<i64>::make();
    let d = OnlyMarker::<i64>::default();
    (p.a + p.b + q.a, p.has_o(), q.has_o(), m == d)
}

/// The same program compiled by rustc.
#[allow(clippy::all, dead_code)]
mod rust {
    use std::marker::PhantomData;

    #[derive(Default)]
    pub struct Bag {
        pub n: i64,
        pub items: Vec<i64>,
        pub name: String,
    }

    #[derive(Default)]
    pub struct Slots<A> {
        pub cells: [A; 2],
    }

    #[derive(Default, PartialEq)]
    pub struct OnlyMarker<T> {
        m: PhantomData<T>,
    }

    impl<T> OnlyMarker<T> {
        pub fn make() -> Self {
            OnlyMarker { m: PhantomData }
        }
    }

    #[repr(C)]
    #[derive(Default, PartialEq)]
    pub struct Packed<T> {
        pub a: u8,
        m: PhantomData<T>,
        pub b: u8,
        o: Option<PhantomData<T>>,
    }

    impl<T> Packed<T> {
        pub fn make(a: u8, b: u8) -> Self {
            Packed {
                a,
                m: PhantomData,
                b,
                o: Some(PhantomData),
            }
        }
        pub fn has_o(&self) -> bool {
            self.o.is_some()
        }
    }

    pub fn zero_array_in_loop(n: i64) -> i64 {
        let mut total = 0;
        let mut i = 0;
        while i < n {
            let mut a: [i64; 3] = Default::default();
            a[0] += i + 1;
            a[2] += a[0];
            let mut t: ([i64; 2], Option<i64>) = Default::default();
            t.0[1] += a[2];
            t.1 = Some(i);
            total += a[0] * 10 + a[2] + t.0[1] + t.0[0];
            i += 1;
        }
        total
    }

    pub fn owning_arrays_in_loop(n: i64) -> usize {
        let mut total = 0;
        let mut i = 0;
        while i < n {
            let mut a: [Vec<i64>; 2] = Default::default();
            a[0].push(1);
            a[0].push(2);
            a[1].push(3);
            let mut v: [Vec<i64>; 3] = Default::default();
            v[1].push(i);
            let mut bags: [Bag; 2] = Default::default();
            bags[1].items.push(i);
            bags[0].name.push_str("x");
            let mut nested: [(Bag, [Vec<i64>; 2]); 2] = Default::default();
            nested[1].1[0].push(5);
            nested[0].0.items.push(1);
            total += a[0].len()
                + a[1].len()
                + v[1].len()
                + v[0].len()
                + bags[1].items.len()
                + bags[0].name.len()
                + nested[1].1[0].len()
                + nested[0].0.items.len()
                + nested[1].0.items.len();
            i += 1;
        }
        total
    }

    pub fn default_arrays_collected(n: i64) -> i64 {
        let mut all: Vec<[i64; 2]> = Vec::new();
        let mut i = 0;
        while i < n {
            let mut a: [i64; 2] = Default::default();
            a[1] = i;
            all.push(a);
            i += 1;
        }
        let mut s = 0;
        for a in all.iter() {
            s += a[0] * 100 + a[1];
        }
        s
    }

    pub fn derived_arrays(n: i64) -> usize {
        let mut s = Slots::<Vec<i64>>::default();
        s.cells[1].push(n);
        let mut b: Slots<Bag> = Default::default();
        b.cells[0].items.push(n);
        let mut v = Slots::<Vec<String>>::default();
        v.cells[1].push(String::from("q"));
        s.cells[1].len() + s.cells[0].len() + b.cells[0].items.len() + v.cells[1].len()
    }

    pub fn markers(x: u8) -> (u8, bool, bool, bool) {
        let p = Packed::<String>::make(x, 2);
        let q: Packed<String> = Default::default();
        let m = OnlyMarker::<i64>::make();
        let d = OnlyMarker::<i64>::default();
        (p.a + p.b + q.a, p.has_o(), q.has_o(), m == d)
    }
}

#[test]
fn review_valid_zero_default_array_in_a_loop_is_fresh() {
    let _memory = memory_test();
    for n in [0, 1, 4] {
        assert_eq!(zero_array_in_loop(n), rust::zero_array_in_loop(n));
        assert_eq!(
            default_arrays_collected(n),
            rust::default_arrays_collected(n)
        );
    }
}

#[test]
fn review_valid_owning_array_defaults_balanced() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 3] {
        assert_eq!(owning_arrays_in_loop(n), rust::owning_arrays_in_loop(n));
        assert_eq!(derived_arrays(n), rust::derived_arrays(n));
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_valid_marker_layouts_and_zero_byte_payloads() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for x in [0, 9] {
        assert_eq!(markers(x), rust::markers(x));
    }
    {
        let only = <OnlyMarker<i64> as jitclass::JitClass>::class_info();
        assert_eq!(
            only.payload_layout().size(),
            std::mem::size_of::<rust::OnlyMarker<i64>>()
        );
        let packed = <Packed<i64> as jitclass::JitClass>::class_info();
        assert_eq!(
            packed.payload_layout().size(),
            std::mem::size_of::<rust::Packed<i64>>()
        );
        let many: Vec<OnlyMarker<String>> = (0..4).map(|_| OnlyMarker::make()).collect();
        assert!(many[0] == many[3]);
        let p = Packed::<u8>::make(3, 4);
        assert_eq!((p.a(), p.b(), p.has_o()), (3, 4, true));
    }
    assert!(balanced_since(&before));
}
