//! Review of instance keys (classes deriving `PartialEq`, `Eq`, `Hash` as `HashMap`/`HashSet`
//! keys) and `write!`/`writeln!` into a `String`: each body compared with rustc's build of
//! the same code where it is valid Rust, and memory balanced.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{JitClass, jit, jitclass};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_must_use)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct RkPt {
    pub x: i64,
    pub y: i64,
}

#[jitclass]
impl RkPt {
    pub fn new(x: i64, y: i64) -> RkPt {
        RkPt { x, y }
    }
}

/// Every kind of field a key hashes.
#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct RkTag {
    pub name: String,
    pub at: RkPt,
    pub pair: (String, Option<RkPt>),
    pub flags: [bool; 2],
    pub small: i8,
    pub c: Option<char>,
    pub n: usize,
}

#[jitclass]
impl RkTag {
    pub fn new(i: i64) -> RkTag {
        let near = if i % 2 == 0 {
            Some(RkPt::new(i, -i))
        } else {
            None
        };
        RkTag {
            name: (i % 7).to_string(),
            at: RkPt::new(i % 3, i % 5),
            pair: ((i % 4).to_string(), near),
            flags: [i % 2 == 0, i % 3 == 0],
            small: (i % 100) as i8 - 50,
            c: if i % 5 == 0 { None } else { Some('é') },
            n: i as usize,
        }
    }
}

twice!(same_instance_twice, same_instance_twice_rs, fn(n: i64) -> i64 {
    let k = RkPt::new(n, 1);
    let mut m: HashMap<RkPt, i64> = HashMap::new();
    let a = m.insert(k.clone(), 1).unwrap_or(-1);
    let b = m.insert(k.clone(), 2).unwrap_or(-1);
    *m.entry(k.clone()).or_insert(40) += 3;
    let mut s: HashSet<RkPt> = HashSet::new();
    let c = s.insert(k.clone()) as i64;
    let d = s.insert(k.clone()) as i64;
    let e = s.remove(&k) as i64;
    let f = s.insert(k.clone()) as i64;
    let g = m.remove(&k).unwrap_or(-5);
    a * 100000 + b * 10000 + c * 1000 + d * 100 + e * 10 + f + g * 7 + m.len() as i64 * 3 + s.len() as i64
});

#[test]
fn the_same_instance_inserted_twice_is_one_key() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 5] {
        assert_eq!(same_instance_twice(n), same_instance_twice_rs(n));
    }
    assert!(balanced_since(&before));
}

#[jit]
fn keep_first(a: RkPt, b: RkPt, c: RkPt) -> HashMap<RkPt, i64> {
    let mut m = HashMap::new();
    m.insert(a, 1);
    m.insert(b, 2);
    *m.entry(c).or_insert(0) += 10;
    m
}

/// std keeps the stored key when an equal one is inserted: changing the later instances
/// afterwards leaves the map alone.
#[test]
fn an_equal_key_inserted_again_keeps_the_stored_instance() {
    let _m = memory_test();
    let before = jitclass::stats();
    let (a, b, c) = (RkPt::new(1, 2), RkPt::new(1, 2), RkPt::new(1, 2));
    let m = keep_first(a.clone(), b.clone(), c.clone());
    let mut rs = HashMap::new();
    rs.insert(a.clone(), 1);
    rs.insert(b.clone(), 2);
    *rs.entry(c.clone()).or_insert(0) += 10;
    b.set_x(9);
    c.set_y(9);
    assert_eq!(m.get(&RkPt::new(1, 2)), Some(&12));
    assert_eq!(rs.get(&RkPt::new(1, 2)), Some(&12));
    drop((a, b, c, m, rs));
    assert!(balanced_since(&before));
}

