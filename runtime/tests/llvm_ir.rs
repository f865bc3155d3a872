//! Snapshots of the unoptimised LLVM IR codegen emits for small jit fns, one per rule of
//! `src/compiler/codegen/no_ub.rs` (the "no LLVM undefined behaviour" invariant of
//! `ARCHITECTURE.md`): each case says which rule it pins, and its snapshot changes if
//! the rule is broken (a missing check, a flag, a plain `fptosi`).
//!
//! The IR is the one function's body before any optimisation pass, as
//! `Dispatcher::__unoptimised_llvm_ir` prints it: symbols without the per-compilation
//! number, no attribute group (the host CPU), so the text is the same on every host.
//! After a deliberate change to codegen, `UPDATE_EXPECT=1 cargo test -p jitclass --test
//! llvm_ir` rewrites the snapshots; read the diff, rule by rule.

use expect_test::{Expect, expect};
use jitclass::{JitClass, jit, jitclass};

/// Checks the unoptimised IR of `f` (non-generic) against `expected`.
fn check(f: &'static jitclass::Dispatcher, expected: Expect) {
    let ir = f
        .__unoptimised_llvm_ir(&[])
        .unwrap_or_else(|e| panic!("{e}"));
    expected.assert_eq(&ir);
}

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
          call void @jitclass_rt_panic(i8* @jc_panic_site_0, i8* %args, i64 0)
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
          call void @jitclass_rt_panic(i8* @jc_panic_site_1, i8* %args4, i64 0)
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
          call void @jitclass_rt_panic(i8* @jc_panic_site_0, i8* %args, i64 0)
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
          call void @jitclass_rt_panic(i8* @jc_panic_site_1, i8* %args4, i64 0)
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
          call void @jitclass_rt_panic(i8* @jc_panic_site_0, i8* %args, i64 0)
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

// ---- bools in memory ------------------------------------------------------------------

/// A `bool` in memory is a byte: a slice element is loaded as an `i8` and read as
/// `!= 0` (never truncated, so no byte becomes a wrong `i1`), and stored as the `zext`
/// of an `i1`. Both accesses come after the bounds check.
#[jit]
fn toggle(flags: &mut [bool], i: usize) {
    flags[i] = !flags[i];
}

