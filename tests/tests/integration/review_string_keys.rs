//! Adversarial review of `String` keys and values of maps and sets in jit code: aliasing
//! of key blocks, existing keys, panics mid-insert, crossing, tuple keys, against rustc.

use crate::{assert_no_leaks, balanced_since, memory_test, panic_message};
use jitclass::{jit, jitclass};
use std::collections::{HashMap, HashSet};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_variables, unused_mut, unreachable_code)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

// A clone inserted, then the original changed in place: the key must not change.
twice!(mutate_after_clone_insert, mutate_after_clone_insert_rs, fn(w: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let mut s = w.to_string();
    m.insert(s.clone(), 1);
    s.push('x');
    s.push_str("yy");
    let mut acc = m.get(w).copied().unwrap_or(-1);
    acc = acc * 10 + m.get(&s).copied().unwrap_or(-1);
    let mut n = 0i64;
    for (k, _) in &m {
        n += k.len() as i64;
    }
    acc * 100 + n
});

// `let mut t = s;` then a clone of `t` in the map and a clone in a Vec, both changed.
twice!(alias_through_move, alias_through_move_rs, fn(w: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let mut v: Vec<String> = Vec::new();
    let s = w.to_string();
    let mut t = s;
    v.push(t.clone());
    m.insert(t.clone(), 5);
    t.push('q');
    v[0].push_str("zz");
    let mut acc = m.get(w).copied().unwrap_or(-1);
    acc = acc * 10 + m.get(&v[0]).copied().unwrap_or(-1);
    acc = acc * 10 + m.get(&t).copied().unwrap_or(-1);
    acc * 100 + v[0].len() as i64 + t.len() as i64
});

// A key cloned out of the map by iteration, then changed.
twice!(mutate_key_clone, mutate_key_clone_rs, fn(w: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    m.insert(w.to_string(), 3);
    let mut got: Vec<String> = Vec::new();
    for k in m.keys() {
        got.push(k.clone());
    }
    for i in 0..got.len() {
        got[i].push('!');
    }
    let mut acc = m.get(w).copied().unwrap_or(-1);
    for (k, v) in &m {
        acc = acc * 10 + k.len() as i64 + *v;
    }
    acc * 100 + got[0].len() as i64
});

// String values: get_mut then push_str, clone out then change the clone.
twice!(string_values, string_values_rs, fn(s: &str) -> String {
    let mut m: HashMap<String, String> = HashMap::new();
    for w in s.split_whitespace() {
        let e = m.entry(w.to_string()).or_insert(String::new());
        e.push_str(w);
        e.push('|');
    }
    if let Some(v) = m.get_mut("a") {
        v.push_str("AA");
    }
    let mut c = m.get("a").cloned().unwrap_or(String::new());
    c.push_str("changed");
    let mut keys: Vec<String> = Vec::new();
    for (k, v) in &m {
        let mut line = k.clone();
        line.push('=');
        line.push_str(v.as_str());
        keys.push(line);
    }
    let mut out = String::new();
    for w in s.split_whitespace() {
        out.push_str(w);
        out.push('=');
        out.push_str(m.get(w).cloned().unwrap().as_str());
        out.push(';');
    }
    out.push_str(&keys.len().to_string());
    out.push_str(&m.get("a").cloned().unwrap_or(String::new()));
    out
});

twice!(int_to_string, int_to_string_rs, fn(n: i64) -> String {
    let mut m: HashMap<i64, String> = HashMap::new();
    for i in 0..n {
        m.insert(i % 5, i.to_string());
        let e = m.entry(i % 3).or_insert_with(String::new);
        e.push('x');
    }
    let old = m.insert(0, "zero".to_string());
    let removed = m.remove(&1);
    let mut out = String::new();
    for i in 0..6 {
        out.push_str(&m.get(&i).cloned().unwrap_or("-".to_string()));
        out.push(',');
    }
    out.push_str(&old.unwrap_or(String::new()));
    out.push_str(&removed.unwrap_or(String::new()));
    m.clear();
    out.push_str(&m.len().to_string());
    out
});

twice!(grouped, grouped_rs, fn(s: &str) -> i64 {
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    for w in s.split_whitespace() {
        let mut first = String::new();
        for c in w.chars() {
            first.push(c);
            break;
        }
        m.entry(first).or_insert_with(Vec::new).push(w.to_string());
    }
    let mut acc = 0i64;
    for (k, v) in &m {
        acc += k.len() as i64 * 1000 + v.len() as i64 * 10;
        for x in v {
            acc += x.len() as i64;
        }
    }
    if let Some(v) = m.get_mut("a") {
        v.push("again".to_string());
    }
    let a = m.remove("a").unwrap_or(Vec::new());
    let mut t = 0i64;
    for x in &a {
        t += x.len() as i64;
    }
    acc * 1000 + t * 10 + m.len() as i64
});

