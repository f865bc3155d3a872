//! Comparators that are not total orders terminate with a permutation; sorts, selection and searches against rustc.

use super::*;

// ---- (3) comparators that are not total orders terminate with a permutation ----

#[jit]
fn always_less(mut v: Vec<i64>, which: i64) -> Vec<i64> {
    if which == 0 {
        v.sort_by(|_, _| Ordering::Less);
    } else if which == 1 {
        v.sort_unstable_by(|_, _| Ordering::Less);
    } else if which == 2 {
        v.sort_by(|_, _| Ordering::Greater);
    } else if which == 3 {
        v.sort_unstable_by(|_, _| Ordering::Greater);
    } else if which == 4 {
        let k = v.len() / 2;
        v.select_nth_unstable_by(k, |_, _| Ordering::Less);
    } else {
        let k = v.len() / 3;
        v.select_nth_unstable_by(k, |_, _| Ordering::Greater);
    }
    v
}

#[jit]
fn random_cmp(mut v: Vec<i64>, seed: u64, which: i64) -> Vec<i64> {
    let mut s = seed;
    if which == 0 {
        v.sort_by(|_, _| {
            s = s * 6364136223846793005 + 1442695040888963407;
            let r = (s >> 33) % 3;
            if r == 0 {
                Ordering::Less
            } else if r == 1 {
                Ordering::Equal
            } else {
                Ordering::Greater
            }
        });
    } else if which == 1 {
        v.sort_unstable_by(|_, _| {
            s = s * 6364136223846793005 + 1442695040888963407;
            let r = (s >> 33) % 3;
            if r == 0 {
                Ordering::Less
            } else if r == 1 {
                Ordering::Equal
            } else {
                Ordering::Greater
            }
        });
    } else {
        let k = v.len() / 2;
        v.select_nth_unstable_by(k, |_, _| {
            s = s * 6364136223846793005 + 1442695040888963407;
            let r = (s >> 33) % 3;
            if r == 0 {
                Ordering::Less
            } else if r == 1 {
                Ordering::Equal
            } else {
                Ordering::Greater
            }
        });
    }
    v
}

#[test]
fn ok_non_total_orders_terminate_with_a_permutation() {
    let _memory = crate::memory_test();
    for n in [0usize, 1, 2, 3, 17, 20, 21, 64, 300, 2000] {
        let v: Vec<i64> = (0..n as i64).map(|i| (i * 31) % 7).collect();
        let mut want = v.clone();
        want.sort();
        for which in 0..6 {
            if n == 0 && which >= 4 {
                continue;
            }
            let mut got = always_less(v.clone(), which);
            got.sort();
            assert_eq!(got, want, "n {n} which {which}");
        }
        for which in 0..3 {
            if n == 0 && which == 2 {
                continue;
            }
            for seed in 0..5u64 {
                let mut got = random_cmp(v.clone(), seed, which);
                got.sort();
                assert_eq!(got, want, "n {n} which {which} seed {seed}");
            }
        }
    }
}

// ---- (2) results against rustc ----

twice!(stable_keys, stable_keys_rs, fn(k: Vec<i64>, w: Vec<i64>) -> Vec<i64> {
    let mut v = Vec::new();
    for i in 0..k.len() {
        v.push((k[i], w[i]));
    }
    v.sort_by_key(|p| p.0 % 5);
    let mut out = Vec::new();
    for p in &v {
        out.push(p.1);
    }
    out
});

twice!(stable_then, stable_then_rs, fn(k: Vec<i64>, w: Vec<i64>) -> Vec<i64> {
    let mut v = Vec::new();
    for i in 0..k.len() {
        v.push((k[i], w[i]));
    }
    v.sort_by(|a, b| (a.0 % 3).cmp(&(b.0 % 3)).reverse().then((a.1 % 4).cmp(&(b.1 % 4))));
    let mut out = Vec::new();
    for p in &v {
        out.push(p.1);
    }
    out
});

twice!(stable_then_with_rev, stable_then_with_rev_rs, fn(k: Vec<i64>, w: Vec<i64>) -> Vec<i64> {
    let mut v = Vec::new();
    for i in 0..k.len() {
        v.push((k[i], w[i]));
    }
    v.sort_by(|a, b| (a.1 % 2).cmp(&(b.1 % 2)).then_with(|| b.0.cmp(&a.0).reverse()).reverse());
    let mut out = Vec::new();
    for p in &v {
        out.push(p.1);
    }
    out
});

twice!(bool_key_sort, bool_key_sort_rs, fn(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_by_key(|x| *x % 2 == 0);
    v
});

twice!(bsearch_dup, bsearch_dup_rs, fn(v: Vec<i64>, x: i64) -> (bool, usize) {
    match v.binary_search(&x) {
        Ok(i) => (true, i),
        Err(i) => (false, i),
    }
});

twice!(select_key, select_key_rs, fn(mut v: Vec<i64>, k: usize) -> i64 {
    v.select_nth_unstable_by_key(k, |x| (*x % 10) * 100 - *x);
    v[k]
});

fn pairs(n: usize, seed: u64) -> Vec<(i64, i64)> {
    let mut s = seed;
    (0..n)
        .map(|i| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 40) as i64 % 11, i as i64)
        })
        .collect()
}

#[test]
fn ok_stable_sorts_selection_and_searches_match_rust() {
    let _memory = crate::memory_test();
    for n in [0usize, 1, 2, 5, 19, 20, 21, 40, 100, 1000] {
        for seed in 0..3 {
            let v = pairs(n, seed);
            let k: Vec<i64> = v.iter().map(|p| p.0).collect();
            let w: Vec<i64> = v.iter().map(|p| p.1).collect();
            assert_eq!(
                stable_keys(k.clone(), w.clone()),
                stable_keys_rs(k.clone(), w.clone()),
                "n {n}"
            );
            assert_eq!(
                stable_then(k.clone(), w.clone()),
                stable_then_rs(k.clone(), w.clone()),
                "n {n}"
            );
            assert_eq!(
                stable_then_with_rev(k.clone(), w.clone()),
                stable_then_with_rev_rs(k.clone(), w.clone()),
                "n {n}"
            );
            let ints: Vec<i64> = v.iter().map(|p| p.0).collect();
            assert_eq!(
                bool_key_sort(ints.clone()),
                bool_key_sort_rs(ints.clone()),
                "n {n}"
            );
            let mut sorted = ints.clone();
            sorted.sort();
            for x in -1..13 {
                assert_eq!(
                    bsearch_dup(sorted.clone(), x),
                    bsearch_dup_rs(sorted.clone(), x),
                    "n {n} x {x}"
                );
            }
            for k in [0, n / 2, n.saturating_sub(1)] {
                if n > 0 {
                    assert_eq!(
                        select_key(ints.clone(), k),
                        select_key_rs(ints.clone(), k),
                        "n {n} k {k}"
                    );
                }
            }
        }
    }
}
