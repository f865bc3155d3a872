//! C layout (`#[repr(C)]`): fields in declaration order, each at the next offset aligned
//! for it, the size rounded up to the largest alignment.
//!
//! Tuples cross into JIT code as `#[repr(C)]` structs, and class payloads (NBEP 3's
//! storage model) are C structs, so both sides of the boundary compute layouts this way.

use crate::types::{PrimTy, Type};

/// Size and alignment of one value, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeAlign {
    /// Size in bytes (a multiple of `align`).
    pub size: u64,
    /// Alignment in bytes (a power of two).
    pub align: u64,
}

/// The layout of a C struct.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructLayout {
    /// Each field's byte offset, in field order.
    pub offsets: Vec<u64>,
    /// Size in bytes, padding included.
    pub size: u64,
    /// The largest field alignment (1 for no fields).
    pub align: u64,
}

/// Lays out `fields` as a `#[repr(C)]` struct does.
pub fn c_struct(fields: &[SizeAlign]) -> StructLayout {
    let mut offset = 0u64;
    let mut align = 1u64;
    let mut offsets = Vec::with_capacity(fields.len());
    for f in fields {
        offset = offset.next_multiple_of(f.align);
        offsets.push(offset);
        offset += f.size;
        align = align.max(f.align);
    }
    StructLayout {
        offsets,
        size: offset.next_multiple_of(align),
        align,
    }
}

