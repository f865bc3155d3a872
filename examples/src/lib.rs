//! Shared pieces of the jitclass examples and benchmarks: the measured kernels (each as a
//! `#[jit]` fn and as the same native Rust fn) and timing helpers.

use std::time::{Duration, Instant};

pub mod dispatch;
pub mod median;
pub mod text;
pub mod vecs;

/// The kernels the report and the criterion benches measure, jit and native side by side.
pub mod kernels {
    use jitclass::jit;

    #[jit]
    pub fn add(a: i64, b: i64) -> i64 {
        a + b
    }

    #[inline(never)]
    pub fn add_native(a: i64, b: i64) -> i64 {
        a + b
    }

    /// `add` as a C callback (`add_c::cfunc_ptr()`).
    #[jit]
    pub extern "C" fn add_c(a: i64, b: i64) -> i64 {
        a + b
    }

    pub extern "C" fn add_c_native(a: i64, b: i64) -> i64 {
        a + b
    }

    #[jit]
    pub fn sum(xs: &[f64]) -> f64 {
        let mut acc = 0.0;
        for i in 0..xs.len() {
            acc += xs[i];
        }
        acc
    }

    #[inline(never)]
    pub fn sum_native(xs: &[f64]) -> f64 {
        let mut acc = 0.0;
        for x in xs {
            acc += x;
        }
        acc
    }

    #[jit]
    pub fn dot(xs: &[f64], ys: &[f64]) -> f64 {
        let mut acc = 0.0;
        for i in 0..xs.len() {
            acc += xs[i] * ys[i];
        }
        acc
    }

    #[inline(never)]
    pub fn dot_native(xs: &[f64], ys: &[f64]) -> f64 {
        let mut acc = 0.0;
        for (x, y) in xs.iter().zip(ys) {
            acc += x * y;
        }
        acc
    }
    /// Math-library methods in a loop: jit code calls Rust's implementations (`sin` through
    /// `llvm.sin`'s mapped library call, `cbrt` through an opaque wrapper).
    #[jit]
    pub fn sin_cbrt_sum(xs: &[f64]) -> (f64, f64) {
        let mut s = 0.0;
        let mut c = 0.0;
        for i in 0..xs.len() {
            s += xs[i].sin();
            c += xs[i].cbrt();
        }
        (s, c)
    }

    #[inline(never)]
    pub fn sin_cbrt_sum_native(xs: &[f64]) -> (f64, f64) {
        let mut s = 0.0;
        let mut c = 0.0;
        for x in xs {
            s += x.sin();
            c += x.cbrt();
        }
        (s, c)
    }
}

/// The class kernels: a jitclass aggregate and the same `#[repr(C)]` struct in native Rust.
pub mod classes {
    use jitclass::{jit, jitclass};

    /// The running mean of SQLite's `avg`, as a jitclass (NBEP 3's `MyAvg`).
    #[jitclass]
    pub struct MyAvg {
        total: f64,
        count: i64,
    }

    #[jitclass]
    impl MyAvg {
        pub fn new() -> Self {
            MyAvg {
                total: 0.0,
                count: 0,
            }
        }

        pub fn step(&mut self, value: f64) {
            self.total += value;
            self.count += 1;
        }

        pub fn finalize(&self) -> Option<f64> {
            if self.count == 0 {
                None
            } else {
                Some(self.total / self.count as f64)
            }
        }
    }

    impl Default for MyAvg {
        fn default() -> Self {
            Self::new()
        }
    }

    /// `let mut a = MyAvg::new(); for x in xs { a.step(x) } a.finalize()` in jit code.
    #[jit]
    pub fn avg_loop(xs: &[f64]) -> Option<f64> {
        let mut a = MyAvg::new();
        for i in 0..xs.len() {
            a.step(xs[i]);
        }
        a.finalize()
    }

    /// The same aggregate in native Rust, with the payload's layout.
    #[repr(C)]
    pub struct NativeAvg {
        total: f64,
        count: i64,
    }

    impl NativeAvg {
        #[inline]
        pub fn new() -> NativeAvg {
            NativeAvg {
                total: 0.0,
                count: 0,
            }
        }

        #[inline(never)]
        pub fn step_not_inlined(&mut self, value: f64) {
            self.step(value)
        }

        #[inline]
        pub fn step(&mut self, value: f64) {
            self.total += value;
            self.count += 1;
        }

