//! First-class functions: `extern "C" fn` pointer values in jit code (parameters,
//! locals, class fields, tuple and slice elements), jit fns named as values, `for`
//! loops over tuples and slices, and C functions declared in `#[jit] extern "C"` blocks.

use jitclass::{ErrorKind, jit, jitclass};

type F64Fn = extern "C" fn(f64) -> f64;

#[jit]
extern "C" fn foo(x: f64) -> f64 {
    x + 1.0
}

#[jit]
extern "C" fn foo2(x: f64) -> f64 {
    x + 2.0
}

extern "C" fn rust_double(x: f64) -> f64 {
    x * 2.0
}

#[jit]
fn apply(f: extern "C" fn(f64) -> f64, x: f64) -> f64 {
    f(x)
}

#[jit]
fn apply_generic<F>(f: F, x: f64) -> f64 {
    f(x)
}

#[test]
fn a_higher_order_jit_fn_is_compiled_once_per_function_type() {
    // The glue of an `extern "C"` jit fn coerces to the pointer type, as any
    // `extern "C" fn` item does; so do `cfunc_ptr()` and Rust's own C functions.
    assert_eq!(apply(foo, 1.0), 2.0);
    assert_eq!(apply(foo2, 1.0), 3.0);
    assert_eq!(apply(foo::cfunc_ptr(), 5.0), 6.0);
    assert_eq!(apply(rust_double, 1.5), 3.0);
    assert_eq!(apply::dispatcher().compile_count(), 1);

    // Generic over the function: one specialisation per function *type*.
    assert_eq!(apply_generic(foo as F64Fn, 1.0), 2.0);
    assert_eq!(apply_generic(foo2 as F64Fn, 1.0), 3.0);
    assert_eq!(apply_generic(rust_double as F64Fn, 2.0), 4.0);
    assert_eq!(apply_generic::dispatcher().compile_count(), 1);
    let sigs = apply_generic::dispatcher().signatures();
    assert_eq!(
        sigs[0].to_string(),
        "fn(extern \"C\" fn(f64) -> f64, f64) -> f64"
    );
}

#[jit]
fn bar(fs: (extern "C" fn(f64) -> f64, extern "C" fn(f64) -> f64), v: f64) -> f64 {
    let mut x = 0.0;
    for f in fs {
        x += f(v);
    }
    x
}

#[jit]
fn bar_from_jit(v: f64) -> f64 {
    bar((foo, foo2), v)
}

#[test]
fn iterating_over_a_tuple_of_functions() {
    // The notebook's `bar((foo, foo2), 3.5)`.
    assert_eq!(bar((foo, foo2), 3.5), 4.5 + 5.5);
    assert_eq!(bar((foo2, rust_double), 1.0), 3.0 + 2.0);
    assert_eq!(bar_from_jit(3.5), 10.0);
    assert_eq!(bar::dispatcher().compile_count(), 1);
}

#[jit]
fn sum_all(fs: &[extern "C" fn(f64) -> f64], v: f64) -> f64 {
    let mut x = 0.0;
    for f in fs {
        x += f(v);
    }
    x
}

#[jit]
fn sum_indexed(fs: &[extern "C" fn(f64) -> f64], v: f64) -> f64 {
    let mut x = 0.0;
    for i in 0..fs.len() {
        x += (fs[i])(v);
    }
    x
}

#[test]
fn slices_of_functions() {
    let fs: [F64Fn; 3] = [foo, foo2, rust_double];
    assert_eq!(sum_all(&fs, 1.0), 2.0 + 3.0 + 2.0);
    assert_eq!(sum_indexed(&fs, 1.0), 7.0);
    assert_eq!(sum_all(&[], 1.0), 0.0);
}

#[jit]
fn locals_and_tuples(x: f64, pick_first: bool) -> f64 {
    let f = if pick_first { foo } else { foo2 };
    let pair = (foo2, 10.0);
    let g: extern "C" fn(f64) -> f64 = pair.0;
    f(x) + g(pair.1) + (pair.0)(0.0)
}

#[jit]
extern "C" fn twice(f: extern "C" fn(f64) -> f64, x: f64) -> f64 {
    f(f(x))
}

#[jit]
fn pick(first: bool) -> extern "C" fn(f64) -> f64 {
    if first { foo } else { rust_chooser() }
}

#[jit]
fn rust_chooser() -> extern "C" fn(f64) -> f64 {
    foo2
}

