//! The median as an SQLite aggregate (`median(x)`) and window function (`moving_median(x)
//! OVER (..)`) whose state holds a `Vec<f64>`: a `#[jitclass]`, and the same functions in
//! plain Rust on rusqlite's `Aggregate` and `WindowAggregate` traits, with the same
//! algorithm (std's selection under `total_cmp`; jit code calls std's own).

use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate, register_window};
use jitclass::{jit, jitclass};
use rusqlite::functions::{Aggregate, Context, WindowAggregate};

/// The value sorting by `total_cmp` would put at `k`.
#[jit]
pub fn select_total(v: &mut [f64], k: usize) -> f64 {
    v.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
    v[k]
}

/// The median of `v` (the mean of the two middle values for an even count), or `None`
/// for no values; reorders `v`.
#[jit]
pub fn median_in_place(v: &mut [f64]) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let k = n / 2;
    let upper = select_total(v, k);
    if n % 2 == 1 {
        return Some(upper);
    }
    // The lower middle value is the largest of the `k` values now before `k`.
    let lower = select_total(&mut v[..k], k - 1);
    Some((lower + upper) / 2.0)
}

/// The values of a group (or of a window's frame), NULLs skipped.
#[jitclass]
pub struct Median {
    values: Vec<f64>,
}

#[jitclass]
impl Median {
    pub fn new() -> Self {
        Median { values: Vec::new() }
    }

    pub fn step(&mut self, x: f64) {
        self.values.push(x);
    }

    /// A row leaves the frame: one occurrence of its value goes (compared by bits, so
    /// `-0.0` and `0.0` stay apart, as `total_cmp` keeps them).
    pub fn inverse(&mut self, x: f64) {
        for i in 0..self.values.len() {
            if self.values[i].to_bits() == x.to_bits() {
                self.values.swap_remove(i);
                return;
            }
        }
    }

    pub fn value(&mut self) -> Option<f64> {
        median_in_place(&mut self.values)
    }

    pub fn finalize(&mut self) -> Option<f64> {
        median_in_place(&mut self.values)
    }
}

impl Default for Median {
    fn default() -> Self {
        Self::new()
    }
}

/// [`select_total()`], compiled by rustc.
pub fn select_total_native(v: &mut [f64], k: usize) -> f64 {
    v.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
    v[k]
}

/// [`median_in_place()`], compiled by rustc.
pub fn median_in_place_native(v: &mut [f64]) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let k = n / 2;
    let upper = select_total_native(v, k);
    if n % 2 == 1 {
        return Some(upper);
    }
    let lower = select_total_native(&mut v[..k], k - 1);
    Some((lower + upper) / 2.0)
}

/// [`Median`] on rusqlite's traits: the state is a `Vec<f64>`, which rusqlite boxes and
/// keeps a pointer to in SQLite's aggregate context.
pub struct RsMedian;

impl Aggregate<Vec<f64>, Option<f64>> for RsMedian {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<Vec<f64>> {
        Ok(Vec::new())
    }

    fn step(&self, ctx: &mut Context<'_>, values: &mut Vec<f64>) -> rusqlite::Result<()> {
        if let Some(x) = ctx.get::<Option<f64>>(0)? {
            values.push(x);
        }
        Ok(())
    }

    fn finalize(
        &self,
        _: &mut Context<'_>,
        values: Option<Vec<f64>>,
    ) -> rusqlite::Result<Option<f64>> {
        Ok(values.and_then(|mut v| median_in_place_native(&mut v)))
    }
}

impl WindowAggregate<Vec<f64>, Option<f64>> for RsMedian {
    fn value(&self, values: Option<&mut Vec<f64>>) -> rusqlite::Result<Option<f64>> {
        Ok(values.and_then(|v| median_in_place_native(v)))
    }

    fn inverse(&self, ctx: &mut Context<'_>, values: &mut Vec<f64>) -> rusqlite::Result<()> {
        if let Some(x) = ctx.get::<Option<f64>>(0)?
            && let Some(i) = values.iter().position(|v| v.to_bits() == x.to_bits())
        {
            values.swap_remove(i);
        }
        Ok(())
    }
}

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

/// `median` and `moving_median` (jitclass), `rs_median` and `rs_moving_median` (Rust).
pub fn register_medians(conn: &Connection) -> rusqlite::Result<()> {
    register_aggregate::<Median>(conn, "median", flags())?;
    register_window::<Median>(conn, "moving_median", flags())?;
    conn.create_aggregate_function("rs_median", 1, flags(), RsMedian)?;
    conn.create_window_function("rs_moving_median", 1, flags(), RsMedian)
}

/// `SELECT f(x) FROM t`.
pub fn median_of_all(conn: &Connection, f: &str) -> rusqlite::Result<Option<f64>> {
    conn.query_row(&format!("SELECT {f}(x) FROM t"), [], |r| r.get(0))
}

/// `SELECT g, f(x) FROM t GROUP BY g`: the sum of the groups' medians.
pub fn grouped_medians(conn: &Connection, f: &str) -> rusqlite::Result<f64> {
    let mut stmt = conn.prepare_cached(&format!("SELECT g, {f}(x) FROM t GROUP BY g"))?;
    let mut total = 0.0;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        total += row.get::<_, Option<f64>>(1)?.unwrap_or(0.0);
    }
    Ok(total)
}

/// The moving median over the `width` rows ending at each row (by `rowid`): the sum of
/// the medians.
pub fn moving_medians(conn: &Connection, f: &str, width: usize) -> rusqlite::Result<f64> {
    let sql = format!(
        "SELECT sum(m) FROM (SELECT {f}(x) OVER (ORDER BY rowid ROWS BETWEEN {} PRECEDING AND CURRENT ROW) AS m FROM t)",
        width - 1
    );
    conn.query_row(&sql, [], |r| r.get(0))
}
