//! Adversarial review (issue 12, item 1): routes by which an unmanaged instance might
//! outlive the call it was lent to, beyond the sinks `escapes.rs` covers. Each route must
//! be refused (a panic naming the sink, nothing stored, nothing leaked) or be no route.

use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate, register_window};
use jitclass::{Payload, jit, jitclass, unsafe_cast};
use std::mem::MaybeUninit;
use std::ops::{Add, AddAssign, Index, IndexMut};
use std::panic::{AssertUnwindSafe, catch_unwind};

#[track_caller]
fn panic_message<R>(f: impl FnOnce() -> R) -> String {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => panic!("expected a panic"),
        Err(payload) => match payload.downcast::<String>() {
            Ok(s) => *s,
            Err(payload) => payload.downcast_ref::<&str>().unwrap().to_string(),
        },
    }
}

const REFUSAL: &str = "an unmanaged instance of `";

#[jitclass]
pub struct Bit {
    v: i64,
}

#[jitclass]
impl Bit {
    pub fn new(v: i64) -> Bit {
        Bit { v }
    }

    /// Hands back whichever operand was passed second (an operator returning its operand).
    pub fn second(&self, o: Bit) -> Bit {
        let _ = self.v;
        o
    }
}

#[jitclass]
impl Add for Bit {
    type Output = Bit;
    fn add(self, o: Bit) -> Bit {
        let _ = self.v;
        o
    }
}

#[jitclass]
pub struct Box2 {
    slot: Option<Bit>,
    nested: Option<(i64, Option<Bit>)>,
    first: Bit,
    second: Bit,
}

#[jitclass]
impl Box2 {
    pub fn new() -> Box2 {
        Box2 {
            slot: None,
            nested: None,
            first: Bit::new(0),
            second: Bit::new(0),
        }
    }

    #[getter]
    pub fn held(&self) -> i64 {
        match self.slot.clone() {
            Some(b) => b.v,
            None => -1,
        }
    }

    /// A property whose setter keeps the value.
    #[setter]
    pub fn set_held(&mut self, b: Bit) {
        self.slot = Some(b);
    }

    /// Through the property.
    pub fn via_setter(&mut self, at: *mut u8) {
        self.held = unsafe { unsafe_cast::<Bit>(at) };
    }

    /// Through an operator that returns its right operand.
    pub fn via_operator(&mut self, at: *mut u8) {
        let lent = unsafe { unsafe_cast::<Bit>(at) };
        self.first = Bit::new(1) + lent;
    }

    /// Nested options and tuples.
    pub fn via_nested(&mut self, at: *mut u8) {
        let lent = unsafe { unsafe_cast::<Bit>(at) };
        self.nested = Some((1, Some(lent)));
    }

    /// Through the field of an instance in a local tuple.
    pub fn via_local_tuple(at: *mut u8) -> i64 {
        let lent = unsafe { unsafe_cast::<Bit>(at) };
        let mut t = (Box2::new(), 3);
        t.0.slot = Some(lent);
        t.1
    }

    /// Struct literal with shorthand fields.
    pub fn via_shorthand(at: *mut u8) -> i64 {
        let first = unsafe { unsafe_cast::<Bit>(at) };
        let second = Bit::new(2);
        let slot = None;
        let nested = None;
        let b = Box2 {
            slot,
            nested,
            first,
            second,
        };
        b.second.v
    }

    /// A method returning its argument, stored into a field.
    pub fn via_add_assign(&mut self, at: *mut u8) {
        let lent = unsafe { unsafe_cast::<Bit>(at) };
        self.first = self.first.second(lent);
    }

    /// `self[1] = lent` through `IndexMut`.
    pub fn via_index(&mut self, at: *mut u8) {
        let lent = unsafe { unsafe_cast::<Bit>(at) };
        self[1] = lent;
    }
}

