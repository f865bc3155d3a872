//! Pass-through handles and `objmode!` blocks (Numba PR 3640, numba-passthru).

use jitclass::{PassThru, jit, jitclass, objmode};
use std::cell::Cell;

/// Something jit code cannot understand (a `String`, interior mutability).
pub struct Testee {
    value: i64,
    value_2: Cell<Option<i64>>,
    numba_will_not_like_this: String,
}

impl Testee {
    fn new(value: i64) -> Testee {
        Testee {
            value,
            value_2: Cell::new(None),
            numba_will_not_like_this: "compile('pass', 'N/A', 'single')".into(),
        }
    }
}

// ---- the original README's first example ------------------------------------------------

#[jit]
fn do_something(container: PassThru<Testee>) -> (PassThru<Testee>, i64) {
    let value = objmode!(|container: PassThru<Testee>| -> i64 {
        container.value_2.set(Some(2));
        container.value
    });
    (container, value)
}

#[test]
fn do_something_mutates_the_value_and_keeps_its_identity() {
    let _memory = crate::memory_test();
    let container = PassThru::new(Testee::new(1));
    let (result, value) = do_something(container.clone());
    assert!(PassThru::ptr_eq(&container, &result));
    assert_eq!(value, 1);
    assert_eq!(result.value_2.get(), Some(2));
    assert!(!result.numba_will_not_like_this.is_empty());
    assert_eq!(PassThru::strong_count(&container), 2);
    drop(result);
    assert_eq!(PassThru::strong_count(&container), 1);
    drop(container);
    crate::assert_no_leaks();
}

// ---- identity through jit code: fields, options, branches -------------------------------

#[jitclass]
pub struct Holder {
    held: PassThru<Testee>,
    spare: Option<PassThru<Testee>>,
    n: i64,
}

#[jitclass]
impl Holder {
    pub fn new(held: PassThru<Testee>) -> Holder {
        Holder {
            held,
            spare: None,
            n: 0,
        }
    }

    pub fn swap(&mut self, other: PassThru<Testee>) -> PassThru<Testee> {
        let old = self.held.clone();
        self.spare = Some(old.clone());
        self.held = other;
        self.n += 1;
        old
    }
}

#[jit]
fn choose(first: bool, a: PassThru<Testee>, b: PassThru<Testee>) -> PassThru<Testee> {
    if first { a } else { b }
}

#[jit]
fn same(a: PassThru<Testee>, b: PassThru<Testee>) -> (bool, bool) {
    (a == b, a != b)
}

#[jit]
fn through_a_class(a: PassThru<Testee>, b: PassThru<Testee>) -> Option<PassThru<Testee>> {
    let mut h = Holder::new(a);
    let old = h.swap(b);
    if old == h.held { None } else { h.spare.clone() }
}

#[test]
fn identity_survives_fields_options_and_branches() {
    let _memory = crate::memory_test();
    let a = PassThru::new(Testee::new(1));
    let b = PassThru::new(Testee::new(2));
    assert!(PassThru::ptr_eq(&choose(true, a.clone(), b.clone()), &a));
    assert!(PassThru::ptr_eq(&choose(false, a.clone(), b.clone()), &b));
    assert_eq!(same(a.clone(), a.clone()), (true, false));
    assert_eq!(same(a.clone(), b.clone()), (false, true));
    let back = through_a_class(a.clone(), b.clone()).expect("the spare");
    assert!(PassThru::ptr_eq(&back, &a));
    let mut h = Holder::new(a.clone());
    let old = h.swap(b.clone());
    assert!(PassThru::ptr_eq(&old, &a));
    assert!(PassThru::ptr_eq(&h.held(), &b));
    assert!(PassThru::ptr_eq(&h.spare().unwrap(), &a));
    assert_eq!(PassThru::strong_count(&a), 4, "a, back, old, h.spare");
    drop((back, h, old));
    assert_eq!(
        (PassThru::strong_count(&a), PassThru::strong_count(&b)),
        (1, 1)
    );
    drop((a, b));
    crate::assert_no_leaks();
}

// ---- objmode! --------------------------------------------------------------------------

