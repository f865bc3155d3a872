//! Unmanaged instances never outlive the call they were lent to: every sink (a field, a
//! slice element, an `index_mut` place, an `objmode!` input, a result returned to Rust)
//! refuses them with a panic before storing anything, and lets managed instances through
//! unchanged.

use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate, register_window};
use jitclass::{Payload, Supertype, construct_at, jit, jitclass, objmode, type_of, unsafe_cast};
use std::cell::{Cell, RefCell};
use std::mem::MaybeUninit;
use std::ops::{Index, IndexMut};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The message of the panic `f` raises.
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

/// The start of every refusal, for class `class`.
fn refusal(class: &str) -> String {
    format!(
        "an unmanaged instance of `{class}` (over memory jitclass does not own: an SQLite \
         aggregate's state, or one made by `unsafe_cast` or `construct_at`) cannot be "
    )
}

#[track_caller]
fn assert_refused(message: &str, class: &str, sink: &str) {
    let expected = format!(
        "{}{sink}: it lives only for the call it was lent to",
        refusal(class)
    );
    assert!(message.starts_with(&expected), "{message}");
}

// ---- the issue: `self` of an SQLite aggregate handed to Rust through `objmode!` -------

thread_local! {
    static LEAKED: RefCell<Option<Leaky>> = const { RefCell::new(None) };
}

#[jitclass]
pub struct Leaky {
    total: f64,
}

#[jitclass]
impl Leaky {
    pub fn new() -> Self {
        Leaky { total: 0.0 }
    }

    pub fn step(&mut self, x: f64) {
        self.total += x;
        let me = self;
        objmode!(|me: Self| -> () {
            LEAKED.with(|l| *l.borrow_mut() = Some(me));
        });
    }

    pub fn finalize(&self) -> f64 {
        self.total
    }
}

/// A well-behaved aggregate, to show that the connection still works.
#[jitclass]
pub struct Total {
    total: f64,
}

#[jitclass]
impl Total {
    pub fn new() -> Self {
        Total { total: 0.0 }
    }

    pub fn step(&mut self, x: f64) {
        self.total += x;
    }

    pub fn finalize(&self) -> f64 {
        self.total
    }
}

const ROWS: &str = "(SELECT 1.0 AS x UNION ALL SELECT 2.0 UNION ALL SELECT 4.0)";

#[test]
fn an_aggregate_cannot_hand_its_state_to_rust() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Leaky>(&conn, "leaky", FunctionFlags::SQLITE_UTF8).unwrap();
    register_aggregate::<Total>(&conn, "total_of", FunctionFlags::SQLITE_UTF8).unwrap();
    let err = conn
        .query_row(&format!("SELECT leaky(x) FROM {ROWS}"), [], |r| {
            r.get::<_, f64>(0)
        })
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "leaky: {}passed to an `objmode!` block",
            refusal("Leaky")
        )),
        "{message}"
    );
    assert!(
        message.contains("tests/tests/integration/escapes.rs:"),
        "{message}"
    );
    assert!(message.contains("Leaky::step"), "{message}");
    assert!(!message.contains("__jitclass"), "{message}");
    LEAKED.with(|l| assert!(l.borrow().is_none(), "the block never ran"));
    // The connection is still usable, also by jit aggregates.
    let sum: f64 = conn
        .query_row(&format!("SELECT total_of(x) FROM {ROWS}"), [], |r| r.get(0))
        .unwrap();
    assert_eq!(sum, 7.0);
    drop(conn);
    assert!(jitclass::stats().since(&before).is_balanced());
    crate::assert_no_leaks();
}

/// A window function whose `value` passes the lent state to Rust.
#[jitclass]
pub struct LeakyWindow {
    total: f64,
}

#[jitclass]
impl LeakyWindow {
    pub fn new() -> Self {
        LeakyWindow { total: 0.0 }
    }

    pub fn step(&mut self, x: f64) {
        self.total += x;
    }

    pub fn inverse(&mut self, x: f64) {
        self.total -= x;
    }

    pub fn value(&self) -> f64 {
        let me = self;
        objmode!(|me: LeakyWindow| -> f64 {
            LEAKED_WINDOW.with(|l| *l.borrow_mut() = Some(me));
            0.0
        })
    }

    pub fn finalize(&self) -> f64 {
        self.total
    }
}

thread_local! {
    static LEAKED_WINDOW: RefCell<Option<LeakyWindow>> = const { RefCell::new(None) };
}

