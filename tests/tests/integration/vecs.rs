//! `Vec<T>` in jit code: each function is compiled twice from the same tokens, by
//! jitclass and by rustc, and the results (and panic messages) compared.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(push_sum, push_sum_rs, fn(n: usize) -> f64 {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(i as f64 * 0.5);
    }
    let mut s = 0.0;
    for x in &v {
        s += x;
    }
    for &x in v.iter() {
        s += x * 2.0;
    }
    s + v.len() as f64
});

twice!(methods, methods_rs, fn(n: i64) -> i64 {
    let mut v: Vec<i64> = Vec::with_capacity(2);
    for i in 0..n {
        v.push(i * i);
    }
    v.insert(0, 100);
    v.insert(v.len(), 200);
    let a = v.remove(1);
    let b = v.swap_remove(0);
    v.swap(0, 1);
    let mut acc = a * 7 + b * 3;
    match v.pop() {
        Some(x) => acc += x,
        None => acc -= 1,
    }
    if v.contains(&4) {
        acc += 1000;
    }
    v.truncate(3);
    v.reserve(10);
    let w = v.clone();
    v.clear();
    let mut s = 0;
    for x in &w {
        s = s * 31 + *x;
    }
    acc + s + v.len() as i64 + (v.is_empty() as i64) * 5 + (w.capacity() >= 3) as i64
});

twice!(literals, literals_rs, fn(k: i32) -> i32 {
    let a = vec![k; 4];
    let b = vec![k, k, k, k];
    let c: Vec<i32> = vec![];
    let mut m = vec![vec![0; 3]; 2];
    m[1][2] = k;
    m[0][0] += 5;
    let mut r = 0;
    if a == b {
        r += 1;
    }
    if a != c {
        r += 10;
    }
    if m[1] == vec![0, 0, k] {
        r += 100;
    }
    r + m[0][0] + c.len() as i32
});

twice!(in_place, in_place_rs, fn(n: usize) -> f64 {
    let mut v = vec![1.5; n];
    for x in &mut v {
        *x *= 2.0;
    }
    for x in v.iter_mut() {
        *x += 1.0;
    }
    for i in 0..v.len() {
        v[i] -= i as f64;
    }
    let mut s = 0.0;
    for x in &v {
        s += *x;
    }
    s
});

twice!(index_oob, index_oob_rs, fn(i: usize) -> i32 {
    let v = vec![1, 2, 3];
    v[i]
});

twice!(remove_oob, remove_oob_rs, fn(i: usize) -> i32 {
    let mut v = vec![1, 2, 3];
    v.remove(i)
});

twice!(insert_oob, insert_oob_rs, fn(i: usize) -> i32 {
    let mut v = vec![1, 2, 3];
    v.insert(i, 9);
    v[0]
});

twice!(swap_remove_oob, swap_remove_oob_rs, fn(i: usize) -> i32 {
    let mut v = vec![1, 2, 3];
    v.swap_remove(i)
});

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let err = std::panic::catch_unwind(f).expect_err("panics");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn vec_locals_behave_as_rustc_builds_them() {
    let _m = memory_test();
    for n in [0, 1, 2, 7, 100, 1000] {
        assert_eq!(push_sum(n), push_sum_rs(n), "n = {n}");
        assert_eq!(in_place(n), in_place_rs(n), "n = {n}");
    }
    for n in [3, 4, 5, 9] {
        assert_eq!(methods(n), methods_rs(n), "n = {n}");
    }
    for k in [-3, 0, 42] {
        assert_eq!(literals(k), literals_rs(k), "k = {k}");
    }
    assert_no_leaks();
}

#[test]
fn vec_panics_are_rusts() {
    let _m = memory_test();
    let before = jitclass::stats();
    for i in [3usize, 5, usize::MAX] {
        let (jit, rust) = (
            panic_message(move || {
                index_oob(i);
            }),
            panic_message(move || {
                index_oob_rs(i);
            }),
        );
        assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
        let (jit, rust) = (
            panic_message(move || {
                remove_oob(i);
            }),
            panic_message(move || {
                remove_oob_rs(i);
            }),
        );
        assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
        let (jit, rust) = (
            panic_message(move || {
                swap_remove_oob(i);
            }),
            panic_message(move || {
                swap_remove_oob_rs(i);
            }),
        );
        assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
    }
    let (jit, rust) = (
        panic_message(|| {
            insert_oob(4);
        }),
        panic_message(|| {
            insert_oob_rs(4);
        }),
    );
    assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
    assert_eq!(index_oob(2), 3);
    assert_eq!(insert_oob(3), 1);
    assert!(balanced_since(&before));
}

#[jitclass]
pub struct Particle {
    pub x: f64,
}