#[jit]
fn objmode_arithmetic(x: f64, n: i64) -> f64 {
    let y = x * 2.0;
    let z: f64 = objmode!(|y: f64, n: i64| -> f64 {
        // Ordinary Rust: a Vec, an iterator, formatting.
        let parts: Vec<f64> = (0..n).map(|i| y + i as f64).collect();
        format!("{}", parts.iter().sum::<f64>()).parse().unwrap()
    });
    z + 1.0
}

#[jit]
fn objmode_panics(x: i64) -> i64 {
    let y = x + 1;
    objmode!(|y: i64| -> i64 {
        if y > 10 {
            panic!("y is too large: {y}");
        }
        y
    })
}

#[test]
fn objmode_blocks_run_rust_and_their_panics_surface() {
    let _memory = crate::memory_test();
    assert_eq!(objmode_arithmetic(1.5, 3), 3.0 + 4.0 + 5.0 + 1.0);
    assert_eq!(objmode_panics(2), 3);
    let caught = std::panic::catch_unwind(|| objmode_panics(20)).unwrap_err();
    let message = caught.downcast_ref::<String>().unwrap();
    assert!(message.starts_with("y is too large: 21"), "{message}");
    assert!(
        message.contains("(in the `objmode!` block of jit fn `objmode_panics`)"),
        "{message}"
    );
    // Still callable afterwards.
    assert_eq!(objmode_panics(1), 2);
    crate::assert_no_leaks();
}

// ---- the original README's second example: pass-through classes, find_max --------------

/// Mirrors `Testee::value` for jit code and keeps a link to the Rust value.
#[jitclass]
pub struct TesteeRef {
    value: i64,
    parent: PassThru<Testee>,
}

#[jitclass]
impl TesteeRef {
    pub fn new(parent: PassThru<Testee>) -> TesteeRef {
        let value = objmode!(|parent: PassThru<Testee>| -> i64 { parent.value });
        TesteeRef { value, parent }
    }
}

#[jitclass]
impl PartialEq for TesteeRef {
    fn eq(&self, other: &TesteeRef) -> bool {
        self.value == other.value
    }
}

#[jitclass]
impl PartialOrd for TesteeRef {
    fn lt(&self, other: &TesteeRef) -> bool {
        self.value < other.value
    }
}

#[jit]
fn find_max(testees: &[TesteeRef]) -> TesteeRef {
    let mut result = testees[0].clone();
    for i in 1..testees.len() {
        let testee = testees[i].clone();
        if testee > result {
            result = testee;
        }
    }
    result
}

#[test]
fn find_max_dispatches_on_mirrored_fields_and_returns_the_original() {
    let _memory = crate::memory_test();
    let originals: Vec<PassThru<Testee>> = [3, 9, 1, 7]
        .into_iter()
        .map(|v| PassThru::new(Testee::new(v)))
        .collect();
    let refs: Vec<TesteeRef> = originals
        .iter()
        .map(|p| TesteeRef::new(p.clone()))
        .collect();
    let max = find_max(&refs);
    assert_eq!(max.value(), 9);
    assert!(PassThru::ptr_eq(&max.parent(), &originals[1]));
    assert!(TesteeRef::ptr_eq(&max, &refs[1]));
    assert_eq!(TesteeRef::strong_count(&refs[1]), Some(2));
    drop((max, refs));
    for p in &originals {
        assert_eq!(PassThru::strong_count(p), 1);
    }
    drop(originals);
    crate::assert_no_leaks();
}

// ---- counts stay exact over a million copies in jit code --------------------------------

/// Copies handles into class fields, overwrites and drops them, `rounds` times.
#[jit]
fn churn(handles: &[PassThru<Testee>], rounds: i64) -> i64 {
    let mut holder = Holder::new(handles[0].clone());
    let mut same_count = 0;
    for r in 0..rounds {
        let h = handles[(r as usize) % handles.len()].clone();
        let old = holder.swap(h);
        if old == holder.held {
            same_count += 1;
        }
        holder.spare = None;
    }
    same_count
}

