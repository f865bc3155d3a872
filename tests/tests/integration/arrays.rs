//! Fixed arrays `[T; N]` in jit code: each function is compiled twice from the same
//! tokens, by jitclass and by rustc, and the results (and panic messages) compared.

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

twice!(literals, literals_rs, fn(k: f64) -> f64 {
    let a = [1.0, 2.0, k];
    let b = [k; 4];
    let c: [f64; 0] = [];
    let mut s = 0.0;
    for i in 0..a.len() {
        s += a[i] * (i as f64 + 1.0);
    }
    for x in b {
        s += x;
    }
    s + c.len() as f64 + b.len() as f64
});

twice!(assign, assign_rs, fn(i: usize, x: i64) -> i64 {
    let mut a = [0i64; 5];
    a[i] = x;
    a[(i + 1) % 5] += 3;
    a[(i + 2) % 5] -= x * 2;
    a[(i + 3) % 5] *= 7;
    let mut s = 0;
    let b = [a[0], a[1], a[2], a[3], a[4]];
    for j in 0..b.len() {
        s += b[j] * (j as i64 + 1);
    }
    s
});

twice!(copies, copies_rs, fn(x: f64) -> f64 {
    let mut a = [x, x + 1.0, x + 2.0];
    let b = a;
    a[0] = 100.0;
    let mut c = b;
    c[1] = -1.0;
    a[0] + b[0] * 10.0 + c[1] * 100.0 + b[1] * 1000.0
});

twice!(loops, loops_rs, fn(n: i32) -> i32 {
    let mut a = [n, n * 2, n * 3, n * 4];
    for x in &mut a {
        *x += 1;
    }
    for x in a.iter_mut() {
        *x *= 2;
    }
    let mut s = 0;
    for x in &a {
        s += x;
    }
    for &x in a.iter() {
        s += x;
    }
    for x in a {
        s += x;
    }
    s
});

twice!(matrix, matrix_rs, fn(k: f64) -> f64 {
    let mut m = [[0.0f64; 3]; 3];
    for i in 0..3 {
        for j in 0..3 {
            m[i][j] = (i * 3 + j) as f64 * k;
        }
    }
    let mut t = m;
    for i in 0..3 {
        for j in 0..3 {
            t[i][j] = m[j][i];
        }
    }
    let mut s = 0.0;
    for i in 0..3 {
        for j in 0..3 {
            s += t[i][j] * m[i][j];
        }
    }
    s + t[2][0]
});

twice!(elements, elements_rs, fn(x: i32) -> i32 {
    let flags = [true, false, x > 2];
    let pairs = [(1u8, 2.5f64), (x as u8, 0.5)];
    let opts = [Some(x), None, Some(3)];
    let mut s = 0;
    for f in flags {
        if f {
            s += 1;
        }
    }
    for p in pairs {
        s += p.0 as i32 + p.1 as i32;
    }
    for o in opts {
        if let Some(v) = o {
            s += v;
        }
    }
    let t = (x, [x, x + 1]);
    s + t.1[1] + flags.len() as i32
});

twice!(equality, equality_rs, fn(x: f64) -> i32 {
    let a = [1.0, x, 3.0];
    let b = [1.0, 2.0, 3.0];
    let nan = [f64::NAN];
    let mut s = 0;
    if a == b {
        s += 1;
    }
    if a != b {
        s += 10;
    }
    if nan == nan {
        s += 100;
    }
    s
});

#[jit]
fn sum(xs: &[f64]) -> f64 {
    let mut s = 0.0;
    for x in xs {
        s += x;
    }
    s
}

#[jit]
fn double_all(xs: &mut [f64]) {
    for i in 0..xs.len() {
        xs[i] *= 2.0;
    }
}

twice!(slices, slices_rs, fn(a0: usize, b0: usize) -> f64 {
    let mut a = [1.0, 2.0, 3.0, 4.0];
    double_all(&mut a);
    double_all(&mut a[..2]);
    sum(&a) + sum(&a[a0..b0]) * 100.0
});

twice!(params, params_rs, fn(a: [f64; 4], i: usize) -> [f64; 4] {
    let mut b = a;
    b[i] += 10.0;
    b
});

twice!(nested_params, nested_params_rs, fn(m: [[i32; 2]; 2]) -> ([i32; 2], bool) {
    ([m[0][0] + m[1][1], m[0][1] * m[1][0]], m[0] == m[1])
});

twice!(index_oob, index_oob_rs, fn(i: usize) -> u8 {
    let a = [1u8, 2, 3];
    a[i]
});

twice!(assign_oob, assign_oob_rs, fn(i: usize) -> u8 {
    let mut a = [1u8, 2, 3];
    a[i] = 9;
    a[0]
});

