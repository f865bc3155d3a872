//! Review of the `Box<dyn>` building changes: a `Vec` borrowed without a count around a
//! push of a fresh literal, blocks allocated with their payload zeroed by jit code, and
//! what may run (operators, allocators) or fail while the `Vec` is borrowed; each
//! compared with rustc's build of the same program, with the memory runtime balanced.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{ExternalAllocator, jit, jitclass, objmode};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

// ---- a dirty, failing, re-entrant allocator ---------------------------------------------

/// Allocations `DIRTY` still grants; null after that.
static BUDGET: AtomicUsize = AtomicUsize::new(usize::MAX);
/// While set, the next `DIRTY` allocation first clears the held `Holder`'s items.
static CLEAR_ON_ALLOC: AtomicBool = AtomicBool::new(false);

static SYSTEM: ExternalAllocator = ExternalAllocator::from_global(&std::alloc::System);

thread_local! {
    /// A second handle to the instance a jit fn is pushing into.
    static HELD: RefCell<Option<Holder>> = const { RefCell::new(None) };
}

/// Clears the held `Holder`'s items (jit code, run from Rust).
fn clear_held() {
    let held = HELD.with(|h| h.borrow().clone());
    if let Some(mut h) = held {
        h.reset();
    }
}

unsafe extern "C" fn dirty_malloc(size: usize, _: *mut c_void) -> *mut c_void {
    if CLEAR_ON_ALLOC.swap(false, Ordering::SeqCst) {
        clear_held();
    }
    if BUDGET
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |b| b.checked_sub(1))
        .is_err()
    {
        return std::ptr::null_mut();
    }
    let p = SYSTEM.malloc(size);
    if !p.is_null() {
        // Dirty memory, as a reused block would be: padding included.
        // SAFETY: `p` is a fresh block of `size` bytes.
        unsafe { std::ptr::write_bytes(p.cast::<u8>(), 0xA5, size) };
    }
    p
}

unsafe extern "C" fn dirty_realloc(p: *mut c_void, size: usize, _: *mut c_void) -> *mut c_void {
    // SAFETY: `p` is a block of `SYSTEM`, through which `DIRTY` allocates.
    unsafe { SYSTEM.realloc(p, size) }
}

unsafe extern "C" fn dirty_free(p: *mut c_void, _: *mut c_void) {
    // SAFETY: as above.
    unsafe { SYSTEM.free(p) }
}

// SAFETY: the functions forward to `SYSTEM`, which keeps the contract, or return null.
static DIRTY: ExternalAllocator = unsafe {
    ExternalAllocator::new(
        dirty_malloc,
        dirty_realloc,
        dirty_free,
        std::ptr::null_mut(),
    )
};

// ---- classes ----------------------------------------------------------------------------

#[jit]
pub trait Mass {
    fn mass(&self) -> f64;
}

#[jitclass(allocator = DIRTY)]
pub struct Pebble {
    m: f64,
    k: i64,
}

#[jitclass]
impl Mass for Pebble {
    fn mass(&self) -> f64 {
        self.m * self.k as f64
    }
}

#[jitclass(allocator = DIRTY)]
pub struct Nest {
    a: Pebble,
    b: Option<Pebble>,
    t: (i64, f64),
}

#[jitclass]
impl Mass for Nest {
    fn mass(&self) -> f64 {
        let b = if self.b.is_some() { 1.5 } else { 0.0 };
        self.a.m + b + self.t.0 as f64 * self.t.1
    }
}

#[jitclass(allocator = DIRTY)]
pub struct Sack {
    items: Vec<f64>,
    m: f64,
}

#[jitclass]
impl Mass for Sack {
    fn mass(&self) -> f64 {
        let mut s = self.m;
        for x in &self.items {
            s += x;
        }
        s
    }
}

/// A class whose fields leave padding: `u8`, `i64`, `u16`.
#[jitclass(allocator = DIRTY)]
#[derive(PartialEq, Eq, Hash)]
pub struct Key {
    a: u8,
    b: i64,
    c: u16,
}

