//! The C entry point of a compiled root function: the other side of `crate::abi`.
//!
//! `extern "C" fn(abi params..., out: *mut RetRepr, status: *mut u8) -> RetAbi`:
//! scalars by value (`bool` as `i8`, `()` as a dummy `i8`), every other parameter as a
//! pointer to its C repr; a scalar result by value, any other result stored through
//! `out`. A panic in JIT code sets `*status = 1` and returns a zero value.

use super::codegen::no_ub::{bool_from_byte, bool_to_byte};
use super::types::{from_mem, is_indirect, mem_type, reg_type, to_mem};
use super::{CgError, CgResult, ModuleCx};
use crate::Type;
use crate::helpers::Helper;
use inkwell::AddressSpace;
use inkwell::builder::Builder;
use inkwell::module::Linkage;
use inkwell::types::{AnyTypeEnum, BasicMetadataTypeEnum, BasicType, BasicTypeEnum};
use inkwell::values::{BasicValue, BasicValueEnum, PointerValue};
use jitclass_core::PrimTy;

/// How a value of type `t` crosses the entry point.
fn abi_type(m: &ModuleCx, t: &Type) -> BasicTypeEnum<'static> {
    match t {
        Type::Prim(PrimTy::Bool) | Type::Unit => m.ctx.i8_type().into(),
        Type::Prim(_) | Type::Ptr { .. } | Type::FnPtr { .. } => reg_type(m.ctx, t),
        _ => mem_type(m.ctx, t).ptr_type(AddressSpace::default()).into(),
    }
}

/// Which C wrapper of a root instance to emit.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wrapper {
    /// The `call_N` ABI: trailing `out` and `status` pointers; a panic sets `*status`.
    Entry,
    /// The function's own C signature; a panic aborts.
    CFunc,
}

pub(super) fn emit_entry(m: &mut ModuleCx, root: usize, name: &str) -> CgResult<()> {
    emit_wrapper(m, root, name, Wrapper::Entry)
}

/// The C entry point of an `extern "C"` jit fn: `extern "C" fn(params..) -> ret` with the
/// function's own signature, all C scalars (`bool` as a 0/1 byte, `()` as `void`). A
/// panic cannot unwind into C: `jitclass_rt_cfunc_panicked` prints it and aborts, as a
/// panic leaving a Rust `extern "C"` fn does.
pub(super) fn emit_cfunc(m: &mut ModuleCx, root: usize, name: &str) -> CgResult<()> {
    let typed = &m.instances[root].typed;
    // The macro admits only these (`lower::is_c_scalar`).
    let c_scalar = Type::is_c_scalar;
    if let Some(t) = typed
        .params
        .iter()
        .find(|t| !c_scalar(t))
        .or((!c_scalar(&typed.ret) && typed.ret != Type::Unit).then_some(&typed.ret))
    {
        return Err(CgError::Internal(format!(
            "`{t}` in the signature of an `extern \"C\"` fn"
        )));
    }
    emit_wrapper(m, root, name, Wrapper::CFunc)
}

