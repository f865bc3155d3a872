//! Section (l) of the report: what jit code has of text and maps today — counting into a
//! `HashMap`, scanning a `&str`, and a `&str` scalar SQL function — each next to the same
//! code in plain Rust (std's `HashMap`; rusqlite's `create_scalar_function`).

use crate::{ns_per_element, row};
use jitclass::sqlite::Connection;
use jitclass_examples::median_pair;
use jitclass_examples::text::{
    distinct_keys, distinct_keys_native, populate_words, register_word_stats, word_stats,
    word_stats_native,
};
use std::hint::black_box;
use std::time::Duration;

/// (l) Maps and text: 1M `entry` counts into 1,000 integer keys, a 1M-word
/// `split_whitespace` scan, and `SELECT sum(word_stats(s))` over 1M rows.
pub fn text() {
    let n = 1_000_000;
    println!("\n(l) maps and text in jit code (median of 11, interleaved)");
    let keys: Vec<i64> = (0..n as i64).map(|i| (i * 7919) % 1000).collect();
    assert_eq!(distinct_keys(&keys), distinct_keys_native(&keys));
    let (jit, native) = ns_per_element(
        n,
        || distinct_keys(black_box(&keys)) as f64,
        || distinct_keys_native(black_box(&keys)) as f64,
    );
    row(
        "    HashMap entry counts, 1M keys",
        jit,
        native,
        "ns/el",
        "std's HashMap in Rust (SipHash-1-3 both)",
    );
    let text: String = (0..n)
        .map(|i| ["alpha ", "beta  ", "γάμμα\t", "d\n"][i % 4])
        .collect();
    assert_eq!(word_stats(&text), word_stats_native(&text));
    let (jit, native) = ns_per_element(
        n,
        || word_stats(black_box(&text)) as f64,
        || word_stats_native(black_box(&text)) as f64,
    );
    row(
        "    split_whitespace over 1M words",
        jit,
        native,
        "ns/el",
        "std's iterator in Rust",
    );

    let rows = 1_000_000;
    let conn = Connection::open_in_memory().expect("SQLite opens");
    populate_words(&conn, rows, 1000).expect("the table fills");
    register_word_stats(&conn).expect("the functions register");
    let total = |f: &str| -> i64 {
        conn.query_row(&format!("SELECT sum({f}(s)) FROM t"), [], |r| r.get(0))
            .expect("the query runs")
    };
    assert_eq!(total("word_stats"), total("rs_word_stats"));
    let (jit, rust) = median_pair(
        11,
        || {
            black_box(total("word_stats"));
        },
        || {
            black_box(total("rs_word_stats"));
        },
    );
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    row(
        "    SELECT sum(word_stats(s)), 1M rows",
        ms(jit),
        ms(rust),
        "ms",
        "a &str scalar vs rusqlite's closure",
    );
}