// Tuple keys whose concatenations agree; empty and prefix keys.
twice!(tuple_concat, tuple_concat_rs, fn(n: i64) -> i64 {
    let mut m: HashMap<(String, String), i64> = HashMap::new();
    m.insert(("ab".to_string(), "c".to_string()), 1);
    m.insert(("a".to_string(), "bc".to_string()), 2);
    m.insert(("".to_string(), "abc".to_string()), 3);
    m.insert(("abc".to_string(), "".to_string()), 4);
    m.insert(("".to_string(), "".to_string()), 5);
    let mut acc = m.len() as i64;
    let k = ("ab".to_string(), "c".to_string());
    acc = acc * 10 + m.get(&k).copied().unwrap_or(0);
    let k = ("a".to_string(), "bc".to_string());
    acc = acc * 10 + m.get(&k).copied().unwrap_or(0);
    let k = ("".to_string(), "abc".to_string());
    acc = acc * 10 + m.get(&k).copied().unwrap_or(0);
    let k = ("abc".to_string(), "".to_string());
    acc = acc * 10 + m.get(&k).copied().unwrap_or(0);
    let k = ("".to_string(), "".to_string());
    acc = acc * 10 + m.get(&k).copied().unwrap_or(0);
    let k = ("a".to_string(), "b".to_string());
    acc = acc * 10 + m.get(&k).copied().unwrap_or(0);
    let k = ("a".to_string(), "bc".to_string());
    acc = acc * 10 + m.remove(&k).unwrap_or(9);
    acc = acc * 10 + m.len() as i64;
    let mut s: HashSet<(String, i64)> = HashSet::new();
    s.insert(("x".to_string(), n));
    s.insert(("x".to_string(), n));
    s.insert(("".to_string(), n));
    acc * 10 + s.len() as i64
});

twice!(prefix_keys, prefix_keys_rs, fn(w: &str) -> i64 {
    let mut m: HashMap<String, i64> = HashMap::new();
    let mut cur = String::new();
    m.insert(cur.clone(), 0);
    let mut i = 1i64;
    for c in w.chars() {
        cur.push(c);
        m.insert(cur.clone(), i);
        i += 1;
    }
    let mut acc = 0i64;
    let mut cur = String::new();
    for c in w.chars() {
        acc = acc * 3 + m.get(&cur).copied().unwrap_or(-100);
        cur.push(c);
    }
    acc = acc * 3 + m.get(cur.as_str()).copied().unwrap_or(-100);
    acc = acc * 3 + m.get("").copied().unwrap_or(-100);
    let mut longer = cur.clone();
    longer.push('\0');
    acc * 3 + m.get(&longer).copied().unwrap_or(-100) + m.len() as i64
});

// Existing keys: insert, entry().or_insert, or_insert_with, set insert; then remove, clear.
twice!(existing_keys, existing_keys_rs, fn(s: &str) -> i64 {
    let mut m: HashMap<String, Vec<i64>> = HashMap::new();
    let mut set: HashSet<String> = HashSet::new();
    let mut acc = 0i64;
    for w in s.split_whitespace() {
        let old = m.insert(w.to_string(), vec![1]);
        if let Some(v) = old {
            acc += v.len() as i64;
        }
        m.entry(w.to_string()).or_insert(vec![2, 3]).push(4);
        m.entry(w.to_string()).or_insert_with(|| vec![7]).push(5);
        if !set.insert(w.to_string()) {
            acc += 100;
        }
        let k = w.to_string();
        if set.contains(&k) {
            acc += 1;
        }
    }
    for (_, v) in &m {
        acc += v.len() as i64 * 1000;
    }
    m.remove("a");
    set.remove("a");
    acc += m.len() as i64 + set.len() as i64 * 10;
    m.clear();
    set.clear();
    m.insert("again".to_string(), vec![]);
    acc + m.len() as i64
});

// A panicking `or_insert_with` closure after the key was made; a panic in the value of
// an insert into a map already holding the key.
#[jit]
fn panic_in_default(s: &str, at: i64) -> i64 {
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    for w in s.split_whitespace() {
        m.entry(w.to_string())
            .or_insert_with(Vec::new)
            .push(w.to_string());
    }
    if at == 0 {
        m.entry("new".to_string())
            .or_insert_with(|| vec![s.to_string(); 1 / (at as usize)])
            .push(s.to_string());
    }
    if at == 1 {
        let xs: Vec<String> = Vec::new();
        let y = xs[5].clone();
        m.insert("a".to_string(), vec![y]);
    }
    if at == 2 {
        let k = "a".to_string();
        let mut t = k.clone();
        t.push('!');
        let n = t.len() - 100;
        m.insert(k, vec![t; n]);
    }
    m.len() as i64
}

