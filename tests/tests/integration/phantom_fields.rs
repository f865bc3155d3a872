//! `PhantomData<T>` fields of classes (the marker rustc's E0392 suggests for a parameter
//! no other field uses): built with `PhantomData` in jit code and Rust, read as
//! `PhantomData`, compared with rustc's build of the same program.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::marker::PhantomData;

#[jitclass]
pub struct Tagged<T> {
    pub v: i64,
    marker: PhantomData<T>,
}

#[jitclass]
impl<T> Tagged<T> {
    pub fn new(v: i64) -> Self {
        Tagged {
            v,
            marker: PhantomData,
        }
    }
    pub fn bumped(&self, by: i64) -> Self {
        let m: PhantomData<T> = self.marker;
        Tagged {
            v: self.v + by,
            marker: m,
        }
    }
}

/// A marker beside data of its parameter, and one of a fixed type, in a plain class.
#[jitclass]
pub struct Unit2 {
    pub scale: f64,
    pub kind: std::marker::PhantomData<(i64, String)>,
}

#[jitclass]
impl Unit2 {
    pub fn new_with(scale: f64) -> Self {
        Unit2 {
            scale,
            kind: PhantomData,
        }
    }
}

#[jit]
fn tagged_sum(n: i64) -> i64 {
    let a = Tagged::<f64>::new(n);
    let b: Tagged<String> = Tagged::new(2 * n);
    let c = a.bumped(5);
    let u = Unit2 {
        scale: 0.5,
        kind: PhantomData,
    };
    let _k = u.kind;
    c.v + b.bumped(1).v + (u.scale * n as f64) as i64
}

/// The same program compiled by rustc.
mod rust {
    use std::marker::PhantomData;

    pub struct Tagged<T> {
        pub v: i64,
        marker: PhantomData<T>,
    }

    impl<T> Tagged<T> {
        pub fn new(v: i64) -> Self {
            Tagged {
                v,
                marker: PhantomData,
            }
        }
        pub fn bumped(&self, by: i64) -> Self {
            let m: PhantomData<T> = self.marker;
            Tagged {
                v: self.v + by,
                marker: m,
            }
        }
    }

    pub struct Unit2 {
        pub scale: f64,
        pub kind: std::marker::PhantomData<(i64, String)>,
    }

    pub fn tagged_sum(n: i64) -> i64 {
        let a = Tagged::<f64>::new(n);
        let b: Tagged<String> = Tagged::new(2 * n);
        let c = a.bumped(5);
        let u = Unit2 {
            scale: 0.5,
            kind: PhantomData,
        };
        let _k = u.kind;
        c.v + b.bumped(1).v + (u.scale * n as f64) as i64
    }
}

#[test]
fn phantom_data_fields_of_classes() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for n in [0, 3, -8] {
        assert_eq!(tagged_sum(n), rust::tagged_sum(n));
    }
    {
        // From Rust: the getter reads the marker, the class holds no bytes for it.
        let t = Tagged::<u8>::new(4);
        let _m: PhantomData<u8> = t.marker();
        assert_eq!(t.bumped(2).v(), 6);
        let u = Unit2::new_with(1.5);
        let _k: PhantomData<(i64, String)> = u.kind();
        assert_eq!(u.scale(), 1.5);
        // The markers take no bytes of the payload, as in rustc's `#[repr(C)]` layout.
        let tagged = <Tagged<u8> as jitclass::JitClass>::class_info();
        assert_eq!(tagged.payload_layout().size(), 8);
        let unit2 = <Unit2 as jitclass::JitClass>::class_info();
        assert_eq!(unit2.payload_layout().size(), 8);
    }
    assert!(balanced_since(&before));
}
