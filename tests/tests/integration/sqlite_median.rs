//! A median aggregate and a moving median window function whose state holds a `Vec<f64>`
//! in SQLite's memory: results equal the same functions written on rusqlite's `Aggregate`
//! and `WindowAggregate` in Rust, and the `Vec`'s buffer is released exactly once, also
//! when a query stops half-way (an error, a panic, a reset, a `LIMIT`, an interrupt).

use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate, register_window};

// `Median`, `RsMedian` (the same on rusqlite's traits) and `median_in_place` are the
// example's (examples/src/median.rs), so the tests check the code the example and the
// benchmarks run.
use jitclass_examples::median::{median_in_place, register_medians};

/// `Median`, but `step` panics at its 101st value and `value` on an empty frame: queries
/// that fail half-way, with values already pushed.
#[jitclass]
pub struct CappedMedian {
    values: Vec<f64>,
}

#[jitclass]
impl CappedMedian {
    pub fn new() -> Self {
        CappedMedian {
            values: Vec::with_capacity(4),
        }
    }

    pub fn step(&mut self, x: f64) {
        assert!(self.values.len() < 100, "more than 100 values");
        self.values.push(x);
    }

    pub fn inverse(&mut self, x: f64) {
        for i in 0..self.values.len() {
            if self.values[i].to_bits() == x.to_bits() {
                self.values.swap_remove(i);
                return;
            }
        }
    }

    pub fn value(&mut self) -> f64 {
        median_in_place(&mut self.values).unwrap()
    }

    pub fn finalize(&mut self) -> Option<f64> {
        median_in_place(&mut self.values)
    }
}

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

fn register(conn: &Connection) {
    register_medians(conn).unwrap();
    register_aggregate::<CappedMedian>(conn, "capped_median", flags()).unwrap();
    register_window::<CappedMedian>(conn, "capped_moving_median", flags()).unwrap();
}

/// `t(g, x)`: `rows` values in `groups` groups, from a few distinct values (duplicates),
/// with NULLs, integers, infinities and both zeros among them; `x` has no type, so SQLite
/// keeps each value's own storage class.
fn table(conn: &Connection, rows: usize, groups: usize, seed: u64) {
    conn.execute_batch("DROP TABLE IF EXISTS t; CREATE TABLE t(g INTEGER, x)")
        .unwrap();
    let mut insert = conn.prepare("INSERT INTO t VALUES (?1, ?2)").unwrap();
    let mut state = seed | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    conn.execute_batch("BEGIN").unwrap();
    for r in 0..rows {
        let pick = next();
        let value = match pick % 16 {
            0 | 1 => rusqlite::types::Value::Null,
            2 => rusqlite::types::Value::Integer((pick >> 8) as i64 % 7 - 3),
            3 => rusqlite::types::Value::Real(-0.0),
            4 => rusqlite::types::Value::Real(0.0),
            5 => rusqlite::types::Value::Real(f64::INFINITY),
            6 => rusqlite::types::Value::Real(f64::NEG_INFINITY),
            // A few distinct values, so that frames hold duplicates.
            7..=10 => rusqlite::types::Value::Real(((pick >> 8) % 5) as f64 * 0.5),
            _ => rusqlite::types::Value::Real((pick >> 11) as f64 / (1u64 << 53) as f64 - 0.5),
        };
        insert
            .execute(rusqlite::params![(r % groups) as i64, value])
            .unwrap();
    }
    conn.execute_batch("COMMIT").unwrap();
}

/// Every row of `sql` as `Option<f64>`s, bit for bit (`None` for NULL).
fn column(conn: &Connection, sql: &str) -> Vec<Option<u64>> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get::<_, Option<f64>>(0))
        .unwrap()
        .map(|r| r.unwrap().map(f64::to_bits))
        .collect()
}