        #[inline]
        pub fn finalize(&self) -> Option<f64> {
            if self.count == 0 {
                None
            } else {
                Some(self.total / self.count as f64)
            }
        }
    }

    impl Default for NativeAvg {
        fn default() -> Self {
            Self::new()
        }
    }

    #[inline(never)]
    pub fn avg_loop_native(xs: &[f64]) -> Option<f64> {
        let mut a = NativeAvg::new();
        for x in xs {
            a.step(*x);
        }
        a.finalize()
    }
}

/// The same aggregate with its instances in a bump arena (`#[jitclass(allocator = ..)]`).
pub mod arena {
    use jitclass::{ExternalAllocator, jitclass};
    use std::ffi::c_void;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A bump allocator over a leaked buffer: `malloc` moves a pointer, `free` does
    /// nothing, and [`reset`] reuses the buffer once every instance in it is dead.
    pub struct BumpArena {
        base: AtomicUsize,
        len: usize,
        used: AtomicUsize,
    }

    const BYTES: usize = 128 << 20;

    pub static ARENA: BumpArena = BumpArena {
        base: AtomicUsize::new(0),
        len: BYTES,
        used: AtomicUsize::new(0),
    };

    /// Starts over at the beginning of the buffer.
    ///
    /// # Safety
    /// No instance allocated in the arena is alive.
    pub unsafe fn reset() {
        ARENA.used.store(0, Ordering::SeqCst);
    }

    /// Bytes handed out since the last reset.
    pub fn used() -> usize {
        ARENA.used.load(Ordering::SeqCst)
    }

    fn base() -> usize {
        let base = ARENA.base.load(Ordering::Acquire);
        if base != 0 {
            return base;
        }
        let memory = vec![0u128; BYTES / 16].leak().as_mut_ptr() as usize;
        match ARENA
            .base
            .compare_exchange(0, memory, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => memory,
            Err(winner) => winner,
        }
    }

    unsafe extern "C" fn bump(size: usize, _: *mut c_void) -> *mut c_void {
        let size = size.next_multiple_of(16);
        let start = ARENA.used.fetch_add(size, Ordering::Relaxed);
        if start + size > ARENA.len {
            return std::ptr::null_mut();
        }
        (base() + start) as *mut c_void
    }

    unsafe extern "C" fn no_realloc(_: *mut c_void, _: usize, _: *mut c_void) -> *mut c_void {
        std::ptr::null_mut()
    }

    unsafe extern "C" fn no_free(_: *mut c_void, _: *mut c_void) {}

    // SAFETY: `bump` hands out disjoint 16-aligned blocks (or null once the buffer is
    // full) from any thread, and a block is reused only after `reset`, whose contract is
    // that no instance in the arena is alive.
    pub static BUMP: ExternalAllocator =
        unsafe { ExternalAllocator::new(bump, no_realloc, no_free, std::ptr::null_mut()) };

    #[jitclass(allocator = BUMP)]
    pub struct ArenaAvg {
        total: f64,
        count: i64,
    }

    #[jitclass]
    impl ArenaAvg {
        pub fn new() -> Self {
            ArenaAvg {
                total: 0.0,
                count: 0,
            }
        }
    }

    impl Default for ArenaAvg {
        fn default() -> Self {
            Self::new()
        }
    }
}