#[test]
fn a_million_handles_through_jit_code_keep_exact_counts() {
    let _memory = crate::memory_test();
    let handles: Vec<PassThru<Testee>> = (0..1_000_000)
        .map(|i| PassThru::new(Testee::new(i)))
        .collect();
    let same = churn(&handles, 1_000_000);
    // Each handle replaced the previous one once: only the first round keeps the same.
    assert_eq!(same, 1);
    assert!(handles.iter().all(|h| PassThru::strong_count(h) == 1));
    // The first handle also went through twice more with a second pass over a few.
    assert_eq!(churn(&handles[..3], 10), 1);
    assert!(handles.iter().all(|h| PassThru::strong_count(h) == 1));
    drop(handles);
    crate::assert_no_leaks();
}

// A PassThru of a class instance, and of a type needing more than 16-byte alignment.
#[repr(align(64))]
pub struct CacheLine([u8; 64]);

#[test]
fn any_value_can_be_passed_through() {
    let _memory = crate::memory_test();
    let line = PassThru::new(CacheLine([7; 64]));
    assert_eq!(line.0[63], 7);
    assert_eq!(&*line as *const CacheLine as usize % 64, 0);
    let nested = PassThru::new(TesteeRef::new(PassThru::new(Testee::new(5))));
    assert_eq!(nested.value(), 5);
    drop((line, nested));
    crate::assert_no_leaks();
}

// ---- objmode! outputs that own references, and panics while jit code holds some ----------

#[jit]
fn make_in_rust(value: i64) -> (Option<PassThru<Testee>>, Holder) {
    let made = objmode!(|value: i64| -> Option<PassThru<Testee>> {
        if value < 0 {
            None
        } else {
            Some(PassThru::new(Testee::new(value)))
        }
    });
    let holder = objmode!(|value: i64| -> Holder {
        let h = Holder::new(PassThru::new(Testee::new(value * 10)));
        h.set_n(value);
        h
    });
    (made, holder)
}

#[jit]
fn bump_in_rust(holder: Holder) -> i64 {
    objmode!(|holder: Holder| -> () {
        holder.set_n(holder.n() + 1);
    });
    holder.n
}

#[jit]
fn panics_while_holding(first: PassThru<Testee>, second: PassThru<Testee>) -> i64 {
    let mut holder = Holder::new(first);
    let old = holder.swap(second);
    objmode!(|old: PassThru<Testee>| -> i64 {
        panic!("refusing value {}", old.value);
    })
}

#[test]
fn objmode_outputs_own_their_references_and_panics_release_everything() {
    let _memory = crate::memory_test();
    let (made, holder) = make_in_rust(4);
    let made = made.expect("made in Rust");
    assert_eq!((made.value, PassThru::strong_count(&made)), (4, 1));
    assert_eq!((holder.n(), holder.held().value), (4, 40));
    assert_eq!(Holder::strong_count(&holder), Some(1));
    assert!(make_in_rust(-1).0.is_none());
    assert_eq!(bump_in_rust(holder.clone()), 5);
    assert_eq!(holder.n(), 5);
    drop((made, holder));

    let a = PassThru::new(Testee::new(1));
    let b = PassThru::new(Testee::new(2));
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        panics_while_holding(a.clone(), b.clone())
    }));
    let message = caught.unwrap_err().downcast::<String>().unwrap();
    assert!(message.starts_with("refusing value 1"), "{message}");
    assert_eq!(
        (PassThru::strong_count(&a), PassThru::strong_count(&b)),
        (1, 1)
    );
    drop((a, b));
    crate::assert_no_leaks();
}

#[jit]
fn pick_generic<T>(first: bool, a: T, b: T) -> T {
    if first { a } else { b }
}

#[test]
fn handles_specialise_generic_jit_fns_per_value_type() {
    let _memory = crate::memory_test();
    let a = PassThru::new(Testee::new(1));
    let b = PassThru::new(Testee::new(2));
    assert!(PassThru::ptr_eq(
        &pick_generic(false, a.clone(), b.clone()),
        &b
    ));
    let line = PassThru::new(CacheLine([1; 64]));
    let other = PassThru::new(CacheLine([2; 64]));
    assert!(PassThru::ptr_eq(
        &pick_generic(true, line.clone(), other.clone()),
        &line
    ));
    assert_eq!(pick_generic::dispatcher().compile_count(), 2);
    drop((a, b, line, other));
    crate::assert_no_leaks();
}