fn emit_wrapper(m: &mut ModuleCx, root: usize, name: &str, kind: Wrapper) -> CgResult<()> {
    let ctx = m.ctx;
    let inst = &m.instances[root];
    let (params, ret, internal) = (inst.typed.params.clone(), inst.typed.ret.clone(), inst.func);
    let mut abi: Vec<BasicMetadataTypeEnum> =
        params.iter().map(|t| abi_type(m, t).into()).collect();
    if kind == Wrapper::Entry {
        let out_ptr = mem_type(ctx, &ret).ptr_type(AddressSpace::default());
        abi.push(out_ptr.into());
        abi.push(ctx.i8_type().ptr_type(AddressSpace::default()).into());
    }
    let returns_value = ret.is_scalar();
    let fn_type = if returns_value {
        abi_type(m, &ret).fn_type(&abi, false)
    } else {
        ctx.void_type().fn_type(&abi, false)
    };
    let func = m
        .module
        .add_function(name, fn_type, Some(Linkage::External));
    m.set_common_attributes(func);
    if kind == Wrapper::CFunc {
        super::codegen::c_calls::set_c_attributes(ctx, func, &params, &ret);
    }
    let panicked_fn = (kind == Wrapper::CFunc).then(|| m.helper(Helper::CfuncPanicked));
    let b = &m.builder;
    let entry = ctx.append_basic_block(func, "entry");
    let panicked = ctx.append_basic_block(func, "panicked");
    let ok = ctx.append_basic_block(func, "ok");
    b.position_at_end(entry);
    let mut args = Vec::with_capacity(params.len() + 1);
    // An indirect result is written by the function straight into Rust's `out`.
    let indirect_ret = is_indirect(&ret);
    if indirect_ret {
        args.push(
            func.get_nth_param(params.len() as u32)
                .expect("declared")
                .into(),
        );
    }
    for (i, t) in params.iter().enumerate() {
        let p = func.get_nth_param(i as u32).expect("declared above");
        let v: BasicValueEnum = match t {
            Type::Prim(PrimTy::Bool) => bool_from_byte(ctx, b, p.into_int_value(), "arg")?.into(),
            Type::Prim(_) | Type::Ptr { .. } | Type::FnPtr { .. } => p,
            Type::Unit => reg_type(ctx, t).const_zero(),
            // Rust's repr is the memory form, which the function only reads (and the
            // caller keeps for the call).
            _ if is_indirect(t) => p,
            _ => {
                let loaded = load_leaf_by_leaf(b, p.into_pointer_value())?;
                from_mem(ctx, b, loaded, t)?
            }
        };
        args.push(v.into());
    }
    let result = b
        .build_call(internal, &args, "result")?
        .try_as_basic_value()
        .basic()
        .expect("internal functions return a struct")
        .into_struct_value();
    let status = b.build_extract_value(result, 0, "status")?.into_int_value();
    super::branch_unless_cold(ctx, b, status, panicked, ok)?;

    b.position_at_end(panicked);
    if let Some(panicked_fn) = panicked_fn {
        b.build_call(panicked_fn, &[], "")?;
        b.build_unreachable()?;
    } else {
        let status_ptr = func
            .get_nth_param(params.len() as u32 + 1)
            .expect("declared")
            .into_pointer_value();
        b.build_store(status_ptr, ctx.i8_type().const_int(1, false))?;
        if returns_value {
            b.build_return(Some(&abi_type(m, &ret).const_zero()))?;
        } else {
            b.build_return(None)?;
        }
    }

    b.position_at_end(ok);
    let value = b.build_extract_value(result, 1, "value")?;
    match &ret {
        Type::Prim(PrimTy::Bool) => {
            let byte = bool_to_byte(ctx, b, value.into_int_value(), "ret")?;
            b.build_return(Some(&byte))?;
        }
        Type::Prim(_) | Type::Ptr { .. } | Type::FnPtr { .. } => {
            b.build_return(Some(&value))?;
        }
        Type::Unit | Type::Never => {
            b.build_return(None)?;
        }
        // Written already.
        _ if indirect_ret => {
            b.build_return(None)?;
        }
        _ => {
            let out = func
                .get_nth_param(params.len() as u32)
                .expect("declared")
                .into_pointer_value();
            let stored = to_mem(ctx, b, value, &ret)?;
            b.build_store(out, stored)?;
            b.build_return(None)?;
        }
    }
    Ok(())
}

/// Loads the C repr at `ptr` one scalar at a time. Rust writes a repr field by field, and
/// LLVM would otherwise merge the loads of neighbouring fields into one wide load, which
/// cannot be forwarded from the narrower stores still in flight: a store-forwarding stall
/// of about 10 ns per call (a handle passed in and returned went from 5 to 16 ns).
/// Volatile keeps the loads apart; each runs once per call.
fn load_leaf_by_leaf(
    b: &Builder<'static>,
    ptr: PointerValue<'static>,
) -> CgResult<BasicValueEnum<'static>> {
    let ty = ptr.get_type().get_element_type();
    if let AnyTypeEnum::StructType(st) = ty {
        let mut value = st.get_undef();
        for field in 0..st.count_fields() {
            let address = b.build_struct_gep(ptr, field, "arg.field")?;
            let element = load_leaf_by_leaf(b, address)?;
            value = b
                .build_insert_value(value, element, field, "arg")?
                .into_struct_value();
        }
        return Ok(value.into());
    }
    let loaded = b.build_load(ptr, "arg.leaf")?;
    loaded
        .as_instruction_value()
        .expect("a load is an instruction")
        .set_volatile(true)
        .map_err(|e| CgError::Internal(e.to_string()))?;
    Ok(loaded)
}
