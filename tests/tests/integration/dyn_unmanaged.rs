//! Trait objects of unmanaged instances (`unsafe_cast` over caller-owned memory): a
//! `Box<dyn Tally>`, `&dyn Tally` and `&mut dyn Tally` of one, alone and in a `Vec`
//! beside managed ones, call its class's methods on that memory (a default method with
//! an indirect result too), as rustc's build of the same program does through a
//! reference to the memory (`rust`); the block that lends the payload to the trait
//! object (`unmanaged_dyn.rs`) is freed with it, and a method that keeps its receiver
//! still sees an unmanaged instance, and refuses to store it.

use crate::{assert_no_leaks, balanced_since, memory_test, panic_message};
use jitclass::{Payload, jit, jitclass, unsafe_cast};
use std::mem::MaybeUninit;

#[jit]
pub trait Tally {
    fn add(&mut self, x: f64);
    fn total(&self) -> f64;
    /// A default method with an indirect result: the receiver is its second parameter.
    fn spread(&self) -> [f64; 3] {
        [self.total(), self.total() * 2.0, 0.5]
    }
}

#[jitclass]
pub struct Sum {
    total: f64,
    n: i64,
}

#[jitclass]
impl Tally for Sum {
    fn add(&mut self, x: f64) {
        self.total += x;
        self.n += 1;
    }
    fn total(&self) -> f64 {
        self.total
    }
}

/// Holds a `Sum` in a field: a sink no unmanaged instance may reach.
#[jitclass]
pub struct Keeper {
    kept: Option<Sum>,
}

#[jitclass]
impl Keeper {
    pub fn new() -> Keeper {
        Keeper { kept: None }
    }
}

#[jit]
pub trait Keep {
    fn keep_in(&self, k: &mut Keeper);
}

#[jitclass]
impl Keep for Sum {
    fn keep_in(&self, k: &mut Keeper) {
        k.kept = Some(self.clone());
    }
}

/// A `Box<dyn Tally>` of an unmanaged instance: `&mut self` and default methods.
#[jit]
fn boxed_in_place(at: *mut u8, xs: &[f64]) -> f64 {
    let s = unsafe { unsafe_cast::<Sum>(at) };
    let mut b: Box<dyn Tally> = Box::new(s);
    for i in 0..xs.len() {
        b.add(xs[i]);
    }
    let a = b.spread();
    b.total() + a[1] + a[2]
}

/// `&mut dyn Tally` and `&dyn Tally` of an unmanaged local.
#[jit]
fn lent_in_place(at: *mut u8, x: f64) -> f64 {
    let mut s = unsafe { unsafe_cast::<Sum>(at) };
    let m: &mut dyn Tally = &mut s;
    m.add(x);
    m.add(1.0);
    let r: &dyn Tally = &s;
    let a = r.spread();
    r.total() + a[1]
}

/// An unmanaged instance among managed ones in a `Vec<Box<dyn Tally>>`.
#[jit]
fn mixed_in_place(at: *mut u8, n: i64) -> f64 {
    let mut v: Vec<Box<dyn Tally>> = Vec::new();
    for i in 0..n {
        if i == 2 {
            v.push(Box::new(unsafe { unsafe_cast::<Sum>(at) }));
        }
        v.push(Box::new(Sum {
            total: i as f64,
            n: 0,
        }));
    }
    for k in 0..3 {
        for t in &mut v {
            t.add(k as f64 + 0.5);
        }
    }
    let mut total = 0.0;
    for t in &v {
        total += t.total() * 2.0 + t.spread()[1];
    }
    total
}

/// A method that stores its receiver, called through a trait object.
#[jit]
fn keep_through_dyn(at: *mut u8, k: &mut Keeper) -> i64 {
    let s = unsafe { unsafe_cast::<Sum>(at) };
    let b: Box<dyn Keep> = Box::new(s);
    b.keep_in(k);
    1
}

/// The same, of a managed instance: stored.
#[jit]
fn keep_managed(k: &mut Keeper, x: f64) -> i64 {
    let b: Box<dyn Keep> = Box::new(Sum { total: x, n: 1 });
    b.keep_in(k);
    2
}

/// The same programs as rustc builds them: an unmanaged instance is a `&mut` to the
/// caller's memory (`Box<dyn Tally + '_>` of one through the forwarding impl).
mod rust {
    #![allow(clippy::needless_range_loop)]

    pub trait Tally {
        fn add(&mut self, x: f64);
        fn total(&self) -> f64;
        fn spread(&self) -> [f64; 3] {
            [self.total(), self.total() * 2.0, 0.5]
        }
    }

