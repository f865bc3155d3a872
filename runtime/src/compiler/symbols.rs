//! Runtime helpers that JIT code calls, mapped into the engine by address.
//!
//! They are Rust functions inside this crate and not exported from the executable, so
//! the engine could not find them by name. Float math goes to Rust's own implementations
//! (`math.rs`), never to the C library the engine would find by name.

use inkwell::execution_engine::ExecutionEngine;
use inkwell::module::{Linkage, Module};
use inkwell::types::BasicMetadataTypeEnum;

/// Name and address of every runtime helper.
fn helpers() -> Vec<(&'static str, usize)> {
    use crate::memory::{RT_ALLOC, RT_DECREF, jitclass_rt_alloc, jitclass_rt_decref};
    use crate::placement::{
        RT_CONSTRUCT_AT, RT_DESTROY_AT, jitclass_rt_construct_at, jitclass_rt_destroy_at,
    };
    #[allow(unused_mut)] // extended with the `sqlite` feature
    let mut helpers = vec![
        (
            crate::panic::RT_PANIC,
            crate::panic::jitclass_rt_panic as *const () as usize,
        ),
        (
            crate::panic::RT_CFUNC_PANICKED,
            crate::panic::jitclass_rt_cfunc_panicked as *const () as usize,
        ),
        (RT_DECREF, jitclass_rt_decref as *const () as usize),
        (RT_ALLOC, jitclass_rt_alloc as *const () as usize),
        (
            RT_CONSTRUCT_AT,
            jitclass_rt_construct_at as *const () as usize,
        ),
        (RT_DESTROY_AT, jitclass_rt_destroy_at as *const () as usize),
    ];
    helpers.extend(crate::math::symbols());
    #[cfg(feature = "sqlite")]
    helpers.extend(crate::sqlite::symbols());
    helpers
}

/// Declares in `module` the functions its machine code may call although its IR does not
/// (`sin` for `llvm.sin`, `__powidf2` for `llvm.powi`), so that they are mapped to Rust's
/// implementations (`math.rs`) like any helper, instead of being found in the C library.
fn declare_libcalls(module: &Module<'static>) {
    let ctx = module.get_context();
    for call in crate::math::libcalls() {
        if module.get_function(call.symbol).is_some() {
            continue;
        }
        let float = if call.ty == jitclass_core::PrimTy::F32 {
            ctx.f32_type()
        } else {
            ctx.f64_type()
        };
        let mut params: Vec<BasicMetadataTypeEnum> = vec![float.into(); call.floats];
        if call.int_operand {
            params.push(ctx.i32_type().into());
        }
        module.add_function(
            call.symbol,
            float.fn_type(&params, false),
            Some(Linkage::External),
        );
    }
}

/// Maps the helpers that `module` still declares after optimisation.
pub(super) fn map_runtime_symbols(engine: &ExecutionEngine<'static>, module: &Module<'static>) {
    declare_libcalls(module);
    for (name, addr) in helpers() {
        if let Some(f) = module.get_function(name) {
            engine.add_global_mapping(&f, addr);
        }
    }
}
