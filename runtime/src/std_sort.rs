//! std's own sorts on a jit buffer, for the sorts whose result the elements fully
//! determine (`jitclass_core::std_sort`): one `extern "C"` helper per element type,
//! algorithm and direction, each a row made by [`mapped_fn!`] like `crate::helpers`'.

use crate::helpers::{MappedFn, mapped_fn};
use jitclass_core::PrimTy;
use jitclass_core::std_sort::{StdAlgorithm, StdSort};

/// One helper: `how` on elements of `ty`.
pub(crate) struct StdSortFn {
    pub how: StdSort,
    pub ty: PrimTy,
    pub function: MappedFn,
}

/// The helpers of integer, `bool` and `char` element types, ordered by `Ord::cmp`, and of float
/// types, ordered by `total_cmp`: each calls the std method rustc's build of the sort
/// calls, with the same comparator, so even a selection leaves rustc's order.
///
/// None of them can unwind: `cmp` and `total_cmp` do not panic, a sort's allocation
/// failure aborts, and jit code checks `k < len` before a selection. A panic would abort
/// the process anyway (`extern "C"`), never unwind into jit code mid-sort.
macro_rules! std_sorts {
    ($($t:ident: $asc:expr, $desc:expr;)*) => {
        $(
            #[allow(non_snake_case)]
            mod $t {
                use std::slice;

                /// # Safety
                /// `ptr` points to `len` initialised elements of a live buffer nothing else
                /// accesses during the call (jit code holds the `Vec` or `&mut [T]`
                /// borrowed mutably for it), aligned for the type.
                unsafe fn elements<'a>(ptr: *mut $t, len: usize) -> &'a mut [$t] {
                    if len == 0 {
                        return &mut [];
                    }
                    // SAFETY: the caller's contract above; `len > 0`, so `ptr` is a real
                    // buffer (an empty one may be dangling, hence the early return).
                    unsafe { slice::from_raw_parts_mut(ptr, len) }
                }

                pub(super) unsafe extern "C" fn sort(ptr: *mut $t, len: usize) {
                    // SAFETY: jit code passes its buffer and length (see `elements`).
                    unsafe { elements(ptr, len) }.sort_by($asc);
                }
                pub(super) unsafe extern "C" fn sort_desc(ptr: *mut $t, len: usize) {
                    // SAFETY: as in `sort`.
                    unsafe { elements(ptr, len) }.sort_by($desc);
                }
                pub(super) unsafe extern "C" fn sort_unstable(ptr: *mut $t, len: usize) {
                    // SAFETY: as in `sort`.
                    unsafe { elements(ptr, len) }.sort_unstable_by($asc);
                }
                pub(super) unsafe extern "C" fn sort_unstable_desc(ptr: *mut $t, len: usize) {
                    // SAFETY: as in `sort`.
                    unsafe { elements(ptr, len) }.sort_unstable_by($desc);
                }
                pub(super) unsafe extern "C" fn select(ptr: *mut $t, len: usize, k: usize) {
                    // SAFETY: as in `sort`; jit code has checked `k < len`.
                    unsafe { elements(ptr, len) }.select_nth_unstable_by(k, $asc);
                }
                pub(super) unsafe extern "C" fn select_desc(ptr: *mut $t, len: usize, k: usize) {
                    // SAFETY: as in `select`.
                    unsafe { elements(ptr, len) }.select_nth_unstable_by(k, $desc);
                }
            }
        )*

        /// Every helper.
        static TABLE: &[StdSortFn] = &[$(
            std_sorts!(@row $t, Stable, false, sort, unsafe extern "C" fn(*mut $t, usize)),
            std_sorts!(@row $t, Stable, true, sort_desc, unsafe extern "C" fn(*mut $t, usize)),
            std_sorts!(@row $t, Unstable, false, sort_unstable, unsafe extern "C" fn(*mut $t, usize)),
            std_sorts!(@row $t, Unstable, true, sort_unstable_desc, unsafe extern "C" fn(*mut $t, usize)),
            std_sorts!(@row $t, Select, false, select, unsafe extern "C" fn(*mut $t, usize, usize)),
            std_sorts!(@row $t, Select, true, select_desc, unsafe extern "C" fn(*mut $t, usize, usize)),
        )*];
    };
    (@row $t:ident, $algorithm:ident, $descending:expr, $f:ident, $sig:ty) => {
        StdSortFn {
            how: StdSort { algorithm: StdAlgorithm::$algorithm, descending: $descending },
            ty: prim!($t),
            function: mapped_fn!(
                concat!("jitclass_rt_", stringify!($f), "_", stringify!($t)),
                $t::$f,
                $sig
            ),
        }
    };
}

