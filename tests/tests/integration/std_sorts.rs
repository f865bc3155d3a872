//! The sorts jit code hands to std's own algorithm (comparators fully determined by the
//! elements: `sort()`, `a.cmp(b)`, `a.total_cmp(b)`, reversed, unstable, selections):
//! each form compiled by jitclass and by rustc from the same tokens, the whole resulting
//! `Vec` compared bit for bit, selections included (std's algorithm leaves rustc's order
//! of the other elements); comparators not recognised still sort through the prelude; the
//! IR calls the helper.

// The forms return tuples of `Vec`s (jit code has no type aliases to name them).
#![allow(clippy::type_complexity)]

use crate::fixtures::{Rng, signed_ints};
use crate::{assert_no_leaks, memory_test};
use jitclass::jit;
use std::process::Command;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn $params:tt $(-> $r:ty)? $body:block) => {
        #[jit]
        fn $jit $params $(-> $r)? $body
        #[allow(clippy::all, unused_mut, unused_braces)]
        fn $rust $params $(-> $r)? $body
    };
}

// Every recognised spelling of the float comparators, stable, unstable and selecting.
twice!(f64_forms, f64_forms_rs, fn(v: Vec<f64>, k: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut a = v.clone();
    a.sort_by(|a, b| a.total_cmp(b));
    let mut b = v.clone();
    b.sort_by(|x: &f64, y: &f64| { y.total_cmp(x) });
    let mut c = v.clone();
    c.sort_unstable_by(|a, b| (*a).total_cmp(&*b));
    let mut d = v.clone();
    d.sort_unstable_by(|a, b| b.total_cmp(&a));
    let mut e = v.clone();
    let mut f = v.clone();
    if k < v.len() {
        e.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
        f.select_nth_unstable_by(k, |a, b| b.total_cmp(a));
    }
    (a, b, c, d, e, f)
});

twice!(f32_forms, f32_forms_rs, fn(v: Vec<f32>, k: usize) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let mut a = v.clone();
    a.sort_by(|a, b| a.total_cmp(b));
    let mut b = v.clone();
    b.sort_unstable_by(|a, b| b.total_cmp(a));
    let mut c = v.clone();
    if k < v.len() {
        c.select_nth_unstable_by(k, |a: &f32, b: &f32| a.total_cmp(b));
    }
    (a, b, c)
});

twice!(slice_forms, slice_forms_rs, fn(s: &mut [f64], t: &mut [i32], k: usize) {
    s.sort_unstable_by(|a, b| b.total_cmp(a));
    if k < t.len() {
        t.select_nth_unstable(k);
    }
});

/// The integer forms on one element type.
macro_rules! int_forms {
    ($jit:ident, $rust:ident, $t:ty) => {
        twice!($jit, $rust, fn(v: Vec<$t>, k: usize) -> (Vec<$t>, Vec<$t>, Vec<$t>, Vec<$t>, Vec<$t>, Vec<$t>, Vec<$t>) {
            let mut a = v.clone();
            a.sort();
            let mut b = v.clone();
            b.sort_unstable();
            let mut c = v.clone();
            c.sort_by(|a, b| b.cmp(a));
            let mut d = v.clone();
            d.sort_unstable_by(|a, b| a.cmp(&b));
            let mut e = v.clone();
            let mut f = v.clone();
            let mut g = v.clone();
            if k < v.len() {
                e.select_nth_unstable(k);
                f.select_nth_unstable_by(k, |a, b| b.cmp(a));
                g.select_nth_unstable_by(k, |a, b| a.cmp(b));
            }
            (a, b, c, d, e, f, g)
        });
    };
}

