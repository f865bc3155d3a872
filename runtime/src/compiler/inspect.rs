//! The LLVM IR text of compilations, for people and tests: the optimised module of a
//! compiled specialisation (`Dispatcher::llvm_ir`), and one function's IR as codegen
//! emits it, before optimisation (the hidden `Dispatcher::__unoptimised_llvm_ir`, which
//! the runtime's IR snapshot tests read to pin the no-UB rules of `codegen/no_ub.rs`).

use super::{ModuleCx, with_jit};
use crate::Type;
use crate::dispatch::Dispatcher;
use crate::error::Error;
use inkwell::values::AnyValue;

/// The optimised IR text of a compiled module.
pub(crate) fn module_ir(module: usize) -> String {
    with_jit(|jit| Ok(jit.modules[module].print_to_string().to_string()))
        .unwrap_or_else(|e| format!("; unavailable: {e}"))
}

/// The LLVM IR of the function of `disp` specialised for `type_args`, as codegen emits
/// it, before any optimisation: the body of that one function (its callees are calls),
/// in a module that is verified and then dropped, so nothing is compiled, cached or
/// counted. The text is the same in every process: the module's symbol prefix (`jc7_`,
/// numbered by compilation) is written `jc_`, and the function's attribute group
/// reference (`#0`: the host CPU and its features) is left out.
pub(crate) fn unoptimised_ir(
    disp: &'static Dispatcher,
    type_args: &[Type],
) -> Result<String, Error> {
    let mut outcome = None;
    with_jit(|jit| {
        let mut mcx = ModuleCx::new(jit, disp.name());
        outcome = Some(emit_root(&mut mcx, disp, type_args));
        Ok(())
    })
    .map_err(|e| Error::internal(disp.name(), format!("cannot start LLVM: {e}")))?;
    outcome.expect("with_jit ran the closure")
}

fn emit_root(
    mcx: &mut ModuleCx,
    disp: &'static Dispatcher,
    type_args: &[Type],
) -> Result<String, Error> {
    let root = mcx.instance(disp, type_args)?;
    mcx.emit_pending()?;
    if let Err(e) = mcx.module.verify() {
        return Err(Error::internal(
            disp.name(),
            format!("LLVM rejected the generated module: {}", e.to_string()),
        ));
    }
    let text = mcx.instances[root].func.print_to_string().to_string();
    Ok(stable_text(&text, &mcx.prefix))
}

/// `text` without what differs between processes and hosts (see `unoptimised_ir`).
fn stable_text(text: &str, prefix: &str) -> String {
    let text = text.replace(&format!("@{prefix}_"), "@jc_");
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        match line
            .strip_prefix("define ")
            .and_then(|_| line.rsplit_once(" #"))
        {
            Some((head, tail)) if tail.trim_end_matches(" {").parse::<u32>().is_ok() => {
                out.push_str(head);
                out.push_str(" {");
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}
