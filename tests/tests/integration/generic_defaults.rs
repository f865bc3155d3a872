//! `T::default()`, `<T as Default>::default()` and `Default::default()` in jit code for a
//! type parameter bounded by `Default` (numbers, `bool`, tuples, `Option`, `Vec`,
//! `String`, maps, classes deriving `Default`), and `#[derive(Default)]` on a generic
//! class with fields of its parameters' types, compared with rustc's build of the same
//! program.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::collections::HashMap;

#[jitclass]
#[derive(Default)]
pub struct Tally {
    pub total: f64,
    pub n: i64,
}

#[jitclass]
#[derive(Default)]
pub struct Duo<A, B> {
    pub a: A,
    pub b: B,
    pub pair: (A, i64),
    pub rest: Vec<B>,
}

/// Arrays of a parameter's type: the derive's default builds each element's.
#[jitclass]
#[derive(Default)]
pub struct Row<A> {
    pub cells: [A; 3],
    pub pairs: ([A; 2], i64),
}

#[jit]
fn rows(x: f64) -> f64 {
    let mut r = Row::<f64>::default();
    r.cells[1] += x;
    let t: Row<Tally> = Default::default();
    let mut v = Row::<Vec<i64>>::default();
    v.cells[2].push(4);
    v.pairs.0[1].push(5);
    r.cells[0]
        + r.cells[1]
        + t.cells[2].total
        + t.pairs.0[1].n as f64
        + (v.cells[2].len() + v.cells[0].len() + v.pairs.0[1].len()) as f64
}

#[jit]
fn fresh<T: Default>(_like: T) -> T {
    T::default()
}

#[jit]
fn qualified<T>(_like: T) -> T
where
    T: Default,
{
    <T as Default>::default()
}

#[jit]
fn scalars(x: f64, n: i64, b: bool) -> (f64, i64, bool, u8, f64) {
    let y: f64 = fresh(x);
    let m = fresh(n);
    let c = qualified(b);
    let z: u8 = Default::default();
    (y + x, m + n, c, z, f64::default())
}

#[jit]
fn containers(n: i64) -> (i64, usize, usize, usize, bool) {
    let o = fresh(Some(n));
    let v = fresh(vec![n, n]);
    let s = qualified(String::from("text"));
    let mut m: HashMap<i64, f64> = Default::default();
    m.insert(n, 1.0);
    let t = fresh((n, 2.5, Some(true)));
    let from_o = match o {
        Some(x) => x,
        None => -1,
    };
    (
        from_o + t.0,
        v.len(),
        s.len(),
        m.len(),
        t.2.is_none() && t.1 == 0.0,
    )
}

#[jit]
fn tallies(x: f64) -> f64 {
    let mut t = fresh(Tally { total: x, n: 3 });
    t.total += x;
    let u: Tally = Default::default();
    let w = <Tally as Default>::default();
    t.total + t.n as f64 + u.total + w.n as f64
}

#[jit]
fn duos(x: f64) -> f64 {
    let d: Duo<f64, i64> = Duo::default();
    let e = Duo::<i64, String>::default();
    let f: Duo<Tally, Vec<f64>> = Default::default();
    d.a + d.b as f64 + d.pair.0 + x + e.a as f64 + e.b.len() as f64 + f.a.total + f.b.len() as f64
}

/// Defaults of tuples and arrays holding instances and `Vec`s (each element's default,
/// a class's its derived `default()`), made in a loop that changes each one made.
#[jit]
fn aggregates(n: i64) -> f64 {
    let mut sum = 0.0;
    for i in 0..n {
        let mut t = fresh((Tally { total: 1.0, n: 1 }, vec![i], 7i32));
        t.0.total += i as f64;
        t.1.push(i);
        let mut a = fresh([Tally { total: 2.0, n: 2 }, Tally { total: 3.0, n: 3 }]);
        a[1].n += i;
        let mut vs = fresh([vec![1.5], vec![], vec![2.5, 3.5]]);
        vs[2].push(i as f64);
        let mut zs = fresh([[i, i], [i, i]]);
        zs[0][1] += i;
        let d = fresh((Duo::<i64, f64>::default(), [(1u8, Some(5i64)); 2]));
        sum += t.0.total
            + t.1.len() as f64
            + t.2 as f64
            + a[0].total
            + a[1].n as f64
            + vs[2].len() as f64
            + vs[0].len() as f64
            + (zs[0][1] + zs[1][0]) as f64
            + d.0.a as f64
            + d.1[1].0 as f64;
    }
    sum
}

/// The same program compiled by rustc.
mod rust {
    use std::collections::HashMap;

    #[derive(Default)]
    pub struct Tally {
        pub total: f64,
        pub n: i64,
    }

    #[derive(Default)]
    pub struct Duo<A, B> {
        pub a: A,
        pub b: B,
        pub pair: (A, i64),
        pub rest: Vec<B>,
    }

    #[derive(Default)]
    pub struct Row<A> {
        pub cells: [A; 3],
        pub pairs: ([A; 2], i64),
    }

