//! Review of trait objects in jit code (issue 17): each probe written once and built twice
//! (`twins!`: a `#[jit]` fn over the classes, and rustc's build over `rust`'s structs),
//! with the memory runtime balanced after each, also after a panic.

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{jit, jitclass};

#[jit]
pub trait Fig {
    fn area(&self) -> f64;
    fn grow(&mut self, k: f64);
    fn twice(&self) -> f64 {
        self.area() * 2.0
    }
    fn bump(&mut self) -> f64 {
        self.grow(1.0);
        self.twice()
    }
}

#[jit]
pub trait Named {
    fn id(&self) -> i64;
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Fig for Disk {
    fn area(&self) -> f64 {
        assert!(self.r >= 0.0, "negative radius {}", self.r);
        3.0 * self.r * self.r
    }
    fn grow(&mut self, k: f64) {
        self.r += k;
    }
}

#[jitclass]
impl Named for Disk {
    fn id(&self) -> i64 {
        1
    }
}

#[jitclass]
pub struct Sq {
    side: f64,
}

#[jitclass]
impl Fig for Sq {
    fn area(&self) -> f64 {
        self.side * self.side
    }
    fn grow(&mut self, k: f64) {
        self.side *= k;
    }
    fn twice(&self) -> f64 {
        self.side * 4.0
    }
}

#[jitclass]
impl Named for Sq {
    fn id(&self) -> i64 {
        2
    }
}

/// A class with managed fields.
#[jitclass]
pub struct Bag {
    xs: Vec<f64>,
    name: String,
}

#[jitclass]
impl Fig for Bag {
    fn area(&self) -> f64 {
        let mut t = self.name.len() as f64;
        for x in &self.xs {
            t += *x;
        }
        t
    }
    fn grow(&mut self, k: f64) {
        self.xs.push(k);
        self.name.push('g');
    }
}

mod rust {
    pub trait Fig {
        fn area(&self) -> f64;
        fn grow(&mut self, k: f64);
        fn twice(&self) -> f64 {
            self.area() * 2.0
        }
        fn bump(&mut self) -> f64 {
            self.grow(1.0);
            self.twice()
        }
    }
    pub trait Named {
        fn id(&self) -> i64;
    }
    pub struct Disk {
        pub r: f64,
    }
    impl Fig for Disk {
        fn area(&self) -> f64 {
            assert!(self.r >= 0.0, "negative radius {}", self.r);
            3.0 * self.r * self.r
        }
        fn grow(&mut self, k: f64) {
            self.r += k;
        }
    }
    impl Named for Disk {
        fn id(&self) -> i64 {
            1
        }
    }
    pub struct Sq {
        pub side: f64,
    }
    impl Fig for Sq {
        fn area(&self) -> f64 {
            self.side * self.side
        }
        fn grow(&mut self, k: f64) {
            self.side *= k;
        }
        fn twice(&self) -> f64 {
            self.side * 4.0
        }
    }
    impl Named for Sq {
        fn id(&self) -> i64 {
            2
        }
    }
    pub struct Bag {
        pub xs: Vec<f64>,
        pub name: String,
    }
    impl Fig for Bag {
        fn area(&self) -> f64 {
            let mut t = self.name.len() as f64;
            for x in &self.xs {
                t += *x;
            }
            t
        }
        fn grow(&mut self, k: f64) {
            self.xs.push(k);
            self.name.push('g');
        }
    }
}

/// A parameter boxed, and changed through the box: the caller's other handle sees it.
#[jit]
fn box_param(c: Disk) -> f64 {
    let mut b: Box<dyn Fig> = Box::new(c);
    b.grow(2.0);
    b.area()
}

#[jit]
fn mk_sq(side: f64) -> Sq {
    Sq { side }
}

#[jit]
fn mk_disk(r: f64) -> Disk {
    Disk { r }
}

macro_rules! twins {
    (mod $m:ident; $($(#[$doc:meta])* fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty $body:block)*) => {
        $(
            $(#[$doc])*
            #[jit]
            fn $name($($p: $t),*) -> $r $body
        )*
        mod $m {
            #![allow(clippy::vec_init_then_push, clippy::needless_range_loop, unused_mut, unused_imports)]
            use super::rust::{Bag, Disk, Fig, Named, Sq};
            $(
                $(#[$doc])*
                pub fn $name($($p: $t),*) -> $r $body
            )*
        }
    };
}

twins! {
    mod twin;

    /// `*g = Box::new(..)` through the variable of `for g in &mut v`.
    fn replace_in_mut_loop(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Disk { r: i as f64 }));
        }
        for g in &mut v {
            *g = Box::new(Sq { side: g.area() });
        }
        let mut t = 0.0;
        for s in &v {
            t += s.area() + s.twice();
        }
        t
    }

    /// pop, remove, swap, insert, index assignment, truncate, clear.
    fn vec_ops(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            if i % 2 == 0 {
                v.push(Box::new(Disk { r: i as f64 }));
            } else {
                v.push(Box::new(Sq { side: i as f64 }));
            }
        }
        let mut t = 0.0;
        if let Some(last) = v.pop() {
            t += last.area();
        }
        let r = v.remove(1);
        t += r.area() * 10.0;
        v.swap(0, 2);
        v.insert(1, Box::new(Sq { side: 0.5 }));
        v[0] = Box::new(Disk { r: 0.25 });
        v[2].grow(3.0);
        v.truncate(4);
        for i in 0..v.len() {
            t += v[i].area() * (i as f64 + 1.0);
        }
        v.clear();
        t + v.len() as f64
    }

    /// `Option<Box<dyn Fig>>`: matched, assigned, matched by value.
    fn option_boxes(x: f64) -> f64 {
        let o: Option<Box<dyn Fig>> = Some(Box::new(Disk { r: x }));
        let n: Option<Box<dyn Fig>> = None;
        let mut t = 0.0;
        if let Some(s) = o {
            t += s.area();
        }
        if n.is_none() {
            t += 1.0;
        }
        let mut p: Option<Box<dyn Fig>> = None;
        if p.is_none() {
            p = Some(Box::new(Sq { side: x }));
        }
        if x > 1.0 {
            p = Some(Box::new(Sq { side: x + 1.0 }));
        }
        match p {
            Some(mut s) => t + s.bump(),
            None => t,
        }
    }

    /// A default `&mut self` method through the vtable calling required ones.
    fn defaults_through_box(x: f64) -> f64 {
        let mut a: Box<dyn Fig> = Box::new(Disk { r: x });
        let mut b: Box<dyn Fig> = Box::new(Sq { side: x });
        a.bump() + b.bump() + a.bump() + b.twice()
    }

    /// One class boxed as each of two traits.
    fn two_traits(x: f64) -> f64 {
        let f: Box<dyn Fig> = Box::new(Disk { r: x });
        let n: Box<dyn Named> = Box::new(Disk { r: x });
        let m: Vec<Box<dyn Named>> = vec![Box::new(Sq { side: 1.0 }), Box::new(Disk { r: 1.0 })];
        let mut t = f.area() + n.id() as f64;
        for k in &m {
            t += k.id() as f64 * 100.0;
        }
        t
    }

    /// A class with a `Vec` and a `String` field in a box, changed through it.
    fn bag_in_box(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            let mut xs = Vec::new();
            xs.push(i as f64);
            v.push(Box::new(Bag { xs, name: String::from("bag") }));
            v.push(Box::new(Disk { r: 1.0 }));
        }
        for g in &mut v {
            g.grow(0.5);
        }
        let mut t = 0.0;
        for s in &v {
            t += s.area();
        }
        t
    }