#[jit]
fn mutated_then_used(mut k: RkPt, n: i64, clear: bool) -> (HashMap<RkPt, i64>, i64) {
    let mut m: HashMap<RkPt, i64> = HashMap::new();
    m.insert(k.clone(), 0);
    for i in 1..n {
        m.insert(RkPt::new(i, i), i);
    }
    // Now equal to the key (1, 1), hashed as (0, 0).
    k.x = 1;
    k.y = 1;
    let mut acc = 0;
    for (kk, v) in &m {
        acc += kk.x * 100 + *v;
    }
    for i in n..n + 64 {
        m.insert(RkPt::new(i, i), i);
    }
    acc += m.insert(RkPt::new(1, 1), 50).unwrap_or(-1);
    acc += m.remove(&RkPt::new(1, 1)).unwrap_or(-1);
    acc += m.remove(&RkPt::new(1, 1)).unwrap_or(-1);
    acc += m.remove(&RkPt::new(0, 0)).unwrap_or(-1);
    acc += m.contains_key(&k) as i64;
    for kk in m.keys() {
        acc += kk.y;
    }
    if clear {
        m.clear();
        m.insert(k.clone(), 3);
        k.x = 7;
    }
    (m, acc)
}

/// Keys changed through another handle after insertion: any answer, but no hang, crash or
/// leak, through insertions that rebuild the index, removals, loops, `clear` and crossing.
#[test]
fn keys_mutated_after_insertion_stay_sound() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [1, 3, 20] {
        for clear in [false, true] {
            let k = RkPt::new(0, 0);
            let (m, _) = mutated_then_used(k.clone(), n, clear);
            // Crossed to std: std rehashes the handles, so the key is found by its value now.
            assert!(!m.is_empty());
            assert!(m.contains_key(&k), "n = {n}, clear = {clear}");
            drop((k, m));
        }
    }
    assert!(balanced_since(&before));
}

#[jit]
fn text_key_grows(mut t: RkTag, n: i64) -> (bool, bool, usize) {
    let mut s: HashSet<RkTag> = HashSet::new();
    s.insert(t.clone());
    for i in 0..n {
        t.name
            .push_str("a long tail that reallocates the buffer of the key");
        t.pair.0.push('x');
        s.insert(RkTag::new(i));
    }
    let found_now = s.contains(&t);
    let found_old = s.contains(&RkTag::new(3));
    (found_now, found_old, s.len())
}

#[test]
fn a_key_string_grown_through_another_handle_is_read_afresh() {
    let _m = memory_test();
    let before = jitclass::stats();
    let (_, _, len) = text_key_grows(RkTag::new(3), 40);
    assert_eq!(len, 41);
    assert!(balanced_since(&before));
}

#[jit]
fn build_tags(n: i64) -> HashSet<RkTag> {
    let mut s = HashSet::new();
    for i in 0..n {
        s.insert(RkTag::new(i));
    }
    s
}

#[jit]
fn weigh_tags(m: HashMap<RkTag, i64>, n: i64) -> i64 {
    let mut acc = 0;
    for i in 0..n {
        acc = acc * 3 + m.get(&RkTag::new(i)).copied().unwrap_or(2);
    }
    acc
}

twice!(tag_counts, tag_counts_rs, fn(n: i64) -> i64 {
    let mut m: HashMap<(RkTag, u8), i64> = HashMap::new();
    for i in 0..n {
        *m.entry((RkTag::new(i % 9), (i % 2) as u8)).or_insert(0) += i;
    }
    let mut acc = m.len() as i64;
    for i in 0..12 {
        acc = acc * 5 + m.get(&(RkTag::new(i), 1)).copied().unwrap_or(-1);
    }
    acc
});

/// std's derived `Hash` of the handles and the map's hashing agree on every kind of field.
#[test]
fn keys_with_every_field_kind_cross_both_ways() {
    let _m = memory_test();
    let before = jitclass::stats();
    let s = build_tags(30);
    assert_eq!(s.len(), 30);
    for i in 0..30 {
        assert!(s.contains(&RkTag::new(i)), "i = {i}");
    }
    let mut m = HashMap::new();
    for i in 0..10 {
        m.insert(RkTag::new(i), i % 2);
    }
    let expect = (0..12).fold(0, |acc, i| acc * 3 + if i < 10 { i % 2 } else { 2 });
    assert_eq!(weigh_tags(m, 12), expect);
    for n in [0, 5, 40] {
        assert_eq!(tag_counts(n), tag_counts_rs(n), "n = {n}");
    }
    drop(s);
    assert!(balanced_since(&before));
}

/// An optional `String` field of a key.
#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct RkOptName {
    pub name: Option<String>,
}

