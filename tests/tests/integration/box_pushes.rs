//! `v.push(Box::new(C { .. }))` in a loop: the literal's block comes from its class's
//! allocator (its payload zeroed by jit code, not by the allocator), the `Vec` is borrowed
//! for the push without a count, and an allocation failing midway panics with nothing
//! leaked; compared with rustc's build of the same program.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{ExternalAllocator, jit, jitclass};
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Allocations `FLAKY` still grants; null after that.
static BUDGET: AtomicUsize = AtomicUsize::new(usize::MAX);

static SYSTEM: ExternalAllocator = ExternalAllocator::from_global(&std::alloc::System);

unsafe extern "C" fn flaky_malloc(size: usize, _: *mut c_void) -> *mut c_void {
    if BUDGET
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |b| b.checked_sub(1))
        .is_err()
    {
        return std::ptr::null_mut();
    }
    let p = SYSTEM.malloc(size);
    if !p.is_null() {
        // Dirty memory, as a reused block would be: jit code zeroes what it needs.
        // SAFETY: `p` is a fresh block of `size` bytes.
        unsafe { std::ptr::write_bytes(p.cast::<u8>(), 0xA5, size) };
    }
    p
}

unsafe extern "C" fn flaky_realloc(p: *mut c_void, size: usize, _: *mut c_void) -> *mut c_void {
    // SAFETY: `p` is a block of `SYSTEM`, through which `FLAKY` allocates.
    unsafe { SYSTEM.realloc(p, size) }
}

unsafe extern "C" fn flaky_free(p: *mut c_void, _: *mut c_void) {
    // SAFETY: as above.
    unsafe { SYSTEM.free(p) }
}

// SAFETY: the functions forward to `SYSTEM`, which keeps the contract, or return null.
static FLAKY: ExternalAllocator = unsafe {
    ExternalAllocator::new(
        flaky_malloc,
        flaky_realloc,
        flaky_free,
        std::ptr::null_mut(),
    )
};

#[jit]
pub trait Weigh {
    fn weight(&self) -> f64;
}

#[jitclass(allocator = FLAKY)]
pub struct Parcel {
    w: f64,
    n: i64,
    label: Option<Parcel>,
}

#[jitclass]
impl Weigh for Parcel {
    fn weight(&self) -> f64 {
        self.w * self.n as f64 + if self.label.is_some() { 1.0 } else { 0.0 }
    }
}

#[jit]
fn load(n: i64) -> f64 {
    let mut v: Vec<Box<dyn Weigh>> = Vec::new();
    for i in 0..n {
        v.push(Box::new(Parcel {
            w: i as f64 * 0.5,
            n: i % 7,
            label: None,
        }));
    }
    let mut t = 0.0;
    for p in &v {
        t += p.weight();
    }
    t + v.len() as f64
}

mod native {
    pub trait Weigh {
        fn weight(&self) -> f64;
    }

    pub struct Parcel {
        pub w: f64,
        pub n: i64,
        pub label: Option<Box<Parcel>>,
    }

    impl Weigh for Parcel {
        fn weight(&self) -> f64 {
            self.w * self.n as f64 + if self.label.is_some() { 1.0 } else { 0.0 }
        }
    }

    pub fn load(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Weigh>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Parcel {
                w: i as f64 * 0.5,
                n: i % 7,
                label: None,
            }));
        }
        let mut t = 0.0;
        for p in &v {
            t += p.weight();
        }
        t + v.len() as f64
    }
}

#[test]
fn boxes_of_fresh_literals_pushed_in_a_loop() {
    let _memory = memory_test();
    BUDGET.store(usize::MAX, Ordering::SeqCst);
    let before = jitclass::stats();
    for n in [0, 1, 5, 1000] {
        assert_eq!(load(n).to_bits(), native::load(n).to_bits(), "n = {n}");
    }
    assert!(balanced_since(&before));
}

#[test]
fn an_allocation_failing_midway_leaks_nothing() {
    let _memory = memory_test();
    // Compiled (and the class's block kind made) before the budget runs short.
    BUDGET.store(usize::MAX, Ordering::SeqCst);
    assert_eq!(load(3).to_bits(), native::load(3).to_bits());
    let before = jitclass::stats();
    BUDGET.store(10, Ordering::SeqCst);
    let message = panic_message(|| load(100));
    BUDGET.store(usize::MAX, Ordering::SeqCst);
    assert!(
        message.starts_with("memory allocation of") && message.contains("failed for `Parcel`"),
        "{message}"
    );
    assert!(balanced_since(&before));
}
