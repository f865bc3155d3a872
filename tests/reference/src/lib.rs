//! The operations of the differential test (`tests/tests/integration/differential.rs`):
//! one declaration per operation in [`differential_ops!`], which makes both the jit
//! functions (in the test crate, under `#[jit]`) and, here, rustc's build of the same
//! bodies, which the test takes as the reference.
//!
//! This is a crate of its own so that the reference has **release** semantics: jit code
//! wraps on integer overflow as release Rust does, while the test crate builds with debug
//! overflow checks. The workspace's `Cargo.toml` turns overflow checks off for this one
//! crate (`[profile.dev.package.jitclass-reference]`), so the test crate keeps its own
//! checks, and [`wraps_on_overflow`] lets the test verify that the override is in force.

/// Whether this crate was built without overflow checks (as release Rust, and jit code).
pub fn wraps_on_overflow() -> bool {
    std::panic::catch_unwind(|| std::hint::black_box(i8::MAX) + std::hint::black_box(1i8))
        .is_ok_and(|sum| sum == i8::MIN)
}

/// Emits the module tree of every operation group, each group holding one module per
/// type with `fn run(op: u32, operands..) -> result` computing operation number `op`
/// of the group (in declaration order; `OPS` names them).
///
/// `differential_ops!(reference)` emits plain functions; `differential_ops!(jit
/// [attributes], reference_path, checker_path)` emits the functions with the attributes
/// (`#[jitclass::jit]`) and, per type, `fn check()` calling
/// `checker_path::<kind>(group, type, OPS, run, reference_path::group::type::run)`.
#[macro_export]
macro_rules! differential_ops {
    ($($mode:tt)*) => {
        $crate::__groups! { [$($mode)*]
            // Integers.
            binary int_arith [i8 i16 i32 i64 isize u8 u16 u32 u64 usize] (a, b) {
                add => a + b,
                sub => a - b,
                mul => a * b,
                div => a / b,
                rem => a % b,
                bitand => a & b,
                bitor => a | b,
                bitxor => a ^ b,
                shl => a << b,
                shr => a >> b,
                add_assign => { let mut x = a; x += b; x },
                sub_assign => { let mut x = a; x -= b; x },
                mul_assign => { let mut x = a; x *= b; x },
                div_assign => { let mut x = a; x /= b; x },
                rem_assign => { let mut x = a; x %= b; x },
                bitand_assign => { let mut x = a; x &= b; x },
                bitor_assign => { let mut x = a; x |= b; x },
                bitxor_assign => { let mut x = a; x ^= b; x },
                shl_assign => { let mut x = a; x <<= b; x },
                shr_assign => { let mut x = a; x >>= b; x },
                min => a.min(b),
                max => a.max(b),
                wrapping_add => a.wrapping_add(b),
                wrapping_sub => a.wrapping_sub(b),
                wrapping_mul => a.wrapping_mul(b),
                saturating_add => a.saturating_add(b),
                saturating_sub => a.saturating_sub(b),
                // Constant operands, which LLVM rewrites (division by multiplication, ...).
                div_by_7 => a / 7,
                rem_by_7 => a % 7,
                mul_by_3 => a * 3,
                shl_by_3 => a << 3,
                shr_by_3 => a >> 3,
                sub_from_1 => 1 - a + (b & 0),
            }
            unary int_unary [i8 i16 i32 i64 isize u8 u16 u32 u64 usize] (a) {
                not => !a,
                ident => a,
            }
            unary int_signed_unary [i8 i16 i32 i64 isize] (a) {
                neg => -a,
                abs => a.abs(),
                signum => a.signum(),
                div_by_minus_1 => a / -1,
            }
            unary_u32 int_count [i8 i16 i32 i64 isize u8 u16 u32 u64 usize] (a) {
                count_ones => a.count_ones(),
                leading_zeros => a.leading_zeros(),
                trailing_zeros => a.trailing_zeros(),
            }
            shift int_shift_u32 [i8 i16 i32 i64 isize u8 u16 u32 u64 usize] (a, s) {
                shl => a << s,
                shr => a >> s,
                shl_assign => { let mut x = a; x <<= s; x },
                shr_assign => { let mut x = a; x >>= s; x },
                pow => a.pow(s),
            }
            shift_i8 int_shift_i8 [i8 i16 i32 i64 isize u8 u16 u32 u64 usize] (a, s) {
                shl => a << s,
                shr => a >> s,
            }
            compare int_compare [i8 i16 i32 i64 isize u8 u16 u32 u64 usize] (a, b) {
                eq => a == b,
                ne => a != b,
                lt => a < b,
                le => a <= b,
                gt => a > b,
                ge => a >= b,
            }
            cast_signed int_to_signed [i8 i16 i32 i64 isize u8 u16 u32 u64 usize f32 f64 bool] (a) {
                cast => (a as i8, a as i16, a as i32, a as i64, a as isize),
            }
            cast_unsigned int_to_unsigned [i8 i16 i32 i64 isize u8 u16 u32 u64 usize f32 f64 bool] (a) {
                cast => (a as u8, a as u16, a as u32, a as u64, a as usize),
            }
            cast_float to_float [i8 i16 i32 i64 isize u8 u16 u32 u64 usize f32 f64] (a) {
                cast => (a as f32, a as f64),
            }
            // Floats.
            binary float_arith [f32 f64] (a, b) {
                add => a + b,
                sub => a - b,
                mul => a * b,
                div => a / b,
                rem => a % b,
                add_assign => { let mut x = a; x += b; x },
                sub_assign => { let mut x = a; x -= b; x },
                mul_assign => { let mut x = a; x *= b; x },
                div_assign => { let mut x = a; x /= b; x },
                rem_assign => { let mut x = a; x %= b; x },
                min => a.min(b),
                max => a.max(b),
                copysign => a.copysign(b),
                powf => a.powf(b),
                atan2 => a.atan2(b),
                hypot => a.hypot(b),
            }
            unary float_unary [f32 f64] (a) {
                neg => -a,
                sqrt => a.sqrt(),
                abs => a.abs(),
                exp => a.exp(),
                exp2 => a.exp2(),
                exp_m1 => a.exp_m1(),
                ln => a.ln(),
                ln_1p => a.ln_1p(),
                log2 => a.log2(),
                log10 => a.log10(),
                sin => a.sin(),
                cos => a.cos(),
                tan => a.tan(),
                asin => a.asin(),
                acos => a.acos(),
                atan => a.atan(),
                sinh => a.sinh(),
                cosh => a.cosh(),
                tanh => a.tanh(),
                cbrt => a.cbrt(),
                floor => a.floor(),
                ceil => a.ceil(),
                round => a.round(),
                trunc => a.trunc(),
                signum => a.signum(),
                recip => a.recip(),
                to_degrees => a.to_degrees(),
                to_radians => a.to_radians(),
                // Constant operands, which LLVM may expand or fold.
                powi_2 => a.powi(2),
                powi_3 => a.powi(3),
                powi_minus_3 => a.powi(-3),
                powi_0 => a.powi(0),
                powi_17 => a.powi(17),
                powf_half => a.powf(0.5),
                powf_2 => a.powf(2.0),
                times_2 => a * 2.0,
                over_3 => a / 3.0,
            }
            ternary float_fma [f32 f64] (a, b, c) {
                mul_add => a.mul_add(b, c),
            }
            powi float_powi [f32 f64] (a, n) {
                powi => a.powi(n),
            }
            compare float_compare [f32 f64] (a, b) {
                eq => a == b,
                ne => a != b,
                lt => a < b,
                le => a <= b,
                gt => a > b,
                ge => a >= b,
                is_nan => a.is_nan(),
                is_infinite => a.is_infinite(),
                is_finite => a.is_finite(),
            }
            // Booleans.
            compare bool_logic [bool] (a, b) {
                and => a & b,
                or => a | b,
                xor => a ^ b,
                lazy_and => a && b,
                lazy_or => a || b,
                not => !a,
                eq => a == b,
                ne => a != b,
                lt => a < b,
                le => a <= b,
                gt => a > b,
                ge => a >= b,
                and_assign => { let mut x = a; x &= b; x },
                or_assign => { let mut x = a; x |= b; x },
                xor_assign => { let mut x = a; x ^= b; x },
            }
        }
    };
}

