//! A `Vec` is not changed, assigned or moved while a reference into it is live (rustc's
//! E0502, E0506, E0505), for the references a body keeps: the locals marked
//! `LocalDecl::elem_ref` (`let f = v.first();`, the `x` of `if let Some(x) = f`, `let x =
//! f.unwrap();`). Jit code holds such a reference as the element's value, so breaking the
//! rule could not read freed memory; the check keeps jitclass refusing what rustc refuses
//! in generic bodies, which rustc never sees (it checks the others itself).
//!
//! A reference is live from its definition to its last use in evaluation order, and, when
//! a use is inside a loop that does not contain the definition, for that whole loop (the
//! next iteration uses it again), as rustc's non-lexical lifetimes have it. A reference
//! copied into another name (`let y = x;`) is not followed.

use super::Infer;
use super::diagnostics;
use super::resolution::Resolution;
use super::unify::Ty;
use crate::ir::{ExprId, ExprKind, LocalId, Pattern, Stmt};
use crate::methods::{Builtin, OptionMethod};
use crate::vec_methods::{self, VecMethod};
use std::collections::{HashMap, HashSet};

/// Where each expression sits in evaluation order: its own position (after its
/// operands') and the first position of its subtree.
struct Order {
    at: Vec<usize>,
    first: Vec<usize>,
}

impl Order {
    fn of(ir: &crate::ir::FnIr) -> Order {
        let n = ir.exprs.len();
        let mut order = Order {
            at: vec![usize::MAX; n],
            first: vec![usize::MAX; n],
        };
        let mut next = 0;
        // Post-order without recursion: (expression, children pushed?).
        let mut stack = vec![(ir.body, false)];
        while let Some((e, expanded)) = stack.pop() {
            if expanded {
                order.at[e.index()] = next;
                next += 1;
                continue;
            }
            order.first[e.index()] = next;
            stack.push((e, true));
            let mut children = Vec::new();
            ir.expr(e).kind.for_each_child(|c| children.push(c));
            stack.extend(children.into_iter().rev().map(|c| (c, false)));
        }
        order
    }

    fn contains(&self, outer: ExprId, e: ExprId) -> bool {
        (self.first[outer.index()]..=self.at[outer.index()]).contains(&self.at[e.index()])
    }
}