    /// Coercion sites: if and match branches, a block, a tuple, `vec!`, insert.
    fn coercion_sites(k: i64, d: Disk, s: Sq) -> f64 {
        let a: Box<dyn Fig> = if k > 0 { Box::new(Disk { r: 1.0 }) } else { Box::new(Sq { side: 2.0 }) };
        let o: Option<i64> = if k == 0 { None } else { Some(k) };
        let b: Box<dyn Fig> = match o {
            None => Box::new(Sq { side: 3.0 }),
            Some(_) => { let s = Sq { side: 1.5 }; Box::new(s) }
        };
        let t: (Box<dyn Fig>, f64) = (Box::new(Disk { r: 2.0 }), 1.0);
        let r: &dyn Fig = &d;
        let r2: &dyn Fig = &s;
        let mut v: Vec<Box<dyn Fig>> = vec![a, b];
        v.insert(0, t.0);
        v.push(Box::new(Sq { side: 0.25 }));
        let mut total = r.area() + r2.twice() + t.1;
        for x in &v {
            total += x.area();
        }
        total
    }

    /// The loop variable moved, dropped, kept past the iteration.
    fn loop_var_escapes(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Disk { r: i as f64 }));
        }
        let mut keep = None;
        let mut t = 0.0;
        for s in &v {
            let u = s;
            t += u.area();
            if s.area() > 2.0 {
                keep = Some(s);
            }
        }
        match keep {
            Some(s) => t + s.area(),
            None => t,
        }
    }

    /// `for s in v` consuming, left by `break`: the rest are dropped.
    fn consuming_break(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Sq { side: i as f64 }));
        }
        let mut t = 0.0;
        for s in v {
            if s.area() > 10.0 {
                break;
            }
            t += s.area();
        }
        t
    }

    /// `while let Some(s) = v.pop()`.
    fn pop_all(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Sq { side: i as f64 }));
            v.push(Box::new(Disk { r: i as f64 }));
        }
        let mut t = 0.0;
        while let Some(mut s) = v.pop() {
            t += s.bump();
        }
        t
    }

    /// A `Vec` of `Vec`s of boxes, read by nested borrowed loops.
    fn nested_vecs(n: i64) -> f64 {
        let mut g: Vec<Vec<Box<dyn Fig>>> = Vec::new();
        for i in 0..n {
            let mut row: Vec<Box<dyn Fig>> = Vec::new();
            row.push(Box::new(Disk { r: i as f64 }));
            row.push(Box::new(Sq { side: i as f64 }));
            g.push(row);
        }
        let mut t = 0.0;
        for row in &g {
            for s in row {
                t += s.area();
            }
        }
        t
    }

    /// Shadowing the `Vec` inside its own loop, and reassigning it after.
    fn shadowed_in_loop(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Sq { side: i as f64 }));
        }
        let mut t = 0.0;
        for s in &v {
            let v: Vec<Box<dyn Fig>> = vec![Box::new(Disk { r: 2.0 })];
            t += s.area() + v[0].area();
        }
        v = Vec::new();
        v.push(Box::new(Disk { r: 1.0 }));
        for s in v.iter() {
            t += s.area();
        }
        t
    }

    /// The `Vec` of a loop built by a block expression (a hidden container).
    fn temporary_container(n: i64) -> f64 {
        let mut t = 0.0;
        for s in &{
            let mut w: Vec<Box<dyn Fig>> = Vec::new();
            for i in 0..n {
                w.push(Box::new(Disk { r: i as f64 }));
            }
            w
        } {
            t += s.area();
        }
        t
    }
}

