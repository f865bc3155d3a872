//! `String`s inside other values (issue 16): class fields (a getter gives a copy, a
//! setter moves one in), tuple elements, `Option` payloads, `Vec` elements and
//! `HashMap` values, in jit code and crossing as std's types; each jit fn beside the same
//! Rust (`rust::*`, written once by `twins!`), the memory runtime balanced.

// The twins spell out what jit code runs, where clippy knows a shorter way.
#![allow(clippy::manual_unwrap_or_default)]

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};
use std::collections::HashMap;

/// Each fn twice from one body: a `#[jit]` fn, and the plain Rust fn `rust::name`.
macro_rules! twins {
    ($(fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty $body:block)*) => {
        $(
            #[jit]
            fn $name($($p: $t),*) -> $r $body
        )*
        mod rust {
            #[allow(unused_imports)]
            use std::collections::HashMap;
            $(
                pub fn $name($($p: $t),*) -> $r $body
            )*
        }
    };
}

twins! {
    fn words(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        for w in s.split_whitespace() {
            v.push(w.to_string());
        }
        v
    }

    fn lengths(v: Vec<String>) -> (usize, usize, Vec<String>) {
        let mut total = 0;
        for s in &v {
            total += s.len();
        }
        let first = if v.is_empty() { 0 } else { v[0].len() };
        (total, first, v)
    }

    fn longest(v: Vec<String>) -> Option<String> {
        let mut best: Option<String> = None;
        let mut best_len = 0;
        for s in v {
            if best.is_none() || s.len() > best_len {
                best_len = s.len();
                best = Some(s);
            }
        }
        best
    }

    fn same(a: Vec<String>, b: Vec<String>, s: String) -> (bool, bool, bool) {
        (a == b, a != b, a.contains(&s))
    }

    fn joined(v: Vec<String>, sep: String) -> (String, String, String) {
        (v.join(","), v.join(""), v.join(&sep))
    }

    fn pair(a: String, n: i64) -> (String, i64, Option<String>) {
        let b = a.clone();
        (a, n, Some(b))
    }

    fn unwrap_or_empty(o: Option<String>) -> String {
        match o {
            Some(s) => s,
            None => String::new(),
        }
    }

    fn counts(text: &str) -> HashMap<i64, String> {
        let mut m: HashMap<i64, String> = HashMap::new();
        for w in text.split_whitespace() {
            let k = w.len() as i64;
            match m.get_mut(&k) {
                Some(s) => {
                    s.push(',');
                    s.push_str(w);
                }
                None => {
                    m.insert(k, w.to_string());
                }
            }
        }
        m
    }
}

#[jitclass]
pub struct Named {
    pub(crate) name: String,
    pub(crate) hits: i64,
}

#[jitclass]
impl Named {
    pub fn new(name: String) -> Named {
        Named { name, hits: 0 }
    }

    /// Appends to the field in place.
    pub fn add(&mut self, part: &str) {
        self.name.push_str(part);
        self.hits += 1;
    }

    /// Uses a `&str` of the field where it is made.
    pub fn starts(&self, prefix: &str) -> bool {
        self.name.trim().starts_with(prefix)
    }

    pub fn replace(&mut self, name: String) -> String {
        let old = self.name.clone();
        self.name = name;
        old
    }
}

const TEXTS: [&str; 5] = [
    "",
    "one",
    "two words",
    "  héllo   wörld  again ",
    "a bb a ccc bb",
];

#[test]
fn strings_in_vecs_tuples_and_options() {
    let _m = memory_test();
    for s in TEXTS {
        assert_eq!(words(s), rust::words(s));
        assert_eq!(lengths(rust::words(s)), rust::lengths(rust::words(s)));
        assert_eq!(longest(rust::words(s)), rust::longest(rust::words(s)));
        assert_eq!(pair(s.to_string(), 3), rust::pair(s.to_string(), 3));
        assert_eq!(
            joined(rust::words(s), " – ".to_string()),
            rust::joined(rust::words(s), " – ".to_string())
        );
        assert_eq!(counts(s), rust::counts(s));
        for t in TEXTS {
            let (a, b) = (rust::words(s), rust::words(t));
            assert_eq!(
                same(a.clone(), b.clone(), "two".to_string()),
                rust::same(a, b, "two".to_string())
            );
        }
    }
    for o in [Some("x".to_string()), None] {
        assert_eq!(unwrap_or_empty(o.clone()), rust::unwrap_or_empty(o));
    }
    assert_no_leaks();
}

#[test]
fn strings_as_class_fields() {
    let _m = memory_test();
    let mut n = Named::new("  ab".to_string());
    n.add("c");
    n.add("dé");
    assert_eq!(n.name(), "  abcdé");
    assert!(n.starts("abc"));
    assert!(!n.starts("b"));
    // The getter gives a copy; the setter moves a new value in.
    let mut copy = n.name();
    copy.push('!');
    assert_eq!(n.name(), "  abcdé");
    n.set_name("new".to_string());
    assert_eq!(n.replace("newer".to_string()), "new");
    assert_eq!(n.name(), "newer");
    assert_eq!(n.hits(), 2);
    drop(n);
    assert_no_leaks();
}

#[jitclass]
pub struct Doc {
    pub(crate) text: String,
}

#[jitclass]
impl Doc {
    pub fn new(text: String) -> Doc {
        Doc { text }
    }

    pub fn append(&mut self, part: &str) {
        self.text.push_str(part);
    }

    /// Loops over the words of the field while calling `other`, which may be `self`.
    pub fn words_touching(&self, other: Doc) -> usize {
        let mut n = 0;
        for w in self.text.split_whitespace() {
            n += w.len();
            let mut o = other.clone();
            o.append("!");
        }
        n
    }
}

#[test]
fn a_field_loop_lends_the_string() {
    let _m = memory_test();
    let a = Doc::new("ab cd".to_string());
    let b = Doc::new(String::new());
    assert_eq!(a.words_touching(b.clone()), 4);
    assert_eq!(b.text(), "!!");
    // The same instance through another handle: its text is lent for the loop.
    let e = std::panic::catch_unwind(|| a.words_touching(a.clone())).expect_err("a panic");
    let msg = e.downcast_ref::<String>().expect("a message");
    assert!(
        msg.contains(
            "already borrowed: cannot `push_str` a `String` while a `&str` of it is in use"
        ),
        "{msg}"
    );
    assert_eq!(a.text(), "ab cd");
    drop((a, b));
    assert_no_leaks();
}

#[jitclass]
pub struct Kept {
    pub(crate) text: String,
}

#[jitclass]
impl Kept {
    pub fn new(text: String) -> Kept {
        Kept { text }
    }

    /// Keeps a `&str` of a field: refused when the method is compiled (the field's type
    /// is known then), since another handle could change the field meanwhile.
    pub fn kept_len(&self) -> usize {
        let t = self.text.trim();
        t.len()
    }
}

#[test]
fn a_str_of_a_field_is_not_kept() {
    let _m = memory_test();
    let k = Kept::new(" a ".to_string());
    let e = std::panic::catch_unwind(|| k.kept_len()).expect_err("refused");
    let msg = e.downcast_ref::<String>().expect("a message");
    assert!(
        msg.contains("a `&str` borrowed from a `String` that is not a local variable owning it cannot be kept in a local in jit code"),
        "{msg}"
    );
    drop(k);
    assert_no_leaks();
}
