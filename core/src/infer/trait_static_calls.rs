//! `Trait::f(args)` of a trait function without `self` (`let c: Circle = Shape::unit();`):
//! the implementing type is the type the call's value must have, known once the body is typed.

use super::Infer;
use super::unify::{Ty, VarKind};
use crate::diag::Diagnostic;
use crate::ir::{ExprId, TraitDispatch, TraitRefId};

/// A call of a trait's associated function waiting for its implementing type: the type
/// of its value, which rustc infers from the uses (a `let` annotation, the return type,
/// a parameter's type), as `Self` is what the function returns.
pub(super) struct SelfTypedTraitCall {
    id: ExprId,
    /// The call's value, also the implementing type.
    result: Ty,
    /// The identities of the traits named.
    ids: Vec<String>,
    name: String,
    args: Vec<ExprId>,
    arg_types: Vec<Ty>,
    places: SelfPlaces,
}

/// Where `Self` appears in a trait function without `self`: the places rustc infers the
/// impl from. A parameter of a concrete class (`fn from(o: &Circle) -> Self`) is none.
#[derive(Clone, Copy, Debug)]
pub(super) struct SelfPlaces {
    /// The first parameter typed `Self`, `&Self` or `&mut Self`.
    self_param: Option<usize>,
    /// Whether the function returns `Self`.
    returns_self: bool,
}

impl Infer<'_> {
    /// Where `Self` appears if `name` is a function without `self` of one of `traits`
    /// (`fn unit() -> Self`), whose first argument, if any, is no receiver. `None` when
    /// not known (macro time).
    pub(super) fn associated_trait_fn(
        &self,
        traits: &[TraitRefId],
        name: &str,
    ) -> Option<SelfPlaces> {
        traits.iter().find_map(|t| {
            let key = self.callees.dyn_trait_key(*t)?;
            let Ok(Some(sig)) = self.callees.dyn_trait(&key) else {
                return None;
            };
            match sig.ir.method(name)?.0.dispatch {
                TraitDispatch::Associated {
                    self_param,
                    returns_self,
                } => Some(SelfPlaces {
                    self_param,
                    returns_self,
                }),
                _ => None,
            }
        })
    }

    /// `Shape::unit()`: typed as a fresh variable the uses decide; the call is resolved
    /// once they have (`resolve_self_typed_trait_calls`), or now if its first argument is
    /// of a class of the impl.
    pub(super) fn self_typed_trait_call(
        &mut self,
        id: ExprId,
        ids: &[String],
        name: &str,
        args: &[ExprId],
        arg_types: Vec<Ty>,
        places: SelfPlaces,
    ) -> Ty {
        let result = self.fresh(VarKind::General);
        let call = SelfTypedTraitCall {
            id,
            result: result.clone(),
            ids: ids.to_vec(),
            name: name.to_string(),
            args: args.to_vec(),
            arg_types,
            places,
        };
        // An argument of a class of the impl for `Self` (`Shape::same(&a, &b)`) decides now,
        // so that the value is typed for the uses that follow.
        if let Some(key) = self.implementing_class(&call) {
            return self.trait_impl_call(id, key, ids, name, args, call.arg_types);
        }
        self.self_typed_trait_calls.push(call);
        result
    }

    /// Once the body is typed: each `Shape::unit()` is the function of the impl for the
    /// class its value is; a value nothing typed is rustc's E0790.
    pub(super) fn resolve_self_typed_trait_calls(&mut self) {
        for call in std::mem::take(&mut self.self_typed_trait_calls) {
            let loc = self.loc(call.id);
            if let Some(key) = self.implementing_class(&call) {
                let t = self.trait_impl_call(
                    call.id,
                    key,
                    &call.ids,
                    &call.name,
                    &call.args,
                    call.arg_types,
                );
                if self.coerce(&t, &call.result).is_err() {
                    let d = self.mismatch(loc, &call.result, &t);
                    self.diags.push(d);
                }
                continue;
            }
            match self.self_type(&call) {
                Ty::Unknown => continue,
                Ty::Var(v) if self.var_kind(v) == VarKind::General => {
                    let trait_name = call
                        .ids
                        .first()
                        .map_or("Trait", |t| super::trait_methods::trait_name_of_id(t));
                    self.diags.push(
                        Diagnostic::new(
                            loc,
                            "cannot call associated function on trait without specifying the corresponding `impl` type",
                        )
                        .note(format!(
                            "help: use a fully-qualified path to a specific available implementation: `<Class as {trait_name}>::{}(..)`",
                            call.name
                        )),
                    );
                    continue;
                }
                other => {
                    let shown = self.show(&other);
                    let trait_names: Vec<&str> = call
                        .ids
                        .iter()
                        .map(|t| super::trait_methods::trait_name_of_id(t))
                        .collect();
                    self.diags.push(
                        Diagnostic::new(
                            loc,
                            format!(
                                "the trait bound `{shown}: {}` is not satisfied",
                                trait_names.join(" + ")
                            ),
                        )
                        .note("note: jit code implements `#[jit] trait`s for `#[jitclass]` types only"),
                    );
                }
            }
        }
    }

    /// The types rustc reads `Self` from: the call's value if the function returns
    /// `Self`, and the argument of its first `Self`/`&Self` parameter (through the
    /// reference).
    fn self_candidates(&mut self, call: &SelfTypedTraitCall) -> [Option<Ty>; 2] {
        let arg = call
            .places
            .self_param
            .and_then(|i| call.arg_types.get(i))
            .map(|t| match self.resolve(t) {
                Ty::Ref(inner, _) => self.resolve(&inner),
                other => other,
            });
        let result = call.places.returns_self.then(|| self.resolve(&call.result));
        [result, arg]
    }

    /// `Self` as far as the uses tell, for the diagnostics: the first candidate that is no
    /// type variable, else a variable (nothing typed it: E0790).
    fn self_type(&mut self, call: &SelfTypedTraitCall) -> Ty {
        let candidates = self.self_candidates(call);
        let mut undecided = None;
        for t in candidates.into_iter().flatten() {
            match t {
                Ty::Var(v) if self.var_kind(v) == VarKind::General => {
                    undecided.get_or_insert(Ty::Var(v));
                }
                other => return other,
            }
        }
        undecided.unwrap_or_else(|| self.fresh(VarKind::General))
    }

    /// The class whose impl `call` means: the type of its value if it returns `Self`
    /// (`fn unit() -> Self`), else the argument's of its first `Self` parameter, through
    /// a reference (`fn same(a: &Self, b: &Self) -> bool`), whichever is a class
    /// implementing one of its traits; `None` if neither is (the diagnostics then name
    /// `self_type`). A parameter of a concrete class (`fn from(o: &Circle) -> Self`)
    /// tells nothing, as in rustc.
    fn implementing_class(&mut self, call: &SelfTypedTraitCall) -> Option<crate::types::ClassKey> {
        let classes = self
            .self_candidates(call)
            .into_iter()
            .flatten()
            .filter_map(|t| match t {
                Ty::Class(key) => Some(key),
                _ => None,
            });
        let mut fallback = None;
        for key in classes {
            let implements = call
                .ids
                .iter()
                .map(|id| self.callees.implements(&key, id))
                .collect::<Vec<_>>();
            if implements.contains(&Some(true)) {
                return Some(key);
            }
            // Not known (macro time): the first class, as the value's type decides.
            if fallback.is_none() && implements.iter().all(Option::is_none) {
                fallback = Some(key);
            }
        }
        fallback
    }
}
