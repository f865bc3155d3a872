//! The checks that wait for final types: whether an operator applies to its operands'
//! primitive type, whether a cast is allowed, what a `for` range counts with, and what a
//! panic message formats.
//!
//! They are queued during the walk and run after literals got their defaults, so the
//! order of statements does not matter for them (`x + 1` before `x`'s type is known). A
//! check whose type stayed unknown (after an error, or at macro time) is skipped.

use super::unify::Ty;
use super::{Infer, diagnostics};
use crate::ir::{BinOp, ExprId, UnOp};

/// A check that needs final types.
pub(super) enum Deferred {
    Unary(ExprId, UnOp, Ty),
    Binary(ExprId, BinOp, Ty),
    Cast(ExprId, Ty, Ty),
    RangeBound(ExprId, Ty),
    /// A `ForRange` with `.step_by(k).rev()`, and its element type.
    ExactSizeRange(ExprId, Ty),
    PanicArg(ExprId, Ty),
    /// An array literal, its element type and its length.
    ArrayElem(ExprId, Ty, crate::ir::ArrayLen),
    /// A new `Vec`, and its element type.
    VecElem(ExprId, Ty),
    /// Elements compared with `==` (`v.contains(&x)`), and their type.
    VecEq(ExprId, Ty),
    /// Elements copied (`v.first().copied()`), and their type.
    VecCopy(ExprId, Ty),
    /// A map's key and value types, and whether the operation hashes keys (`map.rs`).
    MapTypes(ExprId, Ty, Ty, bool),
    /// An `entry(k).or_insert(v)` whose key may be a `String` made of a `&str`
    /// (`map.rs`).
    EntryKeyText(ExprId),
    /// A `T::default()` / `Default::default()`, and its type (`defaults.rs`).
    DefaultOf(ExprId, Ty),
}

impl Infer<'_> {
    pub(super) fn run_deferred(&mut self) {
        for d in std::mem::take(&mut self.deferred) {
            match d {
                Deferred::Unary(id, op, t) => self.check_unary(id, op, &t),
                Deferred::Binary(id, op, t) => self.check_binary(id, op, &t),
                Deferred::Cast(id, from, to) => self.check_cast(id, &from, &to),
                Deferred::ExactSizeRange(id, t) => self.check_exact_size_range(id, &t),
                Deferred::RangeBound(id, t) => self.check_range_bound(id, &t),
                Deferred::PanicArg(id, t) => self.check_panic_arg(id, &t),
                Deferred::ArrayElem(id, t, len) => self.check_array_elem(id, &t, len),
                Deferred::VecElem(id, t) => self.check_vec_elem(id, &t),
                Deferred::VecEq(id, t) => self.check_vec_eq(id, &Ty::Vec(Box::new(t))),
                Deferred::VecCopy(id, t) => self.check_vec_copy(id, &t),
                Deferred::MapTypes(id, k, v, hashes) => self.check_map_types(id, &k, &v, hashes),
                Deferred::EntryKeyText(id) => self.entry_by_text(id),
                Deferred::DefaultOf(id, t) => self.check_default(id, &t),
            }
        }
    }

    /// A panic message formats numbers, `bool`s and `char`s.
    fn check_panic_arg(&mut self, id: ExprId, t: &Ty) {
        if self.prim_or_skip(t).is_some() {
            return;
        }
        if let Some(c) = self.concrete(t) {
            self.diags
                .push(diagnostics::unformattable_panic_arg(self.loc(id), &c));
        }
    }
}
