//! Sets inside maps and containers, and extreme keys, against std.

use super::*;

// ---- sets in maps and containers, against std ---------------------------------------------

twice!(sets_in_maps, sets_in_maps_rs, fn(n: u32) -> i64 {
    let mut m: HashMap<u32, HashSet<u32>> = HashMap::new();
    let mut fresh = 0;
    for i in 0..n {
        if m.entry(i % 5).or_insert_with(HashSet::new).insert(i % 13) {
            fresh += 1;
        }
    }
    let s = m.entry(7).or_insert_with(HashSet::new);
    s.insert(3);
    s.insert(4);
    m.entry(8).or_insert(HashSet::new()).insert(3);
    if let Some(s) = m.get_mut(&2) {
        s.remove(&2);
        s.insert(99);
    }
    for s in m.values_mut() {
        s.remove(&1);
    }
    let mut total = 0i64;
    for (k, s) in &m {
        total += *k as i64 * s.len() as i64;
    }
    let mut paired: HashMap<u32, (HashSet<u32>, i64)> = HashMap::new();
    paired.entry(1).or_insert((HashSet::new(), 0)).0.insert(5);
    paired.entry(1).or_insert((HashSet::new(), 0)).1 += 2;
    for (_, v) in &paired {
        total += v.0.len() as i64 * 10 + v.1;
    }
    total * 1000 + fresh + m.get(&2).cloned().unwrap_or(HashSet::new()).len() as i64
});

twice!(sets_in_vecs, sets_in_vecs_rs, fn(k: u32) -> usize {
    let mut s: HashSet<u32> = HashSet::new();
    s.insert(k);
    let mut v = vec![s; 3];
    v[1].insert(k + 1);
    v[2].clear();
    for s in &mut v {
        s.insert(k + 10);
    }
    for s in v.iter_mut() {
        s.remove(&k);
    }
    v[0].len() * 100 + v[1].len() * 10 + v[2].len()
});

#[jit]
fn cross_map_of_sets(
    mut m: HashMap<u32, HashSet<(u8, char)>>,
) -> HashMap<u32, HashSet<(u8, char)>> {
    m.entry(7).or_insert_with(HashSet::new).insert((1, 'x'));
    m.remove(&0);
    m
}

#[jit]
fn cross_tuple_of_set(
    t: (HashSet<u32>, u8),
    v: Vec<Option<HashSet<i8>>>,
) -> (usize, Vec<Option<HashSet<i8>>>) {
    let (s, x) = t;
    (s.len() + x as usize, v)
}

#[jit]
fn filtered(s: HashSet<(u64, bool)>) -> HashSet<(u64, bool)> {
    let mut out: HashSet<(u64, bool)> = HashSet::with_capacity(0);
    for k in &s {
        if k.0 % 3 != 0 {
            out.insert(*k);
        }
    }
    out
}

#[test]
fn ok_sets_inside_maps_vecs_and_tuples_agree_with_std_and_cross() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 40, 200] {
        assert_eq!(sets_in_maps(n), sets_in_maps_rs(n), "n = {n}");
    }
    assert_eq!(sets_in_vecs(3), sets_in_vecs_rs(3));
    let mut m: HashMap<u32, HashSet<(u8, char)>> = HashMap::new();
    m.insert(0, HashSet::from([(1, 'a')]));
    m.insert(7, HashSet::from([(2, 'b')]));
    assert_eq!(
        cross_map_of_sets(m),
        HashMap::from([(7, HashSet::from([(2, 'b'), (1, 'x')]))])
    );
    let v = vec![None, Some(HashSet::from([-1i8, 1])), Some(HashSet::new())];
    assert_eq!(
        cross_tuple_of_set((HashSet::from([1, 2]), 3), v.clone()),
        (5, v)
    );
    let s: HashSet<(u64, bool)> = (0..100_000u64).map(|i| (i * 7, i % 2 == 0)).collect();
    let expected: HashSet<(u64, bool)> = s.iter().copied().filter(|k| k.0 % 3 != 0).collect();
    assert_eq!(filtered(s), expected);
    assert!(balanced_since(&before));
}

