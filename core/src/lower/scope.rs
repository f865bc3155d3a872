//! Names: locals declared with Rust's scoping and shadowing (blocks, `let`s, patterns),
//! and the loop frames that `break`/`continue` and their labels resolve to.

use super::Lowerer;
use super::constants::Binding;
use super::types::TypePos;
use crate::ir::*;
use proc_macro2::Span;
use syn::spanned::Spanned;

/// The loop frame of a `while` condition, where only labeled `break`/`continue` are allowed.
pub(super) const WHILE_CONDITION: ExprId = ExprId(u32::MAX);

/// A loop being lowered, which `break` and `continue` (with its label, if any) leave.
pub(super) struct LoopFrame {
    pub(super) label: Option<String>,
    pub(super) id: ExprId,
}

impl Lowerer {
    /// A new local in the innermost scope, shadowing any of the same name.
    pub(super) fn declare(&mut self, name: &str, mutable: bool, loc: LocId) -> LocalId {
        self.locals.push(LocalDecl {
            name: name.to_string(),
            mutable,
            loc,
            elem_ref: false,
            by_ref: None,
            added_reference: false,
            held_reference: false,
        });
        let id = LocalId(self.locals.len() as u32 - 1);
        self.scopes
            .last_mut()
            .expect("a scope is open")
            .push((name.to_string(), Binding::Local(id)));
        id
    }

    /// A `const` item in the innermost scope (a block's items come first in its scope:
    /// they are in scope for the whole block, and its later `let`s shadow them).
    pub(super) fn bind_const(&mut self, name: &str, id: ConstId) {
        self.scopes
            .last_mut()
            .expect("a scope is open")
            .push((name.to_string(), Binding::Const(id)));
    }

    /// What a name refers to: the latest declared in the innermost scope holding it.
    pub(super) fn binding(&self, name: &str) -> Option<Binding> {
        self.scopes
            .iter()
            .rev()
            .flat_map(|s| s.iter().rev())
            .find(|(n, _)| n == name)
            .map(|(_, b)| *b)
    }

    /// The local a name refers to, unless a `const` item shadows it.
    pub(super) fn lookup(&self, name: &str) -> Option<LocalId> {
        match self.binding(name)? {
            Binding::Local(id) => Some(id),
            Binding::Const(_) => None,
        }
    }

