//! Text aggregates and a text scalar over SQLite rows as jitclass classes and fns
//! (`jitclass_examples::text`): `string_agg(s)` next to SQLite's builtin `group_concat(s)`,
//! `word_count(s)` and `mode(s)` over a `HashMap<String, i64>` and `lower_trim(s)`, each
//! next to the same function in plain Rust on rusqlite (`rs_*`). Every result is asserted
//! equal; the timings are medians of five runs, alternating the two sides.
//!
//! Run: `cargo run --release -p jitclass-examples --example sqlite_text`

use jitclass::sqlite::Connection;
use jitclass_examples::median_pair;
use jitclass_examples::text::{
    populate_words, register_jit_text_functions, register_rust_text_functions,
};
use rusqlite::types::Value;
use std::time::Duration;

const ROWS: usize = 1_000_000;

/// Every row of `sql`'s first column.
fn column(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, Value>(0))?;
    rows.collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn show(v: &Value) -> String {
    match v {
        Value::Text(t) if t.len() > 40 => format!("{}... ({} bytes)", &t[..37], t.len()),
        Value::Text(t) => format!("{t:?}"),
        Value::Integer(i) => i.to_string(),
        Value::Null => "NULL".into(),
        other => format!("{other:?}"),
    }
}

fn main() -> rusqlite::Result<()> {
    let before = jitclass::stats();
    let conn = Connection::open_in_memory()?;
    register_jit_text_functions(&conn)?;
    register_rust_text_functions(&conn)?;

    // A few groups, printed side by side.
    populate_words(&conn, 40, 4)?;
    println!(
        "{:>3}  {:<28} {:<28}",
        "g", "mode(s) (jitclass)", "rs_mode(s) (Rust)"
    );
    let jit = column(&conn, "SELECT mode(s) FROM t GROUP BY g ORDER BY g")?;
    let rust = column(&conn, "SELECT rs_mode(s) FROM t GROUP BY g ORDER BY g")?;
    assert_eq!(jit, rust);
    for (g, (a, b)) in jit.iter().zip(&rust).enumerate() {
        println!("{g:>3}  {:<28} {:<28}", show(a), show(b));
    }

    // 1M rows in 1,000 groups: each jit function against its baseline.
    populate_words(&conn, ROWS, 1000)?;
    println!("\n{ROWS} rows, 1,000 groups (median of 5):");
    let cases = [
        ("string_agg(s)", "group_concat(s)", "GROUP BY g"),
        ("string_agg(s)", "rs_string_agg(s)", "GROUP BY g"),
        ("word_count(s)", "rs_word_count(s)", "GROUP BY g"),
        ("mode(s)", "rs_mode(s)", "GROUP BY g"),
        ("lower_trim(s)", "rs_lower_trim(s)", ""),
    ];
    for (jit, base, group) in cases {
        let sql = |f: &str| format!("SELECT {f} FROM t {group} ORDER BY rowid");
        let (a, b) = (column(&conn, &sql(jit))?, column(&conn, &sql(base))?);
        assert_eq!(a, b, "{jit} vs {base}");
        let (tj, tb) = median_pair(
            5,
            || drop(column(&conn, &sql(jit)).expect("the query runs")),
            || drop(column(&conn, &sql(base)).expect("the query runs")),
        );
        println!(
            "  {jit:<16} {:>8.1} ms   {base:<18} {:>8.1} ms   {:.2}x",
            ms(tj),
            ms(tb),
            ms(tj) / ms(tb)
        );
    }
    drop(conn);
    assert!(jitclass::stats().since(&before).is_balanced());
    Ok(())
}
