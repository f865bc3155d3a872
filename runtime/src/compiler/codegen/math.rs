//! Calls of the float methods whose results depend on a math library (`sin`, `cbrt`,
//! `powf`, ...): each is a call to the runtime's wrapper of Rust's own method
//! (`crate::math`), declared with the wrapper's table row, so the symbol, its address and
//! its LLVM signature come from one place (its Rust signature, `crate::helpers`).

use super::{FnCx, Val};
use crate::compiler::{CgError, CgResult};
use crate::math::math_fn;
use jitclass_core::PrimTy;

impl FnCx<'_> {
    /// `method(args..)` on floats of type `t`, through Rust's implementation.
    pub(super) fn call_math(&self, method: &str, t: PrimTy, args: &[Val]) -> CgResult<Val> {
        let wrapper = math_fn(method, t)
            .ok_or_else(|| CgError::Internal(format!("no math wrapper of `{t}::{method}`")))?;
        if wrapper.arity != args.len() {
            return Err(CgError::Internal(format!(
                "`{t}::{method}` takes {} operands, not {}",
                wrapper.arity,
                args.len()
            )));
        }
        let f = self.m.declare_pure_mapped(&wrapper.function);
        let args: Vec<_> = args.iter().map(|a| (*a).into()).collect();
        self.b()
            .build_call(f, &args, "math")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal(format!("`{t}::{method}` returns nothing")))
    }
}
