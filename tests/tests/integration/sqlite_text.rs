//! TEXT in SQL functions: `&str` parameters lent from SQLite without a copy, for scalar,
//! aggregate and window functions. Results equal the same functions written in plain Rust
//! on rusqlite, given `CAST(x AS TEXT)`: a `&str` parameter reads a number as its text
//! form and a BLOB as its bytes, as `sqlite3_value_text` does. Text that is not UTF-8
//! never becomes a `&str`: the query ends with an SQL error naming the function and the
//! argument, the connection stays usable, and nothing leaks; NULLs follow the rules of the
//! other parameters.

use crate::sql_rows::{all, column, one, same_over_cast};
use jitclass::sqlite::{
    Connection, FunctionFlags, register_aggregate, register_scalar, register_window,
};
use jitclass::{jit, jitclass};
use rusqlite::functions::{Aggregate, Context, WindowAggregate};
use rusqlite::types::{Value, ValueRef};

pub(crate) fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

// ---- the jit functions ------------------------------------------------------------------

#[jit]
fn word_count(s: &str) -> i64 {
    let mut n = 0;
    for _w in s.split_whitespace() {
        n += 1;
    }
    n
}

#[jit]
fn char_count(s: &str) -> i64 {
    let mut n = 0;
    for _c in s.chars() {
        n += 1;
    }
    n
}

/// The bytes of `s` trimmed, as a BLOB.
#[jit]
fn trimmed_bytes(s: &str) -> Vec<u8> {
    let t = s.trim();
    let mut out = Vec::new();
    out.extend_from_slice(t.as_bytes());
    out
}

/// Whether `s` starts with `prefix` (two text arguments), NULL when `prefix` is empty.
#[jit]
fn starts(s: &str, prefix: &str) -> Option<bool> {
    if prefix.is_empty() {
        None
    } else {
        Some(s.starts_with(prefix))
    }
}

/// A text and a BLOB of the same value side by side: their byte lengths.
#[jit]
fn both_lens(s: &str, b: &[u8], scale: Option<i64>) -> i64 {
    (s.len() as i64 * 1000 + b.len() as i64) * scale.unwrap_or(1)
}

/// Words and letters of a group, and its trimmed values joined by `|`, as bytes.
#[jitclass]
pub struct TextStats {
    words: i64,
    letters: i64,
    joined: Vec<u8>,
}

#[jitclass]
impl TextStats {
    pub fn new() -> Self {
        TextStats {
            words: 0,
            letters: 0,
            joined: Vec::new(),
        }
    }

    pub fn step(&mut self, s: &str) {
        for _w in s.split_whitespace() {
            self.words += 1;
        }
        for c in s.chars() {
            if c.is_alphabetic() {
                self.letters += 1;
            }
        }
        if !self.joined.is_empty() {
            self.joined.push(b'|');
        }
        self.joined.extend_from_slice(s.trim().as_bytes());
    }

    /// The frame's first value leaves; its words and letters are subtracted (the joined
    /// bytes only grow: `value` does not show them).
    pub fn inverse(&mut self, s: &str) {
        for _w in s.split_whitespace() {
            self.words -= 1;
        }
        for c in s.chars() {
            if c.is_alphabetic() {
                self.letters -= 1;
            }
        }
    }

    pub fn value(&self) -> i64 {
        self.words * 1_000_000 + self.letters
    }

    /// The joined values; NULL for a group without rows.
    pub fn finalize(&self) -> Option<Vec<u8>> {
        if self.joined.is_empty() {
            None
        } else {
            Some(self.joined.clone())
        }
    }
}

fn register(conn: &Connection) {
    register_scalar::<word_count>(conn, "word_count", flags()).unwrap();
    register_scalar::<char_count>(conn, "char_count", flags()).unwrap();
    register_scalar::<trimmed_bytes>(conn, "trimmed_bytes", flags()).unwrap();
    register_scalar::<starts>(conn, "starts", flags()).unwrap();
    register_scalar::<both_lens>(conn, "both_lens", flags()).unwrap();
    register_aggregate::<TextStats>(conn, "text_stats", flags()).unwrap();
    register_window::<TextStats>(conn, "text_moving_stats", flags()).unwrap();
}