int_forms!(i8_forms, i8_forms_rs, i8);
int_forms!(i16_forms, i16_forms_rs, i16);
int_forms!(i32_forms, i32_forms_rs, i32);
int_forms!(i64_forms, i64_forms_rs, i64);
int_forms!(isize_forms, isize_forms_rs, isize);
int_forms!(u8_forms, u8_forms_rs, u8);
int_forms!(u16_forms, u16_forms_rs, u16);
int_forms!(u32_forms, u32_forms_rs, u32);
int_forms!(u64_forms, u64_forms_rs, u64);
int_forms!(usize_forms, usize_forms_rs, usize);
int_forms!(bool_forms, bool_forms_rs, bool);

// Not recognised (a comparator that can panic, or one std's algorithm would not run the
// same way): the prelude sorts, with Rust's result.
twice!(prelude_forms, prelude_forms_rs, fn(v: Vec<f64>) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut a = v.clone();
    a.sort_by(|a, b| b.partial_cmp(a).unwrap());
    let mut b = v.clone();
    b.sort_by(|a, b| a.total_cmp(b).reverse());
    let mut c = v.clone();
    c.sort_by(|a, b| {
        let o = a.total_cmp(b);
        o
    });
    (a, b, c)
});

/// Floats with duplicates, NaNs of both signs, `-0.0`, `0.0` and infinities.
fn floats(n: usize, seed: u64) -> Vec<f64> {
    let mut r = Rng(seed | 1);
    (0..n)
        .map(|_| match r.next() % 16 {
            0 => f64::NAN,
            1 => -f64::NAN,
            2 => -0.0,
            3 => 0.0,
            4 => f64::INFINITY,
            5 => f64::NEG_INFINITY,
            6 => (r.next() % 8) as f64,
            _ => (r.next() as i64 as f64) / 1e12,
        })
        .collect()
}

const LENGTHS: [usize; 8] = [0, 1, 2, 3, 20, 21, 1000, 100_000];

/// The indices a selection is tried at (one past the end: no selection).
fn ks(n: usize) -> Vec<usize> {
    vec![0, n / 3, n / 2, n.saturating_sub(1), n]
}

/// The bits of each float of each `Vec` of a tuple of them, for exact comparison.
macro_rules! bits {
    ($t:expr; $($i:tt),*) => {{
        let t = $t;
        vec![$(t.$i.iter().map(|x| x.to_bits() as u64).collect::<Vec<u64>>()),*]
    }};
}

#[test]
fn float_forms_give_rustcs_vec_exactly() {
    let _m = memory_test();
    for (i, n) in LENGTHS.into_iter().enumerate() {
        let v = floats(n, i as u64 * 31 + 5);
        let v32: Vec<f32> = v.iter().map(|&x| x as f32).collect();
        for k in ks(n) {
            let what = format!("n = {n}, k = {k}");
            assert_eq!(
                bits!(f64_forms(v.clone(), k); 0, 1, 2, 3, 4, 5),
                bits!(f64_forms_rs(v.clone(), k); 0, 1, 2, 3, 4, 5),
                "{what}"
            );
            assert_eq!(
                bits!(f32_forms(v32.clone(), k); 0, 1, 2),
                bits!(f32_forms_rs(v32.clone(), k); 0, 1, 2),
                "{what}"
            );
            let t: Vec<i32> = signed_ints(n, i as u64 + 9, 40)
                .iter()
                .map(|&x| x as i32)
                .collect();
            let (mut s1, mut t1) = (v.clone(), t.clone());
            let (mut s2, mut t2) = (v.clone(), t.clone());
            slice_forms(&mut s1, &mut t1, k);
            slice_forms_rs(&mut s2, &mut t2, k);
            assert_eq!(bits!((s1,); 0), bits!((s2,); 0), "{what}");
            assert_eq!(t1, t2, "{what}");
        }
    }
    assert_no_leaks();
}