#[jitclass]
pub struct Num {
    v: f64,
}

#[jitclass]
impl std::ops::Add for Num {
    type Output = Num;
    fn add(self, o: Num) -> Num {
        // User code run while the caller pushes: clears the very `Vec` pushed to.
        let x = self.v;
        let w = objmode!(|x: f64| -> f64 {
            clear_held();
            x * 0.0
        });
        Num {
            v: self.v + o.v + w,
        }
    }
}

#[jitclass(allocator = DIRTY)]
pub struct Wrap {
    n: Num,
}

#[jitclass]
pub struct Holder {
    items: Vec<Wrap>,
    inner: Option<Holder>,
}

#[jitclass]
impl Holder {
    pub fn reset(&mut self) {
        self.items = Vec::new();
    }

    pub fn count(&self) -> usize {
        self.items.len()
    }
}

// ---- jit programs and their plain-Rust copies -------------------------------------------

#[jit]
fn nests(n: i64) -> f64 {
    let mut v: Vec<Box<dyn Mass>> = Vec::new();
    for i in 0..n {
        let x = i as f64 * 0.25;
        v.push(Box::new(Nest {
            a: Pebble { m: x, k: i },
            b: if i % 2 == 0 {
                Some(Pebble { m: 1.5, k: 2 })
            } else {
                None
            },
            t: (i, x),
        }));
        v.push(Box::new(Pebble { m: -x, k: i % 3 }));
    }
    let mut t = 0.0;
    for p in &v {
        t += p.mass();
    }
    t + v.len() as f64
}

#[jit]
fn lengths(n: i64) -> i64 {
    let mut v: Vec<Option<usize>> = Vec::new();
    for _ in 0..n {
        v.push(Some(v.len() * 2));
    }
    let mut s = 0;
    for i in 0..v.len() {
        if let Some(x) = v[i] {
            s += x as i64;
        }
    }
    s
}

#[jit]
fn sacks(n: i64) -> f64 {
    let mut v: Vec<Box<dyn Mass>> = Vec::new();
    for i in 0..n {
        let w = vec![i as f64, 2.0];
        let m = 0.5 * i as f64;
        v.push(Box::new(Sack { items: w, m }));
    }
    let mut t = 0.0;
    for p in &v {
        t += p.mass();
    }
    t
}

#[jit]
fn keys(n: i64) -> i64 {
    let mut m: HashMap<Key, i64> = HashMap::new();
    for i in 0..n {
        m.insert(
            Key {
                a: (i % 5) as u8,
                b: i % 7,
                c: (i % 3) as u16,
            },
            i,
        );
    }
    let mut hits = 0;
    for i in 0..n {
        let k = Key {
            a: (i % 5) as u8,
            b: i % 7,
            c: (i % 3) as u16,
        };
        if let Some(x) = m.get(&k) {
            hits += *x;
        }
        if k == (Key {
            a: (i % 5) as u8,
            b: i % 7,
            c: (i % 3) as u16,
        }) {
            hits += 1;
        }
    }
    hits + m.len() as i64
}

#[jit]
fn replaced(n: i64) -> f64 {
    let mut m: HashMap<i64, Pebble> = HashMap::new();
    for i in 0..n {
        m.insert(i % 3, Pebble { m: i as f64, k: 2 });
    }
    let mut t = 0.0;
    for (_, p) in &m {
        t += p.mass();
    }
    t
}

mod native {
    use std::collections::HashMap;