#[jit]
/// `&mut dyn Fig` used twice, then the instance read.
fn mut_ref_twice(mut d: Disk) -> f64 {
    let m: &mut dyn Fig = &mut d;
    m.grow(1.0);
    m.grow(2.0);
    let t = m.bump();
    t + d.area()
}

mod twin_mut {
    use super::rust::{Disk, Fig};

    pub fn mut_ref_twice(mut d: Disk) -> f64 {
        let m: &mut dyn Fig = &mut d;
        m.grow(1.0);
        m.grow(2.0);
        let t = m.bump();
        t + d.area()
    }
}

#[test]
fn ok_trait_object_probes_are_rusts() {
    let _memory = memory_test();
    assert_eq!(replace_in_mut_loop(5), twin::replace_in_mut_loop(5));
    assert_eq!(vec_ops(7), twin::vec_ops(7));
    assert_eq!(option_boxes(1.5), twin::option_boxes(1.5));
    assert_eq!(defaults_through_box(1.5), twin::defaults_through_box(1.5));
    assert_eq!(two_traits(2.0), twin::two_traits(2.0));
    assert_eq!(bag_in_box(4), twin::bag_in_box(4));
    for k in 0..4 {
        let rust = twin::coercion_sites(k, rust::Disk { r: 3.0 }, rust::Sq { side: 4.0 });
        assert_eq!(coercion_sites(k, mk_disk(3.0), mk_sq(4.0)), rust, "{k}");
    }
    assert_eq!(
        mut_ref_twice(mk_disk(1.0)),
        twin_mut::mut_ref_twice(rust::Disk { r: 1.0 })
    );
    assert_eq!(loop_var_escapes(5), twin::loop_var_escapes(5));
    assert_eq!(consuming_break(8), twin::consuming_break(8));
    assert_eq!(pop_all(5), twin::pop_all(5));
    assert_eq!(nested_vecs(4), twin::nested_vecs(4));
    assert_eq!(shadowed_in_loop(3), twin::shadowed_in_loop(3));
    assert_eq!(temporary_container(3), twin::temporary_container(3));
    assert_no_leaks();
}

