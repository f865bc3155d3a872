//! Definite initialisation: every local is assigned before it is read, and an immutable
//! `let x;` is assigned at most once, on every path, as rustc requires.
//!
//! The check needs no types, so it runs at macro time for every function, generic or not.
//! A forward walk in evaluation order carries two sets: locals assigned on *every* path
//! (`definitely`, intersected where paths join) and on *some* path (`maybe`, united).
//!
//! The same walk finds uses of moved values ([`check_moves`]): given the locals whose
//! values move (a `Vec`, or a tuple, array or `Option` holding one; in a generic body also
//! any value that is not `Copy`: an instance, a handle, an array of them), a read that takes the value
//! (a `let`, an argument, a result, an element, the receiver of a method taking `self`
//! such as `Option::unwrap`) marks the local, or the tuple field of it read (`t.0`: a
//! partial move, as rustc tracks it), moved on that path (`moved`, united where paths
//! join), and a later use of a possibly-moved part is rustc's "use of moved value"
//! (E0382; "use of partially moved value" for the whole of a partly moved tuple). Reads
//! that only borrow (a method's receiver taking `&self`, an indexed `Vec`, `&v`, a
//! comparison's operands) do not move. Inference runs it once types are known, so it
//! covers generic bodies, which rustc never sees.

use crate::diag::Diagnostic;
use crate::ir::*;
use std::collections::{BTreeSet, HashMap, HashSet};

mod receiver_moves;

/// Reports reads of possibly-uninitialised locals and double assignments to immutable ones.
pub fn check(ir: &FnIr) -> Vec<Diagnostic> {
    let n = ir.locals.len();
    let mut state = State {
        definitely: vec![false; n],
        maybe: vec![false; n],
        moved: Vec::new(),
        diverged: false,
    };
    for p in &ir.params {
        state.definitely[p.local.index()] = true;
        state.maybe[p.local.index()] = true;
    }
    let mut cx = Checker {
        ir,
        loops: HashMap::new(),
        diags: Vec::new(),
        reported: HashSet::new(),
        moves: None,
        move_sites: HashMap::new(),
    };
    cx.expr(ir.body, &mut state);
    cx.diags
}

/// What the move check needs from inference.
pub struct MoveFacts {
    /// Per local (by `LocalId`): its value moves rather than copies.
    pub tracked: Vec<bool>,
    /// Per local (by `LocalId`): its value holds a `Vec` (for the note of the error).
    pub holds_vec: Vec<bool>,
    /// Per local (by `LocalId`): its value is not `Clone` (it holds a `Box<dyn Trait>`),
    /// so the error suggests no `.clone()`.
    pub not_clone: Vec<bool>,
    /// Per expression (by `ExprId`): its value moves, so a read of it that does not
    /// borrow moves it (a tuple field of a tracked local may be `Copy`).
    pub moves_value: Vec<bool>,
    /// The method calls whose receiver is taken by value
    /// (`crate::methods::Builtin::consumes_receiver`).
    pub consuming: HashSet<ExprId>,
}

/// Reports uses of moved values among the locals `facts.tracked` marks.
pub fn check_moves(ir: &FnIr, facts: &MoveFacts) -> Vec<Diagnostic> {
    if !facts.tracked.iter().any(|t| *t) {
        return Vec::new();
    }
    let n = ir.locals.len();
    let mut state = State {
        definitely: vec![true; n],
        maybe: vec![true; n],
        moved: vec![BTreeSet::new(); n],
        diverged: false,
    };
    let mut tuple_parent = HashMap::new();
    for (i, e) in ir.exprs.iter().enumerate() {
        if let ExprKind::TupleField(base, index) = e.kind {
            tuple_parent.insert(base, (ExprId(i as u32), index));
        }
    }
    let mut cx = Checker {
        ir,
        loops: HashMap::new(),
        diags: Vec::new(),
        reported: HashSet::new(),
        moves: Some(Moves {
            tracked: facts.tracked.clone(),
            holds_vec: facts.holds_vec.clone(),
            not_clone: facts.not_clone.clone(),
            moves_value: facts.moves_value.clone(),
            borrowing_reads: borrowing_reads(ir, &facts.consuming),
            tuple_parent,
        }),
        move_sites: HashMap::new(),
    };
    cx.expr(ir.body, &mut state);
    cx.diags
}