/// The C size and alignment of a value type (tuples as `#[repr(C)]` structs, `()` as an
/// empty struct of size 0, as in a `#[repr(C)]` Rust struct field). Slices are `{ptr, len}`.
pub fn size_align(t: &Type) -> SizeAlign {
    match t {
        Type::Prim(p) => {
            let size = p.size();
            SizeAlign {
                size,
                align: if *p == PrimTy::Bool { 1 } else { size },
            }
        }
        Type::Unit | Type::Never => SizeAlign { size: 0, align: 1 },
        Type::Tuple(es) => {
            let l = c_struct(&es.iter().map(size_align).collect::<Vec<_>>());
            SizeAlign {
                size: l.size,
                align: l.align,
            }
        }
        // `{ptr, len}`, and a counted reference `{meminfo, data}` (instances, handles,
        // vectors).
        Type::Slice { .. }
        | Type::Str
        | Type::Class(_)
        | Type::PassThru(_)
        | Type::Vec(_)
        | Type::String
        | Type::Map { .. } => SizeAlign { size: 16, align: 8 },
        // `{meminfo, vtable}`: the payload is at a fixed offset from the meminfo.
        Type::Dyn { .. } => SizeAlign { size: 16, align: 8 },
        // A `&Vec<T>` is the `Vec`'s handle (`Type::vec_elem`).
        Type::Ref { inner, .. } if matches!(**inner, Type::Vec(_)) => {
            SizeAlign { size: 16, align: 8 }
        }
        Type::Ref { .. } | Type::Ptr { .. } | Type::FnPtr { .. } => SizeAlign { size: 8, align: 8 },
        // `len` elements, each padded to its alignment already (a C size is a multiple of
        // the alignment).
        Type::Array { elem, len } => {
            let e = size_align(elem);
            SizeAlign {
                size: e.size * len,
                align: e.align,
            }
        }
        // `#[repr(C)] { is_some: bool, value: T }`.
        Type::Option(inner) => {
            let l = c_struct(&[size_align(&Type::BOOL), size_align(inner)]);
            SizeAlign {
                size: l.size,
                align: l.align,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::{align_of, offset_of, size_of};

    fn layout_of(types: &[Type]) -> StructLayout {
        c_struct(&types.iter().map(size_align).collect::<Vec<_>>())
    }

    #[test]
    fn a_trait_object_is_two_pointers() {
        let shape = Type::Dyn {
            key: crate::types::TraitKey {
                id: 1,
                name: "Shape".into(),
            },
            pointer: crate::types::DynPointer::Box,
        };
        let l = layout_of(&[Type::BOOL, shape, Type::I32]);
        assert_eq!((l.offsets, l.size, l.align), (vec![0, 8, 24], 32, 8));
    }

    #[test]
    fn matches_rustc_repr_c() {
        #[repr(C)]
        struct A {
            a: i32,
            b: f32,
            c: f64,
        }
        #[repr(C)]
        struct B {
            a: i8,
            b: f64,
            c: i64,
            d: f64,
        }
        #[repr(C)]
        struct C {
            a: bool,
            b: u16,
            c: (),
            d: u8,
            e: u64,
            f: u8,
        }
        let prim = |p| Type::Prim(p);
        let a = layout_of(&[prim(PrimTy::I32), prim(PrimTy::F32), prim(PrimTy::F64)]);
        assert_eq!(a.size, 16);
        assert_eq!(
            (a.size, a.align),
            (size_of::<A>() as u64, align_of::<A>() as u64)
        );
        assert_eq!(
            a.offsets,
            [offset_of!(A, a), offset_of!(A, b), offset_of!(A, c)].map(|o| o as u64)
        );
        let b = layout_of(&[
            prim(PrimTy::I8),
            prim(PrimTy::F64),
            prim(PrimTy::I64),
            prim(PrimTy::F64),
        ]);
        assert_eq!(b.size, 32);
        assert_eq!(
            (b.size, b.align),
            (size_of::<B>() as u64, align_of::<B>() as u64)
        );
        assert_eq!(
            b.offsets,
            [
                offset_of!(B, a),
                offset_of!(B, b),
                offset_of!(B, c),
                offset_of!(B, d)
            ]
            .map(|o| o as u64)
        );
        let c = layout_of(&[
            prim(PrimTy::Bool),
            prim(PrimTy::U16),
            Type::Unit,
            prim(PrimTy::U8),
            prim(PrimTy::U64),
            prim(PrimTy::U8),
        ]);
        assert_eq!(
            (c.size, c.align),
            (size_of::<C>() as u64, align_of::<C>() as u64)
        );
        assert_eq!(
            c.offsets,
            [
                offset_of!(C, a),
                offset_of!(C, b),
                offset_of!(C, c),
                offset_of!(C, d),
                offset_of!(C, e),
                offset_of!(C, f)
            ]
            .map(|o| o as u64)
        );
    }

    #[test]
    fn arrays_are_rusts_arrays() {
        #[repr(C)]
        struct D {
            a: u8,
            b: [u16; 3],
            c: [[bool; 3]; 2],
            d: [(u8, f64); 2],
            e: [f32; 0],
            f: u8,
        }
        let arr = |elem: Type, len| Type::Array {
            elem: Box::new(elem),
            len,
        };
        let d = layout_of(&[
            Type::Prim(PrimTy::U8),
            arr(Type::Prim(PrimTy::U16), 3),
            arr(arr(Type::BOOL, 3), 2),
            arr(Type::Tuple(vec![Type::Prim(PrimTy::U8), Type::F64]), 2),
            arr(Type::Prim(PrimTy::F32), 0),
            Type::Prim(PrimTy::U8),
        ]);
        assert_eq!(
            (d.size, d.align),
            (size_of::<D>() as u64, align_of::<D>() as u64)
        );
        assert_eq!(
            d.offsets,
            [
                offset_of!(D, a),
                offset_of!(D, b),
                offset_of!(D, c),
                offset_of!(D, d),
                offset_of!(D, e),
                offset_of!(D, f)
            ]
            .map(|o| o as u64)
        );
    }

    #[test]
    fn nested_tuples_are_nested_structs() {
        #[repr(C)]
        struct Inner(u8, f32);
        #[repr(C)]
        struct Outer(u16, Inner, bool);
        let inner = Type::Tuple(vec![Type::Prim(PrimTy::U8), Type::Prim(PrimTy::F32)]);
        let outer = Type::Tuple(vec![Type::Prim(PrimTy::U16), inner, Type::BOOL]);
        assert_eq!(
            size_align(&outer),
            SizeAlign {
                size: size_of::<Outer>() as u64,
                align: align_of::<Outer>() as u64
            }
        );
    }
}
