//! Fixed arrays: indexing checked against `N`, values in memory copied with memcpy.

use super::*;

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
          call void @jitclass_rt_panic(i8* @jc_panic_site.0, i8* %args, i64 2)
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
          call void @jitclass_rt_panic(i8* @jc_panic_site.0, i8* %args, i64 2)
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
          call void @jitclass_rt_panic(i8* @jc_panic_site.1, i8* %args14, i64 2)
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
          call void @jitclass_rt_panic(i8* @jc_panic_site.2, i8* %args26, i64 2)
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