/// The expressions whose value is only borrowed where they are used (a method's
/// receiver, but for the calls in `consuming`, whose method takes `self`; an indexed or
/// field-accessed base, `&x`, a comparison's operands), and the places assigned:
/// everything else moves the value it reads.
pub fn borrowing_reads(ir: &FnIr, consuming: &HashSet<ExprId>) -> HashSet<ExprId> {
    let mut out = HashSet::new();
    for (i, e) in ir.exprs.iter().enumerate() {
        match &e.kind {
            ExprKind::MethodCall { receiver, .. } if !consuming.contains(&ExprId(i as u32)) => {
                out.insert(*receiver);
            }
            ExprKind::Index(base, _)
            | ExprKind::AddrOf { place: base, .. }
            | ExprKind::SubSlice { base, .. } => {
                out.insert(*base);
            }
            ExprKind::TupleField(base, _) | ExprKind::Field(base, _) => {
                out.insert(*base);
            }
            ExprKind::Binary(op, a, b) if op.is_comparison() => {
                out.insert(*a);
                out.insert(*b);
            }
            ExprKind::Assign(place, _) | ExprKind::CompoundAssign(_, place, _) => {
                out.insert(*place);
            }
            // The text of a loop over a string's iterator is borrowed for the loop, as
            // the receiver of `s.chars()` is in Rust.
            ExprKind::Block(block) => {
                for stmt in &block.stmts {
                    if let Stmt::Let {
                        pattern: Pattern::Bind(l),
                        init: Some(init),
                        ..
                    } = stmt
                        && ir.local(*l).name == crate::str_methods::LOOP_TEXT
                    {
                        out.insert(*init);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// What the move check knows.
struct Moves {
    tracked: Vec<bool>,
    holds_vec: Vec<bool>,
    not_clone: Vec<bool>,
    moves_value: Vec<bool>,
    borrowing_reads: HashSet<ExprId>,
    /// `t` → `t.i`: the tuple field expression reading each tuple, and the field.
    tuple_parent: HashMap<ExprId, (ExprId, u32)>,
}

/// A part of a local moved out: the tuple fields from the local down (empty: all of it).
type MovedPath = Vec<u32>;

fn show_path(name: &str, path: &[u32]) -> String {
    let mut out = name.to_string();
    for i in path {
        out.push_str(&format!(".{i}"));
    }
    out
}

#[derive(Clone)]
struct State {
    definitely: Vec<bool>,
    maybe: Vec<bool>,
    /// Per local: the parts moved out on some path (only tracked by [`check_moves`]).
    moved: Vec<BTreeSet<MovedPath>>,
    /// Control cannot reach here; every fact holds vacuously.
    diverged: bool,
}

impl State {
    /// The state where two paths meet.
    fn join(&mut self, other: &State) {
        if other.diverged {
            return;
        }
        if self.diverged {
            *self = other.clone();
            return;
        }
        for (d, o) in self.definitely.iter_mut().zip(&other.definitely) {
            *d &= *o;
        }
        for (m, o) in self.maybe.iter_mut().zip(&other.maybe) {
            *m |= *o;
        }
        for (m, o) in self.moved.iter_mut().zip(&other.moved) {
            m.extend(o.iter().cloned());
        }
    }

    fn diverge(&mut self) {
        self.diverged = true;
    }
}

#[derive(Default)]
struct LoopExits {
    breaks: Option<State>,
    continues: Option<State>,
}

/// Adds the state of one more path into `acc`.
fn join_into(acc: &mut Option<State>, state: &State) {
    if state.diverged {
        return;
    }
    match acc {
        Some(a) => a.join(state),
        None => *acc = Some(state.clone()),
    }
}

struct Checker<'a> {
    ir: &'a FnIr,
    /// The states at the `break`s and `continue`s of each enclosing loop.
    loops: HashMap<ExprId, LoopExits>,
    diags: Vec<Diagnostic>,
    /// One report per local is enough.
    reported: HashSet<LocalId>,
    /// Set by [`check_moves`], which reports moves only.
    moves: Option<Moves>,
    /// Where each local was last moved (for [`Checker::borrowed_receiver_moved`]).
    move_sites: HashMap<LocalId, LocId>,
}

impl Checker<'_> {
    fn report(&mut self, local: LocalId, loc: LocId, message: String, note: String) {
        if self.reported.insert(local) {
            self.diags.push(Diagnostic::new(loc, message).note(note));
        }
    }

    fn read(&mut self, id: ExprId, local: LocalId, loc: LocId, state: &mut State) {
        if let Some(moves) = &self.moves {
            if !moves.tracked[local.index()] {
                return;
            }
            // The part used: `t`, or the tuple field `t.0.1` read from it.
            let (mut at, mut path) = (id, MovedPath::new());
            while let Some(&(parent, index)) = moves.tuple_parent.get(&at) {
                path.push(index);
                at = parent;
            }
            let moving = !moves.borrowing_reads.contains(&at)
                && (path.is_empty() || moves.moves_value[at.index()]);
            let what = if moves.holds_vec[local.index()] {
                "a `Vec`"
            } else {
                "a value that is not `Copy`"
            };
            let name = self.ir.local(local).name.clone();
            let moved = &state.moved[local.index()];
            let problem = if state.diverged {
                None
            } else if let Some(gone) = moved.iter().find(|g| path.starts_with(g)) {
                let gone = show_path(&name, gone);
                Some((format!("use of moved value: `{gone}`"), gone))
            } else if let Some(gone) = moved.iter().find(|g| g.starts_with(&path)) {
                let used = show_path(&name, &path);
                Some((
                    format!("use of partially moved value: `{used}`"),
                    show_path(&name, gone),
                ))
            } else {
                None
            };
            if let Some((message, gone)) = problem {
                self.report(
                    local,
                    self.ir.expr(at).loc,
                    message,
                    if moves.not_clone[local.index()] {
                        format!("note: `{gone}` was moved before this use (into a binding, a call, a method taking `self`, a result or another value), as {what} moves in Rust")
                    } else {
                        format!("note: `{gone}` was moved before this use (into a binding, a call, a method taking `self`, a result or another value), as {what} moves in Rust
help: move a copy instead: `{gone}.clone()`")
                    },
                );
            }
            if moving {
                state.moved[local.index()].insert(path);
                self.move_sites.insert(local, self.ir.expr(at).loc);
            }
            let _ = loc;
            return;
        }
        if !state.diverged && !state.definitely[local.index()] {
            let name = self.ir.local(local).name.clone();
            self.report(
                local,
                loc,
                format!("used binding `{name}` is possibly-uninitialized"),
                format!("help: assign `{name}` on every path before reading it"),
            );
        }
    }

    fn assign(&mut self, local: LocalId, loc: LocId, state: &mut State) {
        if self.moves.is_some() {
            state.moved[local.index()].clear();
            return;
        }
        let decl = self.ir.local(local);
        if !decl.mutable && !state.diverged && state.maybe[local.index()] {
            let name = decl.name.clone();
            // The same words as type checking's, so that rustc shows the error once;
            // rustc's borrow checker names a raw identifier without `r#` (`loop`).
            let bare = name.strip_prefix("r#").unwrap_or(&name);
            let message = if self.ir.params.iter().any(|p| p.local == local) {
                format!("cannot assign to immutable argument `{bare}`")
            } else {
                format!("cannot assign twice to immutable variable `{bare}`")
            };
            self.report(
                local,
                loc,
                message,
                format!("help: make the variable mutable: `let mut {name}`"),
            );
        }
        state.definitely[local.index()] = true;
        state.maybe[local.index()] = true;
    }

    fn bind(&mut self, pattern: &Pattern, state: &mut State, initialised: bool) {
        match pattern {
            Pattern::Bind(l) => {
                // A `let` starts a fresh binding, also when a loop runs it again.
                state.definitely[l.index()] = initialised;
                state.maybe[l.index()] = initialised;
                if let Some(m) = state.moved.get_mut(l.index()) {
                    m.clear();
                }
            }
            Pattern::Wild => {}
            Pattern::Tuple(ps) => ps.iter().for_each(|p| self.bind(p, state, initialised)),
        }
    }

    /// `t.0.1` of a local `t`: the local and the path.
    fn tuple_field_of_local(&self, mut e: ExprId) -> Option<(LocalId, MovedPath)> {
        let mut path = MovedPath::new();
        loop {
            match self.ir.expr(e).kind {
                ExprKind::TupleField(base, i) => {
                    path.push(i);
                    e = base;
                }
                ExprKind::Local(l) if !path.is_empty() => {
                    path.reverse();
                    return Some((l, path));
                }
                _ => return None,
            }
        }
    }

    fn exprs(&mut self, ids: &[ExprId], state: &mut State) {
        for id in ids {
            self.expr(*id, state);
        }
    }

    /// Walks a loop until the "maybe assigned" facts at its head are stable, so that an
    /// assignment in one iteration is seen by the next. `cond` is a `while` condition,
    /// evaluated at the head. Returns the state after the loop: where the condition is
    /// false (`while`) or the range is done (`for`), joined with every `break`.
    fn walk_loop(
        &mut self,
        id: ExprId,
        cond: Option<ExprId>,
        body: ExprId,
        entry: &State,
        exits_at_head: bool,
        fresh: Option<LocalId>,
    ) -> State {
        let mut head = entry.clone();
        loop {
            self.loops.insert(id, LoopExits::default());
            let mut s = head.clone();
            // Each iteration binds the loop variable afresh.
            if let Some(m) = fresh.and_then(|v| s.moved.get_mut(v.index())) {
                m.clear();
            }
            if let Some(c) = cond {
                self.expr(c, &mut s);
            }
            let at_head = s.clone();
            self.expr(body, &mut s);
            let exits = self.loops.remove(&id).unwrap_or_default();
            let mut back = s;
            if let Some(c) = &exits.continues {
                back.join(c);
            }
            let mut next = head.clone();
            next.join(&back);
            if next.maybe == head.maybe && next.moved == head.moved {
                let mut out = State {
                    diverged: true,
                    ..entry.clone()
                };
                if exits_at_head {
                    out.join(&at_head);
                }
                if let Some(b) = &exits.breaks {
                    out.join(b);
                }
                return out;
            }
            head.maybe = next.maybe;
            head.moved = next.moved;
        }
    }

    fn expr(&mut self, id: ExprId, state: &mut State) {
        crate::stack::deep(|| self.expr_unguarded(id, state))
    }

    fn expr_unguarded(&mut self, id: ExprId, state: &mut State) {
        let e = self.ir.expr(id);
        let loc = e.loc;
        match &e.kind {
            ExprKind::Lit(_) | ExprKind::Const(_) => {}
            ExprKind::Local(l) => self.read(id, *l, loc, state),
            ExprKind::Assign(place, value) => {
                self.expr(*value, state);
                match &self.ir.expr(*place).kind {
                    ExprKind::Local(l) => self.assign(*l, self.ir.expr(*place).loc, state),
                    _ => match self.tuple_field_of_local(*place) {
                        // `t.0 = x` gives `t.0` a value again (rustc's reinitialisation).
                        Some((l, path)) if self.moves.is_some() => {
                            state.moved[l.index()].retain(|g| !g.starts_with(&path));
                        }
                        _ => self.expr(*place, state),
                    },
                }
            }
            ExprKind::Binary(BinOp::And | BinOp::Or, a, b) => {
                self.expr(*a, state);
                // `b` runs on some paths only.
                let mut rhs = state.clone();
                self.expr(*b, &mut rhs);
                state.join(&rhs);
            }
            ExprKind::Block(block) => {
                for stmt in &block.stmts {
                    match stmt {
                        Stmt::Let { pattern, init, .. } => {
                            if let Some(init) = init {
                                self.expr(*init, state);
                            }
                            self.bind(pattern, state, init.is_some());
                        }
                        Stmt::Expr(e) => self.expr(*e, state),
                    }
                }
                if let Some(t) = block.tail {
                    self.expr(t, state);
                }
            }
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                self.expr(*cond, state);
                let mut then_state = state.clone();
                self.expr(*then_branch, &mut then_state);
                if let Some(e) = else_branch {
                    self.expr(*e, state);
                }
                state.join(&then_state);
            }
            ExprKind::IfLetSome {
                pattern,
                scrutinee,
                then_branch,
                else_branch,
            } => {
                self.expr(*scrutinee, state);
                let mut then_state = state.clone();
                self.bind(pattern, &mut then_state, true);
                self.expr(*then_branch, &mut then_state);
                if let Some(e) = else_branch {
                    self.expr(*e, state);
                }
                state.join(&then_state);
            }
            ExprKind::While { cond, body } => {
                *state = self.walk_loop(id, Some(*cond), *body, state, true, None);
            }
            ExprKind::ForRange {
                var,
                start,
                end,
                step,
                body,
                ..
            } => {
                self.expr(*start, state);
                self.expr(*end, state);
                if let Some(k) = step {
                    self.expr(*k, state);
                }
                let mut entry = state.clone();
                entry.definitely[var.index()] = true;
                entry.maybe[var.index()] = true;
                let after = self.walk_loop(id, None, *body, &entry, true, Some(*var));
                // The loop variable is not in scope afterwards; the rest carries over.
                *state = after;
            }
            ExprKind::ForEach {
                var,
                iterable,
                body,
            } => {
                self.expr(*iterable, state);
                let mut entry = state.clone();
                entry.definitely[var.index()] = true;
                entry.maybe[var.index()] = true;
                *state = self.walk_loop(id, None, *body, &entry, true, Some(*var));
            }
            ExprKind::Loop { body } => {
                *state = self.walk_loop(id, None, *body, state, false, None);
            }
            ExprKind::Break { target, value } => {
                if let Some(v) = value {
                    self.expr(*v, state);
                }
                if let Some(exits) = self.loops.get_mut(target) {
                    join_into(&mut exits.breaks, state);
                }
                state.diverge();
            }
            ExprKind::Continue { target } => {
                if let Some(exits) = self.loops.get_mut(target) {
                    join_into(&mut exits.continues, state);
                }
                state.diverge();
            }
            ExprKind::Return(value) => {
                if let Some(v) = value {
                    self.expr(*v, state);
                }
                state.diverge();
            }
            ExprKind::Panic(msg) => {
                self.exprs(&msg.args, state);
                state.diverge();
            }
            // A sort's hidden handle (`lower/sort.rs`): the lend assigns it the receiver's
            // `Vec` before the block runs. (The block cannot move the receiver: the
            // lowering refuses a closure using it.)
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } if method == crate::vec_methods::LEND_DURING_SORT && args.len() == 2 => {
                self.expr(*receiver, state);
                if let ExprKind::Local(l) = self.ir.expr(args[1]).kind {
                    state.definitely[l.index()] = true;
                    state.maybe[l.index()] = true;
                }
                self.exprs(args, state);
            }
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } if self.moves.is_some() => {
                self.expr(*receiver, state);
                let borrowed = self.borrowed_receiver(*receiver);
                let before = borrowed
                    .as_ref()
                    .map(|(l, _)| state.moved[l.index()].clone());
                self.exprs(args, state);
                if let (Some((l, path)), Some(before)) = (borrowed, before) {
                    self.borrowed_receiver_moved((l, &path), &before, method, state);
                }
            }
            other => {
                let mut children = Vec::new();
                other.for_each_child(|c| children.push(c));
                self.exprs(&children, state);
            }
        }
    }
}

#[cfg(all(test, feature = "lower"))]
mod tests {
    /// The messages `check` reports for a function's source.
    fn messages(source: &str) -> Vec<String> {
        let item: syn::ItemFn = syn::parse_str(source).expect("valid Rust");
        let lowered = crate::lower::lower_fn(&item).unwrap_or_else(|_| panic!("lowers: {source}"));
        super::check(&lowered.ir)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn reads_need_an_assignment_on_every_path() {
        let cases = [
            (
                "fn f(c: bool) -> i64 { let x; if c { x = 1; } else { x = 2; } x }",
                vec![],
            ),
            (
                "fn f(c: bool) -> i64 { let x; if c { x = 1; } x }",
                vec!["used binding `x` is possibly-uninitialized"],
            ),
            (
                "fn f() -> i64 { let x; x }",
                vec!["used binding `x` is possibly-uninitialized"],
            ),
            (
                "fn f(c: bool) -> i64 { let x; if c { x = 1; } else { return 0; } x }",
                vec![],
            ),
            ("fn f() -> i64 { let x; loop { x = 3; break; } x }", vec![]),
            (
                "fn f(n: i64) -> i64 { let mut x; for _ in 0..n { x = 3; } x }",
                vec!["used binding `x` is possibly-uninitialized"],
            ),
            (
                "fn f(c: bool) -> bool { let x; c && { x = true; x } || x }",
                vec!["used binding `x` is possibly-uninitialized"],
            ),
            ("fn f<T>(v: T) -> T { let x: T; x = v; x }", vec![]),
        ];
        for (source, expected) in cases {
            assert_eq!(messages(source), expected, "{source}");
        }
    }

    #[test]
    fn immutable_bindings_are_assigned_at_most_once() {
        let cases = [
            ("fn f() -> i64 { let x; x = 1; x }", vec![]),
            (
                "fn f() -> i64 { let x; x = 1; x = 2; x }",
                vec!["cannot assign twice to immutable variable `x`"],
            ),
            (
                "fn f(n: i64) -> i64 { let x; for i in 0..n { x = i; } 0 }",
                vec!["cannot assign twice to immutable variable `x`"],
            ),
            (
                "fn f(n: i64) -> i64 { for i in 0..n { let x; x = i; } 0 }",
                vec![],
            ),
            ("fn f(n: i64) -> i64 { let mut x; x = 1; x = n; x }", vec![]),
            (
                "fn f(c: bool) { let x; while c { x = 1; break; } x = 2; }",
                vec!["cannot assign twice to immutable variable `x`"],
            ),
            (
                "fn f(n: i64) { let x; for i in 0..n { if i == 0 { x = 1; continue; } } }",
                vec!["cannot assign twice to immutable variable `x`"],
            ),
            (
                "fn f(c: bool) { let x; while { x = 1; c } {} }",
                vec!["cannot assign twice to immutable variable `x`"],
            ),
            (
                "fn f() -> i64 { let x; loop { if true { x = 1; break; } } x }",
                vec![],
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(messages(source), expected, "{source}");
        }
    }
}