impl Infer<'_> {
    /// Refuses, in a generic body, a change of a `Vec` while a reference kept into it is
    /// live.
    pub(super) fn check_elem_ref_borrows(&mut self) {
        if self.ir.generics.is_empty() || !self.ir.locals.iter().any(|l| l.elem_ref) {
            return;
        }
        let defs = self.elem_ref_definitions();
        let order = Order::of(self.ir);
        let loops: Vec<ExprId> = (0..self.ir.exprs.len() as u32)
            .map(ExprId)
            .filter(|&e| {
                matches!(
                    self.ir.expr(e).kind,
                    ExprKind::Loop { .. }
                        | ExprKind::While { .. }
                        | ExprKind::ForRange { .. }
                        | ExprKind::ForEach { .. }
                )
            })
            .collect();
        let borrowed = crate::init::borrowing_reads(self.ir, &self.consuming_calls());
        let never_run = self.never_run();
        let mut sources: HashMap<LocalId, Option<ExprId>> = HashMap::new();
        for (&r, &def) in &defs {
            let source = self.elem_ref_source(def, &defs, &mut sources, 0);
            let Some(source) = source else {
                continue;
            };
            let uses: Vec<ExprId> = (0..self.ir.exprs.len() as u32)
                .map(ExprId)
                .filter(|&e| matches!(self.ir.expr(e).kind, ExprKind::Local(l) if l == r))
                .collect();
            let live_at = |m: ExprId| {
                let (d, at) = (order.at[def.index()], order.at[m.index()]);
                uses.iter().any(|&u| {
                    (d < at && at < order.at[u.index()])
                        || loops.iter().any(|&l| {
                            order.contains(l, m) && order.contains(l, u) && !order.contains(l, def)
                        })
                })
            };
            for m in 0..self.ir.exprs.len() as u32 {
                let m = ExprId(m);
                if never_run.contains(&m) {
                    continue;
                }
                let Some((place, how)) = self.change_of(m, &borrowed) else {
                    continue;
                };
                if self.places_overlap(place, source) && live_at(m) {
                    let borrowed = self.place_name(source);
                    let changed = self.place_name(place);
                    let name = self.ir.local(r).name.clone();
                    // A `String`'s or `Vec`'s element is not `Copy`: only a clone takes it out.
                    let owned = self.local_types[r.index()]
                        .clone()
                        .is_some_and(|t| self.holds_vec(&t));
                    self.diags.push(diagnostics::changed_while_referenced(
                        self.ir.expr(place).loc,
                        how,
                        (&changed, &borrowed),
                        (&name, owned),
                    ));
                    return;
                }
            }
        }
    }

    /// The expressions under `if false { .. }`, which never run: the element write a
    /// sort run by std is lowered with, so that its element type and receiver are checked
    /// (`lower/std_sort.rs`), is no change of the `Vec` (the sort's call is, at `v`).
    fn never_run(&self) -> HashSet<ExprId> {
        let mut out = HashSet::new();
        for e in &self.ir.exprs {
            if let ExprKind::If {
                cond, then_branch, ..
            } = &e.kind
                && matches!(
                    self.ir.expr(*cond).kind,
                    ExprKind::Lit(crate::ir::Lit::Bool(false))
                )
            {
                let mut stack = vec![*then_branch];
                while let Some(x) = stack.pop() {
                    out.insert(x);
                    self.ir.expr(x).kind.for_each_child(|c| stack.push(c));
                }
            }
        }
        out
    }

    /// Each reference local's defining expression: its `let`'s initialiser, or the
    /// scrutinee of the `if let Some(..)` that binds it.
    fn elem_ref_definitions(&self) -> HashMap<LocalId, ExprId> {
        let mut defs = HashMap::new();
        for e in &self.ir.exprs {
            match &e.kind {
                ExprKind::Block(b) => {
                    for s in &b.stmts {
                        if let Stmt::Let {
                            pattern: Pattern::Bind(l),
                            init: Some(init),
                            ..
                        } = s
                            && self.ir.local(*l).elem_ref
                        {
                            defs.insert(*l, *init);
                        }
                    }
                }
                ExprKind::IfLetSome {
                    pattern, scrutinee, ..
                } => pattern.for_each_local(&mut |l| {
                    if self.ir.local(l).elem_ref {
                        defs.insert(l, *scrutinee);
                    }
                }),
                _ => {}
            }
        }
        defs
    }

    /// The place a reference points into: the receiver of the accessor `e` comes from
    /// (through `.unwrap()` and other reference locals); `None` for a temporary.
    fn elem_ref_source(
        &self,
        e: ExprId,
        defs: &HashMap<LocalId, ExprId>,
        memo: &mut HashMap<LocalId, Option<ExprId>>,
        depth: usize,
    ) -> Option<ExprId> {
        if depth > defs.len() {
            return None;
        }
        match &self.ir.expr(e).kind {
            ExprKind::MethodCall { receiver, .. } => match self.resolutions[e.index()] {
                Some(Resolution::Builtin(
                    Builtin::Vec(VecMethod::FirstRef | VecMethod::LastRef | VecMethod::GetRef)
                    | Builtin::Map(crate::map_methods::MapMethod::GetRef),
                )) => self.is_place_chain(*receiver).then_some(*receiver),
                Some(Resolution::Builtin(Builtin::Option(OptionMethod::Unwrap))) => {
                    self.elem_ref_source(*receiver, defs, memo, depth + 1)
                }
                _ => None,
            },
            ExprKind::Local(l) if self.ir.local(*l).elem_ref => {
                if let Some(s) = memo.get(l) {
                    return *s;
                }
                let s = defs
                    .get(l)
                    .and_then(|d| self.elem_ref_source(*d, defs, memo, depth + 1));
                memo.insert(*l, s);
                s
            }
            _ => None,
        }
    }

    /// The place expression `m` changes, and how (rustc's wording): a `Vec` method taking
    /// `&mut self`, a class method taking `&mut self`, a mutable borrow, an assignment,
    /// or a move of a local holding a `Vec`.
    fn change_of(
        &self,
        m: ExprId,
        borrowed: &HashSet<ExprId>,
    ) -> Option<(ExprId, diagnostics::Change)> {
        use diagnostics::Change;
        match &self.ir.expr(m).kind {
            ExprKind::MethodCall { receiver, .. } => match &self.resolutions[m.index()] {
                Some(Resolution::Builtin(Builtin::Vec(v)))
                    if vec_methods::VEC_METHODS
                        .iter()
                        .any(|s| s.method == *v && s.mutates) =>
                {
                    Some((*receiver, Change::MutBorrow))
                }
                Some(Resolution::Builtin(Builtin::Map(v))) if crate::map_methods::mutates(*v) => {
                    Some((*receiver, Change::MutBorrow))
                }
                Some(Resolution::ClassCall { call, .. })
                    if self
                        .callees
                        .method(&call.class, &call.method)
                        .ok()
                        .and_then(|c| c.get(call.candidate).cloned())
                        .is_some_and(|sig| sig.receiver == Some(crate::ir::Receiver::RefMut)) =>
                {
                    Some((*receiver, Change::MutBorrow))
                }
                _ => None,
            },
            ExprKind::Assign(place, _) | ExprKind::CompoundAssign(_, place, _) => {
                Some((*place, Change::Assign))
            }
            ExprKind::ForRange { .. } => self
                .mutably_looped_container(m)
                .map(|c| (c, Change::MutBorrow)),
            _ => {
                if let Some((place, true)) = self.lent_place(m) {
                    return Some((place, Change::MutBorrow));
                }
                None
            }
        }
        .or_else(|| {
            // A local holding a `Vec`, read by value: moved.
            let moved = matches!(self.ir.expr(m).kind, ExprKind::Local(_))
                && !borrowed.contains(&m)
                && self
                    .concrete(&self.expr_types[m.index()].clone())
                    .is_some_and(|t| t.holds_vec());
            moved.then_some((m, Change::Move))
        })
    }

    /// The container a `for x in &mut v` / `v.iter_mut()` loop `e` lends mutably for its
    /// whole run (lowered to a counted loop over `v.len()` whose body binds no element),
    /// at its `&mut v`.
    fn mutably_looped_container(&self, e: ExprId) -> Option<ExprId> {
        let ExprKind::ForRange { var, end, body, .. } = self.ir.expr(e).kind else {
            return None;
        };
        if self.ir.local(var).name != crate::ir::LOOP_INDEX {
            return None;
        }
        let ExprKind::MethodCall { receiver, .. } = self.ir.expr(end).kind else {
            return None;
        };
        // A shared loop's body starts by binding the element (`let x = v[i];`).
        let binds_element = matches!(&self.ir.expr(body).kind, ExprKind::Block(b)
            if matches!(b.stmts.first(), Some(Stmt::Let { init: Some(init), .. })
                if matches!(self.ir.expr(*init).kind, ExprKind::Index(_, i)
                    if matches!(self.ir.expr(i).kind, ExprKind::Local(l) if l == var))));
        (!binds_element && self.is_place_chain(receiver)).then_some(receiver)
    }

    /// Whether two place chains may name overlapping memory: one is a prefix of the
    /// other (an index matches any index).
    pub(super) fn places_overlap(&self, a: ExprId, b: ExprId) -> bool {
        if !self.is_place_chain(a) || self.root_local_of(a) != self.root_local_of(b) {
            return false;
        }
        let (pa, pb) = (self.place_segments(a), self.place_segments(b));
        pa.iter().zip(&pb).all(|(x, y)| x == y)
    }

    fn place_segments(&self, e: ExprId) -> Vec<String> {
        match &self.ir.expr(e).kind {
            ExprKind::Local(l) => vec![format!("v{}", l.0)],
            ExprKind::Field(b, name) => {
                let mut s = self.place_segments(*b);
                s.push(name.clone());
                s
            }
            ExprKind::TupleField(b, i) => {
                let mut s = self.place_segments(*b);
                s.push(i.to_string());
                s
            }
            ExprKind::Index(b, _) => {
                let mut s = self.place_segments(*b);
                s.push("[]".into());
                s
            }
            _ => vec![format!("e{}", e.0)],
        }
    }

    /// A place as rustc names it in messages (`v`, `self.items`, `t.0`, `v[_]`).
    pub(super) fn place_name(&self, e: ExprId) -> String {
        match &self.ir.expr(e).kind {
            ExprKind::Local(l) => self.ir.local(*l).name.clone(),
            ExprKind::Field(b, name) => format!("{}.{name}", self.place_name(*b)),
            ExprKind::TupleField(b, i) => format!("{}.{i}", self.place_name(*b)),
            ExprKind::Index(b, _) => format!("{}[_]", self.place_name(*b)),
            _ => "value".into(),
        }
    }
}

impl Infer<'_> {
    /// Whether a value of `t` holds a `Vec`, `String` or map (`Type::holds_vec`), known
    /// from its structure even where a generic body's `T` leaves it not concrete
    /// (`Vec<T>` is one).
    fn holds_vec(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Vec(_) | Ty::String | Ty::Map(..) => true,
            Ty::Ref(inner, _) | Ty::Option(inner) | Ty::Array(inner, _) => self.holds_vec(&inner),
            Ty::Tuple(es) => es.iter().any(|e| self.holds_vec(e)),
            _ => false,
        }
    }
}
