//! Probes from a review of BLOB support in SQL functions (`&[u8]` parameters, `Vec<u8>`
//! results): the same column read as a BLOB and as a number in one call, results beyond
//! SQLite's length limit, panics in `inverse`, `value` and `finalize` of a state holding
//! bytes, a window query dropped half-way, UTF-16 databases, TEXT with NUL bytes, empty
//! results; escapes of the lent bytes are compile errors (`tests/ui/sqlite/review_blob_*`).
//! Compared with SQLite's own functions and `CAST(x AS BLOB)`; `stats()` balanced
//! throughout.

use crate::sql_rows::{all, one};
use jitclass::sqlite::{
    Connection, FunctionFlags, register_aggregate, register_scalar, register_window,
};
use jitclass::{jit, jitclass};
use rusqlite::types::Value;

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

/// The bytes, then the number as 8 little-endian bytes.
#[jit]
fn bytes_then_int(b: &[u8], n: i64) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b);
    let mut i = 0;
    while i < 8 {
        out.push((n >> (8 * i)) as u8);
        i += 1;
    }
    out
}

/// The number, then the bytes (the number read first).
#[jit]
fn int_then_bytes(n: f64, b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.push(n as u8);
    out.extend_from_slice(b);
    out
}

/// Both byte strings, `a` read twice (before and after `b`).
#[jit]
fn pair_bytes(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out.extend_from_slice(a);
    out
}

/// `n` copies of byte 7.
#[jit]
fn sevens(n: i64) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        out.push(7);
        i += 1;
    }
    out
}

/// `n` copies of byte 7, or NULL for a negative `n`.
#[jit]
fn maybe_sevens(n: i64) -> Option<Vec<u8>> {
    if n < 0 { None } else { Some(sevens(n)) }
}

/// An empty `Vec`: from `with_capacity(0)`, or cleared after `n` pushes.
#[jit]
fn emptied(n: i64) -> Vec<u8> {
    if n == 0 {
        return Vec::with_capacity(0);
    }
    let mut v = sevens(n);
    v.clear();
    v
}

#[jit]
fn echo(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b);
    out
}

#[jit]
fn byte_len(b: &[u8]) -> i64 {
    b.len() as i64
}

/// A frame's bytes; panics in the method named by the last byte seen (`s`tep, `i`nverse,
/// `v`alue, `f`inalize) when that byte is the marker `b'!'` before it.
#[jitclass]
pub struct Moody {
    bytes: Vec<u8>,
}

#[jitclass]
impl Moody {
    pub fn new() -> Self {
        Moody { bytes: Vec::new() }
    }

    pub fn armed(&self, which: u8) -> bool {
        let n = self.bytes.len();
        n >= 2 && self.bytes[n - 2] == b'!' && self.bytes[n - 1] == which
    }

    pub fn step(&mut self, b: &[u8]) {
        self.bytes.extend_from_slice(b);
        assert!(!self.armed(b's'), "step after {} bytes", self.bytes.len());
    }

    pub fn inverse(&mut self, b: &[u8]) {
        assert!(!self.armed(b'i'), "inverse of {} bytes", b.len());
        let n = b.len();
        let rest = self.bytes.len() - n;
        for i in 0..rest {
            self.bytes[i] = self.bytes[i + n];
        }
        self.bytes.truncate(rest);
    }

    pub fn value(&self) -> Vec<u8> {
        assert!(!self.armed(b'v'), "value of {} bytes", self.bytes.len());
        self.bytes.clone()
    }

    pub fn finalize(&self) -> Option<Vec<u8>> {
        assert!(!self.armed(b'f'), "finalize of {} bytes", self.bytes.len());
        if self.bytes.is_empty() {
            None
        } else {
            Some(self.bytes.clone())
        }
    }
}