#[jitclass]
impl Index<usize> for Box2 {
    type Output = Bit;
    fn index(&self, i: usize) -> &Bit {
        if i == 0 { &self.first } else { &self.second }
    }
}

#[jitclass]
impl IndexMut<usize> for Box2 {
    fn index_mut(&mut self, i: usize) -> &mut Bit {
        if i == 0 {
            &mut self.first
        } else {
            &mut self.second
        }
    }
}

#[jitclass]
impl AddAssign<Bit> for Box2 {
    fn add_assign(&mut self, b: Bit) {
        self.slot = Some(b);
    }
}

#[jit]
fn keep_generic<T>(mut b: Box2, x: T) -> i64 {
    b.slot = Some(x);
    0
}

#[jit]
fn keep_through_generic(b: Box2, at: *mut u8) -> i64 {
    keep_generic(b, unsafe { unsafe_cast::<Bit>(at) })
}

/// Recursion hands the lent instance up several frames before the store.
#[jit]
fn lend_up(at: *mut u8, depth: i64) -> Bit {
    if depth == 0 {
        unsafe { unsafe_cast::<Bit>(at) }
    } else {
        lend_up(at, depth - 1)
    }
}

#[jit]
fn keep_from_deep(mut b: Box2, at: *mut u8) {
    b.second = lend_up(at, 5);
}

#[jit]
fn nested_to_rust(at: *mut u8) -> Option<(i64, Option<Bit>)> {
    Some((1, Some(unsafe { unsafe_cast::<Bit>(at) })))
}

#[jit]
fn compound_on_class(mut b: Box2, at: *mut u8) {
    b += unsafe { unsafe_cast::<Bit>(at) };
}

struct BitMemory(Box<MaybeUninit<Payload<Bit>>>);

impl BitMemory {
    fn new(v: i64) -> BitMemory {
        let mut m = BitMemory(Box::new(MaybeUninit::zeroed()));
        // SAFETY: zeroed memory is a valid payload of `Bit`, and the view is dropped here.
        unsafe { unsafe_cast::<Bit>(m.ptr()) }.set_v(v);
        m
    }
    fn ptr(&mut self) -> *mut u8 {
        self.0.as_mut_ptr().cast()
    }
}

/// A named route and the call that takes it.
type Case<'a> = (&'static str, Box<dyn Fn() + 'a>);

#[test]
fn review_every_other_route_is_refused() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let mut memory = BitMemory::new(7);
    let at = memory.ptr();
    let b = Box2::new();
    let cases: Vec<Case> = vec![
        ("setter", Box::new(|| b.clone().via_setter(at))),
        ("operator", Box::new(|| b.clone().via_operator(at))),
        ("nested", Box::new(|| b.clone().via_nested(at))),
        (
            "local tuple",
            Box::new(|| {
                Box2::via_local_tuple(at);
            }),
        ),
        (
            "shorthand",
            Box::new(|| {
                Box2::via_shorthand(at);
            }),
        ),
        ("method result", Box::new(|| b.clone().via_add_assign(at))),
        ("index_mut", Box::new(|| b.clone().via_index(at))),
        (
            "generic",
            Box::new(|| {
                keep_through_generic(b.clone(), at);
            }),
        ),
        ("deep", Box::new(|| keep_from_deep(b.clone(), at))),
        (
            "to rust nested",
            Box::new(|| {
                nested_to_rust(at);
            }),
        ),
        ("compound", Box::new(|| compound_on_class(b.clone(), at))),
    ];
    let mut failures = Vec::new();
    for (name, case) in &cases {
        match catch_unwind(AssertUnwindSafe(case)) {
            Ok(()) => failures.push(format!("{name}: not refused")),
            Err(p) => {
                let m = p
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| p.downcast_ref::<&str>().unwrap().to_string());
                if !m.starts_with(REFUSAL) {
                    failures.push(format!("{name}: {m}"));
                }
            }
        }
    }
    assert!(b.slot().is_none());
    assert!(b.nested().is_none());
    assert_eq!((b.first().v(), b.second().v()), (0, 0));
    // From Rust: `+=` on the handle runs `add_assign` in jit code.
    {
        // SAFETY: the view is dropped in this block, before `memory`.
        let view = unsafe { unsafe_cast::<Bit>(at) };
        let mut h = b.clone();
        let m = panic_message(|| h += view.clone());
        if !m.starts_with(REFUSAL) {
            failures.push(format!("rust +=: {m}"));
        }
        let m = panic_message(|| b.set_held(view.clone()));
        if !m.starts_with(REFUSAL) {
            failures.push(format!("rust set_held: {m}"));
        }
    }
    drop(cases);
    drop(b);
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(jitclass::stats().since(&before).is_balanced());
    crate::assert_no_leaks();
}

