//! BLOBs in SQL functions: `&[u8]` parameters lent from SQLite without a copy and
//! `Vec<u8>` / `Option<Vec<u8>>` results, for scalar, aggregate and window functions.
//! Results equal the same functions written in plain Rust on rusqlite's
//! `create_scalar_function` / `Aggregate` / `WindowAggregate`, which are given
//! `CAST(x AS BLOB)`: a `&[u8]` parameter reads any storage class as SQLite converts it
//! (TEXT its bytes, numbers their text form). NULLs follow the rules of the other
//! parameters; a jit panic or an argument error ends the query with an SQL error, the
//! connection stays usable, and nothing leaks.

use crate::sql_rows::{all, column, one, same_over_cast};
use jitclass::sqlite::{
    Connection, FunctionFlags, register_aggregate, register_scalar, register_window,
};
use jitclass::{jit, jitclass};
use rusqlite::functions::{Aggregate, Context, WindowAggregate};
use rusqlite::types::{Value, ValueRef};

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

// ---- the jit functions ------------------------------------------------------------------

/// The bytes in reverse order.
#[jit]
fn blob_reverse(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        out.push(b[i]);
    }
    out
}

#[jit]
fn blob_len(b: &[u8]) -> i64 {
    b.len() as i64
}

/// FNV-1a of the bytes, as an SQL INTEGER.
#[jit]
fn blob_fnv(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for i in 0..b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h as i64
}

/// The bytes of `a` then `b`, or NULL when `keep` is false.
#[jit]
fn blob_join(a: &[u8], b: &[u8], keep: bool) -> Option<Vec<u8>> {
    if !keep {
        return None;
    }
    let mut out = Vec::new();
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    Some(out)
}

/// Whether the argument was NULL, and its length: an `Option` next to a blob.
#[jit]
fn blob_len_or(b: &[u8], default: Option<i64>) -> i64 {
    if b.is_empty() {
        default.unwrap_or(-1)
    } else {
        b.len() as i64
    }
}

/// Panics on a blob longer than 8 bytes, after building a result.
#[jit]
fn blob_short(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b);
    assert!(b.len() <= 8, "blob of {} bytes", b.len());
    out
}

/// The concatenation of a group's blobs; the window version removes bytes from the front.
#[jitclass]
pub struct BlobCat {
    bytes: Vec<u8>,
}

#[jitclass]
impl BlobCat {
    pub fn new() -> Self {
        BlobCat { bytes: Vec::new() }
    }

    pub fn step(&mut self, b: &[u8]) {
        self.bytes.extend_from_slice(b);
    }

    /// The frame's first blob leaves: its bytes are the first `b.len()`.
    pub fn inverse(&mut self, b: &[u8]) {
        let n = b.len();
        let rest = self.bytes.len() - n;
        for i in 0..rest {
            self.bytes[i] = self.bytes[i + n];
        }
        self.bytes.truncate(rest);
    }

    pub fn value(&self) -> Vec<u8> {
        self.bytes.clone()
    }

    /// NULL for a group without bytes, as `group_concat` gives NULL for no rows.
    pub fn finalize(&self) -> Option<Vec<u8>> {
        if self.bytes.is_empty() {
            None
        } else {
            Some(self.bytes.clone())
        }
    }
}

/// Counts the bytes of a group, panicking at more than `limit` (the second argument).
#[jitclass]
pub struct CappedBytes {
    seen: Vec<u8>,
}

#[jitclass]
impl CappedBytes {
    pub fn new() -> Self {
        CappedBytes {
            seen: Vec::with_capacity(4),
        }
    }

    pub fn step(&mut self, b: &[u8], limit: i64) {
        self.seen.extend_from_slice(b);
        assert!(self.seen.len() as i64 <= limit, "more than {} bytes", limit);
    }

    pub fn finalize(&self) -> i64 {
        self.seen.len() as i64
    }
}

