//! Review of `Vec<T>` in jit code (issue 15a), from the public API: soundness probes
//! (aliasing, lent slices, moves), results against rustc, leaks. Tests marked
//! `
use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass, objmode};
use std::panic::{AssertUnwindSafe, catch_unwind};

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let e = std::panic::catch_unwind(f).unwrap_err();
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[jit]
fn rv_total(xs: &[f64]) -> f64 {
    let mut s = 0.0;
    for x in xs {
        s += x;
    }
    s
}

// ---- two locals owning one block (generic bodies: rustc never sees them) ----

#[jit]
fn tuple_field_moved_twice<T>(x: T, n: usize) -> usize {
    let t = (vec![x; 4], x);
    let mut a = t.0;
    let b = t.0;
    for _ in 0..n {
        a.push(x);
    }
    b.len()
}

#[jit]
fn option_unwrapped_twice<T>(x: T, n: usize) -> usize {
    // Types that depend on `T`: checked at specialisation (the same body with known
    // types is refused at build time, `tests/ui/vecs/unwrap_twice.rs`).
    let o = Some(vec![x; 4]);
    let mut a = o.unwrap();
    let b = o.unwrap();
    a.extend_from_slice(&b);
    for _ in 0..n {
        a.push(x);
    }
    b.len()
}

// A range bound that grows the lent `Vec`, and a push inside `for e in &v`, are refused at
// build time (also in generic bodies): `tests/ui/vecs/range_bound_changes_lent_vec.rs`,
// `tests/ui/vecs/push_while_iterating.rs`.

// ---- evaluation order of assignments through an index (non-generic: rustc accepts) ----

#[jit]
fn assign_rhs_grows(n: usize) -> f64 {
    let mut v = vec![1.0f64];
    v[0] = {
        for i in 0..n {
            v.push(i as f64);
        }
        9.0
    };
    v[0] + v.len() as f64
}
fn assign_rhs_grows_rs(n: usize) -> f64 {
    let mut v = vec![1.0f64];
    v[0] = {
        for i in 0..n {
            v.push(i as f64);
        }
        9.0
    };
    v[0] + v.len() as f64
}

#[jit]
fn compound_rhs_grows(n: usize) -> f64 {
    let mut v = vec![1.0f64];
    v[0] += {
        for i in 0..n {
            v.push(i as f64);
        }
        9.0
    };
    v[0] + v.len() as f64
}
fn compound_rhs_grows_rs(n: usize) -> f64 {
    let mut v = vec![1.0f64];
    v[0] += {
        for i in 0..n {
            v.push(i as f64);
        }
        9.0
    };
    v[0] + v.len() as f64
}

// ---- a lent field slice reallocated by Rust code run from jit code ----

#[jitclass]
pub struct RvBag {
    items: Vec<f64>,
}

#[jitclass]
impl RvBag {
    pub fn new() -> RvBag {
        RvBag {
            items: vec![1.0; 4],
        }
    }
    pub fn grow(&mut self, n: usize) {
        for i in 0..n {
            self.items.push(i as f64);
        }
    }
    pub fn read_lent(&self) -> f64 {
        rv_clobber_then_sum(&self.items)
    }
}

thread_local! {
    static RV_BAG: std::cell::RefCell<Option<RvBag>> = const { std::cell::RefCell::new(None) };
}

fn rv_grow_the_bag() -> i64 {
    RV_BAG.with(|b| {
        let mut bag = b.borrow().clone().unwrap();
        bag.grow(100_000);
    });
    0
}

#[jit]
fn rv_clobber_then_sum(xs: &[f64]) -> f64 {
    let z: i64 = objmode!(|| -> i64 { crate::review_vecs::rv_grow_the_bag() });
    rv_total(xs) + z as f64
}

// ---- capacity and moves out of fields ----

#[jit]
fn with_capacity_max(n: usize) -> usize {
    let v: Vec<f64> = Vec::with_capacity(n);
    v.capacity()
}
#[jit]
fn repeat_max(n: usize) -> usize {
    let v = vec![0u8; n];
    v.len()
}
#[jit]
fn reserve_max(n: usize) -> usize {
    let mut v = vec![1i32];
    v.reserve(n);
    v.capacity()
}
fn with_capacity_max_rs(n: usize) -> usize {
    let v: Vec<f64> = Vec::with_capacity(n);
    v.capacity()
}
fn repeat_max_rs(n: usize) -> usize {
    let v = vec![0u8; n];
    v.len()
}
fn reserve_max_rs(n: usize) -> usize {
    let mut v = vec![1i32];
    v.reserve(n);
    v.capacity()
}

#[jitclass]
pub struct RvMaybe {
    opt: Option<Vec<f64>>,
}

#[jitclass]
impl RvMaybe {
    pub fn new() -> RvMaybe {
        RvMaybe {
            opt: Some(vec![1.0; 4]),
        }
    }
}