#[test]
fn ok_instances_from_rust_boxed_in_jit_code() {
    let _memory = memory_test();
    {
        let d = mk_disk(1.0);
        let keep = d.clone();
        assert_eq!(box_param(d), 27.0);
        assert_eq!(keep.r(), 3.0);
    }
    assert_no_leaks();
}

#[test]
fn ok_panics_mid_loop_release_everything() {
    let _memory = memory_test();
    // Disk { r: -1.0 } panics in area; the loop of replace_in_mut_loop calls area on each.
    let rust = panic_message(|| twin::vec_ops(3));
    let jit = panic_message(|| vec_ops(3));
    assert_eq!(rust.lines().next(), jit.lines().next());
    assert_no_leaks();
}

twins! {
    mod twin2;

    /// Sorting a `Vec` of boxes with a closure reading them through the vtable.
    fn sorted_boxes(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            if i % 2 == 0 {
                v.push(Box::new(Disk { r: (n - i) as f64 }));
            } else {
                v.push(Box::new(Sq { side: i as f64 }));
            }
        }
        v.sort_by(|a, b| a.area().partial_cmp(&b.area()).unwrap());
        let mut t = 0.0;
        for i in 0..v.len() {
            t += v[i].area() * (i as f64 + 1.0);
        }
        t
    }

    /// `Vec<(Box<dyn Fig>, i64)>`, read by a borrowed loop over tuples.
    fn tuples_of_boxes(n: i64) -> f64 {
        let mut v: Vec<(Box<dyn Fig>, i64)> = Vec::new();
        for i in 0..n {
            v.push((Box::new(Disk { r: i as f64 }), i));
        }
        let mut t = 0.0;
        for (s, k) in &v {
            t += s.area() * (*k as f64);
        }
        t
    }

    /// An early `return` from inside a borrowed loop over boxes.
    fn early_return(n: i64, stop: f64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Disk { r: i as f64 }));
        }
        let mut t = 0.0;
        for s in &v {
            if s.area() > stop {
                return t + s.twice();
            }
            t += s.area();
        }
        t
    }

    /// Many calls through the vtable in an uncounted loop.
    fn many_calls(n: i64, reps: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            if i % 3 == 0 {
                v.push(Box::new(Sq { side: (i % 5) as f64 }));
            } else {
                v.push(Box::new(Disk { r: (i % 7) as f64 }));
            }
        }
        let mut t = 0.0;
        for _ in 0..reps {
            for s in &v {
                t += s.twice();
            }
        }
        t
    }

    /// Boxes of a class with managed fields, made and dropped many times.
    fn bag_churn(n: i64) -> f64 {
        let mut t = 0.0;
        for i in 0..n {
            let mut b: Box<dyn Fig> = Box::new(Bag { xs: Vec::new(), name: String::from("b") });
            b.grow(i as f64);
            t += b.area();
        }
        t
    }

    /// Recursion: each frame with its own boxes.
    fn recurse(n: i64) -> f64 {
        let b: Box<dyn Fig> = Box::new(Disk { r: n as f64 });
        if n <= 0 {
            return b.area();
        }
        let v: Vec<Box<dyn Fig>> = vec![b, Box::new(Sq { side: 1.0 })];
        let mut t = recurse(n - 1);
        for s in &v {
            t += s.area();
        }
        t
    }
}

/// A `&mut self` method panicking through the vtable in a `for g in &mut v` loop.
#[jit]
fn grow_panics(n: i64) -> f64 {
    let mut v: Vec<Box<dyn Fig>> = Vec::new();
    for i in 0..n {
        v.push(Box::new(Bag {
            xs: Vec::new(),
            name: String::from("x"),
        }));
        v.push(Box::new(Disk { r: 1.0 - i as f64 }));
    }
    for g in &mut v {
        g.grow(0.5);
        let _ = g.area();
    }
    0.0
}

