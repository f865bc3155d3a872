//! Review probes for SQLite registration of generic-class instantiations: several
//! instantiations in one query, re-registration, TEXT/BLOB arguments with managed state,
//! panics in every part with `stats()` balanced, window frames against SQLite's `sum`.

use crate::{assert_no_leaks, memory_test};
use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate, register_window};
use std::ops::{Add, Sub};

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

/// A pair of type parameters, each in its own argument slot.
#[jitclass]
pub struct Pairs<A, B> {
    a: Option<A>,
    b: Option<B>,
    n: i64,
}

#[jitclass]
impl<A: Copy + Add<Output = A>, B: Copy + Add<Output = B>> Pairs<A, B> {
    pub fn new() -> Self {
        Pairs {
            a: None,
            b: None,
            n: 0,
        }
    }

    pub fn step(&mut self, a: A, b: B) {
        self.n += 1;
        self.a = Some(match self.a {
            Some(s) => s + a,
            None => a,
        });
        self.b = Some(match self.b {
            Some(s) => s + b,
            None => b,
        });
    }

    pub fn finalize(&self) -> Option<B> {
        self.b
    }
}

fn pairs_twin<A: Copy + Add<Output = A>, B: Copy + Add<Output = B>>(rows: &[(A, B)]) -> Option<B> {
    let (mut a, mut b) = (None::<A>, None::<B>);
    for &(x, y) in rows {
        a = Some(a.map_or(x, |s| s + x));
        b = Some(b.map_or(y, |s| s + y));
    }
    let _ = a;
    b
}

#[test]
fn two_param_instantiations_in_one_query_are_not_confused() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE t(i INTEGER, x REAL); INSERT INTO t VALUES (1, 0.5), (2, 1.25), (3, -4.0);",
    )
    .unwrap();
    register_aggregate::<Pairs<i64, f64>>(&conn, "p_if", flags()).unwrap();
    register_aggregate::<Pairs<f64, i64>>(&conn, "p_fi", flags()).unwrap();
    register_aggregate::<Pairs<i32, i64>>(&conn, "p_ii", flags()).unwrap();
    // The same instantiation twice, under two names.
    register_aggregate::<Pairs<i64, f64>>(&conn, "p_if2", flags()).unwrap();
    let got: (Option<f64>, Option<i64>, Option<i64>, Option<f64>) = conn
        .query_row(
            "SELECT p_if(i, x), p_fi(x, i), p_ii(i, i), p_if2(i, x) FROM t",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    let rows = [(1i64, 0.5f64), (2, 1.25), (3, -4.0)];
    assert_eq!(got.0, pairs_twin(&rows));
    assert_eq!(got.1, pairs_twin(&rows.map(|(i, x)| (x, i))));
    assert_eq!(got.2, pairs_twin(&rows.map(|(i, _)| (i as i32, i))));
    assert_eq!(got.0, Some(0.5 + 1.25 - 4.0));
    assert_eq!(got.3, got.0);
    // Re-registering a name replaces the function; the old one's state is gone.
    register_aggregate::<Pairs<f64, i64>>(&conn, "p_if", flags()).unwrap();
    let again: Option<i64> = conn
        .query_row("SELECT p_if(x, i) FROM t", [], |r| r.get(0))
        .unwrap();
    assert_eq!(again, got.1);
    // Wrong arity is SQLite's error.
    let err = conn
        .query_row("SELECT p_if(x) FROM t", [], |r| r.get::<_, Option<i64>>(0))
        .unwrap_err();
    assert!(
        err.to_string().contains("wrong number of arguments"),
        "{err}"
    );
    drop(conn);
    assert_no_leaks();
}

/// Managed state over TEXT and BLOB arguments: `Vec<String>`, `String`, `Vec<T>`.
#[jitclass]
pub struct Words<T> {
    words: Vec<String>,
    joined: String,
    tags: Vec<T>,
    bytes: i64,
}

#[jitclass]
impl<T: Copy> Words<T> {
    pub fn new() -> Self {
        Words {
            words: Vec::new(),
            joined: String::new(),
            tags: Vec::new(),
            bytes: 0,
        }
    }

