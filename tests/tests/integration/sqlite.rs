//! SQLite functions compiled by the JIT: results equal SQLite's own, NULL semantics,
//! errors, and no leaks.

use crate::fixtures::MyAvg;
use jitclass::sqlite::{
    Connection, FunctionFlags, register_aggregate, register_scalar, register_window,
};
use jitclass::{jit, jitclass};

/// `total()`: 0.0 over no rows or only NULLs; NULL rows reach `step` as `None`.
#[jitclass]
pub struct MySum {
    sum: f64,
    nulls: i64,
}

#[jitclass]
impl MySum {
    pub fn new() -> Self {
        MySum { sum: 0.0, nulls: 0 }
    }

    pub fn step(&mut self, value: Option<f64>) {
        match value {
            Some(v) => self.sum += v,
            None => self.nulls += 1,
        }
    }

    pub fn inverse(&mut self, value: Option<f64>) {
        if let Some(v) = value {
            self.sum -= v;
        }
    }

    pub fn value(&self) -> f64 {
        self.sum
    }

    pub fn finalize(&self) -> f64 {
        self.sum
    }
}

/// Counts rows whose flag is set, as an integer result.
#[jitclass]
pub struct CountTrue {
    n: i64,
}

#[jitclass]
impl CountTrue {
    pub fn new() -> Self {
        CountTrue { n: 0 }
    }

    pub fn step(&mut self, flag: bool, weight: i32) {
        if flag {
            self.n += weight as i64;
        }
    }

    pub fn finalize(&self) -> i64 {
        self.n
    }
}

#[jit]
fn clamp01(x: f64) -> f64 {
    x.max(0.0).min(1.0)
}

#[jit]
fn or_zero(x: Option<i64>) -> i64 {
    x.unwrap_or(0)
}

#[jit]
fn is_positive(x: i64) -> Option<bool> {
    if x == 0 { None } else { Some(x > 0) }
}

fn table(conn: &Connection, rows: usize) {
    conn.execute_batch("CREATE TABLE t(g INTEGER, x REAL, i INTEGER)")
        .unwrap();
    let mut insert = conn.prepare("INSERT INTO t VALUES (?1, ?2, ?3)").unwrap();
    let mut state = 12345u64;
    for r in 0..rows {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let x = (state >> 11) as f64 / (1u64 << 53) as f64 * 100.0 - 50.0;
        // Every seventh value is NULL.
        let x = (r % 7 != 3).then_some(x);
        insert
            .execute(rusqlite::params![(r % 1000) as i64, x, (r % 5) as i64 - 2])
            .unwrap();
    }
}

fn register_all(conn: &Connection) {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    register_aggregate::<MyAvg>(conn, "my_avg", flags).unwrap();
    register_window::<MySum>(conn, "my_sum", flags).unwrap();
    register_aggregate::<CountTrue>(conn, "count_true", flags).unwrap();
    register_scalar::<clamp01>(conn, "clamp01", flags).unwrap();
    register_scalar::<or_zero>(conn, "or_zero", flags).unwrap();
    register_scalar::<is_positive>(conn, "is_positive", flags).unwrap();
}