#[test]
fn bool_elements_are_bytes_read_as_not_zero() {
    check(
        toggle::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, {} } @jc_toggle_0({ i8*, i64 } %0, i64 %1) {
        entry:
          %flags = alloca { i8*, i64 }, align 8
          store { i8*, i64 } zeroinitializer, { i8*, i64 }* %flags, align 8
          %i = alloca i64, align 8
          store i64 0, i64* %i, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca {}, align 8
          br label %body

        body:                                             ; preds = %entry
          store { i8*, i64 } %0, { i8*, i64 }* %flags, align 8
          store i64 %1, i64* %i, align 8
          %load = load { i8*, i64 }, { i8*, i64 }* %flags, align 8
          %load1 = load i64, i64* %i, align 8
          %ptr = extractvalue { i8*, i64 } %load, 0
          %len = extractvalue { i8*, i64 } %load, 1
          %oob = icmp uge i64 %load1, %len
          br i1 %oob, label %check.fail, label %check.ok, !prof !0

        return:                                           ; preds = %check.ok12
          %ret21 = load {}, {}* %ret, align 1
          %r = insertvalue { i1, {} } { i1 false, {} undef }, {} %ret21, 1
          ret { i1, {} } %r

        check.fail:                                       ; preds = %body
          %arg = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 0
          %kind = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 0
          %bits = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 1
          store i8 1, i8* %kind, align 1
          store i64 %len, i64* %bits, align 8
          %arg2 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 1
          %kind3 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg2, i32 0, i32 0
          %bits4 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg2, i32 0, i32 1
          store i8 1, i8* %kind3, align 1
          store i64 %load1, i64* %bits4, align 8
          %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site_0, i8* %args, i64 2)
          br label %panicked

        check.ok:                                         ; preds = %body
          %elem = getelementptr inbounds i8, i8* %ptr, i64 %load1
          %elem5 = load i8, i8* %elem, align 1
          %m2b = icmp ne i8 %elem5, 0
          %not = xor i1 %m2b, true
          %load6 = load { i8*, i64 }, { i8*, i64 }* %flags, align 8
          %load7 = load i64, i64* %i, align 8
          %ptr8 = extractvalue { i8*, i64 } %load6, 0
          %len9 = extractvalue { i8*, i64 } %load6, 1
          %oob10 = icmp uge i64 %load7, %len9
          br i1 %oob10, label %check.fail11, label %check.ok12, !prof !0

        panicked:                                         ; preds = %check.fail11, %check.fail
          ret { i1, {} } { i1 true, {} zeroinitializer }

        check.fail11:                                     ; preds = %check.ok
          %arg13 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 0
          %kind14 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg13, i32 0, i32 0
          %bits15 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg13, i32 0, i32 1
          store i8 1, i8* %kind14, align 1
          store i64 %len9, i64* %bits15, align 8
          %arg16 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 1
          %kind17 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg16, i32 0, i32 0
          %bits18 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg16, i32 0, i32 1
          store i8 1, i8* %kind17, align 1
          store i64 %load7, i64* %bits18, align 8
          %args19 = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site_1, i8* %args19, i64 2)
          br label %panicked

        check.ok12:                                       ; preds = %check.ok
          %elem20 = getelementptr inbounds i8, i8* %ptr8, i64 %load7
          %b2m = zext i1 %not to i8
          store i8 %b2m, i8* %elem20, align 1
          store {} zeroinitializer, {}* %ret, align 1
          br label %return
        }
    "#]],
    );
}

/// A class field holding a `bool`: the payload field is an `i8`, read back as `!= 0`
/// and written as a `zext`.
#[jitclass]
pub struct Switch {
    on: bool,
}

#[jitclass]
impl Switch {
    pub fn flip(&mut self) -> bool {
        self.on = !self.on;
        self.on
    }
}

#[test]
fn bool_fields_are_bytes_read_as_not_zero() {
    let flip = Switch::class_info().dispatcher("flip").unwrap();
    check(
        flip,
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i1 } @jc_flip_0({ i8*, i8* } %0) {
        entry:
          %self = alloca { i8*, i8* }, align 8
          store { i8*, i8* } zeroinitializer, { i8*, i8* }* %self, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i1, align 1
          br label %body

        body:                                             ; preds = %entry
          store { i8*, i8* } %0, { i8*, i8* }* %self, align 8
          %borrow = load { i8*, i8* }, { i8*, i8* }* %self, align 8
          %data = extractvalue { i8*, i8* } %borrow, 1
          %payload = bitcast i8* %data to { i8 }*
          %field = getelementptr inbounds { i8 }, { i8 }* %payload, i32 0, i32 0
          %field1 = load i8, i8* %field, align 1
          %m2b = icmp ne i8 %field1, 0
          %not = xor i1 %m2b, true
          %borrow2 = load { i8*, i8* }, { i8*, i8* }* %self, align 8
          %data3 = extractvalue { i8*, i8* } %borrow2, 1
          %payload4 = bitcast i8* %data3 to { i8 }*
          %field5 = getelementptr inbounds { i8 }, { i8 }* %payload4, i32 0, i32 0
          %b2m = zext i1 %not to i8
          store i8 %b2m, i8* %field5, align 1
          %borrow6 = load { i8*, i8* }, { i8*, i8* }* %self, align 8
          %data7 = extractvalue { i8*, i8* } %borrow6, 1
          %payload8 = bitcast i8* %data7 to { i8 }*
          %field9 = getelementptr inbounds { i8 }, { i8 }* %payload8, i32 0, i32 0
          %field10 = load i8, i8* %field9, align 1
          %m2b11 = icmp ne i8 %field10, 0
          store i1 %m2b11, i1* %ret, align 1
          br label %return

        return:                                           ; preds = %body
          %ret12 = load i1, i1* %ret, align 1
          %r = insertvalue { i1, i1 } { i1 false, i1 undef }, i1 %ret12, 1
          ret { i1, i1 } %r
        }
    "#]],
    );
}