#[jit]
fn same_function(a: extern "C" fn(f64) -> f64, b: extern "C" fn(f64) -> f64) -> bool {
    a == b
}

#[jit]
fn to_generic(x: f64) -> f64 {
    // As in Rust: a function item becomes a pointer for a generic parameter by a cast.
    apply_generic(foo as extern "C" fn(f64) -> f64, x)
}

#[test]
fn function_values_in_locals_tuples_results_and_comparisons() {
    assert_eq!(to_generic(1.0), 2.0);
    assert_eq!(locals_and_tuples(1.0, true), 2.0 + 12.0 + 2.0);
    assert_eq!(locals_and_tuples(1.0, false), 3.0 + 12.0 + 2.0);
    // An `extern "C"` jit fn taking a function pointer is itself C-callable.
    let t: extern "C" fn(F64Fn, f64) -> f64 = twice::cfunc_ptr();
    assert_eq!(t(foo, 0.0), 2.0);
    assert_eq!(twice(rust_double, 1.5), 6.0);
    // Function pointers returned to Rust are callable there.
    assert_eq!(pick(true)(1.0), 2.0);
    assert_eq!(pick(false)(1.0), 3.0);
    assert!(same_function(rust_double, rust_double));
    assert!(!same_function(rust_double, foo));
    // A jit fn named in jit code gets one C entry point per compiled module.
    assert!(same_function(pick(true), pick(true)));
}

extern "C" fn is_positive(x: f64) -> bool {
    x > 0.0
}

extern "C" fn small(x: i8, y: u16) -> i8 {
    x.wrapping_add(y as i8)
}

#[jit]
fn count_if(pred: extern "C" fn(f64) -> bool, xs: &[f64]) -> usize {
    let mut n = 0;
    for x in xs {
        if pred(*x) {
            n += 1;
        }
    }
    n
}

#[jit]
fn call_small(f: extern "C" fn(i8, u16) -> i8, a: i8, b: u16) -> i8 {
    f(a, b)
}

#[test]
fn bool_and_small_integers_cross_as_c_passes_them() {
    assert_eq!(count_if(is_positive, &[1.0, -2.0, 3.0, 0.0]), 2);
    assert_eq!(call_small(small, -3, 1), -2);
    assert_eq!(call_small(small, 127, 1), -128);
}

#[jitclass]
pub struct Op {
    f: extern "C" fn(f64) -> f64,
    scale: f64,
}

#[jitclass]
impl Op {
    pub fn new(f: extern "C" fn(f64) -> f64) -> Self {
        Op { f, scale: 2.0 }
    }

    pub fn run(&self, x: f64) -> f64 {
        (self.f)(x) * self.scale
    }

    pub fn swap(&mut self) {
        self.f = foo2;
    }
}

// Generic, so that jitclass checks it at the first call (rustc checks the body written
// without generics at build time: `tests/ui/fn_values/field_called_as_method.rs`).
#[jit]
fn call_field_as_method<T>(op: Op, x: T) -> f64 {
    op.f(x)
}

#[jit]
fn pipeline(ops: (Op, Op, Op), x: f64) -> f64 {
    let mut v = x;
    for op in ops {
        v = op.run(v);
    }
    v
}

#[test]
fn class_fields_hold_functions() {
    let _memory = crate::memory_test();
    {
        let mut op = Op::new(foo);
        assert_eq!(op.run(1.0), 4.0);
        assert_eq!((op.f())(1.0), 2.0);
        op.set_f(rust_double);
        assert_eq!(op.run(1.0), 4.0);
        op.swap();
        assert_eq!(op.run(1.0), 6.0);
        // A `for` loop over a tuple of instances holds its own references.
        let ops = (Op::new(foo), Op::new(rust_double), op.clone());
        assert_eq!(
            pipeline(ops.clone(), 1.0),
            ((1.0 + 1.0) * 2.0 * 2.0 * 2.0 + 2.0) * 2.0
        );
        assert_eq!(Op::strong_count(&op), Some(2));
        drop(ops);
        assert_eq!(Op::strong_count(&op), Some(1));
        assert!(format!("{op:?}").contains("f: 0x"));
        // A class function body is checked when compiled: the message says what to write.
        let err = call_field_as_method::dispatcher()
            .compile(&[jitclass::Type::F64])
            .unwrap_err();
        assert_eq!(
            err.message(),
            "no function or method named `f` found for `Op`"
        );
        assert!(err.to_string().contains("`(v.f)(..)`"), "{err}");
    }
    crate::assert_no_leaks();
}

