//! Reading query results in the SQLite tests: every row of a one-column query as
//! rusqlite `Value`s, one row, or the first error, and the comparison of a jit function's
//! rows with a Rust function's over the same arguments cast to the SQL type it reads.

use jitclass::sqlite::Connection;
use rusqlite::types::Value;

/// Every row of `sql` (one column, any type).
pub(crate) fn column(conn: &Connection, sql: &str) -> Vec<Value> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get::<_, Value>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The one row of `sql`, or its error.
pub(crate) fn one(conn: &Connection, sql: &str) -> Result<Value, String> {
    conn.query_row(sql, [], |r| r.get::<_, Value>(0))
        .map_err(|e| e.to_string())
}

/// Every row of `sql`, or the first error.
pub(crate) fn all(conn: &Connection, sql: &str) -> Result<Vec<Value>, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
    let rows = stmt
        .query_map([], |r| r.get::<_, Value>(0))
        .map_err(|e| e.to_string())?;
    rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
}

/// The rows of `sql` with `{f}` the jit function over `{x}` = `x`, and the Rust function
/// over `{x}` = `CAST(x AS <cast>)` (and `{y}` alike), which must be equal.
pub(crate) fn same_over_cast(
    conn: &Connection,
    sql: &str,
    (jit, rust): (&str, &str),
    cast: &str,
) -> Vec<Value> {
    let mine = column(
        conn,
        &sql.replace("{f}", jit)
            .replace("{x}", "x")
            .replace("{y}", "y"),
    );
    let theirs = column(
        conn,
        &sql.replace("{f}", rust)
            .replace("{x}", &format!("CAST(x AS {cast})"))
            .replace("{y}", &format!("CAST(y AS {cast})")),
    );
    assert_eq!(mine, theirs, "{sql}");
    mine
}
