//! Which types have `==` / `!=` beyond primitives (std's `PartialEq` impls of tuples,
//! `Option`s and `Vec`s, composed over their elements), and `<`, `<=`, `>`, `>=` on tuples
//! and `Option`s (std's lexicographic `PartialOrd`, `None < Some`): the one rule,
//! [`eq_leaves`], and the checks of `a == b` on `Option`s and tuples and of a `Vec`'s
//! `==` / `contains` that judge each leaf by it. The `eq` (and `ne`) impls of the classes
//! an `Option` or tuple holds are recorded as `ClassOp::Structural` for codegen
//! (`codegen/equality.rs`), which calls them as std's impls do.

use super::diagnostics;
use super::unify::Ty;
use super::{ClassOp, Infer, Resolution};
use crate::diag::Diagnostic;
use crate::infer::resolution::{ClassCall, ElementEq};
use crate::ir::{BinOp, ExprId, ExprKind, LocId};
use crate::operators::OperatorMethod;
use crate::types::{ClassKey, Type};

/// The leaves of `t` that `==` on `t` compares with their own `==`, in order, each with
/// whether it is inside a `Vec`: std's `PartialEq` of a tuple, an `Option` and a `Vec`
/// (and of a `&Vec<T>`) compares their elements, every other type by its own impl.
pub fn eq_leaves<'t>(t: &'t Type, in_vec: bool, leaf: &mut impl FnMut(&'t Type, bool)) {
    match t {
        Type::Tuple(es) => es.iter().for_each(|e| eq_leaves(e, in_vec, leaf)),
        Type::Option(e) => eq_leaves(e, in_vec, leaf),
        Type::Vec(e) => eq_leaves(e, true, leaf),
        Type::Ref { inner, .. } if matches!(**inner, Type::Vec(_)) => {
            eq_leaves(inner, in_vec, leaf)
        }
        other => leaf(other, in_vec),
    }
}

/// What `==` on a leaf of [`eq_leaves`] is.
enum LeafEq {
    /// Compared by value (numbers, `bool`, pointers and handles, text by its bytes).
    Builtin,
    /// A class instance, compared by the class's `eq`.
    Class(ClassKey),
    /// A type whose values Rust cannot compare (a trait object): rustc's E0369 / E0277.
    Never,
    /// A type jit code does not compare yet (`HashMap`s, arrays inside an `Option`,
    /// tuple or `Vec`).
    NotYet,
}

fn leaf_eq(t: &Type) -> LeafEq {
    match t {
        Type::Prim(_)
        | Type::Unit
        | Type::Str
        | Type::String
        | Type::Ptr { .. }
        | Type::FnPtr { .. }
        | Type::PassThru(_) => LeafEq::Builtin,
        Type::Class(k) => LeafEq::Class(k.clone()),
        Type::Dyn { .. } => LeafEq::Never,
        Type::Map { .. }
        | Type::Array { .. }
        | Type::Slice { .. }
        | Type::Ref { .. }
        | Type::Never
        | Type::Tuple(_)
        | Type::Option(_)
        | Type::Vec(_) => LeafEq::NotYet,
    }
}

/// Whether a leaf of an `Option` or tuple has `<` as jit code compares it: numbers,
/// `bool`, `char`, `()` and text (raw pointers by address).
fn leaf_ordered(t: &Type) -> bool {
    matches!(
        t,
        Type::Prim(_) | Type::Unit | Type::Str | Type::String | Type::Ptr { .. }
    )
}

