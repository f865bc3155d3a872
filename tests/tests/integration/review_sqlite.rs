//! Adversarial review (issue 12, item 3): SQL arguments against rusqlite's `FromSql` for
//! the same Rust type, value by value, in every function kind; results refused in
//! `value` and `finalize`; state released after every error.

use jitclass::sqlite::{
    Connection, FunctionFlags, register_aggregate, register_scalar, register_window,
};
use jitclass::{jit, jitclass, objmode};
use rusqlite::types::{FromSql, Value};

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

/// SQL literals that probe every rule's edges.
const LITERALS: &[&str] = &[
    "0",
    "-1",
    "1",
    "-128",
    "-129",
    "127",
    "128",
    "255",
    "256",
    "-32768",
    "-32769",
    "32767",
    "32768",
    "65535",
    "65536",
    "-2147483648",
    "-2147483649",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "16777217",
    "9007199254740993",
    "0.0",
    "-0.0",
    "0.5",
    "3.0",
    "-3.0",
    "1e-40",
    "1e-46",
    "-1e-46",
    "1.401298464324817e-45",
    "7.006492321624085e-46",
    "7.006492321624087e-46",
    "3.4028234663852886e38",
    "3.4028235677973362e38",
    "3.4028235677973366e38",
    "3.40282357e38",
    "-3.4028235677973362e38",
    "-3.4028235677973366e38",
    "1e39",
    "1e308",
    "1e999",
    "-1e999",
    "9.223372036854775807e18",
    "'12'",
    "'abc'",
    "''",
    "x''",
    "x'00'",
    "NULL",
];

macro_rules! echo {
    ($($name:ident: $t:ty,)*) => {
        $(
            #[allow(dead_code)]
            #[jit]
            fn $name(a: $t) -> $t {
                a
            }
        )*
    };
}

echo! {
    r_i8: i8, r_i16: i16, r_i32: i32, r_i64: i64, r_isize: isize,
    r_u8: u8, r_u16: u16, r_u32: u32, r_u64: u64, r_usize: usize,
    r_f32: f32, r_f64: f64, r_bool: bool,
}

#[allow(dead_code)]
#[jit]
fn r_opt_i8(a: Option<i8>) -> Option<i8> {
    a
}

#[allow(dead_code)]
#[jit]
fn r_opt_f32(a: Option<f32>) -> Option<f32> {
    a
}

#[allow(dead_code)]
#[jit]
fn r_opt_bool(a: Option<bool>) -> Option<bool> {
    a
}

/// What rusqlite's `get::<T>` gives for `SELECT lit`, as the SQL value a jit function
/// returning that `T` would produce; `None` if rusqlite refuses it.
fn rusqlite_value<T: FromSql>(
    conn: &Connection,
    lit: &str,
    to_sql: fn(T) -> Value,
) -> Option<Value> {
    conn.query_row(&format!("SELECT {lit}"), [], |r| r.get::<_, T>(0))
        .ok()
        .map(to_sql)
}