/// Emits the groups one at a time (see [`differential_ops!`]).
#[doc(hidden)]
#[macro_export]
macro_rules! __groups {
    ($mode:tt) => {};
    ($mode:tt $kind:ident $group:ident [$($t:ident)*] $params:tt $ops:tt $($rest:tt)*) => {
        pub mod $group {
            $crate::__op_names!($ops);
            $( $crate::__group_type!($mode $kind $group $t $params $ops); )*
            $crate::__test!($mode [$($t)*]);
        }
        $crate::__groups! { $mode $($rest)* }
    };
}

/// In jit mode, the `#[test]` of a group: every type's check.
#[doc(hidden)]
#[macro_export]
macro_rules! __test {
    ([reference] $types:tt) => {};
    ([jit $($mode:tt)*] [$($t:ident)*]) => {
        #[test]
        fn jit_matches_rustc() {
            $( $t::check(); )*
        }
    };
}

/// `pub const OPS`: the names of a group's operations, in order.
#[doc(hidden)]
#[macro_export]
macro_rules! __op_names {
    ({ $($name:ident => $body:expr),* $(,)? }) => {
        /// The operations of this group, by `op` number.
        pub const OPS: &[&str] = &[$(stringify!($name)),*];
    };
}

/// One type of a group: `pub mod <type> { fn run; fn check (jit mode) }`.
#[doc(hidden)]
#[macro_export]
macro_rules! __group_type {
    ($mode:tt $kind:ident $group:ident $t:ident $params:tt $ops:tt) => {
        #[allow(non_snake_case, clippy::all)]
        pub mod $t {
            $crate::__signature! { $mode $kind $group $t $params $ops }
        }
    };
}