impl Infer<'_> {
    /// Deferred: `a op b` on `Option`s or tuples of type `t`.
    pub(super) fn check_structural_op(&mut self, id: ExprId, op: BinOp, t: &Ty) {
        let Some(c) = self.concrete(t) else {
            return;
        };
        if matches!(op, BinOp::Eq | BinOp::Ne) {
            self.check_structural_eq(id, op, &c);
        } else {
            self.check_structural_ord(id, op, &c);
        }
    }

    /// `a == b` / `a != b` on `Option`s or tuples of type `c`: every leaf has `==`; the
    /// classes' impls are recorded for codegen.
    fn check_structural_eq(&mut self, id: ExprId, op: BinOp, c: &Type) {
        let Some(classes) = self.judge_eq_leaves(id, c) else {
            return;
        };
        let loc = self.loc(id);
        let mut impls: Vec<ElementEq> = Vec::new();
        for key in classes {
            if impls.iter().any(|e| e.eq.class == key) {
                continue;
            }
            let Some(eq) = self.own_eq_impl(&key, OperatorMethod::Eq, loc) else {
                self.diags.push(no_partial_eq(loc, op, c, &key));
                return;
            };
            let ne = self.own_eq_impl(&key, OperatorMethod::Ne, loc);
            impls.push(ElementEq { eq, ne });
        }
        if !impls.is_empty() {
            self.record_resolution(id, Resolution::ClassOp(ClassOp::Structural(impls)));
        }
    }

    /// `==` on every leaf of `c` (the value `==` or `contains` of expression `id`
    /// compares), else the first refusal is reported: the classes it calls `eq` of, in
    /// order, or `None` once reported. A class inside a `Vec` is refused here (a `Vec`'s
    /// `==` does not call class impls yet).
    pub(super) fn judge_eq_leaves(&mut self, id: ExprId, c: &Type) -> Option<Vec<ClassKey>> {
        let mut leaves = Vec::new();
        eq_leaves(c, false, &mut |t, in_vec| leaves.push((t.clone(), in_vec)));
        let loc = self.loc(id);
        let op = match self.ir.expr(id).kind {
            ExprKind::Binary(op, ..) => Some(op),
            _ => None,
        };
        let shown = c.to_string();
        let mut classes = Vec::new();
        for (leaf, in_vec) in leaves {
            let d = match leaf_eq(&leaf) {
                LeafEq::Builtin => continue,
                LeafEq::Class(key) if !in_vec => {
                    classes.push(key);
                    continue;
                }
                LeafEq::Class(key) => {
                    if self.own_eq_impl(&key, OperatorMethod::Eq, loc).is_some() {
                        diagnostics::vec_eq_unsupported(loc, &shown, &key.name)
                    } else if let Some(op) = op {
                        no_partial_eq(loc, op, c, &key)
                    } else {
                        diagnostics::cannot_compare_elements(loc, &key.name, vec_elem(c))
                    }
                }
                LeafEq::Never => match op {
                    Some(op) => diagnostics::binary_not_applicable(loc, op, &shown),
                    None => Diagnostic::new(
                        loc,
                        format!("can't compare `{leaf}` with `{leaf}`"),
                    ),
                },
                LeafEq::NotYet if matches!(leaf, Type::Map { .. }) => {
                    diagnostics::map_comparison_unsupported(loc, &shown)
                }
                LeafEq::NotYet if matches!(c, Type::Vec(_) | Type::Ref { .. }) => {
                    diagnostics::vec_of_arrays_eq_unsupported(loc, &shown)
                }
                LeafEq::NotYet => not_yet(loc, &shown, "==").note(format!(
                    "note: jit code does not compare `{leaf}` inside an `Option` or a tuple yet: compare the elements one by one"
                )),
            };
            self.diags.push(d);
            return None;
        }
        Some(classes)
    }

    /// `a < b` (`<=`, `>`, `>=`) on `Option`s or tuples of type `c`: jit code orders those
    /// of numbers, `bool`, `char`, `()`, text and raw pointers.
    fn check_structural_ord(&mut self, id: ExprId, op: BinOp, c: &Type) {
        let mut refused = None;
        eq_leaves(c, false, &mut |t, in_vec| {
            if refused.is_none() && (in_vec || !leaf_ordered(t)) {
                refused = Some((t.clone(), in_vec));
            }
        });
        let Some((leaf, in_vec)) = refused else {
            return;
        };
        let loc = self.loc(id);
        let shown = c.to_string();
        let d = if matches!(leaf, Type::Dyn { .. }) {
            diagnostics::binary_not_applicable(loc, op, &shown)
        } else {
            let what = if in_vec {
                "Vec".to_string()
            } else {
                leaf.to_string()
            };
            not_yet(loc, &shown, op.symbol()).note(format!(
                "note: jit code orders `Option`s and tuples of numbers, `bool`, `char`, `()` and text, not yet of `{what}`: compare the elements one by one"
            ))
        };
        self.diags.push(d);
    }

    /// The impl of `method` (`eq`, `ne`) of `PartialEq<Self>` for the class `key`, if the
    /// class has one.
    fn own_eq_impl(
        &mut self,
        key: &ClassKey,
        method: OperatorMethod,
        loc: LocId,
    ) -> Option<ClassCall> {
        let own = Ty::Class(key.clone());
        self.operator_fn(key, method, Some(&own), loc)
            .ok()
            .flatten()
            .filter(|f| self.could_take(&f.sig, Some(&own)))
            .map(|f| f.call)
    }
}

/// The element type of the `Vec` (or `&Vec`) `c`, for messages.
fn vec_elem(c: &Type) -> &Type {
    match c {
        Type::Vec(e) => e,
        Type::Ref { inner, .. } => vec_elem(inner),
        other => other,
    }
}

/// rustc's E0369 for `==` on a type holding a class without `PartialEq`.
fn no_partial_eq(loc: LocId, op: BinOp, c: &Type, key: &ClassKey) -> Diagnostic {
    diagnostics::binary_not_applicable(loc, op, &c.to_string()).note(format!(
        "note: an implementation of `PartialEq` might be missing for `{}`",
        key.name
    ))
}

/// `op` on `shown`, which rustc accepts and jit code does not yet.
fn not_yet(loc: LocId, shown: &str, op: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("comparing `{shown}` with `{op}` is not supported in jit code yet"),
    )
}