// ---- slice indexing -------------------------------------------------------------------

/// `getelementptr inbounds` past the end and the load through it are undefined: the
/// unsigned `index >= len` check (with Rust's panic, which formats both numbers) comes
/// before the GEP.
#[jit]
fn element(xs: &[f64], i: usize) -> f64 {
    xs[i]
}

#[test]
fn slice_indexing_checks_bounds_before_the_gep() {
    check(
        element::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, double } @jc_element_0({ double*, i64 } %0, i64 %1) {
        entry:
          %xs = alloca { double*, i64 }, align 8
          store { double*, i64 } zeroinitializer, { double*, i64 }* %xs, align 8
          %i = alloca i64, align 8
          store i64 0, i64* %i, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca double, align 8
          br label %body

        body:                                             ; preds = %entry
          store { double*, i64 } %0, { double*, i64 }* %xs, align 8
          store i64 %1, i64* %i, align 8
          %load = load { double*, i64 }, { double*, i64 }* %xs, align 8
          %load1 = load i64, i64* %i, align 8
          %ptr = extractvalue { double*, i64 } %load, 0
          %len = extractvalue { double*, i64 } %load, 1
          %oob = icmp uge i64 %load1, %len
          br i1 %oob, label %check.fail, label %check.ok, !prof !0

        return:                                           ; preds = %check.ok
          %ret6 = load double, double* %ret, align 8
          %r = insertvalue { i1, double } { i1 false, double undef }, double %ret6, 1
          ret { i1, double } %r

        check.fail:                                       ; preds = %body
          %arg = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 0
          %kind = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 0
          %bits = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 1
          store i8 1, i8* %kind, align 1
          store i64 %len, i64* %bits, align 8
          %arg2 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 1
          %kind3 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg2, i32 0, i32 0
          %bits4 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg2, i32 0, i32 1
          store i8 1, i8* %kind3, align 1
          store i64 %load1, i64* %bits4, align 8
          %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site_0, i8* %args, i64 2)
          br label %panicked

        check.ok:                                         ; preds = %body
          %elem = getelementptr inbounds double, double* %ptr, i64 %load1
          %elem5 = load double, double* %elem, align 8
          store double %elem5, double* %ret, align 8
          br label %return

        panicked:                                         ; preds = %check.fail
          ret { i1, double } { i1 true, double 0.000000e+00 }
        }
    "#]],
    );
}

// ---- integer methods and overflow ------------------------------------------------------

// ---- `Vec` elements -------------------------------------------------------------------

/// A `Vec`'s element is reached through the header's `len` and `buf`, loaded at the
/// access, and the index is compared with that `len` before the `getelementptr`.
#[jit]
fn vec_element(v: Vec<f64>, i: usize) -> f64 {
    v[i]
}