    pub fn step(&mut self, w: &str, tag: T, blob: &[u8]) {
        self.words.push(w.to_string());
        self.joined.push_str(w);
        self.joined.push(',');
        self.tags.push(tag);
        self.bytes += blob.len() as i64;
    }

    pub fn inverse(&mut self, w: &str, _tag: T, blob: &[u8]) {
        self.words.remove(0);
        let _ = w;
        self.joined = self.words.join(",");
        if !self.words.is_empty() {
            self.joined.push(',');
        }
        self.tags.remove(0);
        self.bytes -= blob.len() as i64;
    }

    pub fn value(&self) -> String {
        format!(
            "{}#{}#{}#{}",
            self.words.join("+"),
            self.joined,
            self.bytes,
            self.tags.len()
        )
    }

    pub fn finalize(&self) -> String {
        format!(
            "{}#{}#{}#{}",
            self.words.join("+"),
            self.joined,
            self.bytes,
            self.tags.len()
        )
    }
}

#[test]
fn text_and_blob_arguments_into_managed_state() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE w(g INTEGER, s TEXT, i INTEGER, x REAL, b BLOB);
         INSERT INTO w VALUES (1, 'héllo', 1, 0.5, x'0102'), (1, 'wörld', 2, 1.5, x''),
                              (2, '', 3, 2.5, x'ff'), (2, 'a b', 4, 3.5, 'text'),
                              (2, NULL, 5, 4.5, x'00'), (3, 12, 6, 5.5, 3.25);",
    )
    .unwrap();
    register_window::<Words<i64>>(&conn, "words_i", flags()).unwrap();
    register_window::<Words<f64>>(&conn, "words_x", flags()).unwrap();
    register_aggregate::<Words<bool>>(&conn, "words_b", flags()).unwrap();
    let mut stmt = conn
        .prepare("SELECT g, words_i(s, i, b), words_x(s, x, b), words_b(s, i, b) FROM w GROUP BY g ORDER BY g")
        .unwrap();
    let got: Vec<(i64, String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // rustc's build of the same state, by hand (NULL `s` skips the row).
    let twin = |rows: &[(&str, &[u8])], last: String| {
        let words: Vec<String> = rows.iter().map(|r| r.0.to_string()).collect();
        let joined: String = rows.iter().map(|r| format!("{},", r.0)).collect();
        let bytes: usize = rows.iter().map(|r| r.1.len()).sum();
        format!("{}#{}#{}#{}", words.join("+"), joined, bytes, last)
    };
    assert_eq!(
        got[0].1,
        twin(&[("héllo", &[1, 2]), ("wörld", &[])], "2".to_string())
    );
    assert_eq!(
        got[0].2,
        twin(&[("héllo", &[1, 2]), ("wörld", &[])], "2".to_string())
    );
    assert_eq!(
        got[0].3,
        twin(&[("héllo", &[1, 2]), ("wörld", &[])], "2".to_string())
    );
    assert_eq!(
        got[1].1,
        twin(&[("", &[0xff]), ("a b", b"text")], "2".to_string())
    );
    assert_eq!(got[2].1, twin(&[("12", b"3.25")], "1".to_string()));
    drop(stmt);
    // As a window: frames with inverse, against a hand twin of the last two rows.
    let frames: Vec<String> = conn
        .prepare("SELECT words_i(s, i, b) OVER (ORDER BY i ROWS 1 PRECEDING) FROM w WHERE s IS NOT NULL ORDER BY i")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(frames.len(), 5);
    assert_eq!(
        frames[1],
        twin(&[("héllo", &[1, 2]), ("wörld", &[])], "2".to_string())
    );
    assert_eq!(
        frames[4],
        twin(&[("a b", b"text"), ("12", b"3.25")], "2".to_string())
    );
    // Invalid UTF-8 is the query's error; nothing leaks from the groups already stepped.
    let err = conn
        .query_row("SELECT words_i(s, i, b) FROM (SELECT 'ok' s, 1 i, x'' b UNION ALL SELECT CAST(x'ff' AS TEXT), 2, x'')", [], |r| r.get::<_, String>(0))
        .unwrap_err();
    assert!(err.to_string().contains("UTF-8"), "{err}");
    drop(conn);
    assert_no_leaks();
}