/// The results of `sql` with `{f}` replaced by the jit and the Rust function, which must
/// be the same bits.
fn same(conn: &Connection, sql: &str, jit: &str, rust: &str) -> Vec<Option<u64>> {
    let mine = column(conn, &sql.replace("{f}", jit));
    let theirs = column(conn, &sql.replace("{f}", rust));
    assert_eq!(mine.len(), theirs.len(), "{sql}");
    for (i, (a, b)) in mine.iter().zip(&theirs).enumerate() {
        assert_eq!(
            a.map(f64::from_bits),
            b.map(f64::from_bits),
            "row {i} of {sql}"
        );
        assert_eq!(a, b, "row {i} of {sql}: the same value, other bits");
    }
    mine
}

// ---- results ----------------------------------------------------------------------------

#[test]
fn median_equals_the_rust_aggregate() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    for (rows, groups, seed) in [
        (1, 1, 1),
        (2, 1, 2),
        (3, 1, 3),
        (1000, 1, 4),
        (5000, 997, 5),
    ] {
        table(&conn, rows, groups, seed);
        same(&conn, "SELECT {f}(x) FROM t", "median", "rs_median");
        let grouped = same(
            &conn,
            "SELECT {f}(x) FROM t GROUP BY g ORDER BY g",
            "median",
            "rs_median",
        );
        assert_eq!(grouped.len(), groups);
    }
    // Known values: odd and even counts, integers as REALs, NULLs skipped, duplicates.
    let known = |values: &str| -> Option<f64> {
        conn.query_row(
            &format!("SELECT median(column1) FROM (VALUES {values})"),
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(known("(3.0), (1), (2.5)"), Some(2.5));
    assert_eq!(known("(4), (NULL), (1), (3), (2)"), Some(2.5));
    assert_eq!(known("(7), (7), (1), (7)"), Some(7.0));
    assert_eq!(known("(NULL), (NULL)"), None);
    assert_eq!(known("(-9e999), (9e999)"), None); // the mean of -inf and inf is NaN: NULL
    // No rows, and groups of only NULLs: NULL, as `Option<f64>`'s `None`.
    let none: (Option<f64>, Option<f64>) = conn
        .query_row(
            "SELECT median(x), rs_median(x) FROM t WHERE g < 0",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(none, (None, None));
    conn.execute_batch("UPDATE t SET x = NULL WHERE g % 2 = 0")
        .unwrap();
    let grouped = same(
        &conn,
        "SELECT {f}(x) FROM t GROUP BY g ORDER BY g",
        "median",
        "rs_median",
    );
    assert!(grouped.iter().step_by(2).all(Option::is_none));
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

#[test]
fn nan_never_reaches_the_functions() {
    // SQLite keeps no NaN: `inf - inf` is NULL, and a bound NaN is stored as NULL. So the
    // functions see only numbers, and `total_cmp` orders them as `<` does, but for the
    // zeros, which it puts `-0.0` first.
    let _memory = crate::memory_test();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    conn.execute_batch("CREATE TABLE n(x)").unwrap();
    conn.execute(
        "INSERT INTO n VALUES (?1), (9e999 - 9e999), (1.0)",
        [f64::NAN],
    )
    .unwrap();
    let nulls: i64 = conn
        .query_row("SELECT count(*) FROM n WHERE x IS NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(nulls, 2);
    let both: (Option<f64>, Option<f64>) = conn
        .query_row("SELECT median(x), rs_median(x) FROM n", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(both, (Some(1.0), Some(1.0)));
    // SQLite keeps `-0.0`, and `total_cmp` puts it before `0.0`.
    let zeros = same(
        &conn,
        "SELECT {f}(column1) FROM (VALUES (0.0), (-0.0), (-0.0))",
        "median",
        "rs_median",
    );
    assert_eq!(zeros, [Some((-0.0f64).to_bits())]);
    // `inverse` removes the value that leaves by its bits: `==` would take a `-0.0` for
    // the `0.0` leaving the third frame, which holds two `-0.0`s.
    let moving = same(
        &conn,
        "SELECT {f}(column1) OVER (ORDER BY rowid ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
         FROM (SELECT 1 AS rowid, 0.0 AS column1 UNION ALL SELECT 2, -0.0 UNION ALL SELECT 3, -0.0)",
        "moving_median",
        "rs_moving_median",
    );
    assert_eq!(
        moving,
        [Some(0), Some(0), Some((-0.0f64).to_bits())],
        "{moving:x?}"
    );
    drop(conn);
    crate::assert_no_leaks();
}

#[test]
fn moving_median_equals_the_rust_window_function() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    table(&conn, 1500, 7, 9);
    for frame in [
        "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW",
        "ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING",
        "ROWS BETWEEN 10 PRECEDING AND 3 PRECEDING",
        "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
        "ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING",
        "ROWS BETWEEN 2 FOLLOWING AND 5 FOLLOWING",
        "RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING",
        "GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW",
        "ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING EXCLUDE CURRENT ROW",
        "ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING EXCLUDE TIES",
    ] {
        for order in ["rowid", "x"] {
            let order = if frame.starts_with("RANGE") {
                "g"
            } else {
                order
            };
            let sql = format!(
                "SELECT {{f}}(x) OVER (PARTITION BY g ORDER BY {order} {frame}) FROM t ORDER BY rowid"
            );
            let rows = same(&conn, &sql, "moving_median", "rs_moving_median");
            assert_eq!(rows.len(), 1500);
            let sql =
                format!("SELECT {{f}}(x) OVER (ORDER BY {order} {frame}) FROM t ORDER BY rowid");
            same(&conn, &sql, "moving_median", "rs_moving_median");
        }
    }
    // A window over the whole partition: no `inverse`, `xFinal` per partition.
    same(
        &conn,
        "SELECT {f}(x) OVER (PARTITION BY g) FROM t ORDER BY rowid",
        "moving_median",
        "rs_moving_median",
    );
    // Frames with no values are NULL.
    let empty = column(
        &conn,
        "SELECT moving_median(x) OVER (ORDER BY x ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING)
         FROM (SELECT 1.0 AS x UNION ALL SELECT 2.0)",
    );
    assert_eq!(empty, [None, Some(1.0f64.to_bits())]);
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

// ---- queries that stop half-way ---------------------------------------------------------

#[test]
fn an_error_in_a_later_step_releases_every_group() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    table(&conn, 3000, 30, 11);
    // A TEXT value half-way through the table: `f64` takes no TEXT.
    conn.execute("INSERT INTO t VALUES (3, 'text')", [])
        .unwrap();
    table_append(&conn, 3000);
    for sql in [
        "SELECT median(x) FROM t",
        "SELECT g, median(x) FROM t GROUP BY g",
        "SELECT moving_median(x) OVER (ORDER BY rowid ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) FROM t",
        "SELECT moving_median(x) OVER (PARTITION BY g ORDER BY rowid) FROM t",
    ] {
        let err = try_rows(&conn, sql).unwrap_err();
        assert!(err.contains("is the TEXT \"text\""), "{sql}: {err}");
        assert!(
            crate::balanced_since(&before),
            "{sql}: {:?}",
            jitclass::stats()
        );
    }
    // A panic in `step` after 100 values, in some groups only.
    let err = try_rows(
        &conn,
        "SELECT g, capped_median(x) FROM t WHERE g < 5 GROUP BY g",
    )
    .unwrap_err();
    assert!(err.contains("more than 100 values"), "{err}");
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    let ok = try_rows(&conn, "SELECT capped_median(x) FROM t WHERE rowid < 50").unwrap();
    assert_eq!(ok.len(), 1);
    // The same in a window function's `step`, and in `value`, which panics on the empty
    // frames at the end of each partition after the partition's first rows are out.
    let err = try_rows(
        &conn,
        "SELECT capped_moving_median(x) OVER (ORDER BY rowid) FROM t WHERE typeof(x) IN ('real', 'integer')",
    )
    .unwrap_err();
    assert!(err.contains("more than 100 values"), "{err}");
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    let err = try_rows(
        &conn,
        "SELECT capped_moving_median(x) OVER (PARTITION BY g ORDER BY rowid
             ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM t WHERE typeof(x) IN ('real', 'integer')",
    )
    .unwrap_err();
    assert!(err.contains("on a `None` value"), "{err}");
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    drop(conn);
    crate::assert_no_leaks();
}

/// `rows` more values, after the ones `table` made.
fn table_append(conn: &Connection, rows: usize) {
    conn.execute(
        "INSERT INTO t SELECT g, x FROM t WHERE rowid <= ?1",
        [rows as i64],
    )
    .unwrap();
}

/// Every row of `sql`, or the error's message.
fn try_rows(conn: &Connection, sql: &str) -> Result<Vec<Option<f64>>, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
    let last = stmt.column_count() - 1;
    let rows = stmt
        .query_map([], |r| r.get::<_, Option<f64>>(last))
        .map_err(|e| e.to_string())?;
    rows.collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())
}

#[test]
fn a_statement_reset_before_its_last_group_releases_the_groups() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    table(&conn, 4000, 40, 13);
    let queries = [
        // The next group holds values when the first row comes out.
        "SELECT g, median(x) FROM t GROUP BY g",
        // A window's partition holds values at every row.
        "SELECT g, moving_median(x) OVER (ORDER BY rowid ROWS BETWEEN 20 PRECEDING AND CURRENT ROW) FROM t",
        "SELECT g, moving_median(x) OVER (PARTITION BY g ORDER BY rowid) FROM t",
        "SELECT g, moving_median(x) OVER (PARTITION BY g) FROM t",
    ];
    for sql in queries {
        let mut stmt = conn.prepare(sql).unwrap();
        {
            let mut rows = stmt.query([]).unwrap();
            for _ in 0..3 {
                rows.next().unwrap().expect("a row");
            }
            // Dropping `rows` resets the statement.
        }
        assert!(
            crate::balanced_since(&before),
            "{sql}: {:?}",
            jitclass::stats()
        );
        // And once more, finalizing the statement without a reset first.
        let mut rows = stmt.raw_query();
        rows.next().unwrap().expect("a row");
        std::mem::forget(rows);
        drop(stmt);
        assert!(
            crate::balanced_since(&before),
            "{sql}: {:?}",
            jitclass::stats()
        );
    }
    // `LIMIT` stops a window query early.
    let limited = try_rows(
        &conn,
        "SELECT moving_median(x) OVER (ORDER BY rowid ROWS BETWEEN 9 PRECEDING AND 9 FOLLOWING) FROM t LIMIT 5",
    )
    .unwrap();
    assert_eq!(limited.len(), 5);
    let limited = try_rows(&conn, "SELECT g, median(x) FROM t GROUP BY g LIMIT 2").unwrap();
    assert_eq!(limited.len(), 2);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    drop(conn);
    crate::assert_no_leaks();
}

#[test]
fn an_interrupted_query_releases_its_groups() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    table(&conn, 4000, 40, 17);
    // `interrupt_at(n)` interrupts the query when it is called for the `n`-th time.
    let handle = conn.get_interrupt_handle();
    let calls = std::sync::atomic::AtomicI64::new(0);
    conn.create_scalar_function("interrupt_at", 1, FunctionFlags::SQLITE_UTF8, move |ctx| {
        let at: i64 = ctx.get(0)?;
        if calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1 == at {
            handle.interrupt();
        }
        Ok(0.0)
    })
    .unwrap();
    for sql in [
        "SELECT median(x + interrupt_at(2000)) FROM t",
        "SELECT g, median(x + interrupt_at(4000 + 2000)) FROM t GROUP BY g",
        "SELECT moving_median(x + interrupt_at(8000 + 2000)) OVER (ORDER BY rowid ROWS BETWEEN 30 PRECEDING AND CURRENT ROW) FROM t",
    ] {
        let err = try_rows(&conn, sql).unwrap_err();
        assert!(err.contains("interrupt"), "{sql}: {err}");
        assert!(
            crate::balanced_since(&before),
            "{sql}: {:?}",
            jitclass::stats()
        );
    }
    drop(conn);
    crate::assert_no_leaks();
}
