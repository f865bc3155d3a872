//! Mapping the functions and data JIT code refers to by symbol into the engine, by address.
//!
//! They are Rust functions and values inside this process and not exported from the
//! executable, so the engine could not find them by name: every helper of
//! `crate::helpers`, the math wrappers and library calls of `math.rs` (float math goes to
//! Rust's own implementations, never to the C library the engine would find by name), and
//! the data a module's code points at (`ModuleCx::mapped_data`).

use crate::helpers::{Helper, MappedFn};
use inkwell::context::Context;
use inkwell::execution_engine::ExecutionEngine;
use inkwell::module::{Linkage, Module};

/// Every function JIT code may call by symbol.
fn mapped_functions() -> impl Iterator<Item = MappedFn> {
    Helper::ALL
        .iter()
        .map(|h| h.row())
        .chain(crate::math::mapped())
}

/// Declares in `module` the functions its machine code may call although its IR does not
/// (`sin` for `llvm.sin`, `__powidf2` for `llvm.powi`), so that they are mapped to Rust's
/// implementations (`math.rs`) like any helper, instead of being found in the C library.
fn declare_libcalls(ctx: &'static Context, module: &Module<'static>) {
    for call in crate::math::libcalls() {
        if module.get_function(call.symbol).is_none() {
            module.add_function(call.symbol, (call.fn_type)(ctx), Some(Linkage::External));
        }
    }
}

/// Maps the functions that `module` still declares after optimisation, and those of the
/// module's own symbols `data` (name and address) that it still refers to.
pub(super) fn map_runtime_symbols(
    ctx: &'static Context,
    engine: &ExecutionEngine<'static>,
    module: &Module<'static>,
    data: &[(String, usize)],
) {
    declare_libcalls(ctx, module);
    for f in mapped_functions() {
        if let Some(declared) = module.get_function(f.symbol) {
            engine.add_global_mapping(&declared, (f.address)());
        }
    }
    for (name, address) in data {
        if let Some(global) = module.get_global(name) {
            engine.add_global_mapping(&global, *address);
        } else if let Some(function) = module.get_function(name) {
            engine.add_global_mapping(&function, *address);
        }
    }
}
