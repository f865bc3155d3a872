//! Review of fixed arrays (constants, memory-only arrays, counted elements, `Vec<[T; N]>`):
//! probes from the public API, compared with rustc's build, with `stats()` balanced.

use crate::{balanced_since, memory_test};
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

#[jitclass]
pub struct Cell2 {
    pub x: f64,
}

#[jitclass]
impl Cell2 {
    pub fn new(x: f64) -> Cell2 {
        Cell2 { x }
    }
}

/// A class holding a grid of instances, a Vec of arrays and an optional array.
#[jitclass]
pub struct Grid {
    pub cells: [[Cell2; 2]; 2],
    pub rows: Vec<[Cell2; 2]>,
    pub spare: Option<[Cell2; 2]>,
    pub pair: ([Cell2; 2], f64),
}

#[jitclass]
impl Grid {
    pub fn new() -> Grid {
        Grid {
            cells: [
                [Cell2::new(0.0), Cell2::new(1.0)],
                [Cell2::new(2.0), Cell2::new(3.0)],
            ],
            rows: Vec::new(),
            spare: None,
            pair: ([Cell2::new(7.0), Cell2::new(8.0)], 1.0),
        }
    }

    pub fn replace(&mut self, i: usize, j: usize, x: f64) {
        self.cells[i][j] = Cell2::new(x);
    }

    pub fn replace_row(&mut self, i: usize, x: f64) {
        self.cells[i] = [Cell2::new(x), Cell2::new(x + 1.0)];
    }

    pub fn swap_rows(&mut self) {
        let r0 = self.cells[0].clone();
        self.cells[0] = self.cells[1].clone();
        self.cells[1] = r0;
    }

    pub fn push_row(&mut self, x: f64) {
        self.rows.push([Cell2::new(x), Cell2::new(-x)]);
    }

    pub fn set_in_rows(&mut self, i: usize, j: usize, x: f64) {
        self.rows[i][j] = Cell2::new(x);
    }

    pub fn pop_row(&mut self) -> f64 {
        match self.rows.pop() {
            Some(r) => r[0].x + r[1].x,
            None => 0.0,
        }
    }

    pub fn keep_spare(&mut self) {
        self.spare = Some(self.cells[1].clone());
    }

    pub fn take_spare(&mut self) -> f64 {
        let old = self.spare.clone();
        self.spare = None;
        match old {
            Some(r) => r[0].x + r[1].x,
            None => -1.0,
        }
    }

    pub fn renew_pair(&mut self, x: f64) {
        self.pair.0[1] = Cell2::new(x);
        self.pair = ([Cell2::new(x), self.pair.0[1].clone()], x);
    }

    pub fn sum(&self) -> f64 {
        let mut s = 0.0;
        for row in &self.cells {
            for c in row {
                s += c.x;
            }
        }
        for row in &self.rows {
            s += row[0].x * 10.0 + row[1].x;
        }
        s + self.pair.0[0].x + self.pair.0[1].x + self.pair.1
    }
}

#[test]
fn ok_grid_of_instances_balances() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut g = Grid::new();
        assert_eq!(g.sum(), 6.0 + 16.0);
        g.replace(1, 0, 5.0);
        assert_eq!(g.sum(), 9.0 + 16.0);
        g.replace_row(0, 10.0);
        assert_eq!(g.sum(), 21.0 + 8.0 + 16.0);
        g.swap_rows();
        assert_eq!(g.sum(), 21.0 + 8.0 + 16.0);
        g.push_row(2.0);
        g.push_row(3.0);
        g.set_in_rows(1, 1, 4.0);
        assert_eq!(g.sum(), 29.0 + 18.0 + 34.0 + 16.0);
        assert_eq!(g.pop_row(), 7.0);
        g.keep_spare();
        assert_eq!(g.take_spare(), 21.0);
        assert_eq!(g.take_spare(), -1.0);
        g.keep_spare();
        g.renew_pair(2.0);
        assert_eq!(g.pair().1, 2.0);
        let cells = g.cells();
        g.set_cells(cells.clone());
        g.set_rows(vec![[Cell2::new(1.0), Cell2::new(2.0)]]);
        g.set_spare(None);
        drop(cells);
    }
    assert!(balanced_since(&before));
}

