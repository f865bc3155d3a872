//! The flagship example: SQLite functions written as a `#[jitclass]` aggregate, a window
//! function and a `#[jit]` scalar function, compiled by the JIT into the C callbacks
//! SQLite calls, with the aggregate's state in SQLite's own memory. Each result is shown
//! next to SQLite's builtin (or a Rust baseline), with timings.
//!
//! Run: `cargo run --release -p jitclass-examples --example sqlite_avg`

use jitclass::sqlite::Connection;
use jitclass_examples::sqlite::{aggregate, grouped, populate, register_all};
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

fn main() -> rusqlite::Result<()> {
    let conn = Connection::open_in_memory()?;
    let t = Instant::now();
    populate(&conn, ROWS)?;
    println!(
        "{ROWS} random doubles in 1,000 groups, in memory ({:.0} ms)",
        ms(t.elapsed())
    );

    let t = Instant::now();
    register_all(&conn)?;
    println!(
        "registered my_avg, moving_sum and sigmoid (JIT-compiled callbacks) in {:.1} ms\n",
        ms(t.elapsed())
    );

    let conn = &conn;
    println!("{:<44} {:>20} {:>10}", "query", "result", "median");
    for (label, f) in [
        ("SELECT avg(x) FROM t              (builtin)", "avg"),
        ("SELECT my_avg(x) FROM t          (jitclass)", "my_avg"),
        ("SELECT c_avg(x) FROM t    (hand-written C)", "c_avg"),
        ("SELECT rs_avg(x) FROM t (rusqlite Aggregate)", "rs_avg"),
    ] {
        let (v, d) = timed(|| aggregate(conn, f))?;
        println!(
            "{label:<44} {:>20.15} {:>7.2} ms",
            v.unwrap_or(f64::NAN),
            ms(d)
        );
    }
    for (label, f) in [
        ("GROUP BY g, 1,000 groups          (builtin)", "avg"),
        ("GROUP BY g, 1,000 groups         (jitclass)", "my_avg"),
    ] {
        let (v, d) = timed(|| grouped(conn, f))?;
        println!("{label:<44} {v:>20.12} {:>7.2} ms", ms(d));
    }

    let window = |f: &str| {
        let sql = format!(
            "SELECT sum(s) FROM (SELECT {f}(x) OVER (ORDER BY rowid ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM t)"
        );
        move || conn.query_row(&sql, [], |r| r.get::<_, f64>(0))
    };
    let (v, d) = timed(window("sum"))?;
    println!(
        "{:<44} {v:>20.6} {:>7.2} ms",
        "3-row moving sum, summed         (builtin)",
        ms(d)
    );
    let (v, d) = timed(window("moving_sum"))?;
    println!(
        "{:<44} {v:>20.6} {:>7.2} ms",
        "3-row moving sum, summed (jitclass window)",
        ms(d)
    );

    conn.create_scalar_function("rs_sigmoid", 1, jitclass_examples::sqlite::flags(), |ctx| {
        let x: f64 = ctx.get(0)?;
        Ok(1.0 / (1.0 + (-x).exp()))
    })?;
    for (label, f) in [
        ("sum(sigmoid(x)) via a Rust closure", "rs_sigmoid"),
        ("sum(sigmoid(x))        (jit scalar fn)", "sigmoid"),
    ] {
        let sql = format!("SELECT sum({f}(x)) FROM t");
        let (v, d) = timed(|| conn.query_row(&sql, [], |r| r.get::<_, f64>(0)))?;
        println!("{label:<44} {v:>20.6} {:>7.2} ms", ms(d));
    }
    Ok(())
}
