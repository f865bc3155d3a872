//! Bools in memory read as not-zero, and slice indexing checked before the GEP.

use super::*;

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
          call void @jitclass_rt_panic(i8* @jc_panic_site.0, i8* %args, i64 2)
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
          call void @jitclass_rt_panic(i8* @jc_panic_site.1, i8* %args19, i64 2)
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
          call void @jitclass_rt_panic(i8* @jc_panic_site.0, i8* %args, i64 2)
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