#[test]
fn ok_panics_between_making_a_key_and_inserting_it_release_everything() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(panic_in_default("a b a", 9), 2);
    for at in 0..3 {
        let message = panic_message(|| panic_in_default("a b a é", at));
        assert!(
            message.contains("index out of bounds")
                || message.contains("overflow")
                || message.contains("divide by zero"),
            "{at}: {message}"
        );
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[test]
fn ok_string_keys_held_while_aliases_change_agree_with_rustc() {
    let _m = memory_test();
    let before = jitclass::stats();
    for w in ["", "a", "é😀", "long key with spaces"] {
        assert_eq!(
            mutate_after_clone_insert(w),
            mutate_after_clone_insert_rs(w),
            "{w:?}"
        );
        assert_eq!(alias_through_move(w), alias_through_move_rs(w), "{w:?}");
        assert_eq!(mutate_key_clone(w), mutate_key_clone_rs(w), "{w:?}");
        assert_eq!(prefix_keys(w), prefix_keys_rs(w), "{w:?}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[test]
fn ok_string_values_and_existing_keys_agree_with_rustc() {
    let _m = memory_test();
    let before = jitclass::stats();
    for s in ["", "a b a c a", "apple avocado banana a b é ébène 😀"] {
        assert_eq!(string_values(s), string_values_rs(s), "{s:?}");
        assert_eq!(grouped(s), grouped_rs(s), "{s:?}");
        assert_eq!(existing_keys(s), existing_keys_rs(s), "{s:?}");
    }
    for n in [0, 1, 7, 20] {
        assert_eq!(int_to_string(n), int_to_string_rs(n), "{n}");
        assert_eq!(tuple_concat(n), tuple_concat_rs(n), "{n}");
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

// Crossing: maps with String keys and values nested in Vec, Option, tuple.
#[allow(clippy::type_complexity)]
#[jit]
fn cross_nested(
    ms: Vec<HashMap<String, Vec<String>>>,
    o: Option<HashMap<String, String>>,
) -> (
    Vec<HashMap<String, Vec<String>>>,
    Option<HashMap<String, String>>,
) {
    let o = match o {
        Some(mut m) => {
            m.insert("added".to_string(), "v".to_string());
            m.remove("gone");
            Some(m)
        }
        None => None,
    };
    let mut out: Vec<HashMap<String, Vec<String>>> = Vec::new();
    let mut i = 0usize;
    for mut m in ms {
        m.entry("k".to_string())
            .or_insert_with(Vec::new)
            .push(i.to_string());
        out.push(m);
        i += 1;
    }
    out.push(HashMap::new());
    let ms = out;
    (ms, o)
}

#[test]
fn ok_string_maps_cross_nested_in_vec_and_option() {
    let _m = memory_test();
    let before = jitclass::stats();
    let mut a: HashMap<String, Vec<String>> = HashMap::new();
    a.insert("k".to_string(), vec!["x".to_string()]);
    a.insert(String::new(), vec![]);
    let b: HashMap<String, Vec<String>> = HashMap::new();
    let mut o: HashMap<String, String> = HashMap::new();
    o.insert("gone".to_string(), "g".to_string());
    o.insert("é".to_string(), "😀".to_string());
    let (ms, o2) = cross_nested(vec![a.clone(), b.clone()], Some(o.clone()));
    let mut ea = a;
    ea.get_mut("k").unwrap().push("0".to_string());
    let mut eb = b;
    eb.insert("k".to_string(), vec!["1".to_string()]);
    assert_eq!(ms, vec![ea, eb, HashMap::new()]);
    o.remove("gone");
    o.insert("added".to_string(), "v".to_string());
    assert_eq!(o2, Some(o));
    assert_eq!(cross_nested(vec![], None), (vec![HashMap::new()], None));
    assert!(balanced_since(&before));
    assert_no_leaks();
}

// Class fields holding the same String as a key.
#[jitclass]
pub struct Registry {
    pub name: String,
    pub ids: HashMap<String, i64>,
    pub seen: HashSet<String>,
}

#[jitclass]
impl Registry {
    pub fn new(name: &str) -> Registry {
        Registry {
            name: name.to_string(),
            ids: HashMap::new(),
            seen: HashSet::new(),
        }
    }

    pub fn register(&mut self) -> i64 {
        let n = self.ids.len() as i64;
        self.ids.insert(self.name.clone(), n);
        self.seen.insert(self.name.clone());
        self.name.push('+');
        n
    }

    pub fn lookup(&self, w: &str) -> i64 {
        let mut acc = self.ids.get(w).copied().unwrap_or(-1);
        if self.seen.contains(w) {
            acc += 100;
        }
        acc
    }

    pub fn own(&self) -> i64 {
        self.ids.get(&self.name).copied().unwrap_or(-1)
    }
}

#[test]
fn ok_keys_cloned_from_a_field_stay_when_the_field_changes() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut r = Registry::new("a");
        assert_eq!(r.register(), 0);
        assert_eq!(r.register(), 1);
        assert_eq!(r.lookup("a"), 100);
        assert_eq!(r.lookup("a+"), 101);
        assert_eq!(r.lookup("a++"), -1);
        assert_eq!(r.own(), -1);
        assert_eq!(r.name(), "a++");
        let ids = r.ids();
        assert_eq!(ids.len(), 2);
        assert_eq!(ids["a+"], 1);
        let mut s = HashSet::new();
        s.insert("z".to_string());
        r.set_seen(s);
        assert_eq!(r.lookup("a"), 0);
        assert_eq!(r.lookup("z"), 99);
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

// Colliding-prefix, long, random keys, with String values, against rustc.
twice!(churn_values, churn_values_rs, fn(seed: u64, n: u32) -> String {
    let mut m: HashMap<String, String> = HashMap::new();
    let mut x = seed;
    let mut acc = 0u64;
    for step in 0..n {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let len = ((x >> 33) % 12) as usize;
        let mut k = String::new();
        for j in 0..len {
            if (x >> (j + 40)) & 1 == 1 { k.push('a'); } else { k.push('é'); }
        }
        let op = (x >> 59) % 5;
        if op == 0 {
            if let Some(old) = m.insert(k, step.to_string()) {
                acc = acc.wrapping_add(old.len() as u64);
            }
        } else if op == 1 {
            m.entry(k).or_insert_with(String::new).push_str("e");
        } else if op == 2 {
            if let Some(v) = m.remove(&k) {
                acc = acc.wrapping_mul(7).wrapping_add(v.len() as u64);
            }
        } else if op == 3 {
            if let Some(v) = m.get_mut(k.as_str()) {
                v.push('m');
            }
        } else if step % 97 == 0 {
            m.clear();
        }
        acc = acc.wrapping_mul(31).wrapping_add(m.len() as u64);
    }
    let mut sum = 0u64;
    for (k, v) in &m {
        let mut h = 7u64;
        for b in k.bytes() {
            h = h.wrapping_mul(131).wrapping_add(b as u64);
        }
        for b in v.bytes() {
            h = h.wrapping_mul(137).wrapping_add(b as u64);
        }
        sum = sum.wrapping_add(h);
    }
    format!("{acc}:{sum}:{}", m.len())
});

#[test]
fn ok_churn_with_string_values_agrees_with_rustc() {
    let _m = memory_test();
    let before = jitclass::stats();
    for seed in 0..12u64 {
        let n = 50 + seed as u32 * 60;
        assert_eq!(
            churn_values(seed, n),
            churn_values_rs(seed, n),
            "seed {seed}"
        );
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

// A `String` key moved into the map in one branch and lent (`k.as_str()`) to `get_mut` in
// a sibling branch that does not run. Also crashes with `m.contains_key(k.as_str())` in
// the sibling; does not with `k.len()` there, nor with a `Vec::push(k)` move and
// `k.as_str()` in the sibling: the lookup by a lent key is what breaks the move's state.
twice!(key_moved_in_one_branch_lent_in_another, key_moved_in_one_branch_lent_in_another_rs, fn(op: u64) -> usize {
    let mut m: HashMap<String, i64> = HashMap::new();
    let k = "abc".to_string();
    if op == 1 {
        *m.entry(k).or_insert(0) += 1;
    } else if op == 3 {
        if let Some(v) = m.get_mut(k.as_str()) {
            *v += 1;
        }
    }
    m.len()
});

/// Crashed the test process (SIGSEGV) at `op == 1`: the lend of `k` made in the `op == 3`
/// branch was ended after the `if`, on every path, through its slot (null on the other
/// paths). Ending a lend now checks the slot (`codegen/lends.rs`).
#[test]
fn fixed_key_moved_in_one_branch_lent_in_another() {
    let _m = memory_test();
    let before = jitclass::stats();
    for op in 0..4 {
        assert_eq!(
            key_moved_in_one_branch_lent_in_another(op),
            key_moved_in_one_branch_lent_in_another_rs(op),
            "{op}"
        );
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}