/// SQLite: the jitclass aggregate and the alternatives it is measured against.
pub mod sqlite {
    use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate, register_window};
    use jitclass::{jit, jitclass};
    use rusqlite::ffi;
    use rusqlite::functions::{Aggregate, Context};
    use std::ffi::c_int;

    /// `avg` as a jitclass, the one the class benchmarks use: registered with SQLite, its
    /// state lives in SQLite's aggregate context.
    pub use crate::classes::MyAvg;

    /// A moving sum as a window function (`value` and `inverse`).
    #[jitclass]
    pub struct MovingSum {
        sum: f64,
    }

    #[jitclass]
    impl MovingSum {
        pub fn new() -> Self {
            MovingSum { sum: 0.0 }
        }

        pub fn step(&mut self, x: f64) {
            self.sum += x;
        }

        pub fn inverse(&mut self, x: f64) {
            self.sum -= x;
        }

        pub fn value(&self) -> f64 {
            self.sum
        }

        pub fn finalize(&self) -> f64 {
            self.sum
        }
    }

    impl Default for MovingSum {
        fn default() -> Self {
            Self::new()
        }
    }

    /// A scalar function: a logistic curve.
    #[jit]
    pub fn sigmoid(x: f64) -> f64 {
        1.0 / (1.0 + (-x).exp())
    }

    pub fn flags() -> FunctionFlags {
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC
    }

    /// `my_avg` (jitclass), `rs_avg` (rusqlite's `Aggregate`), `c_avg` (a hand-written
    /// C-API callback), `moving_sum` (jitclass window function), `sigmoid` (jit fn).
    pub fn register_all(conn: &Connection) -> rusqlite::Result<()> {
        register_aggregate::<MyAvg>(conn, "my_avg", flags())?;
        register_window::<MovingSum>(conn, "moving_sum", flags())?;
        jitclass::sqlite::register_scalar::<sigmoid>(conn, "sigmoid", flags())?;
        conn.create_aggregate_function("rs_avg", 1, flags(), RsAvg)?;
        register_c_avg(conn)
    }

    /// `avg` through rusqlite's safe `Aggregate` trait.
    pub struct RsAvg;

    impl Aggregate<(f64, i64), Option<f64>> for RsAvg {
        fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<(f64, i64)> {
            Ok((0.0, 0))
        }

        fn step(&self, ctx: &mut Context<'_>, acc: &mut (f64, i64)) -> rusqlite::Result<()> {
            if let Some(x) = ctx.get::<Option<f64>>(0)? {
                acc.0 += x;
                acc.1 += 1;
            }
            Ok(())
        }

        fn finalize(
            &self,
            _: &mut Context<'_>,
            acc: Option<(f64, i64)>,
        ) -> rusqlite::Result<Option<f64>> {
            Ok(acc.filter(|a| a.1 > 0).map(|(t, n)| t / n as f64))
        }
    }

    /// The state the hand-written callbacks keep in the aggregate context.
    #[repr(C)]
    struct CState {
        total: f64,
        count: i64,
    }

    /// The native limit: a hand-written `xStep` on the C API, state in the context.
    unsafe extern "C" fn c_step(
        ctx: *mut ffi::sqlite3_context,
        _: c_int,
        argv: *mut *mut ffi::sqlite3_value,
    ) {
        // SAFETY: SQLite's contract for an aggregate's `xStep` with one argument.
        unsafe {
            let state =
                ffi::sqlite3_aggregate_context(ctx, size_of::<CState>() as c_int).cast::<CState>();
            if state.is_null() {
                ffi::sqlite3_result_error_nomem(ctx);
                return;
            }
            let value = *argv;
            if ffi::sqlite3_value_type(value) == ffi::SQLITE_NULL {
                return;
            }
            (*state).total += ffi::sqlite3_value_double(value);
            (*state).count += 1;
        }
    }

    unsafe extern "C" fn c_final(ctx: *mut ffi::sqlite3_context) {
        // SAFETY: SQLite's contract for an aggregate's `xFinal`.
        unsafe {
            let state = ffi::sqlite3_aggregate_context(ctx, 0).cast::<CState>();
            if state.is_null() || (*state).count == 0 {
                ffi::sqlite3_result_null(ctx);
            } else {
                ffi::sqlite3_result_double(ctx, (*state).total / (*state).count as f64);
            }
        }
    }

    fn register_c_avg(conn: &Connection) -> rusqlite::Result<()> {
        // SAFETY: the callbacks have SQLite's signatures and live forever.
        let rc = unsafe {
            ffi::sqlite3_create_function_v2(
                conn.handle(),
                c"c_avg".as_ptr(),
                1,
                flags().bits(),
                std::ptr::null_mut(),
                None,
                Some(c_step),
                Some(c_final),
                None,
            )
        };
        if rc == ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), None))
        }
    }

    /// An in-memory table `t(g, x)` of `rows` random doubles in 1,000 groups, with a
    /// covering index on `(g, x)`.
    pub fn populate(conn: &Connection, rows: usize) -> rusqlite::Result<()> {
        conn.execute_batch("CREATE TABLE t(g INTEGER, x REAL); BEGIN")?;
        {
            let mut insert = conn.prepare("INSERT INTO t VALUES (?1, ?2)")?;
            for (i, x) in super::random_f64s(rows, 7).into_iter().enumerate() {
                insert.execute(rusqlite::params![(i % 1000) as i64, x])?;
            }
        }
        conn.execute_batch("COMMIT; CREATE INDEX t_g_x ON t(g, x);")
    }

    /// `SELECT f(x) FROM t`.
    pub fn aggregate(conn: &Connection, f: &str) -> rusqlite::Result<Option<f64>> {
        conn.query_row(&format!("SELECT {f}(x) FROM t"), [], |r| r.get(0))
    }

    /// `SELECT g, f(x) FROM t GROUP BY g` (through the covering index): the sum of the
    /// groups' results.
    pub fn grouped(conn: &Connection, f: &str) -> rusqlite::Result<f64> {
        let mut stmt = conn.prepare_cached(&format!("SELECT g, {f}(x) FROM t GROUP BY g"))?;
        let mut total = 0.0;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            total += row.get::<_, Option<f64>>(1)?.unwrap_or(0.0);
        }
        Ok(total)
    }
}

