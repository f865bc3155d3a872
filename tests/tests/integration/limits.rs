//! Programs at jitclass's documented limits (`jitclass::limits`): long and deeply nested
//! bodies, many locals and callees, and types as deep and as large as allowed, compared
//! with the same code compiled by rustc; and generic functions that instantiate
//! themselves forever (polymorphic recursion), which fail fast with a clear error.

use jitclass::limits::{MAX_INSTANTIATION_DEPTH, MAX_TYPE_DEPTH};
use jitclass::{ErrorKind, PrimTy, Type, jit};

/// `sum_3000`, `else_if_chain`, `nested_blocks`, `nested_ifs`, `nested_parens`,
/// `many_locals` (each with a `_rust` twin), `chain_0`..`chain_299`, `innermost`, and the
/// types `Nested64`/`Nested65` with `nested_64`/`nested_65` to build their values.
// Generated code is regular rather than idiomatic (`(y ^ 0) + 1`, `let v = ..; v`).
#[allow(clippy::identity_op, clippy::let_and_return, clippy::type_complexity)]
mod generated {
    use jitclass::jit;
    include!(concat!(env!("OUT_DIR"), "/limits_generated.rs"));
}
use generated::*;

#[test]
fn a_3000_term_sum() {
    for x in [0.0, 1.5, -7.25, 1e300] {
        assert_eq!(sum_3000(x), sum_3000_rust(x));
    }
}

#[test]
fn an_else_if_chain_nested_to_the_limit() {
    for x in [0, 1, 77, 4000, 8188, 8189, 1 << 20] {
        assert_eq!(else_if_chain(x), else_if_chain_rust(x), "x = {x}");
    }
}

#[test]
fn nested_blocks_ifs_and_parentheses() {
    for x in [0, 3, 150, 299, 300, 1000] {
        assert_eq!(nested_blocks(x), nested_blocks_rust(x));
        assert_eq!(nested_ifs(x), nested_ifs_rust(x));
        assert_eq!(nested_parens(x), nested_parens_rust(x));
    }
}

#[test]
fn a_thousand_locals() {
    for x in [0, 5, 999] {
        assert_eq!(many_locals(x), many_locals_rust(x));
    }
}

#[test]
fn a_chain_of_300_callees() {
    // chain_i(x) = chain_{i+1}(x ^ i) + 1, chain_299(x) = x.
    let expected = |mut x: i64| {
        for i in 0..299 {
            x ^= i;
        }
        x + 299
    };
    for x in [0, 7, 999] {
        assert_eq!(chain_0(x), expected(x));
    }
    // Every callee is compiled into the root's module, not through its own dispatcher.
    assert_eq!(chain_299::dispatcher().compile_count(), 0);
}

#[jit]
fn identity<T>(x: T) -> T {
    x
}

/// `(x, x)`, `((x, x), (x, x))`, ...: each level doubles the parts of the type.
type P0 = u8;
type P1 = (P0, P0);
type P2 = (P1, P1);
type P3 = (P2, P2);
type P4 = (P3, P3);
type P5 = (P4, P4);
type P6 = (P5, P5);
type P7 = (P6, P6);
type P8 = (P7, P7);
type P9 = (P8, P8);
type P10 = (P9, P9);

fn pair<T: Copy>(x: T) -> (T, T) {
    (x, x)
}

fn p9(x: u8) -> P9 {
    pair(pair(pair(pair(pair(pair(pair(pair(pair(x)))))))))
}

#[test]
fn types_as_deep_and_as_large_as_allowed() {
    // 64 levels deep.
    assert_eq!(innermost(nested_64(7)), 7);
    assert_eq!(identity(nested_64(9)), nested_64(9));
    assert_eq!(innermost_option(option_nested_64(7)), 7);
    assert_eq!(identity(option_nested_64(9)), option_nested_64(9));
    // 1,023 parts (512 bytes).
    assert_eq!(identity(p9(3)), p9(3));
}

#[test]
fn types_past_the_limits_are_errors_at_the_first_call() {
    let err = identity::dispatcher()
        .compile(&[jitclass::type_of::<Nested65>()])
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Limit);
    assert_eq!(
        err.message(),
        "reached the type nesting limit while instantiating `identity::<((((((((...,),),),),),),),)>`"
    );
    assert!(
        err.to_string().contains(&format!(
            "types nested at most {MAX_TYPE_DEPTH} levels deep"
        )),
        "{err}"
    );
    let panic = std::panic::catch_unwind(|| identity(nested_65(1))).unwrap_err();
    assert_eq!(panic.downcast_ref::<String>(), Some(&err.to_string()));
    crate::assert_no_leaks();

    let large = jitclass::type_of::<P10>();
    let err = identity::dispatcher().compile(&[large]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Limit);
    assert_eq!(
        err.message(),
        "reached the type-length limit while instantiating `identity::<((((((((..., ...), ...), ...), ...), ...), ...), ...), ...)>`"
    );
}

/// The example: each instance calls the next with a type twice as large.
#[jit]
fn grow<T>(x: T, n: u32) -> u32 {
    if n == 0 { 0 } else { grow((x, x), n - 1) + 1 }
}

/// Each instance calls the next with a type one level deeper.
#[jit]
fn wrap<T>(x: T, n: u32) -> u32 {
    if n == 0 { 0 } else { wrap(Some(x), n - 1) + 1 }
}

/// `file:line` of the line in this file holding `needle`.
fn line_of(needle: &str) -> String {
    let line = include_str!("limits.rs")
        .lines()
        .position(|l| l.contains(needle) && !l.contains("line_of"))
        .expect("the line is in this file");
    format!("{}:{}:", file!(), line + 1)
}

