//! Arrays of counted values: class instances, `Option`s of them, `Vec`s and `PassThru`
//! handles as elements, counted element by element (a copy of the array is a new
//! reference per element, a drop releases each), in locals, class fields, results and
//! across the boundary; compared with rustc's build of the same code where Rust's
//! semantics are values (`Vec`s), with `stats()` balanced.

use crate::{balanced_since, memory_test};
use jitclass::{PassThru, jit, jitclass};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

#[jitclass]
pub struct Body {
    pub x: f64,
    pub v: f64,
}

#[jitclass]
impl Body {
    pub fn new(x: f64, v: f64) -> Body {
        Body { x, v }
    }

    pub fn step(&mut self, dt: f64) {
        self.x += self.v * dt;
    }
}

/// A particle system holding its bodies inline, and a fixed table of optional ones.
#[jitclass]
pub struct System {
    pub bodies: [Body; 3],
    pub slots: [Option<Body>; 4],
}

#[jitclass]
impl System {
    pub fn new() -> System {
        System {
            bodies: [
                Body::new(0.0, 1.0),
                Body::new(10.0, -1.0),
                Body::new(20.0, 0.5),
            ],
            slots: [None, None, None, None],
        }
    }

    pub fn step(&mut self, dt: f64) {
        for i in 0..self.bodies.len() {
            self.bodies[i].step(dt);
        }
    }

    /// Puts body `i` in slot `s` (another reference to the same body).
    pub fn pin(&mut self, i: usize, s: usize) {
        self.slots[s] = Some(self.bodies[i].clone());
    }

    pub fn pinned_sum(&self) -> f64 {
        let mut s = 0.0;
        for slot in self.slots.clone() {
            if let Some(b) = slot {
                s += b.x;
            }
        }
        s
    }

    pub fn positions(&self) -> [f64; 3] {
        let mut out = [0.0; 3];
        for i in 0..3 {
            out[i] = self.bodies[i].x;
        }
        out
    }

    /// The bodies sorted by position, in a copy of the array (the same bodies).
    pub fn sorted(&self) -> [Body; 3] {
        let mut copy = self.bodies.clone();
        copy.sort_by(|a, b| a.x.total_cmp(&b.x));
        copy
    }

    /// Replaces the bodies, releasing the old ones.
    pub fn reset(&mut self) {
        self.bodies = [
            Body::new(1.0, 0.0),
            Body::new(2.0, 0.0),
            Body::new(3.0, 0.0),
        ];
    }
}

#[test]
fn a_class_holds_an_array_of_instances() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut sys = System::new();
        sys.step(2.0);
        assert_eq!(sys.positions(), [2.0, 8.0, 21.0]);
        sys.pin(2, 0);
        sys.pin(0, 3);
        sys.step(1.0);
        // The slots hold the same bodies, moved by the step.
        assert_eq!(sys.pinned_sum(), 21.5 + 3.0);
        let sorted = sys.sorted();
        assert_eq!(sorted.each_ref().map(|b| b.x()), [3.0, 7.0, 21.5]);
        assert!(Body::ptr_eq(&sorted[2], &sys.bodies()[2]));
        // From Rust: the getter gives new references, the setter takes them over.
        let bodies = sys.bodies();
        assert_eq!(Body::strong_count(&bodies[0]), Some(4));
        sys.set_bodies([bodies[2].clone(), bodies[1].clone(), Body::new(-1.0, 0.0)]);
        assert_eq!(sys.positions(), [21.5, 7.0, -1.0]);
        sys.reset();
        assert_eq!(sys.positions(), [1.0, 2.0, 3.0]);
        drop((bodies, sorted));
        assert_eq!(sys.slots().map(|s| s.is_some()), [true, false, false, true]);
    }
    assert!(balanced_since(&before));
}

/// Arrays of instances as locals, moved (not copied) as Rust moves them, returned to
/// Rust, passed in; a panic while the literal is half built leaks nothing.
#[jit]
fn build(n: usize, fail_at: usize) -> [Body; 3] {
    let a = [
        made(0.0, n, fail_at),
        made(1.0, n, fail_at),
        made(2.0, n, fail_at),
    ];
    let b = a;
    let mut c = b;
    c[1] = Body::new(-1.0, 0.0);
    c
}

#[jit]
fn made(x: f64, n: usize, fail_at: usize) -> Body {
    if x as usize == fail_at {
        panic!("body {} of {}", x, n);
    }
    Body::new(x, 0.0)
}

#[jit]
fn total(bodies: [Body; 3]) -> f64 {
    let mut s = 0.0;
    for b in bodies {
        s += b.x;
    }
    s
}