#[test]
fn vec_indexing_checks_bounds_against_the_loaded_len_before_the_gep() {
    check(
        vec_element::dispatcher(),
        expect![[r#"
            ; Function Attrs: nounwind
            define internal { i1, double } @jc_vec_element_0({ i8*, i8* } %0, i64 %1) {
            entry:
              %v = alloca { i8*, i8* }, align 8
              store { i8*, i8* } zeroinitializer, { i8*, i8* }* %v, align 8
              %i = alloca i64, align 8
              store i64 0, i64* %i, align 8
              %panic.args = alloca [2 x { i8, i64 }], align 8
              %ret = alloca double, align 8
              br label %body

            body:                                             ; preds = %entry
              store { i8*, i8* } %0, { i8*, i8* }* %v, align 8
              store i64 %1, i64* %i, align 8
              %load = load i64, i64* %i, align 8
              %vec.handle = load { i8*, i8* }, { i8*, i8* }* %v, align 8
              %vec.meminfo = extractvalue { i8*, i8* } %vec.handle, 0
              %vec.data = extractvalue { i8*, i8* } %vec.handle, 1
              %vec.header = bitcast i8* %vec.data to { i64, i64, double*, i64 }*
              %vec.len = getelementptr inbounds { i64, i64, double*, i64 }, { i64, i64, double*, i64 }* %vec.header, i32 0, i32 0
              %vec.cap = getelementptr inbounds { i64, i64, double*, i64 }, { i64, i64, double*, i64 }* %vec.header, i32 0, i32 1
              %vec.buf = getelementptr inbounds { i64, i64, double*, i64 }, { i64, i64, double*, i64 }* %vec.header, i32 0, i32 2
              %vec.lends = getelementptr inbounds { i64, i64, double*, i64 }, { i64, i64, double*, i64 }* %vec.header, i32 0, i32 3
              %len = load i64, i64* %vec.len, align 8
              %vec.bufptr = load double*, double** %vec.buf, align 8
              %oob = icmp uge i64 %load, %len
              br i1 %oob, label %check.fail, label %check.ok, !prof !0

            return:                                           ; preds = %check.ok
              %ret5 = load double, double* %ret, align 8
              %r = insertvalue { i1, double } { i1 false, double undef }, double %ret5, 1
              ret { i1, double } %r

            check.fail:                                       ; preds = %body
              %arg = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 0
              %kind = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 0
              %bits = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 1
              store i8 1, i8* %kind, align 1
              store i64 %len, i64* %bits, align 8
              %arg1 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 1
              %kind2 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg1, i32 0, i32 0
              %bits3 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg1, i32 0, i32 1
              store i8 1, i8* %kind2, align 1
              store i64 %load, i64* %bits3, align 8
              %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
              call void @jitclass_rt_panic(i8* @jc_panic_site_0, i8* %args, i64 2)
              br label %panicked

            check.ok:                                         ; preds = %body
              %elem = getelementptr inbounds double, double* %vec.bufptr, i64 %load
              %elem4 = load double, double* %elem, align 8
              store double %elem4, double* %ret, align 8
              br label %return

            panicked:                                         ; preds = %check.fail
              ret { i1, double } { i1 true, double 0.000000e+00 }
            }
        "#]],
    );
}

/// `llvm.abs` of `MIN` is poison when its flag is set: `abs` is a negation, a compare
/// and a select (`MIN.abs()` is `MIN`, as in release Rust), with no `llvm.abs`.
#[jit]
fn absolute(x: i32) -> i32 {
    x.abs()
}

#[test]
fn abs_is_a_select_without_poison() {
    check(
        absolute::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i32 } @jc_absolute_0(i32 %0) {
        entry:
          %x = alloca i32, align 4
          store i32 0, i32* %x, align 4
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i32, align 4
          br label %body

        body:                                             ; preds = %entry
          store i32 %0, i32* %x, align 4
          %load = load i32, i32* %x, align 4
          %neg = sub i32 0, %load
          %isneg = icmp slt i32 %load, 0
          %abs = select i1 %isneg, i32 %neg, i32 %load
          store i32 %abs, i32* %ret, align 4
          br label %return

        return:                                           ; preds = %body
          %ret1 = load i32, i32* %ret, align 4
          %r = insertvalue { i1, i32 } { i1 false, i32 undef }, i32 %ret1, 1
          ret { i1, i32 } %r
        }
    "#]],
    );
}

/// `llvm.ctlz` of 0 is poison with its flag `true`: the flag is `false`, so
/// `0.leading_zeros()` is 64.
#[jit]
fn leading(x: u64) -> u32 {
    x.leading_zeros()
}

#[test]
fn leading_zeros_keeps_zero_defined() {
    check(
        leading::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i32 } @jc_leading_0(i64 %0) {
        entry:
          %x = alloca i64, align 8
          store i64 0, i64* %x, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i32, align 4
          br label %body

        body:                                             ; preds = %entry
          store i64 %0, i64* %x, align 8
          %load = load i64, i64* %x, align 8
          %call = call i64 @llvm.ctlz.i64(i64 %load, i1 false)
          %count = trunc i64 %call to i32
          store i32 %count, i32* %ret, align 4
          br label %return

        return:                                           ; preds = %body
          %ret1 = load i32, i32* %ret, align 4
          %r = insertvalue { i1, i32 } { i1 false, i32 undef }, i32 %ret1, 1
          ret { i1, i32 } %r
        }
    "#]],
    );
}