/// The `PrimTy` of a Rust primitive's name.
macro_rules! prim {
    (bool) => {
        PrimTy::Bool
    };
    (i8) => {
        PrimTy::I8
    };
    (i16) => {
        PrimTy::I16
    };
    (i32) => {
        PrimTy::I32
    };
    (i64) => {
        PrimTy::I64
    };
    (isize) => {
        PrimTy::Isize
    };
    (u8) => {
        PrimTy::U8
    };
    (u16) => {
        PrimTy::U16
    };
    (u32) => {
        PrimTy::U32
    };
    (u64) => {
        PrimTy::U64
    };
    (usize) => {
        PrimTy::Usize
    };
    (f32) => {
        PrimTy::F32
    };
    (f64) => {
        PrimTy::F64
    };
    (char) => {
        PrimTy::Char
    };
}

std_sorts! {
    bool: |a: &bool, b: &bool| a.cmp(b), |a: &bool, b: &bool| b.cmp(a);
    i8: |a: &i8, b: &i8| a.cmp(b), |a: &i8, b: &i8| b.cmp(a);
    i16: |a: &i16, b: &i16| a.cmp(b), |a: &i16, b: &i16| b.cmp(a);
    i32: |a: &i32, b: &i32| a.cmp(b), |a: &i32, b: &i32| b.cmp(a);
    i64: |a: &i64, b: &i64| a.cmp(b), |a: &i64, b: &i64| b.cmp(a);
    isize: |a: &isize, b: &isize| a.cmp(b), |a: &isize, b: &isize| b.cmp(a);
    u8: |a: &u8, b: &u8| a.cmp(b), |a: &u8, b: &u8| b.cmp(a);
    u16: |a: &u16, b: &u16| a.cmp(b), |a: &u16, b: &u16| b.cmp(a);
    u32: |a: &u32, b: &u32| a.cmp(b), |a: &u32, b: &u32| b.cmp(a);
    u64: |a: &u64, b: &u64| a.cmp(b), |a: &u64, b: &u64| b.cmp(a);
    usize: |a: &usize, b: &usize| a.cmp(b), |a: &usize, b: &usize| b.cmp(a);
    f32: |a: &f32, b: &f32| a.total_cmp(b), |a: &f32, b: &f32| b.total_cmp(a);
    f64: |a: &f64, b: &f64| a.total_cmp(b), |a: &f64, b: &f64| b.total_cmp(a);
    char: |a: &char, b: &char| a.cmp(b), |a: &char, b: &char| b.cmp(a);
}

/// The helper running `how` on elements of `ty`.
pub(crate) fn std_sort_fn(how: StdSort, ty: PrimTy) -> Option<&'static MappedFn> {
    TABLE
        .iter()
        .find(|f| f.how == how && f.ty == ty)
        .map(|f| &f.function)
}

/// Every helper, for the engine's mapping (`compiler/symbols.rs`).
pub(crate) fn mapped() -> impl Iterator<Item = MappedFn> {
    TABLE.iter().map(|f| f.function)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sort_has_a_helper_for_every_primitive_and_symbols_are_distinct() {
        for how in StdSort::ALL {
            for ty in PrimTy::ALL {
                assert!(std_sort_fn(how, ty).is_some(), "{how:?} {ty}");
            }
        }
        let mut symbols: Vec<&str> = TABLE.iter().map(|f| f.function.symbol).collect();
        symbols.sort_unstable();
        symbols.dedup();
        assert_eq!(symbols.len(), StdSort::ALL.len() * PrimTy::ALL.len());
    }
}