/// The uncounted loop in a generic body (counted there): the same results.
#[jit]
fn generic_loop<S: Fig + 'static>(s: S, n: i64) -> f64 {
    let mut v: Vec<Box<dyn Fig>> = Vec::new();
    v.push(Box::new(s));
    for i in 0..n {
        v.push(Box::new(Disk { r: i as f64 }));
    }
    let mut t = 0.0;
    for x in &v {
        t += x.twice();
    }
    t
}

#[test]
fn ok_more_trait_object_probes_are_rusts() {
    let _memory = memory_test();
    assert_eq!(sorted_boxes(9), twin2::sorted_boxes(9));
    assert_eq!(tuples_of_boxes(5), twin2::tuples_of_boxes(5));
    for stop in [-1.0, 5.0, 100.0] {
        assert_eq!(early_return(5, stop), twin2::early_return(5, stop));
    }
    assert_eq!(many_calls(1000, 1000), twin2::many_calls(1000, 1000));
    assert_eq!(bag_churn(100_000), twin2::bag_churn(100_000));
    assert_eq!(recurse(20), twin2::recurse(20));
    let jit = panic_message(|| grow_panics(4));
    assert!(jit.starts_with("negative radius -0.5"), "{jit}");
    assert_eq!(generic_loop(mk_sq(2.0), 5), 8.0 + 6.0 * 30.0);
    assert_no_leaks();
}

// ---- `self` lent as a trait object in the class's own methods. ----

/// A class with a managed field, whose methods lend `self` as a `&dyn Fig` /
/// `&mut dyn Fig` (a reference in Rust, coerced as `&c` is).
#[jitclass]
pub struct Ring {
    r: f64,
    log: Vec<f64>,
}

#[jitclass]
impl Fig for Ring {
    fn area(&self) -> f64 {
        self.r * 2.0 + self.log.len() as f64
    }
    fn grow(&mut self, k: f64) {
        self.r += k;
        self.log.push(k);
    }
}

#[jitclass]
impl Ring {
    pub fn new(r: f64) -> Self {
        Ring { r, log: Vec::new() }
    }

    /// `self` as a `&dyn Fig`, then `self` used again (a reference is `Copy`).
    pub fn as_dyn(&self) -> f64 {
        let f: &dyn Fig = self;
        let t = f.area() + f.twice();
        let g: &dyn Fig = self;
        t + g.area() + self.r
    }

    /// `self` as a `&mut dyn Fig` changed through it, then as a `&dyn Fig`.
    pub fn grow_as_dyn(&mut self, k: f64) -> f64 {
        let f: &mut dyn Fig = self;
        f.grow(k);
        let t = f.bump();
        let g: &dyn Fig = self;
        t + g.area() + self.log.len() as f64
    }
}

mod rust_ring {
    use super::rust::Fig;

    pub struct Ring {
        pub r: f64,
        pub log: Vec<f64>,
    }

    impl Fig for Ring {
        fn area(&self) -> f64 {
            self.r * 2.0 + self.log.len() as f64
        }
        fn grow(&mut self, k: f64) {
            self.r += k;
            self.log.push(k);
        }
    }

    impl Ring {
        pub fn as_dyn(&self) -> f64 {
            let f: &dyn Fig = self;
            let t = f.area() + f.twice();
            let g: &dyn Fig = self;
            t + g.area() + self.r
        }

        pub fn grow_as_dyn(&mut self, k: f64) -> f64 {
            let f: &mut dyn Fig = self;
            f.grow(k);
            let t = f.bump();
            let g: &dyn Fig = self;
            t + g.area() + self.log.len() as f64
        }
    }
}

/// `let f: &dyn Fig = self;` (and `&mut dyn Fig` in a `&mut self` method) builds and runs
/// as rustc's build does (review of issue 17: the shadow refused it, "expected `&dyn Fig`,
/// found `Disk`").
#[test]
fn ok_self_lent_as_a_trait_object() {
    let _memory = memory_test();
    {
        let mut jit_ring = Ring::new(1.5);
        let mut rust_ring = rust_ring::Ring {
            r: 1.5,
            log: Vec::new(),
        };
        assert_eq!(jit_ring.as_dyn(), rust_ring.as_dyn());
        for k in [0.5, 2.0] {
            assert_eq!(jit_ring.grow_as_dyn(k), rust_ring.grow_as_dyn(k));
        }
        assert_eq!(jit_ring.as_dyn(), rust_ring.as_dyn());
    }
    assert_no_leaks();
}