#[jit]
fn move_out_by_match<T>(m: RvMaybe, x: T) -> usize {
    let _x = x;
    match m.opt {
        Some(w) => w.len(),
        None => 0,
    }
}

#[jit]
fn move_out_by_unwrap<T>(m: RvMaybe, x: T) -> usize {
    let _x = x;
    let w = m.opt.unwrap();
    w.len()
}

/// The first call of a generic body that rustc would reject: jitclass's message, or the
/// result when it wrongly runs the body.
fn first_call<R: std::fmt::Debug>(f: impl FnOnce() -> R) -> String {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => format!("accepted, returned {r:?}"),
        Err(e) => e.downcast_ref::<String>().cloned().unwrap_or_default(),
    }
}

// ---- findings (each read freed memory or aliased a block before its fix) ----

/// rustc: E0382 `use of moved value: `o`` (`unwrap` takes `self`, declared once by
/// `Builtin::consumes_receiver`): both `unwrap`s used to return the same block.
#[test]
fn option_of_vec_unwrapped_twice_is_a_use_of_a_moved_value() {
    let _m = memory_test();
    let m = first_call(|| option_unwrapped_twice(1.0f64, 1000));
    assert!(m.contains("use of moved value: `o`"), "{m}");
    assert_no_leaks();
}

/// rustc: E0382 `use of moved value: `t.0``: moves out of a local's tuple fields are
/// tracked per path (`init::check_moves`), so `a` and `b` cannot share one block.
#[test]
fn tuple_field_of_vec_moved_twice_is_a_use_of_a_moved_value() {
    let _m = memory_test();
    let m = first_call(|| tuple_field_moved_twice(1.0f64, 1000));
    assert!(m.contains("use of moved value: `t.0`"), "{m}");
    assert_no_leaks();
}

/// rustc: E0507 (`m.opt.unwrap()` moves the field's `Option`): the receiver of a method
/// taking `self` is a move, refused out of a field as a `match` is.
#[test]
fn vec_moved_out_of_an_option_field_by_unwrap_is_refused() {
    let _m = memory_test();
    {
        let m0 = RvMaybe::new();
        // Held: the same move by `match` is refused.
        let by_match = first_call(|| move_out_by_match(m0.clone(), 1u8));
        assert!(
            by_match.contains("cannot move out of a field"),
            "{by_match}"
        );
        let m = first_call(|| move_out_by_unwrap(m0.clone(), 1u8));
        assert!(m.contains("cannot move out"), "{m}");
    }
    assert_no_leaks();
}

/// A slice of `self.items` is lent to a call, and Rust code that call runs (`objmode!`,
/// through a handle in a thread-local: all safe Rust) calls a jit method that pushes to
/// the same field. The lend keeps the block alive and counts itself in it
/// (`VecHeader::lends`), so the push panics as `RefCell::borrow_mut` does while a borrow
/// is live, instead of reallocating the buffer the callee reads. The count is lowered
/// when the call unwinds: the `Vec` can grow again afterwards.
#[test]
fn lent_field_slice_cannot_be_reallocated_from_objmode() {
    let _m = memory_test();
    {
        let bag = RvBag::new();
        RV_BAG.with(|b| *b.borrow_mut() = Some(bag.clone()));
        let b2 = bag.clone();
        let m = panic_message(move || {
            b2.read_lent();
        });
        RV_BAG.with(|b| *b.borrow_mut() = None);
        assert!(
            m.contains(
                "already borrowed: cannot `push` a `Vec` while a slice of it is lent to a call"
            ),
            "{m}"
        );
        // The lend ended with the call: the field can grow, and still holds 4 elements.
        let mut bag = bag;
        bag.grow(3);
        assert_eq!(bag.items().len(), 7);
    }
    assert_no_leaks();
}

// ---- what held ----