#[jit]
unsafe extern "C" {
    safe fn cbrt(x: f64) -> f64;
    unsafe fn strlen(s: *const u8) -> usize;
    #[link_name = "hypot"]
    safe fn c_hypot(x: f64, y: f64) -> f64;
    fn jitclass_test_no_such_symbol(x: f64) -> f64;
}

#[jit]
fn use_c(x: f64) -> f64 {
    cbrt(x) + c_hypot(3.0, 4.0)
}

#[jit]
fn length(p: *const u8) -> usize {
    unsafe { strlen(p) }
}

#[jit]
fn c_function_as_value(x: f64) -> f64 {
    apply(cbrt, x)
}

#[jit]
fn calls_missing(x: f64) -> f64 {
    unsafe { jitclass_test_no_such_symbol(x) }
}

#[test]
fn calling_c_functions_of_the_process() {
    assert_eq!(use_c(27.0), 3.0 + 5.0);
    assert_eq!(length(c"hello".as_ptr().cast()), 5);
    assert_eq!(c_function_as_value(8.0), 2.0);
    // The declarations are callable from Rust as well.
    assert_eq!(cbrt(64.0), 4.0);
    // SAFETY: a NUL-terminated string.
    assert_eq!(unsafe { strlen(c"abc".as_ptr().cast()) }, 3);
    let f: extern "C" fn(f64, f64) -> f64 = c_hypot::cfunc_ptr();
    assert_eq!(f(6.0, 8.0), 10.0);
}

#[test]
fn a_missing_symbol_is_an_error_naming_it() {
    let err = calls_missing::dispatcher().compile(&[]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::MissingSymbol);
    assert!(
        err.message()
            .contains("cannot find the C function `jitclass_test_no_such_symbol`"),
        "{err}"
    );
    // Checking a declaration eagerly: its dispatcher looks the symbol up.
    let err = jitclass_test_no_such_symbol::dispatcher()
        .compile(&[])
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::MissingSymbol);
    assert_eq!(
        cbrt::dispatcher().compile(&[]).unwrap().to_string(),
        "fn(f64) -> f64"
    );
    let panic = std::panic::catch_unwind(|| calls_missing(1.0)).unwrap_err();
    let msg = panic.downcast_ref::<String>().unwrap();
    assert!(msg.contains("jitclass_test_no_such_symbol"), "{msg}");
}

/// A class with a function-pointer field, for viewing zeroed memory as one.
#[jitclass::jitclass]
pub struct FnHolder {
    f: extern "C" fn(f64) -> f64,
    maybe: Option<extern "C" fn(f64) -> f64>,
}

#[jitclass::jitclass]
impl FnHolder {
    pub fn new(f: extern "C" fn(f64) -> f64) -> FnHolder {
        FnHolder { f, maybe: None }
    }
}

#[jit]
fn held_fn(buf: *mut u8) -> extern "C" fn(f64) -> f64 {
    unsafe { jitclass::unsafe_cast::<FnHolder>(buf) }.f
}

/// Rust has no null function pointer: one that unsafe jit code reads from zeroed memory
/// is a panic where it would reach Rust, from jit code and from the field's getter alike.
#[test]
fn fixed_a_null_function_pointer_never_reaches_rust() {
    let _memory = crate::memory_test();
    let h = FnHolder::new(foo);
    assert_eq!(((h.f())(1.0), h.maybe().is_none()), (foo(1.0), true));
    h.set_maybe(Some(foo2));
    assert_eq!(h.maybe().map(|f| f(1.0)), Some(foo2(1.0)));
    drop(h);
    let mut buf = Box::new(std::mem::MaybeUninit::<jitclass::Payload<FnHolder>>::zeroed());
    let ptr: *mut u8 = buf.as_mut_ptr().cast();
    let message = |r: std::thread::Result<()>| {
        let payload = r.unwrap_err();
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
    };
    let from_jit = std::panic::catch_unwind(|| {
        held_fn(ptr);
    });
    // SAFETY: `buf` is aligned and large enough for the payload, and outlives the view.
    let view = unsafe { jitclass::unsafe_cast::<FnHolder>(ptr) };
    assert!(view.maybe().is_none());
    let from_getter = std::panic::catch_unwind(|| {
        view.f();
    });
    let expected = Some("jit code made a null function pointer".to_string());
    assert_eq!(
        (message(from_jit), message(from_getter)),
        (expected.clone(), expected)
    );
    drop(view);
    drop(buf);
    crate::assert_no_leaks();
}