#[jitclass]
impl Particle {
    pub fn new(x: f64) -> Particle {
        Particle { x }
    }
}

#[jit]
fn particles(n: usize, steps: usize) -> f64 {
    let mut bodies = Vec::new();
    for i in 0..n {
        bodies.push(Particle::new(i as f64));
    }
    for _ in 0..steps {
        for i in 0..bodies.len() {
            bodies[i].x += 0.5;
        }
    }
    let copy = bodies.clone();
    copy[0].x += 100.0; // instances are references: the clone shares them
    let last = bodies.pop();
    let mut s = 0.0;
    for b in &bodies {
        s += b.x;
    }
    match last {
        Some(p) => s + p.x,
        None => s,
    }
}

#[jit]
fn many_instances(n: usize) -> usize {
    let mut v = Vec::with_capacity(n);
    for i in 0..n {
        v.push(Particle::new(i as f64));
    }
    v.len()
}

#[jit]
fn panics_mid_push(n: usize) -> usize {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(Particle::new(i as f64));
    }
    v.insert(n + 1, Particle::new(0.0));
    v.len()
}

#[test]
fn vecs_of_instances_share_them_and_release_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    let n = 10usize;
    let expected: f64 = (0..n).map(|i| i as f64 + 1.5).sum::<f64>() + 100.0;
    assert_eq!(particles(n, 3), expected);
    assert!(balanced_since(&before));
    // A million instances released without recursion.
    assert_eq!(many_instances(1_000_000), 1_000_000);
    assert!(balanced_since(&before));
    let m = panic_message(|| {
        panics_mid_push(5);
    });
    assert!(
        m.starts_with("insertion index (is 6) should be <= len (is 5)"),
        "{m}"
    );
    assert!(balanced_since(&before));
    assert_no_leaks();
}

twice!(scaled, scaled_rs, fn(v: Vec<f64>, k: f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(v.len());
    for x in &v {
        out.push(x * k);
    }
    out
});

#[jit]
fn grow(mut v: Vec<i64>, n: i64) -> Vec<i64> {
    for i in 0..n {
        v.push(i);
    }
    v
}

#[jit]
fn same(v: Vec<i64>) -> Vec<i64> {
    v
}

#[jit]
fn keep_one(v: Vec<i64>) -> (Vec<i64>, Vec<i64>) {
    let w = v.clone();
    (v, w)
}

#[test]
fn rust_vecs_cross_by_value_and_come_back() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v: Vec<f64> = (0..100).map(|i| i as f64).collect();
    assert_eq!(scaled(v.clone(), 1.5), scaled_rs(v, 1.5));
    assert_eq!(scaled(Vec::new(), 2.0), Vec::<f64>::new());
    // The buffer goes in and comes back without a copy when jit code keeps no other
    // reference: the same allocation.
    let mut v = Vec::with_capacity(64);
    v.push(7i64);
    let p = v.as_ptr();
    let back = grow(v, 10);
    assert_eq!(back.as_ptr(), p);
    assert_eq!(back, [7, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Growing past the capacity reallocates in jit code; Rust frees the new buffer.
    let back = grow(back, 1000);
    assert_eq!(back.len(), 1011);
    assert_eq!(back[1010], 999);
    // Returned as it came in: the same buffer, not a copy.
    let v: Vec<i64> = (0..1000).collect();
    let p = v.as_ptr();
    let back = same(v);
    assert_eq!((back.as_ptr(), back.len()), (p, 1000));
    let (a, b) = keep_one(vec![1, 2, 3]);
    assert_eq!((a, b), (vec![1, 2, 3], vec![1, 2, 3]));
    drop(back);
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jitclass]
pub struct Window {
    pub values: Vec<f64>,
    pub bodies: Vec<Particle>,
    pub count: usize,
}

#[jitclass]
impl Window {
    pub fn new() -> Window {
        Window {
            values: Vec::new(),
            bodies: Vec::new(),
            count: 0,
        }
    }

    pub fn push(&mut self, x: f64) {
        self.values.push(x);
        self.bodies.push(Particle::new(x));
        self.count += 1;
    }

    pub fn step(&mut self, dt: f64) {
        for i in 0..self.bodies.len() {
            self.bodies[i].x += dt;
        }
    }

    pub fn mean(&self) -> f64 {
        total(&self.values[..]) / self.values.len() as f64
    }

    pub fn halve(&mut self) {
        scale_all(&mut self.values, 0.5);
    }

    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for x in &self.values {
            s += x;
        }
        for b in &self.bodies {
            s += b.x;
        }
        s
    }
}

