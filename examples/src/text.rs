//! Text functions over SQLite rows — `string_agg`, word counts, `mode`, a lower-case-and-
//! trim scalar — as jitclass classes and fns and in plain Rust on rusqlite's traits (the
//! baselines of the report's text section and of the `sqlite_text` example), the table of
//! words they run over, and jit kernels over `&str` and integer-keyed maps next to their
//! twins.

use jitclass::{jit, jitclass};
use rusqlite::functions::{Aggregate, Context, FunctionFlags};
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// A few words, some repeated with other case and padding, so that the functions have
/// something to fold, count and trim.
const WORDS: &[&str] = &[
    "alpha",
    "beta",
    "gamma",
    "delta",
    "Alpha",
    "  beta",
    "gamma  ",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "ÉTÉ",
    "été",
    "straße",
    "ΣΊΣΥΦΟΣ",
];

/// `t(g, s)`: `rows` rows in `groups` groups; `s` is one to four words (or NULL for one
/// row in 50), picked by a fixed xorshift so that every run sees the same table.
pub fn populate_words(conn: &Connection, rows: usize, groups: usize) -> rusqlite::Result<()> {
    conn.execute_batch("DROP TABLE IF EXISTS t; CREATE TABLE t(g INTEGER, s TEXT)")?;
    let mut insert = conn.prepare("INSERT INTO t VALUES (?1, ?2)")?;
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    conn.execute_batch("BEGIN")?;
    for r in 0..rows {
        let pick = next();
        let text = (pick % 50 != 0).then(|| {
            let n = 1 + (pick >> 8) % 4;
            (0..n)
                .map(|i| WORDS[((pick >> (12 + 5 * i)) % WORDS.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
        });
        insert.execute(params![(r % groups) as i64, text])?;
    }
    conn.execute_batch("COMMIT")
}

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

/// `rs_string_agg(s)`: the non-NULL values joined by `,` in row order (SQLite's
/// `group_concat(s)`), NULL for none.
pub struct RsStringAgg;

impl Aggregate<Option<String>, Option<String>> for RsStringAgg {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<Option<String>> {
        Ok(None)
    }

    fn step(&self, ctx: &mut Context<'_>, out: &mut Option<String>) -> rusqlite::Result<()> {
        if let Some(s) = ctx.get_raw(0).as_str_or_null()? {
            match out {
                Some(o) => {
                    o.push(',');
                    o.push_str(s);
                }
                None => *out = Some(s.to_string()),
            }
        }
        Ok(())
    }

    fn finalize(
        &self,
        _: &mut Context<'_>,
        out: Option<Option<String>>,
    ) -> rusqlite::Result<Option<String>> {
        Ok(out.flatten())
    }
}

/// How often each whitespace-separated word of `s` occurs, added to `counts`.
pub fn count_words(counts: &mut HashMap<String, i64>, s: &str) {
    for w in s.split_whitespace() {
        *counts.entry(w.to_string()).or_insert(0) += 1;
    }
}

/// `rs_word_count(s)`: how many distinct words the non-NULL values hold (words are split
/// at whitespace, compared as written).
pub struct RsWordCount;

impl Aggregate<HashMap<String, i64>, i64> for RsWordCount {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<HashMap<String, i64>> {
        Ok(HashMap::new())
    }

    fn step(
        &self,
        ctx: &mut Context<'_>,
        counts: &mut HashMap<String, i64>,
    ) -> rusqlite::Result<()> {
        if let Some(s) = ctx.get_raw(0).as_str_or_null()? {
            count_words(counts, s);
        }
        Ok(())
    }

    fn finalize(
        &self,
        _: &mut Context<'_>,
        counts: Option<HashMap<String, i64>>,
    ) -> rusqlite::Result<i64> {
        Ok(counts.map_or(0, |c| c.len() as i64))
    }
}

/// The most frequent key of `counts`, the smallest in byte order among equally frequent
/// ones; `None` for no keys.
pub fn most_frequent(counts: &HashMap<String, i64>) -> Option<String> {
    let mut best: Option<(&String, i64)> = None;
    for (k, &n) in counts {
        best = match best {
            Some((b, bn)) if bn > n || (bn == n && b <= k) => Some((b, bn)),
            _ => Some((k, n)),
        };
    }
    best.map(|(k, _)| k.clone())
}

/// `rs_mode(s)`: the most frequent non-NULL value (ties: the smallest), NULL for none.
pub struct RsMode;

impl Aggregate<HashMap<String, i64>, Option<String>> for RsMode {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<HashMap<String, i64>> {
        Ok(HashMap::new())
    }

    fn step(
        &self,
        ctx: &mut Context<'_>,
        counts: &mut HashMap<String, i64>,
    ) -> rusqlite::Result<()> {
        if let Some(s) = ctx.get_raw(0).as_str_or_null()? {
            *counts.entry(s.to_string()).or_insert(0) += 1;
        }
        Ok(())
    }

    fn finalize(
        &self,
        _: &mut Context<'_>,
        counts: Option<HashMap<String, i64>>,
    ) -> rusqlite::Result<Option<String>> {
        Ok(counts.and_then(|c| most_frequent(&c)))
    }
}

/// `s` without leading and trailing whitespace, in lower case.
pub fn lower_trim_native(s: &str) -> String {
    s.trim().to_lowercase()
}

/// `rs_string_agg`, `rs_word_count`, `rs_mode` and the scalar `rs_lower_trim(s)` (NULL
/// for NULL), in Rust on rusqlite.
pub fn register_rust_text_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_aggregate_function("rs_string_agg", 1, flags(), RsStringAgg)?;
    conn.create_aggregate_function("rs_word_count", 1, flags(), RsWordCount)?;
    conn.create_aggregate_function("rs_mode", 1, flags(), RsMode)?;
    conn.create_scalar_function("rs_lower_trim", 1, flags(), |ctx| {
        Ok(ctx.get_raw(0).as_str_or_null()?.map(lower_trim_native))
    })
}

// ---- the jit text functions: the same four, as jitclass classes and a jit fn ---------------

/// `string_agg(s)`: the non-NULL values joined by `,` in row order, as SQLite's
/// `group_concat(s)`; NULL for none.
#[jitclass]
#[derive(Default)]
pub struct StringAgg {
    out: String,
    any: bool,
}

#[jitclass]
impl StringAgg {
    pub fn new() -> Self {
        StringAgg {
            out: String::new(),
            any: false,
        }
    }

    pub fn step(&mut self, s: &str) {
        if self.any {
            self.out.push(',');
        }
        self.out.push_str(s);
        self.any = true;
    }

    pub fn finalize(&mut self) -> Option<String> {
        if self.any {
            Some(self.out.clone())
        } else {
            None
        }
    }
}

/// `word_count(s)`: how many distinct words the non-NULL values hold (words are split at
/// whitespace, compared as written).
#[jitclass]
#[derive(Default)]
pub struct WordCount {
    counts: HashMap<String, i64>,
}

#[jitclass]
impl WordCount {
    pub fn new() -> Self {
        WordCount {
            counts: HashMap::new(),
        }
    }

    pub fn step(&mut self, s: &str) {
        for w in s.split_whitespace() {
            *self.counts.entry(w.to_string()).or_insert(0) += 1;
        }
    }

    pub fn finalize(&mut self) -> i64 {
        self.counts.len() as i64
    }
}

/// `mode(s)`: the most frequent non-NULL value (ties: the smallest in byte order), NULL
/// for none.
#[jitclass]
#[derive(Default)]
pub struct Mode {
    counts: HashMap<String, i64>,
}

#[jitclass]
impl Mode {
    pub fn new() -> Self {
        Mode {
            counts: HashMap::new(),
        }
    }

    pub fn step(&mut self, s: &str) {
        *self.counts.entry(s.to_string()).or_insert(0) += 1;
    }

    pub fn finalize(&mut self) -> Option<String> {
        let mut best = String::new();
        let mut best_n = 0;
        for (k, n) in &self.counts {
            if *n > best_n || (*n == best_n && k.as_str() < best.as_str()) {
                best = k.clone();
                best_n = *n;
            }
        }
        if best_n == 0 { None } else { Some(best) }
    }
}

/// `lower_trim(s)`: `s` without leading and trailing whitespace, in lower case.
#[jit]
pub fn lower_trim(s: &str) -> String {
    s.trim().to_lowercase()
}

/// `string_agg`, `word_count`, `mode` and `lower_trim` as jitclass functions (the twins
/// of [`register_rust_text_functions`]'s).
pub fn register_jit_text_functions(conn: &Connection) -> rusqlite::Result<()> {
    use jitclass::sqlite::{register_aggregate, register_scalar};
    register_aggregate::<StringAgg>(conn, "string_agg", flags())?;
    register_aggregate::<WordCount>(conn, "word_count", flags())?;
    register_aggregate::<Mode>(conn, "mode", flags())?;
    register_scalar::<lower_trim>(conn, "lower_trim", flags())
}

// ---- jit kernels and their native twins (`&str` scans, integer-keyed maps) ---------------

/// How many distinct keys `keys` holds, counted in a `HashMap` by `entry`.
#[jit]
pub fn distinct_keys(keys: &[i64]) -> usize {
    let mut counts = HashMap::new();
    for &k in keys {
        *counts.entry(k).or_insert(0) += 1;
    }
    counts.len()
}

/// [`distinct_keys()`] in plain Rust.
pub fn distinct_keys_native(keys: &[i64]) -> usize {
    let mut counts = HashMap::new();
    for &k in keys {
        *counts.entry(k).or_insert(0) += 1;
    }
    counts.len()
}

/// The number of words of `s` plus their bytes: a scan by `split_whitespace`.
#[jit]
pub fn word_stats(s: &str) -> i64 {
    let mut n = 0;
    for w in s.split_whitespace() {
        n += w.len() as i64 + 1;
    }
    n
}

/// [`word_stats()`] in plain Rust.
pub fn word_stats_native(s: &str) -> i64 {
    let mut n = 0;
    for w in s.split_whitespace() {
        n += w.len() as i64 + 1;
    }
    n
}

/// `word_stats(s)` (jitclass, a `&str` lent by SQLite) and `rs_word_stats(s)` (the same
/// closure through rusqlite's `create_scalar_function`); NULL for NULL.
pub fn register_word_stats(conn: &Connection) -> rusqlite::Result<()> {
    jitclass::sqlite::register_scalar::<word_stats>(conn, "word_stats", flags())?;
    conn.create_scalar_function("rs_word_stats", 1, flags(), |ctx| {
        Ok(ctx.get_raw(0).as_str_or_null()?.map(word_stats_native))
    })
}