    pub trait Mass {
        fn mass(&self) -> f64;
    }
    pub struct Pebble {
        pub m: f64,
        pub k: i64,
    }
    impl Mass for Pebble {
        fn mass(&self) -> f64 {
            self.m * self.k as f64
        }
    }
    pub struct Nest {
        pub a: Pebble,
        pub b: Option<Pebble>,
        pub t: (i64, f64),
    }
    impl Mass for Nest {
        fn mass(&self) -> f64 {
            let b = if self.b.is_some() { 1.5 } else { 0.0 };
            self.a.m + b + self.t.0 as f64 * self.t.1
        }
    }
    pub struct Sack {
        pub items: Vec<f64>,
        pub m: f64,
    }
    impl Mass for Sack {
        fn mass(&self) -> f64 {
            let mut s = self.m;
            for x in &self.items {
                s += x;
            }
            s
        }
    }
    #[derive(PartialEq, Eq, Hash)]
    pub struct Key {
        pub a: u8,
        pub b: i64,
        pub c: u16,
    }

    pub fn nests(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Mass>> = Vec::new();
        for i in 0..n {
            let x = i as f64 * 0.25;
            v.push(Box::new(Nest {
                a: Pebble { m: x, k: i },
                b: if i % 2 == 0 {
                    Some(Pebble { m: 1.5, k: 2 })
                } else {
                    None
                },
                t: (i, x),
            }));
            v.push(Box::new(Pebble { m: -x, k: i % 3 }));
        }
        let mut t = 0.0;
        for p in &v {
            t += p.mass();
        }
        t + v.len() as f64
    }

    pub fn lengths(n: i64) -> i64 {
        let mut v: Vec<Option<usize>> = Vec::new();
        for _ in 0..n {
            v.push(Some(v.len() * 2));
        }
        v.iter().flatten().map(|x| *x as i64).sum()
    }

    pub fn sacks(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Mass>> = Vec::new();
        for i in 0..n {
            let w = vec![i as f64, 2.0];
            let m = 0.5 * i as f64;
            v.push(Box::new(Sack { items: w, m }));
        }
        let mut t = 0.0;
        for p in &v {
            t += p.mass();
        }
        t
    }

    pub fn keys(n: i64) -> i64 {
        let mut m: HashMap<Key, i64> = HashMap::new();
        for i in 0..n {
            m.insert(
                Key {
                    a: (i % 5) as u8,
                    b: i % 7,
                    c: (i % 3) as u16,
                },
                i,
            );
        }
        let mut hits = 0;
        for i in 0..n {
            let k = Key {
                a: (i % 5) as u8,
                b: i % 7,
                c: (i % 3) as u16,
            };
            if let Some(x) = m.get(&k) {
                hits += *x;
            }
            if k == (Key {
                a: (i % 5) as u8,
                b: i % 7,
                c: (i % 3) as u16,
            }) {
                hits += 1;
            }
        }
        hits + m.len() as i64
    }

    pub fn replaced(n: i64) -> f64 {
        let mut m: HashMap<i64, Pebble> = HashMap::new();
        for i in 0..n {
            m.insert(i % 3, Pebble { m: i as f64, k: 2 });
        }
        let mut t = 0.0;
        for p in m.values() {
            t += p.mass();
        }
        t
    }
}

fn fresh() {
    BUDGET.store(usize::MAX, Ordering::SeqCst);
    CLEAR_ON_ALLOC.store(false, Ordering::SeqCst);
    HELD.with(|h| h.borrow_mut().take());
}

#[test]
fn ok_nested_literals_in_boxes_from_dirty_memory_match_rustc() {
    let _memory = memory_test();
    fresh();
    let before = jitclass::stats();
    for n in [0, 1, 2, 7, 300] {
        assert_eq!(nests(n).to_bits(), native::nests(n).to_bits(), "n = {n}");
    }
    assert!(balanced_since(&before));
}

#[test]
fn ok_some_of_the_vecs_own_length_pushed_matches_rustc() {
    let _memory = memory_test();
    for n in [0, 1, 5, 100] {
        assert_eq!(lengths(n), native::lengths(n), "n = {n}");
    }
}

#[test]
fn ok_a_local_vec_moved_into_a_boxed_literal_matches_rustc() {
    let _memory = memory_test();
    fresh();
    let before = jitclass::stats();
    for n in [0, 1, 9, 200] {
        assert_eq!(sacks(n).to_bits(), native::sacks(n).to_bits(), "n = {n}");
    }
    assert!(balanced_since(&before));
}

