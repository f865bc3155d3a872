//! `Vec` indexing checked against the loaded length, and integer methods without poison or overflow flags.

use super::*;

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
              call void @jitclass_rt_panic(i8* @jc_panic_site.0, i8* %args, i64 2)
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
