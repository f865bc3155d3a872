//! The SQL type rules of jit parameters and results (rusqlite's `FromSql`): every integer
//! type at its bounds and one past them, REAL, TEXT and BLOB values into integer
//! parameters, integers into floats, for scalar, aggregate and window functions; a
//! refused value is an SQL error naming the function and the argument, the connection
//! stays usable and nothing leaks.

use jitclass::sqlite::{
    Connection, FunctionFlags, register_aggregate, register_scalar, register_window,
};
use jitclass::{jit, jitclass};

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

/// `SELECT <sql>`: the value as an `i64`, or the SQL error's message.
fn select_i64(conn: &Connection, sql: &str) -> Result<Option<i64>, String> {
    conn.query_row(&format!("SELECT {sql}"), [], |r| r.get(0))
        .map_err(|e| e.to_string())
}

fn select_f64(conn: &Connection, sql: &str) -> Result<Option<f64>, String> {
    conn.query_row(&format!("SELECT {sql}"), [], |r| r.get(0))
        .map_err(|e| e.to_string())
}

macro_rules! echo_fns {
    ($($name:ident: $t:ident,)*) => {
        $(
            // Called from SQL only (registered by its type).
            #[allow(dead_code)]
            #[jit]
            fn $name(a: $t) -> i64 {
                a as i64
            }
        )*

        /// Registers every echo function under its own name.
        fn register_echoes(conn: &Connection) {
            $( register_scalar::<$name>(conn, stringify!($name), flags()).unwrap(); )*
        }

        /// `(name, MIN, MAX)` of every narrow integer type, as SQL INTEGERs.
        const NARROW: &[(&str, &str, i128, i128)] = &[
            $( (stringify!($name), stringify!($t), $t::MIN as i128, $t::MAX as i128), )*
        ];
    };
}

echo_fns! {
    echo_i8: i8,
    echo_i16: i16,
    echo_i32: i32,
    echo_u8: u8,
    echo_u16: u16,
    echo_u32: u32,
}

#[jit]
fn echo_i64(a: i64) -> i64 {
    a
}

#[jit]
fn echo_u64(big: u64) -> u64 {
    big
}

#[jit]
fn echo_usize(n: usize) -> i64 {
    n as i64
}

#[jit]
fn echo_f32(x: f32) -> f64 {
    x as f64
}

#[jit]
fn echo_f64(x: f64) -> f64 {
    x
}

#[jit]
fn echo_bool(b: bool) -> i64 {
    if b { 1 } else { 0 }
}

#[jit]
fn second_u8(a: i64, b: Option<u8>) -> i64 {
    a + b.unwrap_or(0) as i64
}

#[jit]
fn as_u64(a: i64) -> u64 {
    a as u64
}

#[test]
fn narrow_integers_take_their_range_and_refuse_one_past_it() {
    let conn = Connection::open_in_memory().unwrap();
    register_echoes(&conn);
    for &(name, ty, min, max) in NARROW {
        assert_eq!(
            select_i64(&conn, &format!("{name}({min})")),
            Ok(Some(min as i64))
        );
        assert_eq!(
            select_i64(&conn, &format!("{name}({max})")),
            Ok(Some(max as i64))
        );
        assert_eq!(select_i64(&conn, &format!("{name}(NULL)")), Ok(None));
        for past in [min - 1, max + 1] {
            let err = select_i64(&conn, &format!("{name}({past})")).unwrap_err();
            assert_eq!(
                err,
                format!("{name}(): argument 1 (`a`) is {past}, out of range for `{ty}`")
            );
        }
    }
    // The examples, which wrapped to 44 and 4464.
    let err = select_i64(&conn, "echo_i8(300)").unwrap_err();
    assert_eq!(
        err,
        "echo_i8(): argument 1 (`a`) is 300, out of range for `i8`"
    );
    let err = select_i64(&conn, "echo_u16(70000)").unwrap_err();
    assert_eq!(
        err,
        "echo_u16(): argument 1 (`a`) is 70000, out of range for `u16`"
    );
    // The connection is still usable.
    assert_eq!(select_i64(&conn, "echo_i8(-7)"), Ok(Some(-7)));
}

#[test]
fn wide_and_unsigned_64_bit_integers() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<echo_i64>(&conn, "echo_i64", flags()).unwrap();
    register_scalar::<echo_u64>(&conn, "echo_u64", flags()).unwrap();
    register_scalar::<echo_usize>(&conn, "echo_usize", flags()).unwrap();
    register_scalar::<as_u64>(&conn, "as_u64", flags()).unwrap();
    let (min, max) = (i64::MIN, i64::MAX);
    assert_eq!(
        select_i64(&conn, &format!("echo_i64({min})")),
        Ok(Some(min))
    );
    assert_eq!(
        select_i64(&conn, &format!("echo_i64({max})")),
        Ok(Some(max))
    );
    // `u64` and `usize` take the non-negative INTEGERs (rusqlite's `fallible_uint`).
    assert_eq!(
        select_i64(&conn, &format!("echo_u64({max})")),
        Ok(Some(max))
    );
    assert_eq!(select_i64(&conn, "echo_u64(0)"), Ok(Some(0)));
    assert_eq!(
        select_i64(&conn, "echo_u64(-1)").unwrap_err(),
        "echo_u64(): argument 1 (`big`) is -1, out of range for `u64`"
    );
    assert_eq!(
        select_i64(&conn, "echo_usize(-1)").unwrap_err(),
        "echo_usize(): argument 1 (`n`) is -1, out of range for `usize`"
    );
    // A `u64` result beyond an SQL INTEGER is an error, not a negative number.
    assert_eq!(select_i64(&conn, &format!("as_u64({max})")), Ok(Some(max)));
    assert_eq!(
        select_i64(&conn, "as_u64(-1)").unwrap_err(),
        "as_u64(): the result is 18446744073709551615, out of range for an SQL INTEGER \
         (at most 9223372036854775807)"
    );
}

