//! Panics mid-loop over sets, leaving consuming loops early, and known bugs.

use super::*;

// ---- panics mid-loop ----------------------------------------------------------------------

#[jit]
fn panic_consuming_a_map_of_sets(n: u32) -> u32 {
    let mut m: HashMap<u32, HashSet<u32>> = HashMap::new();
    for i in 0..n {
        m.entry(i % 4).or_insert_with(HashSet::new).insert(i);
    }
    let mut t = 0;
    for (k, s) in m {
        for x in s {
            if x == 7 {
                panic!("stop at {}", k);
            }
            t += x;
        }
    }
    t
}

#[jit]
fn panic_in_a_loop_over_a_vec_of_sets(n: u32) -> u32 {
    let mut v: Vec<HashSet<u32>> = Vec::new();
    for i in 0..n {
        let mut s = HashSet::new();
        s.insert(i);
        s.insert(i + 100);
        v.push(s);
    }
    let mut t = 0;
    for s in &v {
        for k in s {
            if *k == 105 {
                panic!("stop");
            }
            t += *k;
        }
    }
    t
}

#[test]
fn ok_a_panic_mid_loop_over_sets_releases_everything() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert!(panic_message(|| panic_consuming_a_map_of_sets(40)).starts_with("stop at 3"));
    assert!(panic_message(|| panic_in_a_loop_over_a_vec_of_sets(10)).starts_with("stop"));
    assert!(balanced_since(&before));
}

/// Leaving consuming loops over maps of `Vec`s and sets early (`break`, `return`,
/// `continue 'outer`) releases the entries not yet reached and the maps.
#[jit]
fn leave_consuming_loops_early(n: u32) -> i64 {
    let mut m: HashMap<u32, Vec<i64>> = HashMap::new();
    for i in 0..n {
        m.insert(i, vec![i as i64; 3]);
    }
    let mut t = 0;
    for (k, v) in m {
        if k == 2 {
            break;
        }
        t += v.len() as i64;
    }
    let mut v: Vec<HashMap<u32, Vec<u8>>> = Vec::new();
    for i in 0..n {
        let mut m = HashMap::new();
        m.insert(i, vec![1u8, 2]);
        m.insert(i + 100, vec![3u8]);
        v.push(m);
    }
    'outer: for m in v {
        for (k, x) in m {
            if k % 2 == 0 {
                continue 'outer;
            }
            t += x.len() as i64;
        }
    }
    t * 100 + first_key_holding(n, 4)
}

#[jit]
fn first_key_holding(n: u32, x: u32) -> i64 {
    let mut m: HashMap<u32, HashSet<u32>> = HashMap::new();
    for i in 0..n {
        m.entry(i % 3).or_insert_with(HashSet::new).insert(i);
    }
    for (k, s) in m {
        for y in s {
            if y == x {
                return k as i64;
            }
        }
    }
    -1
}

#[test]
fn ok_leaving_consuming_loops_early_releases_the_rest() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(first_key_holding(10, 4), 1);
    assert_eq!(first_key_holding(10, 40), -1);
    // The order is unspecified: only that it ran and released everything.
    assert!(leave_consuming_loops_early(10) > 0);
    assert!(balanced_since(&before));
}

// ---- known bugs ---------------------------------------------------------------------------

twice!(set_with_capacity, set_with_capacity_rs, fn(n: usize) -> usize {
    let s: HashSet<u32> = HashSet::with_capacity(n);
    s.len()
});

twice!(map_with_capacity, map_with_capacity_rs, fn(n: usize) -> usize {
    let m: HashMap<u64, (u64, u64)> = HashMap::with_capacity(n);
    m.len()
});

/// std's sets and maps panic "Hash table capacity overflow" (hashbrown's words), jit
/// code "capacity overflow" (a `Vec`'s).
#[test]
fn fixed_capacity_overflow_is_worded_as_std_s() {
    let _m = memory_test();
    let before = jitclass::stats();
    let std_set = panic_message(|| set_with_capacity_rs(usize::MAX));
    let std_map = panic_message(|| map_with_capacity_rs(usize::MAX));
    assert_eq!(std_set, "Hash table capacity overflow");
    let jit_set = panic_message(|| set_with_capacity(usize::MAX));
    let jit_map = panic_message(|| map_with_capacity(usize::MAX));
    assert!(jit_set.starts_with(&format!("{std_set}\n")), "{jit_set}");
    assert!(jit_map.starts_with(&format!("{std_map}\n")), "{jit_map}");
    assert!(balanced_since(&before));
}

/// A loop over a set changed through another handle: the panic names the `HashSet` (it
/// named the `HashMap` the set is lowered to, and its `entry`/`get_mut`, none of which the
/// user wrote).
#[jit]
fn set_loop_through_two_handles() -> u32 {
    let mut a = Bag::new();
    let mut b = a.clone();
    for k in 0..4u32 {
        a.ids.insert(k);
    }
    let mut total = 0;
    for k in &a.ids {
        total += *k;
        b.ids.remove(&3);
    }
    total
}

#[test]
fn fixed_a_stale_set_loop_names_a_set() {
    let _m = memory_test();
    let before = jitclass::stats();
    let message = panic_message(set_loop_through_two_handles);
    assert!(message.starts_with("already borrowed"), "{message}");
    let first_line = message.lines().next().unwrap_or_default();
    assert!(
        first_line.contains("HashSet") && !first_line.contains("HashMap"),
        "{first_line}"
    );
    assert!(balanced_since(&before));
}
