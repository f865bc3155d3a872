//! Mapping the functions and data JIT code refers to by symbol into the engine, by address.
//!
//! They are Rust functions and values inside this process and not exported from the
//! executable, so the engine could not find them by name: every helper of
//! `crate::helpers`, the math wrappers and library calls of `math.rs`, std's sorts of `std_sort.rs`, std's `char` methods of `text.rs`, std's formatting of `format.rs` (float math goes to
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
        .chain(crate::std_sort::mapped())
        .chain(crate::text::mapped())
        .chain(crate::string::mapped())
        .chain(crate::owned_string::mapped())
        .chain(crate::format::mapped())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helpers::RustTypeInfo;
    use inkwell::context::Context;
    use inkwell::targets::TargetData;
    use inkwell::types::BasicTypeEnum;

    /// A Rust type's LLVM type has its size and alignment, and is a pointer for a
    /// pointer, a float for a float, an integer otherwise; `()` is `void`.
    fn check(
        what: &str,
        rust: &RustTypeInfo,
        llvm: Option<BasicTypeEnum<'static>>,
        data: &TargetData,
    ) {
        let Some(basic) = llvm else {
            assert_eq!(rust.name, "()", "{what}: `void` is not `{}`", rust.name);
            return;
        };
        let expected_kind = if rust.name.starts_with("*const") || rust.name.starts_with("*mut") {
            basic.is_pointer_type()
        } else if rust.name == "f32" || rust.name == "f64" {
            basic.is_float_type()
        } else {
            basic.is_int_type()
        };
        assert!(expected_kind, "{what}: `{}` became {basic:?}", rust.name);
        assert_eq!(
            (
                data.get_abi_size(&basic),
                u64::from(data.get_abi_alignment(&basic))
            ),
            (rust.size as u64, rust.align as u64),
            "{what}: size and alignment of `{}` as {basic:?}",
            rust.name
        );
    }

    /// Every mapped function's LLVM type (`crate::helpers`), parameter by parameter,
    /// against its Rust signature; symbols and addresses are distinct.
    #[test]
    fn llvm_types_match_the_rust_signatures() {
        let ctx: &'static Context = Box::leak(Box::new(Context::create()));
        let data = TargetData::create(
            "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128",
        );
        let rows: Vec<MappedFn> = mapped_functions().collect();
        assert!(
            rows.len() > Helper::ALL.len(),
            "the math wrappers are checked too"
        );
        let mut symbols = std::collections::HashSet::new();
        let mut addresses = std::collections::HashSet::new();
        for row in &rows {
            let what = row.symbol;
            assert!(symbols.insert(what), "{what} is mapped twice");
            assert!(
                (row.address)() != 0 && addresses.insert((row.address)()),
                "{what}"
            );
            let rust = (row.rust_signature)();
            let llvm = (row.fn_type)(ctx);
            let params = llvm.get_param_types();
            assert_eq!(params.len(), rust.params.len(), "{what}: parameter count");
            for (i, (r, l)) in rust.params.iter().zip(params).enumerate() {
                let l = BasicTypeEnum::try_from(l).ok();
                check(&format!("{what} parameter {i}"), r, l, &data);
            }
            check(
                &format!("{what} result"),
                &rust.ret,
                llvm.get_return_type(),
                &data,
            );
        }
    }
}
