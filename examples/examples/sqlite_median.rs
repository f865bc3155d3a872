//! A median aggregate and a moving median window function whose state holds a
//! `Vec<f64>`, as a `#[jitclass]` (`jitclass_examples::median::Median`) living in SQLite's
//! aggregate context, next to the same functions written in plain Rust on rusqlite's
//! `Aggregate` and `WindowAggregate` traits (`RsMedian`), with the same algorithm. Every
//! result is asserted equal, bit for bit; the timings are medians of five runs.
//!
//! Run: `cargo run --release -p jitclass-examples --example sqlite_median`

use jitclass::sqlite::Connection;
use jitclass_examples::median::{grouped_medians, median_of_all, moving_medians, register_medians};
use jitclass_examples::sqlite::populate;
use std::time::{Duration, Instant};

const ROWS: usize = 1_000_000;

/// Runs `f` five times; its result and the median time.
fn timed<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<(T, Duration)> {
    let mut times = Vec::new();
    let mut result = None;
    for _ in 0..5 {
        let t = Instant::now();
        result = Some(f()?);
        times.push(t.elapsed());
    }
    times.sort();
    Ok((result.expect("ran"), times[2]))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A few rows, with a NULL and duplicates: each row's moving median over three rows, and
/// the median of all, from both implementations.
fn small(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TABLE s(x); INSERT INTO s VALUES (4.0), (1.0), (NULL), (3.0), (3.0), (10.0), (-2.5);",
    )?;
    let mut stmt = conn.prepare(
        "SELECT x, moving_median(x) OVER w, rs_moving_median(x) OVER w FROM s
         WINDOW w AS (ORDER BY rowid ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)",
    )?;
    println!(
        "{:>6} {:>26} {:>26}",
        "x", "moving_median (jitclass)", "rs_moving_median (Rust)"
    );
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, Option<f64>>(0)?,
            r.get::<_, Option<f64>>(1)?,
            r.get::<_, Option<f64>>(2)?,
        ))
    })?;
    let show = |v: Option<f64>| v.map_or("NULL".to_string(), |v| v.to_string());
    for row in rows {
        let (x, jit, rust) = row?;
        assert_eq!(jit.map(f64::to_bits), rust.map(f64::to_bits));
        println!("{:>6} {:>26} {:>26}", show(x), show(jit), show(rust));
    }
    let (jit, rust): (Option<f64>, Option<f64>) =
        conn.query_row("SELECT median(x), rs_median(x) FROM s", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    assert_eq!(jit, rust);
    println!(
        "median of all: {} (jitclass), {} (Rust)",
        show(jit),
        show(rust)
    );
    let empty: Option<f64> =
        conn.query_row("SELECT median(x) FROM s WHERE x > 100", [], |r| r.get(0))?;
    assert_eq!(empty, None);
    println!("median of no rows: {}\n", show(empty));
    Ok(())
}

fn main() -> rusqlite::Result<()> {
    let conn = Connection::open_in_memory()?;
    let t = Instant::now();
    register_medians(&conn)?;
    println!(
        "registered median and moving_median (JIT-compiled callbacks) in {:.1} ms\n",
        ms(t.elapsed())
    );
    small(&conn)?;

    let t = Instant::now();
    populate(&conn, ROWS)?;
    println!(
        "{ROWS} random doubles in 1,000 groups, in memory ({:.0} ms)\n",
        ms(t.elapsed())
    );
    let conn = &conn;
    println!("{:<46} {:>20} {:>10}", "query", "result", "median");
    let mut results = Vec::new();
    for (label, f) in [
        ("SELECT median(x) FROM t            (jitclass)", "median"),
        (
            "SELECT rs_median(x) FROM t (rusqlite Aggregate)",
            "rs_median",
        ),
    ] {
        let (v, d) = timed(|| median_of_all(conn, f))?;
        let v = v.expect("the table has rows");
        println!("{label:<46} {v:>20.15} {:>7.2} ms", ms(d));
        results.push(v.to_bits());
    }
    for (label, f) in [
        ("GROUP BY g, 1,000 groups, summed   (jitclass)", "median"),
        ("GROUP BY g, 1,000 groups, summed       (Rust)", "rs_median"),
    ] {
        let (v, d) = timed(|| grouped_medians(conn, f))?;
        println!("{label:<46} {v:>20.12} {:>7.2} ms", ms(d));
        results.push(v.to_bits());
    }
    for (label, f) in [
        (
            "moving median of 21 rows, summed   (jitclass)",
            "moving_median",
        ),
        (
            "moving median of 21 rows, summed       (Rust)",
            "rs_moving_median",
        ),
    ] {
        let (v, d) = timed(|| moving_medians(conn, f, 21))?;
        println!("{label:<46} {v:>20.9} {:>7.2} ms", ms(d));
        results.push(v.to_bits());
    }
    for pair in results.chunks(2) {
        assert_eq!(pair[0], pair[1], "jitclass and Rust differ");
    }
    println!("\nevery jitclass result equals the Rust one, bit for bit");
    Ok(())
}