twice!(range_oob, range_oob_rs, fn(s: usize, e: usize) -> f64 {
    let a = [1.0, 2.0, 3.0];
    sum(&a[s..e])
});

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let err = std::panic::catch_unwind(f).expect_err("panics");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn array_locals_behave_as_rustc_builds_them() {
    for k in [0.0, 1.5, -3.0] {
        assert_eq!(literals(k), literals_rs(k));
        assert_eq!(copies(k), copies_rs(k));
        assert_eq!(matrix(k), matrix_rs(k));
    }
    for i in 0..5 {
        assert_eq!(assign(i, 11), assign_rs(i, 11));
    }
    for n in [-2, 0, 5] {
        assert_eq!(loops(n), loops_rs(n));
        assert_eq!(elements(n), elements_rs(n));
    }
    for x in [2.0, 2.5, f64::NAN] {
        assert_eq!(equality(x), equality_rs(x));
    }
    assert_no_leaks();
}

#[test]
fn arrays_lend_slices_and_cross_by_value() {
    for (a, b) in [(0, 4), (1, 3), (2, 2)] {
        assert_eq!(slices(a, b), slices_rs(a, b));
    }
    let a = [1.0, 2.0, 3.0, 4.0];
    for i in 0..4 {
        assert_eq!(params(a, i), params_rs(a, i));
    }
    for m in [[[1, 2], [3, 4]], [[5, 6], [5, 6]]] {
        assert_eq!(nested_params(m), nested_params_rs(m));
    }
    assert_no_leaks();
}

#[test]
fn array_panics_are_rusts() {
    for i in [3usize, 7, usize::MAX] {
        let jit = panic_message(move || {
            index_oob(i);
        });
        let rust = panic_message(move || {
            index_oob_rs(i);
        });
        assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
        let jit = panic_message(move || {
            assign_oob(i);
        });
        let rust = panic_message(move || {
            assign_oob_rs(i);
        });
        assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
    }
    assert_eq!(index_oob(2), 3);
    for (s, e) in [(2, 1), (0, 4), (4, 5)] {
        let jit = panic_message(move || {
            range_oob(s, e);
        });
        let rust = panic_message(move || {
            range_oob_rs(s, e);
        });
        assert!(jit.starts_with(&rust), "{jit:?} / {rust:?}");
    }
    assert_no_leaks();
}

/// A class with array fields, laid out inline in its payload.
#[jitclass]
pub struct Histogram {
    pub counts: [u32; 8],
    pub edges: [f64; 2],
    pub seen: [[bool; 2]; 3],
    pub total: u64,
}

#[jitclass]
impl Histogram {
    pub fn new(lo: f64, hi: f64) -> Histogram {
        Histogram {
            counts: [0; 8],
            edges: [lo, hi],
            seen: [[false; 2]; 3],
            total: 0,
        }
    }

    pub fn add(&mut self, x: f64) {
        let w = (self.edges[1] - self.edges[0]) / self.counts.len() as f64;
        let mut i = ((x - self.edges[0]) / w) as usize;
        if i >= self.counts.len() {
            i = self.counts.len() - 1;
        }
        self.counts[i] += 1;
        self.seen[i % 3][i % 2] = true;
        self.total += 1;
    }

    pub fn max_bin(&self) -> u32 {
        let mut m = 0;
        for c in self.counts {
            if c > m {
                m = c;
            }
        }
        m
    }

    pub fn first_half(&self) -> u32 {
        let mut s = 0;
        for i in 0..4 {
            s += self.counts[i];
        }
        s
    }
}

/// Array fields at the offsets `#[repr(C)]` gives them, against a hand-written struct.
#[jitclass]
pub struct Packed {
    pub tag: u8,
    pub shorts: [u16; 3],
    pub grid: [[bool; 3]; 2],
    pub pairs: [(u8, f64); 2],
    pub none: [f32; 0],
    pub last: u8,
}

#[test]
fn array_fields_have_rusts_repr_c_layout() {
    use jitclass::Payload;
    use std::mem::{align_of, offset_of, size_of};
    #[repr(C)]
    struct Expected {
        tag: u8,
        shorts: [u16; 3],
        grid: [[bool; 3]; 2],
        pairs: [(u8, f64); 2],
        none: [f32; 0],
        last: u8,
    }
    // rustc's layout of the generated payload, against the hand-written struct.
    assert_eq!(size_of::<Payload<Packed>>(), size_of::<Expected>());
    assert_eq!(align_of::<Payload<Packed>>(), align_of::<Expected>());
    assert_eq!(
        [
            offset_of!(Payload<Packed>, tag),
            offset_of!(Payload<Packed>, shorts),
            offset_of!(Payload<Packed>, grid),
            offset_of!(Payload<Packed>, pairs),
            offset_of!(Payload<Packed>, none),
            offset_of!(Payload<Packed>, last),
        ],
        [
            offset_of!(Expected, tag),
            offset_of!(Expected, shorts),
            offset_of!(Expected, grid),
            offset_of!(Expected, pairs),
            offset_of!(Expected, none),
            offset_of!(Expected, last),
        ]
    );
    // jitclass's own layout (the one LLVM gets) against rustc's.
    let info = <Packed as jitclass::JitClass>::class_info();
    assert!(info.fields().is_ok(), "{:?}", info.fields().err());
}

