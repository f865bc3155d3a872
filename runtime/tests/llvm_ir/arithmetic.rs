//! Integer division, float-to-integer casts and shifts: the checks and masks before each LLVM instruction whose misuse is undefined behaviour.

use super::*;

// ---- integer division -----------------------------------------------------------------

/// `sdiv` by zero and `i32::MIN / -1` are undefined behaviour in LLVM: a zero divisor
/// panics first, then `MIN / -1` (both compared, `and`ed, checked) panics, and only then
/// `sdiv` runs.
#[jit]
fn signed_div(x: i32, y: i32) -> i32 {
    x / y
}

#[test]
fn signed_division_checks_zero_and_overflow_before_sdiv() {
    check(
        signed_div::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i32 } @jc_signed_div_0(i32 %0, i32 %1) {
        entry:
          %x = alloca i32, align 4
          store i32 0, i32* %x, align 4
          %y = alloca i32, align 4
          store i32 0, i32* %y, align 4
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i32, align 4
          br label %body

        body:                                             ; preds = %entry
          store i32 %0, i32* %x, align 4
          store i32 %1, i32* %y, align 4
          %load = load i32, i32* %x, align 4
          %load1 = load i32, i32* %y, align 4
          %divzero = icmp eq i32 %load1, 0
          br i1 %divzero, label %check.fail, label %check.ok, !prof !0

        return:                                           ; preds = %check.ok3
          %ret5 = load i32, i32* %ret, align 4
          %r = insertvalue { i1, i32 } { i1 false, i32 undef }, i32 %ret5, 1
          ret { i1, i32 } %r

        check.fail:                                       ; preds = %body
          %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site.0, i8* %args, i64 0)
          br label %panicked

        check.ok:                                         ; preds = %body
          %ismin = icmp eq i32 %load, -2147483648
          %isneg1 = icmp eq i32 %load1, -1
          %overflow = and i1 %ismin, %isneg1
          br i1 %overflow, label %check.fail2, label %check.ok3, !prof !0

        panicked:                                         ; preds = %check.fail2, %check.fail
          ret { i1, i32 } { i1 true, i32 0 }

        check.fail2:                                      ; preds = %check.ok
          %args4 = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site.1, i8* %args4, i64 0)
          br label %panicked

        check.ok3:                                        ; preds = %check.ok
          %sdiv = sdiv i32 %load, %load1
          store i32 %sdiv, i32* %ret, align 4
          br label %return
        }
    "#]],
    );
}

/// The same two checks guard `srem`: `i64::MIN % -1` overflows in LLVM as in Rust.
#[jit]
fn signed_rem(x: i64, y: i64) -> i64 {
    x % y
}

#[test]
fn signed_remainder_checks_zero_and_overflow_before_srem() {
    check(
        signed_rem::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i64 } @jc_signed_rem_0(i64 %0, i64 %1) {
        entry:
          %x = alloca i64, align 8
          store i64 0, i64* %x, align 8
          %y = alloca i64, align 8
          store i64 0, i64* %y, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i64, align 8
          br label %body

        body:                                             ; preds = %entry
          store i64 %0, i64* %x, align 8
          store i64 %1, i64* %y, align 8
          %load = load i64, i64* %x, align 8
          %load1 = load i64, i64* %y, align 8
          %divzero = icmp eq i64 %load1, 0
          br i1 %divzero, label %check.fail, label %check.ok, !prof !0

        return:                                           ; preds = %check.ok3
          %ret5 = load i64, i64* %ret, align 8
          %r = insertvalue { i1, i64 } { i1 false, i64 undef }, i64 %ret5, 1
          ret { i1, i64 } %r

        check.fail:                                       ; preds = %body
          %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site.0, i8* %args, i64 0)
          br label %panicked

        check.ok:                                         ; preds = %body
          %ismin = icmp eq i64 %load, -9223372036854775808
          %isneg1 = icmp eq i64 %load1, -1
          %overflow = and i1 %ismin, %isneg1
          br i1 %overflow, label %check.fail2, label %check.ok3, !prof !0

        panicked:                                         ; preds = %check.fail2, %check.fail
          ret { i1, i64 } { i1 true, i64 0 }

        check.fail2:                                      ; preds = %check.ok
          %args4 = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site.1, i8* %args4, i64 0)
          br label %panicked

        check.ok3:                                        ; preds = %check.ok
          %srem = srem i64 %load, %load1
          store i64 %srem, i64* %ret, align 8
          br label %return
        }
    "#]],
    );
}

/// `udiv` by zero is undefined: only the zero check, which comes first (no overflow is
/// possible unsigned).
#[jit]
fn unsigned_div(x: u32, y: u32) -> u32 {
    x / y
}