// ---- the same in Rust, on rusqlite ------------------------------------------------------

/// Argument `i`, given `CAST(x AS TEXT)`: its text, or `None` for NULL.
pub(crate) fn text<'a>(ctx: &'a Context<'_>, i: usize) -> Option<&'a str> {
    match ctx.get_raw(i) {
        ValueRef::Text(t) => Some(std::str::from_utf8(t).expect("the table's text is UTF-8")),
        ValueRef::Null => None,
        other => panic!("the Rust functions are given text, not {other:?}"),
    }
}

fn letters(s: &str) -> i64 {
    s.chars().filter(|c| c.is_alphabetic()).count() as i64
}

fn words(s: &str) -> i64 {
    s.split_whitespace().count() as i64
}

#[derive(Default)]
struct RsStats {
    words: i64,
    letters: i64,
    joined: Vec<u8>,
}

struct RsTextStats;

impl Aggregate<RsStats, Option<Vec<u8>>> for RsTextStats {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<RsStats> {
        Ok(RsStats::default())
    }

    fn step(&self, ctx: &mut Context<'_>, acc: &mut RsStats) -> rusqlite::Result<()> {
        if let Some(s) = text(ctx, 0) {
            acc.words += words(s);
            acc.letters += letters(s);
            if !acc.joined.is_empty() {
                acc.joined.push(b'|');
            }
            acc.joined.extend_from_slice(s.trim().as_bytes());
        }
        Ok(())
    }

    fn finalize(
        &self,
        _: &mut Context<'_>,
        acc: Option<RsStats>,
    ) -> rusqlite::Result<Option<Vec<u8>>> {
        Ok(acc.map(|a| a.joined).filter(|j| !j.is_empty()))
    }
}

impl WindowAggregate<RsStats, Option<Vec<u8>>> for RsTextStats {
    fn value(&self, acc: Option<&mut RsStats>) -> rusqlite::Result<Option<Vec<u8>>> {
        // As an INTEGER, like the jit `value`; `Vec<u8>` keeps the trait's one type.
        let n = acc.map_or(0, |a| a.words * 1_000_000 + a.letters);
        Ok(Some(n.to_string().into_bytes()))
    }

    fn inverse(&self, ctx: &mut Context<'_>, acc: &mut RsStats) -> rusqlite::Result<()> {
        if let Some(s) = text(ctx, 0) {
            acc.words -= words(s);
            acc.letters -= letters(s);
        }
        Ok(())
    }
}

fn register_rust(conn: &Connection) {
    conn.create_scalar_function("rs_word_count", 1, flags(), |ctx| {
        Ok(text(ctx, 0).map(words))
    })
    .unwrap();
    conn.create_scalar_function("rs_char_count", 1, flags(), |ctx| {
        Ok(text(ctx, 0).map(|s| s.chars().count() as i64))
    })
    .unwrap();
    conn.create_scalar_function("rs_trimmed_bytes", 1, flags(), |ctx| {
        Ok(text(ctx, 0).map(|s| s.trim().as_bytes().to_vec()))
    })
    .unwrap();
    conn.create_scalar_function("rs_starts", 2, flags(), |ctx| {
        Ok(match (text(ctx, 0), text(ctx, 1)) {
            (Some(s), Some(p)) if !p.is_empty() => Some(s.starts_with(p)),
            _ => None,
        })
    })
    .unwrap();
    conn.create_aggregate_function("rs_text_stats", 1, flags(), RsTextStats)
        .unwrap();
    conn.create_window_function("rs_text_moving_stats", 1, flags(), RsTextStats)
        .unwrap();
}

// ---- data -------------------------------------------------------------------------------

