//! Large arrays: thousands of elements as locals, parameters, results, class fields,
//! tuple elements and `Option` payloads, compiled by jitclass and by rustc from the same
//! tokens and compared; a 65,536-element local; a local larger than the thread's stack,
//! which aborts as Rust's does.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

const BIG: usize = 4096;

twice!(fill_and_sum, fill_and_sum_rs, fn(k: f64) -> f64 {
    let mut a = [0.0; BIG];
    for i in 0..a.len() {
        a[i] = i as f64 * k;
    }
    // A copy, then changes to the original: the copy keeps the old values.
    let b = a;
    a[7] = -1.0;
    let mut s = 0.0;
    for x in b {
        s += x;
    }
    let same = if a == b { 1.0 } else { 0.0 };
    s + a[7] + b[7] + same
});

twice!(through_calls, through_calls_rs, fn(k: f64) -> f64 {
    let a = ramp(k);
    let b = reversed(a);
    b[0] + b[BIG - 1] + middle(b)
});

#[jit]
fn ramp(k: f64) -> [f64; BIG] {
    let mut a = [0.0; BIG];
    for i in 0..BIG {
        a[i] = i as f64 * k;
    }
    a
}

#[jit]
fn reversed(a: [f64; BIG]) -> [f64; BIG] {
    let mut b = a;
    for i in 0..BIG {
        b[i] = a[BIG - 1 - i];
    }
    b
}

#[jit]
fn middle(a: [f64; BIG]) -> f64 {
    a[BIG / 2]
}

fn ramp_rs(k: f64) -> [f64; BIG] {
    std::array::from_fn(|i| i as f64 * k)
}

fn reversed_rs(a: [f64; BIG]) -> [f64; BIG] {
    std::array::from_fn(|i| a[BIG - 1 - i])
}

fn middle_rs(a: [f64; BIG]) -> f64 {
    a[BIG / 2]
}

twice!(nested_and_wrapped, nested_and_wrapped_rs, fn(n: i64) -> i64 {
    let mut grid = [[0i64; 64]; 64];
    for i in 0..64 {
        for j in 0..64 {
            grid[i][j] = (i * 64 + j) as i64 * n;
        }
    }
    let row = grid[63];
    let pair = (row, n);
    let some = Some(grid[1]);
    let mut s = pair.0[63] + pair.1;
    if let Some(r) = some {
        s += r[0] + r[63];
    }
    let (first, _) = pair;
    s + first[1] + grid[32][32]
});

twice!(large_in_options, large_in_options_rs, fn(o: Option<[u16; 2048]>, i: usize) -> Option<[u16; 2048]> {
    match o {
        Some(mut a) => {
            a[i] += 1;
            Some(a)
        }
        None => None,
    }
});

#[test]
fn large_arrays_behave_as_rustc_builds_them() {
    for k in [0.0, 0.5, -3.0] {
        assert_eq!(fill_and_sum(k), fill_and_sum_rs(k));
        assert_eq!(through_calls(k), through_calls_rs(k));
        assert_eq!(reversed(ramp(k)), reversed_rs(ramp_rs(k)));
        assert_eq!(middle(ramp(k)), middle_rs(ramp_rs(k)));
    }
    for n in [0, 3, -7] {
        assert_eq!(nested_and_wrapped(n), nested_and_wrapped_rs(n));
    }
    let mut a = [0u16; 2048];
    a[5] = 9;
    assert_eq!(
        large_in_options(Some(a), 5),
        large_in_options_rs(Some(a), 5)
    );
    assert_eq!(large_in_options(None, 0), None);
    assert_no_leaks();
}

/// A histogram of 65,536 bins in its payload (heap memory: no stack involved).
#[jitclass]
pub struct Bins {
    pub counts: [u32; 65536],
    pub total: u64,
}

#[jitclass]
impl Bins {
    pub fn new() -> Bins {
        Bins {
            counts: [0; 65536],
            total: 0,
        }
    }

    pub fn add(&mut self, x: u16) {
        self.counts[x as usize] += 1;
        self.total += 1;
    }

    pub fn fullest(&self) -> usize {
        let mut best = 0;
        for i in 0..self.counts.len() {
            if self.counts[i] > self.counts[best] {
                best = i;
            }
        }
        best
    }
}