#[test]
fn a_window_function_cannot_hand_its_state_to_rust() {
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    register_window::<LeakyWindow>(&conn, "leaky_window", FunctionFlags::SQLITE_UTF8).unwrap();
    let err = conn
        .prepare(&format!(
            "SELECT leaky_window(x) OVER (ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM {ROWS}"
        ))
        .unwrap()
        .query_map([], |r| r.get::<_, f64>(0))
        .unwrap()
        .collect::<Result<Vec<f64>, _>>()
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "leaky_window: {}passed to an `objmode!` block",
            refusal("LeakyWindow")
        )),
        "{message}"
    );
    LEAKED_WINDOW.with(|l| assert!(l.borrow().is_none()));
    drop(conn);
    crate::assert_no_leaks();
}

// ---- each sink, from jit code and from Rust --------------------------------------------

#[jitclass]
pub struct Item {
    v: i64,
}

#[jitclass]
impl Item {
    pub fn new(v: i64) -> Item {
        Item { v }
    }
}

#[jitclass]
pub struct Holder {
    item: Item,
    maybe: Option<Item>,
    pair: (i64, Option<Item>),
}

#[jitclass]
impl Holder {
    pub fn new(v: i64) -> Holder {
        Holder {
            item: Item::new(v),
            maybe: None,
            pair: (0, None),
        }
    }

    /// `self.item = x`, with `x` from `unsafe_cast`.
    pub fn put_item(&mut self, at: *mut u8) {
        let x = unsafe { unsafe_cast::<Item>(at) };
        self.item = x;
    }

    /// `self.maybe = Some(x)`.
    pub fn put_maybe(&mut self, at: *mut u8) {
        self.maybe = Some(unsafe { unsafe_cast::<Item>(at) });
    }

    /// `self.pair.1 = Some(x)`: a part of a field.
    pub fn put_in_pair(&mut self, at: *mut u8) {
        self.pair.1 = Some(unsafe { unsafe_cast::<Item>(at) });
    }

    /// A whole tuple into a field.
    pub fn put_pair(&mut self, at: *mut u8) {
        self.pair = (5, Some(unsafe { unsafe_cast::<Item>(at) }));
    }

    /// A struct literal's field.
    pub fn wrap(at: *mut u8) -> i64 {
        let x = unsafe { unsafe_cast::<Item>(at) };
        let h = Holder {
            item: Item::new(1),
            maybe: Some(x),
            pair: (0, None),
        };
        h.pair.0
    }

    /// The same sinks with managed instances, and `None`s in unmanaged company.
    pub fn put_managed(&mut self, at: *mut u8, fresh: Item) -> Holder {
        let lent = unsafe { unsafe_cast::<Item>(at) };
        self.item = fresh.clone();
        self.maybe = Some(fresh.clone());
        self.pair.1 = Some(fresh.clone());
        self.pair = (lent.v, None);
        Holder {
            item: fresh.clone(),
            maybe: None,
            pair: (lent.v, Some(fresh)),
        }
    }
}

/// A payload of `Item` owned by the test, for the casts.
struct ItemMemory(Box<MaybeUninit<Payload<Item>>>);

impl ItemMemory {
    fn new(v: i64) -> ItemMemory {
        let mut memory = ItemMemory(Box::new(MaybeUninit::zeroed()));
        // SAFETY: zeroed memory is a valid payload of `Item` (one number).
        unsafe { memory.view() }.set_v(v);
        memory
    }

    fn ptr(&mut self) -> *mut u8 {
        self.0.as_mut_ptr().cast()
    }

    /// # Safety
    /// The view is dropped before `self`.
    unsafe fn view(&mut self) -> Item {
        // SAFETY: guaranteed by the caller; the payload is valid.
        unsafe { unsafe_cast::<Item>(self.ptr()) }
    }
}

