//! Differential test: every operator, compound assignment, `as` cast and builtin method of
//! every primitive type, run through jit code and through rustc's build of the same body
//! (crate `jitclass-reference`, which declares each operation once for both sides and is
//! built with release semantics), on edge values and seeded random inputs. Results must be
//! equal bit for bit, and panics must carry the same message.
//!
//! NaN: Rust does not specify which NaN an arithmetic operation returns, so any NaN equals
//! any NaN, except for the operations that only touch the sign bit (`-x`, `abs`,
//! `copysign`), whose NaN results must be equal bit for bit too.

use std::cell::Cell;
use std::fmt::Debug;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

jitclass_reference::differential_ops!(jit [#[jitclass::jit]] jitclass_reference, crate::differential::checker);

/// Operations whose NaN results Rust specifies bit for bit (they only change the sign).
const SIGN_BIT_OPS: &[&str] = &["neg", "abs", "copysign"];
/// Random inputs per operation, besides the edge values.
const RANDOM_INPUTS: usize = 3000;

/// The seeded generator of the random inputs (splitmix64), so every run tests the same.
pub struct Rng(u64);

impl Rng {
    fn new(group: &str, ty: &str) -> Rng {
        // A seed per group and type, from their names (FNV-1a), fixed across runs.
        let seed = group
            .bytes()
            .chain([b':'])
            .chain(ty.bytes())
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Uniform in `[lo, hi)`.
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// An input type: its edge values and random values.
pub trait Sample: Copy + Debug + 'static {
    fn edges() -> Vec<Self>;
    /// The edge values used for every pair (or triple) of operands: fewer.
    fn few_edges() -> Vec<Self>;
    fn random(rng: &mut Rng) -> Self;
}

/// A result type: compared bit for bit.
pub trait Outcome: Copy + Debug + 'static {
    fn same(&self, other: &Self, nan_bits: bool) -> bool;
}

macro_rules! int_samples {
    ($($t:ident)*) => {$(
        impl Sample for $t {
            fn edges() -> Vec<$t> {
                let mut v: Vec<i128> = vec![0, 1, 2, 3, 7, -1, -2, -3, -7, 10, 100, -100];
                for k in 0..127 {
                    let p = 1i128 << k;
                    v.extend([p, p - 1, p + 1, -p, -p + 1, -p - 1]);
                }
                v.extend([($t::MIN as i128), ($t::MAX as i128)]);
                v.extend([($t::MIN as i128) + 1, ($t::MAX as i128) - 1]);
                let mut out: Vec<$t> = v.into_iter().filter_map(|x| $t::try_from(x).ok()).collect();
                out.sort_unstable();
                out.dedup();
                out
            }
            fn few_edges() -> Vec<$t> {
                let v: [i128; 16] = [
                    0, 1, 2, 3, 7, 8, 31, 64, -1, -2, -7, -8, 127, 128, -128, 255,
                ];
                let mut out: Vec<$t> = v.into_iter().filter_map(|x| $t::try_from(x).ok()).collect();
                out.extend([$t::MIN, $t::MAX, $t::MIN.wrapping_add(1), $t::MAX.wrapping_sub(1)]);
                out.sort_unstable();
                out.dedup();
                out
            }
            fn random(rng: &mut Rng) -> $t {
                match rng.below(4) {
                    // Small magnitudes, where most results stay in range.
                    0 => (rng.below(129) as i64 - 64) as $t,
                    _ => rng.next() as $t,
                }
            }
        }
        impl Outcome for $t {
            fn same(&self, other: &$t, _: bool) -> bool {
                self == other
            }
        }
    )*};
}

int_samples!(i8 i16 i32 i64 isize u8 u16 u32 u64 usize);

macro_rules! float_samples {
    ($($t:ident $bits:ident)*) => {$(
        impl Sample for $t {
            fn edges() -> Vec<$t> {
                let mut v: Vec<$t> = vec![
                    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.0, 0.1, -0.1,
                    $t::MIN, $t::MAX, $t::MIN_POSITIVE, -$t::MIN_POSITIVE,
                    $t::MIN_POSITIVE / 2.0, -$t::MIN_POSITIVE / 3.0,
                    $t::from_bits(1), $t::from_bits(1 | (1 << ($bits::BITS - 1))),
                    $t::INFINITY, $t::NEG_INFINITY, $t::NAN, -$t::NAN,
                    $t::from_bits($t::NAN.to_bits() | 0x15), // a NaN with a payload
                    $t::EPSILON, 1.0 + $t::EPSILON, 1.0 - $t::EPSILON / 2.0,
                    std::$t::consts::PI, std::$t::consts::FRAC_PI_2, -std::$t::consts::PI,
                    std::$t::consts::E, 10.0, 1e-10, 1e10, 700.0, -700.0, 89.0, -104.0,
                ];
                // Near the boundaries of float-to-integer casts.
                for bound in [
                    127.0, 128.0, -128.0, -129.0, 255.0, 256.0, 32767.0, 32768.0, -32769.0,
                    65535.0, 65536.0, 2147483647.0, 2147483648.0, -2147483649.0,
                    4294967295.0, 4294967296.0, 9223372036854775807.0, -9223372036854775808.0,
                    18446744073709551615.0, 16777216.0, 16777217.0, 9007199254740992.0,
                ] {
                    let x = bound as $t;
                    v.extend([x, x + 0.5, x - 0.5, x.next_up(), x.next_down(), -x]);
                }
                v
            }
            fn few_edges() -> Vec<$t> {
                vec![
                    0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -3.0, $t::MAX, $t::MIN_POSITIVE,
                    $t::from_bits(1), $t::INFINITY, $t::NEG_INFINITY, $t::NAN, -$t::NAN, 1e10,
                ]
            }
            fn random(rng: &mut Rng) -> $t {
                match rng.below(4) {
                    0 => $t::from_bits(rng.next() as $bits),
                    1 => rng.uniform(-4.0, 4.0) as $t,
                    2 => rng.uniform(-1000.0, 1000.0) as $t,
                    _ => {
                        let sign = if rng.below(2) == 0 { 1.0 } else { -1.0 };
                        (sign * rng.uniform(1.0, 2.0) * 2f64.powi(rng.below(80) as i32 - 40)) as $t
                    }
                }
            }
        }
        impl Outcome for $t {
            fn same(&self, other: &$t, nan_bits: bool) -> bool {
                self.to_bits() == other.to_bits() || (!nan_bits && self.is_nan() && other.is_nan())
            }
        }
    )*};
}

float_samples!(f32 u32 f64 u64);

impl Sample for bool {
    fn edges() -> Vec<bool> {
        vec![false, true]
    }
    fn few_edges() -> Vec<bool> {
        vec![false, true]
    }
    fn random(rng: &mut Rng) -> bool {
        rng.below(2) == 1
    }
}

impl Outcome for bool {
    fn same(&self, other: &bool, _: bool) -> bool {
        self == other
    }
}

impl<A: Outcome, B: Outcome> Outcome for (A, B) {
    fn same(&self, o: &Self, n: bool) -> bool {
        self.0.same(&o.0, n) && self.1.same(&o.1, n)
    }
}

impl<A: Outcome, B: Outcome, C: Outcome, D: Outcome, E: Outcome> Outcome for (A, B, C, D, E) {
    fn same(&self, o: &Self, n: bool) -> bool {
        self.0.same(&o.0, n)
            && self.1.same(&o.1, n)
            && self.2.same(&o.2, n)
            && self.3.same(&o.3, n)
            && self.4.same(&o.4, n)
    }
}

thread_local! {
    /// Set while this test provokes panics on purpose, so the panic hook stays quiet.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// `f()`, or the message it panicked with (a jit panic's first line: the rest is its
/// jit source location, which Rust's message does not have).
fn outcome<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.map_err(|payload| {
        let text = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        text.lines().next().unwrap_or_default().to_string()
    })
}

/// Compares the two sides on every input, and panics with a list of the differences.
fn compare<I: Copy + Debug, R: Outcome>(
    group: &str,
    ty: &str,
    ops: &[&str],
    inputs: &[I],
    jit: impl Fn(u32, I) -> R,
    rust: impl Fn(u32, I) -> R,
) {
    assert!(
        jitclass_reference::wraps_on_overflow(),
        "jitclass-reference must build without overflow checks (see the workspace Cargo.toml)"
    );
    let mut differences = Vec::new();
    let mut compared = 0usize;
    for (op, name) in ops.iter().enumerate() {
        let nan_bits = SIGN_BIT_OPS.contains(name);
        let mut shown = 0;
        for &input in inputs {
            let expected = outcome(|| rust(op as u32, input));
            let got = outcome(|| jit(op as u32, input));
            compared += 1;
            let same = match (&got, &expected) {
                (Ok(g), Ok(e)) => g.same(e, nan_bits),
                (Err(g), Err(e)) => g == e,
                _ => false,
            };
            if !same && shown < 5 {
                shown += 1;
                differences.push(format!(
                    "{group}::{ty}::{name}{input:?}: jit {got:?}, rustc {expected:?}"
                ));
            }
        }
    }
    assert!(compared > 0, "{group}::{ty}: nothing compared");
    assert!(
        differences.is_empty(),
        "jit code differs from rustc's build ({} shown):\n{}",
        differences.len(),
        differences.join("\n")
    );
}

fn inputs<T: Sample>(rng: &mut Rng) -> Vec<T> {
    let mut v = T::edges();
    v.extend((0..RANDOM_INPUTS).map(|_| T::random(rng)));
    v
}

/// What the generated `check` functions call, by kind of operation.
pub mod checker {
    use super::*;

    pub fn unary<A: Sample, R: Outcome>(
        group: &str,
        ty: &str,
        ops: &[&str],
        jit: fn(u32, A) -> R,
        rust: fn(u32, A) -> R,
    ) {
        let mut rng = Rng::new(group, ty);
        let xs: Vec<(A,)> = inputs::<A>(&mut rng).into_iter().map(|a| (a,)).collect();
        compare(
            group,
            ty,
            ops,
            &xs,
            |op, (a,)| jit(op, a),
            |op, (a,)| rust(op, a),
        );
    }

    pub fn binary<A: Sample, B: Sample, R: Outcome>(
        group: &str,
        ty: &str,
        ops: &[&str],
        jit: fn(u32, A, B) -> R,
        rust: fn(u32, A, B) -> R,
    ) {
        let mut rng = Rng::new(group, ty);
        let mut xs = Vec::new();
        for a in A::few_edges() {
            for b in B::few_edges() {
                xs.push((a, b));
            }
        }
        let (a_edges, b_edges) = (A::edges(), B::edges());
        for _ in 0..RANDOM_INPUTS {
            // Each operand an edge value a quarter of the time, random otherwise.
            let a = match rng.below(4) {
                0 => a_edges[rng.below(a_edges.len() as u64) as usize],
                _ => A::random(&mut rng),
            };
            let b = match rng.below(4) {
                0 => b_edges[rng.below(b_edges.len() as u64) as usize],
                _ => B::random(&mut rng),
            };
            xs.push((a, b));
        }
        compare(
            group,
            ty,
            ops,
            &xs,
            |op, (a, b)| jit(op, a, b),
            |op, (a, b)| rust(op, a, b),
        );
    }

    pub fn ternary<A: Sample, R: Outcome>(
        group: &str,
        ty: &str,
        ops: &[&str],
        jit: fn(u32, A, A, A) -> R,
        rust: fn(u32, A, A, A) -> R,
    ) {
        let mut rng = Rng::new(group, ty);
        let mut xs = Vec::new();
        let few = A::few_edges();
        for &a in &few {
            for &b in &few {
                for &c in &few {
                    xs.push((a, b, c));
                }
            }
        }
        for _ in 0..RANDOM_INPUTS {
            xs.push((
                A::random(&mut rng),
                A::random(&mut rng),
                A::random(&mut rng),
            ));
        }
        compare(
            group,
            ty,
            ops,
            &xs,
            |op, (a, b, c)| jit(op, a, b, c),
            |op, (a, b, c)| rust(op, a, b, c),
        );
    }
}
