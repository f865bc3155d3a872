//! The rules every jit function meets, `#[jit]` fn or `#[jitclass]` method: at most
//! `MAX_PARAMS` parameters, a body core can lower, and core's macro-time check of the
//! IR (definite initialisation; types, for non-generic bodies). Each reports into the
//! `Ctxt`.

use crate::ctxt::Ctxt;
use jitclass_core::lower::Lowered;
use syn::spanned::Spanned;

/// The most parameters `jitclass::__private::call_N` helpers exist for.
pub(crate) const MAX_PARAMS: usize = 16;

/// The function lowered by `lower` and checked at macro time, with the equalities of
/// opaque types the check found; `None` if it does not lower. Every rule runs whatever
/// another found, and reports into `cx`: the caller emits the function only if none did.
pub(crate) fn lower_and_check(
    cx: &Ctxt,
    sig: &syn::Signature,
    lower: impl FnOnce() -> Result<Lowered, Vec<syn::Error>>,
) -> Option<Lowered> {
    check_param_count(cx, sig);
    let mut lowered = cx.ok(lower())?;
    check_at_macro_time(cx, &mut lowered);
    Some(lowered)
}

fn check_param_count(cx: &Ctxt, sig: &syn::Signature) {
    if sig.inputs.len() > MAX_PARAMS {
        cx.error(
            sig.inputs.span(),
            format!("jit functions take at most {MAX_PARAMS} parameters"),
        );
    }
}

/// Core's macro-time check; its diagnostics map back to the tokens through the spans.
fn check_at_macro_time(cx: &Ctxt, lowered: &mut Lowered) {
    let check = jitclass_core::check_at_macro_time(&lowered.ir);
    for d in check.diagnostics {
        cx.error(lowered.spans[d.loc.index()], d.full_message());
    }
    lowered.opaque_equalities = check.opaque_equalities;
    lowered.slice_indexes = check.slice_indexes;
    lowered.consuming_loops = check.consuming_loops;
}