/// Overflow with `nsw`/`nuw` is poison: `+`, `-` and `*` are plain `add`, `sub` and
/// `mul`, which wrap as release Rust does.
#[jit]
fn wrapping(a: i32, b: i32) -> i32 {
    a * b + a - b
}

#[test]
fn integer_overflow_wraps_without_flags() {
    check(
        wrapping::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i32 } @jc_wrapping_0(i32 %0, i32 %1) {
        entry:
          %a = alloca i32, align 4
          store i32 0, i32* %a, align 4
          %b = alloca i32, align 4
          store i32 0, i32* %b, align 4
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i32, align 4
          br label %body

        body:                                             ; preds = %entry
          store i32 %0, i32* %a, align 4
          store i32 %1, i32* %b, align 4
          %load = load i32, i32* %a, align 4
          %load1 = load i32, i32* %b, align 4
          %mul = mul i32 %load, %load1
          %load2 = load i32, i32* %a, align 4
          %add = add i32 %mul, %load2
          %load3 = load i32, i32* %b, align 4
          %sub = sub i32 %add, %load3
          store i32 %sub, i32* %ret, align 4
          br label %return

        return:                                           ; preds = %body
          %ret4 = load i32, i32* %ret, align 4
          %r = insertvalue { i1, i32 } { i1 false, i32 undef }, i32 %ret4, 1
          ret { i1, i32 } %r
        }
    "#]],
    );
}

// ---- fixed arrays ---------------------------------------------------------------------

/// An array element is reached through the array's own slot (no copy of the array), and
/// the index is compared with the constant `N` before the `getelementptr`; the element is
/// a byte read as not-zero when it is a `bool`. The array arrives by pointer and is copied
/// into its slot with `memcpy` (arrays live in memory only: `compiler/types.rs`).
#[jit]
fn array_element(a: [bool; 3], i: usize) -> bool {
    a[i]
}