#[test]
fn ok_keys_with_padding_from_dirty_memory_hash_and_compare_as_rustc() {
    let _memory = memory_test();
    fresh();
    let before = jitclass::stats();
    for n in [0, 1, 40, 300] {
        assert_eq!(keys(n), native::keys(n), "n = {n}");
    }
    assert!(balanced_since(&before));
}

#[test]
fn ok_map_insert_of_a_fresh_literal_over_an_existing_key_matches_rustc() {
    let _memory = memory_test();
    fresh();
    let before = jitclass::stats();
    for n in [0, 1, 3, 50] {
        assert_eq!(
            replaced(n).to_bits(),
            native::replaced(n).to_bits(),
            "n = {n}"
        );
    }
    assert!(balanced_since(&before));
}

// ---- user code running while the `Vec` is borrowed ----------------------------------------

#[jit]
fn push_sum(h: &mut Holder, a: Num, b: Num) -> usize {
    h.items.push(Wrap { n: a + b });
    h.items.len()
}

#[jit]
fn push_fresh(h: &mut Holder, x: f64) -> usize {
    h.items.push(Wrap { n: Num { v: x } });
    h.items.len()
}

#[jitclass]
pub struct Outer {
    inner: Holder,
}

#[jitclass]
impl Outer {
    pub fn new(inner: Holder) -> Outer {
        Outer { inner }
    }
}

#[jit]
fn push_deep(o: &mut Outer, x: f64) -> usize {
    o.inner.items.push(Wrap { n: Num { v: x } });
    o.inner.items.len()
}

fn holder_with(n: usize) -> Holder {
    let mut h = Holder::new_empty();
    for i in 0..n {
        push_fresh(&mut h, i as f64);
    }
    h
}

#[jitclass]
impl Holder {
    pub fn new_empty() -> Holder {
        Holder {
            items: Vec::new(),
            inner: None,
        }
    }
}

/// An operator's body clears the `Vec` being pushed to (through a second handle): the
/// push lands in the `Vec` the field holds after it, and nothing dangles or leaks.
#[test]
fn ok_an_operator_clearing_the_pushed_vec_mid_push_is_sound() {
    let _memory = memory_test();
    fresh();
    let before = jitclass::stats();
    {
        let mut h = holder_with(5);
        assert_eq!(h.count(), 5);
        HELD.with(|c| *c.borrow_mut() = Some(h.clone()));
        let n = push_sum(&mut h, Num::new_v(1.0), Num::new_v(2.0));
        assert_eq!(n, 1);
        assert_eq!(h.count(), 1);
        HELD.with(|c| c.borrow_mut().take());
    }
    assert!(balanced_since(&before));
}

#[jitclass]
impl Num {
    pub fn new_v(v: f64) -> Num {
        Num { v }
    }
}

/// The literal's class allocator clears the `Vec` being pushed to: as above.
#[test]
fn ok_an_allocator_clearing_the_pushed_vec_mid_push_is_sound() {
    let _memory = memory_test();
    fresh();
    let before = jitclass::stats();
    {
        let mut h = holder_with(4);
        // Compiled before the allocator's hook is armed.
        let _ = push_fresh(&mut h, 0.5);
        HELD.with(|c| *c.borrow_mut() = Some(h.clone()));
        CLEAR_ON_ALLOC.store(true, Ordering::SeqCst);
        let n = push_fresh(&mut h, 7.0);
        assert!(!CLEAR_ON_ALLOC.load(Ordering::SeqCst));
        assert_eq!(n, 1);
        assert_eq!(h.count(), 1);
        HELD.with(|c| c.borrow_mut().take());
    }
    assert!(balanced_since(&before));
}

