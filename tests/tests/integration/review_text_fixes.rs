//! Review of the text/maps/sets/arrays fixes: probes of getter loops, `write!` into elements,
//! discarded entries, loop references passed to methods and match-bound loops, each run
//! against the same code built as plain Rust, with `stats()` balanced.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{jit, jitclass};
use std::collections::HashMap;
use std::fmt::Write;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_variables, unreachable_code, unused_mut, unused_labels)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

// ---- getter loops --------------------------------------------------------------------------

#[jitclass]
pub struct Shelf {
    pub items: Vec<String>,
    pub label: String,
    pub counts: HashMap<String, i64>,
}

#[jitclass]
impl Shelf {
    pub fn new() -> Shelf {
        let mut counts = HashMap::new();
        counts.insert("a".to_string(), 1);
        counts.insert("b".to_string(), 2);
        Shelf {
            items: vec!["x".to_string(), "yy".to_string(), "zzz".to_string()],
            label: "lab".to_string(),
            counts,
        }
    }

    #[getter]
    pub fn all(&self) -> Vec<String> {
        self.items.clone()
    }

    #[getter]
    pub fn name(&self) -> String {
        self.label.clone()
    }

    #[getter]
    pub fn tally(&self) -> HashMap<String, i64> {
        let mut m = HashMap::new();
        for (k, v) in &self.counts {
            m.insert(k.clone(), *v);
        }
        m
    }
}

/// Labelled `continue`/`break` out of a loop over a getter's `Vec` / map (the value read
/// once must be released on every exit), and loops over a `String` getter's bytes/chars.
#[jit]
fn labelled_exits_of_getter_loops() -> String {
    let sh = Shelf::new();
    let mut out = String::new();
    'outer: for i in 0..3 {
        for s in &sh.all {
            if s.len() == 2 {
                continue 'outer;
            }
            out.push_str(s);
        }
        out.push_str("never");
        let _ = i;
    }
    'outer2: for _ in 0..2 {
        for (k, v) in &sh.tally {
            if *v > 0 {
                out.push_str(k);
                break 'outer2;
            }
        }
    }
    out.push_str(&format!("{}", sh.items.len()));
    for b in sh.name.bytes() {
        out.push(b as char);
    }
    for c in sh.name.chars() {
        out.push(c);
    }
    out
}

/// Same shape in plain Rust (a getter is a method returning a new value).
#[allow(clippy::all, unused_labels)]
mod rust {
    use std::collections::HashMap;
    pub struct Shelf {
        pub items: Vec<String>,
        pub label: String,
        pub counts: HashMap<String, i64>,
    }
    impl Shelf {
        pub fn new() -> Shelf {
            let mut counts = HashMap::new();
            counts.insert("a".to_string(), 1);
            counts.insert("b".to_string(), 2);
            Shelf {
                items: vec!["x".to_string(), "yy".to_string(), "zzz".to_string()],
                label: "lab".to_string(),
                counts,
            }
        }
        pub fn all(&self) -> Vec<String> {
            self.items.clone()
        }
        pub fn name(&self) -> String {
            self.label.clone()
        }
        pub fn tally(&self) -> HashMap<String, i64> {
            let mut m = HashMap::new();
            for (k, v) in &self.counts {
                m.insert(k.clone(), *v);
            }
            m
        }
    }
    pub fn labelled_exits_of_getter_loops() -> String {
        let sh = Shelf::new();
        let mut out = String::new();
        'outer: for i in 0..3 {
            for s in &sh.all() {
                if s.len() == 2 {
                    continue 'outer;
                }
                out.push_str(s);
            }
            out.push_str("never");
            let _ = i;
        }
        'outer2: for _ in 0..2 {
            for (k, v) in &sh.tally() {
                if *v > 0 {
                    out.push_str(k);
                    break 'outer2;
                }
            }
        }
        out.push_str(&format!("{}", sh.items.len()));
        for b in sh.name().bytes() {
            out.push(b as char);
        }
        for c in sh.name().chars() {
            out.push(c);
        }
        out
    }
}

#[test]
fn review_strings_getter_loop_exits_release_the_value() {
    let _m = memory_test();
    let before = jitclass::stats();
    let jit = labelled_exits_of_getter_loops();
    let rs = rust::labelled_exits_of_getter_loops();
    // The map's order differs between builds: compare what does not depend on it.
    assert_eq!(jit.len(), rs.len(), "{jit} / {rs}");
    assert!(jit.starts_with("xxx"), "{jit}");
    assert!(jit.ends_with("3lablab"), "{jit}");
    assert!(balanced_since(&before));
}

// ---- write! into elements ------------------------------------------------------------------

