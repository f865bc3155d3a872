//! Review of static functions of type parameters and defaults (`S::make(x)`, `T::default()`,
//! `#[derive(Default)]` over parameters): hostile programs compared with rustc's build of
//! the same code, with the memory runtime balanced, panics included.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{jit, jitclass};
use std::collections::HashMap;

#[jit]
pub trait Maker {
    fn make(x: f64) -> Self;
    fn count(n: i64) -> i64;
    fn value(&self) -> f64;
}

#[jitclass]
#[derive(Default)]
pub struct Cell1 {
    v: f64,
    tags: Vec<i64>,
}

#[jitclass]
impl Maker for Cell1 {
    fn make(x: f64) -> Self {
        Cell1 {
            v: x,
            tags: vec![1, 2],
        }
    }
    fn count(n: i64) -> i64 {
        if n <= 0 { 0 } else { n + Self::count(n - 1) }
    }
    fn value(&self) -> f64 {
        self.v + self.tags.len() as f64
    }
}

#[jitclass]
pub struct Boom {
    s: String,
}

#[jitclass]
impl Maker for Boom {
    fn make(x: f64) -> Self {
        let b = Boom {
            s: String::from("held"),
        };
        if x < 0.0 {
            panic!("negative {}", x);
        }
        b
    }
    fn count(n: i64) -> i64 {
        if n > 3 {
            panic!("too many: {}", n);
        }
        n
    }
    fn value(&self) -> f64 {
        self.s.len() as f64
    }
}

/// `S::make(x)` with an argument, qualified and not, and a static fn that recurses.
#[jit]
fn made<M: Maker>(like: &M, x: f64) -> f64 {
    let a = M::make(x);
    let b = <M as Maker>::make(x + 1.0);
    a.value() + b.value() + M::count(3) as f64 + like.value()
}

/// Recursion of a generic fn through its static calls.
#[jit]
fn sum_made<M: Maker>(like: &M, n: i64) -> f64 {
    if n <= 0 {
        like.value()
    } else {
        let m = M::make(n as f64);
        m.value() + sum_made(&m, n - 1)
    }
}

/// A static fn that panics while an instance made by another is held.
#[jit]
fn count_made<M: Maker>(like: &M, n: i64) -> f64 {
    let m = M::make(1.0);
    m.value() + M::count(n) as f64 + like.value()
}

#[jit]
fn made_all(x: f64) -> f64 {
    let c = Cell1::make(0.5);
    let b = Boom::make(1.0);
    made(&c, x) + made(&b, x) + sum_made(&c, 3) + sum_made(&b, 2)
}

/// A default method calling the static fn of a trait its `where Self:` bound names.
#[jit]
pub trait Twice {
    fn base(&self) -> f64;
    fn twice(&self) -> f64
    where
        Self: Maker + Sized,
    {
        Self::make(2.0).value() + <Self as Maker>::count(2) as f64 + self.base()
    }
}

#[jitclass]
impl Twice for Cell1 {
    fn base(&self) -> f64 {
        self.v * 10.0
    }
}

#[jit]
fn twice_of(x: f64) -> f64 {
    let c = Cell1::make(x);
    c.twice()
}

/// A generic class over a generic class over `A`, both deriving `Default`.
#[jitclass]
#[derive(Default)]
pub struct Inner<A> {
    pub a: A,
    pub many: Vec<A>,
}

#[jitclass]
#[derive(Default)]
pub struct Outer<A> {
    pub inner: Inner<A>,
    pub own: A,
    pub maybe: Option<A>,
}

#[jit]
fn outers(x: i64) -> (i64, usize, bool, f64, usize) {
    let o: Outer<i64> = Outer::default();
    let p: Outer<Cell1> = Default::default();
    let q = Outer::<String>::default();
    (
        o.inner.a + o.own + x,
        o.inner.many.len(),
        o.maybe.is_none(),
        p.inner.a.v + p.own.value(),
        q.own.len() + q.inner.a.len(),
    )
}

/// Defaults in a generic class's impl, of nested containers of the parameter, and of
/// a default stored over a field.
#[jitclass]
pub struct Slot<T> {
    pub item: T,
    pub spare: Vec<Vec<T>>,
}

#[jitclass]
impl<T: Default> Slot<T> {
    pub fn reset(&mut self) -> usize {
        self.item = T::default();
        let mut fresh: Vec<Vec<T>> = Vec::new();
        fresh.push(Vec::new());
        fresh.push(Default::default());
        fresh[0].push(T::default());
        self.spare = fresh;
        self.spare.len() + self.spare[0].len()
    }
}