#[test]
fn fields_refuse_unmanaged_instances_from_jit_code() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let mut memory = ItemMemory::new(7);
    let at = memory.ptr();
    let mut h = Holder::new(1);
    let old = h.item();
    let message = panic_message(|| h.put_item(at));
    assert_refused(&message, "Item", "stored in field `item` of `Holder`");
    assert!(message.contains("escapes.rs:"), "{message}");
    assert!(
        message.contains("(in jit fn `Holder::put_item`)"),
        "{message}"
    );
    assert!(Item::ptr_eq(&h.item(), &old), "nothing was stored");
    assert_eq!(Item::strong_count(&old), Some(2));
    let message = panic_message(|| h.put_maybe(at));
    assert_refused(&message, "Item", "stored in field `maybe` of `Holder`");
    assert!(h.maybe().is_none());
    let message = panic_message(|| h.put_in_pair(at));
    assert_refused(&message, "Item", "stored in field `pair` of `Holder`");
    let message = panic_message(|| h.put_pair(at));
    assert_refused(&message, "Item", "stored in field `pair` of `Holder`");
    assert!(h.pair().1.is_none());
    assert_eq!(h.pair().0, 0);
    let message = panic_message(|| Holder::wrap(at));
    assert_refused(&message, "Item", "stored in field `maybe` of `Holder`");
    drop((h, old));
    assert!(jitclass::stats().since(&before).is_balanced());
    crate::assert_no_leaks();
}

#[test]
fn fields_take_managed_instances_unchanged() {
    let _memory = crate::memory_test();
    let mut memory = ItemMemory::new(7);
    let mut h = Holder::new(1);
    let fresh = Item::new(2);
    let made = h.put_managed(memory.ptr(), fresh.clone());
    assert!(Item::ptr_eq(&h.item(), &fresh));
    assert!(Item::ptr_eq(&h.maybe().unwrap(), &fresh));
    assert_eq!(h.pair().0, 7);
    assert!(h.pair().1.is_none());
    assert!(Item::ptr_eq(&made.item(), &fresh));
    assert!(Item::ptr_eq(&made.pair().1.unwrap(), &fresh));
    // Identity: a write through one handle is seen through the others.
    fresh.set_v(40);
    assert_eq!(h.item().v() + made.item().v(), 80);
    drop((h, made, fresh));
    crate::assert_no_leaks();
}

#[test]
fn rust_setters_refuse_unmanaged_instances() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let mut memory = ItemMemory::new(7);
    let h = Holder::new(1);
    {
        // SAFETY: `view` is dropped in this block, before `memory`.
        let view = unsafe { memory.view() };
        let message = panic_message(|| h.set_item(view.clone()));
        assert_refused(&message, "Item", "stored in field `item` of `Holder`");
        assert_eq!(h.item().v(), 1, "nothing was stored");
        let message = panic_message(|| h.set_maybe(Some(view.clone())));
        assert_refused(&message, "Item", "stored in field `maybe` of `Holder`");
        let message = panic_message(|| h.set_pair((3, Some(view.clone()))));
        assert_refused(&message, "Item", "stored in field `pair` of `Holder`");
        assert_eq!(h.pair().0, 0);
    }
    // Managed values and `None`s go through.
    let fresh = Item::new(3);
    h.set_item(fresh.clone());
    h.set_pair((4, Some(fresh.clone())));
    h.set_maybe(None);
    assert!(Item::ptr_eq(&h.item(), &fresh));
    assert!(Item::ptr_eq(&h.pair().1.unwrap(), &fresh));
    drop((h, fresh));
    assert!(jitclass::stats().since(&before).is_balanced());
    crate::assert_no_leaks();
}

// ---- slice elements and `index_mut` places: memory the caller lent ---------------------

#[jit]
fn store_in_slice(items: &mut [Item], at: *mut u8, lent: bool) {
    if lent {
        items[0] = unsafe { unsafe_cast::<Item>(at) };
    } else {
        items[0] = Item::new(11);
    }
}

#[jitclass]
pub struct Shelf {
    a: Item,
    b: Item,
}

#[jitclass]
impl Shelf {
    pub fn new() -> Shelf {
        Shelf {
            a: Item::new(0),
            b: Item::new(0),
        }
    }

    pub fn put(&mut self, at: *mut u8) {
        self[1] = unsafe { unsafe_cast::<Item>(at) };
    }
}

#[jitclass]
impl Index<usize> for Shelf {
    type Output = Item;
    fn index(&self, i: usize) -> &Item {
        if i == 0 { &self.a } else { &self.b }
    }
}

#[jitclass]
impl IndexMut<usize> for Shelf {
    fn index_mut(&mut self, i: usize) -> &mut Item {
        if i == 0 { &mut self.a } else { &mut self.b }
    }
}