#[test]
fn polymorphic_recursion_doubling_its_type_is_an_error() {
    let err = grow::dispatcher()
        .compile(&[Type::Prim(PrimTy::U8)])
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Limit);
    assert_eq!(
        err.message(),
        "reached the type-length limit while instantiating `grow::<((((((((..., ...), ...), ...), ...), ...), ...), ...), ...)>`"
    );
    let location = err.location().expect("at the call");
    assert!(
        location.starts_with(&line_of("grow((x, x), n - 1)")),
        "{err}"
    );
    assert_eq!(err.function(), "grow");
    let text = err.to_string();
    assert!(text.contains("ever-growing types"), "{text}");
    // The first call panics with the same error.
    let panic = std::panic::catch_unwind(|| grow(1u8, 3)).unwrap_err();
    assert_eq!(panic.downcast_ref::<String>(), Some(&text));
    assert_eq!(grow::dispatcher().compile_count(), 0);
    crate::assert_no_leaks();
}

#[test]
fn polymorphic_recursion_nesting_its_type_is_an_error() {
    let err = wrap::dispatcher()
        .compile(&[Type::Prim(PrimTy::U8)])
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Limit);
    assert_eq!(
        err.message(),
        "reached the recursion limit while instantiating `wrap::<Option<Option<Option<Option<Option<Option<Option<Option<...>>>>>>>>>`"
    );
    let location = err.location().expect("at the call");
    assert!(
        location.starts_with(&line_of("wrap(Some(x), n - 1)")),
        "{err}"
    );
    assert!(
        err.to_string().contains(&format!(
            "at most {MAX_INSTANTIATION_DEPTH} levels deep within its own instances"
        )),
        "{err}"
    );
    let panic = std::panic::catch_unwind(|| wrap(1.5f64, 2)).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(message.contains("reached the recursion limit"), "{message}");
    crate::assert_no_leaks();
}

/// Each `let` doubles the type: 1,023 parts by `l9` for a `T` of one part (within the limit,
/// so the body builds: a `T` has at least one part), 2,047 for `T = (u8, u8)`, past the
/// limit at the first call (with 10 `let`s, the body is refused at build time for every
/// `T`).
#[jit]
fn doubling<T>(x: T) -> T {
    let l1 = (x, x);
    let l2 = (l1, l1);
    let l3 = (l2, l2);
    let l4 = (l3, l3);
    let l5 = (l4, l4);
    let l6 = (l5, l5);
    let l7 = (l6, l6);
    let l8 = (l7, l7);
    let l9 = (l8, l8);
    l9.0.0.0.0.0.0.0.0.0
}

#[test]
fn a_value_whose_type_passes_the_limits_is_an_error() {
    let byte = Type::Prim(PrimTy::U8);
    let err = doubling::dispatcher()
        .compile(&[Type::Tuple(vec![byte.clone(), byte])])
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Limit);
    assert_eq!(
        err.message(),
        "reached the type-length limit: this value's type, `((((((((..., ...), ...), ...), ...), ...), ...), ...), ...)`, has more than 1024 parts"
    );
    assert!(
        err.location()
            .unwrap()
            .starts_with(&line_of("let l9 = (l8, l8);")),
        "{err}"
    );
}

/// Inference, codegen and LLVM run on the calling thread: a thread with a small stack
/// compiles the deepest programs too.
#[test]
fn deep_programs_compile_on_a_small_stack() {
    let t = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            (
                else_if_chain::dispatcher().compile(&[]).map(|_| ()),
                sum_3000::dispatcher().compile(&[]).map(|_| ()),
            )
        })
        .unwrap();
    let (a, b) = t.join().unwrap();
    a.unwrap();
    b.unwrap();
}

/// `$f<T>` calls `$g` twice, with two new types: each function is instantiated once per
/// path, well within the type and instantiation limits, but `stage_1` reaches 2^11
/// instances of `stage_12`.
macro_rules! fan_out {
    ($f:ident -> $g:ident) => {
        // Called from jit code only (and compiled through its dispatcher).
        #[allow(dead_code)]
        #[jit]
        fn $f<T>(x: T) -> u32 {
            $g((x, 0u8)) + $g((x, 0u16))
        }
    };
}
fan_out!(stage_1 -> stage_2);
fan_out!(stage_2 -> stage_3);
fan_out!(stage_3 -> stage_4);
fan_out!(stage_4 -> stage_5);
fan_out!(stage_5 -> stage_6);
fan_out!(stage_6 -> stage_7);
fan_out!(stage_7 -> stage_8);
fan_out!(stage_8 -> stage_9);
fan_out!(stage_9 -> stage_10);
fan_out!(stage_10 -> stage_11);
fan_out!(stage_11 -> stage_12);

#[allow(dead_code)]
#[jit]
fn stage_12<T>(x: T) -> u32 {
    let _ = x;
    1
}

#[test]
fn a_compilation_with_too_many_instances_is_an_error() {
    let err = stage_1::dispatcher().compile(&[Type::BOOL]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Limit);
    assert!(
        err.message()
            .starts_with("reached the instance limit while instantiating `stage_"),
        "{err}"
    );
    // At the call that would instantiate one more: `$g` is the invocation's `stage_11`.
    let location = err.location().expect("at the call");
    assert!(
        location.starts_with(&line_of("fan_out!(stage_10 -> stage_11)")),
        "{err}"
    );
    assert!(
        err.to_string().contains(&format!(
            "at most {} instances",
            jitclass::limits::MAX_INSTANCES
        )),
        "{err}"
    );
}