// ---- extreme keys, against std ------------------------------------------------------------

twice!(extreme_churn, extreme_churn_rs, fn(seed: u64, n: u32) -> u64 {
    let mut s: HashSet<(i64, u8, char, bool)> = HashSet::new();
    let mut x = seed;
    let mut acc = 0u64;
    for _ in 0..n {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let sel = (x >> 40) % 5;
        let a = if sel == 0 {
            i64::MIN
        } else if sel == 1 {
            i64::MAX
        } else if sel == 2 {
            0
        } else {
            ((x >> 20) % 30) as i64 - 15
        };
        let c = if (x >> 33) % 3 == 0 {
            '\u{10FFFF}'
        } else if (x >> 33) % 3 == 1 {
            '\0'
        } else {
            '\u{D7FF}'
        };
        let k = (a, (x >> 50) as u8 % 3 * 127, c, (x >> 13) % 2 == 0);
        let op = (x >> 58) % 3;
        if op == 0 {
            acc = acc.wrapping_mul(3).wrapping_add(s.remove(&k) as u64);
        } else if op == 1 {
            acc = acc.wrapping_mul(5).wrapping_add(s.insert(k) as u64);
        } else {
            acc = acc.wrapping_mul(7).wrapping_add(s.contains(&k) as u64);
        }
        acc = acc.wrapping_add(s.len() as u64);
    }
    let mut sum = 0u64;
    for k in &s {
        sum = sum.wrapping_add((k.0 as u64) ^ (k.1 as u64) ^ (k.2 as u64) ^ (k.3 as u64));
    }
    acc ^ sum
});

twice!(every_i8, every_i8_rs, fn(rounds: u32) -> i64 {
    let mut s: HashSet<i8> = HashSet::new();
    let mut b: HashSet<bool> = HashSet::new();
    let mut acc = 0i64;
    for r in 0..rounds {
        for i in 0..256u32 {
            let k = (i as u8) as i8;
            if (i + r) % 3 == 0 {
                acc += s.remove(&k) as i64;
            } else {
                acc += s.insert(k) as i64 * 2;
            }
            b.insert(k < 0);
            if k == i8::MIN {
                b.remove(&true);
            }
        }
        acc = acc * 3 + s.len() as i64 + b.len() as i64;
    }
    let mut sum = 0i64;
    for k in &s {
        sum += *k as i64;
    }
    for k in b {
        sum += k as i64 * 1000;
    }
    acc + sum
});

twice!(edge_chars, edge_chars_rs, fn(n: u32) -> u64 {
    let mut s: HashSet<(char, u8)> = HashSet::new();
    let edges = ['\0', '\u{7f}', '\u{80}', '\u{D7FF}', '\u{E000}', '\u{FFFF}', '\u{10000}', '\u{10FFFF}'];
    let mut acc = 0u64;
    for i in 0..n {
        let k = (edges[(i % 8) as usize], (i % 5) as u8);
        if i % 7 == 3 {
            acc += s.remove(&k) as u64;
        } else {
            acc += s.insert(k) as u64 * 3;
        }
    }
    let mut x = 0u64;
    for k in s.iter() {
        x = x.wrapping_add(k.0 as u64 * 31 + k.1 as u64);
    }
    acc * 1000 + s.len() as u64 + x
});

#[test]
fn ok_extreme_keys_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for seed in [1, 2, 3] {
        assert_eq!(extreme_churn(seed, 60_000), extreme_churn_rs(seed, 60_000));
    }
    assert_eq!(every_i8(9), every_i8_rs(9));
    assert_eq!(edge_chars(1000), edge_chars_rs(1000));
    assert!(balanced_since(&before));
}
