//! Calls with the C calling convention: through function pointer values, to C functions
//! declared in `#[jit] extern "C"` blocks, and the values of jit fns named as functions.
//!
//! A function pointer is an `i8*` in registers and memory, cast to its C function type
//! at the call. C scalars cross as C passes them: `bool` as a byte with `zeroext`, small
//! integers extended by their signedness (`signext` / `zeroext`), as clang and rustc
//! declare them, so a callee compiled by either may rely on the extension.

use super::no_ub::{bool_from_byte, bool_to_byte};
use super::{FnCx, Val};
use crate::compiler::types::reg_type;
use crate::compiler::{CgError, CgResult};
use crate::{Dispatcher, Type};
use inkwell::AddressSpace;
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FunctionType};
use inkwell::values::{BasicValueEnum, CallSiteValue, CallableValue, FunctionValue, PointerValue};
use jitclass_core::PrimTy;
use jitclass_core::ir::{ExprId, RefId};

/// How a C scalar crosses a C call.
fn c_abi_type(ctx: &'static Context, t: &Type) -> BasicTypeEnum<'static> {
    match t {
        Type::Prim(PrimTy::Bool) => ctx.i8_type().into(),
        _ => reg_type(ctx, t),
    }
}

/// `ret (params..)` of a C function of these jit types.
pub(crate) fn c_fn_type(
    ctx: &'static Context,
    params: &[Type],
    ret: &Type,
) -> FunctionType<'static> {
    let params: Vec<BasicMetadataTypeEnum> =
        params.iter().map(|t| c_abi_type(ctx, t).into()).collect();
    match ret {
        Type::Unit | Type::Never => ctx.void_type().fn_type(&params, false),
        t => c_abi_type(ctx, t).fn_type(&params, false),
    }
}

/// The extension attribute C gives a value of type `t`, if any.
fn extension(ctx: &'static Context, t: &Type) -> Option<Attribute> {
    let kind = match t.prim()? {
        PrimTy::Bool | PrimTy::U8 | PrimTy::U16 => "zeroext",
        PrimTy::I8 | PrimTy::I16 => "signext",
        _ => return None,
    };
    Some(ctx.create_enum_attribute(Attribute::get_named_enum_kind_id(kind), 0))
}

/// Where the extension attributes of a C signature go.
fn c_attributes(
    ctx: &'static Context,
    params: &[Type],
    ret: &Type,
) -> Vec<(AttributeLoc, Attribute)> {
    let mut attributes: Vec<(AttributeLoc, Attribute)> = params
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((AttributeLoc::Param(i as u32), extension(ctx, t)?)))
        .collect();
    if let Some(a) = extension(ctx, ret) {
        attributes.push((AttributeLoc::Return, a));
    }
    attributes
}

/// Marks a function defined with a C signature as C declares it.
pub(crate) fn set_c_attributes(
    ctx: &'static Context,
    func: FunctionValue<'static>,
    params: &[Type],
    ret: &Type,
) {
    for (loc, a) in c_attributes(ctx, params, ret) {
        func.add_attribute(loc, a);
    }
}

fn set_call_attributes(
    ctx: &'static Context,
    call: CallSiteValue<'static>,
    params: &[Type],
    ret: &Type,
) {
    for (loc, a) in c_attributes(ctx, params, ret) {
        call.add_attribute(loc, a);
    }
}

/// The C signature of a function pointer type.
fn signature_of(t: &Type) -> CgResult<(Vec<Type>, Type)> {
    match t {
        Type::FnPtr { params, ret } => Ok((params.clone(), (**ret).clone())),
        other => Err(CgError::Internal(format!(
            "a call through a value of type `{other}`"
        ))),
    }
}

impl FnCx<'_> {
    /// `f(args)` where `f` is a function pointer value.
    pub(super) fn call_indirect(
        &mut self,
        callee: ExprId,
        args: &[ExprId],
    ) -> CgResult<Option<Val>> {
        let Some(f) = self.expr(callee)? else {
            return Ok(None);
        };
        // C scalars hold no references: nothing to keep or release around the call.
        let Some(values) = self.owned_values(args)? else {
            return Ok(None);
        };
        let (params, ret) = signature_of(self.ty(callee))?;
        self.c_call(f.into_pointer_value(), &params, &ret, &values)
            .map(Some)
    }

    /// A call of a C function declared in a `#[jit] extern "C"` block.
    pub(super) fn foreign_call(
        &mut self,
        callee: &'static Dispatcher,
        args: &[ExprId],
    ) -> CgResult<Option<Val>> {
        let Some(values) = self.owned_values(args)? else {
            return Ok(None);
        };
        let signature = callee.foreign_signature()?;
        let address = self.foreign_pointer(callee)?;
        self.c_call(address, &signature.params, &signature.ret, &values)
            .map(Some)
    }

    /// A function named as a value: the address of its C entry point.
    pub(super) fn fn_ref(&mut self, item: RefId) -> CgResult<Val> {
        let callee = (self.disp.info().refs[item.index()])();
        if callee.is_foreign() {
            return Ok(self.foreign_pointer(callee)?.into());
        }
        let wrapper = self.m.cfunc_wrapper(callee)?;
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        let address = wrapper.as_global_value().as_pointer_value();
        Ok(self.b().build_bit_cast(address, i8p, "fn")?)
    }

    /// A declared C function (found by its symbol in the process), as an `i8*`.
    fn foreign_pointer(&mut self, callee: &'static Dispatcher) -> CgResult<PointerValue<'static>> {
        let address = callee.foreign_address()?;
        let signature = callee.foreign_signature()?;
        let fn_type = c_fn_type(self.ctx, &signature.params, &signature.ret);
        let function = self.m.mapped_function("c_fn", address, fn_type);
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        Ok(self
            .b()
            .build_bit_cast(function.as_global_value().as_pointer_value(), i8p, "c_fn")?
            .into_pointer_value())
    }

    /// Calls the C function at `f` (an `i8*`) with register-form `args`.
    fn c_call(
        &mut self,
        f: PointerValue<'static>,
        params: &[Type],
        ret: &Type,
        args: &[Val],
    ) -> CgResult<Val> {
        let ctx = self.ctx;
        let fn_type = c_fn_type(ctx, params, ret);
        let typed = self
            .b()
            .build_bit_cast(f, fn_type.ptr_type(AddressSpace::default()), "callee")?
            .into_pointer_value();
        let mut c_args = Vec::with_capacity(args.len());
        for (v, t) in args.iter().zip(params) {
            let v: BasicValueEnum = match t {
                Type::Prim(PrimTy::Bool) => {
                    bool_to_byte(ctx, self.b(), v.into_int_value(), "c.bool")?.into()
                }
                _ => *v,
            };
            c_args.push(v.into());
        }
        let callable = CallableValue::try_from(typed)
            .map_err(|()| CgError::Internal("a function pointer of no function type".into()))?;
        let call = self.b().build_call(callable, &c_args, "c.call")?;
        set_call_attributes(ctx, call, params, ret);
        Ok(match ret {
            Type::Unit | Type::Never => self.unit(),
            Type::Prim(PrimTy::Bool) => {
                let byte = call
                    .try_as_basic_value()
                    .basic()
                    .expect("a bool result")
                    .into_int_value();
                bool_from_byte(ctx, self.b(), byte, "c.ret")?.into()
            }
            _ => call.try_as_basic_value().basic().expect("a scalar result"),
        })
    }
}
