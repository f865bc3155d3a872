//! SQLite registration of instantiations of generic classes (`register_aggregate::<
//! Total<i64>>`, `register_window::<Total<f64>>`): results equal SQLite's own `sum` and
//! `count`, NULLs skipped or passed as `None` as for a non-generic class, a body's type
//! error for one instantiation is the registration's `Err`, and nothing leaks.

use crate::{assert_no_leaks, memory_test};
use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate, register_window};
use std::ops::{Add, Div, Sub};

/// SQLite's `sum()`: NULL over no rows, else the sum in the argument's type; a window
/// function too (`inverse` removes a row leaving the frame).
#[jitclass]
pub struct Total<T> {
    sum: Option<T>,
    rows: i64,
}

#[jitclass]
impl<T: Copy + Add<Output = T> + Sub<Output = T>> Total<T> {
    pub fn new() -> Self {
        Total { sum: None, rows: 0 }
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
        self.sum = match self.sum {
            Some(s) => {
                if self.rows > 0 {
                    Some(s - x)
                } else {
                    None
                }
            }
            None => None,
        };
    }

    pub fn value(&self) -> Option<T> {
        self.sum
    }

    pub fn finalize(&self) -> Option<T> {
        self.sum
    }
}

/// SQLite's `count(x)`: NULLs reach `step` as `None` and are not counted.
#[jitclass]
pub struct Count<T> {
    last: Option<T>,
    n: i64,
}

#[jitclass]
impl<T: Copy> Count<T> {
    pub fn new() -> Self {
        Count { last: None, n: 0 }
    }

    pub fn step(&mut self, x: Option<T>) {
        if x.is_some() {
            self.n += 1;
            self.last = x;
        }
    }

    pub fn finalize(&self) -> i64 {
        self.n
    }
}

/// No bounds: the body is typed per instantiation, so `Doubled<bool>`'s `x + x` is an
/// error the JIT sees only at registration.
#[jitclass]
pub struct Doubled<T> {
    last: Option<T>,
}

#[jitclass]
impl<T> Doubled<T> {
    pub fn new() -> Self {
        Doubled { last: None }
    }

    pub fn step(&mut self, x: T) {
        self.last = Some(x + x);
    }

    // `self.last` alone would move it out of `&self`, rustc's E0507.
    pub fn finalize(&self) -> Option<T> {
        self.last.clone()
    }
}

/// Quotients kept in a managed member (`Vec<T>`): `a / b` panics for `b == 0` in an
/// integer instantiation, as rustc's build does.
#[jitclass]
pub struct Quotients<T> {
    kept: Vec<T>,
}

#[jitclass]
impl<T: Copy + Div<Output = T>> Quotients<T> {
    pub fn new() -> Self {
        Quotients { kept: Vec::new() }
    }

    pub fn step(&mut self, a: T, b: T) {
        self.kept.push(a / b);
    }

    pub fn finalize(&self) -> Option<T> {
        self.kept.last().copied()
    }
}

/// `g` groups, an integer `i` and a real `x`, every seventh of each NULL.
fn table(conn: &Connection, rows: usize) {
    conn.execute_batch("CREATE TABLE t(g INTEGER, i INTEGER, x REAL)")
        .unwrap();
    let mut insert = conn.prepare("INSERT INTO t VALUES (?1, ?2, ?3)").unwrap();
    let mut state = 9876u64;
    for r in 0..rows {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let i = ((state >> 40) as i64 - (1 << 23)) * (r % 3) as i64;
        let x = (state >> 11) as f64 / (1u64 << 53) as f64 * 100.0 - 50.0;
        insert
            .execute(rusqlite::params![
                (r % 50) as i64,
                (r % 7 != 2).then_some(i),
                (r % 7 != 5).then_some(x),
            ])
            .unwrap();
    }
}