fn register(conn: &Connection) {
    register_scalar::<bytes_then_int>(conn, "bytes_then_int", flags()).unwrap();
    register_scalar::<int_then_bytes>(conn, "int_then_bytes", flags()).unwrap();
    register_scalar::<pair_bytes>(conn, "pair_bytes", flags()).unwrap();
    register_scalar::<sevens>(conn, "sevens", flags()).unwrap();
    register_scalar::<maybe_sevens>(conn, "maybe_sevens", flags()).unwrap();
    register_scalar::<echo>(conn, "echo", flags()).unwrap();
    register_scalar::<emptied>(conn, "emptied", flags()).unwrap();
    register_scalar::<byte_len>(conn, "byte_len", flags()).unwrap();
    register_aggregate::<Moody>(conn, "moody", flags()).unwrap();
    register_window::<Moody>(conn, "moody_w", flags()).unwrap();
}

fn le(n: i64) -> Vec<u8> {
    n.to_le_bytes().to_vec()
}

#[test]
fn ok_one_value_read_as_a_blob_and_as_a_number_in_one_call() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    conn.execute_batch(
        "CREATE TABLE t(x); INSERT INTO t VALUES (-1234567), (42), (9007199254740993);",
    )
    .unwrap();
    // The blob read converts its argument to text in place; the number read of the same
    // column (another argument) still sees the INTEGER, and the bytes stay valid.
    let rows = all(&conn, "SELECT bytes_then_int(x, x) FROM t ORDER BY rowid").unwrap();
    let want: Vec<Value> = [-1234567i64, 42, 9007199254740993]
        .iter()
        .map(|&n| Value::Blob([n.to_string().into_bytes(), le(n)].concat()))
        .collect();
    assert_eq!(rows, want);
    // The number first, then the blob, of a REAL column.
    assert_eq!(
        one(&conn, "SELECT int_then_bytes(v, v) FROM (SELECT 2.5 AS v)"),
        Ok(Value::Blob(b"\x022.5".to_vec()))
    );
    // One column in two blob parameters, from a table, a bound parameter and a subquery.
    let rows = all(&conn, "SELECT pair_bytes(x, x) FROM t ORDER BY rowid").unwrap();
    assert_eq!(rows[1], Value::Blob(b"424242".to_vec()));
    let got: Vec<u8> = conn
        .query_row("SELECT pair_bytes(?1, ?1)", [12.5], |r| r.get(0))
        .unwrap();
    assert_eq!(got, b"12.512.512.5");
    assert_eq!(
        one(
            &conn,
            "SELECT pair_bytes(z, z) FROM (SELECT zeroblob(2) AS z)"
        ),
        Ok(Value::Blob(vec![0; 6]))
    );
    // A refused argument after a blob one is named by its own position.
    assert_eq!(
        one(&conn, "SELECT bytes_then_int(x, 'x') FROM t"),
        Err(
            "bytes_then_int(): argument 2 (`n`) is the TEXT \"x\"; `i64` takes INTEGER values"
                .into()
        )
    );
    // The argument's conversion is not seen by the rest of the query.
    assert_eq!(
        one(
            &conn,
            "SELECT typeof(x) || byte_len(x) || typeof(x) FROM t WHERE rowid = 2"
        ),
        Ok(Value::Text("integer2integer".into()))
    );
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

/// SQLite's length limit (`SQLITE_LIMIT_LENGTH`) of `conn`, set to `n`.
fn limit_length(conn: &Connection, n: i32) {
    // SAFETY: the handle is the open connection's; `sqlite3_limit` only sets a limit.
    unsafe {
        rusqlite::ffi::sqlite3_limit(conn.handle(), rusqlite::ffi::SQLITE_LIMIT_LENGTH, n);
    }
}

#[test]
fn ok_results_beyond_the_length_limit_are_sqlites_error_and_nothing_leaks() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    limit_length(&conn, 100);
    assert_eq!(
        one(&conn, "SELECT length(sevens(100))"),
        Ok(Value::Integer(100))
    );
    for sql in [
        "SELECT sevens(101)",
        "SELECT maybe_sevens(101)",
        "SELECT moody(x) FROM (SELECT sevens(60) AS x UNION ALL SELECT sevens(60))",
        "SELECT moody_w(x) OVER (ORDER BY x ROWS 1 PRECEDING) \
         FROM (SELECT sevens(60) AS x UNION ALL SELECT sevens(59))",
    ] {
        let err = one(&conn, sql).unwrap_err();
        assert!(err.contains("string or blob too big"), "{sql}: {err}");
    }
    // An empty `Vec` and an empty `Some` are empty BLOBs; `None` is NULL.
    assert_eq!(
        one(&conn, "SELECT typeof(sevens(0))"),
        Ok(Value::Text("blob".into()))
    );
    assert_eq!(
        one(&conn, "SELECT typeof(maybe_sevens(0))"),
        Ok(Value::Text("blob".into()))
    );
    assert_eq!(one(&conn, "SELECT maybe_sevens(-1)"), Ok(Value::Null));
    limit_length(&conn, 1_000_000_000);
    assert_eq!(
        one(&conn, "SELECT length(sevens(101))"),
        Ok(Value::Integer(101))
    );
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

