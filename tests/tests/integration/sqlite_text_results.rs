//! `String` and `Option<String>` results of SQL functions: TEXT copied into SQLite's
//! memory (an empty `String` is an empty TEXT, `None` is NULL), equal to the same
//! functions written in plain Rust on rusqlite over the same arguments cast to TEXT;
//! nothing leaks, also when a panic or an error in another argument ends the query.

use crate::sql_rows::{all, one, same_over_cast};
use crate::sqlite_text::{flags, table, text};
use jitclass::jit;
use jitclass::sqlite::{Connection, register_scalar};
use rusqlite::types::Value;

/// `s` with its ASCII letters upper-cased, one `char` at a time.
#[jit]
fn shout(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// The first letter of each word, NULL when there is no word.
#[jit]
fn initials(s: &str) -> Option<String> {
    let mut out = String::new();
    for w in s.split_whitespace() {
        for c in w.chars() {
            out.push(c);
            break;
        }
    }
    if out.is_empty() { None } else { Some(out) }
}

/// `s` trimmed, then `sep`, then `s` trimmed again: two text arguments, one result.
#[jit]
fn doubled(s: &str, sep: &str) -> String {
    let mut out = s.trim().to_string();
    out.push_str(sep);
    out.push_str(s.trim());
    out
}

/// The text of `n`, but a panic for negative numbers.
#[jit]
fn digits(n: i64) -> String {
    if n < 0 {
        panic!("negative: {}", n);
    }
    let mut out = String::new();
    let mut rest = n;
    loop {
        out.push(char::from_digit((rest % 10) as u32, 10).unwrap());
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out
}

fn shout_rs(s: &str) -> String {
    s.chars().map(|c| c.to_ascii_uppercase()).collect()
}

fn initials_rs(s: &str) -> Option<String> {
    let out: String = s
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    if out.is_empty() { None } else { Some(out) }
}

fn register(conn: &Connection) {
    register_scalar::<shout>(conn, "shout", flags()).unwrap();
    register_scalar::<initials>(conn, "initials", flags()).unwrap();
    register_scalar::<doubled>(conn, "doubled", flags()).unwrap();
    register_scalar::<digits>(conn, "digits", flags()).unwrap();
    conn.create_scalar_function("rs_shout", 1, flags(), |ctx| Ok(text(ctx, 0).map(shout_rs)))
        .unwrap();
    conn.create_scalar_function("rs_initials", 1, flags(), |ctx| {
        Ok(text(ctx, 0).and_then(initials_rs))
    })
    .unwrap();
    conn.create_scalar_function("rs_doubled", 2, flags(), |ctx| {
        Ok(match (text(ctx, 0), text(ctx, 1)) {
            (Some(s), Some(sep)) => Some(format!("{}{sep}{}", s.trim(), s.trim())),
            _ => None,
        })
    })
    .unwrap();
}

#[test]
fn string_results_equal_the_rust_closures() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    for (rows, seed) in [(1, 4), (80, 5), (3000, 6)] {
        table(&conn, rows, 1, seed);
        for f in ["shout", "initials"] {
            let sql = "SELECT {f}({x}) FROM t ORDER BY rowid";
            same_over_cast(&conn, sql, (f, &format!("rs_{f}")), "TEXT");
        }
        let sql = "SELECT {f}({x}, {y}) FROM t ORDER BY rowid";
        same_over_cast(&conn, sql, ("doubled", "rs_doubled"), "TEXT");
    }
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

#[test]
fn string_results_are_text_values_and_none_is_null() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    let text = |s: &str| Ok(Value::Text(s.into()));
    assert_eq!(one(&conn, "SELECT shout('déjà vu')"), text("DéJà VU"));
    assert_eq!(one(&conn, "SELECT typeof(shout(''))"), text("text"));
    assert_eq!(
        one(&conn, "SELECT length(shout(''))"),
        Ok(Value::Integer(0))
    );
    assert_eq!(one(&conn, "SELECT initials('   ')"), Ok(Value::Null));
    assert_eq!(one(&conn, "SELECT initials(' été  hiver ')"), text("éh"));
    assert_eq!(one(&conn, "SELECT shout(NULL)"), Ok(Value::Null));
    assert_eq!(one(&conn, "SELECT doubled('a', NULL)"), Ok(Value::Null));
    assert_eq!(one(&conn, "SELECT doubled(12, '|')"), text("12|12"));
    assert_eq!(one(&conn, "SELECT digits(9876543210)"), text("0123456789"));
    // A long result, past any small-string buffer.
    let long = one(&conn, "SELECT length(shout(printf('%.*c', 100000, 'x')))");
    assert_eq!(long, Ok(Value::Integer(100_000)));
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}

#[test]
fn a_panic_or_a_refused_argument_ends_the_query_and_nothing_leaks() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register(&conn);
    let err = all(
        &conn,
        "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 100) \
         SELECT digits(CASE WHEN v = 50 THEN -1 ELSE v END) FROM n",
    )
    .unwrap_err();
    assert!(err.contains("negative: -1"), "{err}");
    let err = one(&conn, "SELECT doubled('ok', x'ff')").unwrap_err();
    assert!(
        err.starts_with("doubled(): argument 2 (`sep`) is a TEXT that is not valid UTF-8"),
        "{err}"
    );
    assert_eq!(one(&conn, "SELECT digits(7)"), Ok(Value::Text("7".into())));
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    crate::assert_no_leaks();
}