/// `v[i] = e` and `v[i] op= e` evaluate `e` first, as Rust does for primitives: a value
/// that grows `v` does not leave the place pointing into the old buffer.
#[test]
fn ok_index_assignment_evaluates_the_value_before_the_place() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 1000] {
        assert_eq!(assign_rhs_grows(n), assign_rhs_grows_rs(n));
        assert_eq!(compound_rhs_grows(n), compound_rhs_grows_rs(n));
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

/// `with_capacity`, `vec![x; n]` and `reserve` past `isize::MAX` bytes panic with std's
/// `capacity overflow` (not an abort or a hang), and leak nothing.
#[test]
fn ok_capacity_overflow_panics_as_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    let n = usize::MAX;
    type Sized1 = fn(usize) -> usize;
    let pairs: [(Sized1, Sized1, usize); 4] = [
        (with_capacity_max, with_capacity_max_rs, n),
        (repeat_max, repeat_max_rs, n),
        (reserve_max, reserve_max_rs, n),
        (reserve_max, reserve_max_rs, n / 2),
    ];
    for (jit, rust, arg) in pairs {
        let j = panic_message(move || {
            jit(arg);
        });
        let r = panic_message(move || {
            rust(arg);
        });
        assert!(j.starts_with(&r), "{j:?} / {r:?}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

// ---- the lend count is lowered on every way out of the call ----

#[jit]
fn rv_weighted(xs: &[f64], k: f64) -> f64 {
    rv_total(xs) * k
}

#[jit]
fn lend_then_break(n: usize) -> usize {
    let mut v = vec![1.0f64; 2];
    let mut s = 0.0;
    for i in 0..n {
        s += rv_weighted(&v, if i == 1 { break } else { 1.0 });
        v.push(s);
    }
    v.push(2.0);
    v.len()
}
fn lend_then_break_rs(n: usize) -> usize {
    let mut v = vec![1.0f64; 2];
    let mut s = 0.0;
    for i in 0..n {
        s += rv_weighted_rs(&v, if i == 1 { break } else { 1.0 });
        v.push(s);
    }
    v.push(2.0);
    v.len()
}
fn rv_weighted_rs(xs: &[f64], k: f64) -> f64 {
    xs.iter().sum::<f64>() * k
}

#[jit]
fn lend_then_continue(n: usize) -> usize {
    let mut v = vec![1.0f64; 2];
    for i in 0..n {
        let s = rv_weighted(&v[1..], if i % 2 == 0 { continue } else { 2.0 });
        v.push(s);
    }
    v.len()
}
fn lend_then_continue_rs(n: usize) -> usize {
    let mut v = vec![1.0f64; 2];
    for i in 0..n {
        let s = rv_weighted_rs(&v[1..], if i % 2 == 0 { continue } else { 2.0 });
        v.push(s);
    }
    v.len()
}

#[jit]
fn lend_then_range_panic(v: Vec<f64>, end: usize) -> f64 {
    rv_total(&v[..end])
}

/// A `break` or `continue` out of a call's arguments ends the lends made for it, so the
/// `Vec` can change again (as in Rust, where the borrow ends there).
#[test]
fn a_jump_out_of_the_arguments_ends_the_lend() {
    let _m = memory_test();
    for n in [0, 1, 2, 5] {
        assert_eq!(lend_then_break(n), lend_then_break_rs(n));
        assert_eq!(lend_then_continue(n), lend_then_continue_rs(n));
    }
    assert_no_leaks();
}

/// A panic while the slice is being formed (std's range check) leaves through the panic
/// block, which lowers the count before dropping the held `Vec`.
#[test]
fn a_panic_while_lending_leaks_nothing() {
    let _m = memory_test();
    let m = panic_message(|| {
        lend_then_range_panic(vec![1.0; 3], 7);
    });
    assert!(
        m.starts_with("range end index 7 out of range for slice of length 3"),
        "{m}"
    );
    assert_eq!(lend_then_range_panic(vec![1.0; 3], 2), 2.0);
    assert_no_leaks();
}

// ---- what the move and borrow checks still accept (rustc accepts them) ----

#[jit]
fn partial_moves<T>(x: T) -> usize {
    let _x = x;
    let mut t = (vec![1.0f64; 2], vec![2.0f64; 3], 7usize);
    let a = t.0;
    let b = t.1;
    // `t.2` is `Copy`, and `t.0` may be given a value again.
    let n = t.2;
    t.0 = vec![3.0];
    a.len() + b.len() + n + t.0.len()
}

#[jit]
fn unwrap_a_local_once<T>(x: T) -> usize {
    let _x = x;
    let o = Some(vec![1.0f64; 4]);
    let n = if o.is_some() { 1 } else { 0 };
    let w = o.unwrap();
    let d = Some(vec![1.0f64]).unwrap_or(Vec::new());
    w.len() + n + d.len()
}

#[jit]
fn read_while_iterating<T>(x: T) -> f64 {
    let _x = x;
    let mut v = vec![1.0f64, 2.0, 3.0];
    let mut s = 0.0;
    for e in &v {
        s += e * v.len() as f64 + rv_total(&v[..v.len() - 1]);
    }
    v.push(s);
    v[3]
}

#[jit]
fn moved_whole_after_part<T>(x: T) -> usize {
    let t = (vec![x; 2], vec![x; 3]);
    let a = t.0;
    let u = t;
    a.len() + u.1.len()
}

#[test]
fn partial_moves_reads_and_single_unwraps_are_accepted() {
    let _m = memory_test();
    assert_eq!(partial_moves(1u8), 2 + 3 + 7 + 1);
    assert_eq!(unwrap_a_local_once(1u8), 4 + 1 + 1);
    // s = 1*3 + 3 + 2*3 + 3 + 3*3 + 3
    assert_eq!(read_while_iterating(1u8), 27.0);
    let m = first_call(|| moved_whole_after_part(1.0f64));
    assert!(m.contains("use of partially moved value: `t`"), "{m}");
    assert_no_leaks();
}