#[jitclass]
impl RkOptName {
    pub fn new(i: i64) -> RkOptName {
        RkOptName {
            name: if i == 0 { None } else { Some(i.to_string()) },
        }
    }
}

#[jit]
fn opt_names(n: i64) -> (usize, bool, bool) {
    let mut s: HashSet<RkOptName> = HashSet::new();
    for i in 0..n {
        s.insert(RkOptName::new(i % 4));
    }
    (
        s.len(),
        s.contains(&RkOptName::new(0)),
        s.contains(&RkOptName::new(2)),
    )
}

#[test]
fn option_string_fields_of_keys() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(opt_names(10), (4, true, true));
    assert!(balanced_since(&before));
}

#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct RkLink {
    pub v: i64,
    pub next: Option<RkLink>,
}

#[jitclass]
impl RkLink {
    pub fn chain(n: i64) -> RkLink {
        let mut l = RkLink { v: 0, next: None };
        for i in 1..n {
            l = RkLink {
                v: i,
                next: Some(l),
            };
        }
        l
    }
}

#[jit]
fn deep_key(n: i64) -> (bool, bool) {
    let mut s = HashSet::new();
    s.insert(RkLink::chain(n));
    (
        s.contains(&RkLink::chain(n)),
        s.contains(&RkLink::chain(n - 1)),
    )
}

#[test]
fn deep_recursive_keys() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(deep_key(3000), (true, false));
    assert!(balanced_since(&before));
}

// ---- write! / writeln! ----

twice!(args_before_text, args_before_text_rs, fn(n: i64) -> String {
    let mut s = String::from("x");
    write!(s, "ab{}|", s.len()).unwrap();
    writeln!(s, "{}-{}", s.len(), n).unwrap();
    write!(s, "<{}>", s.clone()).unwrap();
    s
});

#[jit]
fn generic_len_arg<T: std::fmt::Display>(x: T) -> String {
    let mut s = String::from("x");
    write!(s, "ab{}|{}", s.len(), x).unwrap();
    s
}

/// Arguments are evaluated before anything is written (`format_args!`).
#[test]
fn write_arguments_are_read_before_writing() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 3] {
        assert_eq!(args_before_text(n), args_before_text_rs(n));
    }
    assert_eq!(generic_len_arg(5i64), "xab1|5");
    assert!(balanced_since(&before));
}

// `write!(s, "{}", s)` is rustc's E0502 (`s` borrowed mutably for the write and shared
// by the argument), also in a generic fn: refused at build time where `s` is a `String`
// (tests/ui/generics/string_borrow_conflicts.rs), at the first call where it is a type
// argument (`generic_string_borrows.rs`).

#[jitclass]
pub struct RkLog {
    pub text: String,
    pub items: Vec<String>,
}

#[jitclass]
impl RkLog {
    pub fn new() -> RkLog {
        RkLog {
            text: String::from("start;"),
            items: vec![String::new(), String::new()],
        }
    }

    pub fn add(&mut self, xs: &[i64], i: usize) {
        write!(self.text, "<{}|{}>", i, xs[i]).unwrap();
    }

    pub fn item(&mut self, i: usize, v: i64) {
        let len = self.items[i].len();
        writeln!(self.items[i], "{}:{}", len, v).unwrap();
    }
}

/// A panic in an argument leaves the destination as it was: rustc evaluates every
/// argument (`format_args!`) before `write_fmt` writes anything, so `self.text` stays
/// `"start;<1|5>"`. jitclass read a place argument (`xs[i]`) where its placeholder is,
/// after the earlier pieces were appended, and the panic left `"start;<1|5><3|"` in the
/// field, until an element argument's bounds check ran where the argument is.
#[test]
fn fixed_a_panicking_argument_writes_nothing() {
    let _m = memory_test();
    let before = jitclass::stats();
    let mut log = RkLog::new();
    log.add(&[4, 5], 1);
    let message = panic_message(|| {
        let mut log = log.clone();
        log.add(&[4], 3)
    });
    let mut text = String::from("start;<1|5>");
    let xs = [4i64];
    let i = std::hint::black_box(3usize);
    let expected = panic_message(|| write!(text, "<{}|{}>", i, xs[i]).unwrap());
    assert_eq!(message.lines().next(), Some(expected.as_str()));
    assert_eq!(text, "start;<1|5>");
    assert_eq!(log.text(), text);
    log.item(1, 3);
    log.item(1, 4);
    assert_eq!(log.items(), vec![String::new(), "0:3\n4:4\n".to_string()]);
    drop(log);
    assert!(balanced_since(&before));
}

