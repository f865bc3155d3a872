//! `Vec`s of every element type crossing between Rust and jit code: parameters, results
//! and class fields, each function compiled by jitclass and by rustc from the same tokens;
//! where the buffer crosses without a copy and where the elements are converted.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{JitType, jit, jitclass};

macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(pairs, pairs_rs, fn(v: Vec<(i64, f64)>, k: f64) -> Vec<(i64, f64)> {
    let mut v = v;
    for i in 0..v.len() {
        v[i].1 *= k;
        v[i].0 += 1;
    }
    v.push((-1, k));
    v
});

twice!(maybes, maybes_rs, fn(v: Vec<Option<i32>>) -> Vec<Option<i32>> {
    let mut v = v;
    let mut s = 0;
    for o in &v {
        if let Some(x) = o {
            s += x;
        }
    }
    v.push(Some(s));
    v.push(None);
    v.swap(0, 1);
    v
});

twice!(rows, rows_rs, fn(m: Vec<Vec<f64>>, x: f64) -> Vec<Vec<f64>> {
    let mut m = m;
    for i in 0..m.len() {
        m[i].push(x);
    }
    m.push(vec![x; 2]);
    m
});

twice!(nested, nested_rs, fn(v: Vec<(i32, Option<Vec<f64>>)>) -> (Vec<Option<Vec<bool>>>, f64) {
    let mut out = Vec::new();
    let mut s = 0.0;
    for (k, o) in &v {
        match o {
            Some(w) => {
                let mut flags = Vec::new();
                for i in 0..w.len() {
                    s += w[i] * *k as f64;
                    flags.push(w[i] > 0.0);
                }
                out.push(Some(flags));
            }
            None => out.push(None),
        }
    }
    (out, s)
});

twice!(flags, flags_rs, fn(v: Vec<bool>) -> Vec<(bool, u8)> {
    let mut out = Vec::with_capacity(v.len());
    for i in 0..v.len() {
        out.push((!v[i], i as u8));
    }
    out
});

#[test]
fn vecs_of_every_element_type_cross_both_ways() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v = vec![(1, 0.5), (2, -1.5), (3, f64::MAX)];
    assert_eq!(pairs(v.clone(), 2.0), pairs_rs(v, 2.0));
    assert_eq!(pairs(Vec::new(), 1.0), pairs_rs(Vec::new(), 1.0));
    let v = vec![Some(1), None, Some(-7), Some(i32::MAX - 10)];
    assert_eq!(maybes(v.clone()), maybes_rs(v));
    assert_eq!(maybes(vec![None, None]), maybes_rs(vec![None, None]));
    let m = vec![vec![1.0, 2.0], vec![], vec![3.0]];
    assert_eq!(rows(m.clone(), 9.0), rows_rs(m, 9.0));
    assert_eq!(rows(Vec::new(), 1.0), rows_rs(Vec::new(), 1.0));
    let v = vec![
        (2, Some(vec![1.0, -2.0])),
        (5, None),
        (-1, Some(vec![])),
        (3, Some(vec![0.5])),
    ];
    assert_eq!(nested(v.clone()), nested_rs(v));
    let v = vec![true, false, false, true];
    assert_eq!(flags(v.clone()), flags_rs(v));
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jit]
fn same_pairs(v: Vec<(i64, f64)>) -> Vec<(i64, f64)> {
    v
}

#[jit]
fn same_rows(v: Vec<Vec<i64>>) -> Vec<Vec<i64>> {
    v
}

#[jit]
fn same_maybes(v: Vec<Option<f64>>) -> Vec<Option<f64>> {
    v
}

#[jit]
fn kept_rows(v: Vec<Vec<i64>>) -> (Vec<Vec<i64>>, Vec<Vec<i64>>) {
    let w = v.clone();
    (v, w)
}