#[test]
fn ok_a_panic_in_inverse_value_or_finalize_of_a_state_holding_bytes_leaks_nothing() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    conn.execute_batch(
        "CREATE TABLE t(k INTEGER, b);
         INSERT INTO t VALUES (1, x'0102'), (2, 'ab'), (3, 'gh'), (4, 'cd'), (5, 'ef'),
                              (6, NULL), (7, 12);",
    )
    .unwrap();
    let window = |marker: &str| {
        format!(
            "SELECT moody_w(CASE WHEN k = 3 THEN '!{marker}' ELSE b END) \
             OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"
        )
    };
    for (sql, message) in [
        (window("i"), "moody_w: inverse of 2 bytes"),
        (window("v"), "moody_w: value of 4 bytes"),
        (window("s"), "moody_w: step after 4 bytes"),
        (
            "SELECT moody(b) FROM (SELECT b FROM t WHERE k < 3 UNION ALL SELECT '!f')".into(),
            "moody: finalize of 6 bytes",
        ),
    ] {
        let err = all(&conn, &sql).unwrap_err();
        assert!(err.starts_with(message), "{sql}: {err}");
        assert!(
            crate::balanced_since(&before),
            "{sql}: {:?}",
            jitclass::stats()
        );
    }
    // The window without a marker, against the bytes it must hold.
    let rows = all(
        &conn,
        "SELECT moody_w(b) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
    )
    .unwrap();
    let frames: [&[u8]; 7] = [
        b"\x01\x02",
        b"\x01\x02ab",
        b"abgh",
        b"ghcd",
        b"cdef",
        b"ef",
        b"12",
    ];
    let want: Vec<Value> = frames.iter().map(|f| Value::Blob(f.to_vec())).collect();
    assert_eq!(rows, want);
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

#[test]
fn ok_text_with_nul_bytes_and_zeroblobs_read_whole() {
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    assert_eq!(
        one(&conn, "SELECT echo(CAST(x'61006200' AS TEXT))"),
        Ok(Value::Blob(b"a\0b\0".to_vec()))
    );
    assert_eq!(
        one(&conn, "SELECT byte_len(CAST(x'00' AS TEXT))"),
        Ok(Value::Integer(1))
    );
    // An empty `Vec` is an empty BLOB however it became empty.
    for empty in [
        "sevens(0)",
        "echo(x'')",
        "echo(zeroblob(0))",
        "emptied(0)",
        "emptied(1)",
        "emptied(100)",
    ] {
        assert_eq!(
            one(&conn, &format!("SELECT typeof({empty})")),
            Ok(Value::Text("blob".into()))
        );
    }
    assert_eq!(
        one(&conn, "SELECT echo(zeroblob(0)) = x''"),
        Ok(Value::Integer(1))
    );
    assert_eq!(
        one(&conn, "SELECT echo(9e999) = CAST(9e999 AS BLOB)"),
        Ok(Value::Integer(1))
    );
    drop(conn);
    crate::assert_no_leaks();
}