// ---- SQLite: the lent state into its own fields, from every callback ----------------------

#[jitclass]
pub struct Child {
    back: Option<SelfKeeper>,
}

#[jitclass]
impl Child {
    pub fn new() -> Child {
        Child { back: None }
    }
}

#[jitclass]
pub struct SelfKeeper {
    total: f64,
    me: Option<SelfKeeper>,
    child: Child,
    mode: i64,
}

#[jitclass]
impl SelfKeeper {
    pub fn new() -> SelfKeeper {
        SelfKeeper {
            total: 0.0,
            me: None,
            child: Child::new(),
            mode: 0,
        }
    }

    pub fn step(&mut self, x: f64, mode: i64) {
        self.total += x;
        self.mode = mode;
        if mode == 1 {
            self.me = Some(self);
        } else if mode == 2 {
            self.child.back = Some(self);
        }
    }

    pub fn inverse(&mut self, x: f64, mode: i64) {
        self.total -= x;
        if mode == 3 {
            self.me = Some(self);
        }
    }

    pub fn value(&self) -> f64 {
        let mut c = self.child.clone();
        if self.mode == 4 {
            c.back = Some(self);
        }
        self.total
    }

    pub fn finalize(&self) -> f64 {
        let mut c = self.child.clone();
        if self.mode == 5 {
            c.back = Some(self);
        }
        self.total
    }
}

#[test]
fn review_sqlite_state_cannot_keep_itself() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register_window::<SelfKeeper>(&conn, "keeper", FunctionFlags::SQLITE_UTF8).unwrap();
    for mode in 1..=5 {
        let rows = "(SELECT 1.0 AS x UNION ALL SELECT 2.0 UNION ALL SELECT 4.0)";
        let sql = format!(
            "SELECT keeper(x, {mode}) OVER (ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM {rows}"
        );
        let window: Result<Vec<f64>, _> = conn
            .prepare(&sql)
            .unwrap()
            .query_map([], |r| r.get::<_, f64>(0))
            .unwrap()
            .collect();
        let aggregate = conn.query_row(&format!("SELECT keeper(x, {mode}) FROM {rows}"), [], |r| {
            r.get::<_, f64>(0)
        });
        let refused = |e: &rusqlite::Error| e.to_string().contains(REFUSAL);
        match mode {
            1..=4 => assert!(
                window.as_ref().is_err_and(refused),
                "mode {mode}: {window:?}"
            ),
            _ => assert!(
                aggregate.as_ref().is_err_and(refused),
                "mode {mode}: {aggregate:?}"
            ),
        }
    }
    drop(conn);
    assert!(jitclass::stats().since(&before).is_balanced());
    crate::assert_no_leaks();
}

#[test]
fn review_aggregate_registration_still_works() {
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<SelfKeeper>(&conn, "keeper_agg", FunctionFlags::SQLITE_UTF8).unwrap();
    let v: f64 = conn
        .query_row("SELECT keeper_agg(2.0, 0)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 2.0);
    drop(conn);
    crate::assert_no_leaks();
}
