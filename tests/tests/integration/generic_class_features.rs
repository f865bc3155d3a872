//! What classes have, on generic classes: operator trait impls (`impl<T> Add for
//! V2<T>`), `#[getter]`/`#[setter]` properties, `unsafe_cast` and a custom allocator on
//! an instantiation; each compared with rustc's build of the same impl on a plain
//! generic struct.

use crate::{assert_no_leaks, memory_test};
use jitclass::{ExternalAllocator, Payload, jit, jitclass, unsafe_cast};
use std::ffi::c_void;
use std::mem::MaybeUninit;
use std::ops::{Add, Mul, Neg};
use std::sync::atomic::{AtomicUsize, Ordering};

// ---- operators ---------------------------------------------------------------------------

#[jitclass]
pub struct V2<T> {
    pub x: T,
    pub y: T,
}

/// The class's twin: a plain struct with the same impls, for rustc's answers.
#[derive(Debug, PartialEq, Clone, Copy)]
pub struct V2Rs<T> {
    pub x: T,
    pub y: T,
}

macro_rules! v2_impls {
    ($($attr:meta)?; $ty:ident) => {
        $(#[$attr])?
        impl<T: Copy> $ty<T> {
            pub fn new(x: T, y: T) -> Self {
                $ty { x, y }
            }
        }

        $(#[$attr])?
        impl<T: Copy + Add<Output = T>> Add for $ty<T> {
            type Output = $ty<T>;
            fn add(self, other: $ty<T>) -> $ty<T> {
                $ty { x: self.x + other.x, y: self.y + other.y }
            }
        }

        $(#[$attr])?
        impl<T: Copy + Neg<Output = T>> Neg for $ty<T> {
            type Output = Self;
            fn neg(self) -> Self {
                $ty { x: -self.x, y: -self.y }
            }
        }

        $(#[$attr])?
        impl<T: Copy + Mul<Output = T>> Mul<T> for $ty<T> {
            type Output = $ty<T>;
            fn mul(self, k: T) -> $ty<T> {
                $ty { x: self.x * k, y: self.y * k }
            }
        }
    };
}

v2_impls!(jitclass; V2);
v2_impls!(; V2Rs);

#[jit]
fn combine_f64(a: V2<f64>, b: V2<f64>, k: f64) -> V2<f64> {
    -(a + b) * k
}

#[jit]
fn combine_i64(a: V2<i64>, b: V2<i64>, k: i64) -> (i64, i64) {
    let c = -(a + b) * k;
    (c.x, c.y)
}

#[test]
fn operator_impls_of_a_generic_class_work_per_instantiation() {
    let _m = memory_test();
    {
        let want = -(V2Rs::new(1.5, 2.0) + V2Rs::new(0.5, -4.0)) * 3.0;
        let got = combine_f64(V2::new(1.5, 2.0), V2::new(0.5, -4.0), 3.0);
        assert_eq!((got.x(), got.y()), (want.x, want.y));
        let want = -(V2Rs::new(7_i64, -2) + V2Rs::new(1, 1)) * 5;
        assert_eq!(
            combine_i64(V2::new(7, -2), V2::new(1, 1), 5),
            (want.x, want.y)
        );
        // From Rust, the operators are the class's trait impls.
        let sum = V2::new(1_i32, 2) + V2::new(3, 4);
        let want = V2Rs::new(1_i32, 2) + V2Rs::new(3, 4);
        assert_eq!((sum.x(), sum.y()), (want.x, want.y));
        let neg = -V2::new(1.0_f32, -2.0);
        assert_eq!((neg.x(), neg.y()), (-1.0, 2.0));
    }
    assert_no_leaks();
}

#[jit]
fn add_overflows(a: V2<i8>, b: V2<i8>) -> i8 {
    (a + b).x
}

#[test]
fn an_operator_of_an_instantiation_wraps_as_rustcs_release_build() {
    let _m = memory_test();
    {
        // Integer `+` wraps in jit code, as in a release build (the book's "`#[jit]`
        // functions"); this test build checks overflow, so the twin wraps explicitly.
        let want = 100_i8.wrapping_add(100);
        assert_eq!(add_overflows(V2::new(100, 0), V2::new(100, 0)), want);
        let twin = V2Rs::new(std::num::Wrapping(100_i8), std::num::Wrapping(0))
            + V2Rs::new(std::num::Wrapping(100), std::num::Wrapping(0));
        assert_eq!(twin.x.0, want);
    }
    assert_no_leaks();
}

// ---- properties --------------------------------------------------------------------------

#[jitclass]
pub struct Span<T> {
    lo: T,
    hi: T,
}

#[jitclass]
impl<T: Copy + Add<Output = T> + std::ops::Sub<Output = T>> Span<T> {
    pub fn new(lo: T, hi: T) -> Self {
        Span { lo, hi }
    }

    #[getter]
    pub fn width(&self) -> T {
        self.hi - self.lo
    }

    /// Keeps `lo`, moving `hi`.
    #[setter]
    pub fn set_width(&mut self, w: T) {
        self.hi = self.lo + w;
    }
}

#[jit]
fn widen(s: Span<i64>, by: i64) -> i64 {
    let mut s = s;
    s.width = s.width + by;
    s.width * 10 + s.hi
}

#[jit]
fn widen_f(s: Span<f64>) -> f64 {
    let mut s = s;
    s.width = 0.5;
    s.width + s.hi
}

#[test]
fn properties_of_a_generic_class_are_typed_per_instantiation() {
    let _m = memory_test();
    {
        let s = Span::new(2_i64, 5);
        assert_eq!(s.width(), 3);
        assert_eq!(widen(s.clone(), 4), 7 * 10 + 9);
        assert_eq!((s.lo(), s.hi()), (2, 9));
        s.set_width(1);
        assert_eq!((s.width(), s.hi()), (1, 3));
        let f = Span::new(1.0_f64, 4.0);
        assert_eq!(widen_f(f.clone()), 0.5 + 1.5);
        assert_eq!(f.width(), 0.5);
    }
    assert_no_leaks();
}

// ---- unsafe_cast ---------------------------------------------------------------------------

#[jitclass]
pub struct Acc<T> {
    total: T,
    count: i64,
}

#[jitclass]
impl<T: Copy + Add<Output = T>> Acc<T> {
    pub fn step(&mut self, x: T) {
        self.total = self.total + x;
        self.count += 1;
    }
}

#[test]
fn unsafe_cast_views_memory_as_an_instantiation() {
    let _m = memory_test();
    {
        let mut buf: MaybeUninit<Payload<Acc<f64>>> = MaybeUninit::zeroed();
        // SAFETY: zeroed memory is a valid payload of `Acc<f64>` (numbers only), aligned,
        // not otherwise accessed while `a` lives, and outliving it.
        let mut a = unsafe { unsafe_cast::<Acc<f64>>(buf.as_mut_ptr().cast()) };
        assert!(!a.is_managed());
        a.step(1.5);
        a.step(2.5);
        drop(a);
        // SAFETY: `a` is gone; the payload stays valid.
        let payload = unsafe { buf.assume_init_ref() };
        assert_eq!((payload.total, payload.count), (4.0, 2));
        // Another instantiation lays out its own payload.
        let mut small: MaybeUninit<Payload<Acc<i8>>> = MaybeUninit::zeroed();
        // SAFETY: as above.
        let mut b = unsafe { unsafe_cast::<Acc<i8>>(small.as_mut_ptr().cast()) };
        b.step(3);
        b.step(4);
        drop(b);
        // SAFETY: as above.
        let payload = unsafe { small.assume_init_ref() };
        assert_eq!((payload.total, payload.count), (7, 2));
        assert_eq!(
            jitclass::sizeof::<Acc<i8>>(),
            std::mem::size_of::<Payload<Acc<i8>>>()
        );
    }
    assert_no_leaks();
}

// ---- allocators ---------------------------------------------------------------------------

static MALLOCS: AtomicUsize = AtomicUsize::new(0);
static FREES: AtomicUsize = AtomicUsize::new(0);

static SYSTEM: ExternalAllocator = ExternalAllocator::from_global(&std::alloc::System);

/// The table behind `opaque`.
///
/// # Safety
/// `opaque` is the `opaque_data` of `COUNTED`.
unsafe fn system(opaque: *mut c_void) -> &'static ExternalAllocator {
    // SAFETY: guaranteed by the caller.
    unsafe { &*(opaque as *const ExternalAllocator) }
}

unsafe extern "C" fn counted_malloc(size: usize, opaque: *mut c_void) -> *mut c_void {
    MALLOCS.fetch_add(1, Ordering::SeqCst);
    // SAFETY: called by `COUNTED`'s table with its opaque data.
    unsafe { system(opaque) }.malloc(size)
}

unsafe extern "C" fn counted_realloc(
    p: *mut c_void,
    size: usize,
    opaque: *mut c_void,
) -> *mut c_void {
    // SAFETY: `p` is a block of the same table.
    unsafe { system(opaque).realloc(p, size) }
}

unsafe extern "C" fn counted_free(p: *mut c_void, opaque: *mut c_void) {
    FREES.fetch_add(1, Ordering::SeqCst);
    // SAFETY: `p` is a block of the same table.
    unsafe { system(opaque).free(p) }
}

// SAFETY: the functions forward to `SYSTEM`, which keeps the contract.
static COUNTED: ExternalAllocator = unsafe {
    ExternalAllocator::new(
        counted_malloc,
        counted_realloc,
        counted_free,
        &SYSTEM as *const ExternalAllocator as *mut c_void,
    )
};

#[jitclass(allocator = COUNTED)]
pub struct Link<T> {
    value: T,
    next: Option<Link<T>>,
}

#[jitclass]
impl<T> Link<T> {
    pub fn new(value: T, next: Option<Link<T>>) -> Self {
        Link { value, next }
    }
}

#[jit]
fn chain(n: i64) -> i64 {
    let mut head = Link::<i64>::new(0, None);
    for i in 1..n {
        head = Link::<i64>::new(i, Some(head));
    }
    head.value
}

#[test]
fn every_instantiation_goes_through_the_class_allocator() {
    let _m = memory_test();
    let (m0, f0) = (MALLOCS.load(Ordering::SeqCst), FREES.load(Ordering::SeqCst));
    {
        let a = Link::new(1.5_f64, None);
        let b = Link::new(String::from("b"), None);
        assert_eq!(MALLOCS.load(Ordering::SeqCst) - m0, 2);
        drop((a, b));
        assert_eq!(FREES.load(Ordering::SeqCst) - f0, 2);
        assert_eq!(chain(10), 9);
        assert_eq!(MALLOCS.load(Ordering::SeqCst) - m0, 12);
        assert_eq!(FREES.load(Ordering::SeqCst) - f0, 12);
    }
    assert_no_leaks();
}
