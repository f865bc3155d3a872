//! `==`, `!=` and `contains` on `Vec`s of every element type Rust compares (numbers,
//! `bool`, tuples, `Option`s, `Vec`s, handles, nested), each function compiled by jitclass
//! and by rustc from the same tokens; and the refusal of `Vec`s of instances.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{PassThru, jit, jitclass};

macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(tuples, tuples_rs, fn(a: Vec<(i64, f64)>, b: Vec<(i64, f64)>, x: (i64, f64)) -> (bool, bool, bool) {
    (a == b, a != b, a.contains(&x))
});

twice!(options, options_rs, fn(a: Vec<Option<f32>>, b: Vec<Option<f32>>, x: Option<f32>) -> (bool, bool, bool) {
    (a == b, a != b, a.contains(&x))
});

twice!(rows, rows_rs, fn(a: Vec<Vec<f64>>, b: Vec<Vec<f64>>, x: Vec<f64>) -> (bool, bool, bool) {
    (a == b, a != b, a.contains(&x))
});

twice!(nested, nested_rs, fn(a: Vec<(u8, Option<Vec<bool>>)>, b: Vec<(u8, Option<Vec<bool>>)>) -> (bool, bool, bool) {
    let probe = (3, Some(vec![true]));
    (a == b, a != b, a.contains(&probe))
});

twice!(literals, literals_rs, fn(n: i32) -> (bool, bool, bool, bool) {
    let v = vec![Some((n, true)), None];
    let w = vec![vec![Some(n)], vec![None, Some(n + 1)]];
    (
        v.contains(&Some((n, true))),
        v.contains(&None),
        w.contains(&vec![None, Some(n + 1)]),
        w == vec![vec![Some(n)], vec![None, Some(n + 2)]],
    )
});

#[test]
fn vecs_compare_every_element_type_as_rustc_builds_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    let pairs = vec![(1, 0.5), (2, -0.0), (3, f64::NAN)];
    let cases = [
        (pairs.clone(), pairs.clone(), (2, 0.0)),
        (pairs[..2].to_vec(), pairs[..2].to_vec(), (3, f64::NAN)),
        (pairs[..2].to_vec(), vec![(1, 0.5), (2, 0.0)], (1, 0.5)),
        (pairs[..2].to_vec(), pairs[..1].to_vec(), (9, 9.0)),
        (Vec::new(), Vec::new(), (0, 0.0)),
    ];
    for (a, b, x) in cases {
        assert_eq!(tuples(a.clone(), b.clone(), x), tuples_rs(a, b, x));
    }
    let opts = vec![Some(1.0), None, Some(f32::NAN)];
    let cases = [
        (opts.clone(), opts.clone(), None),
        (opts[..2].to_vec(), opts[..2].to_vec(), Some(f32::NAN)),
        (vec![None, Some(2.0)], vec![Some(2.0), None], Some(2.0)),
        (vec![None], vec![None], Some(0.0)),
        (vec![Some(-0.0)], vec![Some(0.0)], Some(0.0)),
    ];
    for (a, b, x) in cases {
        assert_eq!(options(a.clone(), b.clone(), x), options_rs(a, b, x));
    }
    let cases = [
        (vec![vec![1.0], vec![]], vec![vec![1.0], vec![]], vec![]),
        (vec![vec![1.0, 2.0]], vec![vec![1.0]], vec![1.0, 2.0]),
        (vec![vec![f64::NAN]], vec![vec![f64::NAN]], vec![f64::NAN]),
        (vec![], vec![vec![]], vec![]),
    ];
    for (a, b, x) in cases {
        assert_eq!(rows(a.clone(), b.clone(), x.clone()), rows_rs(a, b, x));
    }
    let a = vec![(3, Some(vec![true])), (4, None)];
    let cases = [
        (a.clone(), a.clone()),
        (a.clone(), vec![(3, Some(vec![true])), (4, Some(vec![]))]),
        (a[1..].to_vec(), vec![(4, None)]),
        (vec![(3, Some(vec![false]))], vec![(3, Some(vec![true]))]),
    ];
    for (a, b) in cases {
        assert_eq!(nested(a.clone(), b.clone()), nested_rs(a, b));
    }
    for n in [0, 5] {
        assert_eq!(literals(n), literals_rs(n));
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jit]
fn same_handles(a: Vec<Option<PassThru<String>>>, b: Vec<Option<PassThru<String>>>) -> bool {
    a == b
}

#[test]
fn handles_in_vecs_compare_by_identity_as_their_partial_eq_does() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let x = PassThru::new("x".to_string());
        let y = PassThru::new("x".to_string());
        let a = vec![Some(x.clone()), None];
        assert_eq!(same_handles(a.clone(), a.clone()), a == a.clone());
        let b = vec![Some(y.clone()), None];
        assert_eq!(same_handles(a.clone(), b.clone()), a == b);
        assert!(!same_handles(a, b));
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jitclass]
pub struct Plain {
    pub x: f64,
}

#[jitclass]
pub struct Equatable {
    pub x: f64,
}

#[jitclass]
impl PartialEq for Equatable {
    fn eq(&self, other: &Equatable) -> bool {
        self.x == other.x
    }
}

#[jit]
fn same_generic<T>(v: Vec<(i32, T)>, w: Vec<(i32, T)>) -> bool {
    v == w
}

#[jit]
fn has_generic<T>(v: Vec<Vec<T>>, x: Vec<T>) -> bool {
    v.contains(&x)
}

/// rustc accepts this one (`Equatable: PartialEq`); jitclass does not call a class's
/// `eq` from a `Vec`'s yet, and says so at the first call.
#[jit]
fn same_equatable(v: Vec<Equatable>, w: Vec<Equatable>) -> bool {
    v == w
}

pub(crate) fn first_call_error(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let err = std::panic::catch_unwind(f).unwrap_err();
    err.downcast_ref::<String>().cloned().unwrap_or_default()
}

#[test]
fn vecs_of_instances_are_not_compared() {
    let _m = memory_test();
    let before = jitclass::stats();
    let message = first_call_error(|| {
        same_generic(vec![(1, Plain::new_for_tests(1.0))], Vec::new());
    });
    assert!(
        message.contains("binary operation `==` cannot be applied to type `Vec<(i32, Plain)>`")
            && message.contains("an implementation of `PartialEq` might be missing for `Plain`"),
        "{message}"
    );
    let message = first_call_error(|| {
        has_generic::<Plain>(Vec::new(), Vec::new());
    });
    assert!(
        message.contains("can't compare `Plain` with `Plain`")
            && message.contains("required for `Vec<Plain>` to implement `PartialEq`"),
        "{message}"
    );
    let message = first_call_error(|| {
        same_equatable(Vec::new(), Vec::new());
    });
    assert!(
        message.contains("comparing `Vec<Equatable>` with `==` is not supported in jit code yet"),
        "{message}"
    );
    // Rust compares them by the impl, which jit code calls on instances themselves.
    assert!(vec![Equatable::new_for_tests(1.0)] == vec![Equatable::new_for_tests(1.0)]);
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jitclass]
impl Plain {
    pub fn new_for_tests(x: f64) -> Plain {
        Plain { x }
    }
}

#[jitclass]
impl Equatable {
    pub fn new_for_tests(x: f64) -> Equatable {
        Equatable { x }
    }
}