#[test]
fn integer_and_bool_forms_give_rustcs_vec_exactly() {
    let _m = memory_test();
    for (i, n) in LENGTHS.into_iter().enumerate() {
        for modulo in [3, 200, u64::MAX / 2] {
            let v = signed_ints(n, i as u64 * 13 + modulo, modulo);
            for k in ks(n) {
                let what = format!("n = {n}, k = {k}, modulo = {modulo}");
                macro_rules! check {
                    ($jit:ident, $rust:ident, $t:ty) => {{
                        let w: Vec<$t> = v.iter().map(|&x| x as $t).collect();
                        assert_eq!($jit(w.clone(), k), $rust(w, k), "{} {what}", stringify!($t));
                    }};
                }
                check!(i8_forms, i8_forms_rs, i8);
                check!(i16_forms, i16_forms_rs, i16);
                check!(i32_forms, i32_forms_rs, i32);
                check!(i64_forms, i64_forms_rs, i64);
                check!(isize_forms, isize_forms_rs, isize);
                check!(u8_forms, u8_forms_rs, u8);
                check!(u16_forms, u16_forms_rs, u16);
                check!(u32_forms, u32_forms_rs, u32);
                check!(u64_forms, u64_forms_rs, u64);
                check!(usize_forms, usize_forms_rs, usize);
                let b: Vec<bool> = v.iter().map(|&x| x % 2 == 0).collect();
                assert_eq!(bool_forms(b.clone(), k), bool_forms_rs(b, k), "bool {what}");
            }
        }
    }
    assert_no_leaks();
}

#[test]
fn comparators_not_recognised_still_sort_through_the_prelude() {
    let _m = memory_test();
    for (i, n) in LENGTHS.into_iter().enumerate() {
        // No NaN: `partial_cmp(..).unwrap()` would panic (tested in `sorting`).
        let v: Vec<f64> = floats(n, i as u64 + 77)
            .into_iter()
            .map(|x| if x.is_nan() { 1.0 } else { x })
            .collect();
        assert_eq!(
            bits!(prelude_forms(v.clone()); 0, 1, 2),
            bits!(prelude_forms_rs(v); 0, 1, 2),
            "n = {n}"
        );
    }
    assert_no_leaks();
}

#[jit]
fn ir_std_sort(mut v: Vec<f64>, mut w: Vec<u16>) -> f64 {
    v.sort_unstable_by(|a, b| b.total_cmp(a));
    w.select_nth_unstable(0);
    v[0] + w[0] as f64
}

#[jit]
fn ir_prelude_sort(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| b.partial_cmp(a).unwrap());
    v[0]
}

/// Runs in a child process (see below) with `JITCLASS_DUMP_IR=1` in its environment.
#[test]
fn std_sort_ir_child() {
    if std::env::var_os("JITCLASS_STD_SORT_IR_CHILD").is_none() {
        return;
    }
    assert_eq!(ir_std_sort(vec![1.0, 3.0, 2.0], vec![5, 4]), 7.0);
    assert_eq!(ir_prelude_sort(vec![1.0, 3.0, 2.0]), 3.0);
}

#[test]
fn the_ir_calls_stds_sort_for_recognised_comparators_only() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["std_sorts::std_sort_ir_child", "--exact", "--nocapture"])
        .env("JITCLASS_DUMP_IR", "1")
        .env("JITCLASS_STD_SORT_IR_CHILD", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let of = |name: &str| {
        let start = stderr
            .find(&format!("; jitclass: LLVM IR of `{name}`"))
            .unwrap_or_else(|| panic!("no IR of `{name}`:\n{stderr}"));
        let rest = &stderr[start + 1..];
        rest[..rest.find("; jitclass: LLVM IR of").unwrap_or(rest.len())].to_string()
    };
    let std_ir = of("ir_std_sort");
    assert!(
        std_ir.contains("call void @jitclass_rt_sort_unstable_desc_f64(i8* "),
        "{std_ir}"
    );
    assert!(
        std_ir.contains("call void @jitclass_rt_select_u16(i8* "),
        "{std_ir}"
    );
    let prelude_ir = of("ir_prelude_sort");
    assert!(!prelude_ir.contains("@jitclass_rt_sort"), "{prelude_ir}");
}