fn register(conn: &Connection) {
    register_scalar::<blob_reverse>(conn, "blob_reverse", flags()).unwrap();
    register_scalar::<blob_len>(conn, "blob_len", flags()).unwrap();
    register_scalar::<blob_fnv>(conn, "blob_fnv", flags()).unwrap();
    register_scalar::<blob_join>(conn, "blob_join", flags()).unwrap();
    register_scalar::<blob_len_or>(conn, "blob_len_or", flags()).unwrap();
    register_scalar::<blob_short>(conn, "blob_short", flags()).unwrap();
    register_aggregate::<BlobCat>(conn, "blob_cat", flags()).unwrap();
    register_window::<BlobCat>(conn, "blob_moving_cat", flags()).unwrap();
    register_aggregate::<CappedBytes>(conn, "capped_bytes", flags()).unwrap();
    register_rust(conn);
}

// ---- the same in Rust, on rusqlite ------------------------------------------------------

/// Argument `i`, given `CAST(x AS BLOB)`: its bytes, or `None` for NULL.
fn bytes(ctx: &Context<'_>, i: usize) -> rusqlite::Result<Option<Vec<u8>>> {
    match ctx.get_raw(i) {
        ValueRef::Blob(b) => Ok(Some(b.to_vec())),
        ValueRef::Null => Ok(None),
        other => panic!("the Rust functions are given blobs, not {other:?}"),
    }
}

fn fnv(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h as i64
}

struct RsBlobCat;

impl Aggregate<Vec<u8>, Option<Vec<u8>>> for RsBlobCat {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<Vec<u8>> {
        Ok(Vec::new())
    }

    fn step(&self, ctx: &mut Context<'_>, acc: &mut Vec<u8>) -> rusqlite::Result<()> {
        if let Some(b) = bytes(ctx, 0)? {
            acc.extend_from_slice(&b);
        }
        Ok(())
    }

    fn finalize(
        &self,
        _: &mut Context<'_>,
        acc: Option<Vec<u8>>,
    ) -> rusqlite::Result<Option<Vec<u8>>> {
        Ok(acc.filter(|b| !b.is_empty()))
    }
}

impl WindowAggregate<Vec<u8>, Option<Vec<u8>>> for RsBlobCat {
    fn value(&self, acc: Option<&mut Vec<u8>>) -> rusqlite::Result<Option<Vec<u8>>> {
        Ok(Some(acc.map(|b| b.clone()).unwrap_or_default()))
    }

    fn inverse(&self, ctx: &mut Context<'_>, acc: &mut Vec<u8>) -> rusqlite::Result<()> {
        if let Some(b) = bytes(ctx, 0)? {
            acc.drain(..b.len());
        }
        Ok(())
    }
}

fn register_rust(conn: &Connection) {
    conn.create_scalar_function("rs_blob_reverse", 1, flags(), |ctx| {
        Ok(bytes(ctx, 0)?.map(|mut b| {
            b.reverse();
            b
        }))
    })
    .unwrap();
    conn.create_scalar_function("rs_blob_len", 1, flags(), |ctx| {
        Ok(bytes(ctx, 0)?.map(|b| b.len() as i64))
    })
    .unwrap();
    conn.create_scalar_function("rs_blob_fnv", 1, flags(), |ctx| {
        Ok(bytes(ctx, 0)?.map(|b| fnv(&b)))
    })
    .unwrap();
    conn.create_scalar_function("rs_blob_join", 3, flags(), |ctx| {
        let (a, b) = (bytes(ctx, 0)?, bytes(ctx, 1)?);
        let keep = ctx.get::<Option<bool>>(2)?;
        Ok(match (a, b, keep) {
            (Some(a), Some(b), Some(true)) => Some([a, b].concat()),
            _ => None,
        })
    })
    .unwrap();
    conn.create_aggregate_function("rs_blob_cat", 1, flags(), RsBlobCat)
        .unwrap();
    conn.create_window_function("rs_blob_moving_cat", 1, flags(), RsBlobCat)
        .unwrap();
}

// ---- data -------------------------------------------------------------------------------