/// Panics on demand in every part: `mode` picks the part, state holds a `Vec<String>`.
#[jitclass]
pub struct Boom<T> {
    kept: Vec<String>,
    last: Option<T>,
    n: i64,
}

#[jitclass]
impl<T: Copy + Sub<Output = T>> Boom<T> {
    pub fn new() -> Self {
        Boom {
            kept: vec!["start".to_string()],
            last: None,
            n: 0,
        }
    }

    pub fn step(&mut self, mode: i64, x: T) {
        self.kept.push(format!("{}", mode));
        self.n += 1;
        if mode == 1 {
            panic!("step boom {}", self.n);
        }
        self.last = Some(x - x);
    }

    pub fn inverse(&mut self, mode: i64, _x: T) {
        self.kept.push(String::from("inv"));
        if mode == 2 {
            panic!("inverse boom");
        }
    }

    pub fn value(&self) -> i64 {
        if self.kept.contains(&String::from("3")) {
            panic!("value boom");
        }
        self.n
    }

    pub fn finalize(&self) -> i64 {
        if self.kept.contains(&String::from("4")) {
            panic!("finalize boom");
        }
        self.n
    }
}

#[test]
fn panics_in_every_part_of_an_instantiation_balance() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("CREATE TABLE m(k INTEGER, mode INTEGER, x REAL);")
        .unwrap();
    register_window::<Boom<f64>>(&conn, "boom", flags()).unwrap();
    register_window::<Boom<i64>>(&conn, "boom_i", flags()).unwrap();
    for (mode, want) in [
        (1, "step boom"),
        (2, "inverse boom"),
        (3, "value boom"),
        (4, "finalize boom"),
    ] {
        conn.execute_batch(&format!(
            "DELETE FROM m; INSERT INTO m VALUES (1, 0, 1.0), (2, {mode}, 2.0), (3, 0, 3.0), (4, 0, 4.0);"
        ))
        .unwrap();
        for f in ["boom(mode, x)", "boom_i(mode, CAST(x AS INTEGER))"] {
            let window = conn
                .prepare(&format!(
                    "SELECT {f} OVER (ORDER BY k ROWS 1 PRECEDING) FROM m"
                ))
                .unwrap()
                .query_map([], |r| r.get::<_, i64>(0))
                .unwrap()
                .collect::<Result<Vec<i64>, _>>();
            let agg = conn.query_row(&format!("SELECT {f} FROM m"), [], |r| r.get::<_, i64>(0));
            match mode {
                1 => {
                    assert!(window.unwrap_err().to_string().contains(want));
                    assert!(agg.unwrap_err().to_string().contains(want));
                }
                2 | 3 => {
                    assert!(window.unwrap_err().to_string().contains(want), "{mode}");
                    assert_eq!(agg.unwrap(), 4);
                }
                _ => {
                    assert!(agg.unwrap_err().to_string().contains(want), "{mode}");
                }
            }
        }
    }
    drop(conn);
    assert_no_leaks();
}

/// SQLite's `sum` (and rustc's checked add in a twin) as a window over every frame kind.
#[jitclass]
pub struct WSum<T> {
    sum: Option<T>,
    rows: i64,
}

#[jitclass]
impl<T: Copy + Add<Output = T> + Sub<Output = T>> WSum<T> {
    pub fn new() -> Self {
        WSum { sum: None, rows: 0 }
    }

    pub fn step(&mut self, x: T) {
        self.rows += 1;
        self.sum = Some(match self.sum {
            Some(s) => s + x,
            None => x,
        });
    }

    pub fn inverse(&mut self, x: T) {
        self.rows -= 1;
        self.sum = if self.rows == 0 {
            None
        } else {
            Some(self.sum.unwrap() - x)
        };
    }

    pub fn value(&self) -> Option<T> {
        self.sum
    }

    pub fn finalize(&self) -> Option<T> {
        self.sum
    }
}