#[test]
fn unsigned_division_checks_zero_before_udiv() {
    check(
        unsigned_div::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i32 } @jc_unsigned_div_0(i32 %0, i32 %1) {
        entry:
          %x = alloca i32, align 4
          store i32 0, i32* %x, align 4
          %y = alloca i32, align 4
          store i32 0, i32* %y, align 4
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i32, align 4
          br label %body

        body:                                             ; preds = %entry
          store i32 %0, i32* %x, align 4
          store i32 %1, i32* %y, align 4
          %load = load i32, i32* %x, align 4
          %load1 = load i32, i32* %y, align 4
          %divzero = icmp eq i32 %load1, 0
          br i1 %divzero, label %check.fail, label %check.ok, !prof !0

        return:                                           ; preds = %check.ok
          %ret2 = load i32, i32* %ret, align 4
          %r = insertvalue { i1, i32 } { i1 false, i32 undef }, i32 %ret2, 1
          ret { i1, i32 } %r

        check.fail:                                       ; preds = %body
          %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site.0, i8* %args, i64 0)
          br label %panicked

        check.ok:                                         ; preds = %body
          %udiv = udiv i32 %load, %load1
          store i32 %udiv, i32* %ret, align 4
          br label %return

        panicked:                                         ; preds = %check.fail
          ret { i1, i32 } { i1 true, i32 0 }
        }
    "#]],
    );
}

// ---- float -> integer casts -----------------------------------------------------------

/// `fptosi` out of range (or of NaN) is poison: `as` saturates through
/// `llvm.fptosi.sat`, as Rust's `as` does.
#[jit]
fn float_to_signed(x: f64) -> i32 {
    x as i32
}

#[test]
fn float_to_signed_cast_saturates() {
    check(
        float_to_signed::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i32 } @jc_float_to_signed_0(double %0) {
        entry:
          %x = alloca double, align 8
          store double 0.000000e+00, double* %x, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i32, align 4
          br label %body

        body:                                             ; preds = %entry
          store double %0, double* %x, align 8
          %load = load double, double* %x, align 8
          %call = call i32 @llvm.fptosi.sat.i32.f64(double %load)
          store i32 %call, i32* %ret, align 4
          br label %return

        return:                                           ; preds = %body
          %ret1 = load i32, i32* %ret, align 4
          %r = insertvalue { i1, i32 } { i1 false, i32 undef }, i32 %ret1, 1
          ret { i1, i32 } %r
        }
    "#]],
    );
}

/// `fptoui` likewise: `llvm.fptoui.sat` (negative numbers and NaN become 0).
#[jit]
fn float_to_unsigned(x: f32) -> u8 {
    x as u8
}

#[test]
fn float_to_unsigned_cast_saturates() {
    check(
        float_to_unsigned::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i8 } @jc_float_to_unsigned_0(float %0) {
        entry:
          %x = alloca float, align 4
          store float 0.000000e+00, float* %x, align 4
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i8, align 1
          br label %body

        body:                                             ; preds = %entry
          store float %0, float* %x, align 4
          %load = load float, float* %x, align 4
          %call = call i8 @llvm.fptoui.sat.i8.f32(float %load)
          store i8 %call, i8* %ret, align 1
          br label %return

        return:                                           ; preds = %body
          %ret1 = load i8, i8* %ret, align 1
          %r = insertvalue { i1, i8 } { i1 false, i8 undef }, i8 %ret1, 1
          ret { i1, i8 } %r
        }
    "#]],
    );
}

// ---- shifts ---------------------------------------------------------------------------

/// A shift by the width or more is poison: the amount (a `u64` here) is cast to the
/// operand's width and masked with `bits - 1` before `shl`, and before `ashr` of a
/// signed operand.
#[jit]
fn shifts(x: i32, s: u64) -> i32 {
    (x << s) >> s
}

#[test]
fn shift_amounts_are_masked() {
    check(
        shifts::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i32 } @jc_shifts_0(i32 %0, i64 %1) {
        entry:
          %x = alloca i32, align 4
          store i32 0, i32* %x, align 4
          %s = alloca i64, align 8
          store i64 0, i64* %s, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i32, align 4
          br label %body

        body:                                             ; preds = %entry
          store i32 %0, i32* %x, align 4
          store i64 %1, i64* %s, align 8
          %load = load i32, i32* %x, align 4
          %load1 = load i64, i64* %s, align 8
          %amt = trunc i64 %load1 to i32
          %amt2 = and i32 %amt, 31
          %shl = shl i32 %load, %amt2
          %load3 = load i64, i64* %s, align 8
          %amt4 = trunc i64 %load3 to i32
          %amt5 = and i32 %amt4, 31
          %shr = ashr i32 %shl, %amt5
          store i32 %shr, i32* %ret, align 4
          br label %return

        return:                                           ; preds = %body
          %ret6 = load i32, i32* %ret, align 4
          %r = insertvalue { i1, i32 } { i1 false, i32 undef }, i32 %ret6, 1
          ret { i1, i32 } %r
        }
    "#]],
    );
}