#[test]
fn lent_memory_refuses_unmanaged_instances() {
    let _memory = crate::memory_test();
    let mut memory = ItemMemory::new(7);
    let at = memory.ptr();
    let mut items = vec![Item::new(1), Item::new(2)];
    let message = panic_message(|| store_in_slice(&mut items, at, true));
    assert_refused(&message, "Item", "stored in a slice element");
    assert_eq!(items[0].v(), 1);
    store_in_slice(&mut items, at, false);
    assert_eq!(items[0].v(), 11);

    let mut shelf = Shelf::new();
    let message = panic_message(|| shelf.put(at));
    assert_refused(&message, "Item", "stored through `Shelf`'s `index_mut`");
    // The Rust side's `set_index` is jit code too.
    {
        // SAFETY: `view` is dropped in this block, before `memory`.
        let view = unsafe { memory.view() };
        let message = panic_message(|| shelf.set_index(0, view.clone()));
        assert_refused(&message, "Item", "stored through `Shelf`'s `index_mut`");
    }
    assert_eq!((shelf.index(0).v(), shelf.index(1).v()), (0, 0));
    let fresh = Item::new(5);
    shelf.set_index(1, fresh.clone());
    assert!(Item::ptr_eq(&shelf.index(1), &fresh));
    drop((items, shelf, fresh));
    crate::assert_no_leaks();
}

// ---- `objmode!` inputs ------------------------------------------------------------------

thread_local! {
    static BLOCK_RAN: Cell<bool> = const { Cell::new(false) };
    static SEEN: RefCell<Option<Item>> = const { RefCell::new(None) };
}

#[jit]
fn pass_to_objmode(at: *mut u8, fresh: Item, lent: bool) -> i64 {
    let x = if lent {
        unsafe { unsafe_cast::<Item>(at) }
    } else {
        fresh
    };
    let t = (1, Some(x));
    objmode!(|t: (i64, Option<Item>)| -> i64 {
        BLOCK_RAN.with(|r| r.set(true));
        let item = t.1.unwrap();
        let v = item.v();
        SEEN.with(|s| *s.borrow_mut() = Some(item));
        v
    })
}

#[jit]
fn pass_none_to_objmode(at: *mut u8) -> i64 {
    let lent = unsafe { unsafe_cast::<Item>(at) };
    let none: Option<Item> = None;
    let n = lent.v;
    objmode!(|none: Option<Item>, n: i64| -> i64 { if none.is_none() { n } else { -1 } })
}

#[test]
fn objmode_refuses_unmanaged_inputs() {
    let _memory = crate::memory_test();
    let mut memory = ItemMemory::new(7);
    let at = memory.ptr();
    let fresh = Item::new(3);
    let message = panic_message(|| pass_to_objmode(at, fresh.clone(), true));
    assert_refused(&message, "Item", "passed to an `objmode!` block");
    assert!(
        message.contains("(in jit fn `pass_to_objmode`)"),
        "{message}"
    );
    assert!(!BLOCK_RAN.with(Cell::get));
    SEEN.with(|s| assert!(s.borrow().is_none()));
    // A managed instance crosses as itself.
    assert_eq!(pass_to_objmode(at, fresh.clone(), false), 3);
    assert!(BLOCK_RAN.with(Cell::get));
    SEEN.with(|s| assert!(Item::ptr_eq(s.borrow().as_ref().unwrap(), &fresh)));
    SEEN.with(|s| *s.borrow_mut() = None);
    assert_eq!(pass_none_to_objmode(at), 7);
    drop(fresh);
    crate::assert_no_leaks();
}

// ---- results returned to Rust -----------------------------------------------------------

#[jit]
fn view(at: *mut u8) -> Item {
    unsafe { unsafe_cast::<Item>(at) }
}

#[jit]
fn view_in_tuple(at: *mut u8, fresh: Item) -> (Item, i64, Option<Item>) {
    (fresh, 1, Some(unsafe { unsafe_cast::<Item>(at) }))
}

#[jit]
fn view_or_none(at: *mut u8, some: bool) -> (i64, Option<Item>) {
    let x = unsafe { unsafe_cast::<Item>(at) };
    if some { (x.v, Some(x)) } else { (x.v, None) }
}

#[jit]
fn constructed(at: *mut u8) -> Item {
    unsafe { construct_at::<Item>(at, Item::new(9)) }
}

/// Jit code may pass unmanaged instances among its own functions.
#[jit]
fn read_through_view(at: *mut u8) -> i64 {
    let t = (view(at), 2);
    let o = Some(t.0);
    match o {
        Some(x) => x.v * t.1,
        None => 0,
    }
}