#[jit]
fn slots(x: f64) -> (f64, usize, usize) {
    let mut s = Slot {
        item: x,
        spare: Vec::new(),
    };
    let n = s.reset();
    let mut t = Slot {
        item: String::from("text"),
        spare: Vec::new(),
    };
    let m = t.reset();
    (s.item, n, m + t.item.len())
}

/// `T::default()` for text, chars, units and a map with `String` keys.
#[jit]
fn fresh<T: Default>(_like: T) -> T {
    T::default()
}

#[jit]
fn odd_defaults(n: i64) -> (char, usize, usize, i64) {
    let c = fresh('x');
    let mut m: HashMap<String, i64> = fresh(HashMap::new());
    m.insert(String::from("k"), n);
    let u = fresh(());
    let o: Option<Vec<i64>> = fresh(Some(vec![n]));
    let len = match o {
        Some(v) => v.len() as i64,
        None => -1,
    };
    let _ = u;
    (c, m.len(), fresh(String::from("abc")).len(), len)
}

#[jit]
fn tuple_with_instance(x: f64) -> f64 {
    let t = fresh((Cell1::make(x), 1));
    t.0.v + t.1 as f64
}

#[jit]
fn default_of_array(x: i64) -> i64 {
    let a = fresh([x, x, x]);
    a[0] + a[2]
}

/// The same program compiled by rustc (its shape kept as the jit program's).
#[allow(clippy::vec_init_then_push, clippy::let_unit_value)]
mod rust {
    use std::collections::HashMap;

    pub trait Maker {
        fn make(x: f64) -> Self;
        fn count(n: i64) -> i64;
        fn value(&self) -> f64;
    }

    #[derive(Default)]
    pub struct Cell1 {
        pub v: f64,
        pub tags: Vec<i64>,
    }

    impl Maker for Cell1 {
        fn make(x: f64) -> Self {
            Cell1 {
                v: x,
                tags: vec![1, 2],
            }
        }
        fn count(n: i64) -> i64 {
            if n <= 0 { 0 } else { n + Self::count(n - 1) }
        }
        fn value(&self) -> f64 {
            self.v + self.tags.len() as f64
        }
    }

    pub struct Boom {
        s: String,
    }

    impl Maker for Boom {
        fn make(x: f64) -> Self {
            let b = Boom {
                s: String::from("held"),
            };
            if x < 0.0 {
                panic!("negative {}", x);
            }
            b
        }
        fn count(n: i64) -> i64 {
            if n > 3 {
                panic!("too many: {}", n);
            }
            n
        }
        fn value(&self) -> f64 {
            self.s.len() as f64
        }
    }

    pub fn made<M: Maker>(like: &M, x: f64) -> f64 {
        let a = M::make(x);
        let b = <M as Maker>::make(x + 1.0);
        a.value() + b.value() + M::count(3) as f64 + like.value()
    }

    pub fn sum_made<M: Maker>(like: &M, n: i64) -> f64 {
        if n <= 0 {
            like.value()
        } else {
            let m = M::make(n as f64);
            m.value() + sum_made(&m, n - 1)
        }
    }

    pub fn count_made<M: Maker>(like: &M, n: i64) -> f64 {
        let m = M::make(1.0);
        m.value() + M::count(n) as f64 + like.value()
    }

    pub fn made_all(x: f64) -> f64 {
        let c = Cell1::make(0.5);
        let b = Boom::make(1.0);
        made(&c, x) + made(&b, x) + sum_made(&c, 3) + sum_made(&b, 2)
    }

    pub trait Twice {
        fn base(&self) -> f64;
        fn twice(&self) -> f64
        where
            Self: Maker + Sized,
        {
            Self::make(2.0).value() + <Self as Maker>::count(2) as f64 + self.base()
        }
    }

    impl Twice for Cell1 {
        fn base(&self) -> f64 {
            self.v * 10.0
        }
    }

    pub fn twice_of(x: f64) -> f64 {
        let c = Cell1::make(x);
        c.twice()
    }

    #[derive(Default)]
    pub struct Inner<A> {
        pub a: A,
        pub many: Vec<A>,
    }

    #[derive(Default)]
    pub struct Outer<A> {
        pub inner: Inner<A>,
        pub own: A,
        pub maybe: Option<A>,
    }

    pub fn outers(x: i64) -> (i64, usize, bool, f64, usize) {
        let o: Outer<i64> = Outer::default();
        let p: Outer<Cell1> = Default::default();
        let q = Outer::<String>::default();
        (
            o.inner.a + o.own + x,
            o.inner.many.len(),
            o.maybe.is_none(),
            p.inner.a.v + p.own.value(),
            q.own.len() + q.inner.a.len(),
        )
    }

    pub struct Slot<T> {
        pub item: T,
        pub spare: Vec<Vec<T>>,
    }