    pub fn rows(x: f64) -> f64 {
        let mut r = Row::<f64>::default();
        r.cells[1] += x;
        let t: Row<Tally> = Default::default();
        let mut v = Row::<Vec<i64>>::default();
        v.cells[2].push(4);
        v.pairs.0[1].push(5);
        r.cells[0]
            + r.cells[1]
            + t.cells[2].total
            + t.pairs.0[1].n as f64
            + (v.cells[2].len() + v.cells[0].len() + v.pairs.0[1].len()) as f64
    }

    fn fresh<T: Default>(_like: T) -> T {
        T::default()
    }

    fn qualified<T>(_like: T) -> T
    where
        T: Default,
    {
        <T as Default>::default()
    }

    pub fn scalars(x: f64, n: i64, b: bool) -> (f64, i64, bool, u8, f64) {
        let y: f64 = fresh(x);
        let m = fresh(n);
        let c = qualified(b);
        let z: u8 = Default::default();
        (y + x, m + n, c, z, f64::default())
    }

    pub fn containers(n: i64) -> (i64, usize, usize, usize, bool) {
        let o = fresh(Some(n));
        let v = fresh(vec![n, n]);
        let s = qualified(String::from("text"));
        let mut m: HashMap<i64, f64> = Default::default();
        m.insert(n, 1.0);
        let t = fresh((n, 2.5, Some(true)));
        let from_o = o.unwrap_or(-1);
        (
            from_o + t.0,
            v.len(),
            s.len(),
            m.len(),
            t.2.is_none() && t.1 == 0.0,
        )
    }

    pub fn aggregates(n: i64) -> f64 {
        let mut sum = 0.0;
        for i in 0..n {
            let mut t = fresh((Tally { total: 1.0, n: 1 }, vec![i], 7i32));
            t.0.total += i as f64;
            t.1.push(i);
            let mut a = fresh([Tally { total: 2.0, n: 2 }, Tally { total: 3.0, n: 3 }]);
            a[1].n += i;
            let mut vs = fresh([vec![1.5], vec![], vec![2.5, 3.5]]);
            vs[2].push(i as f64);
            let mut zs = fresh([[i, i], [i, i]]);
            zs[0][1] += i;
            let d = fresh((Duo::<i64, f64>::default(), [(1u8, Some(5i64)); 2]));
            sum += t.0.total
                + t.1.len() as f64
                + t.2 as f64
                + a[0].total
                + a[1].n as f64
                + vs[2].len() as f64
                + vs[0].len() as f64
                + (zs[0][1] + zs[1][0]) as f64
                + d.0.a as f64
                + d.1[1].0 as f64;
        }
        sum
    }

    pub fn tallies(x: f64) -> f64 {
        let mut t = fresh(Tally { total: x, n: 3 });
        t.total += x;
        let u: Tally = Default::default();
        let w = <Tally as Default>::default();
        t.total + t.n as f64 + u.total + w.n as f64
    }

    pub fn duos(x: f64) -> f64 {
        let d: Duo<f64, i64> = Duo::default();
        let e = Duo::<i64, String>::default();
        let f: Duo<Tally, Vec<f64>> = Default::default();
        d.a + d.b as f64
            + d.pair.0
            + x
            + e.a as f64
            + e.b.len() as f64
            + f.a.total
            + f.b.len() as f64
    }
}

#[test]
fn defaults_of_type_parameters() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for (x, n, b) in [(1.5, 2, true), (-3.0, 0, false)] {
        assert_eq!(scalars(x, n, b), rust::scalars(x, n, b));
        assert_eq!(containers(n), rust::containers(n));
        assert_eq!(tallies(x), rust::tallies(x));
    }
    assert!(balanced_since(&before));
}

#[test]
fn derived_default_with_fields_of_parameters() {
    let _memory = memory_test();
    let before = jitclass::stats();
    {
        for x in [0.0, 2.5] {
            assert_eq!(duos(x), rust::duos(x));
        }
        let d = Duo::<f64, i64>::default();
        let rd = rust::Duo::<f64, i64>::default();
        assert_eq!(
            (d.a(), d.b(), d.pair(), d.rest()),
            (rd.a, rd.b, rd.pair, rd.rest)
        );
        let e: Duo<String, Option<i64>> = Default::default();
        assert_eq!((e.a(), e.b()), (String::new(), None));
        let f = Duo::<Tally, bool>::default();
        assert_eq!((f.a().total(), f.a().n(), f.b()), (0.0, 0, false));
    }
    assert!(balanced_since(&before));
}

#[test]
fn defaults_of_tuples_and_arrays_holding_instances() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 4] {
        assert_eq!(aggregates(n), rust::aggregates(n));
    }
    for x in [0.0, 2.5] {
        assert_eq!(rows(x), rust::rows(x));
    }
    {
        let r = Row::<Tally>::default();
        let cells = r.cells();
        assert_eq!((cells[0].total(), cells[2].n(), r.pairs().1), (0.0, 0, 0));
    }
    assert!(balanced_since(&before));
}
