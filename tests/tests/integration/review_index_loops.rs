//! Review of `for` loops after the index-loop refactor (`codegen/index_loops.rs`): loops
//! over Vecs, maps, tuples and arrays with `break`, `continue`, early `return` and panics,
//! compared with rustc's build of the same code.

use crate::{assert_no_leaks, memory_test};
use jitclass::jit;
use std::collections::HashMap;

/// The panic's message without jitclass's location lines.
fn panic_message<R>(f: impl FnOnce() -> R) -> String {
    let m = crate::panic_message(f);
    m.lines().next().unwrap_or_default().to_string()
}

macro_rules! loops_body {
    ($v:expr, $nested:expr, $m:expr, $stop:expr) => {{
        let (v, nested, m, stop): (Vec<String>, Vec<Vec<i64>>, HashMap<i64, String>, i64) =
            ($v, $nested, $m, $stop);
        let mut out = String::new();
        for s in v.iter() {
            if s.len() == 0 {
                continue;
            }
            if s.len() > 3 {
                break;
            }
            out.push_str(&s);
        }
        let mut total = 0;
        for row in &nested {
            for x in row.iter() {
                if *x == stop {
                    return (out, total, -1);
                }
                if *x < 0 {
                    continue;
                }
                total += *x;
            }
            total *= 2;
        }
        let mut lens = 0;
        for (k, s) in &m {
            if *k == stop {
                break;
            }
            lens += s.len() as i64 * *k;
        }
        for s in v {
            if s == "boom" {
                panic!("boom at {}", total);
            }
        }
        (out, total, lens)
    }};
}

fn loops_rs(
    v: Vec<String>,
    nested: Vec<Vec<i64>>,
    m: HashMap<i64, String>,
    stop: i64,
) -> (String, i64, i64) {
    loops_body!(v, nested, m, stop)
}

#[jit]
fn loops_jit(
    v: Vec<String>,
    nested: Vec<Vec<i64>>,
    m: HashMap<i64, String>,
    stop: i64,
) -> (String, i64, i64) {
    let mut out = String::new();
    for s in v.iter() {
        if s.len() == 0 {
            continue;
        }
        if s.len() > 3 {
            break;
        }
        out.push_str(&s);
    }
    let mut total = 0;
    for row in &nested {
        for x in row.iter() {
            if *x == stop {
                return (out, total, -1);
            }
            if *x < 0 {
                continue;
            }
            total += *x;
        }
        total *= 2;
    }
    let mut lens = 0;
    for (k, s) in &m {
        if *k == stop {
            break;
        }
        lens += s.len() as i64 * *k;
    }
    for s in v {
        if s == "boom" {
            panic!("boom at {}", total);
        }
    }
    (out, total, lens)
}

#[jit]
fn tuple_and_array_loops(t: (i64, i64, i64), a: [Vec<i64>; 3], stop: i64) -> (i64, usize) {
    let mut s = 0;
    for x in [t.0, t.1, t.2] {
        if x == stop {
            break;
        }
        s += x;
    }
    let mut n = 0;
    for w in a {
        if w.len() as i64 == stop {
            return (s, 99);
        }
        n += w.len();
    }
    for x in [t.2, t.1, t.0] {
        s = s * 10 + x;
    }
    (s, n)
}

#[test]
fn for_loops_over_vecs_maps_and_arrays_match_rustc() {
    let _m = memory_test();
    {
        let words = |ws: &[&str]| ws.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let map: HashMap<i64, String> = (1..=3).map(|k| (k, "x".repeat(k as usize))).collect();
        let big: Vec<Vec<i64>> = (0..40)
            .map(|i| (0..i % 7).map(|j| j - 2).collect())
            .collect();
        let cases = [
            (words(&[]), vec![], HashMap::new(), 0),
            (
                words(&["a", "", "bc", "long!", "d"]),
                vec![vec![], vec![1, -1, 2]],
                map.clone(),
                2,
            ),
            (words(&["a"]), vec![vec![1], vec![5, 6]], map.clone(), 6),
            (words(&["a"]), big.clone(), map.clone(), 1000),
            (words(&[""; 2000]), vec![vec![]; 1000], HashMap::new(), 0),
        ];
        for (v, n, m, stop) in cases {
            // Map order is the map's: the sum does not depend on it but the break may,
            // so the twin gets the same map only when `stop` breaks nothing.
            let want = loops_rs(v.clone(), n.clone(), m.clone(), stop);
            let got = loops_jit(v, n, m, stop);
            if (1..=3).contains(&stop) {
                assert_eq!((&got.0, got.1), (&want.0, want.1));
            } else {
                assert_eq!(got, want);
            }
        }
        let boom = words(&["a", "boom"]);
        let want = panic_message(|| loops_rs(boom.clone(), vec![vec![1]], HashMap::new(), 9));
        let got = panic_message(|| loops_jit(boom.clone(), vec![vec![1]], HashMap::new(), 9));
        assert_eq!(got, want);
        let arr = || [vec![1, 2], vec![3], vec![]];
        assert_eq!(tuple_and_array_loops((1, 2, 3), arr(), 7), (6321, 3));
        assert_eq!(tuple_and_array_loops((1, 2, 3), arr(), 2), (1, 99));
        assert_eq!(tuple_and_array_loops((1, 5, 3), arr(), 1), (0, 99));
    }
    assert_no_leaks();
}
