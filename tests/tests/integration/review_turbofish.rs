//! Review probes of the turbofish in jit code: nested calls, loops and early exits, `_`,
//! literals typed by the turbofish alone, default trait methods, generic methods calling
//! their siblings, a generic body specialised twice; compared with rustc's build.

use crate::{assert_no_leaks, memory_test};
use jitclass::{Type, jit, jitclass};

#[jit]
fn fresh<T: Default>() -> T {
    T::default()
}

#[jit]
fn same<T>(x: T) -> T {
    x
}

#[jit]
fn make_two<A: Default, B: Default>() -> (A, B) {
    (fresh::<A>(), fresh::<B>())
}

#[jit]
fn twice<T: Copy + std::ops::Add<Output = T>>(x: T) -> T {
    x + x
}

#[jit]
pub trait Scaled {
    fn k(&self) -> f64;
    fn doubled(&self) -> f64 {
        crate::review_turbofish::twice::<f64>(self.k())
    }
}

#[jitclass]
pub struct Small {
    v: f64,
}

#[jitclass]
impl Scaled for Small {
    fn k(&self) -> f64 {
        self.v
    }
}

#[jitclass]
pub struct Large {
    v: i64,
}

#[jitclass]
impl Scaled for Large {
    fn k(&self) -> f64 {
        self.v as f64 * 100.0
    }
}

#[jitclass]
pub struct Chest<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T: Copy + Default> Chest<T> {
    pub fn new() -> Self {
        Chest { items: Vec::new() }
    }

    pub fn push_blank(&mut self) {
        self.items.push(fresh::<T>());
    }

    pub fn push(&mut self, x: T) {
        self.items.push(x);
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn tagged<U: Copy>(&self, u: U) -> Vec<(T, U)> {
        let mut out = Vec::new();
        for x in self.items.iter() {
            out.push((*x, u));
        }
        out
    }

    pub fn retagged<U: Copy + Default>(&self, u: U) -> usize {
        self.tagged::<U>(u).len() + Self::blanks::<U>(2).len()
    }

    pub fn blanks<U: Default>(n: i64) -> Vec<U> {
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(U::default());
        }
        out
    }
}

#[jitclass]
pub struct Picker {
    bias: f64,
}

#[jitclass]
impl Picker {
    pub fn new(bias: f64) -> Picker {
        Picker { bias }
    }

    pub fn pick<U: Copy>(&self, a: U, b: U) -> U {
        if self.bias > 0.0 { a } else { b }
    }

    pub fn blank<U: Default>(&self) -> U {
        U::default()
    }
}

/// An unbounded body, which rustc does not type (no shadow): the turbofish alone types
/// the literals.
#[jit]
fn loose<T>(x: T) -> (T, f64) {
    let a = same::<u8>(250).wrapping_add(10) as f64;
    let p = Picker::new(1.0);
    let b = p.pick::<f32>(0.1, 0.2) as f64;
    (x, a + b)
}

/// A method's turbofish naming a type without the method's bound (`Picker: Default` is
/// not), in a body rustc does not type: an error at the first call, as rustc's E0277.
#[jit]
fn loose_unmet_bound<T>(x: T) -> T {
    let p = Picker::new(1.0);
    let _ = p.blank::<Picker>();
    x
}

/// A method's turbofish through references: a `&C` parameter and a loop's element.
#[jit]
fn through_references(c: &Picker, v: Vec<Picker>) -> f64 {
    let mut total = c.pick::<u8>(250, 1).wrapping_add(10) as f64;
    for p in v.iter() {
        total += p.pick::<f32>(0.1, 0.2) as f64 + p.blank::<f64>();
    }
    total + v[0].pick::<i64>(3, 4) as f64
}

#[jit]
fn typed_by_turbofish_only(n: i64) -> f64 {
    // The literals' types come from the turbofish alone: a type ignored is another answer.
    let small = same::<u8>(250).wrapping_add(10) as f64;
    let single = same::<f32>(0.1) as f64;
    let p = Picker::new(1.0);
    let picked = p.pick::<u8>(250, 1).wrapping_add(10) as f64;
    let single_pick = p.pick::<f32>(0.1, 0.2) as f64;
    let narrow = same::<i32>(-7) / 2;
    small + single + picked + single_pick + narrow as f64 + n as f64
}