/// `t(g, x, y)`: `rows` rows in `groups` groups; `x` and `y` hold random BLOBs (empty ones
/// among them, and some of a few hundred bytes), NULLs, INTEGERs, REALs and TEXT (ASCII and
/// not), each in its own storage class.
fn table(conn: &Connection, rows: usize, groups: usize, seed: u64) {
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
        match pick % 16 {
            0 => Value::Null,
            1 | 2 => Value::Blob(Vec::new()),
            3 => Value::Integer((pick >> 8) as i64 - (1 << 40)),
            4 => Value::Real((pick >> 11) as f64 / 1024.0 - 1e9),
            5 => Value::Text(format!("text {}", pick >> 50)),
            6 => Value::Text("é∂ƒ".repeat((pick >> 60) as usize)),
            7 => Value::Blob((0..(pick >> 55) * 3).map(|_| next() as u8).collect()),
            _ => Value::Blob((0..(pick >> 8) % 24).map(|_| next() as u8).collect()),
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

/// The rows of `sql`, the Rust function's over `CAST(x AS BLOB)`: equal to the jit one's.
fn same(conn: &Connection, sql: &str, jit: &str, rust: &str) -> Vec<Value> {
    same_over_cast(conn, sql, (jit, rust), "BLOB")
}

// ---- tests ------------------------------------------------------------------------------

#[test]
fn scalar_blob_functions_equal_the_rust_closures() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    for (rows, seed) in [(1, 1), (50, 2), (3000, 3)] {
        table(&conn, rows, 1, seed);
        for f in ["blob_reverse", "blob_len", "blob_fnv"] {
            let rows = same(
                &conn,
                "SELECT {f}({x}) FROM t ORDER BY rowid",
                f,
                &format!("rs_{f}"),
            );
            assert_eq!(rows.len(), column(&conn, "SELECT x FROM t").len());
        }
        same(
            &conn,
            "SELECT {f}({x}, {y}, g = 0 AND rowid % 3 <> 0) FROM t ORDER BY rowid",
            "blob_join",
            "rs_blob_join",
        );
        // The same value twice: each argument is read on its own.
        same(
            &conn,
            "SELECT {f}({x}, {x}, 1) FROM t ORDER BY rowid",
            "blob_join",
            "rs_blob_join",
        );
    }
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

#[test]
fn blob_arguments_read_every_storage_class_as_sqlite_converts_it() {
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    let blob = |sql: &str| one(&conn, &format!("SELECT blob_reverse({sql})"));
    assert_eq!(blob("x'010203'"), Ok(Value::Blob(vec![3, 2, 1])));
    // TEXT: its UTF-8 bytes; numbers: their text form, as `CAST(.. AS BLOB)`.
    assert_eq!(blob("'abc'"), Ok(Value::Blob(b"cba".to_vec())));
    assert_eq!(blob("'é'"), Ok(Value::Blob(vec![0xa9, 0xc3])));
    assert_eq!(blob("-120"), Ok(Value::Blob(b"021-".to_vec())));
    assert_eq!(blob("2.5"), Ok(Value::Blob(b"5.2".to_vec())));
    assert_eq!(blob("1e300"), Ok(Value::Blob(b"003+e0.1".to_vec())));
    // Empty BLOBs and TEXT (SQLite gives a null pointer): an empty slice, and an empty
    // `Vec` is an empty BLOB, not NULL.
    assert_eq!(blob("x''"), Ok(Value::Blob(Vec::new())));
    assert_eq!(blob("''"), Ok(Value::Blob(Vec::new())));
    assert_eq!(one(&conn, "SELECT blob_len(x'')"), Ok(Value::Integer(0)));
    assert_eq!(one(&conn, "SELECT blob_len('')"), Ok(Value::Integer(0)));
    // A zero-filled BLOB is expanded before it is read.
    assert_eq!(
        one(&conn, "SELECT blob_len(zeroblob(100000))"),
        Ok(Value::Integer(100000))
    );
    assert_eq!(
        one(&conn, "SELECT blob_fnv(zeroblob(3)) = blob_fnv(x'000000')"),
        Ok(Value::Integer(1))
    );
    // NULL for a `&[u8]` parameter: a NULL result, as SQL's own functions give.
    assert_eq!(blob("NULL"), Ok(Value::Null));
    assert_eq!(
        one(&conn, "SELECT blob_join(NULL, x'01', 1)"),
        Ok(Value::Null)
    );
    // `None` result: NULL; `Some(vec![])`: an empty BLOB.
    assert_eq!(
        one(&conn, "SELECT blob_join(x'01', x'02', 0)"),
        Ok(Value::Null)
    );
    assert_eq!(
        one(&conn, "SELECT blob_join(x'', '', 1)"),
        Ok(Value::Blob(Vec::new()))
    );
    assert_eq!(
        one(&conn, "SELECT blob_len_or(x'', NULL)"),
        Ok(Value::Integer(-1))
    );
    assert_eq!(
        one(&conn, "SELECT blob_len_or(x'', 7)"),
        Ok(Value::Integer(7))
    );
    assert_eq!(
        one(&conn, "SELECT typeof(blob_reverse(x''))"),
        Ok(Value::Text("blob".into()))
    );
    // A large blob, both ways.
    let big: Vec<u8> = (0..1_000_000u32).map(|i| (i * 7 + i / 255) as u8).collect();
    let back: Vec<u8> = conn
        .query_row("SELECT blob_reverse(blob_reverse(?1))", [&big], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(back == big);
    drop(conn);
    crate::assert_no_leaks();
}

#[test]
fn blob_aggregates_and_windows_equal_the_rust_ones() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    for (rows, groups, seed) in [(1, 1, 11), (40, 3, 12), (3000, 97, 13)] {
        table(&conn, rows, groups, seed);
        same(&conn, "SELECT {f}({x}) FROM t", "blob_cat", "rs_blob_cat");
        let grouped = same(
            &conn,
            "SELECT {f}({x}) FROM t GROUP BY g ORDER BY g",
            "blob_cat",
            "rs_blob_cat",
        );
        assert_eq!(grouped.len(), groups);
        same(
            &conn,
            "SELECT {f}({x}) OVER (ORDER BY rowid ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) \
             FROM t ORDER BY rowid",
            "blob_moving_cat",
            "rs_blob_moving_cat",
        );
        same(
            &conn,
            "SELECT {f}({y}) OVER (PARTITION BY g ORDER BY rowid \
             ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t ORDER BY rowid",
            "blob_moving_cat",
            "rs_blob_moving_cat",
        );
    }
    // No rows: `finalize` of a fresh state, `None`.
    assert_eq!(
        one(&conn, "SELECT blob_cat(x) FROM t WHERE g < 0"),
        Ok(Value::Null)
    );
    // NULL rows are skipped.
    assert_eq!(
        one(
            &conn,
            "SELECT blob_cat(column1) FROM (VALUES (x'01'), (NULL), ('a'), (2))"
        ),
        Ok(Value::Blob(vec![1, b'a', b'2']))
    );
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

#[test]
fn a_panic_or_an_argument_error_ends_the_query_and_nothing_leaks() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    table(&conn, 500, 7, 21);
    // A scalar panics after building its result: the `Vec` it built is released.
    let err = one(&conn, "SELECT blob_short(x'00112233445566778899')").unwrap_err();
    assert!(err.starts_with("blob_short: blob of 10 bytes"), "{err}");
    assert!(err.contains("(in jit fn `blob_short`)"), "{err}");
    let err = all(&conn, "SELECT blob_short(x) FROM t ORDER BY rowid").unwrap_err();
    assert!(err.starts_with("blob_short: blob of"), "{err}");
    // A group's state holding bytes, ended by a panic in a later row of `step`.
    let err = one(&conn, "SELECT capped_bytes(x, 200) FROM t").unwrap_err();
    assert!(
        err.starts_with("capped_bytes: more than 200 bytes"),
        "{err}"
    );
    let err = all(&conn, "SELECT capped_bytes(x, 50) FROM t GROUP BY g").unwrap_err();
    assert!(err.starts_with("capped_bytes: more than 50 bytes"), "{err}");
    // ... and by an argument error in a later row.
    let err = one(
        &conn,
        "SELECT capped_bytes(x, CASE WHEN rowid < 400 THEN 1000000 ELSE 'many' END) FROM t",
    )
    .unwrap_err();
    assert_eq!(
        err,
        "capped_bytes(): argument 2 (`limit`) is the TEXT \"many\"; `i64` takes INTEGER values"
    );
    // A `LIMIT` that stops before the last group, with results built.
    let firsts = column(&conn, "SELECT blob_cat(x) FROM t GROUP BY g LIMIT 2");
    assert_eq!(firsts.len(), 2);
    // Still usable.
    assert_eq!(
        one(&conn, "SELECT capped_bytes(x'0102', 10)"),
        Ok(Value::Integer(2))
    );
    assert_eq!(
        one(&conn, "SELECT blob_short(x'01')"),
        Ok(Value::Blob(vec![1]))
    );
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}
