//! References into a `Vec` that a body keeps: the `Option<&T>` of `v.first()`,
//! `v.last()` and `v.get(i)` (and a map's `m.get(&k)`), in a local (`let f = v.first();`)
//! or matched at once (`if let Some(x) = v.get(i)`), and the `&T` its `Some(x)` or
//! `.unwrap()` gives. Jit code holds such a reference as the element's value (inference
//! types the option `Option<T>`, codegen copies the element with its count, sharing a
//! `String`'s or `Vec`'s block: `VecMethod::FirstRef`), so, as for a borrowed loop's
//! variable, `*x` reads the value, `Some(&x)` binds it, and `x` is a reference name. Rust's
//! rule that the `Vec` is not changed while the reference is live is checked by rustc in
//! plain bodies and by `infer/elem_refs.rs` in generic ones.

use super::vecs::ElemRef;
use super::{Lowerer, strip_parens};
use crate::ir::{ExprId, ExprKind, Pattern};

/// `first()`, `last()` or `get(i)`: the accessors whose result is an `Option<&T>`.
fn is_accessor(method: &str, args: usize) -> bool {
    matches!((method, args), ("first" | "last", 0) | ("get", 1))
}

impl Lowerer {
    /// Whether the lowered `e` is an `Option<&T>` of an element: an accessor's call, or a
    /// local holding one.
    pub(super) fn is_elem_ref_option(&self, e: ExprId) -> bool {
        match &self.exprs[e.index()].kind {
            ExprKind::MethodCall { method, args, .. } => is_accessor(method, args.len()),
            ExprKind::Local(l) => self.elem_ref_options.contains(l),
            _ => false,
        }
    }

    /// Whether the written `e` is such an option (before it is lowered).
    fn is_elem_ref_option_syntax(&self, e: &syn::Expr) -> bool {
        match strip_parens(e) {
            syn::Expr::MethodCall(m) => {
                m.turbofish.is_none() && is_accessor(&m.method.to_string(), m.args.len())
            }
            syn::Expr::Path(p) => p
                .path
                .get_ident()
                .and_then(|i| self.lookup(&i.to_string()))
                .is_some_and(|l| self.elem_ref_options.contains(&l)),
            _ => false,
        }
    }

    /// The name `e` is, if it is a `&T` in Rust held as the value (`reference_names`).
    pub(super) fn reference_name(&self, e: &syn::Expr) -> Option<crate::ir::LocalId> {
        let syn::Expr::Path(p) = strip_parens(e) else {
            return None;
        };
        let local = self.lookup(&p.path.get_ident()?.to_string())?;
        self.reference_names.contains(&local).then_some(local)
    }

    /// After `let y = x;` where `x` is a `&T` in Rust held as the value: `y` is that
    /// reference copied, as `x` (`*y` reads it), not the value (`let y = *x;` copies it),
    /// so it is as borrowed and as unchangeable as `x`.
    pub(super) fn note_copied_reference(&mut self, pattern: &Pattern) {
        if let Pattern::Bind(l) = pattern {
            self.elem_refs.insert(*l, ElemRef::Value);
            self.reference_names.insert(*l);
        }
    }

    /// After `let pattern = init;`: a name bound to such an option holds one; a name
    /// bound to its `.unwrap()` is an element reference (`*x` reads it).
    pub(super) fn note_elem_refs(&mut self, pattern: &Pattern, init: ExprId) {
        let Pattern::Bind(l) = pattern else {
            return;
        };
        if self.is_elem_ref_option(init) {
            self.elem_ref_options.insert(*l);
            self.locals[l.index()].elem_ref = true;
        } else if let ExprKind::MethodCall {
            receiver, method, ..
        } = &self.exprs[init.index()].kind
            && matches!(method.as_str(), "unwrap" | "expect")
            && self.is_elem_ref_option(*receiver)
            && !self.derefs.contains(&init)
        {
            self.elem_refs.insert(*l, ElemRef::Value);
            self.locals[l.index()].elem_ref = true;
            self.reference_names.insert(*l);
        }
    }

    /// The pattern inside `Some(..)` of a match on `scrutinee`: on such an option, its
    /// names are element references and `Some(&x)` binds the value.
    pub(super) fn some_pattern(&mut self, inner: &syn::Pat, scrutinee: ExprId) -> Pattern {
        if let Some(pattern) = self.get_mut_pattern(inner, scrutinee) {
            return pattern;
        }
        if !self.is_elem_ref_option(scrutinee) {
            let pattern = self.pattern(inner);
            // `Some(w)` on a reference (`o` of `for o in &v`, `&o`) binds references in
            // Rust.
            let on_reference = match self.exprs[scrutinee.index()].kind {
                ExprKind::Local(l) => self.reference_names.contains(&l),
                ExprKind::AddrOf { .. } => true,
                _ => false,
            };
            if on_reference && !matches!(inner, syn::Pat::Reference(_)) {
                pattern.for_each_local(&mut |l| {
                    self.reference_names.insert(l);
                });
            }
            return pattern;
        }
        // `Some(&x)` copies the element out: `x` is a value, not a reference.
        let (inner, by_ref) = match inner {
            syn::Pat::Reference(r) if r.mutability.is_none() => (&*r.pat, false),
            p => (p, true),
        };
        let pattern = self.pattern(inner);
        // Each name is a `&T` in Rust held as the value, as a shared loop's variable is
        // (`reference_names`): `out.push_str(s)` lends it, `f(s)` passes the reference.
        pattern.for_each_local(&mut |l| {
            self.elem_refs.insert(l, ElemRef::Value);
            self.locals[l.index()].elem_ref = by_ref;
            if by_ref {
                self.reference_names.insert(l);
            }
        });
        pattern
    }

    /// `*o.unwrap()` where `o` is such an option: the element's value.
    pub(super) fn deref_unwrapped(&mut self, operand: &syn::Expr) -> Option<ExprId> {
        let syn::Expr::MethodCall(m) = strip_parens(operand) else {
            return None;
        };
        let unwraps = (m.method == "unwrap" && m.args.is_empty())
            || (m.method == "expect" && m.args.len() == 1);
        if !(unwraps && self.is_elem_ref_option_syntax(&m.receiver)) {
            return None;
        }
        let value = self.expr(operand);
        // `let x = *o.unwrap();` binds a copy, not a reference.
        self.derefs.insert(value);
        Some(value)
    }
}