fn jit_value(conn: &Connection, name: &str, lit: &str) -> Result<Value, String> {
    conn.query_row(&format!("SELECT {name}({lit})"), [], |r| {
        r.get::<_, Value>(0)
    })
    .map_err(|e| e.to_string())
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Real(x), Value::Real(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

#[test]
fn review_scalar_arguments_match_rusqlite_from_sql() {
    let conn = Connection::open_in_memory().unwrap();
    macro_rules! reg {
        ($($name:ident),*) => { $( register_scalar::<$name>(&conn, stringify!($name), flags()).unwrap(); )* };
    }
    reg!(
        r_i8, r_i16, r_i32, r_i64, r_isize, r_u8, r_u16, r_u32, r_u64, r_usize, r_f32, r_f64,
        r_bool, r_opt_i8, r_opt_f32, r_opt_bool
    );
    let mut mismatches = Vec::new();
    let u64_rule = |conn: &Connection, lit: &str| -> Option<Value> {
        // rusqlite's `fallible_uint`: `i64` then `try_into`.
        let i = conn
            .query_row(&format!("SELECT {lit}"), [], |r| r.get::<_, i64>(0))
            .ok()?;
        u64::try_from(i).ok().map(|u| Value::Integer(u as i64))
    };
    for lit in LITERALS {
        let is_null = *lit == "NULL";
        let mut check = |name: &str, expected: Option<Value>, f32_rule: bool| {
            let got = jit_value(&conn, name, lit);
            let expected = if is_null && !name.starts_with("r_opt") {
                // A NULL for a non-`Option` parameter makes the result NULL.
                Some(Value::Null)
            } else {
                expected
            };
            // The documented deviation: a finite REAL that overflows `f32` is refused.
            let expected = match expected {
                Some(Value::Real(r)) if f32_rule && r.is_infinite() => {
                    let source: f64 = conn
                        .query_row(&format!("SELECT {lit}"), [], |r| r.get(0))
                        .unwrap();
                    if source.is_finite() {
                        None
                    } else {
                        Some(Value::Real(r))
                    }
                }
                other => other,
            };
            let ok = match (&got, &expected) {
                (Ok(g), Some(e)) => same(g, e),
                (Err(_), None) => true,
                _ => false,
            };
            if !ok {
                mismatches.push(format!("{name}({lit}): jit {got:?}, rusqlite {expected:?}"));
            }
        };
        macro_rules! int {
            ($($name:ident: $t:ty),*) => { $(
                check(stringify!($name), rusqlite_value::<$t>(&conn, lit, |v| Value::Integer(v as i64)), false);
            )* };
        }
        int!(r_i8: i8, r_i16: i16, r_i32: i32, r_i64: i64, r_isize: isize, r_u8: u8, r_u16: u16, r_u32: u32);
        check("r_u64", u64_rule(&conn, lit), false);
        check("r_usize", u64_rule(&conn, lit), false);
        check(
            "r_f32",
            rusqlite_value::<f32>(&conn, lit, |v| Value::Real(v as f64)),
            true,
        );
        check(
            "r_f64",
            rusqlite_value::<f64>(&conn, lit, Value::Real),
            false,
        );
        check(
            "r_bool",
            rusqlite_value::<bool>(&conn, lit, |v| Value::Integer(v as i64)),
            false,
        );
        let opt = |v: Option<Value>| if is_null { Some(Value::Null) } else { v };
        check(
            "r_opt_i8",
            opt(rusqlite_value::<i8>(&conn, lit, |v| {
                Value::Integer(v as i64)
            })),
            false,
        );
        check(
            "r_opt_f32",
            opt(rusqlite_value::<f32>(&conn, lit, |v| Value::Real(v as f64))),
            true,
        );
        check(
            "r_opt_bool",
            opt(rusqlite_value::<bool>(&conn, lit, |v| {
                Value::Integer(v as i64)
            })),
            false,
        );
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}

// ---- results refused in `value` and `finalize`, with a member in the state ------------

#[jitclass]
pub struct Member {
    n: i64,
}

#[jitclass]
impl Member {
    pub fn new() -> Member {
        Member { n: 0 }
    }
}

#[jitclass]
pub struct BigTotal {
    total: u64,
    member: Member,
    rows: Option<Member>,
}

#[jitclass]
impl BigTotal {
    pub fn new() -> BigTotal {
        BigTotal {
            total: 0,
            member: Member::new(),
            rows: None,
        }
    }

    pub fn step(&mut self, x: i64) {
        self.total = self.total.wrapping_add(x as u64);
        self.rows = Some(Member::new());
    }

    pub fn inverse(&mut self, x: i64) {
        self.total = self.total.wrapping_sub(x as u64);
    }

    pub fn value(&self) -> u64 {
        self.total
    }

    pub fn finalize(&self) -> Option<usize> {
        Some(self.total as usize)
    }
}

fn rows(conn: &Connection, sql: &str) -> Result<Vec<Value>, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
    let rows = stmt
        .query_map([], |r| r.get::<_, Value>(0))
        .map_err(|e| e.to_string())?;
    rows.collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())
}

#[test]
fn review_results_refused_in_value_and_finalize_release_the_state() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register_window::<BigTotal>(&conn, "big_window", flags()).unwrap();
    register_aggregate::<BigTotal>(&conn, "big_total", flags()).unwrap();
    // A window whose `inverse` takes other arguments than `step` is a build error
    // (`tests/ui/sqlite/sqlite_window_inverse_arguments.rs`).
    conn.execute_batch(
        "CREATE TABLE t(g INTEGER, x INTEGER);
         INSERT INTO t VALUES (1, 1), (1, -5), (2, 300), (2, 1), (2, 2);",
    )
    .unwrap();
    let window = "OVER (ORDER BY rowid ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)";
    let err = rows(&conn, &format!("SELECT big_window(x) {window} FROM t")).unwrap_err();
    assert!(err.contains("out of range for an SQL INTEGER"), "{err}");
    let err = rows(&conn, "SELECT big_total(x) FROM t GROUP BY g").unwrap_err();
    assert!(err.contains("out of range for an SQL INTEGER"), "{err}");
    assert_eq!(
        rows(&conn, "SELECT big_total(x) FROM t WHERE g = 2"),
        Ok(vec![Value::Integer(303)])
    );
    drop(conn);
    assert!(
        jitclass::stats().since(&before).is_balanced(),
        "{:?}",
        jitclass::stats().since(&before)
    );
    crate::assert_no_leaks();
}

