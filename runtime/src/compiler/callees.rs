//! What inference asks of the items a function refers to (`jitclass_core::infer::Callees`):
//! callee signatures read from their dispatchers' IR, with class references resolved, and
//! classes' fields and functions read from their descriptors, and `#[jit] trait`s'
//! declarations from theirs.

use crate::Type;
use crate::dispatch::Dispatcher;
use jitclass_core::ClassKey;
use jitclass_core::TraitKey;
use jitclass_core::infer::{CalleeSig, Callees, DynTraitSig, FieldSig, MethodSig};
use jitclass_core::ir::{ClassRefId, RefId, TypeExpr};

/// Signatures of the items a function refers to, read from their dispatchers' IR, for
/// the function's specialisation for the type arguments (whose leading ones, in a
/// generic class's method, are `Self`'s).
pub(super) struct RefSignatures<'a>(pub &'static Dispatcher, pub &'a [Type]);

/// The signature of `callee` as its callers see it (class references resolved). Of a
/// method of an instantiation of a generic class, `class_args` are the instantiation's
/// type arguments: the impl's leading generics, bound to them, are no longer the
/// callee's to infer (`Stack<f64>::push` takes an `f64`).
/// A generic class's function's result type as declared, if it names only the class's
/// generics (not the function's own, which its call instantiates).
fn declared_ret(
    callee: &'static Dispatcher,
    class_generics: usize,
) -> Result<Option<TypeExpr>, String> {
    fn class_only(te: &TypeExpr, n: usize) -> bool {
        match te {
            TypeExpr::Generic(j) => (*j as usize) < n,
            TypeExpr::Vec(e) | TypeExpr::Option(e) => class_only(e, n),
            TypeExpr::Tuple(es) => es.iter().all(|e| class_only(e, n)),
            _ => true,
        }
    }
    let ret = &callee.ir()?.ret;
    Ok((class_generics > 0 && class_only(ret, class_generics)).then(|| ret.clone()))
}

fn callee_signature(callee: &'static Dispatcher, class_args: &[Type]) -> Result<CalleeSig, String> {
    let ir = callee.ir()?;
    let bind = |te: &jitclass_core::ir::TypeExpr| {
        crate::generic_class::bind_leading(&callee.resolve_classes(te, class_args), class_args)
    };
    Ok(CalleeSig {
        name: ir.name.clone(),
        generics: ir.generics.len().saturating_sub(class_args.len()),
        params: ir.params.iter().map(|p| bind(&p.ty)).collect(),
        ret: bind(&ir.ret),
        extern_c: callee.info().cfunc || ir.foreign.is_some(),
        is_unsafe: ir.foreign.as_ref().is_some_and(|f| !f.safe),
        // A generic class's leading generics are bound to the instantiation's arguments.
        bounds: ir
            .trait_bounded
            .iter()
            .filter_map(|(g, traits)| {
                let own = (*g as usize).checked_sub(class_args.len())?;
                let ids = traits
                    .iter()
                    .filter_map(|t| callee.info().traits.get(t.index()))
                    // A plain Rust trait's is empty: jit code sees none of its impls.
                    .filter(|id| !id.is_empty())
                    .map(|id| id.to_string())
                    .collect();
                Some((own, ids))
            })
            .collect(),
    })
}

impl Callees for RefSignatures<'_> {
    fn signature(&self, item: RefId) -> Result<Option<CalleeSig>, String> {
        let callee = (self.0.info().refs[item.index()])();
        callee_signature(callee, &[]).map(Some)
    }

    fn class(&self, class: ClassRefId) -> Result<Option<ClassKey>, String> {
        let info = (self.0.info().classes[class.index()])();
        if info.is_family() {
            let written = &self.0.ir()?.class_args;
            let refs = (self.0.info().classes, &written[..]);
            let member = crate::class::instantiation(
                info,
                written.get(class.index()),
                refs,
                self.0.info().opaques,
                self.1,
            )
            .ok_or_else(|| {
                format!(
                    "the generic class `{}` is named without its type arguments; write them (`{}::<..>`)",
                    info.name(),
                    info.name()
                )
            })?;
            return Ok(Some(member.key()));
        }
        Ok(Some(info.key()))
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
        let info = crate::class::lookup(class)?;
        info.functions(name)
            .into_iter()
            .map(|entry| {
                Ok(MethodSig {
                    sig: callee_signature(entry.dispatcher, info.type_args())?,
                    receiver: entry.dispatcher.ir()?.receiver,
                    kind: entry.kind,
                    of_trait: entry.of_trait.map(|t| t.to_core()),
                    declared_ret: declared_ret(entry.dispatcher, info.type_args().len())?,
                })
            })
            .collect()
    }

    fn field_declared(&self, class: &ClassKey, field: usize) -> Option<TypeExpr> {
        // An instantiation's fields are its family's, declared with the family's generics.
        let family = crate::class::lookup(class).ok()?.family()?;
        Some(family.class_ir().ok()?.fields.get(field)?.ty.clone())
    }

    fn implements(&self, class: &ClassKey, trait_id: &str) -> Option<bool> {
        Some(crate::trait_methods::implements(
            crate::class::lookup(class).ok()?,
            trait_id,
        ))
    }

    fn dyn_trait_key(&self, t: jitclass_core::ir::TraitRefId) -> Option<TraitKey> {
        let id = self.0.info().traits.get(t.index())?;
        crate::trait_info::by_id(id).map(|info| info.key())
    }

    fn dyn_trait(&self, key: &TraitKey) -> Result<Option<DynTraitSig>, String> {
        let info = crate::trait_info::by_key(key)
            .ok_or_else(|| format!("the trait `{}` has no descriptor", key.name))?;
        info.signature().map(|sig| Some(sig.clone()))
    }

    fn trait_id(&self, t: jitclass_core::ir::TraitRefId) -> Option<String> {
        self.0.info().traits.get(t.index()).map(|id| id.to_string())
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