#[test]
fn array_indexing_checks_bounds_against_n_before_the_gep() {
    check(
        array_element::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, i1 } @jc_array_element_0([3 x i8]* %0, i64 %1) {
        entry:
          %a = alloca [3 x i8], align 1
          %2 = bitcast [3 x i8]* %a to i8*
          call void @llvm.memset.p0i8.i64(i8* align 1 %2, i8 0, i64 ptrtoint ([3 x i8]* getelementptr ([3 x i8], [3 x i8]* null, i32 1) to i64), i1 false)
          %i = alloca i64, align 8
          store i64 0, i64* %i, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca i1, align 1
          br label %body

        body:                                             ; preds = %entry
          %3 = bitcast [3 x i8]* %a to i8*
          %4 = bitcast [3 x i8]* %0 to i8*
          call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 1 %3, i8* align 1 %4, i64 3, i1 false)
          store i64 %1, i64* %i, align 8
          %load = load i64, i64* %i, align 8
          %first = getelementptr inbounds [3 x i8], [3 x i8]* %a, i64 0, i64 0
          %oob = icmp uge i64 %load, 3
          br i1 %oob, label %check.fail, label %check.ok, !prof !0

        return:                                           ; preds = %check.ok
          %ret5 = load i1, i1* %ret, align 1
          %r = insertvalue { i1, i1 } { i1 false, i1 undef }, i1 %ret5, 1
          ret { i1, i1 } %r

        check.fail:                                       ; preds = %body
          %arg = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 0
          %kind = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 0
          %bits = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 1
          store i8 1, i8* %kind, align 1
          store i64 3, i64* %bits, align 8
          %arg1 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 1
          %kind2 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg1, i32 0, i32 0
          %bits3 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg1, i32 0, i32 1
          store i8 1, i8* %kind2, align 1
          store i64 %load, i64* %bits3, align 8
          %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site_0, i8* %args, i64 2)
          br label %panicked

        check.ok:                                         ; preds = %body
          %elem = getelementptr inbounds i8, i8* %first, i64 %load
          %elem4 = load i8, i8* %elem, align 1
          %m2b = icmp ne i8 %elem4, 0
          store i1 %m2b, i1* %ret, align 1
          br label %return

        panicked:                                         ; preds = %check.fail
          ret { i1, i1 } { i1 true, i1 false }
        }
    "#]],
    );
}

/// Arrays are never LLVM aggregate values: a parameter is copied into its slot, a local
/// read into a temporary and the `let` from it, with `memcpy`; a literal is written
/// element by element into its temporary; the result goes through the caller's memory,
/// the function's first parameter, which it returns.
#[jit]
fn rotated(a: [f64; 3]) -> [f64; 3] {
    let b = a;
    [b[1], b[2], b[0]]
}

