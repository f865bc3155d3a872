//! Language types as LLVM types, in two forms.
//!
//! - register form: what values are in SSA and in locals (`bool` is `i1`);
//! - memory form: the C layout that Rust sees through pointers (`bool` is `i8`), used for
//!   slice elements and for the reprs the entry point reads and writes.
//!
//! `()` is the empty struct `{}` in both forms, so every type has an LLVM type.
//!
//! A type holding an array (`[T; N]`, and tuples and `Option`s around one) is *indirect*:
//! its values live in memory only, in its memory form, and its register form is a pointer
//! to them. LLVM compiles large aggregate values slowly (their loads, stores and
//! `insertvalue` chains are split element by element), so such a value is never loaded
//! whole: codegen builds it in place, reaches its parts through pointers, and copies it
//! with `memcpy` (`codegen/memory_values.rs`).

use super::CgResult;
use super::codegen::no_ub::{bool_from_byte, bool_to_byte};
use crate::Type;
use inkwell::AddressSpace;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::types::{BasicType, BasicTypeEnum};
use inkwell::values::BasicValueEnum;
use jitclass_core::PrimTy;

fn prim_type(ctx: &'static Context, p: PrimTy, memory: bool) -> BasicTypeEnum<'static> {
    match p {
        PrimTy::Bool if memory => ctx.i8_type().into(),
        PrimTy::Bool => ctx.bool_type().into(),
        PrimTy::F32 => ctx.f32_type().into(),
        PrimTy::F64 => ctx.f64_type().into(),
        p => int_type(ctx, p).into(),
    }
}

/// The LLVM integer type of an integer primitive.
pub fn int_type(ctx: &'static Context, p: PrimTy) -> inkwell::types::IntType<'static> {
    match p.bits() {
        1 => ctx.bool_type(),
        8 => ctx.i8_type(),
        16 => ctx.i16_type(),
        32 => ctx.i32_type(),
        _ => ctx.i64_type(),
    }
}

/// Whether values of `t` live in memory only (see the module doc): `t` holds an array
/// by value.
pub fn is_indirect(t: &Type) -> bool {
    match t {
        Type::Array { .. } => true,
        Type::Tuple(es) => es.iter().any(is_indirect),
        Type::Option(inner) => is_indirect(inner),
        _ => false,
    }
}

fn llvm_type(ctx: &'static Context, t: &Type, memory: bool) -> BasicTypeEnum<'static> {
    if !memory && is_indirect(t) {
        return llvm_type(ctx, t, true)
            .ptr_type(AddressSpace::default())
            .into();
    }
    match t {
        Type::Prim(p) => prim_type(ctx, *p, memory),
        Type::Unit | Type::Never => ctx.struct_type(&[], false).into(),
        Type::Tuple(_) | Type::Option(_) => {
            let fields: Vec<_> = fields(t)
                .iter()
                .map(|e| llvm_type(ctx, e, memory))
                .collect();
            ctx.struct_type(&fields, false).into()
        }
        Type::Slice { elem, .. } => {
            let ptr = mem_type(ctx, elem).ptr_type(AddressSpace::default());
            ctx.struct_type(&[ptr.into(), ctx.i64_type().into()], false)
                .into()
        }
        // A `&[u8]`'s `{ptr, len}`.
        Type::Str => {
            let ptr = ctx.i8_type().ptr_type(AddressSpace::default());
            ctx.struct_type(&[ptr.into(), ctx.i64_type().into()], false)
                .into()
        }
        Type::Class(_) | Type::PassThru(_) | Type::Vec(_) | Type::String | Type::Map { .. } => {
            instance_type(ctx).into()
        }
        Type::Dyn { .. } => trait_object_type(ctx).into(),
        // A `&Vec<T>` is the `Vec`'s handle, borrowed (`Type::vec_elem`).
        Type::Ref { inner, .. } if matches!(**inner, Type::Vec(_)) => instance_type(ctx).into(),
        // Memory only (a pointer in registers, above); its elements in their memory form,
        // so that a pointer into an array is a slice's pointer. (`limits::check_array_size`
        // keeps `len` within `u32`.)
        Type::Array { elem, len } => mem_type(ctx, elem).array_type(*len as u32).into(),
        // Called through a cast to its C function type (`codegen::c_call`).
        Type::FnPtr { .. } => ctx.i8_type().ptr_type(AddressSpace::default()).into(),
        // The address of a place in a payload, or of memory: points to the memory form.
        Type::Ref { inner, .. } | Type::Ptr { pointee: inner, .. } => mem_type(ctx, inner)
            .ptr_type(AddressSpace::default())
            .into(),
    }
}

/// A class instance, `{meminfo, data}` (`RawInstance`): two byte pointers.
pub fn instance_type(ctx: &'static Context) -> inkwell::types::StructType<'static> {
    let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
    ctx.struct_type(&[i8p.into(), i8p.into()], false)
}

/// A trait object, `{meminfo, vtable}`, 16 bytes as in Rust: a managed block's meminfo
/// (first, as an instance's, so that what reads an instance's meminfo reads a trait
/// object's), whose payload is at `memory::HEADER` from it, and the address of a vtable
/// for the trait (`compiler/vtables.rs`; an unmanaged instance's trait object holds a
/// block lending its payload, with a vtable of its own, `codegen/trait_objects.rs`).
pub fn trait_object_type(ctx: &'static Context) -> inkwell::types::StructType<'static> {
    let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
    ctx.struct_type(&[i8p.into(), i8p.into()], false)
}

/// The SSA form of `t` (a pointer to the memory form for an indirect type).
pub fn reg_type(ctx: &'static Context, t: &Type) -> BasicTypeEnum<'static> {
    llvm_type(ctx, t, false)
}

/// What a local's stack slot holds: the register form, or an indirect value itself.
pub fn slot_type(ctx: &'static Context, t: &Type) -> BasicTypeEnum<'static> {
    if is_indirect(t) {
        mem_type(ctx, t)
    } else {
        reg_type(ctx, t)
    }
}

/// The C memory layout of `t`.
pub fn mem_type(ctx: &'static Context, t: &Type) -> BasicTypeEnum<'static> {
    llvm_type(ctx, t, true)
}

/// An internal function's result: `{i1 panicked, value}`. An indirect result is written
/// through the function's first parameter, the caller's memory for it, and `value` is
/// that pointer.
pub fn result_type(ctx: &'static Context, ret: &Type) -> inkwell::types::StructType<'static> {
    ctx.struct_type(&[ctx.bool_type().into(), reg_type(ctx, ret)], false)
}

/// Whether the register and memory forms differ (the type contains a `bool`); an
/// indirect type has its memory form only.
fn differs(t: &Type) -> bool {
    if is_indirect(t) {
        return false;
    }
    match t {
        Type::Prim(PrimTy::Bool) | Type::Option(_) => true,
        Type::Tuple(es) => es.iter().any(differs),
        _ => false,
    }
}

/// The fields of a type laid out as a struct: a tuple's elements, or an `Option`'s
/// `{is_some: bool, value: T}` (the C repr; `value` is zero when `None`).
pub fn fields(t: &Type) -> Vec<Type> {
    match t {
        Type::Tuple(es) => es.clone(),
        Type::Option(inner) => vec![Type::BOOL, (**inner).clone()],
        _ => Vec::new(),
    }
}

/// Register form -> memory form.
pub fn to_mem(
    ctx: &'static Context,
    b: &Builder<'static>,
    v: BasicValueEnum<'static>,
    t: &Type,
) -> CgResult<BasicValueEnum<'static>> {
    convert(ctx, b, v, t, true)
}

/// Memory form -> register form. A stored `bool` is any non-zero byte as `true`.
pub fn from_mem(
    ctx: &'static Context,
    b: &Builder<'static>,
    v: BasicValueEnum<'static>,
    t: &Type,
) -> CgResult<BasicValueEnum<'static>> {
    convert(ctx, b, v, t, false)
}

fn convert(
    ctx: &'static Context,
    b: &Builder<'static>,
    v: BasicValueEnum<'static>,
    t: &Type,
    to_memory: bool,
) -> CgResult<BasicValueEnum<'static>> {
    if !differs(t) {
        return Ok(v);
    }
    Ok(match t {
        Type::Prim(PrimTy::Bool) if to_memory => {
            bool_to_byte(ctx, b, v.into_int_value(), "b2m")?.into()
        }
        Type::Prim(PrimTy::Bool) => bool_from_byte(ctx, b, v.into_int_value(), "m2b")?.into(),
        Type::Tuple(_) | Type::Option(_) => {
            let mut out = llvm_type(ctx, t, to_memory).into_struct_type().get_undef();
            for (i, e) in fields(t).iter().enumerate() {
                let f = b.build_extract_value(v.into_struct_value(), i as u32, "f")?;
                let f = convert(ctx, b, f, e, to_memory)?;
                out = b
                    .build_insert_value(out, f, i as u32, "t")?
                    .into_struct_value();
            }
            out.into()
        }
        _ => v,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use inkwell::targets::TargetData;
    use jitclass_core::layout::size_align;

    #[test]
    fn llvm_memory_types_have_the_c_layout() {
        let ctx: &'static Context = Box::leak(Box::new(Context::create()));
        let data = TargetData::create(
            "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128",
        );
        let prim = Type::Prim;
        let types = [
            Type::BOOL,
            Type::Unit,
            Type::Tuple(vec![
                prim(PrimTy::U8),
                Type::Tuple(vec![Type::BOOL, prim(PrimTy::F32)]),
                Type::Unit,
            ]),
            Type::Tuple(vec![
                prim(PrimTy::I8),
                prim(PrimTy::F64),
                prim(PrimTy::I64),
                prim(PrimTy::F64),
            ]),
            Type::Slice {
                elem: Box::new(Type::BOOL),
                mutable: false,
            },
            Type::Option(Box::new(Type::F64)),
            Type::Option(Box::new(Type::Tuple(vec![Type::BOOL, prim(PrimTy::I16)]))),
            Type::Array {
                elem: Box::new(Type::Tuple(vec![prim(PrimTy::U8), Type::F64])),
                len: 3,
            },
            Type::Tuple(vec![
                Type::BOOL,
                Type::Array {
                    elem: Box::new(Type::Array {
                        elem: Box::new(Type::BOOL),
                        len: 3,
                    }),
                    len: 2,
                },
                prim(PrimTy::U16),
            ]),
        ];
        for t in types {
            let m = mem_type(ctx, &t);
            let expected = size_align(&t);
            assert_eq!(
                (data.get_abi_size(&m), u64::from(data.get_abi_alignment(&m))),
                (expected.size, expected.align),
                "{t}"
            );
        }
    }
}