#[jit]
fn nested_and_temporaries(n: i64) -> f64 {
    let a = same::<f64>(fresh::<f64>() + 1.5);
    let b = same::<Vec<i64>>(fresh::<Vec<i64>>()).len() as f64;
    let c = Picker::new(n as f64).pick::<i64>(n, 2 * n) as f64;
    let d = twice::<i64>(same::<i64>(n)) as f64;
    a + b + c + d
}

#[jit]
fn in_loops(n: i64) -> f64 {
    let mut total = 0.0;
    let mut i = 0;
    while i < n {
        for j in 0..i {
            total += same::<f64>(j as f64) + twice::<i64>(j) as f64;
            if j > 5 {
                break;
            }
        }
        i += 1;
    }
    if n > 100 {
        return fresh::<f64>();
    }
    total + same::<u8>(250).wrapping_add(10) as f64
}

#[jit]
fn with_underscore(n: i64) -> f64 {
    let x: f64 = fresh::<_>();
    let y = same::<_>(2.5);
    let (a, b) = make_two::<i64, f64>();
    let (c, d) = make_two::<f64, u8>();
    x + y + a as f64 + b + c + d as f64 + n as f64
}

#[jit]
fn through_traits_and_classes(n: i64) -> f64 {
    let s = Small { v: 1.25 };
    let l = Large { v: n };
    let mut ch = Chest::<f64>::new();
    ch.push(0.5);
    ch.push_blank();
    let mut ci = Chest::<i64>::new();
    ci.push(n);
    let r = ch.retagged::<bool>(true) + ci.retagged::<u8>(3);
    s.doubled() + l.doubled() + ch.len() as f64 + ci.len() as f64 + r as f64
}

/// The same program compiled by rustc.
mod rust {
    fn fresh<T: Default>() -> T {
        T::default()
    }
    fn same<T>(x: T) -> T {
        x
    }
    pub fn make_two<A: Default, B: Default>() -> (A, B) {
        (fresh::<A>(), fresh::<B>())
    }
    fn twice<T: Copy + std::ops::Add<Output = T>>(x: T) -> T {
        x + x
    }
    pub trait Scaled {
        fn k(&self) -> f64;
        fn doubled(&self) -> f64 {
            twice::<f64>(self.k())
        }
    }
    pub struct Small {
        v: f64,
    }
    impl Scaled for Small {
        fn k(&self) -> f64 {
            self.v
        }
    }
    pub struct Large {
        v: i64,
    }
    impl Scaled for Large {
        fn k(&self) -> f64 {
            self.v as f64 * 100.0
        }
    }
    pub struct Chest<T> {
        items: Vec<T>,
    }
    impl<T: Copy + Default> Chest<T> {
        pub fn new() -> Self {
            Chest { items: Vec::new() }
        }
        pub fn push_blank(&mut self) {
            self.items.push(fresh::<T>());
        }
        pub fn push(&mut self, x: T) {
            self.items.push(x);
        }
        pub fn len(&self) -> usize {
            self.items.len()
        }
        pub fn tagged<U: Copy>(&self, u: U) -> Vec<(T, U)> {
            let mut out = Vec::new();
            for x in self.items.iter() {
                out.push((*x, u));
            }
            out
        }
        pub fn retagged<U: Copy + Default>(&self, u: U) -> usize {
            self.tagged::<U>(u).len() + Self::blanks::<U>(2).len()
        }
        pub fn blanks<U: Default>(n: i64) -> Vec<U> {
            let mut out = Vec::new();
            for _ in 0..n {
                out.push(U::default());
            }
            out
        }
    }
    pub struct Picker {
        bias: f64,
    }
    impl Picker {
        pub fn new(bias: f64) -> Picker {
            Picker { bias }
        }
        pub fn pick<U: Copy>(&self, a: U, b: U) -> U {
            if self.bias > 0.0 { a } else { b }
        }
    }
    pub fn typed_by_turbofish_only(n: i64) -> f64 {
        let small = same::<u8>(250).wrapping_add(10) as f64;
        let single = same::<f32>(0.1) as f64;
        let p = Picker::new(1.0);
        let picked = p.pick::<u8>(250, 1).wrapping_add(10) as f64;
        let single_pick = p.pick::<f32>(0.1, 0.2) as f64;
        let narrow = same::<i32>(-7) / 2;
        small + single + picked + single_pick + narrow as f64 + n as f64
    }
    pub fn nested_and_temporaries(n: i64) -> f64 {
        let a = same::<f64>(fresh::<f64>() + 1.5);
        let b = same::<Vec<i64>>(fresh::<Vec<i64>>()).len() as f64;
        let c = Picker::new(n as f64).pick::<i64>(n, 2 * n) as f64;
        let d = twice::<i64>(same::<i64>(n)) as f64;
        a + b + c + d
    }
    pub fn in_loops(n: i64) -> f64 {
        let mut total = 0.0;
        let mut i = 0;
        while i < n {
            for j in 0..i {
                total += same::<f64>(j as f64) + twice::<i64>(j) as f64;
                if j > 5 {
                    break;
                }
            }
            i += 1;
        }
        if n > 100 {
            return fresh::<f64>();
        }
        total + same::<u8>(250).wrapping_add(10) as f64
    }
    pub fn with_underscore(n: i64) -> f64 {
        let x: f64 = fresh::<_>();
        let y = same::<_>(2.5);
        let (a, b) = make_two::<i64, f64>();
        let (c, d) = make_two::<f64, u8>();
        x + y + a as f64 + b + c + d as f64 + n as f64
    }
    pub fn through_traits_and_classes(n: i64) -> f64 {
        let s = Small { v: 1.25 };
        let l = Large { v: n };
        let mut ch = Chest::<f64>::new();
        ch.push(0.5);
        ch.push_blank();
        let mut ci = Chest::<i64>::new();
        ci.push(n);
        let r = ch.retagged::<bool>(true) + ci.retagged::<u8>(3);
        s.doubled() + l.doubled() + ch.len() as f64 + ci.len() as f64 + r as f64
    }
}

