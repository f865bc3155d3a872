//! Panics in generated code: the panic block every failing path leaves through, the call of
//! the panic helper with a site and its formatted arguments, conditional checks, and the
//! messages of the checks generated code makes (std's words where Rust makes the same check).
//!
//! A panic site (`crate::panic::PanicSite`: message template and DSL location) is leaked,
//! as compiled code is immortal, and the IR refers to it by a symbol mapped to its address
//! (`ModuleCx::mapped_data`). The helper formats the message into the thread-local pending
//! panic and returns; the function then leaves through the panic block, which drops every
//! owned slot and returns `{1, zero}`.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::{CgError, CgResult};
use crate::helpers::Helper;
use crate::panic::{self, PanicSite};
use inkwell::AddressSpace;
use inkwell::basic_block::BasicBlock;
use inkwell::values::IntValue;
use jitclass_core::PrimTy;
use jitclass_core::ir::LocId;

impl FnCx<'_> {
    /// The block a panicking path leaves through (filled by `finish_exits`).
    pub(super) fn panic_block(&mut self) -> CgResult<BasicBlock<'static>> {
        if let Some(bb) = self.panic_block {
            return Ok(bb);
        }
        // Filled by `finish_exits`.
        let bb = self.block("panicked");
        self.panic_block = Some(bb);
        Ok(bb)
    }

    /// `PanicArg` as LLVM lays it out: `{i8 kind, i64 bits}`.
    pub(super) fn panic_arg_type(&self) -> inkwell::types::StructType<'static> {
        self.ctx.struct_type(
            &[self.ctx.i8_type().into(), self.ctx.i64_type().into()],
            false,
        )
    }

    /// Calls the panic helper with a message made of `pieces` and `args`, then leaves.
    pub(super) fn emit_panic(
        &mut self,
        loc: LocId,
        pieces: Vec<String>,
        debug: Vec<bool>,
        args: &[(Val, Type)],
    ) -> CgResult<()> {
        let site = Box::leak(Box::new(PanicSite {
            pieces,
            debug,
            location: self.disp.location(loc),
            function: self.disp.name().to_string(),
        }));
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        let array = self.panic_args.expect("allocated in the prologue");
        let zero = self.ctx.i32_type().const_zero();
        for (i, (v, t)) in args.iter().enumerate() {
            let (kind, bits) = self.panic_arg_bits(*v, t)?;
            let idx = self.ctx.i32_type().const_int(i as u64, false);
            // SAFETY: `i` is below the array length, which is the largest panic's arity.
            let slot = unsafe { self.b().build_in_bounds_gep(array, &[zero, idx], "arg")? };
            let kind_ptr = self.b().build_struct_gep(slot, 0, "kind")?;
            let bits_ptr = self.b().build_struct_gep(slot, 1, "bits")?;
            self.b().build_store(
                kind_ptr,
                self.ctx.i8_type().const_int(u64::from(kind), false),
            )?;
            self.b().build_store(bits_ptr, bits)?;
        }
        let helper = self.m.helper(Helper::Panic);
        let site_ptr = self
            .m
            .mapped_data("panic_site", site as *const PanicSite as usize);
        let first = self.b().build_bit_cast(array, i8p, "args")?;
        let n = self.ctx.i64_type().const_int(args.len() as u64, false);
        self.b()
            .build_call(helper, &[site_ptr.into(), first.into(), n.into()], "")?;
        let bb = self.panic_block()?;
        self.b().build_unconditional_branch(bb)?;
        Ok(())
    }

    fn panic_arg_bits(&self, v: Val, t: &Type) -> CgResult<(u8, IntValue<'static>)> {
        let b = self.b();
        let i64t = self.ctx.i64_type();
        if *t == Type::Str {
            // The text the helper called before the check recorded (`panic::ARG_TEXT`).
            return Ok((panic::ARG_TEXT, i64t.const_zero()));
        }
        let p = t
            .prim()
            .ok_or_else(|| CgError::Internal(format!("panic argument of type {t}")))?;
        Ok(match p {
            PrimTy::Bool => (
                panic::ARG_BOOL,
                b.build_int_z_extend(v.into_int_value(), i64t, "a")?,
            ),
            PrimTy::F32 => {
                let bits = b
                    .build_bit_cast(v, self.ctx.i32_type(), "a")?
                    .into_int_value();
                (panic::ARG_F32, b.build_int_z_extend(bits, i64t, "a")?)
            }
            PrimTy::Char => (
                panic::ARG_CHAR,
                b.build_int_z_extend(v.into_int_value(), i64t, "a")?,
            ),
            PrimTy::F64 => (
                panic::ARG_F64,
                b.build_bit_cast(v, i64t, "a")?.into_int_value(),
            ),
            p if p.is_signed() => (
                panic::ARG_SIGNED,
                b.build_int_s_extend_or_bit_cast(v.into_int_value(), i64t, "a")?,
            ),
            _ => (
                panic::ARG_UNSIGNED,
                b.build_int_z_extend_or_bit_cast(v.into_int_value(), i64t, "a")?,
            ),
        })
    }

    /// Branches to a panic with a fixed message when `failed` holds.
    pub(super) fn check(
        &mut self,
        failed: IntValue<'static>,
        loc: LocId,
        message: &str,
    ) -> CgResult<()> {
        self.check_with(failed, loc, vec![message.to_string()], &[])
    }

    /// Branches to a panic when `failed` holds, with a message of `pieces` around `args`.
    pub(super) fn check_with(
        &mut self,
        failed: IntValue<'static>,
        loc: LocId,
        pieces: Vec<String>,
        args: &[(Val, Type)],
    ) -> CgResult<()> {
        let fail = self.block("check.fail");
        let ok = self.block("check.ok");
        crate::compiler::branch_unless_cold(self.ctx, self.b(), failed, fail, ok)?;
        self.b().position_at_end(fail);
        let debug = vec![false; args.len()];
        self.emit_panic(loc, pieces, debug, args)?;
        self.b().position_at_end(ok);
        Ok(())
    }
}