/// `t(g, x, y)`: `rows` rows in `groups` groups; `x` and `y` are text of a few words (with
/// padding, non-ASCII letters and empty strings among them), NULLs, INTEGERs, REALs and
/// BLOBs holding UTF-8, each in its own storage class.
pub(crate) fn table(conn: &Connection, rows: usize, groups: usize, seed: u64) {
    const WORDS: &[&str] = &[
        "alpha",
        "Beta",
        "  gamma",
        "delta  ",
        "été",
        "straße",
        "ΣΊΣΥΦΟΣ",
        "世界",
        "",
        " ",
        "a\tb",
        "x\u{85}y",
        "٣",
    ];
    conn.execute_batch("DROP TABLE IF EXISTS t; CREATE TABLE t(g INTEGER, x, y)")
        .unwrap();
    let mut insert = conn.prepare("INSERT INTO t VALUES (?1, ?2, ?3)").unwrap();
    let mut state = seed | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let value = |next: &mut dyn FnMut() -> u64| {
        let pick = next();
        let phrase = |next: &mut dyn FnMut() -> u64| {
            (0..pick >> 61)
                .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
        };
        match pick % 16 {
            0 => Value::Null,
            1 => Value::Integer((pick >> 8) as i64 - (1 << 40)),
            2 => Value::Real((pick >> 11) as f64 / 1024.0 - 1e9),
            3 => Value::Blob(phrase(next).into_bytes()),
            _ => Value::Text(phrase(next)),
        }
    };
    conn.execute_batch("BEGIN").unwrap();
    for r in 0..rows {
        let (x, y) = (value(&mut next), value(&mut next));
        insert
            .execute(rusqlite::params![(r % groups) as i64, x, y])
            .unwrap();
    }
    conn.execute_batch("COMMIT").unwrap();
}

/// The rows of `sql`, the Rust function's over `CAST(x AS TEXT)`: equal to the jit one's.
fn same(conn: &Connection, sql: &str, jit: &str, rust: &str) -> Vec<Value> {
    same_over_cast(conn, sql, (jit, rust), "TEXT")
}

// ---- tests ------------------------------------------------------------------------------

#[test]
fn scalar_text_functions_equal_the_rust_closures() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    register_rust(&conn);
    for (rows, seed) in [(1, 1), (60, 2), (3000, 3)] {
        table(&conn, rows, 1, seed);
        for f in ["word_count", "char_count", "trimmed_bytes"] {
            same(
                &conn,
                "SELECT {f}({x}) FROM t ORDER BY rowid",
                f,
                &format!("rs_{f}"),
            );
        }
        same(
            &conn,
            "SELECT {f}({x}, {y}) FROM t ORDER BY rowid",
            "starts",
            "rs_starts",
        );
        same(
            &conn,
            "SELECT {f}({x}, substr(CAST({x} AS TEXT), 1, rowid % 4)) FROM t ORDER BY rowid",
            "starts",
            "rs_starts",
        );
    }
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

#[test]
fn text_arguments_read_every_storage_class_as_sqlite_converts_it() {
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    let get = |sql: &str| one(&conn, &format!("SELECT {sql}"));
    assert_eq!(get("char_count('héllo wörld')"), Ok(Value::Integer(11)));
    assert_eq!(get("word_count(' a  b\tc ')"), Ok(Value::Integer(3)));
    assert_eq!(get("char_count('')"), Ok(Value::Integer(0)));
    // Numbers: their text form; a BLOB: its bytes, when they are UTF-8.
    assert_eq!(get("char_count(-120)"), Ok(Value::Integer(4)));
    assert_eq!(get("trimmed_bytes(2.5)"), Ok(Value::Blob(b"2.5".to_vec())));
    assert_eq!(
        get("trimmed_bytes(1e300)"),
        Ok(Value::Blob(b"1.0e+300".to_vec()))
    );
    assert_eq!(get("char_count(x'c3a9')"), Ok(Value::Integer(1)));
    assert_eq!(get("char_count(x'')"), Ok(Value::Integer(0)));
    assert_eq!(get("trimmed_bytes('  ')"), Ok(Value::Blob(Vec::new())));
    // NULL for a `&str` parameter: a NULL result; next to an `Option`, also.
    assert_eq!(get("char_count(NULL)"), Ok(Value::Null));
    assert_eq!(get("starts(NULL, 'a')"), Ok(Value::Null));
    assert_eq!(get("starts('abc', 'ab')"), Ok(Value::Integer(1)));
    // The same value as a `&str` and a `&[u8]`, each read on its own.
    assert_eq!(get("both_lens('été', 'été', 2)"), Ok(Value::Integer(10010)));
    assert_eq!(
        get("both_lens(12345, 12345, NULL)"),
        Ok(Value::Integer(5005))
    );
    // A database in UTF-16: its TEXT arrives as UTF-8 all the same.
    let utf16 = Connection::open_in_memory().unwrap();
    register(&utf16);
    utf16
        .execute_batch(
            "PRAGMA encoding = 'UTF-16le'; CREATE TABLE u(s); INSERT INTO u VALUES ('ünï cödé');",
        )
        .unwrap();
    assert_eq!(
        one(&utf16, "SELECT trimmed_bytes(s) FROM u"),
        Ok(Value::Blob("ünï cödé".as_bytes().to_vec()))
    );
    assert_eq!(
        one(&utf16, "SELECT char_count(s) FROM u"),
        Ok(Value::Integer(8))
    );
    drop((conn, utf16));
    crate::assert_no_leaks();
}