#[test]
fn reals_text_and_blobs_are_refused_by_integer_parameters() {
    // As rusqlite's `FromSql` for integers: only INTEGER values, not even an integral REAL.
    let conn = Connection::open_in_memory().unwrap();
    register_echoes(&conn);
    register_scalar::<echo_i64>(&conn, "echo_i64", flags()).unwrap();
    register_scalar::<echo_bool>(&conn, "echo_bool", flags()).unwrap();
    register_scalar::<second_u8>(&conn, "second_u8", flags()).unwrap();
    assert_eq!(
        select_i64(&conn, "echo_i32(3.0)").unwrap_err(),
        "echo_i32(): argument 1 (`a`) is the REAL 3.0; `i32` takes INTEGER values"
    );
    assert_eq!(
        select_i64(&conn, "echo_i64(2.5)").unwrap_err(),
        "echo_i64(): argument 1 (`a`) is the REAL 2.5; `i64` takes INTEGER values"
    );
    assert_eq!(
        select_i64(&conn, "echo_u8('12')").unwrap_err(),
        "echo_u8(): argument 1 (`a`) is the TEXT \"12\"; `u8` takes INTEGER values"
    );
    assert_eq!(
        select_i64(&conn, "echo_i16(x'0102')").unwrap_err(),
        "echo_i16(): argument 1 (`a`) is a BLOB of 2 bytes; `i16` takes INTEGER values"
    );
    assert_eq!(
        select_i64(&conn, "echo_bool(1.0)").unwrap_err(),
        "echo_bool(): argument 1 (`b`) is the REAL 1.0; `bool` takes INTEGER values"
    );
    // `bool` is zero or not, as rusqlite's.
    assert_eq!(select_i64(&conn, "echo_bool(2)"), Ok(Some(1)));
    assert_eq!(select_i64(&conn, "echo_bool(0)"), Ok(Some(0)));
    // Positions count from 1 and `Option` parameters follow the same rules.
    assert_eq!(select_i64(&conn, "second_u8(1, NULL)"), Ok(Some(1)));
    assert_eq!(select_i64(&conn, "second_u8(1, 255)"), Ok(Some(256)));
    assert_eq!(
        select_i64(&conn, "second_u8(1, 256)").unwrap_err(),
        "second_u8(): argument 2 (`b`) is 256, out of range for `u8`"
    );
    // A long text is cut in the message.
    let long = "x".repeat(100);
    let err = select_i64(&conn, &format!("echo_u8('{long}')")).unwrap_err();
    assert!(err.ends_with("...\"; `u8` takes INTEGER values"), "{err}");
}

#[test]
fn floats_take_integers_as_the_nearest_float_and_refuse_overflow() {
    let conn = Connection::open_in_memory().unwrap();
    register_scalar::<echo_f32>(&conn, "echo_f32", flags()).unwrap();
    register_scalar::<echo_f64>(&conn, "echo_f64", flags()).unwrap();
    // 2^53 + 2^29 + 1: through a double it would round twice (to 2^53); `as f32`, as
    // rusqlite's `get::<f32>`, rounds once.
    let i: i64 = (1 << 53) + (1 << 29) + 1;
    assert_eq!(
        select_f64(&conn, &format!("echo_f32({i})")),
        Ok(Some(i as f32 as f64))
    );
    assert_ne!(i as f32 as f64, i as f64 as f32 as f64);
    assert_eq!(
        select_f64(&conn, "echo_f32(16777217)"),
        Ok(Some(16777216.0))
    );
    let big: i64 = (1 << 53) + 1;
    assert_eq!(
        select_f64(&conn, &format!("echo_f64({big})")),
        Ok(Some(big as f64))
    );
    assert_eq!(
        select_f64(&conn, &format!("echo_f64({})", i64::MIN)),
        Ok(Some(i64::MIN as f64))
    );
    // A REAL rounds to the nearest `f32`; beyond `f32`'s range it is refused.
    assert_eq!(select_f64(&conn, "echo_f32(0.1)"), Ok(Some(0.1f32 as f64)));
    assert_eq!(
        select_f64(&conn, "echo_f32(3.4028235e38)"),
        Ok(Some(f32::MAX as f64))
    );
    assert_eq!(
        select_f64(&conn, "echo_f32(1e300)").unwrap_err(),
        "echo_f32(): argument 1 (`x`) is 1e300, out of range for `f32`"
    );
    assert_eq!(
        select_f64(&conn, "echo_f32(-1e39)").unwrap_err(),
        "echo_f32(): argument 1 (`x`) is -1e39, out of range for `f32`"
    );
    // An infinity is a value of `f32` as well.
    assert_eq!(
        select_f64(&conn, "echo_f32(1e999)"),
        Ok(Some(f64::INFINITY))
    );
    assert_eq!(
        select_f64(&conn, "echo_f64('1.5')").unwrap_err(),
        "echo_f64(): argument 1 (`x`) is the TEXT \"1.5\"; `f64` takes INTEGER or REAL values"
    );
}

