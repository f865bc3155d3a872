//! Section (l) of the report: text and maps in jit code — counting into a `HashMap`,
//! scanning a `&str`, a `&str` scalar SQL function, and the text SQL functions of
//! `jitclass_examples::text` (`string_agg`, a word count over `HashMap<String, i64>`,
//! lower-case-and-trim) — each next to the same code in plain Rust (std's `HashMap`;
//! rusqlite's functions) or SQLite's builtin `group_concat`.

use crate::{ns_per_element, row};
use jitclass::sqlite::Connection;
use jitclass_examples::median_pair;
use jitclass_examples::text::{
    distinct_keys, distinct_keys_native, populate_words, register_jit_text_functions,
    register_rust_text_functions, register_word_stats, word_stats, word_stats_native,
};
use std::hint::black_box;
use std::time::Duration;

/// (l) Maps and text: 1M `entry` counts into 1,000 integer keys, a 1M-word
/// `split_whitespace` scan, `SELECT sum(word_stats(s))` over 1M rows, and the text SQL
/// functions over the same rows (1,000 groups).
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

    register_jit_text_functions(&conn).expect("the functions register");
    register_rust_text_functions(&conn).expect("the functions register");
    // Each function's results summed in SQL, so that reading rows costs both sides nothing.
    let grouped =
        |f: &str| format!("SELECT sum(length(x)) FROM (SELECT {f}(s) AS x FROM t GROUP BY g)");
    let cases = [
        (
            "    string_agg(s) GROUP BY g, 1M rows",
            grouped("string_agg"),
            grouped("group_concat"),
            "SQLite's builtin group_concat",
        ),
        (
            "    word_count(s) GROUP BY g, 1M rows",
            "SELECT sum(x) FROM (SELECT word_count(s) AS x FROM t GROUP BY g)".to_string(),
            "SELECT sum(x) FROM (SELECT rs_word_count(s) AS x FROM t GROUP BY g)".to_string(),
            "HashMap<String, i64> vs rusqlite + std",
        ),
        (
            "    SELECT sum(length(lower_trim(s))), 1M",
            "SELECT sum(length(lower_trim(s))) FROM t".to_string(),
            "SELECT sum(length(rs_lower_trim(s))) FROM t".to_string(),
            "a String scalar vs rusqlite's closure",
        ),
    ];
    for (label, jit_sql, base_sql, baseline) in &cases {
        let run = |sql: &str| -> i64 {
            conn.query_row(sql, [], |r| r.get(0))
                .expect("the query runs")
        };
        assert_eq!(run(jit_sql), run(base_sql), "{label}");
        let (jit, base) = median_pair(
            11,
            || {
                black_box(run(jit_sql));
            },
            || {
                black_box(run(base_sql));
            },
        );
        row(label, ms(jit), ms(base), "ms", baseline);
    }
}