#[test]
fn arrays_live_in_memory_and_are_copied_with_memcpy() {
    check(
        rotated::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, [3 x double]* } @jc_rotated_0([3 x double]* %0, [3 x double]* %1) {
        entry:
          %a = alloca [3 x double], align 8
          %2 = bitcast [3 x double]* %a to i8*
          call void @llvm.memset.p0i8.i64(i8* align 1 %2, i8 0, i64 ptrtoint ([3 x double]* getelementptr ([3 x double], [3 x double]* null, i32 1) to i64), i1 false)
          %b = alloca [3 x double], align 8
          %3 = bitcast [3 x double]* %b to i8*
          call void @llvm.memset.p0i8.i64(i8* align 1 %3, i8 0, i64 ptrtoint ([3 x double]* getelementptr ([3 x double], [3 x double]* null, i32 1) to i64), i1 false)
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %load = alloca [3 x double], align 8
          %4 = bitcast [3 x double]* %load to i8*
          call void @llvm.memset.p0i8.i64(i8* align 1 %4, i8 0, i64 ptrtoint ([3 x double]* getelementptr ([3 x double], [3 x double]* null, i32 1) to i64), i1 false)
          %array = alloca [3 x double], align 8
          %5 = bitcast [3 x double]* %array to i8*
          call void @llvm.memset.p0i8.i64(i8* align 1 %5, i8 0, i64 ptrtoint ([3 x double]* getelementptr ([3 x double], [3 x double]* null, i32 1) to i64), i1 false)
          br label %body

        body:                                             ; preds = %entry
          %6 = bitcast [3 x double]* %a to i8*
          %7 = bitcast [3 x double]* %1 to i8*
          call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %6, i8* align 8 %7, i64 24, i1 false)
          %8 = bitcast [3 x double]* %load to i8*
          %9 = bitcast [3 x double]* %a to i8*
          call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %8, i8* align 8 %9, i64 24, i1 false)
          %10 = bitcast [3 x double]* %b to i8*
          %11 = bitcast [3 x double]* %load to i8*
          call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %10, i8* align 8 %11, i64 24, i1 false)
          %first = getelementptr inbounds [3 x double], [3 x double]* %b, i64 0, i64 0
          br i1 false, label %check.fail, label %check.ok, !prof !0

        return:                                           ; preds = %check.ok19
          %r = insertvalue { i1, [3 x double]* } { i1 false, [3 x double]* undef }, [3 x double]* %0, 1
          ret { i1, [3 x double]* } %r

        check.fail:                                       ; preds = %body
          %arg = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 0
          %kind = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 0
          %bits = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg, i32 0, i32 1
          store i8 1, i8* %kind, align 1
          store i64 3, i64* %bits, align 8
          %arg1 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 1
          %kind2 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg1, i32 0, i32 0
          %bits3 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg1, i32 0, i32 1
          store i8 1, i8* %kind2, align 1
          store i64 1, i64* %bits3, align 8
          %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site_0, i8* %args, i64 2)
          br label %panicked

        check.ok:                                         ; preds = %body
          %elem = getelementptr inbounds double, double* %first, i64 1
          %elem4 = load double, double* %elem, align 8
          %first5 = getelementptr inbounds [3 x double], [3 x double]* %b, i64 0, i64 0
          br i1 false, label %check.fail6, label %check.ok7, !prof !0

        panicked:                                         ; preds = %check.fail18, %check.fail6, %check.fail
          ret { i1, [3 x double]* } { i1 true, [3 x double]* null }

        check.fail6:                                      ; preds = %check.ok
          %arg8 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 0
          %kind9 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg8, i32 0, i32 0
          %bits10 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg8, i32 0, i32 1
          store i8 1, i8* %kind9, align 1
          store i64 3, i64* %bits10, align 8
          %arg11 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 1
          %kind12 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg11, i32 0, i32 0
          %bits13 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg11, i32 0, i32 1
          store i8 1, i8* %kind12, align 1
          store i64 2, i64* %bits13, align 8
          %args14 = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site_1, i8* %args14, i64 2)
          br label %panicked

        check.ok7:                                        ; preds = %check.ok
          %elem15 = getelementptr inbounds double, double* %first5, i64 2
          %elem16 = load double, double* %elem15, align 8
          %first17 = getelementptr inbounds [3 x double], [3 x double]* %b, i64 0, i64 0
          br i1 false, label %check.fail18, label %check.ok19, !prof !0

        check.fail18:                                     ; preds = %check.ok7
          %arg20 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 0
          %kind21 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg20, i32 0, i32 0
          %bits22 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg20, i32 0, i32 1
          store i8 1, i8* %kind21, align 1
          store i64 3, i64* %bits22, align 8
          %arg23 = getelementptr inbounds [2 x { i8, i64 }], [2 x { i8, i64 }]* %panic.args, i32 0, i32 1
          %kind24 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg23, i32 0, i32 0
          %bits25 = getelementptr inbounds { i8, i64 }, { i8, i64 }* %arg23, i32 0, i32 1
          store i8 1, i8* %kind24, align 1
          store i64 0, i64* %bits25, align 8
          %args26 = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site_2, i8* %args26, i64 2)
          br label %panicked

        check.ok19:                                       ; preds = %check.ok7
          %elem27 = getelementptr inbounds double, double* %first17, i64 0
          %elem28 = load double, double* %elem27, align 8
          %first29 = getelementptr inbounds [3 x double], [3 x double]* %array, i64 0, i64 0
          %elem30 = getelementptr inbounds double, double* %first29, i64 0
          store double %elem4, double* %elem30, align 8
          %elem31 = getelementptr inbounds double, double* %first29, i64 1
          store double %elem16, double* %elem31, align 8
          %elem32 = getelementptr inbounds double, double* %first29, i64 2
          store double %elem28, double* %elem32, align 8
          %12 = bitcast [3 x double]* %0 to i8*
          %13 = bitcast [3 x double]* %array to i8*
          call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %12, i8* align 8 %13, i64 24, i1 false)
          br label %return
        }
    "#]],
    );
}
