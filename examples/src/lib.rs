//! Shared pieces of the jitclass examples and benchmarks: the measured kernels (each as a
//! `#[jit]` fn and as the same native Rust fn) and timing helpers.

use std::time::{Duration, Instant};

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

    pub static BUMP: ExternalAllocator = ExternalAllocator {
        malloc: bump,
        realloc: no_realloc,
        free: no_free,
        opaque_data: std::ptr::null_mut(),
    };

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