#[jit]
fn overwrite_locals(k: f64) -> f64 {
    let mut a = [Cell2::new(k), Cell2::new(2.0)];
    let b = [Cell2::new(3.0), Cell2::new(4.0)];
    a[0] = Cell2::new(5.0);
    a = b;
    let mut t = (a, 1.0);
    t.0[1] = Cell2::new(9.0);
    let o = Some(t.0);
    match o {
        Some(arr) => arr[0].x + arr[1].x,
        None => 0.0,
    }
}

#[jit]
fn loop_panics(n: usize) -> f64 {
    let a = [Cell2::new(1.0), Cell2::new(2.0), Cell2::new(3.0)];
    let mut s = 0.0;
    for c in a {
        if c.x as usize == n {
            panic!("at {}", n);
        }
        s += c.x;
    }
    s
}

#[jit]
fn vec_of_arrays_panics(n: usize) -> f64 {
    let mut v = Vec::new();
    for i in 0..4 {
        v.push([Cell2::new(i as f64), Cell2::new(1.0)]);
    }
    let mut s = 0.0;
    for row in v {
        if row[0].x as usize == n {
            panic!("row {}", n);
        }
        s += row[0].x + row[1].x;
    }
    s
}

#[test]
fn ok_local_arrays_of_instances_balance() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(overwrite_locals(1.0), 12.0);
    assert_eq!(loop_panics(9), 6.0);
    assert!(std::panic::catch_unwind(|| loop_panics(2)).is_err());
    assert_eq!(vec_of_arrays_panics(9), 10.0);
    assert!(std::panic::catch_unwind(|| vec_of_arrays_panics(2)).is_err());
    assert!(balanced_since(&before));
}

/// A generic body (rustc does not check it): moving an array, then reading the source.
#[jit]
fn move_then_use<T>(x: T) -> T {
    let a = [Cell2::new(1.0), Cell2::new(2.0)];
    let b = a;
    let c = a;
    let _ = b[1].x + c[0].x;
    x
}

#[jit]
fn move_generic_then_use<T>(x: [T; 2]) -> [T; 2] {
    let b = x;
    let _c = x;
    b
}

/// The same with one instance in place of the array.
#[jit]
fn move_instance_then_use<T>(x: T) -> T {
    let a = Cell2::new(1.0);
    let b = a;
    let c = a;
    let _ = b.x + c.x;
    x
}

fn refusal<R>(f: impl FnOnce() -> R + std::panic::UnwindSafe) -> String {
    let message = std::panic::catch_unwind(f).err().expect("refused");
    message.downcast_ref::<String>().expect("a message").clone()
}

/// Rustc refuses a use of a moved instance, or array of them (E0382); in a generic body,
/// which rustc never sees, jitclass ran it (counted, so no double free, but not Rust).
#[test]
fn moves_of_instances_in_generic_bodies_are_rusts_e0382() {
    let _m = memory_test();
    let before = jitclass::stats();
    let message = refusal(|| move_instance_then_use(1.0));
    assert!(message.contains("use of moved value: `a`"), "{message}");
    let message = refusal(|| move_then_use(1.0));
    assert!(message.contains("use of moved value: `a`"), "{message}");
    let message = refusal(|| move_generic_then_use([Cell2::new(1.0), Cell2::new(2.0)]));
    assert!(message.contains("use of moved value: `x`"), "{message}");
    // As before: a `Vec`'s move was already checked.
    let message = refusal(|| move_generic_then_use([vec![1.0], vec![2.0]]));
    assert!(message.contains("use of moved value: `x`"), "{message}");
    // Copy elements copy.
    assert_eq!(move_generic_then_use([1.0, 2.0]), [1.0, 2.0]);
    assert!(balanced_since(&before));
}

twice!(big_matrix, big_matrix_rs, fn(x: f64) -> f64 {
    let mut m = [[0.0f64; 1024]; 1024];
    for i in 0..1024 {
        m[i][(i * 7) % 1024] = x + i as f64;
    }
    let mut s = 0.0;
    for row in &m {
        for e in row {
            s += e;
        }
    }
    s
});

#[test]
fn ok_a_megabyte_matrix_local() {
    let r = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| (big_matrix(0.5), big_matrix_rs(0.5)))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(r.0, r.1);
}