#[test]
fn ok_in_a_utf16_database_text_gives_its_utf16_bytes_and_a_number_its_utf8_text() {
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA encoding = 'UTF-16le'; CREATE TABLE t(x);")
        .unwrap();
    register(&conn);
    // The parameter reads as `hex()` reads: TEXT in the database's encoding, a number as
    // the UTF-8 text `sqlite3_value_text` makes of it, where `CAST(12 AS BLOB)` gives the
    // number's text in the database's encoding.
    let hexes = |x: &str| {
        one(
            &conn,
            &format!("SELECT hex(echo({x})) || ' ' || hex({x}) || ' ' || hex(CAST({x} AS BLOB))"),
        )
    };
    assert_eq!(
        hexes("'ab'"),
        Ok(Value::Text("61006200 61006200 61006200".into()))
    );
    assert_eq!(hexes("x'0102'"), Ok(Value::Text("0102 0102 0102".into())));
    assert_eq!(hexes("12"), Ok(Value::Text("3132 3132 31003200".into())));
    assert_eq!(
        hexes("2.5"),
        Ok(Value::Text("322E35 322E35 32002E003500".into()))
    );
    // The database's encoding counts, not the one the function was registered with.
    let utf8 = Connection::open_in_memory().unwrap();
    register_scalar::<echo>(&utf8, "echo16", FunctionFlags::SQLITE_UTF16LE).unwrap();
    assert_eq!(
        one(&utf8, "SELECT hex(echo16('ab'))"),
        Ok(Value::Text("6162".into()))
    );
    drop(utf8);
    drop(conn);
    crate::assert_no_leaks();
}

#[test]
fn ok_the_registered_functions_still_take_borrowed_slices_from_rust() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    // The `'static` of the SQL shape markers is not in the Rust signatures: a slice of a
    // local `Vec` can be passed.
    let local = vec![1u8, 2, 3];
    assert_eq!(echo(&local), local);
    assert_eq!(byte_len(&local[1..]), 2);
    let mut m = Moody::new();
    m.step(&local);
    m.step(&local[..1]);
    m.inverse(&local);
    assert_eq!(m.value(), vec![1]);
    assert_eq!(m.finalize(), Some(vec![1]));
    drop(m);
    drop(local);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
}

/// (The BLOBs are zeros, not `randomblob`: random bytes ending in `!v` would trip
/// `Moody`'s armed assertion; they did once in CI.)
#[test]
fn ok_a_window_query_dropped_half_way_releases_its_states() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    conn.execute_batch(
        "CREATE TABLE t(g INTEGER, b);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
         INSERT INTO t SELECT i % 4, CASE WHEN i % 5 = 0 THEN i ELSE zeroblob(i % 17) END
         FROM n;",
    )
    .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT moody_w(b) OVER (PARTITION BY g ORDER BY rowid \
             ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM t",
        )
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    for _ in 0..5 {
        assert!(matches!(
            rows.next().unwrap().unwrap().get_ref(0).unwrap(),
            rusqlite::types::ValueRef::Blob(_)
        ));
    }
    drop(rows);
    drop(stmt);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    drop(conn);
    crate::assert_no_leaks();
}

#[test]
fn ok_out_of_memory_while_reading_a_blob_is_sqlites_error_and_nothing_leaks() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    // A zero-filled BLOB is expanded when the callback reads it; SQLite's heap limit, set
    // 32 MiB above what it uses now, makes expanding 100 MB fail (the argument becomes
    // NULL, which the callback tells from an empty BLOB).
    let queries = [
        "SELECT byte_len(zeroblob(100000000))",
        "SELECT echo(zeroblob(100000000))",
        "SELECT moody(b) FROM (SELECT x'01' AS b UNION ALL SELECT zeroblob(100000000))",
    ];
    // SAFETY: `sqlite3_memory_used` and `sqlite3_hard_heap_limit64` only read and set
    // SQLite's process-wide counters; the limit is restored before the test ends.
    let old = unsafe {
        let used = rusqlite::ffi::sqlite3_memory_used();
        rusqlite::ffi::sqlite3_hard_heap_limit64(used + (32 << 20))
    };
    let results: Vec<_> = queries.iter().map(|sql| one(&conn, sql)).collect();
    // SAFETY: as above.
    unsafe {
        rusqlite::ffi::sqlite3_hard_heap_limit64(old);
    }
    for (sql, r) in queries.iter().zip(results) {
        assert_eq!(r, Err("out of memory".to_string()), "{sql}");
    }
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    assert_eq!(
        one(&conn, "SELECT byte_len(zeroblob(1000))"),
        Ok(Value::Integer(1000))
    );
    drop(conn);
    crate::assert_no_leaks();
}