fn approx(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

#[test]
fn instantiations_aggregate_as_sqlites_own() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    table(&conn, 5_000);
    register_aggregate::<Total<i64>>(&conn, "total_i", flags()).unwrap();
    register_aggregate::<Total<f64>>(&conn, "total_x", flags()).unwrap();
    register_aggregate::<Count<i64>>(&conn, "count_i", flags()).unwrap();
    register_aggregate::<Count<f64>>(&conn, "count_x", flags()).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT g, total_i(i), sum(i), total_x(x), sum(x), count_i(i), count(i),
                    count_x(x), count(x)
             FROM t GROUP BY g ORDER BY g",
        )
        .unwrap();
    let mut groups = 0;
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let g: i64 = r.get(0).unwrap();
        let (mine, theirs): (Option<i64>, Option<i64>) = (r.get(1).unwrap(), r.get(2).unwrap());
        assert_eq!(mine, theirs, "sum(i) of group {g}");
        let (mine, theirs): (Option<f64>, Option<f64>) = (r.get(3).unwrap(), r.get(4).unwrap());
        assert!(
            approx(mine, theirs),
            "sum(x) of group {g}: {mine:?} vs {theirs:?}"
        );
        let counts: [i64; 4] = std::array::from_fn(|k| r.get(5 + k).unwrap());
        assert_eq!((counts[0], counts[2]), (counts[1], counts[3]), "group {g}");
        groups += 1;
    }
    assert_eq!(groups, 50);
    drop(rows);
    // No rows, and only NULLs: `finalize` of a fresh state, as SQLite's.
    type Empty = (Option<i64>, Option<i64>, Option<f64>, Option<f64>, i64, i64);
    for filter in ["g < 0", "i IS NULL AND x IS NULL", "i IS NULL"] {
        let got: Empty = conn
            .query_row(
                &format!(
                    "SELECT total_i(i), sum(i), total_x(i), sum(CAST(i AS REAL)), count_i(i), count(i)
                     FROM t WHERE {filter}"
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .unwrap();
        assert_eq!((got.0, got.2, got.4), (got.1, got.3, got.5), "{filter}");
    }
    drop(stmt);
    drop(conn);
    assert_no_leaks();
}

#[test]
fn an_instantiation_is_a_window_function_as_sqlites_sum() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    table(&conn, 1_000);
    register_window::<Total<i64>>(&conn, "total_i", flags()).unwrap();
    register_window::<Total<f64>>(&conn, "total_x", flags()).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT total_i(i) OVER w, sum(i) OVER w, total_x(x) OVER w, sum(x) OVER w FROM t
             WINDOW w AS (ORDER BY rowid ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)",
        )
        .unwrap();
    type Frame = (Option<i64>, Option<i64>, Option<f64>, Option<f64>);
    let frames: Vec<Frame> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(frames.len(), 1_000);
    for (k, (mine, theirs, mine_x, theirs_x)) in frames.into_iter().enumerate() {
        assert_eq!(mine, theirs, "frame {k}");
        assert!(
            approx(mine_x, theirs_x),
            "frame {k}: {mine_x:?} vs {theirs_x:?}"
        );
    }
    drop(stmt);
    drop(conn);
    assert_no_leaks();
}

#[test]
fn an_instantiations_type_error_is_the_registrations_err() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    table(&conn, 10);
    // The same impl serves an instantiation its body types for.
    register_aggregate::<Doubled<i64>>(&conn, "doubled", flags()).unwrap();
    let (mine, last): (Option<i64>, Option<i64>) = conn
        .query_row(
            "SELECT doubled(i), (SELECT 2 * i FROM t WHERE i IS NOT NULL ORDER BY rowid DESC LIMIT 1)
             FROM (SELECT i FROM t ORDER BY rowid)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(mine, last);
    let err = register_aggregate::<Doubled<bool>>(&conn, "doubled_b", flags()).unwrap_err();
    let rusqlite::Error::UserFunctionError(e) = &err else {
        panic!("not a user function error: {err:?}");
    };
    let e = e
        .downcast_ref::<jitclass::Error>()
        .expect("a jitclass::Error");
    let text = e.to_string();
    assert!(text.contains("T = bool"), "{text}");
    assert!(text.contains('+'), "{text}");
    // The failed registration registered nothing.
    assert!(
        conn.query_row("SELECT doubled_b(1)", [], |_| Ok(()))
            .is_err()
    );
    drop(conn);
    assert_no_leaks();
}

#[test]
fn a_panic_in_an_instantiation_is_an_sqlite_error_and_nothing_leaks() {
    let _memory = memory_test();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE q(g INTEGER, a INTEGER, b INTEGER);
         INSERT INTO q VALUES (1, 7, 2), (1, 9, 3), (2, 1, 1), (2, 5, 0), (3, 8, 4);",
    )
    .unwrap();
    register_aggregate::<Quotients<i64>>(&conn, "quotients", flags()).unwrap();
    register_aggregate::<Quotients<f64>>(&conn, "quotients_x", flags()).unwrap();
    // rustc's build of the same step, on the same rows.
    let twin = |a: i64, b: i64| a / b;
    let ok: i64 = conn
        .query_row("SELECT quotients(a, b) FROM q WHERE g = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(ok, twin(9, 3));
    let message = std::panic::catch_unwind(|| twin(5, std::hint::black_box(0)))
        .unwrap_err()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .unwrap();
    // Fails in the second of three groups, each holding a `Vec`.
    let err = conn
        .prepare("SELECT g, quotients(a, b) FROM q GROUP BY g")
        .unwrap()
        .query_map([], |r| r.get::<_, i64>(1))
        .unwrap()
        .collect::<Result<Vec<i64>, _>>()
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains(&format!("quotients: {message}")), "{text}");
    assert!(text.contains("sqlite_generic_classes.rs:"), "{text}");
    // A float instantiation divides by zero as rustc's does; the connection is usable.
    let inf: f64 = conn
        .query_row("SELECT quotients_x(a, b) FROM q WHERE g = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(inf, 5.0_f64 / 0.0);
    drop(conn);
    assert_no_leaks();
}