#[jit]
fn vec_rows_round(rows: [Vec<f64>; 2], k: f64) -> [Vec<f64>; 2] {
    let mut r = rows;
    r[0].push(k);
    r[1] = vec![k; 3];
    r
}

#[test]
fn ok_arrays_of_vecs_cross_both_ways() {
    let _m = memory_test();
    let before = jitclass::stats();
    let a = vec_rows_round([vec![1.0], vec![2.0, 3.0]], 4.0);
    assert_eq!(a, [vec![1.0, 4.0], vec![4.0; 3]]);
    let b = vec_rows_round(a, 5.0);
    assert_eq!(b, [vec![1.0, 4.0, 5.0], vec![5.0; 3]]);
    assert!(balanced_since(&before));
}

twice!(u32_consts, u32_consts_rs, fn(x: u32) -> u32 {
    const K: u32 = 7;
    const L: usize = K as usize + 1;
    let a = [x; L];
    a.len() as u32 * K + a[L - 1] + consts_a::BIG / 1_000_000
});

mod consts_a {
    pub const N: usize = 3;
    pub const BIG: u32 = 4_000_000_000;
}
mod consts_b {
    pub const M: usize = super::consts_a::N * 2;
    pub const W: u64 = super::consts_a::BIG as u64 * 2;
}

const N: usize = 4;

twice!(shadowed_consts, shadowed_consts_rs, fn(x: i64) -> i64 {
    let a = { const N: usize = 2; [x; N] };
    let b = { const N: usize = 5; [x; N] };
    let c = [x; N];
    let d = [[x; consts_a::N]; consts_b::M];
    (a.len() * 1000 + b.len() * 100 + c.len() * 10 + d.len() + d[0].len()) as i64
        + consts_b::W as i64
});

twice!(inner_consts_name_outer, inner_consts_name_outer_rs, fn(x: i64) -> i64 {
    const A: usize = 3;
    let r = {
        const A: usize = 10;
        const B: usize = A + 1;
        [x; B].len()
    };
    const B: usize = A * 2;
    (r * 100 + [0u8; B].len()) as i64 + x
});

twice!(nested_in_place, nested_in_place_rs, fn(x: f64) -> f64 {
    let mut m = [[0.0f64; 3]; 2];
    m[1][2] = x;
    m[0] = m[1];
    m[0][0] += 1.0;
    let mut v = vec![m, m];
    v[1][0][1] = 5.0;
    v[0][1] = [x; 3];
    let mut t = vec![(m[0], 1u8)];
    t[0].0[2] *= 3.0;
    let mut s = 0.0;
    for mm in &v {
        for row in mm {
            for e in row {
                s += e;
            }
        }
    }
    s * 1000.0 + t[0].0[2] + m[0][0] + m[1][0]
});

struct Sizes;
impl Sizes {
    const ROWS: usize = 3;
}

#[jitclass]
pub struct Win {
    pub buf: [f64; Win::LEN],
}

#[jitclass]
impl Win {
    pub fn new() -> Win {
        Win {
            buf: [0.0; Self::LEN],
        }
    }
    pub fn len_both(&self) -> usize {
        self.buf.len() * 10 + Sizes::ROWS
    }
}

impl Win {
    const LEN: usize = 5;
}

#[test]
fn ok_consts_across_modules_and_shadows() {
    let _m = memory_test();
    assert_eq!(shadowed_consts(1), shadowed_consts_rs(1));
    assert_eq!(inner_consts_name_outer(1), inner_consts_name_outer_rs(1));
    assert_eq!(nested_in_place(2.0), nested_in_place_rs(2.0));
    assert_eq!(Win::new().len_both(), 53);
    assert_eq!(u32_consts(3), u32_consts_rs(3));
}

#[jit]
fn assign_out_of_bounds(i: usize, j: usize) -> f64 {
    let mut a = [Cell2::new(1.0), Cell2::new(2.0)];
    let mut v = vec![[Cell2::new(3.0), Cell2::new(4.0)]];
    let mut t = vec![([Cell2::new(5.0), Cell2::new(6.0)], 0.5)];
    a[i] = Cell2::new(7.0);
    v[i][j] = Cell2::new(8.0);
    t[i].0[j] = Cell2::new(9.0);
    v[0] = [a[1].clone(), Cell2::new(10.0)];
    a[0].x + a[1].x + v[0][0].x + v[0][1].x + t[0].0[0].x + t[0].0[1].x + t[0].1
}