fn approx(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn aggregates_equal_sqlites_own() {
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    table(&conn, 20_000);
    register_all(&conn);
    let (mine, theirs): (Option<f64>, Option<f64>) = conn
        .query_row("SELECT my_avg(x), avg(x) FROM t", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert!(approx(mine, theirs), "{mine:?} vs {theirs:?}");
    let (mine, theirs): (f64, f64) = conn
        .query_row("SELECT my_sum(x), total(x) FROM t", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert!(approx(Some(mine), Some(theirs)));
    // An empty table and only NULLs: `finalize` of a fresh state.
    let empty: (Option<f64>, Option<f64>, f64, f64) = conn
        .query_row(
            "SELECT my_avg(x), avg(x), my_sum(x), total(x) FROM t WHERE g < 0",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(empty, (None, None, 0.0, 0.0));
    let nulls: (Option<f64>, Option<f64>) = conn
        .query_row("SELECT my_avg(x), avg(x) FROM t WHERE x IS NULL", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(nulls, (None, None));
    // GROUP BY with 1,000 groups.
    let mut stmt = conn
        .prepare("SELECT g, my_avg(x), avg(x), my_sum(x), total(x) FROM t GROUP BY g ORDER BY g")
        .unwrap();
    /// A group's key, `my_avg`, `avg`, `my_sum`, `total`.
    type GroupRow = (i64, Option<f64>, Option<f64>, f64, f64);
    let rows: Vec<GroupRow> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 1000);
    for (g, mine, theirs, my_sum, total) in rows {
        assert!(approx(mine, theirs), "group {g}: {mine:?} vs {theirs:?}");
        assert!(approx(Some(my_sum), Some(total)), "group {g}");
    }
    // Integer and boolean arguments.
    let (mine, theirs): (i64, i64) = conn
        .query_row(
            "SELECT count_true(i > 0, i), sum(CASE WHEN i > 0 THEN i ELSE 0 END) FROM t",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(mine, theirs);
    drop(stmt);
    drop(conn);
    crate::assert_no_leaks();
}

#[test]
fn window_frames_equal_sqlites_own() {
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    table(&conn, 2_000);
    register_all(&conn);
    let mut stmt = conn
        .prepare(
            "SELECT my_sum(x) OVER w, total(x) OVER w FROM t
             WINDOW w AS (ORDER BY rowid ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)",
        )
        .unwrap();
    let rows: Vec<(f64, f64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2_000);
    for (i, (mine, theirs)) in rows.iter().enumerate() {
        assert!(
            approx(Some(*mine), Some(*theirs)),
            "row {i}: {mine} vs {theirs}"
        );
    }
    drop(stmt);
    drop(conn);
    crate::assert_no_leaks();
}

#[test]
fn scalar_functions_and_null_arguments() {
    let conn = Connection::open_in_memory().unwrap();
    register_all(&conn);
    let row: (f64, f64, Option<f64>, i64, i64, Option<bool>, Option<bool>) = conn
        .query_row(
            "SELECT clamp01(1.5), clamp01(-2), clamp01(NULL), or_zero(NULL), or_zero(7),
                    is_positive(0), is_positive(-3)",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .unwrap();
    assert_eq!(row, (1.0, 0.0, None, 0, 7, None, Some(false)));
    // The argument count comes from the signature.
    let wrong = conn.query_row("SELECT clamp01(1, 2)", [], |r| r.get::<_, f64>(0));
    assert!(wrong.is_err());
    crate::assert_no_leaks();
}

// ---- errors ----------------------------------------------------------------------------

#[jitclass]
pub struct Tag {
    id: i64,
}

#[jitclass]
impl Tag {
    pub fn new(id: i64) -> Tag {
        Tag { id }
    }
}

/// A state with a managed member, whose `step` panics on a negative value.
#[jitclass]
pub struct Strict {
    last: Option<Tag>,
    n: i64,
}

#[jitclass]
impl Strict {
    pub fn new() -> Self {
        Strict { last: None, n: 0 }
    }

    pub fn step(&mut self, x: i64) {
        assert!(x >= 0, "negative value {} in strict_count", x);
        self.last = Some(Tag::new(x));
        self.n += 1;
    }

    pub fn finalize(&self) -> i64 {
        match self.last.clone() {
            Some(t) => self.n * 1000 + t.id,
            None => 0,
        }
    }
}

#[test]
fn a_panic_becomes_an_sqlite_error_and_nothing_leaks() {
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE v(g INTEGER, x INTEGER);
         INSERT INTO v VALUES (1, 1), (1, 2), (2, 3), (2, -4), (2, 5), (3, 6);",
    )
    .unwrap();
    register_aggregate::<Strict>(&conn, "strict_count", FunctionFlags::SQLITE_UTF8).unwrap();
    let ok: i64 = conn
        .query_row("SELECT strict_count(x) FROM v WHERE g = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(ok, 2002);
    // Fails half-way, in the second of three groups.
    let err = conn
        .prepare("SELECT g, strict_count(x) FROM v GROUP BY g")
        .unwrap()
        .query_map([], |r| r.get::<_, i64>(1))
        .unwrap()
        .collect::<Result<Vec<i64>, _>>()
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("strict_count: negative value -4 in strict_count"),
        "{message}"
    );
    assert!(
        message.contains("tests/tests/integration/sqlite.rs:"),
        "{message}"
    );
    assert!(message.contains("Strict::step"), "{message}");
    // The connection is still usable.
    let ok: i64 = conn
        .query_row("SELECT strict_count(x) FROM v WHERE g = 3", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(ok, 1006);
    drop(conn);
    crate::assert_no_leaks();
}
