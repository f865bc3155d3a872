//! Classes as jit code uses them: the class a reference names, its fields (`v.x`), its
//! `#[getter]`/`#[setter]` properties, struct literals (`V { x: 1.0 }`), and finding one
//! of its functions by name.
//!
//! What a class has comes from `Callees` (at macro time nothing: class types are then
//! `Unknown`, and only rustc's check of the glue reports on them). A callee's error (a
//! class whose layout is wrong, say) is reported at the use, in the callee's words.

use super::diagnostics;
use super::trait_methods::{self, Choice, Scope};
use super::unify::Ty;
use super::{ClassCall, FieldSig, FnKind, Infer, MethodSig, Resolution};
use crate::diag::Diagnostic;
use crate::ir::{ClassRefId, ExprId, ExprKind, LocId, TypeExpr};
use crate::types::{ClassKey, Type};

/// A class function chosen for a call: how codegen finds it, and its signature.
pub(super) struct ClassFn {
    pub(super) call: ClassCall,
    pub(super) sig: MethodSig,
}

impl Infer<'_> {
    /// The type a class reference names (`Unknown` at macro time): a class, or a generic
    /// class whose arguments are inferred (`Stack::new()`: `Stack<?T>`, `applied.rs`).
    pub(super) fn class_ty(&mut self, class: ClassRefId, loc: LocId) -> Ty {
        match self.callees.class_type(class) {
            Ok(Some(TypeExpr::Concrete(Type::Class(key)))) => Ty::Class(key),
            Ok(Some(te @ TypeExpr::Applied { .. })) => self.ty_of_expr_type_with(&te, None),
            // No class: the reason is the one `class` gives.
            Ok(Some(_)) => match self.callees.class(class) {
                Ok(Some(key)) => Ty::Class(key),
                Ok(None) => Ty::Unknown,
                Err(message) => {
                    self.diags.push(Diagnostic::new(loc, message));
                    Ty::Unknown
                }
            },
            Ok(None) => Ty::Unknown,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                Ty::Unknown
            }
        }
    }

    pub(super) fn class_fields(&mut self, key: &ClassKey, loc: LocId) -> Vec<FieldSig> {
        match self.callees.fields(key) {
            Ok(fields) => fields,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                Vec::new()
            }
        }
    }

    /// Whether the class has a function `name` (no error if not, or if unknown).
    pub(super) fn class_has_function(&self, key: &ClassKey, name: &str) -> bool {
        self.callees
            .method(key, name)
            .is_ok_and(|fns| !fns.is_empty())
    }

    /// The function `name` of a class that a call by name means (`trait_methods.rs`):
    /// the inherent one, else the one trait's; in a `#[jit] trait`'s default method, the
    /// trait's function of `Self`. `bounds`: the receiver is a value of a type parameter bounded by the traits of
    /// these identities. `method_call`: `c.name(..)` (rustc's probe by receiver), not a path.
    pub(super) fn lookup_method(
        &mut self,
        key: &ClassKey,
        name: &str,
        loc: LocId,
        bounds: Option<&[String]>,
        method_call: bool,
    ) -> Option<ClassFn> {
        let in_trait = self.trait_scope_for(key, loc);
        let scope = match (&in_trait, bounds) {
            (_, Some(ids)) => Scope::Bounds(ids),
            (Some((id, self_bounds)), None) => Scope::Trait(id, self_bounds),
            (None, None) if method_call => Scope::Method,
            (None, None) => Scope::Any,
        };
        match self.callees.method(key, name) {
            Ok(mut ms) => match trait_methods::choose(&ms, scope) {
                Choice::One(i) => Some(ClassFn {
                    call: ClassCall {
                        class: key.clone(),
                        method: name.to_string(),
                        candidate: i,
                    },
                    sig: ms.swap_remove(i),
                }),
                Choice::Ambiguous(traits) => {
                    self.diags.push(trait_methods::multiple_applicable_items(
                        loc, &key.name, name, &traits,
                    ));
                    None
                }
                Choice::Several => {
                    self.diags
                        .push(diagnostics::several_functions_named(loc, &key.name, name));
                    None
                }
                Choice::Missing => {
                    let names = self.callees.method_names(key);
                    let fn_field = self.callees.fields(key).is_ok_and(|fields| {
                        fields
                            .iter()
                            .any(|f| f.name == name && matches!(f.ty, Type::FnPtr { .. }))
                    });
                    self.diags.push(diagnostics::no_class_function(
                        loc, &key.name, name, &names, fn_field,
                    ));
                    None
                }
            },
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                None
            }
        }
    }

    /// `base.name`: a field of a class instance.
    pub(super) fn field(&mut self, id: ExprId, bt: &Ty, name: &str, loc: LocId) -> Ty {
        // An open type is reported at the receiver, as rustc does.
        let base_loc = match &self.ir.expr(id).kind {
            ExprKind::Field(base, _) => self.loc(*base),
            _ => loc,
        };
        let key = match self.known_receiver(bt, base_loc) {
            None => return Ty::Unknown,
            Some(Ty::Class(key)) => key,
            Some(Ty::Applied(family, args)) => {
                return self.applied_field(id, bt, (&family, &args), name, loc);
            }
            Some(Ty::PassThru(key)) => {
                self.diags.push(diagnostics::passthru_misuse(
                    loc,
                    &format!("field `{name}`"),
                    &key.name,
                ));
                return Ty::Unknown;
            }
            Some(other) => {
                let shown = self.show(&other);
                self.diags
                    .push(diagnostics::no_named_field(loc, name, &shown));
                return Ty::Unknown;
            }
        };
        let fields = self.class_fields(&key, loc);
        match fields.iter().position(|f| f.name == name) {
            Some(i) => {
                self.record_resolution(id, Resolution::Field(i as u32));
                let t = Self::ty_of_type(&fields[i].ty);
                let declared = self.callees.field_declared(&key, i);
                self.member_type(bt, declared.as_ref(), t)
            }
            None if let Some(getter) = self.property(&key, name, FnKind::Getter, loc) => {
                let ExprKind::Field(base, _) = self.ir.expr(id).kind else {
                    unreachable!("a field expression")
                };
                self.call_target(id, getter, &[base], std::slice::from_ref(bt))
            }
            None => {
                let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
                self.diags
                    .push(diagnostics::no_class_field(loc, name, &key.name, &names));
                Ty::Unknown
            }
        }
    }

    /// The `#[getter] fn name` or `#[setter] fn set_name` of a class, if it has one.
    pub(super) fn property(
        &mut self,
        key: &ClassKey,
        name: &str,
        kind: FnKind,
        loc: LocId,
    ) -> Option<ClassFn> {
        let method = match kind {
            FnKind::Setter => format!("set_{name}"),
            _ => name.to_string(),
        };
        match self.callees.method(key, &method) {
            Ok(mut ms) if ms.len() == 1 && ms[0].kind == kind => Some(ClassFn {
                call: ClassCall {
                    class: key.clone(),
                    method,
                    candidate: 0,
                },
                sig: ms.remove(0),
            }),
            Ok(_) => None,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                None
            }
        }
    }

    /// `Class { f: v, .. }`: every field exactly once, each value of its field's type.
    pub(super) fn struct_lit(
        &mut self,
        id: ExprId,
        class: ClassRefId,
        written: &[(String, ExprId)],
    ) -> Ty {
        let loc = self.loc(id);
        let value_types: Vec<Ty> = written.iter().map(|(_, e)| self.expr(*e)).collect();
        // `Stack { items }` of a generic class: its arguments inferred from the values.
        let class_t = self.class_ty(class, loc);
        let class_t = self.resolve(&class_t);
        let Some(fields) = self.class_fields_of(&class_t, loc) else {
            return Ty::Unknown;
        };
        let shown = self.show(&class_t);
        let mut indices = Vec::with_capacity(written.len());
        let mut seen = vec![false; fields.len()];
        for ((name, value), vt) in written.iter().zip(&value_types) {
            let vloc = self.loc(*value);
            let Some(i) = fields.iter().position(|(f, _)| f == name) else {
                let names: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
                self.diags.push(diagnostics::struct_literal_unknown_field(
                    vloc, &shown, name, &names,
                ));
                indices.push(0);
                continue;
            };
            if seen[i] {
                self.diags
                    .push(diagnostics::struct_literal_repeated_field(vloc, name));
            }
            seen[i] = true;
            indices.push(i as u32);
            let ft = fields[i].1.clone();
            self.coerce_at(vt, &ft, vloc);
        }
        let missing: Vec<String> = fields
            .iter()
            .zip(&seen)
            .filter(|(_, s)| !**s)
            .map(|((f, _), _)| format!("`{f}`"))
            .collect();
        if !missing.is_empty() {
            self.diags.push(diagnostics::struct_literal_missing_fields(
                loc, &shown, &missing,
            ));
        }
        self.record_resolution(id, Resolution::Literal(indices));
        class_t
    }
}