#[test]
fn ok_index_assignments_past_the_end_release_the_value() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(
        assign_out_of_bounds(0, 1),
        7.0 + 2.0 + 2.0 + 10.0 + 5.0 + 9.0 + 0.5
    );
    for (i, j) in [(2, 0), (1, 0), (0, 2)] {
        let message = refusal(move || assign_out_of_bounds(i, j));
        assert!(message.contains("index out of bounds"), "{message}");
    }
    let mut g = Grid::new();
    let message = refusal(std::panic::AssertUnwindSafe(|| g.replace(0, 2, 1.0)));
    assert!(
        message.contains("index out of bounds: the len is 2 but the index is 2"),
        "{message}"
    );
    let message = refusal(std::panic::AssertUnwindSafe(|| g.set_in_rows(0, 0, 1.0)));
    assert!(
        message.contains("index out of bounds: the len is 0 but the index is 0"),
        "{message}"
    );
    drop(g);
    assert!(balanced_since(&before));
}

#[jit]
fn optional_row(k: f64, keep: bool) -> Option<[Cell2; 2]> {
    if keep {
        Some([Cell2::new(k), Cell2::new(k * 2.0)])
    } else {
        None
    }
}

#[jit]
fn row_sum(r: Option<[Cell2; 2]>, t: ([Cell2; 2], Vec<[f64; 2]>)) -> f64 {
    let mut s = 0.0;
    if let Some(r) = r {
        s += r[0].x + r[1].x;
    }
    for p in &t.1 {
        s += p[0] * p[1];
    }
    s + t.0[1].x
}

#[test]
fn ok_options_and_tuples_of_arrays_cross() {
    let _m = memory_test();
    let before = jitclass::stats();
    let r = optional_row(1.5, true);
    assert_eq!(
        r.as_ref().map(|r| r.each_ref().map(|c| c.x())),
        Some([1.5, 3.0])
    );
    assert!(optional_row(1.0, false).is_none());
    let t = (
        [Cell2::new(1.0), Cell2::new(2.0)],
        vec![[2.0, 3.0], [1.0, 1.0]],
    );
    assert_eq!(row_sum(r, t.clone()), 4.5 + 7.0 + 2.0);
    assert_eq!(Cell2::strong_count(&t.0[1]), Some(1));
    drop(t);
    assert!(balanced_since(&before));
}

// The body's `N` is not in scope in the signature, which names the module's.
twice!(signature_and_body_consts, signature_and_body_consts_rs, fn(a: [i64; N]) -> [i64; N] {
    const N: usize = 2;
    let b = [1i64; N];
    let mut out = a;
    out[3] = (a.len() * 10 + b.len()) as i64;
    out
});

#[test]
fn ok_a_body_const_does_not_shadow_the_signatures() {
    assert_eq!(
        signature_and_body_consts([1, 2, 3, 4]),
        signature_and_body_consts_rs([1, 2, 3, 4])
    );
}

#[jitclass]
impl Cell2 {
    pub fn get(&self) -> f64 {
        self.x
    }
}

/// Moves that rustc accepts stay accepted in a generic body now that instances are
/// followed there: reads of fields and `&self` methods before a move, reassignment after
/// one, a move on one path of a branch only, borrows of an `Option`.
#[jit]
fn accepted_moves<T>(x: T, c: bool) -> f64 {
    let mut a = Cell2::new(1.0);
    let s = a.x + a.get();
    let b = a;
    a = Cell2::new(2.0);
    let o = Some(a);
    let mut t = 0.0;
    if let Some(p) = o.clone() {
        t += p.x;
    }
    let arr = [b, Cell2::new(3.0)];
    let kept = if c {
        arr
    } else {
        [Cell2::new(4.0), Cell2::new(5.0)]
    };
    let _ = x;
    s + t + kept[0].x + kept[1].get() + o.unwrap().x
}

#[test]
fn ok_moves_rustc_accepts_in_generic_bodies() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(accepted_moves(0u8, true), 2.0 + 2.0 + 1.0 + 3.0 + 2.0);
    assert_eq!(accepted_moves(0u8, false), 2.0 + 2.0 + 4.0 + 5.0 + 2.0);
    assert!(balanced_since(&before));
}