/// The signature of a kind of group, in the shape `__chain!` completes.
#[doc(hidden)]
#[macro_export]
macro_rules! __signature {
    ($mode:tt binary $group:ident $t:ident ($a:ident, $b:ident) $ops:tt) => {
        $crate::__chain! { $mode op binary $group $t [(op: u32, $a: $t, $b: $t) -> $t] [$a] [] [] $ops }
    };
    ($mode:tt compare $group:ident $t:ident ($a:ident, $b:ident) $ops:tt) => {
        $crate::__chain! { $mode op binary $group $t [(op: u32, $a: $t, $b: $t) -> bool] [$a == $b] [] [] $ops }
    };
    ($mode:tt unary $group:ident $t:ident ($a:ident) $ops:tt) => {
        $crate::__chain! { $mode op unary $group $t [(op: u32, $a: $t) -> $t] [$a] [] [] $ops }
    };
    ($mode:tt unary_u32 $group:ident $t:ident ($a:ident) $ops:tt) => {
        $crate::__chain! { $mode op unary $group $t [(op: u32, $a: $t) -> u32] [0] [] [] $ops }
    };
    ($mode:tt shift $group:ident $t:ident ($a:ident, $s:ident) $ops:tt) => {
        $crate::__chain! { $mode op binary $group $t [(op: u32, $a: $t, $s: u32) -> $t] [$a] [] [] $ops }
    };
    ($mode:tt shift_i8 $group:ident $t:ident ($a:ident, $s:ident) $ops:tt) => {
        $crate::__chain! { $mode op binary $group $t [(op: u32, $a: $t, $s: i8) -> $t] [$a] [] [] $ops }
    };
    ($mode:tt powi $group:ident $t:ident ($a:ident, $n:ident) $ops:tt) => {
        $crate::__chain! { $mode op binary $group $t [(op: u32, $a: $t, $n: i32) -> $t] [$a] [] [] $ops }
    };
    ($mode:tt ternary $group:ident $t:ident ($a:ident, $b:ident, $c:ident) $ops:tt) => {
        $crate::__chain! { $mode op ternary $group $t [(op: u32, $a: $t, $b: $t, $c: $t) -> $t] [$a] [] [] $ops }
    };
    ($mode:tt cast_signed $group:ident $t:ident ($a:ident) $ops:tt) => {
        $crate::__chain! { $mode op unary $group $t
            [(op: u32, $a: $t) -> (i8, i16, i32, i64, isize)] [(0, 0, 0, 0, 0)] [] [] $ops }
    };
    ($mode:tt cast_unsigned $group:ident $t:ident ($a:ident) $ops:tt) => {
        $crate::__chain! { $mode op unary $group $t
            [(op: u32, $a: $t) -> (u8, u16, u32, u64, usize)] [(0, 0, 0, 0, 0)] [] [] $ops }
    };
    ($mode:tt cast_float $group:ident $t:ident ($a:ident) $ops:tt) => {
        $crate::__chain! { $mode op unary $group $t
            [(op: u32, $a: $t) -> (f32, f64)] [(0.0, 0.0)] [] [] $ops }
    };
}

/// Builds `fn run`'s body, `if op == N { return body; }` per operation, from tokens only
/// (a macro call inside the body would reach `#[jit]` unexpanded).
#[doc(hidden)]
#[macro_export]
macro_rules! __chain {
    // All operations done: emit the function (and, for jit code, its check).
    ([reference] $opv:ident $kind:ident $group:ident $t:ident [$($sig:tt)*] [$($default:tt)*] [$($count:tt)*] [$($body:tt)*] {}) => {
        pub fn run $($sig)* {
            $($body)*
            $($default)*
        }
    };
    ([jit [$($attr:tt)*] $reference:path, $checker:path] $opv:ident $kind:ident $group:ident $t:ident [$($sig:tt)*] [$($default:tt)*] [$($count:tt)*] [$($body:tt)*] {}) => {
        $($attr)*
        pub fn run $($sig)* {
            $($body)*
            $($default)*
        }

        pub fn check() {
            use $reference as reference;
            use $checker as checker;
            checker::$kind(
                stringify!($group),
                stringify!($t),
                super::OPS,
                run,
                reference::$group::$t::run,
            );
        }
    };
    ($mode:tt $opv:ident $kind:ident $group:ident $t:ident $sig:tt $default:tt [$($count:tt)*] [$($body:tt)*]
        { $name:ident => $op:expr $(, $($rest:tt)*)? }) => {
        $crate::__chain! { $mode $opv $kind $group $t $sig $default [$($count)* 1]
            [$($body)* if $opv == 0 $(+ $count)* { return $op; }]
            { $($($rest)*)? } }
    };
}

differential_ops!(reference);