/// A 65,536-element local (512 KiB on the stack): built, filled and read, on a thread
/// with room for it, as Rust needs too.
#[jit]
fn sieve_count() -> u64 {
    let mut composite = [false; 65536];
    let mut count = 0;
    for i in 2..composite.len() {
        if !composite[i] {
            count += 1;
            let mut j = i * i;
            while j < composite.len() {
                composite[j] = true;
                j += i;
            }
        }
    }
    count
}

#[test]
fn arrays_of_65536_elements_as_locals_and_fields() {
    let _m = memory_test();
    let before = jitclass::stats();
    let primes = std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(sieve_count)
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(primes, 6542);
    {
        let mut b = Bins::new();
        for x in [3u16, 65535, 3, 7, 3, 65535] {
            b.add(x);
        }
        assert_eq!((b.fullest(), b.total()), (3, 6));
        assert_eq!(b.counts()[65535], 2);
    }
    assert!(balanced_since(&before));
}

/// A local of 64 MiB, on a thread with 1 MiB of stack.
#[jit]
fn too_deep(i: usize) -> u8 {
    let a = [1u8; 64 << 20];
    a[i]
}

/// Generated code probes the stack as rustc's does: a frame larger than the stack left
/// faults on the guard page, and Rust reports the overflow and aborts (as a Rust local
/// that large does), instead of writing into whatever lies past the guard page.
#[test]
#[cfg(any(target_arch = "x86_64", target_arch = "x86"))]
fn a_local_larger_than_the_stack_aborts_as_rusts_does() {
    if std::env::var_os("JITCLASS_STACK_CHILD").is_some() {
        let t = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(|| too_deep(std::hint::black_box(3)))
            .unwrap();
        let _ = t.join();
        return;
    }
    // The abort must happen in a child process.
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "array_sizes::a_local_larger_than_the_stack_aborts_as_rusts_does",
            "--nocapture",
        ])
        .env("JITCLASS_STACK_CHILD", "1")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("has overflowed its stack"), "{stderr}");
}

// ---- arrays beside counted references, in every place a value goes --------------------

use crate::fixtures::RCell;
use jitclass::objmode;

/// Tuples and `Option`s holding an array and an instance: built, taken apart, moved
/// through calls, branches and loop breaks, with a panic in the middle of building one.
#[jit]
fn with_cell(cell: RCell, k: i64, fail: bool) -> (i64, [i64; 3]) {
    let pair = ([k; 3], cell.me());
    let (arr, c) = pair;
    let wrapped = Some((arr, c));
    let mut total = 0;
    if let Some((a, c2)) = wrapped {
        total += a[0] + c2.get();
    }
    let chosen = if k > 0 { [1, 2, 3] } else { [k, k, k] };
    let found = loop {
        if fail {
            let _t = ([0i64; 4], cell.me(), fail_now(k));
        }
        break ([chosen[2]; 2], cell.me());
    };
    let passed = hand_back(found);
    (total + passed.0[1] + passed.1.get(), chosen)
}

#[jit]
fn fail_now(k: i64) -> i64 {
    panic!("failed with {}", k)
}

#[jit]
fn hand_back(t: ([i64; 2], RCell)) -> ([i64; 2], RCell) {
    t
}

#[jit]
fn optional(o: Option<[u8; 3]>, d: [u8; 3]) -> u8 {
    let a = o.unwrap_or(d);
    let b = if o.is_some() { o.unwrap() } else { [9; 3] };
    a[0] + b[1]
}

/// An array in and out of an `objmode!` block.
#[jit]
fn through_objmode(a: [f64; 4]) -> f64 {
    let doubled = objmode!(|a: [f64; 4]| -> [f64; 4] { a.map(|x| x * 2.0) });
    doubled[3] + a[0]
}