    /// Declares the names an unsupported pattern binds, after its error, so that their uses
    /// are not reported again as unknown values.
    pub(super) fn declare_names_of(&mut self, pat: &syn::Pat) {
        struct Names(Vec<(String, bool, Span)>);
        impl<'ast> syn::visit::Visit<'ast> for Names {
            fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
                self.0
                    .push((p.ident.to_string(), p.mutability.is_some(), p.ident.span()));
                syn::visit::visit_pat_ident(self, p);
            }
        }
        let mut names = Names(Vec::new());
        syn::visit::Visit::visit_pat(&mut names, pat);
        for (name, mutable, span) in names.0 {
            let loc = self.loc(span);
            self.declare(&name, mutable, loc);
        }
    }

    pub(super) fn block_expr(&mut self, block: &syn::Block) -> ExprId {
        let b = self.block(block);
        self.push(ExprKind::Block(b), block.brace_token.span.join())
    }

    fn block(&mut self, block: &syn::Block) -> Block {
        self.block_with_tail(block, |me, e| me.expr(e))
    }

    /// A block whose tail expression (if any) `tail` lowers.
    pub(super) fn block_with_tail(
        &mut self,
        block: &syn::Block,
        tail_expr: impl FnOnce(&mut Self, &syn::Expr) -> ExprId,
    ) -> Block {
        let mut tail_expr = Some(tail_expr);
        self.scopes.push(Vec::new());
        self.declare_block_consts(&block.stmts);
        let mut stmts = Vec::new();
        let mut tail = None;
        let n = block.stmts.len();
        for (i, stmt) in block.stmts.iter().enumerate() {
            let last = i + 1 == n;
            match stmt {
                syn::Stmt::Local(local) => stmts.push(self.let_stmt(local)),
                // Declared with the block (`declare_block_consts`).
                syn::Stmt::Item(syn::Item::Const(_)) => {}
                // What `write!` needs in scope, as in Rust (the shadow's rustc checks it).
                syn::Stmt::Item(syn::Item::Use(u)) if is_fmt_write_use(u) => {}
                syn::Stmt::Item(item) => self.error(
                    item.span(),
                    "items (nested fns, structs, uses, ...) are not supported inside jit functions; define them outside",
                ),
                // `m.entry(k).or_insert(v);`: the entry made, its reference dropped.
                syn::Stmt::Expr(e, Some(_))
                    if let Some(id) = self.map_entry_discarded(e) =>
                {
                    stmts.push(Stmt::Expr(id));
                }
                syn::Stmt::Expr(e, semi) => {
                    if last
                        && semi.is_none()
                        && let Some(f) = tail_expr.take()
                    {
                        tail = Some(f(self, e));
                        continue;
                    }
                    let id = self.expr(e);
                    if last && semi.is_none() {
                        tail = Some(id);
                    } else {
                        stmts.push(Stmt::Expr(id));
                    }
                }
                // `write!(s, ..);`: its `Ok(())` dropped (a tail's is the block's value).
                syn::Stmt::Macro(m)
                    if m.semi_token.is_some()
                        && let Some(newline) = super::write_macro::write_kind(&m.mac) =>
                {
                    let id = self.write_macro(&m.mac, newline);
                    stmts.push(Stmt::Expr(id));
                }
                syn::Stmt::Macro(m) => {
                    let id = self.macro_call(&m.mac);
                    if last && m.semi_token.is_none() {
                        tail = Some(id);
                    } else {
                        stmts.push(Stmt::Expr(id));
                    }
                }
            }
        }
        self.scopes.pop();
        Block { stmts, tail }
    }

    fn let_stmt(&mut self, local: &syn::Local) -> Stmt {
        if let Some(stmt) = self.map_entry_let(local) {
            return stmt;
        }
        // `let _ = write!(s, ..);`: the `Ok(())` dropped at once.
        if let syn::Pat::Wild(_) = &local.pat
            && let Some(init) = &local.init
            && init.diverge.is_none()
            && let syn::Expr::Macro(m) = super::strip_parens(&init.expr)
            && let Some(newline) = super::write_macro::write_kind(&m.mac)
        {
            return Stmt::Expr(self.write_macro(&m.mac, newline));
        }
        let loc = self.loc(local.span());
        let (pat, ty) = match &local.pat {
            syn::Pat::Type(pt) => {
                let ty = match self.lower_written_type(&pt.ty, TypePos::Other) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        self.errors.push(e);
                        None
                    }
                };
                (&*pt.pat, ty)
            }
            p => (p, None),
        };
        let mut ordering = false;
        let init = match &local.init {
            Some(init) => {
                if let Some((_, els)) = &init.diverge {
                    self.error(els.span(), "`let ... else` is not supported in jit code");
                }
                if self.closure_depth > 0 && super::sort::is_ordering_syntax(&init.expr) {
                    ordering = true;
                    Some(self.ordering(&init.expr))
                } else if super::dyn_types::is_borrowed_trait_object(ty.as_ref()) {
                    // `let s: &dyn Shape = &c;`: the borrow is the trait object's.
                    Some(self.call_arg(&init.expr))
                } else {
                    Some(self.expr(&init.expr))
                }
            }
            None => None,
        };
        let copied_reference = match (&ty, &local.init) {
            (None, Some(init)) => self.reference_name(&init.expr),
            _ => None,
        };
        // The pattern's names come into scope after the initialiser: `let x = x + 1`.
        let pattern = self.pattern(pat);
        if copied_reference.is_some() {
            self.note_copied_reference(&pattern);
        }
        if ordering && let Pattern::Bind(local) = pattern {
            self.ordering_locals.insert(local);
        }
        if let Some(init) = init {
            self.note_elem_refs(&pattern, init);
        }
        Stmt::Let {
            pattern,
            ty,
            init,
            loc,
        }
    }

    pub(super) fn pattern(&mut self, pat: &syn::Pat) -> Pattern {
        match pat {
            syn::Pat::Ident(pi)
                if pi.by_ref.is_none()
                    && pi.subpat.is_none()
                    && matches!(self.binding(&pi.ident.to_string()), Some(Binding::Const(_))) =>
            {
                // Rust reads the name as the constant, a pattern that may not match.
                self.error(
                    pi.ident.span(),
                    format!(
                        "refutable pattern in local binding\nnote: `{0}` is interpreted as a constant pattern, not a new variable\nhelp: introduce a variable instead: `{0}_var`",
                        pi.ident
                    ),
                );
                Pattern::Wild
            }
            syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                let loc = self.loc(pi.ident.span());
                Pattern::Bind(self.declare(&pi.ident.to_string(), pi.mutability.is_some(), loc))
            }
            syn::Pat::Wild(_) => Pattern::Wild,
            syn::Pat::Tuple(t) => Pattern::Tuple(t.elems.iter().map(|p| self.pattern(p)).collect()),
            syn::Pat::Paren(p) => self.pattern(&p.pat),
            other => {
                self.error(
                    other.span(),
                    "unsupported pattern in jit code; use a name, `_`, or a tuple of these",
                );
                Pattern::Wild
            }
        }
    }

    pub(super) fn loop_target(
        &mut self,
        label: &Option<syn::Lifetime>,
        span: Span,
        what: &str,
    ) -> Option<ExprId> {
        match label {
            None => match self.loops.last() {
                Some(frame) if frame.id == WHILE_CONDITION => {
                    self.error(
                        span,
                        format!("`{what}` with no label in the condition of a `while` loop\nhelp: label the loop it should leave: `'outer: loop {{ .. break 'outer .. }}`"),
                    );
                    None
                }
                Some(frame) => Some(frame.id),
                None => {
                    self.error(span, format!("`{what}` outside of a loop"));
                    None
                }
            },
            Some(l) => {
                let name = l.ident.to_string();
                match self
                    .loops
                    .iter()
                    .rev()
                    .find(|f| f.label.as_deref() == Some(&name))
                {
                    Some(frame) => Some(frame.id),
                    None => {
                        self.error(l.span(), format!("use of undeclared label `'{name}`"));
                        None
                    }
                }
            }
        }
    }
}

pub(super) fn label_name(label: &Option<syn::Label>) -> Option<String> {
    label.as_ref().map(|l| l.name.ident.to_string())
}

/// `use std::fmt::Write;` (or `core::`, `as _`), which `write!` into a `String` needs.
fn is_fmt_write_use(u: &syn::ItemUse) -> bool {
    let text = quote::quote!(#u).to_string().replace(' ', "");
    matches!(
        text.as_str(),
        "usestd::fmt::Write;"
            | "usecore::fmt::Write;"
            | "usestd::fmt::Writeas_;"
            | "usecore::fmt::Writeas_;"
    )
}