#[test]
fn vec_fields_are_read_as_copies_and_written_by_moving_in() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let w = Window::new();
        for i in 0..5 {
            w.push(i as f64);
        }
        w.step(1.0);
        assert_eq!(w.sum(), 10.0 + 15.0);
        assert_eq!(w.mean(), 2.0);
        w.halve();
        assert_eq!(w.mean(), 1.0);
        w.halve();
        w.halve();
        assert_eq!(w.values(), [0.0, 0.125, 0.25, 0.375, 0.5]);
        w.set_values(vec![0.0, 1.0, 2.0, 3.0, 4.0]);
        // A copy: later pushes (which reallocate the field's buffer) do not touch it.
        let copy = w.values();
        for i in 0..100 {
            w.push(i as f64);
        }
        assert_eq!(copy, [0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(w.values().len(), 105);
        // The getter of a `Vec` of instances copies the handles: the same instances.
        let bodies = w.bodies();
        bodies[0].set_x(-1.0);
        assert_eq!(w.bodies()[0].x(), -1.0);
        w.set_values(vec![1.0, 2.0]);
        assert_eq!(w.values(), [1.0, 2.0]);
        assert_eq!(w.count(), 105);
        assert!(format!("{w:?}").contains("values: [1.0, 2.0]"), "{w:?}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jitclass]
pub struct Samples {
    values: Vec<f64>,
}

#[jitclass]
impl Samples {
    pub fn new() -> Samples {
        Samples { values: Vec::new() }
    }

    pub fn add(&mut self, x: f64) {
        self.values.push(x);
    }

    pub fn add_through_shared(&self, x: f64) {
        self.values.push(x);
    }
}

#[test]
fn safe_rust_gets_no_slice_into_a_jit_buffer() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let s = Samples::new();
        s.add(1.0);
        // The getter returns a copy: the slice borrows the copy, which lives on while the
        // field's buffer is reallocated many times.
        let first: &[f64] = &s.values()[..];
        for i in 0..1000 {
            s.add(i as f64);
        }
        assert_eq!(first, [1.0]);
        assert_eq!(s.values().len(), 1001);
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[test]
fn push_through_shared_self_is_refused_at_first_call() {
    let _m = memory_test();
    {
        let s = Samples::new();
        let m = panic_message(std::panic::AssertUnwindSafe(|| s.add_through_shared(1.0)));
        assert!(
            m.contains("cannot call `push`, which takes `&mut self`, through `&self`"),
            "{m}"
        );
    }
    assert_no_leaks();
}

/// Generic bodies are not seen by rustc: jitclass's own move check refuses them at the
/// first call, in rustc's words.
#[jit]
fn moved_twice<T>(x: T) -> usize {
    let v = vec![x];
    let w = v;
    v.len() + w.len()
}

#[jit]
fn moved_in_loop<T>(x: T, n: usize) -> usize {
    let v = vec![x];
    let mut all = Vec::new();
    for _ in 0..n {
        all.push(v);
    }
    all.len()
}

#[jit]
fn moved_then_reassigned<T>(x: T, n: usize) -> usize {
    let mut v = vec![x];
    let mut all = Vec::new();
    for _ in 0..n {
        all.push(v);
        v = Vec::new();
    }
    all.len() + v.len()
}

#[test]
fn generic_bodies_refuse_uses_of_moved_vecs() {
    let _m = memory_test();
    let m = panic_message(|| {
        moved_twice(1.0);
    });
    assert!(m.contains("use of moved value: `v`"), "{m}");
    let m = panic_message(|| {
        moved_in_loop(1u8, 3);
    });
    assert!(m.contains("use of moved value: `v`"), "{m}");
    assert_eq!(moved_then_reassigned(2i64, 3), 3);
    assert_no_leaks();
}

#[jit]
fn total(xs: &[f64]) -> f64 {
    let mut s = 0.0;
    for x in xs {
        s += x;
    }
    s
}

#[jit]
fn scale_all(xs: &mut [f64], k: f64) {
    for i in 0..xs.len() {
        xs[i] *= k;
    }
}

// The Rust twin calls the jit fns too (their glue is a Rust fn), lending Rust `Vec`s.
twice!(lend, lend_rs, fn(n: usize, a: usize, b: usize) -> f64 {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(i as f64);
    }
    let mut w = vec![1.0, 2.0];
    w.extend_from_slice(&v);
    w.extend_from_slice(&v[a..b]);
    scale_all(&mut v, 2.0);
    scale_all(&mut w[1..], 0.5);
    total(&v) + total(&v[..]) + total(&v[a..]) + total(&v[..b]) + total(&w[a..=b]) + total(&w)
});

#[test]
fn vecs_lend_slices_as_rust_does() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (n, a, b) in [(10, 2, 5), (4, 0, 4), (6, 3, 3), (3, 0, 1)] {
        assert_eq!(lend(n, a, b), lend_rs(n, a, b), "{n} {a} {b}");
    }
    for (n, a, b) in [(4, 3, 2), (4, 6, 7), (4, 1, 9), (4, 0, usize::MAX)] {
        let jit = panic_message(move || {
            lend(n, a, b);
        });
        let rust = panic_message(move || {
            lend_rs(n, a, b);
        });
        assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jit]
fn lend_and_move<T>(x: T) -> usize {
    let v = vec![x];
    keep_len(&v, v)
}

#[jit]
fn keep_len<T>(xs: &[T], v: Vec<T>) -> usize {
    xs.len() + v.len()
}

#[test]
fn generic_bodies_refuse_moving_a_lent_vec() {
    let _m = memory_test();
    let m = panic_message(|| {
        lend_and_move(1.0);
    });
    assert!(
        m.contains("cannot move out of `v` because it is borrowed"),
        "{m}"
    );
    assert_no_leaks();
}

#[jit]
fn count_particles(v: Vec<Particle>) -> usize {
    v.len()
}

#[jit]
fn push_lent(at: *mut u8) -> usize {
    let mut v = Vec::new();
    v.push(Particle::new(1.0));
    let lent = unsafe { jitclass::unsafe_cast::<Particle>(at) };
    v.push(lent);
    v.len()
}

#[test]
fn a_vec_refuses_unmanaged_instances() {
    use std::mem::MaybeUninit;
    let _m = memory_test();
    let before = jitclass::stats();
    let mut memory: Box<MaybeUninit<jitclass::Payload<Particle>>> = Box::new(MaybeUninit::zeroed());
    {
        // SAFETY: zeroed memory is a valid payload of `Particle` (one number), and
        // `lent` is dropped in this block, before `memory`.
        let lent = unsafe { jitclass::unsafe_cast::<Particle>(memory.as_mut_ptr().cast()) };
        let m = panic_message(std::panic::AssertUnwindSafe(|| {
            count_particles(vec![Particle::new(0.0), lent.clone()]);
        }));
        assert!(m.contains("cannot be stored in a `Vec`"), "{m}");
        let at = memory.as_mut_ptr().cast::<u8>();
        let m = panic_message(move || {
            push_lent(at);
        });
        assert!(m.contains("cannot be stored in a `Vec`"), "{m}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jitclass]
pub struct Swarm {
    bodies: Vec<Particle>,
}

#[jitclass]
impl Swarm {
    pub fn new(n: usize) -> Swarm {
        let mut bodies = Vec::with_capacity(n);
        for i in 0..n {
            bodies.push(Particle::new(i as f64));
        }
        Swarm { bodies }
    }
}

#[jit]
fn make_or_panic(i: usize) -> Particle {
    assert!(i != 5, "no particle {}", i);
    Particle::new(i as f64)
}

#[jit]
fn push_until_panic(n: usize) -> usize {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(make_or_panic(i));
    }
    v.len()
}

#[test]
fn big_and_interrupted_vecs_release_everything() {
    let _m = memory_test();
    let before = jitclass::stats();
    // An instance holding a million instances: released iteratively, no stack overflow.
    let swarm = Swarm::new(1_000_000);
    assert_eq!(swarm.bodies().len(), 1_000_000);
    drop(swarm);
    assert!(balanced_since(&before));
    // A panic while the pushed value is computed releases the `Vec` and what it holds.
    let m = panic_message(|| {
        push_until_panic(10);
    });
    assert!(m.starts_with("no particle 5"), "{m}");
    assert_eq!(push_until_panic(5), 5);
    assert!(balanced_since(&before));
    assert_no_leaks();
}

twice!(accessors, accessors_rs, fn(n: usize, i: usize) -> f64 {
    let mut v = Vec::new();
    for k in 0..n {
        v.push(k as f64 + 0.5);
    }
    let first = v.first().copied().unwrap_or(-1.0);
    let last = v.last().cloned().unwrap_or(-2.0);
    let at = match v.get(i).copied() {
        Some(x) => x,
        None => -4.0,
    };
    let grid = vec![v.clone(), v];
    let row = grid.get(1).cloned();
    let row_len = match row {
        Some(r) => r.len() as f64,
        None => -8.0,
    };
    first + last * 10.0 + at * 100.0 + row_len * 1000.0
});

#[test]
fn copied_accessors_are_rusts() {
    let _m = memory_test();
    for (n, i) in [(0, 0), (1, 0), (3, 1), (3, 3), (5, usize::MAX)] {
        assert_eq!(accessors(n, i), accessors_rs(n, i), "{n} {i}");
    }
    assert_no_leaks();
}