#[test]
fn window_frames_match_sqlites_sum() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("CREATE TABLE f(k INTEGER, p INTEGER, i INTEGER)")
        .unwrap();
    for k in 0..200i64 {
        let i = if k % 5 == 3 {
            None
        } else {
            Some((k * 7919) % 103 - 50)
        };
        conn.execute(
            "INSERT INTO f VALUES (?1, ?2, ?3)",
            rusqlite::params![k, k % 4, i],
        )
        .unwrap();
    }
    register_window::<WSum<i64>>(&conn, "wsum", flags()).unwrap();
    register_window::<WSum<i32>>(&conn, "wsum32", flags()).unwrap();
    for frame in [
        "ORDER BY k ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING",
        "PARTITION BY p ORDER BY k ROWS BETWEEN 1 FOLLOWING AND 4 FOLLOWING",
        "ORDER BY k / 3 RANGE BETWEEN 1 PRECEDING AND CURRENT ROW",
        "ORDER BY k / 3 GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING",
        "ORDER BY k ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING EXCLUDE CURRENT ROW",
        "ORDER BY k / 2 ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING EXCLUDE GROUP",
        "ORDER BY k / 2 ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING EXCLUDE TIES",
        "PARTITION BY p",
        "ORDER BY k",
    ] {
        let sql = format!(
            "SELECT wsum(i) OVER w, sum(i) OVER w, wsum32(i) OVER w FROM f WINDOW w AS ({frame}) ORDER BY k"
        );
        let got: Vec<(Option<i64>, Option<i64>, Option<i64>)> = conn
            .prepare(&sql)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (n, (mine, theirs, mine32)) in got.into_iter().enumerate() {
            assert_eq!(mine, theirs, "{frame}: row {n}");
            assert_eq!(mine32, theirs, "{frame}: row {n} (i32)");
        }
    }
    drop(conn);
    assert_no_leaks();
}

/// Integer `+` wraps, as in a release build (the book's documented rule); an argument
/// out of `u8`'s range is an error naming no internal item.
#[test]
fn overflow_in_an_instantiation_wraps_as_documented() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE o(i INTEGER); INSERT INTO o VALUES (9223372036854775807), (1);",
    )
    .unwrap();
    register_aggregate::<WSum<i64>>(&conn, "wsum", flags()).unwrap();
    register_aggregate::<WSum<u8>>(&conn, "wsum8", flags()).unwrap();
    let got = conn
        .query_row("SELECT wsum(i) FROM o", [], |r| r.get::<_, Option<i64>>(0))
        .unwrap();
    assert_eq!(got, Some(i64::MAX.wrapping_add(1)));
    let got = conn
        .query_row(
            "SELECT wsum8(i) FROM (SELECT 200 i UNION ALL SELECT 100)",
            [],
            |r| r.get::<_, Option<i64>>(0),
        )
        .unwrap();
    assert_eq!(got, Some(200u8.wrapping_add(100) as i64));
    let err = conn
        .query_row("SELECT wsum8(i) FROM (SELECT 256 i)", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .unwrap_err();
    assert!(!err.to_string().contains("__jitclass"), "{err}");
    eprintln!("u8 out of range: {err}");
    drop(conn);
    assert_no_leaks();
}

/// `push_str` of a `&String` (deref coercion to `&str`), valid Rust, in a generic impl.
#[jitclass]
pub struct Glue<T> {
    words: Vec<String>,
    out: String,
    last: Option<T>,
}

#[jitclass]
impl<T: Copy> Glue<T> {
    pub fn new() -> Self {
        Glue {
            words: Vec::new(),
            out: String::new(),
            last: None,
        }
    }

    pub fn step(&mut self, w: &str, x: T) {
        self.words.push(w.to_string());
        self.last = Some(x);
    }

    pub fn finalize(&self) -> String {
        let mut out = String::new();
        for k in &self.words {
            out.push_str(k);
        }
        out
    }
}

/// rustc accepts `out.push_str(k)` for `k: &String` (deref coercion); so does jit code
/// (it was refused, and only at registration: "mismatched types: expected `&str`, found
/// `String`", `Glue::finalize`, `T = i64`).
#[test]
fn push_str_of_a_string_reference_in_a_generic_impl() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Glue<i64>>(&conn, "glue", flags()).unwrap();
    let got: String = conn
        .query_row(
            "SELECT glue(s, 1) FROM (SELECT 'ab' s UNION ALL SELECT 'c')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(got, "abc");
    drop(conn);
    assert_no_leaks();
}
