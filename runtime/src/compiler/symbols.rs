//! Runtime helpers that JIT code calls, mapped into the engine by address.
//!
//! They are Rust functions inside this crate and not exported from the executable, so
//! the engine could not find them by name. C library functions (libm) are found in the
//! process by the engine itself.

use inkwell::execution_engine::ExecutionEngine;
use inkwell::module::Module;

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
    #[cfg(feature = "sqlite")]
    helpers.extend(crate::sqlite::symbols());
    helpers
}

/// Maps the helpers that `module` still declares after optimisation.
pub(super) fn map_runtime_symbols(engine: &ExecutionEngine<'static>, module: &Module<'static>) {
    for (name, addr) in helpers() {
        if let Some(f) = module.get_function(name) {
            engine.add_global_mapping(&f, addr);
        }
    }
}
