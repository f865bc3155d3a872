//! What inference asks of the items a function refers to (`jitclass_core::infer::Callees`):
//! callee signatures read from their dispatchers' IR, with class references resolved, and
//! classes' fields and functions read from their descriptors.

use crate::Type;
use crate::dispatch::Dispatcher;
use jitclass_core::ClassKey;
use jitclass_core::infer::{CalleeSig, Callees, FieldSig, MethodSig};
use jitclass_core::ir::{ClassRefId, RefId};

/// Signatures of the items a function refers to, read from their dispatchers' IR.
pub(super) struct RefSignatures(pub &'static Dispatcher);

/// The signature of `callee` as its callers see it (class references resolved).
fn callee_signature(callee: &'static Dispatcher) -> Result<CalleeSig, String> {
    let ir = callee.ir()?;
    Ok(CalleeSig {
        name: ir.name.clone(),
        generics: ir.generics.len(),
        params: ir
            .params
            .iter()
            .map(|p| callee.resolve_classes(&p.ty))
            .collect(),
        ret: callee.resolve_classes(&ir.ret),
        extern_c: callee.info().cfunc || ir.foreign.is_some(),
        is_unsafe: ir.foreign.as_ref().is_some_and(|f| !f.safe),
    })
}

impl Callees for RefSignatures {
    fn signature(&self, item: RefId) -> Result<Option<CalleeSig>, String> {
        let callee = (self.0.info().refs[item.index()])();
        callee_signature(callee).map(Some)
    }

    fn class(&self, class: ClassRefId) -> Result<Option<ClassKey>, String> {
        Ok(Some((self.0.info().classes[class.index()])().key()))
    }

    fn opaque(&self, opaque: jitclass_core::ir::OpaqueRefId) -> Option<jitclass_core::OpaqueKey> {
        match (self.0.info().opaques.get(opaque.index())?)() {
            Type::PassThru(key) => Some(key),
            _ => None,
        }
    }

    fn fields(&self, class: &ClassKey) -> Result<Vec<FieldSig>, String> {
        Ok(crate::class::lookup(class)?.decoded_fields()?.to_vec())
    }

    fn method(&self, class: &ClassKey, name: &str) -> Result<Vec<MethodSig>, String> {
        crate::class::lookup(class)?
            .functions(name)
            .into_iter()
            .map(|entry| {
                Ok(MethodSig {
                    sig: callee_signature(entry.dispatcher)?,
                    receiver: entry.dispatcher.ir()?.receiver,
                    kind: entry.kind,
                })
            })
            .collect()
    }

    fn derives(&self, class: &ClassKey) -> Vec<String> {
        crate::class::lookup(class)
            .map(|info| info.derived().iter().map(|n| n.to_string()).collect())
            .unwrap_or_default()
    }

    fn method_names(&self, class: &ClassKey) -> Vec<String> {
        crate::class::lookup(class)
            .map(|info| info.method_names().iter().map(|n| n.to_string()).collect())
            .unwrap_or_default()
    }
}