twice!(write_edges, write_edges_rs, fn(n: i64) -> String {
    let mut s = String::new();
    write!(s, "").unwrap();
    writeln!(s, "").unwrap();
    write!(s, "{{}}{:>w$}", n, w = 4).unwrap();
    writeln!(s).unwrap();
    let mut v: Vec<String> = vec![String::from("a"), String::from("b")];
    for t in &mut v {
        write!(*t, "{}", n).unwrap();
    }
    for t in v.iter_mut() {
        writeln!(*t, "!").unwrap();
    }
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::from("m"));
    if let Some(t) = m.get_mut(&1) {
        write!(*t, "={}", n).unwrap();
    }
    s.push_str(&v[0]);
    s.push_str(&v[1]);
    s.push_str(&m.get(&1).cloned().unwrap());
    s
});

#[test]
fn write_edges_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, -7] {
        assert_eq!(write_edges(n), write_edges_rs(n));
    }
    assert!(balanced_since(&before));
}

// Formatting the parameter `x` itself is rustc's E0277 at build time (the parameter is
// unbounded: tests/ui/formatting/format_unbounded_generic.rs); that check reads
// parameters and the locals copied from one (`let y = x;`) only, so a block's value is
// formatted here to reach the first call's check.
#[jit]
fn write_display<T>(x: T) -> String {
    let mut s = String::new();
    let shown = { x };
    write!(s, "{}", shown).unwrap();
    s
}

/// A class without `Display` written by a generic body: rustc's E0277 at the first call.
#[test]
fn writing_a_value_without_display_in_a_generic_body() {
    let _m = memory_test();
    let before = jitclass::stats();
    let err = write_display::dispatcher()
        .compile(&[RkPt::class_info().jit_type()])
        .unwrap_err();
    assert_eq!(
        err.message(),
        "`RkPt` doesn't implement `std::fmt::Display`"
    );
    assert!(!err.to_string().contains("__jitclass"), "{err}");
    assert!(balanced_since(&before));
}

#[jitclass]
pub struct RkCounter {
    pub n: usize,
}

#[jitclass]
impl RkCounter {
    pub fn bump(&mut self) -> usize {
        self.n += 1;
        self.n - 1
    }
}

#[jit]
fn index_arg_used_twice(xs: &[i64]) -> (String, usize) {
    let mut c = RkCounter { n: 0 };
    let mut s = String::new();
    write!(s, "{0}-{0}", xs[c.bump()]).unwrap();
    let t = format!("{0}/{0}", xs[c.bump()]);
    s.push_str(&t);
    (s, c.n)
}

/// An argument is evaluated once, however many placeholders use it (rustc: "1-1" then
/// "2/2", the counter at 2); jitclass evaluated an index argument at each placeholder
/// (`("1-23/4", 4)`, in `format!` too) until the index was kept in a hidden local.
#[test]
fn fixed_an_index_argument_is_evaluated_once() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(
        index_arg_used_twice(&[1, 2, 3, 4, 5]),
        ("1-12/2".to_string(), 2)
    );
    assert!(balanced_since(&before));
}

#[jit]
fn first_failing_argument(xs: &[i64]) -> String {
    format!("{}{}", xs[9], xs[0] / (xs.len() as i64 - 1))
}

/// Arguments are evaluated in order: rustc panics at `xs[9]` first, before dividing by
/// zero. jitclass evaluated the division (a hidden local) before reading the place `xs[9]`
/// at its placeholder, so it panicked with "attempt to divide by zero" instead, until an
/// element argument's bounds check ran where the argument is.
#[test]
fn fixed_arguments_panic_in_order() {
    let _m = memory_test();
    let before = jitclass::stats();
    let message = panic_message(|| first_failing_argument(&[1]));
    assert!(message.contains("index out of bounds"), "{message}");
    let xs = std::hint::black_box(&[1i64][..]);
    let expected = panic_message(|| format!("{}{}", xs[9], xs[0] / (xs.len() as i64 - 1)));
    assert_eq!(message.lines().next(), Some(expected.as_str()));
    assert!(balanced_since(&before));
}