/// An allocation failing inside a push into a field of a field: the panic leaks nothing.
#[test]
fn ok_an_allocation_failing_in_a_push_into_a_nested_field_leaks_nothing() {
    let _memory = memory_test();
    fresh();
    let before = jitclass::stats();
    {
        let mut h = Outer::new(holder_with(2));
        assert_eq!(push_deep(&mut h, 1.0), 3);
        BUDGET.store(0, Ordering::SeqCst);
        let message = panic_message(|| push_deep(&mut h, 2.0));
        BUDGET.store(usize::MAX, Ordering::SeqCst);
        assert!(
            message.starts_with("memory allocation of") && message.contains("failed for `Wrap`"),
            "{message}"
        );
        assert_eq!(push_deep(&mut h, 3.0), 4);
    }
    assert!(balanced_since(&before));
}

/// An allocation failing for the outer literal after its inner ones succeeded, or for an
/// inner one: the panic leaks nothing.
#[test]
fn ok_an_allocation_failing_in_a_nested_literal_leaks_nothing() {
    let _memory = memory_test();
    fresh();
    assert_eq!(nests(2).to_bits(), native::nests(2).to_bits());
    let before = jitclass::stats();
    for budget in 0..12 {
        BUDGET.store(budget, Ordering::SeqCst);
        let message = panic_message(|| nests(5));
        BUDGET.store(usize::MAX, Ordering::SeqCst);
        assert!(message.starts_with("memory allocation of"), "{message}");
        assert!(balanced_since(&before), "budget {budget}");
    }
}

// ---- the pushed-to `Vec` moved into the pushed literal (rustc: E0505) --------------------

#[jitclass]
pub struct Bag {
    items: Vec<Bag>,
}

/// rustc refuses this body: "cannot move out of `v` because it is borrowed" (E0505); a
/// generic body has no shadow, so jitclass's own move check refuses it. (It ran before
/// the fix: the `Vec` held the instance that owned it, a cycle never freed.)
#[jit]
fn vec_into_its_own_push<T>(x: T) -> T {
    let mut v: Vec<Bag> = Vec::new();
    v.push(Bag { items: v });
    x
}

/// The same through a tuple's field: `t.0` borrowed, `t.0` moved (E0505).
#[jit]
fn tuple_field_into_its_own_push<T>(x: T) -> T {
    let mut t: (Vec<Bag>, Vec<Bag>) = (Vec::new(), Vec::new());
    t.0.push(Bag { items: t.0 });
    x
}

/// Disjoint parts: `t.0` borrowed, `t.1` moved, as rustc allows.
#[jit]
fn other_field_into_a_push<T>(x: T) -> (usize, T) {
    let mut t: (Vec<Bag>, Vec<Bag>) = (Vec::new(), vec![Bag { items: Vec::new() }]);
    t.0.push(Bag { items: t.1 });
    t.0.push(Bag { items: Vec::new() });
    (t.0.len() * 10 + t.0[0].items.len(), x)
}

fn other_field_into_a_push_rs(x: i64) -> (usize, i64) {
    struct Bag {
        items: Vec<Bag>,
    }
    let mut t: (Vec<Bag>, Vec<Bag>) = (Vec::new(), vec![Bag { items: Vec::new() }]);
    t.0.push(Bag { items: t.1 });
    t.0.push(Bag { items: Vec::new() });
    (t.0.len() * 10 + t.0[0].items.len(), x)
}

#[test]
fn fixed_a_vec_moved_into_the_literal_pushed_to_it_is_refused_in_a_generic_body() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let message = panic_message(|| vec_into_its_own_push(1i64));
    assert!(
        message.contains("cannot move out of `v` because it is borrowed"),
        "{message}"
    );
    let message = panic_message(|| tuple_field_into_its_own_push(1i64));
    assert!(
        message.contains("cannot move out of `t.0` because it is borrowed"),
        "{message}"
    );
    assert_eq!(other_field_into_a_push(7i64), other_field_into_a_push_rs(7));
    assert!(balanced_since(&before));
}
