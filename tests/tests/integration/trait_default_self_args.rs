//! A default method of a `#[jit] trait` passing `self` to a generic jit fn bounded by the
//! trait (`crate::..::base_of(self)` for `fn base_of<S: Probe>(s: &S)`), compared with
//! rustc's build of the same code (`rust`), the memory runtime balanced.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jit]
pub trait Probe {
    fn base(&self) -> f64;
    fn via_generic(&self) -> f64
    where
        Self: Sized,
    {
        crate::trait_default_self_args::base_of(self) * 10.0
    }
}

#[jit]
pub fn base_of<S: Probe>(s: &S) -> f64 {
    s.base() + 1.0
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Disk {
    pub fn new(r: f64) -> Disk {
        Disk { r }
    }
}

#[jitclass]
impl Probe for Disk {
    fn base(&self) -> f64 {
        self.r
    }
}

#[jit]
fn probe_in_jit(r: f64) -> f64 {
    let d = Disk { r };
    d.via_generic() + base_of(&d)
}

mod rust {
    pub trait Probe {
        fn base(&self) -> f64;
        fn via_generic(&self) -> f64
        where
            Self: Sized,
        {
            base_of(self) * 10.0
        }
    }
    pub fn base_of<S: Probe>(s: &S) -> f64 {
        s.base() + 1.0
    }
    pub struct Disk {
        pub r: f64,
    }
    impl Probe for Disk {
        fn base(&self) -> f64 {
            self.r
        }
    }
    pub fn probe_in_jit(r: f64) -> f64 {
        let d = Disk { r };
        d.via_generic() + base_of(&d)
    }
}

/// rustc builds the default method; jit code refused it with E0277 "`Self` is not a jit
/// value type" (the glue's `S: JitType` was not met by the trait's `Self`).
#[test]
fn a_default_method_passes_self_to_a_generic_jit_fn() {
    let _m = memory_test();
    for r in [1.0, 2.5] {
        assert_eq!(probe_in_jit(r), rust::probe_in_jit(r));
        use rust::Probe as _;
        assert_eq!(Disk::new(r).via_generic(), rust::Disk { r }.via_generic());
    }
    assert_no_leaks();
}