/// A class member, so that a state not released shows in `stats()`.
#[jitclass]
pub struct Witness {
    rows: i64,
}

#[jitclass]
impl Witness {
    pub fn new() -> Self {
        Witness { rows: 0 }
    }
}

#[jitclass]
pub struct NarrowSum {
    total: i64,
    witness: Witness,
}

#[jitclass]
impl NarrowSum {
    pub fn new() -> Self {
        NarrowSum {
            total: 0,
            witness: Witness::new(),
        }
    }

    pub fn step(&mut self, key: i64, small: i8) {
        self.total += key * 0 + small as i64;
    }

    pub fn inverse(&mut self, key: i64, small: i8) {
        self.total -= key * 0 + small as i64;
    }

    pub fn value(&self) -> i64 {
        self.total
    }

    pub fn finalize(&self) -> i64 {
        self.total
    }
}

/// Counts its rows: a `u64` total, for the result rule.
#[jitclass]
pub struct Wrapping {
    total: u64,
}

#[jitclass]
impl Wrapping {
    pub fn new() -> Self {
        Wrapping { total: 0 }
    }

    pub fn step(&mut self, x: i64) {
        self.total = self.total.wrapping_add(x as u64);
    }

    pub fn finalize(&self) -> u64 {
        self.total
    }
}

#[test]
fn aggregates_and_window_functions_refuse_arguments_and_release_their_state() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<NarrowSum>(&conn, "narrow_sum", flags()).unwrap();
    register_window::<NarrowSum>(&conn, "narrow_window", flags()).unwrap();
    register_aggregate::<Wrapping>(&conn, "wrapping_total", flags()).unwrap();
    conn.execute_batch(
        "CREATE TABLE t(g INTEGER, x);
         INSERT INTO t VALUES (1, 100), (1, 27), (2, -128), (2, 128), (2, 1), (3, 2.0);",
    )
    .unwrap();
    let sum = |sql: &str| -> Result<Vec<i64>, String> {
        let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, i64>(0))
            .map_err(|e| e.to_string())?;
        rows.collect::<Result<Vec<i64>, _>>()
            .map_err(|e| e.to_string())
    };
    assert_eq!(
        sum("SELECT narrow_sum(g, x) FROM t WHERE g = 1"),
        Ok(vec![127])
    );
    // Group 2 holds 128, one past `i8::MAX`: the query fails there, in the middle of a
    // group, and every started group's state is released by `xFinal`.
    assert_eq!(
        sum("SELECT narrow_sum(g, x) FROM t GROUP BY g"),
        Err("narrow_sum(): argument 2 (`small`) is 128, out of range for `i8`".into())
    );
    // Group 3 holds the REAL 2.0.
    assert_eq!(
        sum("SELECT narrow_sum(g, x) FROM t WHERE g = 3"),
        Err("narrow_sum(): argument 2 (`small`) is the REAL 2.0; `i8` takes INTEGER values".into())
    );
    // Window functions: `step` and `inverse` read by the same rules.
    let window = "SELECT narrow_window(g, x) OVER (ORDER BY rowid ROWS BETWEEN 1 PRECEDING \
                  AND CURRENT ROW) FROM t";
    assert_eq!(
        sum(&format!("{window} WHERE g = 1 OR (g = 2 AND x < 100)")),
        Ok(vec![100, 127, -101, -127])
    );
    assert_eq!(
        sum(&format!("{window} WHERE g <= 2")),
        Err("narrow_window(): argument 2 (`small`) is 128, out of range for `i8`".into())
    );
    // A `u64` result beyond an SQL INTEGER.
    assert_eq!(sum("SELECT wrapping_total(g) FROM t"), Ok(vec![11]));
    assert_eq!(
        sum("SELECT wrapping_total(-g) FROM t WHERE g = 1"),
        Err(
            "wrapping_total(): the result is 18446744073709551614, out of range for an SQL \
             INTEGER (at most 9223372036854775807)"
                .into()
        )
    );
    // The connection is still usable.
    assert_eq!(
        sum("SELECT narrow_sum(g, x) FROM t WHERE g = 1"),
        Ok(vec![127])
    );
    drop(conn);
    assert!(
        jitclass::stats().since(&before).is_balanced(),
        "{:?}",
        jitclass::stats().since(&before)
    );
    crate::assert_no_leaks();
}