#[test]
fn arrays_of_instances_cross_and_move() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let a = build(3, 9);
        assert_eq!(a.each_ref().map(|b| b.x()), [0.0, -1.0, 2.0]);
        assert_eq!(a.each_ref().map(Body::strong_count), [Some(1); 3]);
        assert_eq!(total(a.clone()), 1.0);
        assert_eq!(a.each_ref().map(Body::strong_count), [Some(1); 3]);
        for fail_at in 0..3 {
            let message = std::panic::catch_unwind(|| build(3, fail_at)).expect_err("panics");
            let message = message.downcast_ref::<String>().expect("a message");
            assert!(
                message.starts_with(&format!("body {fail_at} of 3")),
                "{message}"
            );
        }
    }
    assert!(balanced_since(&before));
}

twice!(vec_rows, vec_rows_rs, fn(k: f64) -> f64 {
    let mut rows = [vec![1.0], Vec::new(), vec![k, k]];
    rows[1].push(5.0);
    rows[2][0] += 1.0;
    let mut s = 0.0;
    for row in &rows {
        s += row.len() as f64;
        for x in row {
            s += x;
        }
    }
    let moved = rows;
    s + moved[1][0]
});

twice!(vec_rows_out, vec_rows_out_rs, fn(n: usize) -> [Vec<u32>; 2] {
    let mut even = Vec::new();
    let mut odd = Vec::new();
    for i in 0..n {
        if i % 2 == 0 {
            even.push(i as u32);
        } else {
            odd.push(i as u32);
        }
    }
    [even, odd]
});

#[test]
fn arrays_of_vecs_are_values_as_in_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    for k in [0.0, 2.0, -1.5] {
        assert_eq!(vec_rows(k), vec_rows_rs(k));
    }
    for n in [0, 1, 7] {
        assert_eq!(vec_rows_out(n), vec_rows_out_rs(n));
    }
    assert!(balanced_since(&before));
}

#[jit]
fn second_name(names: [PassThru<String>; 3]) -> PassThru<String> {
    let copy = names.clone();
    copy[1].clone()
}

#[test]
fn arrays_of_handles() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let names = ["a", "b", "c"].map(|s| PassThru::new(s.to_string()));
        assert_eq!(*second_name(names.clone()), "b");
        assert_eq!(PassThru::strong_count(&names[1]), 1);
    }
    assert!(balanced_since(&before));
}

#[jit]
fn repeated<T>(x: T) -> [T; 2] {
    [x; 2]
}

/// `[x; N]` copies `x`, which Rust allows only for a `Copy` value (E0277); a generic
/// body, which rustc does not check, gets the error at its first call.
#[test]
fn repeating_a_value_that_is_not_copy_is_rusts_e0277() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(repeated(1.5), [1.5, 1.5]);
    let message = std::panic::catch_unwind(|| repeated(Body::new(0.0, 0.0))).expect_err("refused");
    let message = message.downcast_ref::<String>().expect("a message");
    assert!(
        message.contains("the trait bound `Body: Copy` is not satisfied"),
        "{message}"
    );
    assert!(balanced_since(&before));
}

/// Fields holding arrays of `Vec`s and of handles (refused before arrays held counted
/// values): their getters copy (a `Vec` deeply), their setters take over.
#[jitclass]
pub struct Lists {
    pub items: [Vec<f64>; 2],
    pub names: [PassThru<String>; 2],
}

#[jitclass]
impl Lists {
    pub fn new(names: [PassThru<String>; 2]) -> Lists {
        Lists {
            items: [vec![1.0], Vec::new()],
            names,
        }
    }

    pub fn push(&mut self, i: usize, x: f64) {
        self.items[i].push(x);
    }

    pub fn total_len(&self) -> usize {
        self.items[0].len() + self.items[1].len()
    }
}

#[test]
fn fields_of_arrays_of_vecs_and_handles() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let names = ["x", "y"].map(|s| PassThru::new(s.to_string()));
        let mut lists = Lists::new(names.clone());
        lists.push(1, 2.0);
        lists.push(1, 3.0);
        assert_eq!(lists.total_len(), 3);
        assert_eq!(lists.items(), [vec![1.0], vec![2.0, 3.0]]);
        lists.set_items([Vec::new(), vec![4.0; 5]]);
        assert_eq!(lists.total_len(), 5);
        assert_eq!(PassThru::strong_count(&names[0]), 2);
        assert_eq!(*lists.names()[1], "y");
    }
    assert!(balanced_since(&before));
}

/// Arrays of instances in fields are sinks for unmanaged instances (see `escapes.rs`):
/// an element assigned, or a whole array holding one, is refused before anything is
/// stored; a local array may hold one for the call.
#[jitclass]
pub struct Crate {
    pub items: [Body; 2],
    pub spare: [Option<Body>; 2],
}

