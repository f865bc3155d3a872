//! Section (k) of the report: a median over SQLite rows, the state a `Vec<f64>` (a
//! jitclass in SQLite's aggregate context vs rusqlite's `Aggregate` in Rust).

use crate::row;
use jitclass::sqlite::Connection;
use jitclass_examples::median::{grouped_medians, median_of_all, moving_medians, register_medians};
use jitclass_examples::median_pair;
use jitclass_examples::sqlite::populate;
use std::hint::black_box;
use std::time::Duration;

/// (k) `SELECT median(x)` over 1,000,000 rows, `GROUP BY` 1,000 groups, and a moving
/// median over 21 rows, jitclass vs the same algorithm on rusqlite's traits; medians of
/// interleaved runs.
pub fn median() {
    let rows = 1_000_000;
    let conn = Connection::open_in_memory().expect("SQLite opens");
    populate(&conn, rows).expect("the table fills");
    register_medians(&conn).expect("the functions register");
    println!(
        "\n(k) SQLite median over {rows} rows, the state a Vec<f64> (median of 9, interleaved)"
    );
    println!(
        "{:<34} {:>10} {:>10} {:<6} {:>8}",
        "", "jitclass", "rusqlite", "", "ratio"
    );
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let all = |f: &str| median_of_all(&conn, f).unwrap().unwrap();
    assert_eq!(all("median").to_bits(), all("rs_median").to_bits());
    let (jit, rust) = median_pair(
        9,
        || {
            black_box(all("median"));
        },
        || {
            black_box(all("rs_median"));
        },
    );
    row(
        "    SELECT median(x) FROM t",
        ms(jit),
        ms(rust),
        "ms",
        "target: not slower than rusqlite's Aggregate",
    );
    let grouped = |f: &str| grouped_medians(&conn, f).unwrap();
    assert_eq!(grouped("median").to_bits(), grouped("rs_median").to_bits());
    let (jit, rust) = median_pair(
        9,
        || {
            black_box(grouped("median"));
        },
        || {
            black_box(grouped("rs_median"));
        },
    );
    row("    GROUP BY g (1,000 groups)", ms(jit), ms(rust), "ms", "");
    let moving = |f: &str| moving_medians(&conn, f, 21).unwrap();
    assert_eq!(
        moving("moving_median").to_bits(),
        moving("rs_moving_median").to_bits()
    );
    let (jit, rust) = median_pair(
        9,
        || {
            black_box(moving("moving_median"));
        },
        || {
            black_box(moving("rs_moving_median"));
        },
    );
    row(
        "    moving median over 21 rows",
        ms(jit),
        ms(rust),
        "ms",
        "WindowAggregate; inverse finds the value",
    );
    // What SQLite's window machinery costs by itself: its own `sum` over the same frames.
    let (builtin, _) = median_pair(
        9,
        || {
            black_box(moving("sum"));
        },
        || {},
    );
    println!(
        "    (SQLite's builtin sum over the same frames: {:.1} ms, most of a moving median's time)",
        ms(builtin)
    );
}