/// The outcome of `f`: its value, or the message of its panic (without the jit code's
/// location line).
fn outcome<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let message = match payload.downcast::<String>() {
            Ok(s) => *s,
            Err(payload) => payload
                .downcast_ref::<&str>()
                .map_or_else(|| "(not a message)".into(), |s| s.to_string()),
        };
        message.lines().next().unwrap_or_default().to_string()
    })
}

twice!(ordered_arguments, ordered_arguments_rs, fn(xs: &[i64], k: usize) -> String {
    format!("{}{}{}", xs[k], xs[0] / (xs.len() as i64 - 1), xs[k + 1])
});

twice!(ordered_text_arguments, ordered_text_arguments_rs, fn(k: usize, d: i64) -> String {
    let names: Vec<String> = vec![String::from("a"), String::from("bb"), String::from("ccc")];
    let mut s = String::from("<");
    write!(s, "{}|{:>w$}|{}", names[k], 1 / d, names[k + 1], w = k).unwrap();
    s
});

/// Every argument is evaluated in order before anything is written, element places
/// (`xs[k]`, a `String` element) included: results and panic messages as rustc's.
#[test]
fn arguments_evaluate_in_order_before_writing() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (xs, k) in [
        (&[1i64][..], 5),
        (&[1], 0),
        (&[1, 2], 0),
        (&[1, 2], 1),
        (&[3, 4, 5], 1),
    ] {
        assert_eq!(
            outcome(|| ordered_arguments(xs, k)),
            outcome(|| ordered_arguments_rs(xs, k)),
            "{xs:?} {k}"
        );
    }
    for (k, d) in [(0, 1), (1, 1), (1, 0), (2, 1), (3, 0), (2, 0), (0, 0)] {
        assert_eq!(
            outcome(|| ordered_text_arguments(k, d)),
            outcome(|| ordered_text_arguments_rs(k, d)),
            "{k} {d}"
        );
    }
    assert!(balanced_since(&before));
}

/// The field of a call's result used by two placeholders (`{0}{0}`): rustc evaluates the
/// call once, in argument order; jitclass read the place `make(..).0` at each
/// placeholder, calling `make` twice and after the arguments evaluated before it.
#[jitclass]
pub struct Calls {
    pub n: i64,
}

#[jitclass]
impl Calls {
    pub fn new() -> Calls {
        Calls { n: 0 }
    }

    pub fn bump(&mut self) -> i64 {
        self.n += 1;
        self.n
    }
}

// `c` is another handle of the caller's instance (a class value is a reference).
#[jit]
fn counted_pair(mut c: Calls, label: &str) -> (i64, String) {
    (c.bump(), label.to_string())
}

#[jit]
fn fields_of_a_call(mut c: Calls) -> String {
    let s = format!(
        "{1}:{0}{0}-{2}",
        counted_pair(c.clone(), "a").0,
        c.bump(),
        counted_pair(c.clone(), "b").1
    );
    format!("{s}/{}", c.n)
}

mod fields_of_a_call_rust {
    pub struct Calls {
        pub n: i64,
    }
    fn counted_pair(c: &mut Calls, label: &str) -> (i64, String) {
        c.n += 1;
        (c.n, label.to_string())
    }
    pub fn fields_of_a_call(mut c: Calls) -> String {
        let a = counted_pair(&mut c, "a").0;
        c.n += 1;
        let b = c.n;
        let s = format!("{1}:{0}{0}-{2}", a, b, counted_pair(&mut c, "b").1);
        format!("{s}/{}", c.n)
    }
}

#[test]
fn fixed_fields_of_a_call_are_evaluated_once_in_order() {
    let _memory = memory_test();
    let since = jitclass::stats();
    let expected = fields_of_a_call_rust::fields_of_a_call(fields_of_a_call_rust::Calls { n: 0 });
    assert_eq!(expected, "2:11-b/3");
    assert_eq!(fields_of_a_call(Calls::new()), expected);
    assert!(balanced_since(&since));
}