// ---- messages -------------------------------------------------------------------------
//
// Where Rust makes the same check, in std's words, so that jit code panics as rustc's
// build of the same code does.

/// Integer `/` by zero.
pub(super) const DIVIDE_BY_ZERO: &str = "attempt to divide by zero";
/// Integer `MIN / -1`.
pub(super) const DIVIDE_OVERFLOW: &str = "attempt to divide with overflow";
/// Integer `%` by zero.
pub(super) const REMAINDER_BY_ZERO: &str =
    "attempt to calculate the remainder with a divisor of zero";
/// Integer `MIN % -1`.
pub(super) const REMAINDER_OVERFLOW: &str = "attempt to calculate the remainder with overflow";
/// `Option::unwrap` of a `None`.
pub(super) const UNWRAP_NONE: &str = "called `Option::unwrap()` on a `None` value";
/// `Iterator::step_by(0)`.
pub(super) const STEP_BY_ZERO: &str = "assertion failed: step != 0";

/// The pieces around `len` and `index` of a failed bounds check.
pub(super) fn index_out_of_bounds() -> Vec<String> {
    vec![
        "index out of bounds: the len is ".into(),
        " but the index is ".into(),
        String::new(),
    ]
}

/// The memory runtime returned no block for a new instance of `class`.
pub(super) fn allocation_failed(size: usize, class: &str) -> String {
    format!("memory allocation of {size} bytes failed for `{class}`")
}

/// `which::<class>(ptr)` of a pointer that cannot hold a payload.
pub(super) fn misplaced_payload(which: &str, class: &str, align: u64) -> String {
    format!(
        "{which}::<{class}> of a null or misaligned pointer (the payload needs {align}-byte alignment)"
    )
}