#[test]
fn a_buffer_crosses_without_a_copy_where_rust_lays_the_elements_out_as_jit_code() {
    let _m = memory_test();
    let before = jitclass::stats();
    // A tuple of numbers that rustc lays out as C does is its own repr: the buffer itself
    // goes in and comes back.
    // (rustc keeps two fields of one alignment in order.)
    const { assert!(<(i64, f64)>::LAYOUT_IS_REPR) };
    let v: Vec<(i64, f64)> = (0..100).map(|i| (i, i as f64)).collect();
    let p = v.as_ptr();
    let back = same_pairs(v);
    assert_eq!((back.as_ptr(), back.len(), back[99]), (p, 100, (99, 99.0)));
    // A `Vec` of `Vec`s: the outer buffer is converted (a Rust `Vec` is 24 bytes, a jit
    // one a 16-byte reference), each inner `Vec` hands its own buffer over.
    const { assert!(!<Vec<i64>>::LAYOUT_IS_REPR) };
    let m: Vec<Vec<i64>> = (0..10).map(|i| (0..i).collect()).collect();
    let inner: Vec<*const i64> = m.iter().map(|r| r.as_ptr()).collect();
    let back = same_rows(m);
    assert_eq!(back.iter().map(|r| r.as_ptr()).collect::<Vec<_>>(), inner);
    assert_eq!(back[9], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // The capacity survives the conversion both ways.
    let mut m = Vec::with_capacity(40);
    m.push(vec![1i64]);
    assert!(same_rows(m).capacity() >= 40);
    // `Option`s are converted: rustc's layout of `Option<f64>` is its own.
    const { assert!(!<Option<f64>>::LAYOUT_IS_REPR) };
    let v = vec![Some(1.5), None, Some(f64::NAN)];
    let back = same_maybes(v);
    assert_eq!(
        (back[0], back[1], back[2].unwrap().is_nan()),
        (Some(1.5), None, true)
    );
    // A clone made in jit code comes back as its own `Vec`, deeply.
    let (a, b) = kept_rows(vec![vec![1, 2], vec![3]]);
    assert_eq!(
        (&a, &b),
        (&vec![vec![1, 2], vec![3]], &vec![vec![1, 2], vec![3]])
    );
    assert_ne!(a[0].as_ptr(), b[0].as_ptr());
    drop((back, a, b));
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jitclass]
pub struct Grid {
    pub cells: Vec<Vec<f64>>,
    pub marks: Vec<(i64, bool)>,
    pub slots: Vec<Option<Cell>>,
}

#[jitclass]
pub struct Cell {
    pub v: i64,
}

#[jitclass]
impl Cell {
    pub fn new(v: i64) -> Cell {
        Cell { v }
    }
}

#[jitclass]
impl Grid {
    pub fn new(n: usize) -> Grid {
        let mut cells = Vec::new();
        for i in 0..n {
            cells.push(vec![i as f64; i]);
        }
        Grid {
            cells,
            marks: Vec::new(),
            slots: vec![None; n],
        }
    }

    pub fn mark(&mut self, i: i64) {
        self.marks.push((i, i % 2 == 0));
        let n = self.slots.len() as i64;
        self.slots[(i % n) as usize] = Some(Cell::new(i));
        self.cells[0].push(i as f64);
    }

    pub fn total(&self) -> f64 {
        let mut s = 0.0;
        for row in &self.cells {
            for x in row {
                s += x;
            }
        }
        for (i, even) in &self.marks {
            if *even {
                s += *i as f64;
            }
        }
        for o in &self.slots {
            if let Some(c) = o {
                s += 1000.0 * c.v as f64;
            }
        }
        s
    }

    /// The field's `Vec` returned while the field keeps it: Rust gets a copy.
    pub fn cells_now(&self) -> Vec<Vec<f64>> {
        self.cells.clone()
    }
}

#[test]
fn vec_fields_of_every_element_type_are_read_and_written_from_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut g = Grid::new(3);
        g.mark(4);
        g.mark(5);
        assert_eq!(g.cells(), vec![vec![4.0, 5.0], vec![1.0], vec![2.0, 2.0]]);
        assert_eq!(g.marks(), [(4, true), (5, false)]);
        let slots = g.slots();
        assert_eq!(
            slots
                .iter()
                .map(|o| o.as_ref().map(Cell::v))
                .collect::<Vec<_>>(),
            [None, Some(4), Some(5)]
        );
        // The getter copies the `Vec`, not the instances: the same cell.
        slots[1].as_ref().unwrap().set_v(40);
        assert_eq!(g.total(), 14.0 + 4.0 + 1000.0 * 45.0);
        // A copy: the field changes after the read, the copy does not.
        let cells = g.cells();
        g.mark(6);
        assert_eq!(cells[0], [4.0, 5.0]);
        assert_eq!(g.cells_now()[0], [4.0, 5.0, 6.0]);
        // Setters move the new value in.
        g.set_cells(vec![vec![0.5], vec![]]);
        g.set_marks(vec![(10, true)]);
        g.set_slots(vec![Some(Cell::new(1)), None]);
        assert_eq!(g.total(), 0.5 + 10.0 + 1000.0);
        g.mark(3);
        assert_eq!(g.cells(), vec![vec![0.5, 3.0], vec![]]);
        assert_eq!(
            g.slots()
                .iter()
                .map(|o| o.as_ref().map(Cell::v))
                .collect::<Vec<_>>(),
            [Some(1), Some(3)]
        );
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jit]
fn count_some(v: Vec<Option<Cell>>) -> (usize, Vec<Option<Cell>>) {
    let mut n = 0;
    for o in &v {
        if o.is_some() {
            n += 1;
        }
    }
    (n, v)
}

#[test]
fn instances_in_converted_vecs_keep_their_counts() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let c = Cell::new(7);
        let v = vec![Some(c.clone()), None, Some(c.clone())];
        assert_eq!(Cell::strong_count(&c), Some(3));
        let (n, back) = count_some(v);
        assert_eq!(n, 2);
        assert_eq!(Cell::strong_count(&c), Some(3));
        assert!(Cell::ptr_eq(back[0].as_ref().unwrap(), &c));
        drop(back);
        assert_eq!(Cell::strong_count(&c), Some(1));
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}
