//! Tests of the C representations: each has the C layout of its jit type.

use super::*;
use jitclass_core::layout::size_align;
use std::mem::{align_of, size_of};

/// The Rust reprs have the C layout that codegen assumes for the jit type.
fn check<T: JitArg>() {
    let expected = size_align(&T::jit_type());
    assert_eq!(
        (size_of::<T::Repr>() as u64, align_of::<T::Repr>() as u64),
        (expected.size, expected.align),
        "{}",
        T::jit_type()
    );
}

#[test]
fn reprs_have_the_c_layout_of_their_jit_type() {
    check::<bool>();
    check::<u8>();
    check::<f32>();
    check::<()>();
    check::<(bool, i64)>();
    check::<[f64; 4]>();
    check::<[bool; 3]>();
    check::<[(u8, f64); 3]>();
    check::<[[i16; 3]; 2]>();
    check::<(u8, [u16; 3])>();
    check::<Option<[u8; 5]>>();
    check::<(u8, (bool, f32), ())>();
    check::<((), i16)>();
    check::<(f64,)>();
    check::<(u8, u16, u32, u64, i8, i16, i32, i64)>();
    check::<&[f64]>();
    check::<Option<f64>>();
    check::<Option<(bool, u8)>>();
    check::<Option<Option<i16>>>();
    check::<extern "C" fn(f64) -> f64>();
    check::<Option<extern "C" fn(f64) -> f64>>();
    check::<&mut [bool]>();
}
