//! Adversarial review (issue 12, item 2): polymorphic recursion in forms the limits tests
//! do not write (mutual, through a helper, growing by one part), many generic parameters.

use jitclass::{ErrorKind, Type, jit};

/// `ping<T>` calls `pong<(T, T)>`, which calls `ping<Option<T>>`.
#[jit]
fn ping<T>(x: T, n: u32) -> u32 {
    if n == 0 { 0 } else { pong((x, x), n - 1) + 1 }
}

#[jit]
fn pong<T>(x: T, n: u32) -> u32 {
    if n == 0 { 0 } else { ping(Some(x), n - 1) + 1 }
}

/// Through a non-recursive helper: `outer<T>` calls `helper<T>`, which calls `outer<(T,)>`.
#[jit]
fn outer<T>(x: T, n: u32) -> u32 {
    if n == 0 { 0 } else { helper(x, n) }
}

#[jit]
fn helper<T>(x: T, n: u32) -> u32 {
    outer((x,), n - 1) + 1
}

/// Grows by one part per level, in width: `(T, u8)`, `((T, u8), u8)`, ...
#[jit]
fn widen<T>(x: T, n: u32) -> u32 {
    if n == 0 {
        0
    } else {
        widen((x, 0u8), n - 1) + 1
    }
}

#[allow(clippy::too_many_arguments)]
#[jit]
fn many_generics<A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P>(
    a: A,
    b: B,
    c: C,
    d: D,
    e: E,
    f: F,
    g: G,
    h: H,
    i: I,
    j: J,
    k: K,
    l: L,
    m: M,
    n: N,
    o: O,
    p: P,
) -> u32 {
    let _ = (a, b, c, d, e, f, g, h);
    let _ = (i, j, k, l, m, n, o, p);
    16
}

#[test]
fn review_mutual_and_indirect_polymorphic_recursion_are_limit_errors() {
    for (name, err) in [
        (
            "ping",
            ping::dispatcher().compile(&[Type::BOOL]).map(|_| ()),
        ),
        ("pong", pong::dispatcher().compile(&[Type::F64]).map(|_| ())),
        (
            "outer",
            outer::dispatcher().compile(&[Type::BOOL]).map(|_| ()),
        ),
        (
            "widen",
            widen::dispatcher().compile(&[Type::BOOL]).map(|_| ()),
        ),
    ] {
        let err = err.expect_err(name);
        assert_eq!(err.kind(), &ErrorKind::Limit, "{name}: {err}");
        assert!(err.location().is_some(), "{name}: {err}");
        assert!(!err.to_string().contains("__jitclass"), "{err}");
    }
    let m = std::panic::catch_unwind(|| ping(1u8, 3)).unwrap_err();
    assert!(m.downcast_ref::<String>().unwrap().contains("reached the"));
}

#[test]
fn review_sixteen_generic_parameters() {
    assert_eq!(
        many_generics(
            1u8,
            2u16,
            3u32,
            4u64,
            5i8,
            6i16,
            7i32,
            8i64,
            1.0f32,
            2.0f64,
            true,
            (),
            (1u8,),
            Some(1u8),
            0usize,
            0isize
        ),
        16
    );
}