#[test]
fn text_aggregates_and_windows_equal_the_rust_ones() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    register_rust(&conn);
    for (rows, groups, seed) in [(1, 1, 11), (50, 3, 12), (3000, 97, 13)] {
        table(&conn, rows, groups, seed);
        same(
            &conn,
            "SELECT {f}({x}) FROM t",
            "text_stats",
            "rs_text_stats",
        );
        let grouped = same(
            &conn,
            "SELECT {f}({x}) FROM t GROUP BY g ORDER BY g",
            "text_stats",
            "rs_text_stats",
        );
        assert_eq!(grouped.len(), groups);
        let mine = column(
            &conn,
            "SELECT text_moving_stats(x) OVER (PARTITION BY g ORDER BY rowid \
             ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t ORDER BY rowid",
        );
        let theirs = column(
            &conn,
            "SELECT CAST(CAST(rs_text_moving_stats(CAST(x AS TEXT)) OVER (PARTITION BY g \
             ORDER BY rowid ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS TEXT) AS INTEGER) \
             FROM t ORDER BY rowid",
        );
        assert_eq!(mine, theirs);
    }
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

#[test]
fn text_that_is_not_utf8_ends_the_query_naming_the_function_and_the_argument() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    table(&conn, 500, 7, 21);
    assert_eq!(
        one(&conn, "SELECT char_count(CAST(x'61ff' AS TEXT))"),
        Err(
            "char_count(): argument 1 (`s`) is a TEXT that is not valid UTF-8 \
             (invalid utf-8 sequence of 1 bytes from index 1)"
                .into()
        )
    );
    assert_eq!(
        one(&conn, "SELECT starts('abc', x'e282')"),
        Err(
            "starts(): argument 2 (`prefix`) is a TEXT that is not valid UTF-8 \
             (incomplete utf-8 byte sequence from index 0)"
                .into()
        )
    );
    // In a later row of a group whose state holds bytes: the state is released.
    let err = all(
        &conn,
        "SELECT text_stats(CASE WHEN rowid = 400 THEN x'c0' ELSE x END) FROM t GROUP BY g",
    )
    .unwrap_err();
    assert_eq!(
        err,
        "text_stats(): argument 1 (`s`) is a TEXT that is not valid UTF-8 \
         (invalid utf-8 sequence of 1 bytes from index 0)"
    );
    let err = all(
        &conn,
        "SELECT text_moving_stats(CASE WHEN rowid = 300 THEN x'ff' ELSE x END) \
         OVER (ORDER BY rowid ROWS 3 PRECEDING) FROM t",
    )
    .unwrap_err();
    assert!(
        err.starts_with("text_moving_stats(): argument 1 (`s`) is a TEXT"),
        "{err}"
    );
    // Still usable.
    assert_eq!(one(&conn, "SELECT char_count('ok')"), Ok(Value::Integer(2)));
    assert_eq!(
        one(
            &conn,
            "SELECT text_stats(x) FROM (SELECT ' a ' AS x UNION ALL SELECT 'b')"
        ),
        Ok(Value::Blob(b"a|b".to_vec()))
    );
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}