#[jitclass]
impl Crate {
    pub fn new() -> Crate {
        Crate {
            items: [Body::new(0.0, 0.0), Body::new(1.0, 0.0)],
            spare: [None, None],
        }
    }

    pub fn put_element(&mut self, at: *mut u8) {
        let x = unsafe { jitclass::unsafe_cast::<Body>(at) };
        self.items[1] = x;
    }

    pub fn put_array(&mut self, at: *mut u8) {
        let x = unsafe { jitclass::unsafe_cast::<Body>(at) };
        self.spare = [None, Some(x)];
    }

    pub fn in_a_local(at: *mut u8) -> f64 {
        let x = unsafe { jitclass::unsafe_cast::<Body>(at) };
        let mut a = [Body::new(0.0, 0.0), Body::new(5.0, 0.0)];
        a[0] = x;
        a[0].x + a[1].x
    }
}

#[test]
fn array_fields_refuse_unmanaged_instances() {
    use std::mem::MaybeUninit;
    let _m = memory_test();
    let before = jitclass::stats();
    let mut memory: Box<MaybeUninit<jitclass::Payload<Body>>> = Box::new(MaybeUninit::zeroed());
    let at: *mut u8 = memory.as_mut_ptr().cast();
    {
        let mut c = Crate::new();
        let refused = |f: &mut dyn FnMut()| {
            let message = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
                .expect_err("refused")
                .downcast::<String>()
                .expect("a message");
            assert!(
                message.contains("an unmanaged instance of `Body`"),
                "{message}"
            );
            message
        };
        let message = refused(&mut || c.put_element(at));
        assert!(
            message.contains("stored in field `items` of `Crate`"),
            "{message}"
        );
        let message = refused(&mut || c.put_array(at));
        assert!(
            message.contains("stored in field `spare` of `Crate`"),
            "{message}"
        );
        assert_eq!(c.items().each_ref().map(|b| b.x()), [0.0, 1.0]);
        assert!(c.spare().iter().all(Option::is_none));
        assert_eq!(Crate::in_a_local(at), 5.0);
    }
    assert!(balanced_since(&before));
}

// ---- `Vec`s of arrays -------------------------------------------------------------------

twice!(points, points_rs, fn(n: usize) -> f64 {
    let mut v: Vec<[f64; 2]> = Vec::new();
    for i in 0..n {
        v.push([i as f64, 1.0]);
    }
    v[1][1] = 5.0;
    v[2] = [7.0, 8.0];
    let mut s = 0.0;
    for p in &v {
        s += p[0] * p[1];
    }
    if let Some(p) = v.pop() {
        s += p[0];
    }
    if let Some(p) = v.first().copied() {
        s += p[1];
    }
    v.swap(0, 1);
    v.insert(0, [100.0, 0.0]);
    let r = v.remove(1);
    let q = v.swap_remove(0);
    s + r[1] + q[0] + v[0][0] + v.len() as f64
});

twice!(rows_of, rows_of_rs, fn(n: usize) -> Vec<[u8; 3]> {
    let mut rows = vec![[n as u8, 1, 2]; n];
    if n > 1 {
        rows[1][2] = 9;
        rows.sort_by(|a, b| b[2].cmp(&a[2]));
    }
    rows
});

#[jit]
fn row_sums(rows: Vec<[u8; 3]>) -> Vec<u32> {
    let mut out = Vec::new();
    for row in &rows {
        out.push(row[0] as u32 + row[1] as u32 + row[2] as u32);
    }
    out
}

/// Pairs of bodies in a `Vec`, counted per element of each array.
#[jit]
fn pairs_of(a: Body, b: Body, n: usize) -> Vec<[Body; 2]> {
    let mut v = vec![[a.clone(), b.clone()]; n];
    v.push([b, a]);
    v
}

#[test]
fn vecs_of_arrays() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [3, 5, 8] {
        assert_eq!(points(n), points_rs(n));
    }
    for n in [0, 1, 4] {
        assert_eq!(rows_of(n), rows_of_rs(n));
    }
    assert_eq!(row_sums(vec![[1, 2, 3], [4, 5, 6]]), [6, 15]);
    {
        let (a, b) = (Body::new(1.0, 0.0), Body::new(2.0, 0.0));
        let pairs = pairs_of(a.clone(), b.clone(), 2);
        assert_eq!(pairs.len(), 3);
        assert!(Body::ptr_eq(&pairs[2][0], &b));
        assert_eq!(Body::strong_count(&a), Some(4));
        drop(pairs);
        assert_eq!(Body::strong_count(&a), Some(1));
    }
    assert!(balanced_since(&before));
}