    #[repr(C)]
    pub struct Sum {
        pub total: f64,
        pub n: i64,
    }

    impl Tally for Sum {
        fn add(&mut self, x: f64) {
            self.total += x;
            self.n += 1;
        }
        fn total(&self) -> f64 {
            self.total
        }
    }

    /// What a jit handle to the memory is: a reference that reaches it.
    impl Tally for &mut Sum {
        fn add(&mut self, x: f64) {
            (**self).add(x)
        }
        fn total(&self) -> f64 {
            (**self).total()
        }
    }

    /// # Safety
    /// `at` is a valid, aligned, unaliased `Sum` for `'a`.
    unsafe fn cast<'a>(at: *mut u8) -> &'a mut Sum {
        // SAFETY: guaranteed by the caller.
        unsafe { &mut *at.cast::<Sum>() }
    }

    pub fn boxed_in_place(at: *mut u8, xs: &[f64]) -> f64 {
        let s = unsafe { cast(at) };
        let mut b: Box<dyn Tally + '_> = Box::new(s);
        for i in 0..xs.len() {
            b.add(xs[i]);
        }
        let a = b.spread();
        b.total() + a[1] + a[2]
    }

    pub fn lent_in_place(at: *mut u8, x: f64) -> f64 {
        let s = unsafe { cast(at) };
        let m: &mut dyn Tally = &mut *s;
        m.add(x);
        m.add(1.0);
        let r: &dyn Tally = &*s;
        let a = r.spread();
        r.total() + a[1]
    }

    pub fn mixed_in_place(at: *mut u8, n: i64) -> f64 {
        let mut v: Vec<Box<dyn Tally + '_>> = Vec::new();
        let mut view = Some(unsafe { cast(at) });
        for i in 0..n {
            if i == 2 {
                v.push(Box::new(view.take().unwrap()));
            }
            v.push(Box::new(Sum {
                total: i as f64,
                n: 0,
            }));
        }
        for k in 0..3 {
            for t in &mut v {
                t.add(k as f64 + 0.5);
            }
        }
        let mut total = 0.0;
        for t in &v {
            total += t.total() * 2.0 + t.spread()[1];
        }
        total
    }
}

/// Two zeroed payloads of `Sum`, one for the jit program and one for rustc's.
fn payloads() -> [Box<MaybeUninit<Payload<Sum>>>; 2] {
    [
        Box::new(MaybeUninit::zeroed()),
        Box::new(MaybeUninit::zeroed()),
    ]
}

/// `(total, n)` of a payload both programs wrote.
fn read(p: &MaybeUninit<Payload<Sum>>) -> (f64, i64) {
    // SAFETY: a zeroed payload is a valid `Sum`, and no instance over it is left.
    let p = unsafe { p.assume_init_ref() };
    (p.total, p.n)
}

#[test]
fn trait_objects_of_unmanaged_instances_reach_their_memory() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let [mut jit_mem, mut rust_mem] = payloads();
    let (j, r) = (
        jit_mem.as_mut_ptr().cast::<u8>(),
        rust_mem.as_mut_ptr().cast::<u8>(),
    );
    let xs = [1.5, 2.0, -0.25];
    assert_eq!(boxed_in_place(j, &xs), rust::boxed_in_place(r, &xs));
    assert_eq!(lent_in_place(j, 4.0), rust::lent_in_place(r, 4.0));
    assert_eq!(mixed_in_place(j, 5), rust::mixed_in_place(r, 5));
    assert_eq!(read(&jit_mem), read(&rust_mem));
    assert_eq!(
        read(&jit_mem).1,
        8,
        "three boxed, two lent, three in the `Vec`"
    );
    // The lending blocks were freed with their trait objects.
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[test]
fn a_method_through_a_trait_object_still_refuses_to_keep_an_unmanaged_receiver() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let [mut mem, _] = payloads();
    let at = mem.as_mut_ptr().cast::<u8>();
    let mut k = Keeper::new();
    let message = panic_message(|| keep_through_dyn(at, &mut k));
    assert!(
        message.starts_with("an unmanaged instance of `Sum`"),
        "{message}"
    );
    assert!(k.kept().is_none());
    assert_eq!(keep_managed(&mut k, 2.5), 2);
    assert_eq!(k.kept().map(|s| s.total()), Some(2.5));
    drop(k);
    assert!(balanced_since(&before));
    assert_no_leaks();
}