/// Pass-through handles and `objmode!` blocks: what crossing between jit code and Rust
/// costs per call, next to a plain jit call (`kernels::add`).
pub mod passthru {
    use jitclass::{PassThru, jit, objmode};
    use std::sync::Arc;

    /// A Rust value jit code cannot look into.
    pub struct Session {
        pub name: String,
    }

    /// `add` plus an `objmode!` block that does nothing: the cost of the round trip.
    #[jit]
    pub fn add_with_empty_objmode(a: i64, b: i64) -> i64 {
        objmode!(|| -> () {});
        a + b
    }

    /// `add` computed in an `objmode!` block: inputs in, output back.
    #[jit]
    pub fn add_in_objmode(a: i64, b: i64) -> i64 {
        objmode!(|a: i64, b: i64| -> i64 { a + b })
    }

    /// A handle into jit code and back out: identity preserved, one reference in and out.
    #[jit]
    pub fn pass_through(session: PassThru<Session>) -> PassThru<Session> {
        session
    }

    /// The native counterpart of what the jit call does with its reference counts: the
    /// argument borrowed, a new reference returned (the caller then drops its old one).
    #[inline(never)]
    pub fn pass_through_native(session: &Arc<Session>) -> Arc<Session> {
        Arc::clone(session)
    }
}

/// Sorting with a closure: the same `sort_by(total_cmp)` as jit code and as Rust.
pub mod sorting {
    use jitclass::jit;

    /// Sorts floats by IEEE 754 total order (stable), in jit code.
    #[jit]
    pub fn sort_floats(s: &mut [f64]) {
        s.sort_by(|a, b| a.total_cmp(b));
    }

    /// The same sort, compiled by rustc.
    pub fn sort_floats_native(s: &mut [f64]) {
        s.sort_by(|a, b| a.total_cmp(b));
    }

    /// `sort_unstable_by(total_cmp)` in jit code.
    #[jit]
    pub fn sort_floats_unstable(s: &mut [f64]) {
        s.sort_unstable_by(|a, b| a.total_cmp(b));
    }

    /// The same unstable sort, compiled by rustc.
    pub fn sort_floats_unstable_native(s: &mut [f64]) {
        s.sort_unstable_by(|a, b| a.total_cmp(b));
    }

    /// A descending sort whose comparator jit code does not hand to std (`.reverse()`):
    /// the prelude's stable sort with the comparator inlined.
    #[jit]
    pub fn sort_floats_prelude(s: &mut [f64]) {
        s.sort_by(|a, b| a.total_cmp(b).reverse());
    }

    /// The same sort, compiled by rustc.
    pub fn sort_floats_prelude_native(s: &mut [f64]) {
        s.sort_by(|a, b| a.total_cmp(b).reverse());
    }
}

/// Times `a` and `b` alternately, `rounds` times each, and returns the median of each:
/// interleaving makes both see the same machine load, so their ratio is fair on a
/// shared, noisy machine.
pub fn median_pair(
    rounds: usize,
    mut a: impl FnMut(),
    mut b: impl FnMut(),
) -> (Duration, Duration) {
    let mut ta = Vec::with_capacity(rounds);
    let mut tb = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        a();
        ta.push(t.elapsed());
        let t = Instant::now();
        b();
        tb.push(t.elapsed());
    }
    ta.sort();
    tb.sort();
    (ta[rounds / 2], tb[rounds / 2])
}

/// A deterministic pseudo-random f64 in [0, 1) (xorshift), so runs are comparable.
pub fn random_f64s(n: usize, seed: u64) -> Vec<f64> {
    let mut state = seed | 1;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        })
        .collect()
}