    impl<T: Default> Slot<T> {
        pub fn reset(&mut self) -> usize {
            self.item = T::default();
            let mut fresh: Vec<Vec<T>> = Vec::new();
            fresh.push(Vec::new());
            fresh.push(Default::default());
            fresh[0].push(T::default());
            self.spare = fresh;
            self.spare.len() + self.spare[0].len()
        }
    }

    pub fn slots(x: f64) -> (f64, usize, usize) {
        let mut s = Slot {
            item: x,
            spare: Vec::new(),
        };
        let n = s.reset();
        let mut t = Slot {
            item: String::from("text"),
            spare: Vec::new(),
        };
        let m = t.reset();
        (s.item, n, m + t.item.len())
    }

    fn fresh<T: Default>(_like: T) -> T {
        T::default()
    }

    pub fn odd_defaults(n: i64) -> (char, usize, usize, i64) {
        let c = fresh('x');
        let mut m: HashMap<String, i64> = fresh(HashMap::new());
        m.insert(String::from("k"), n);
        let u = fresh(());
        let o: Option<Vec<i64>> = fresh(Some(vec![n]));
        let len = match o {
            Some(v) => v.len() as i64,
            None => -1,
        };
        let _ = u;
        (c, m.len(), fresh(String::from("abc")).len(), len)
    }

    pub fn tuple_with_instance(x: f64) -> f64 {
        let t = fresh((Cell1::make(x), 1));
        t.0.v + t.1 as f64
    }

    pub fn default_of_array(x: i64) -> i64 {
        let a = fresh([x, x, x]);
        a[0] + a[2]
    }
}

#[test]
fn review_statics_make_with_arguments_and_recursion() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for x in [0.0f64, 1.5, -2.0] {
        assert_eq!(made_all(x.abs()), rust::made_all(x.abs()));
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_statics_panics_in_static_fns_release_what_they_hold() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let b = Boom::make(1.0);
    let rb = <rust::Boom as rust::Maker>::make(1.0);
    // Jit panics add the location of the panic after rustc's message.
    let jit = panic_message(|| made(&b, -5.0));
    let plain = panic_message(|| rust::made(&rb, -5.0));
    assert!(jit.starts_with(&plain), "{jit}");
    let jit = panic_message(|| count_made(&b, 5));
    let plain = panic_message(|| rust::count_made(&rb, 5));
    assert!(jit.starts_with(&plain), "{jit}");
    // Below the panic's threshold both run through.
    assert_eq!(count_made(&b, 2), rust::count_made(&rb, 2));
    assert_eq!(sum_made(&b, 5), rust::sum_made(&rb, 5));
    drop(b);
    assert!(balanced_since(&before));
}

#[test]
fn review_statics_default_method_calls_static_fn_of_where_bound() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for x in [0.0, 3.25] {
        assert_eq!(twice_of(x), rust::twice_of(x));
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_statics_derive_default_over_nested_generic_class() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for x in [0, 7] {
        assert_eq!(outers(x), rust::outers(x));
    }
    {
        let o = Outer::<Cell1>::default();
        assert_eq!(o.own().v(), 0.0);
        assert!(o.maybe().is_none());
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_statics_defaults_in_generic_class_impl() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for x in [1.0, -4.5] {
        assert_eq!(slots(x), rust::slots(x));
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_statics_odd_defaults() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for n in [0, 9] {
        assert_eq!(odd_defaults(n), rust::odd_defaults(n));
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_statics_tuple_holding_an_instance() {
    let _memory = memory_test();
    let before = jitclass::stats();
    assert_eq!(tuple_with_instance(2.0), rust::tuple_with_instance(2.0));
    assert!(balanced_since(&before));
}

#[test]
fn review_statics_default_of_array() {
    let _memory = memory_test();
    assert_eq!(default_of_array(4), rust::default_of_array(4));
}

/// A generic fn without bounds (jitclass's duck typing, which rustc would refuse) passing
/// its value on to one that needs `Default` or `Maker`: checked at the first call.
#[jit]
fn relay<U>(u: U) -> U {
    fresh(u)
}

#[jit]
fn relay_made<U>(u: &U, x: f64) -> f64 {
    made(u, x)
}

#[test]
fn review_statics_unbounded_relay_checks_at_first_call() {
    let _memory = memory_test();
    let before = jitclass::stats();
    assert_eq!(relay(5i64), 0);
    let msg = panic_message(|| relay(Boom::make(1.0)));
    assert!(
        msg.contains("the trait bound `Boom: Default` is not satisfied"),
        "{msg}"
    );
    let msg = panic_message(|| relay_made(&3.0f64, 1.0));
    assert!(
        msg.contains("the trait bound `f64: Maker` is not satisfied"),
        "{msg}"
    );
    assert!(balanced_since(&before));
}