// ---- `new` panicking, zero rows, and NULL-only groups --------------------------------

thread_local! {
    static FAIL_NEW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[jitclass]
pub struct Fragile {
    member: Member,
    rows: i64,
}

#[jitclass]
impl Fragile {
    pub fn new() -> Fragile {
        let m = Member::new();
        let fail = objmode!(|| -> bool { FAIL_NEW.with(|f| f.get()) });
        assert!(!fail, "new failed");
        Fragile { member: m, rows: 0 }
    }

    pub fn step(&mut self, x: i64) {
        self.rows += x * 0 + 1;
    }

    pub fn inverse(&mut self, x: i64) {
        self.rows -= x * 0 + 1;
    }

    pub fn value(&self) -> i64 {
        self.rows
    }

    pub fn finalize(&self) -> i64 {
        self.rows + self.member.n
    }
}

#[test]
fn review_new_panicking_and_empty_groups_release_everything() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Fragile>(&conn, "fragile", flags()).unwrap();
    register_window::<Fragile>(&conn, "fragile_w", flags()).unwrap();
    conn.execute_batch(
        "CREATE TABLE t(g INTEGER, x INTEGER);
         INSERT INTO t VALUES (1, 1), (1, NULL), (2, NULL), (3, 5);",
    )
    .unwrap();
    assert_eq!(
        rows(&conn, "SELECT fragile(x) FROM t WHERE 0"),
        Ok(vec![Value::Integer(0)])
    );
    assert_eq!(
        rows(&conn, "SELECT fragile(x) FROM t GROUP BY g"),
        Ok(vec![
            Value::Integer(1),
            Value::Integer(0),
            Value::Integer(1)
        ])
    );
    FAIL_NEW.with(|f| f.set(true));
    let err = rows(&conn, "SELECT fragile(x) FROM t GROUP BY g").unwrap_err();
    assert!(err.contains("new failed"), "{err}");
    let err = rows(&conn, "SELECT fragile(x) FROM t WHERE 0").unwrap_err();
    assert!(err.contains("new failed"), "{err}");
    let err = rows(
        &conn,
        "SELECT fragile_w(x) OVER (ORDER BY rowid ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
    )
    .unwrap_err();
    assert!(err.contains("new failed"), "{err}");
    FAIL_NEW.with(|f| f.set(false));
    assert_eq!(
        rows(
            &conn,
            "SELECT fragile_w(x) OVER (ORDER BY rowid ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"
        ),
        Ok(vec![
            Value::Integer(1),
            Value::Integer(1),
            Value::Integer(0),
            Value::Integer(1)
        ])
    );
    drop(conn);
    let after = jitclass::stats().since(&before);
    assert!(after.is_balanced(), "{after:?}");
    crate::assert_no_leaks();
}
