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
    let bind = |te: &jitclass_core::ir::TypeExpr| -> Result<TypeExpr, String> {
        Ok(crate::generic_class::bind_leading(
            &callee.resolve_classes(te, class_args)?,
            class_args,
        ))
    };
    Ok(CalleeSig {
        name: ir.name.clone(),
        generics: ir.generics.len().saturating_sub(class_args.len()),
        params: ir
            .params
            .iter()
            .map(|p| bind(&p.ty))
            .collect::<Result<_, _>>()?,
        ret: bind(&ir.ret)?,
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
        match self.class_type(class)? {
            Some(TypeExpr::Concrete(Type::Class(key))) => Ok(Some(key)),
            _ => {
                let info = (self.0.info().classes[class.index()])();
                Err(format!(
                    "the generic class `{}` is named without its type arguments; write them (`{}::<..>`)",
                    info.name(),
                    info.name()
                ))
            }
        }
    }

    fn class_type(&self, class: ClassRefId) -> Result<Option<TypeExpr>, String> {
        let written = &self.0.ir()?.class_args;
        let refs = (self.0.info().classes, &written[..]);
        crate::class::resolve_refs(&TypeExpr::Class(class), refs, self.0.info().opaques, self.1)
            .map(Some)
    }

    fn family(&self, class: &ClassKey) -> Option<(ClassKey, Vec<Type>)> {
        super::family_callees::family(class)
    }

    fn member(&self, family: &ClassKey, args: &[Type]) -> Result<Option<ClassKey>, String> {
        super::family_callees::member(family, args)
    }

    fn class_generics(&self, family: &ClassKey) -> Vec<String> {
        crate::class::lookup(family)
            .map(|info| info.desc().generics.iter().map(|g| g.to_string()).collect())
            .unwrap_or_default()
    }

    fn opaque(&self, opaque: jitclass_core::ir::OpaqueRefId) -> Option<jitclass_core::OpaqueKey> {
        match (self.0.info().opaques.get(opaque.index())?)() {
            Type::PassThru(key) => Some(key),
            _ => None,
        }
    }

    fn fields(&self, class: &ClassKey) -> Result<Vec<FieldSig>, String> {
        super::family_callees::fields(class)
    }

    /// Of an instantiation, its functions with the class's generics bound to its
    /// arguments; of a family (a receiver `Stack<?T>` whose arguments are not known yet),
    /// its functions as declared: the class's generics leading, `Self` the family applied
    /// to them.
    fn method(&self, class: &ClassKey, name: &str) -> Result<Vec<MethodSig>, String> {
        let info = crate::class::lookup(class)?;
        let class_generics = if info.is_family() {
            info.desc().generics.len()
        } else {
            info.type_args().len()
        };
        let all = info.functions(name);
        // An instantiation whose type arguments fail its trait impl's bounds does not
        // have that impl's functions (rustc's E0599 on `Twice<Plain>`).
        let held: Vec<_> = all
            .iter()
            .copied()
            .filter(|entry| {
                entry
                    .of_trait
                    .is_none_or(|t| crate::trait_methods::implements(info, t.id))
            })
            .collect();
        if held.is_empty()
            && let Some(entry) = all.first()
            && let Some(t) = entry.of_trait
        {
            let unmet = crate::trait_methods::unmet_bounds(info, t.id);
            let what = if entry.dispatcher.ir()?.receiver.is_some() {
                "method"
            } else {
                "function or associated item"
            };
            return Err(format!(
                "the {what} `{name}` exists for struct `{}`, but its trait bounds were not satisfied\nnote: the following trait bounds were not satisfied: {}, which is required by `{}: {}`",
                info.jit_type(),
                unmet.join(", "),
                info.jit_type(),
                t.name
            ));
        }
        if all.is_empty()
            && let Some((others, entry)) = info.found_for_others(name)
            && !others.is_empty()
        {
            let what = if entry.dispatcher.ir()?.receiver.is_some() {
                "method"
            } else {
                "function or associated item"
            };
            // rustc names the other instantiations of an inherent impl, and the trait of a
            // trait impl's function.
            let note = match entry.of_trait {
                Some(t) => format!(
                    "help: items from traits can only be used if the trait is implemented and in scope\nnote: `{}` defines an item `{name}`, perhaps you need to implement it",
                    t.name
                ),
                None => format!(
                    "note: the {what} was found for\n{}",
                    others
                        .iter()
                        .map(|o| format!("- {o}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                ),
            };
            return Err(format!(
                "no {what} named `{name}` found for struct `{}` in the current scope\n{note}",
                info.jit_type(),
            ));
        }
        held.into_iter()
            .map(|entry| {
                Ok(MethodSig {
                    sig: callee_signature(entry.dispatcher, info.type_args())?,
                    receiver: entry.dispatcher.ir()?.receiver,
                    kind: entry.kind,
                    of_trait: entry.of_trait.map(|t| t.to_core()),
                    declared_ret: declared_ret(entry.dispatcher, class_generics)?,
                })
            })
            .collect()
    }

    fn field_declared(&self, class: &ClassKey, field: usize) -> Option<TypeExpr> {
        // An instantiation's fields are its family's, declared with the family's generics.
        super::family_callees::field_declared(class, field)
    }

    fn implements(&self, class: &ClassKey, trait_id: &str) -> Option<bool> {
        Some(crate::trait_methods::implements(
            crate::class::lookup(class).ok()?,
            trait_id,
        ))
    }

    fn unmet_impl_bounds(&self, class: &ClassKey, trait_id: &str) -> Vec<String> {
        crate::class::lookup(class)
            .map(|info| crate::trait_methods::unmet_bounds(info, trait_id))
            .unwrap_or_default()
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

    fn instantiations_defining(&self, family: &ClassKey, name: &str) -> Vec<Vec<Type>> {
        let Ok(info) = crate::class::lookup(family) else {
            return Vec::new();
        };
        info.instantiations_defining(name)
    }

    fn method_names(&self, class: &ClassKey) -> Vec<String> {
        crate::class::lookup(class)
            .map(|info| info.method_names().iter().map(|n| n.to_string()).collect())
            .unwrap_or_default()
    }
}