#[test]
fn array_fields_live_in_the_payload() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut h = Histogram::new(0.0, 8.0);
        for x in [0.5, 1.5, 1.7, 7.9, 9.0, 3.2] {
            h.add(x);
        }
        assert_eq!(h.counts(), [1, 2, 0, 1, 0, 0, 0, 2]);
        assert_eq!(h.max_bin(), 2);
        assert_eq!(h.first_half(), 4);
        assert_eq!(h.total(), 6);
        assert_eq!(h.seen(), [[true, true], [false, true], [false, false]]);
        h.set_counts([9; 8]);
        assert_eq!(h.max_bin(), 9);
        assert_eq!(h.edges(), [0.0, 8.0]);
        let shown = format!("{h:?}");
        assert!(
            shown.contains("counts: [9, 9, 9, 9, 9, 9, 9, 9]"),
            "{shown}"
        );
    }
    assert!(balanced_since(&before));
}

twice!(options_of_arrays, options_of_arrays_rs, fn(o: Option<[u16; 2]>) -> Option<[u16; 3]> {
    match o {
        Some(a) => Some([a[0], a[1], a[0] + a[1]]),
        None => None,
    }
});

#[jit]
fn largest<T>(a: [T; 3]) -> T {
    let mut m = a[0];
    for x in a {
        if x > m {
            m = x;
        }
    }
    m
}

#[test]
fn arrays_in_options_and_generic_code() {
    assert_eq!(
        options_of_arrays(Some([1, 2])),
        options_of_arrays_rs(Some([1, 2]))
    );
    assert_eq!(options_of_arrays(None), None);
    assert_eq!(largest([1.5, -2.0, 9.0]), 9.0);
    assert_eq!(largest([7u8, 3, 5]), 7);
    assert_no_leaks();
}

#[jit]
fn first_of<T>(a: [T; 2]) -> T {
    a[0]
}

#[test]
fn arrays_of_instances_in_generic_code() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(first_of([Some(3), None]), Some(3));
    {
        let pair = [Histogram::new(0.0, 1.0), Histogram::new(0.0, 2.0)];
        let first = first_of(pair.clone());
        assert!(Histogram::ptr_eq(&first, &pair[0]));
        assert_eq!(Histogram::strong_count(&pair[0]), Some(2));
    }
    assert!(balanced_since(&before));
}

/// An array of instances as a field, laid out inline (their references) and released
/// with the instance.
#[jitclass]
pub struct Pairs {
    pub items: [Histogram; 2],
}

#[jitclass]
impl Pairs {
    pub fn new(items: [Histogram; 2]) -> Pairs {
        Pairs { items }
    }
}

#[test]
fn array_fields_of_instances() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let h = Histogram::new(0.0, 1.0);
        let pairs = Pairs::new([h.clone(), h.clone()]);
        assert_eq!(Histogram::strong_count(&h), Some(3));
        drop(pairs);
        assert_eq!(Histogram::strong_count(&h), Some(1));
    }
    assert!(balanced_since(&before));
}

#[jitclass]
pub struct Grid {
    pub cells: [f64; 4],
}

#[jitclass]
impl Grid {
    pub fn new() -> Grid {
        Grid { cells: [1.0; 4] }
    }

    #[getter]
    pub fn doubled(&self) -> [f64; 4] {
        let mut d = self.cells;
        for x in &mut d {
            *x *= 2.0;
        }
        d
    }

    pub fn poke(&mut self) {
        self.doubled[0] = 1.0;
    }
}

/// A `#[getter]`'s value is no place: assigning to an element of it is refused (at the
/// first call, as for a tuple field of one), never a store into a copy.
#[test]
fn an_element_of_a_getter_value_is_not_assigned() {
    let _m = memory_test();
    let before = jitclass::stats();
    let mut g = Grid::new();
    assert_eq!(g.doubled(), [2.0; 4]);
    let message = panic_message(std::panic::AssertUnwindSafe(|| g.poke()));
    assert!(message.contains("assigned in place"), "{message}");
    drop(g);
    assert!(balanced_since(&before));
}

twice!(fixed_len_of_float_literals, fixed_len_of_float_literals_rs, fn(k: f64) -> f64 {
    let mut a = [0.0; 4];
    for i in 0..a.len() {
        a[i] = i as f64 * k;
    }
    a[3] + [1; 2].len() as f64
});

/// `a.len()` on `[0.0; 4]`, whose element type is `{float}` until the literal defaults:
/// once a codegen error at the first call ("expression e5 was not resolved by inference").
#[test]
fn fixed_len_of_an_array_of_float_literals() {
    assert_eq!(
        fixed_len_of_float_literals(1.5),
        fixed_len_of_float_literals_rs(1.5)
    );
}