// ---- names the glue uses never leak into a block; panicking drops never abort ----------

const SITE: i64 = 5;

#[jit]
fn glue_names_are_hygienic(inputs: i64, out: i64) -> i64 {
    objmode!(|inputs: i64, out: i64| -> i64 { inputs * 100 + out * 10 + SITE })
}

#[test]
fn objmode_inputs_may_use_any_name() {
    assert_eq!(glue_names_are_hygienic(1, 2), 125);
}

/// Panics when dropped with `armed`.
pub struct Bomb {
    armed: bool,
}

impl Drop for Bomb {
    fn drop(&mut self) {
        if self.armed {
            panic!("Bomb dropped");
        }
    }
}

#[jit]
fn drops_a_bomb(armed: bool) -> i64 {
    let bomb = objmode!(|armed: bool| -> PassThru<Bomb> { PassThru::new(Bomb { armed }) });
    let _kept = bomb;
    7
}

#[test]
fn a_panicking_drop_released_by_jit_code_is_reported_not_an_abort() {
    let _memory = crate::memory_test();
    // Released inside jit code: reported on stderr and ignored (nothing may unwind there).
    assert_eq!(drops_a_bomb(true), 7);
    assert_eq!(drops_a_bomb(false), 7);
    crate::assert_no_leaks();
    // Released by Rust: the panic propagates, after the block is freed.
    let bomb = PassThru::new(Bomb { armed: true });
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(bomb)));
    assert_eq!(
        *caught.unwrap_err().downcast::<&str>().unwrap(),
        "Bomb dropped"
    );
    crate::assert_no_leaks();
}

// ---- valid Rust inside blocks: labelled blocks, nested fns, `Self`, macros -------------

#[jitclass]
pub struct Tally {
    n: i64,
}

#[jitclass]
impl Tally {
    pub fn new(n: i64) -> Tally {
        Tally { n }
    }

    /// `Self` in a block's types and body means the class.
    pub fn doubled(&self) -> Tally {
        let me = self;
        objmode!(|me: Self| -> Self { Self::new(me.n() * 2) })
    }
}

#[jit]
fn valid_rust_in_blocks(x: i64) -> i64 {
    let a = objmode!(|x: i64| -> i64 {
        'found: {
            if x > 0 {
                break 'found 1;
            }
            2
        }
    });
    let b = objmode!(|x: i64| -> i64 {
        fn parse(s: &str) -> Option<i64> {
            let v: i64 = s.parse().ok()?;
            return Some(v + 1);
        }
        let shown = format!("{x}");
        parse(&shown).unwrap_or(0)
    });
    a * 1000 + b
}

#[test]
fn blocks_accept_labelled_blocks_nested_fns_and_self() {
    let _memory = crate::memory_test();
    assert_eq!(valid_rust_in_blocks(41), 1042);
    assert_eq!(valid_rust_in_blocks(-3), 2000 - 2);
    let t = Tally::new(21).doubled();
    assert_eq!(t.n(), 42);
    drop(t);
    crate::assert_no_leaks();
}

// ---- one type, written two ways ---------------------------------------------------------

pub type TesteeAlias = Testee;

#[jit]
fn spelled_two_ways(a: PassThru<String>, b: PassThru<std::string::String>) -> bool {
    a == b
}

#[jit]
fn through_an_alias(t: PassThru<Testee>) -> i64 {
    objmode!(|t: PassThru<TesteeAlias>| -> i64 { t.value })
}

#[test]
fn a_type_and_its_alias_are_one_handle_type() {
    let _memory = crate::memory_test();
    let s = PassThru::new(String::from("x"));
    assert!(spelled_two_ways(s.clone(), s.clone()));
    assert!(!spelled_two_ways(s.clone(), PassThru::new(String::new())));
    assert_eq!(through_an_alias(PassThru::new(Testee::new(9))), 9);
    drop(s);
    crate::assert_no_leaks();
}
