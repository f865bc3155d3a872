//! A sort evaluates its receiver once, as rustc's `IndexMut` / `&mut self` does: the index of `v[f()].sort()` is evaluated once, and the sort works on the `Vec` it was called on.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};

/// Counts the indices it picks: a call whose count shows how often an index is evaluated.
#[jitclass]
pub struct Picks {
    pub calls: i64,
}

#[jitclass]
impl Picks {
    pub fn new() -> Picks {
        Picks { calls: 0 }
    }
    pub fn pick(&mut self, k: i64) -> usize {
        self.calls += 1;
        k as usize
    }
}

macro_rules! twice {
    ($jit:ident, $rust:ident, fn $params:tt -> $r:ty $body:block) => {
        #[jit]
        fn $jit $params -> $r $body
        #[allow(clippy::all, unused_mut)]
        fn $rust $params -> $r $body
    };
}

fn rows() -> Vec<Vec<i64>> {
    (0..4)
        .map(|r| (0..40).map(|i| (i * 7919 + r * 13) % 37).collect())
        .collect()
}

// Every sort method at an index picked by a call: jit comparators (the prelude) and
// std's algorithms (`sort()`, `select_nth_unstable`), each with one call of `pick`.
twice!(sorts_at_picked_rows, sorts_at_picked_rows_rs, fn(mut rows: Vec<Vec<i64>>, mut p: Picks) -> Vec<Vec<i64>> {
    rows[p.pick(1)].sort_by(|a, b| (b % 5).cmp(&(a % 5)).then(a.cmp(b)));
    rows[p.pick(0)].sort_by_key(|x| x % 3);
    rows[p.pick(2)].sort();
    rows[p.pick(3)].select_nth_unstable(7);
    let k = p.pick(20);
    rows[p.pick(3)].select_nth_unstable_by(k, |a, b| b.cmp(a));
    rows
});

/// Rows of a class sorted at an index a call picks (`self.rows[self.picks.pick(..)]`).
#[jitclass]
pub struct Table {
    pub rows: Vec<Vec<i64>>,
    pub picks: Picks,
}

#[jitclass]
impl Table {
    pub fn new(rows: Vec<Vec<i64>>) -> Table {
        Table {
            rows,
            picks: Picks::new(),
        }
    }
    pub fn sort_picked(&mut self) {
        self.rows[self.picks.pick(2)].sort_unstable_by(|a, b| b.cmp(a));
        self.rows[self.picks.pick(1)].sort_by_key(|x| -x);
        self.rows[self.picks.pick(0)].sort_unstable();
    }
}

/// The plain-Rust copy of `Table::sort_picked`.
fn sort_picked_rs(rows: &mut [Vec<i64>], calls: &mut i64) {
    let mut pick = |k: usize| {
        *calls += 1;
        k
    };
    rows[pick(2)].sort_unstable_by(|a, b| b.cmp(a));
    rows[pick(1)].sort_by_key(|x| -x);
    rows[pick(0)].sort_unstable();
}

/// Valid: `v[f()].sort_by(..)` evaluates `f()` once, as rustc's build does, for every sort
/// method, in a fn and in a method (`self.rows[self.picks.pick(..)]`).
#[test]
fn a_sort_at_a_called_index_calls_it_once() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let p = Picks::new();
        let q = Picks::new();
        let got = sorts_at_picked_rows(rows(), p.clone());
        let want = sorts_at_picked_rows_rs(rows(), q.clone());
        assert_eq!(p.calls(), 6);
        assert_eq!(p.calls(), q.calls());
        // Sorts give rustc's rows exactly; a selection its element at `k`, smaller ones
        // before it and larger after (the rest of the order is unspecified, as in Rust).
        assert_eq!(got[..3], want[..3]);
        assert_eq!(got[3][20], want[3][20]);
        assert!(got[3][..20].iter().all(|x| *x >= got[3][20]));
        assert!(got[3][21..].iter().all(|x| *x <= got[3][20]));
        let (mut g, mut w) = (got[3].clone(), want[3].clone());
        g.sort();
        w.sort();
        assert_eq!(g, w);

        let t = Table::new(rows());
        t.clone().sort_picked();
        let mut want = rows();
        let mut calls = 0;
        sort_picked_rs(&mut want, &mut calls);
        assert_eq!(t.picks().calls(), calls);
        assert_eq!(t.rows(), want);
    }
    assert!(balanced_since(&before));
}

/// An index out of bounds panics once, before the sort, with rustc's message.
#[jit]
fn sort_past_the_end(mut rows: Vec<Vec<i64>>, mut p: Picks) -> i64 {
    rows[p.pick(9)].sort_by(|a, b| b.cmp(a));
    0
}

#[test]
fn a_sort_at_an_index_out_of_bounds_panics_as_rustc() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let p = Picks::new();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            sort_past_the_end(rows(), p.clone())
        }));
        let e = r.unwrap_err();
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        assert!(
            msg.starts_with("index out of bounds: the len is 4 but the index is 9"),
            "{msg}"
        );
        assert_eq!(p.calls(), 1);
    }
    assert!(balanced_since(&before));
}