#[jit]
fn identity(x: Item) -> Item {
    x
}

#[test]
fn results_to_rust_refuse_unmanaged_instances() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let mut memory = ItemMemory::new(7);
    let at = memory.ptr();
    let message = panic_message(|| view(at));
    assert_refused(&message, "Item", "returned to Rust");
    let fresh = Item::new(3);
    // The managed part of a refused result is released.
    let message = panic_message(|| view_in_tuple(at, fresh.clone()));
    assert_refused(&message, "Item", "returned to Rust");
    assert_eq!(Item::strong_count(&fresh), Some(1));
    let message = panic_message(|| view_or_none(at, true));
    assert_refused(&message, "Item", "returned to Rust");
    let (v, none) = view_or_none(at, false);
    assert_eq!(v, 7);
    assert!(none.is_none());
    assert_eq!(read_through_view(at), 14);
    let message = panic_message(|| constructed(at));
    assert_refused(&message, "Item", "returned to Rust");
    assert_eq!(read_through_view(at), 18, "constructed in place");
    // A lent instance from Rust cannot come back either; a managed one comes back as itself.
    {
        // SAFETY: `lent` is dropped in this block, before `memory`.
        let lent = unsafe { memory.view() };
        let message = panic_message(|| identity(lent.clone()));
        assert_refused(&message, "Item", "returned to Rust");
    }
    assert!(Item::ptr_eq(&identity(fresh.clone()), &fresh));
    drop(fresh);
    assert!(jitclass::stats().since(&before).is_balanced());
    crate::assert_no_leaks();
}

// ---- code shared by several classes names no class it cannot be sure of ---------------

#[jitclass]
pub struct SlotA {
    slot: Option<Item>,
    a: i64,
}

#[jitclass]
impl SlotA {
    pub fn new() -> SlotA {
        SlotA { slot: None, a: 1 }
    }
}

#[jitclass]
pub struct SlotB {
    slot: Option<Item>,
    b: f64,
}

#[jitclass]
impl SlotB {
    pub fn new() -> SlotB {
        SlotB { slot: None, b: 2.0 }
    }
}

#[jit]
fn fill_slot<R>(mut r: R, x: Item) -> R {
    r.slot = Some(x);
    r
}

#[test]
fn shared_code_refuses_without_naming_another_class() {
    let _memory = crate::memory_test();
    let d = fill_slot::dispatcher();
    d.define_supertype(Supertype::nominal(
        "slots",
        [vec![type_of::<SlotA>()], vec![type_of::<SlotB>()]],
    ));
    let mut memory = ItemMemory::new(7);
    let a = fill_slot(SlotA::new(), Item::new(1));
    assert_eq!(a.slot().unwrap().v(), 1);
    {
        // SAFETY: `lent` is dropped in this block, before `memory`.
        let lent = unsafe { memory.view() };
        // Served by the code compiled for `SlotA`.
        let b = SlotB::new();
        let message = panic_message(|| fill_slot(b.clone(), lent.clone()));
        assert_eq!(d.compile_count(), 1, "shared");
        assert_refused(&message, "Item", "stored in field `slot`");
        assert!(b.slot().is_none());
    }
    drop(a);
    crate::assert_no_leaks();
}

#[jit]
fn pass_through<R>(r: R) -> R {
    r
}

#[test]
fn a_result_is_refused_naming_its_own_class() {
    let _memory = crate::memory_test();
    let d = pass_through::dispatcher();
    d.define_supertype(Supertype::nominal(
        "slots",
        [vec![type_of::<SlotA>()], vec![type_of::<SlotB>()]],
    ));
    assert_eq!(pass_through(SlotA::new()).a(), 1);
    let mut memory: Box<MaybeUninit<Payload<SlotB>>> = Box::new(MaybeUninit::zeroed());
    {
        // SAFETY: zeroed memory is a valid payload of `SlotB` (a `None`, a number), and
        // `lent` is dropped in this block, before `memory`.
        let lent = unsafe { unsafe_cast::<SlotB>(memory.as_mut_ptr().cast()) };
        let message = panic_message(|| pass_through(lent.clone()));
        assert_eq!(
            d.compile_count(),
            1,
            "served by the code compiled for `SlotA`"
        );
        assert_refused(&message, "SlotB", "returned to Rust");
    }
    crate::assert_no_leaks();
}