#[test]
fn arrays_beside_instances_and_through_every_value_path() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let cell = RCell::new(10);
        assert_eq!(
            with_cell(cell.clone(), 5, false),
            (5 + 10 + 3 + 10, [1, 2, 3])
        );
        assert_eq!(
            with_cell(cell.clone(), -2, false),
            (-2 + 10 - 2 + 10, [-2, -2, -2])
        );
        let message = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            with_cell(cell.clone(), 4, true)
        }))
        .expect_err("panics");
        let message = message.downcast_ref::<String>().expect("a message");
        assert!(message.starts_with("failed with 4"), "{message}");
        assert_eq!(RCell::strong_count(&cell), Some(1));
    }
    assert!(balanced_since(&before));
    assert_eq!(optional(Some([1, 2, 3]), [7, 7, 7]), 1 + 2);
    assert_eq!(optional(None, [7, 7, 7]), 7 + 9);
    assert_eq!(through_objmode([1.0, 2.0, 3.0, 4.0]), 8.0 + 1.0);
}

// ---- every way an array value flows, against rustc ---------------------------------------

twice!(value_paths, value_paths_rs, fn(k: f64, c: bool) -> f64 {
    let mut a = [k, 2.0, 3.0];
    let b = [10.0, 20.0, 30.0];
    // A read is a copy taken when it is evaluated.
    let t = (a, {
        a[0] = 9.0;
        1
    });
    // Swapped through a literal that reads the array it replaces.
    a = [a[1], a[0], a[2]];
    let chosen = if c { a } else { b };
    let mut i = 0;
    let found = loop {
        i += 1;
        if i == 3 {
            break [chosen[2]; 2];
        }
    };
    let (x, y) = (t.0, found);
    let o: Option<[f64; 3]> = if c { Some(b) } else { None };
    let d = o.unwrap_or(a);
    x[0] + y[1] + d[0] + chosen[1] + recurse(3, a)[2] + id(b)[1] + early(c)[0]
});

#[jit]
fn recurse(n: u32, a: [f64; 3]) -> [f64; 3] {
    if n == 0 {
        a
    } else {
        let mut b = recurse(n - 1, a);
        b[2] += 1.0;
        b
    }
}

fn recurse_rs(n: u32, a: [f64; 3]) -> [f64; 3] {
    if n == 0 {
        a
    } else {
        let mut b = recurse_rs(n - 1, a);
        b[2] += 1.0;
        b
    }
}

#[jit]
fn id<T>(x: T) -> T {
    x
}

fn id_rs<T>(x: T) -> T {
    x
}

#[jit]
fn early(c: bool) -> [f64; 2] {
    for i in 0..10 {
        if c && i == 4 {
            return [i as f64, 0.0];
        }
    }
    [-1.0, -1.0]
}

fn early_rs(c: bool) -> [f64; 2] {
    for i in 0..10 {
        if c && i == 4 {
            return [i as f64, 0.0];
        }
    }
    [-1.0, -1.0]
}

#[jitclass]
pub struct Pairs {
    pub pair: ([f64; 2], i64),
    pub data: [f64; 3],
}

#[jitclass]
impl Pairs {
    pub fn new() -> Pairs {
        Pairs {
            pair: ([1.0, 2.0], 7),
            data: [1.0, 2.0, 3.0],
        }
    }

    pub fn poke(&mut self) -> f64 {
        self.pair.0[1] = 5.0;
        let copy = self.data;
        self.data[0] = 100.0;
        middle3(self.data) + copy[0] + self.pair.0[1] + self.pair.1 as f64
    }
}

#[jit]
fn middle3(a: [f64; 3]) -> f64 {
    a[1]
}

#[test]
fn array_values_flow_as_rustc_builds_them() {
    // (The Rust twin of `value_paths` calls the jit helpers, compared here on their own.)
    for k in [0.5, -2.0] {
        for c in [true, false] {
            assert_eq!(value_paths(k, c), value_paths_rs(k, c), "{k} {c}");
            assert_eq!(early(c), early_rs(c));
        }
        let a = [k, 1.0, 2.0];
        assert_eq!(recurse(3, a), recurse_rs(3, a));
        assert_eq!(id(a), id_rs(a));
    }
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut p = Pairs::new();
        assert_eq!(p.poke(), 2.0 + 1.0 + 5.0 + 7.0);
        assert_eq!(p.data(), [100.0, 2.0, 3.0]);
        assert_eq!(p.pair(), ([1.0, 5.0], 7));
    }
    assert!(balanced_since(&before));
}