#[test]
fn review_turbofish_types_literals_as_rustc() {
    let _memory = memory_test();
    for n in [0, 3] {
        assert_eq!(typed_by_turbofish_only(n), rust::typed_by_turbofish_only(n));
    }
    assert_no_leaks();
}

#[test]
fn review_turbofish_nested_calls_and_temporaries() {
    let _memory = memory_test();
    for n in [-2, 0, 5] {
        assert_eq!(nested_and_temporaries(n), rust::nested_and_temporaries(n));
    }
    assert_no_leaks();
}

#[test]
fn review_turbofish_in_loops_and_early_exits() {
    let _memory = memory_test();
    for n in [0, 4, 9, 101] {
        assert_eq!(in_loops(n), rust::in_loops(n), "n = {n}");
    }
    assert_no_leaks();
}

#[test]
fn review_turbofish_underscore_and_order_of_arguments() {
    let _memory = memory_test();
    assert_eq!(with_underscore(2), rust::with_underscore(2));
    // From Rust, the turbofish picks the specialisation.
    assert_eq!(make_two::<u8, f64>(), rust::make_two::<u8, f64>());
    assert_eq!(make_two::<f64, i32>(), rust::make_two::<f64, i32>());
    assert_no_leaks();
}

#[test]
fn review_turbofish_in_default_methods_and_generic_methods() {
    let _memory = memory_test();
    for n in [0, 7] {
        assert_eq!(
            through_traits_and_classes(n),
            rust::through_traits_and_classes(n)
        );
    }
    assert_no_leaks();
}

#[test]
fn review_turbofish_in_a_body_rustc_does_not_type() {
    let _memory = memory_test();
    let expected = (250_u8.wrapping_add(10)) as f64 + 0.1_f32 as f64;
    assert_eq!(loose(3_i64), (3, expected));
    assert_eq!(loose(true), (true, expected));
    assert_no_leaks();
}

#[test]
fn review_turbofish_unmet_method_bound_in_an_unbounded_body() {
    let err = loose_unmet_bound::dispatcher()
        .compile(&[Type::F64])
        .unwrap_err();
    eprintln!("MESSAGE: {}", err.message());
    assert!(err.message().contains("Default"), "{}", err.message());
}

#[test]
fn review_turbofish_on_references_to_classes() {
    let _memory = memory_test();
    {
        let c = Picker::new(-1.0);
        let v = vec![Picker::new(1.0), Picker::new(-1.0)];
        let expected =
            1_u8.wrapping_add(10) as f64 + (0.1_f32 as f64 + 0.0) + (0.2_f32 as f64 + 0.0) + 3.0;
        assert_eq!(through_references(&c, v), expected);
    }
    assert_no_leaks();
}
