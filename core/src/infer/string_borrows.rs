//! A `String` is not changed, moved or assigned while a `&str` of it is lent to a call
//! (`s.push_str(&s)`, `write!(s, "{}", s)`, `f(s.as_str(), s)`) or while a `for` loop runs
//! over its text (`for w in s.split_whitespace() { s = .. }`): rustc's E0502, E0505 and
//! E0506, in generic bodies, which rustc never sees (it checks the others itself). Jit
//! code stays sound without the check (a lent `String` panics "already borrowed" when
//! changed, a loop's text is kept alive by a counted reference), but it would run what
//! rustc's build of the same code refuses. A loop's borrow ends on the paths leaving it
//! once nothing reads its text (NLL, `ir::loop_exits`), as in rustc.

use super::Infer;
use super::diagnostics::Change;
use super::resolution::Resolution;
use super::unify::Ty;
use crate::diag::Diagnostic;
use crate::ir::{ExprId, ExprKind, LocalId, Pattern, Stmt, loop_exits};
use crate::methods::Builtin;
use crate::str_methods::LOOP_TEXT;

impl Infer<'_> {
    /// Refuses, in a generic body, a change of a `String` while a `&str` of it is lent to
    /// a call or a loop runs over it.
    pub(super) fn check_string_borrows(&mut self) {
        if self.ir.generics.is_empty() {
            return;
        }
        if let Some(d) = self
            .string_lent_beside_its_change()
            .or_else(|| self.string_changed_in_its_loop())
        {
            self.diags.push(d);
        }
    }

    /// The `String` places a call's argument lends shared for the call: `&s`, and the
    /// places a `&str` argument views (`s.as_str()`, `&s[1..]`, `s.trim()`).
    fn lent_strings(&self, arg: ExprId) -> Vec<ExprId> {
        let mut out = Vec::new();
        match self.ir.expr(arg).kind {
            ExprKind::AddrOf {
                place,
                mutable: false,
            } if self.is_string(place) => out.push(place),
            _ if self.resolve(&self.expr_types[arg.index()]) == Ty::Str => {
                self.viewed_strings(arg, &mut out)
            }
            _ => {}
        }
        out.retain(|&p| self.is_place_chain(p));
        out
    }

    /// Whether the method call `call` is a `String` method that changes its receiver
    /// (`push_str`, `write!`'s appends, ...).
    fn changes_string_receiver(&self, call: ExprId) -> bool {
        matches!(
            self.resolutions[call.index()],
            Some(Resolution::Builtin(Builtin::String(m))) if m.mutates()
        )
    }

    /// A call one of whose arguments lends a `String` the receiver's change or another
    /// argument's move or `&mut` reaches.
    fn string_lent_beside_its_change(&self) -> Option<Diagnostic> {
        for (i, e) in self.ir.exprs.iter().enumerate() {
            let call = ExprId(i as u32);
            let (receiver, args) = match &e.kind {
                ExprKind::Call { args, .. }
                | ExprKind::AssocCall { args, .. }
                | ExprKind::TraitCall { args, .. } => (None, args),
                ExprKind::MethodCall { receiver, args, .. } => (Some(*receiver), args),
                _ => continue,
            };
            let all: Vec<ExprId> = receiver.into_iter().chain(args.iter().copied()).collect();
            for &lending in &all {
                for lent in self.lent_strings(lending) {
                    for &other in all.iter().filter(|&&o| o != lending) {
                        let changed = if Some(other) == receiver {
                            self.changes_string_receiver(call)
                                .then_some((other, Change::MutBorrow))
                        } else {
                            self.moved_or_lent_mutably(other)
                        };
                        let Some((place, how)) = changed else {
                            continue;
                        };
                        if self.is_place_chain(place) && self.places_overlap(place, lent) {
                            return Some(string_borrow_conflict(
                                self.loc(place),
                                how,
                                &self.place_name(place),
                                &format!(
                                    "a `&str` of `{}` is lent to this call",
                                    self.place_name(lent)
                                ),
                            ));
                        }
                    }
                }
            }
        }
        None
    }

    /// An argument that moves a `String` place (`f(s)`) or lends it mutably (`&mut s`).
    fn moved_or_lent_mutably(&self, arg: ExprId) -> Option<(ExprId, Change)> {
        match self.ir.expr(arg).kind {
            ExprKind::AddrOf {
                place,
                mutable: true,
            } => Some((place, Change::MutBorrow)),
            // A local the body owns: one bound to an element or a field read in place
            // (`for e in &v`) is a reference in Rust, which `let t = e;` copies.
            ExprKind::Local(l) if self.is_string(arg) && !self.may_share_block(l) => {
                Some((arg, Change::Move))
            }
            _ => None,
        }
    }

    /// A `for` loop over a `String`'s text (`s.chars()`, `s.split_whitespace()`, lowered
    /// to a block binding the hidden text first) whose body changes, assigns or moves the
    /// `String` where the loop's borrow is live.
    fn string_changed_in_its_loop(&self) -> Option<Diagnostic> {
        for e in &self.ir.exprs {
            let ExprKind::Block(block) = &e.kind else {
                continue;
            };
            let Some(Stmt::Let {
                pattern: Pattern::Bind(text),
                init: Some(init),
                ..
            }) = block.stmts.first()
            else {
                continue;
            };
            if self.ir.local(*text).name != LOOP_TEXT {
                continue;
            }
            let mut strings = Vec::new();
            if self.is_string(*init) {
                strings.push(*init);
            } else {
                self.viewed_strings(*init, &mut strings);
            }
            strings.retain(|&s| self.is_place_chain(s));
            let Some(target) = block.stmts.iter().find_map(|s| match s {
                Stmt::Expr(w) if matches!(self.ir.expr(*w).kind, ExprKind::While { .. }) => {
                    Some(*w)
                }
                _ => None,
            }) else {
                continue;
            };
            let ExprKind::While { cond, body } = self.ir.expr(target).kind else {
                continue;
            };
            if strings.is_empty() {
                continue;
            }
            let after = self.exprs_after(&self.text_borrow_end_points(target, cond, body, *text));
            // Depth first in source order, so the change reported is the first rustc meets.
            let mut stack = vec![body];
            while let Some(x) = stack.pop() {
                let mut children = Vec::new();
                self.ir.expr(x).kind.for_each_child(|c| children.push(c));
                stack.extend(children.into_iter().rev());
                for (place, how) in self.string_changes(x) {
                    if after.contains(&place) {
                        continue;
                    }
                    let Some(&lent) = strings
                        .iter()
                        .find(|&&s| self.is_place_chain(place) && self.places_overlap(place, s))
                    else {
                        continue;
                    };
                    let name = self.place_name(lent);
                    return Some(string_borrow_conflict(
                        self.loc(place),
                        how,
                        &self.place_name(place),
                        &format!(
                            "`{name}` is borrowed by the `for` loop over its text while the loop may go on, as in Rust"
                        ),
                    ));
                }
            }
        }
        None
    }

    /// The places the expression `x` itself changes, assigns or moves.
    fn string_changes(&self, x: ExprId) -> Vec<(ExprId, Change)> {
        match &self.ir.expr(x).kind {
            ExprKind::Assign(place, _) | ExprKind::CompoundAssign(_, place, _) => {
                vec![(*place, Change::Assign)]
            }
            ExprKind::MethodCall { receiver, args, .. } => {
                let mut out: Vec<_> = args
                    .iter()
                    .filter_map(|&a| self.moved_or_lent_mutably(a))
                    .collect();
                if self.changes_string_receiver(x) {
                    out.push((*receiver, Change::MutBorrow));
                }
                out
            }
            ExprKind::Call { args, .. }
            | ExprKind::AssocCall { args, .. }
            | ExprKind::TraitCall { args, .. } => args
                .iter()
                .filter_map(|&a| self.moved_or_lent_mutably(a))
                .collect(),
            ExprKind::AddrOf {
                place,
                mutable: true,
            } => vec![(*place, Change::MutBorrow)],
            ExprKind::Block(block) => block
                .stmts
                .iter()
                .filter_map(|s| match s {
                    // A text loop's hidden text borrows its `String` (a nested loop's).
                    Stmt::Let {
                        pattern: Pattern::Bind(l),
                        ..
                    } if self.ir.local(*l).name == LOOP_TEXT => None,
                    Stmt::Let {
                        init: Some(init), ..
                    } => self
                        .moved_or_lent_mutably(*init)
                        .filter(|(_, how)| matches!(how, Change::Move)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Where the borrow of a text loop's `String` dies on the paths leaving the loop.
    fn text_borrow_end_points(
        &self,
        target: ExprId,
        cond: ExprId,
        body: ExprId,
        text: LocalId,
    ) -> Vec<loop_exits::Point> {
        // Only what could hold a `&str` may hold a view of the loop's text.
        let may_hold_view = |e: ExprId| self.may_hold_view(&self.expr_types[e.index()]);
        loop_exits::borrow_end_points(
            self.ir,
            target,
            body,
            &[text],
            &[cond, body],
            &may_hold_view,
        )
    }
}

impl Infer<'_> {
    /// Whether a value of type `t` could hold a `&str` (conservatively: anything but the
    /// types that own or copy what they hold; as `codegen/text_loop_lend.rs` has it).
    fn may_hold_view(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Prim(_)
            | Ty::Unit
            | Ty::Never
            | Ty::String
            | Ty::Class(_)
            | Ty::Applied(..)
            | Ty::PassThru(_)
            | Ty::Dyn(..)
            | Ty::FnPtr(..)
            | Ty::Ptr(..) => false,
            Ty::Tuple(parts) => parts.iter().any(|p| self.may_hold_view(p)),
            Ty::Option(inner) | Ty::Vec(inner) | Ty::Array(inner, _) => self.may_hold_view(&inner),
            Ty::Map(key, value) => self.may_hold_view(&key) || self.may_hold_view(&value),
            Ty::Str | Ty::Slice(..) | Ty::Ref(..) | Ty::Var(_) | Ty::Unknown => true,
        }
    }
}

/// A `String` changed (E0502), moved (E0505) or assigned (E0506) while `why` borrows it.
fn string_borrow_conflict(
    loc: crate::ir::LocId,
    how: Change,
    changed: &str,
    why: &str,
) -> Diagnostic {
    let message = super::diagnostics::borrowed_change_message(how, changed);
    let help = match how {
        Change::Move => format!(
            "help: consider cloning the value if the performance cost is acceptable (`{changed}.clone()`)"
        ),
        _ => "help: make an owned copy of the text first (`.to_string()`), or change the `String` after the borrow's last use".into(),
    };
    Diagnostic::new(loc, message).note(format!("note: {why} (rustc's {})\n{help}", how.code()))
}
