//! Adversarial review (15d) of SQL functions whose state owns memory (`Vec`s, instances,
//! `Option`s and tuples of them in SQLite's aggregate context): what `step` and `inverse`
//! return is released, and the state's members balance after a panic in `inverse` or
//! `finalize`.

use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate, register_window};

fn flags() -> FunctionFlags {
    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
}

/// Every value of the last column of `sql`, or the error's message.
fn rows(conn: &Connection, sql: &str) -> Result<Vec<Option<f64>>, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
    let last = stmt.column_count() - 1;
    let rows = stmt
        .query_map([], |r| r.get::<_, Option<f64>>(last))
        .map_err(|e| e.to_string())?;
    rows.collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())
}

#[jitclass]
pub struct Bag {
    values: Vec<f64>,
}

#[jitclass]
impl Bag {
    pub fn new() -> Bag {
        Bag { values: Vec::new() }
    }
}

/// A window function whose `step` and `inverse` return owned values, which Rust drops
/// where the callback discards them.
#[jitclass]
pub struct Returning {
    values: Vec<f64>,
}

#[jitclass]
impl Returning {
    pub fn new() -> Returning {
        Returning { values: Vec::new() }
    }

    pub fn step(&mut self, x: f64) -> Vec<f64> {
        self.values.push(x);
        vec![x; 4]
    }

    pub fn inverse(&mut self, x: f64) -> (Option<Bag>, Vec<f64>) {
        self.values.remove(0);
        let mut bag = Bag::new();
        bag.values.push(x);
        (Some(bag), vec![x])
    }

    pub fn value(&mut self) -> f64 {
        self.values.len() as f64
    }

    pub fn finalize(&mut self) -> f64 {
        self.values.len() as f64
    }
}

#[test]
fn fixed_step_and_inverse_results_are_released() {
    // Once the callbacks discarded what `step` and `inverse` return without releasing it:
    // every row leaked a `Vec` (and every row leaving the frame a `Bag` and a `Vec`).
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Returning>(&conn, "gives", flags()).unwrap();
    register_window::<Returning>(&conn, "gives_w", flags()).unwrap();
    let values = "(SELECT 1.0 AS x UNION ALL SELECT 2.0 UNION ALL SELECT 3.0)";
    assert_eq!(
        rows(&conn, &format!("SELECT gives(x) FROM {values}")),
        Ok(vec![Some(3.0)])
    );
    assert_eq!(
        rows(
            &conn,
            &format!("SELECT gives_w(x) OVER (ORDER BY x ROWS 1 PRECEDING) FROM {values}")
        ),
        Ok(vec![Some(1.0), Some(2.0), Some(2.0)])
    );
    drop(conn);
    let after = jitclass::stats().since(&before);
    assert!(after.is_balanced(), "{after:?}");
    crate::assert_no_leaks();
}

/// A state with a member of every owning kind; `inverse` panics on a value below -1000,
/// `finalize` on more than two values.
#[jitclass]
pub struct Owning {
    values: Vec<f64>,
    bags: Vec<Bag>,
    last: Option<Vec<f64>>,
    counted: (Vec<f64>, i64),
    bag: Bag,
}

#[jitclass]
impl Owning {
    pub fn new() -> Owning {
        Owning {
            values: Vec::with_capacity(2),
            bags: Vec::new(),
            last: None,
            counted: (Vec::new(), 0),
            bag: Bag::new(),
        }
    }

    pub fn step(&mut self, x: f64) {
        self.values.push(x);
        let mut bag = Bag::new();
        bag.values.push(x);
        self.bags.push(bag);
        self.last = Some(vec![x]);
        self.counted.0.push(x);
        self.counted.1 += 1;
        self.bag.values.push(x);
    }

    pub fn inverse(&mut self, x: f64) {
        assert!(x > -1000.0, "inverse of {x}");
        self.values.remove(0);
        self.bags.remove(0);
        self.last = None;
        self.counted.0.remove(0);
        self.counted.1 -= 1;
        self.bag.values.remove(0);
    }

    pub fn value(&mut self) -> f64 {
        let mut total = 0.0;
        for b in &self.bags {
            total += b.values[0];
        }
        total + self.counted.1 as f64
    }

    pub fn finalize(&mut self) -> f64 {
        let total = self.value();
        let count = self.counted.1;
        // Replacing members in `finalize` releases the old ones now, the new ones after,
        // also when it then panics.
        self.values = Vec::new();
        self.bag = Bag::new();
        self.last = Some(Vec::with_capacity(8));
        assert!(count < 3, "finalize of {count} values");
        total
    }
}

#[test]
fn ok_owning_members_balance_after_a_panic_in_inverse_or_finalize() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Owning>(&conn, "owning", flags()).unwrap();
    register_window::<Owning>(&conn, "owning_w", flags()).unwrap();
    conn.execute_batch(
        "CREATE TABLE t(g, x);
         INSERT INTO t VALUES (1, 1.0), (1, 2.0), (2, -5000.0), (2, 4.0), (3, NULL), (3, 5.0);",
    )
    .unwrap();
    assert_eq!(
        rows(&conn, "SELECT owning(x) FROM t GROUP BY g"),
        Ok(vec![Some(5.0), Some(-4994.0), Some(6.0)])
    );
    assert_eq!(
        rows(&conn, "SELECT owning(x) FROM t WHERE 0"),
        Ok(vec![Some(0.0)])
    );
    let err = rows(&conn, "SELECT owning(x) FROM t").unwrap_err();
    assert!(err.contains("finalize of 5 values"), "{err}");
    let window = "OVER (ORDER BY rowid ROWS 1 PRECEDING)";
    assert_eq!(
        rows(
            &conn,
            &format!("SELECT owning_w(x) {window} FROM t WHERE g = 1")
        ),
        Ok(vec![Some(2.0), Some(5.0)])
    );
    let err = rows(&conn, &format!("SELECT owning_w(x) {window} FROM t")).unwrap_err();
    assert!(err.contains("inverse of -5000"), "{err}");
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    drop(conn);
    let after = jitclass::stats().since(&before);
    assert!(after.is_balanced(), "{after:?}");
    crate::assert_no_leaks();
}