// The index of `write!(v[i], ..)` is read before the arguments, which may change `i`.
twice!(write_index_changed_by_args, write_index_changed_by_args_rs, fn(n: i64) -> String {
    let mut v = vec![String::new(), String::new(), String::new()];
    let mut i = 0;
    write!(v[i], "{}-{}", { i += 1; i }, n).unwrap();
    let mut j = 0usize;
    write!(v[j + 1], "<{}{}>", { j += 1; j }, n).unwrap();
    format!("{}|{}|{}", v[0], v[1], v[2])
});

// `write!` into a `&mut` loop's element over a map's values and entries.
twice!(write_map_values, write_map_values_rs, fn(n: i64) -> String {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, "a".to_string());
    for t in m.values_mut() {
        write!(t, "{}", n).unwrap();
    }
    for (_k, t) in &mut m {
        write!(t, "!").unwrap();
    }
    for (_k, t) in m.iter_mut() {
        writeln!(t, "?").unwrap();
    }
    m.get(&1).cloned().unwrap()
});

#[jit]
fn boom() -> i64 {
    panic!("boom")
}

// Out of bounds: rustc evaluates the receiver `v[5]` (and its bounds check) first.
twice!(write_out_of_bounds_first, write_out_of_bounds_first_rs, fn(k: usize) -> String {
    let mut v = vec![String::new()];
    write!(v[k + 4], "{}", boom()).unwrap();
    v[0].clone()
});

#[test]
fn review_strings_writes_as_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(
        write_index_changed_by_args(7),
        write_index_changed_by_args_rs(7)
    );
    assert_eq!(write_map_values(3), write_map_values_rs(3));
    let jit = panic_message(|| write_out_of_bounds_first(1));
    let rs = panic_message(|| write_out_of_bounds_first_rs(1));
    assert!(jit.starts_with(&rs), "{jit} / {rs}");
    assert!(balanced_since(&before));
}

// ---- discarded entries ---------------------------------------------------------------------

#[jitclass]
pub struct Tag {
    pub s: String,
}

#[jitclass]
impl Tag {
    pub fn new(s: &str) -> Tag {
        Tag { s: s.to_string() }
    }
}

// A discarded `entry(k).or_insert(v)` with `k` present drops `v`.
#[jit]
fn discarded_entries_drop_the_value() -> usize {
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    m.entry("k".to_string()).or_insert(vec!["a".to_string()]);
    m.entry("k".to_string())
        .or_insert(vec!["b".to_string(), "c".to_string()]);
    m.entry("k".to_string())
        .or_insert_with(|| vec!["d".to_string()]);
    let mut t: HashMap<i64, Tag> = HashMap::new();
    t.entry(1).or_insert(Tag::new("one"));
    t.entry(1).or_insert(Tag::new("uno"));
    let mut n = 0;
    for (_, v) in &m {
        n += v.len();
    }
    n * 100 + t.get(&1).unwrap().s.len() * 10 + t.len()
}

#[test]
fn review_strings_discarded_entries_as_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(discarded_entries_drop_the_value(), 131);
    assert!(balanced_since(&before));
}

// ---- loop references passed to methods -----------------------------------------------------

twice!(references_to_methods, references_to_methods_rs, fn(a: &Vec<i64>, b: &Vec<i64>) -> i64 {
    let mut n = 0;
    for x in a {
        if b.contains(x) {
            n += *x;
        }
    }
    let words = vec!["ab".to_string(), "b".to_string()];
    let mut m: HashMap<String, i64> = HashMap::new();
    m.insert("ab".to_string(), 5);
    for w in &words {
        if let Some(v) = m.get(w) {
            n += *v;
        }
        if m.remove(w).is_some() {
            n += 1000;
        }
        let text = String::from("xab");
        if text.ends_with(w.as_str()) && text.contains(w) {
            n += 100;
        }
    }
    n
});

twice!(match_bound_strings, match_bound_strings_rs, fn(v: &Vec<Option<Vec<String>>>) -> String {
    let mut out = String::new();
    for o in v {
        if let Some(w) = o {
            for s in w {
                out.push_str(s);
                if *s == "b" {
                    out.push('!');
                }
                let c: String = s.clone();
                out.push_str(&c);
            }
            out.push_str(&format!("{}", w.len()));
        }
    }
    out
});

#[test]
fn review_strings_references_as_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    let a = vec![1, 2, 3];
    let b = vec![2, 3, 4];
    assert_eq!(
        references_to_methods(&a, &b),
        references_to_methods_rs(&a, &b)
    );
    let v = vec![Some(vec!["a".to_string(), "b".to_string()]), None];
    assert_eq!(match_bound_strings(&v), match_bound_strings_rs(&v));
    assert!(balanced_since(&before));
}
