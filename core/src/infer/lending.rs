//! Lent slices: what `&v` / `&mut v[a..]` passed to a call lends from, and the conflicts
//! with the call's other arguments that rustc refuses (E0499 / E0502 / E0505).

use super::diagnostics;
use super::unify::Ty;
use super::{Infer, Resolution};
use crate::ir::{ExprId, ExprKind};
use crate::methods::Builtin;
use crate::vec_methods;

/// Where a lent slice's memory is owned.
#[derive(Clone, Debug, PartialEq)]
enum LentRoot {
    /// Inside a local (its `Vec`, an element of it, ...): reachable only through it.
    Local(crate::ir::LocalId),
    /// Behind a class instance's field: reachable from anything that reaches the instance.
    Instance,
    /// A temporary (a call's result): nothing else reaches it.
    Temporary,
}

/// How another argument of the call uses what a slice is lent from.
#[derive(Clone, Copy, PartialEq)]
enum OtherUse {
    SharedBorrow,
    MutBorrow,
    Move,
}

impl Infer<'_> {
    /// The place a lending argument (`&v`, `&mut v[a..]`) lends from, if it lends a
    /// `Vec`'s or a slice's elements.
    pub(super) fn lent_place(&self, arg: ExprId) -> Option<(ExprId, bool)> {
        let (place, mutable) = match self.ir.expr(arg).kind {
            ExprKind::AddrOf { place, mutable } => (place, mutable),
            ExprKind::SubSlice { base, mutable, .. } => (base, mutable),
            _ => return None,
        };
        // `&v` of a `Vec` borrows it, whether the callee takes a slice or the `&Vec<T>`.
        let t = self.expr_types[arg.index()].clone();
        (matches!(self.resolve(&t), Ty::Slice(..)) || self.is_vec_like(&t))
            .then_some((place, mutable))
    }

    fn lent_root(&self, mut e: ExprId) -> LentRoot {
        let mut through_instance = false;
        loop {
            match &self.ir.expr(e).kind {
                ExprKind::Field(b, _) => {
                    through_instance = true;
                    e = *b;
                }
                ExprKind::TupleField(b, _) | ExprKind::Index(b, _) => e = *b,
                ExprKind::Local(l) if !through_instance => return LentRoot::Local(*l),
                ExprKind::Local(_) => return LentRoot::Instance,
                _ if through_instance => return LentRoot::Instance,
                _ => return LentRoot::Temporary,
            }
        }
    }

    /// The place as a path (`v1.f.0[e4]`), to tell overlapping places apart.
    pub(super) fn place_path(&self, e: ExprId) -> String {
        match &self.ir.expr(e).kind {
            ExprKind::Local(l) => format!("v{}", l.0),
            ExprKind::Field(b, name) => format!("{}.{name}", self.place_path(*b)),
            ExprKind::TupleField(b, i) => format!("{}.{i}", self.place_path(*b)),
            ExprKind::Index(b, _) => format!("{}[]", self.place_path(*b)),
            _ => format!("e{}", e.0),
        }
    }

    /// How `other` (another argument) uses local `l`, if at all.
    fn use_of_local(&self, other: ExprId, l: crate::ir::LocalId) -> Option<OtherUse> {
        let mentions = |e: ExprId| {
            let mut found = false;
            let mut stack = vec![e];
            while let Some(e) = stack.pop() {
                let kind = &self.ir.expr(e).kind;
                found |= matches!(kind, ExprKind::Local(x) if *x == l);
                kind.for_each_child(|c| stack.push(c));
            }
            found
        };
        if !mentions(other) {
            return None;
        }
        if let Some((_, mutable)) = self.lent_place(other) {
            return Some(if mutable {
                OtherUse::MutBorrow
            } else {
                OtherUse::SharedBorrow
            });
        }
        if self.is_receiver(other) {
            // A method borrows its receiver (mutably, but for `Vec`'s reading methods).
            return Some(if self.only_reads(self.parent_call(other)) {
                OtherUse::SharedBorrow
            } else {
                OtherUse::MutBorrow
            });
        }
        if matches!(self.ir.expr(other).kind, ExprKind::Local(x) if x == l) {
            return Some(OtherUse::Move);
        }
        Some(if self.only_reads(other) {
            OtherUse::SharedBorrow
        } else {
            OtherUse::MutBorrow
        })
    }

    /// Whether `e` is a method call's receiver.
    fn is_receiver(&self, e: ExprId) -> bool {
        self.ir
            .exprs
            .iter()
            .any(|x| matches!(x.kind, ExprKind::MethodCall { receiver, .. } if receiver == e))
    }

    /// The method call whose receiver `e` is.
    fn parent_call(&self, e: ExprId) -> ExprId {
        let i = self
            .ir
            .exprs
            .iter()
            .position(|x| matches!(x.kind, ExprKind::MethodCall { receiver, .. } if receiver == e))
            .expect("a receiver");
        ExprId(i as u32)
    }

    /// A local, or fields, tuple fields and elements of one.
    pub(super) fn is_place_chain(&self, e: ExprId) -> bool {
        match &self.ir.expr(e).kind {
            ExprKind::Local(_) => true,
            ExprKind::Field(b, _) | ExprKind::TupleField(b, _) | ExprKind::Index(b, _) => {
                self.is_place_chain(*b)
            }
            _ => false,
        }
    }

    /// Whether a place chain reads a field of an instance on the way to its local.
    fn through_field(&self, mut e: ExprId) -> bool {
        loop {
            match &self.ir.expr(e).kind {
                ExprKind::Field(..) => return true,
                ExprKind::TupleField(b, _) | ExprKind::Index(b, _) => e = *b,
                _ => return false,
            }
        }
    }

    /// The local a place chain starts from.
    pub(super) fn root_local_of(&self, mut e: ExprId) -> Option<crate::ir::LocalId> {
        loop {
            match &self.ir.expr(e).kind {
                ExprKind::Local(l) => return Some(*l),
                ExprKind::Field(b, _) | ExprKind::TupleField(b, _) | ExprKind::Index(b, _) => {
                    e = *b
                }
                _ => return None,
            }
        }
    }

    /// An expression that reads without calling jit code or assigning: literals, locals,
    /// operators, casts, fields, elements, and the builtin methods that do not mutate.
    fn only_reads(&self, e: ExprId) -> bool {
        let kind = &self.ir.expr(e).kind;
        let own = match kind {
            ExprKind::Lit(_)
            | ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Binary(..)
            | ExprKind::Unary(..)
            | ExprKind::Cast(..)
            | ExprKind::TupleField(..)
            | ExprKind::Index(..)
            | ExprKind::Tuple(_)
            | ExprKind::Array(_) => true,
            ExprKind::Field(..) => {
                matches!(self.resolutions[e.index()], Some(Resolution::Field(_)))
            }
            ExprKind::MethodCall { .. } => match &self.resolutions[e.index()] {
                Some(Resolution::Builtin(Builtin::Vec(m))) => vec_methods::VEC_METHODS
                    .iter()
                    .any(|s| s.method == *m && !s.mutates),
                Some(Resolution::Builtin(_)) => true,
                _ => false,
            },
            _ => false,
        };
        let mut children = Vec::new();
        kind.for_each_child(|c| children.push(c));
        own && children.into_iter().all(|c| self.only_reads(c))
    }

    /// While a call runs, nothing may reallocate or free what a slice lent to it points
    /// into (rustc's E0502/E0505 in the bodies it checks; here for every body): a slice
    /// of a local's `Vec` goes beside no other use of that local but shared reads, and a
    /// slice of an instance's `Vec` beside nothing that could reach the instance.
    pub(super) fn check_lending(&mut self) {
        for e in &self.ir.exprs {
            let args: Vec<ExprId> = match &e.kind {
                ExprKind::Call { args, .. }
                | ExprKind::AssocCall { args, .. }
                | ExprKind::TraitCall { args, .. } => args.clone(),
                ExprKind::MethodCall { receiver, args, .. } => std::iter::once(*receiver)
                    .chain(args.iter().copied())
                    .collect(),
                _ => continue,
            };
            for (i, &arg) in args.iter().enumerate() {
                let Some((place, mutable)) = self.lent_place(arg) else {
                    continue;
                };
                // The range's bounds run while the slice is being formed (rustc: the
                // `Vec` is borrowed first), so they are used beside it too.
                let bounds = match self.ir.expr(arg).kind {
                    ExprKind::SubSlice { start, end, .. } => [start, end],
                    _ => [None, None],
                };
                let others = args
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, &other)| other)
                    .chain(bounds.into_iter().flatten());
                for other in others {
                    if let Some(d) = self.lending_conflict(arg, (place, mutable), other) {
                        self.diags.push(d);
                        return;
                    }
                }
            }
        }
    }

    fn lending_conflict(
        &self,
        arg: ExprId,
        (place, mutable): (ExprId, bool),
        other: ExprId,
    ) -> Option<crate::diag::Diagnostic> {
        match self.lent_root(place) {
            LentRoot::Temporary => None,
            LentRoot::Local(l) => {
                let used = self.use_of_local(other, l)?;
                if !mutable && used == OtherUse::SharedBorrow {
                    return None;
                }
                let name = self.ir.local(l).name.clone();
                Some(diagnostics::lent_slice_conflict(
                    self.loc(other),
                    &name,
                    mutable,
                    used == OtherUse::Move,
                    used == OtherUse::MutBorrow,
                ))
            }
            LentRoot::Instance => {
                // A local's own `Vec` (no field on the way: `v`, `t.0`, `v[i]`) is not the
                // instance's, whose block has one owner: `v.extend_from_slice(&self.items)`.
                if self.is_receiver(other)
                    && self.is_place_chain(other)
                    && !self.through_field(other)
                    && matches!(
                        self.concrete(&self.expr_types[other.index()]),
                        Some(crate::types::Type::Vec(_))
                    )
                {
                    return None;
                }
                let as_place = if self.is_receiver(other) && self.is_place_chain(other) {
                    Some((other, !self.only_reads(self.parent_call(other))))
                } else {
                    self.lent_place(other)
                };
                if let Some((other_place, other_mut)) = as_place {
                    // Only places of one local can be told apart: instances in two
                    // locals may be one.
                    let same_root = self.root_local_of(place) == self.root_local_of(other_place);
                    let (a, b) = (self.place_path(place), self.place_path(other_place));
                    let overlap = a.starts_with(&b) || b.starts_with(&a);
                    if (same_root && !overlap) || !(mutable || other_mut) {
                        return None;
                    }
                } else {
                    let t = self.concrete(&self.expr_types[other.index()]);
                    if t.is_some_and(|t| !t.is_managed()) && self.only_reads(other) {
                        return None;
                    }
                }
                let _ = arg;
                Some(diagnostics::lent_field_conflict(self.loc(other)))
            }
        }
    }
}
