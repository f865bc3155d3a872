//! `Vec` syntax: `Vec::new()`, `Vec::with_capacity(n)` (also `Vec::<T>::new()` and
//! `std::vec::Vec::..`), `vec![..]`, and `for` loops over a borrowed container (`&v`,
//! `&mut v`, `v.iter()`, `v.iter_mut()`), which are lowered to counted loops over its
//! indices:
//!
//! ```text
//! for PAT in &v { body }        =>  for i in 0..v.len() { let PAT = v[i]; body }
//! for x in &mut v { *x *= 2.0 } =>  for i in 0..v.len() { v[i] *= 2.0 }
//! ```
//!
//! Every element access is then an index with its bounds check and reads the `Vec`'s
//! header afresh, so no loop can read a freed or reallocated buffer whatever its body
//! does. `v` is re-read at each use when it is a place (a local, a field); any other
//! iterable is evaluated once into a hidden local. In the shared form the loop variable is
//! the element's value (`*x` and `x` read it, as `&T` auto-dereferences in Rust's
//! arithmetic and method calls); in the `&mut` form `*x` is the element's place.

use super::span;
use super::types::is_vec_path;
use super::{Lowerer, strip_parens};
use crate::ir::*;
use syn::spanned::Spanned;

/// How a `for` loop variable over a borrowed container stands for its element.
#[derive(Clone)]
pub(super) enum ElemRef {
    /// `for x in &v`: `x` holds the element's value; `*x` reads it too.
    Value,
    /// `for x in &mut v`: `*x` is the place `v[i]`; `x` itself is not a value.
    Place {
        /// The container: a place expression re-lowered at each use, or a hidden local.
        container: Container,
        /// The index local.
        index: LocalId,
        /// A part of the element: `for (a, b) in &mut v` binds `a` to `v[i].0`, and a
        /// map's `values_mut()` `v` to the value of the entry `m[i]`.
        field: Option<u32>,
    },
}

#[derive(Clone)]
pub(super) enum Container {
    /// A place re-lowered at each use, with the local its root name (`v` of `v.a.b`) was
    /// bound to where the reference was made: a later `let v = ..` shadowing that name
    /// does not change which container the reference means.
    Place(Box<syn::Expr>, Option<(String, LocalId)>),
    Local(LocalId),
}

impl Lowerer {
    /// `Vec::new()`, `Vec::<T>::new()`, `Vec::with_capacity(n)`; `None` if `path` is not
    /// an associated function path of `Vec`.
    pub(super) fn vec_call(&mut self, path: &syn::Path, c: &syn::ExprCall) -> Option<ExprId> {
        let (owner, n) = super::types::owner_of_assoc_path(path)?;
        if !is_vec_path(&owner) {
            return None;
        }
        let span = span::of(&c.func);
        let func = &path.segments[n - 1];
        if !func.arguments.is_none() {
            return Some(self.invalid(
                func.arguments.span(),
                "write the element type on `Vec`: `Vec::<T>::new()`",
            ));
        }
        let elem = match &owner.segments[n - 2].arguments {
            syn::PathArguments::None => TypeExpr::Infer,
            syn::PathArguments::AngleBracketed(args) => {
                let [syn::GenericArgument::Type(t)] = args.args.iter().collect::<Vec<_>>()[..]
                else {
                    return Some(self.invalid(args.span(), "`Vec` takes one type: `Vec::<T>`"));
                };
                match self.lower_written_type(t, super::types::TypePos::Other) {
                    Ok(t) => t,
                    Err(e) => {
                        self.errors.push(e);
                        TypeExpr::Infer
                    }
                }
            }
            syn::PathArguments::Parenthesized(p) => {
                return Some(self.invalid(p.span(), "`Vec` takes one type: `Vec::<T>`"));
            }
        };
        let name = func.ident.to_string();
        let args: Vec<ExprId> = c.args.iter().map(|a| self.expr(a)).collect();
        let init = match (name.as_str(), args.as_slice()) {
            ("new", []) => VecInit::Empty,
            ("with_capacity", [n]) => VecInit::WithCapacity(*n),
            ("new" | "with_capacity", _) => {
                let expected = usize::from(name == "with_capacity");
                return Some(self.invalid(
                    c.span(),
                    format!(
                        "this function takes {expected} argument{} but {} argument{} supplied",
                        if expected == 1 { "" } else { "s" },
                        args.len(),
                        if args.len() == 1 { " was" } else { "s were" }
                    ),
                ));
            }
            _ => {
                return Some(self.invalid(
                    func.ident.span(),
                    format!(
                        "`Vec::{name}` is not supported in jit code; make a `Vec` with `Vec::new()`, `Vec::with_capacity(n)` or `vec![..]`"
                    ),
                ));
            }
        };
        Some(self.push(ExprKind::VecNew { elem, init }, span))
    }

    /// `vec![x; n]`, `vec![a, b, c]`, `vec![]`.
    pub(super) fn vec_macro(&mut self, mac: &syn::Macro) -> ExprId {
        let span = span::path(&mac.path);
        let repeat = mac.parse_body_with(|input: syn::parse::ParseStream| {
            let value: syn::Expr = input.parse()?;
            input.parse::<syn::Token![;]>()?;
            let count: syn::Expr = input.parse()?;
            Ok((value, count))
        });
        let init = if let Ok((value, count)) = repeat {
            let value = self.expr(&value);
            let count = self.expr(&count);
            VecInit::Repeat { value, count }
        } else {
            match mac.parse_body_with(
                syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
            ) {
                Ok(list) => VecInit::List(list.iter().map(|e| self.expr(e)).collect()),
                Err(e) => {
                    self.errors.push(e);
                    return self.push(ExprKind::Lit(Lit::Unit), span);
                }
            }
        };
        self.push(
            ExprKind::VecNew {
                elem: TypeExpr::Infer,
                init,
            },
            span,
        )
    }

    /// A call's argument: `&x` / `&mut x` borrows for the call (a `Vec` lent as a slice,
    /// `v.contains(&x)`), `&v[a..b]` / `&mut v[a..]` lends a part; anything else is a
    /// value. (Inside `Index::index`/`index_mut`, `&self.field` keeps its own rule.)
    pub(super) fn call_arg(&mut self, a: &syn::Expr) -> ExprId {
        let syn::Expr::Reference(r) = strip_parens(a) else {
            return self.expr(a);
        };
        if self.scope.ref_return.is_some() {
            return self.expr(a);
        }
        let mutable = r.mutability.is_some();
        if let syn::Expr::Index(ix) = strip_parens(&r.expr)
            && let syn::Expr::Range(range) = strip_parens(&ix.index)
        {
            let base = self.expr(&ix.expr);
            let start = range.start.as_ref().map(|s| self.expr(s));
            let end = range.end.as_ref().map(|e| self.expr(e));
            let inclusive = matches!(range.limits, syn::RangeLimits::Closed(_));
            if inclusive && end.is_none() {
                return self.invalid(range.span(), "inclusive range with no end");
            }
            let id = self.push(
                ExprKind::SubSlice {
                    base,
                    start,
                    end,
                    inclusive,
                    mutable,
                },
                r.and_token.span,
            );
            self.index_brackets.push((id, ix.bracket_token.span.join()));
            return id;
        }
        // `&*b` / `&mut *b` of a variable or an element: the trait object a box holds,
        // lent (inference refuses it of anything but a `Box<dyn Trait>`).
        if let syn::Expr::Unary(u) = strip_parens(&r.expr)
            && matches!(u.op, syn::UnOp::Deref(_))
            && self.is_plain_reborrow_operand(&u.expr)
        {
            let receiver = self.expr(&u.expr);
            let method = if mutable {
                crate::ir::REBORROW_MUT
            } else {
                crate::ir::REBORROW
            };
            return self.push(
                ExprKind::MethodCall {
                    receiver,
                    method: method.into(),
                    args: vec![],
                },
                r.span(),
            );
        }
        let place = self.expr(&r.expr);
        self.push(ExprKind::AddrOf { place, mutable }, r.and_token.span)
    }

    /// Whether `*operand` is no form the lowering dereferences itself (the element of a
    /// borrowed loop, a map entry, an unwrapped element reference): a variable that is
    /// not one, or an element `v[i]`.
    fn is_plain_reborrow_operand(&self, operand: &syn::Expr) -> bool {
        match strip_parens(operand) {
            syn::Expr::Path(p) => p
                .path
                .get_ident()
                .and_then(|i| self.lookup(&i.to_string()))
                .is_some_and(|l| !self.elem_refs.contains_key(&l)),
            syn::Expr::Index(ix) => !matches!(strip_parens(&ix.index), syn::Expr::Range(_)),
            // `**s` of `s` in `for s in &v` (a `&Box<dyn T>` in Rust): `*s` is the element.
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                matches!(strip_parens(&u.expr), syn::Expr::Path(p)
                    if p.path.get_ident().and_then(|i| self.lookup(&i.to_string()))
                        .is_some_and(|l| matches!(self.elem_refs.get(&l), Some(ElemRef::Value))))
            }
            _ => false,
        }
    }

    /// `for PAT in &c` / `&mut c` / `c.iter()` / `c.iter_mut()` as a counted loop over
    /// `c`'s indices (see the module docs); `None` for other loops.
    pub(super) fn for_borrowed(&mut self, f: &syn::ExprForLoop, id: ExprId) -> Option<ExprId> {
        // `m.keys()` / `m.values()` / `m.values_mut()` iterate a part of a map's entries.
        let mut part = None;
        // The part's method as written, and where (`FnIr::part_loops`).
        let mut part_method = None;
        let (container, mutable) = match strip_parens(&f.expr) {
            syn::Expr::Reference(r) => (strip_parens(&r.expr), r.mutability.is_some()),
            syn::Expr::MethodCall(m)
                if m.args.is_empty()
                    && m.turbofish.is_none()
                    && (m.method == "iter" || m.method == "iter_mut") =>
            {
                (strip_parens(&m.receiver), m.method == "iter_mut")
            }
            syn::Expr::MethodCall(m)
                if m.args.is_empty()
                    && m.turbofish.is_none()
                    && matches!(
                        m.method.to_string().as_str(),
                        "keys" | "values" | "values_mut"
                    ) =>
            {
                part = Some(u32::from(m.method != "keys"));
                part_method = Some((m.method.to_string(), m.method.span()));
                (strip_parens(&m.receiver), m.method == "values_mut")
            }
            // `for x in row` where `row` is itself the variable of a borrowed loop (a
            // `&Vec<T>` in Rust), a name `Some(w)` binds on a reference (`for o in &v {
            // if let Some(w) = o { for x in w .. } }`: it borrows `w`, which stays usable),
            // or `for x in v` where `v` is a `&Vec<T>` / `&mut Vec<T>` / `&[T]` / `&mut [T]`
            // parameter.
            syn::Expr::Path(p)
                if let Some(l) = p.path.get_ident().and_then(|i| self.lookup(&i.to_string()))
                    && (matches!(self.elem_refs.get(&l), Some(ElemRef::Value))
                        || self.reference_names.contains(&l)
                        || self.vec_ref_params.contains_key(&l)) =>
            {
                let mutable = self.vec_ref_params.get(&l).copied().unwrap_or(false);
                self.borrowed_name_loops.push(f.for_token.span);
                (strip_parens(&f.expr), mutable)
            }
            _ => return None,
        };
        let at = f.for_token.span;
        // The container: re-read at each use if it is a place, else evaluated once.
        let (container, hidden) = if is_place(container) {
            (self.place_container(container), None)
        } else {
            let value = self.expr(container);
            let loc = self.loc(at);
            self.scopes.push(Vec::new());
            let local = self.declare(" container", mutable, loc);
            (Container::Local(local), Some((local, value, loc)))
        };
        let start = self.push(ExprKind::Lit(Lit::Int(0, None)), at);
        // A `&mut` loop lends its container mutably from its `&mut v` / `v.iter_mut()`,
        // where rustc reports that lend's conflicts (`infer/elem_refs.rs`).
        let lent_at = if mutable {
            strip_parens(&f.expr).span()
        } else {
            at
        };
        let len_receiver = self.container_expr(&container, lent_at);
        let end = self.push(
            ExprKind::MethodCall {
                receiver: len_receiver,
                method: "len".into(),
                args: vec![],
            },
            at,
        );
        self.scopes.push(Vec::new());
        let index_loc = self.loc(at);
        let index = self.declare(crate::ir::LOOP_INDEX, false, index_loc);
        self.loops.push(super::scope::LoopFrame {
            label: super::scope::label_name(&f.label),
            id,
        });
        let mut stmts = Vec::new();
        if mutable {
            // `for (a, b) in &mut v`: each name is a part of the element.
            let names: Vec<(&syn::PatIdent, Option<u32>)> = match (&*f.pat, part) {
                (syn::Pat::Ident(pi), _) => vec![(pi, part)],
                (syn::Pat::Tuple(t), None) => t
                    .elems
                    .iter()
                    .enumerate()
                    .filter_map(|(i, p)| match p {
                        syn::Pat::Ident(pi) => Some((pi, Some(i as u32))),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            // `_` binds nothing (`for (_, t) in &mut m`, `for _ in &mut v`).
            let all_named = match &*f.pat {
                syn::Pat::Tuple(t) => {
                    part.is_none()
                        && t.elems
                            .iter()
                            .all(|p| matches!(p, syn::Pat::Ident(_) | syn::Pat::Wild(_)))
                }
                syn::Pat::Wild(_) => true,
                _ => !names.is_empty(),
            };
            if !all_named {
                self.error(
                    f.pat.span(),
                    "a `for` loop over `&mut` elements binds a name (or a tuple of names): `for x in &mut v { *x .. }`",
                );
                return Some(self.finish_borrowed_loop(
                    (id, index, start, end),
                    hidden,
                    Vec::new(),
                    f,
                ));
            }
            for (pi, field) in names {
                let loc = self.loc(pi.ident.span());
                let var = self.declare(&pi.ident.to_string(), false, loc);
                self.elem_refs.insert(
                    var,
                    ElemRef::Place {
                        container: container.clone(),
                        index,
                        field,
                    },
                );
            }
        } else {
            let (pat, references) = match &*f.pat {
                // `for &x in &v`: the element's value.
                syn::Pat::Reference(r) => (&*r.pat, false),
                p => (p, true),
            };
            let element = {
                let base = self.container_expr(&container, at);
                let i = self.push(ExprKind::Local(index), at);
                self.push(ExprKind::Index(base, i), at)
            };
            if let Some((method, span)) = part_method.take() {
                let loc = self.loc(span);
                self.part_loops.push(crate::ir::PartLoop {
                    element,
                    method,
                    loc,
                });
            }
            let pattern = match part {
                // `let (k, _) = m[i]` / `let (_, v) = m[i]`.
                Some(p) => {
                    let inner = self.pattern(pat);
                    let mut parts = vec![Pattern::Wild, Pattern::Wild];
                    parts[p as usize] = inner;
                    Pattern::Tuple(parts)
                }
                None => self.pattern(pat),
            };
            // Each name the pattern binds is a reference in Rust: `*x` reads it too.
            pattern.for_each_local(&mut |var| {
                self.elem_refs.insert(var, ElemRef::Value);
                if references {
                    self.reference_names.insert(var);
                }
            });
            let loc = self.loc(pat.span());
            stmts.push(Stmt::Let {
                pattern,
                ty: None,
                init: Some(element),
                loc,
            });
        }
        Some(self.finish_borrowed_loop((id, index, start, end), hidden, stmts, f))
    }

    /// The loop `id` over `0..end` (`start` is the `0`) with the index local `index`, its
    /// body `stmts` then `f`'s block, inside the `let` of the hidden container if any.
    fn finish_borrowed_loop(
        &mut self,
        (id, index, start, end): (ExprId, LocalId, ExprId, ExprId),
        hidden: Option<(LocalId, ExprId, LocId)>,
        mut stmts: Vec<Stmt>,
        f: &syn::ExprForLoop,
    ) -> ExprId {
        let body = self.block_expr(&f.body);
        self.loops.pop();
        self.scopes.pop();
        stmts.push(Stmt::Expr(body));
        let body_span = f.body.brace_token.span.join();
        let inner = self.push(ExprKind::Block(Block { stmts, tail: None }), body_span);
        self.exprs[id.index()].kind = ExprKind::ForRange {
            var: index,
            start,
            end,
            inclusive: false,
            step: None,
            order: RangeOrder::Up,
            body: inner,
        };
        let Some((local, value, loc)) = hidden else {
            return id;
        };
        self.scopes.pop();
        self.push(
            ExprKind::Block(Block {
                stmts: vec![
                    Stmt::Let {
                        pattern: Pattern::Bind(local),
                        ty: None,
                        init: Some(value),
                        loc,
                    },
                    Stmt::Expr(id),
                ],
                tail: None,
            }),
            f.for_token.span,
        )
    }

    /// The container of a borrowed loop, read at `span`.
    fn container_expr(&mut self, container: &Container, span: proc_macro2::Span) -> ExprId {
        match container {
            Container::Place(e, root) => {
                // The root name means the local it meant when the reference was made.
                let shadowed = root
                    .as_ref()
                    .filter(|(name, local)| self.lookup(name) != Some(*local));
                if let Some((name, local)) = shadowed {
                    self.scopes.push(vec![(
                        name.clone(),
                        super::constants::Binding::Local(*local),
                    )]);
                }
                let id = self.expr(e);
                if shadowed.is_some() {
                    self.scopes.pop();
                }
                // Its uses point at the loop's `for` token.
                let loc = self.loc(span);
                self.exprs[id.index()].loc = loc;
                id
            }
            Container::Local(l) => self.push(ExprKind::Local(*l), span),
        }
    }

    /// The place `e` as a re-read container, its root name tied to its current local.
    pub(super) fn place_container(&self, e: &syn::Expr) -> Container {
        let mut root = strip_parens(e);
        while let syn::Expr::Field(f) = root {
            root = strip_parens(&f.base);
        }
        let root = match root {
            syn::Expr::Path(p) => p
                .path
                .get_ident()
                .map(|i| i.to_string())
                .and_then(|name| self.lookup(&name).map(|l| (name, l))),
            _ => None,
        };
        Container::Place(Box::new(e.clone()), root)
    }

    /// `*x` where `x` is the variable of a borrowed loop: the element; `None` otherwise.
    pub(super) fn deref_elem(
        &mut self,
        operand: &syn::Expr,
        span: proc_macro2::Span,
    ) -> Option<ExprId> {
        let syn::Expr::Path(p) = strip_parens(operand) else {
            return None;
        };
        let local = self.lookup(&p.path.get_ident()?.to_string())?;
        self.elem_ref_target(local, span)
    }

    /// What `*x` reads where `x` (`local`) is the variable of a borrowed loop: the
    /// element (or its part); `None` for any other local.
    pub(super) fn elem_ref_target(
        &mut self,
        local: LocalId,
        span: proc_macro2::Span,
    ) -> Option<ExprId> {
        match self.elem_refs.get(&local)?.clone() {
            ElemRef::Value => Some(self.push(ExprKind::Local(local), span)),
            ElemRef::Place {
                container,
                index,
                field,
            } => {
                let base = self.container_expr(&container, span);
                let i = self.push(ExprKind::Local(index), span);
                let element = self.push(ExprKind::Index(base, i), span);
                Some(match field {
                    Some(f) => self.push(ExprKind::TupleField(element, f), span),
                    None => element,
                })
            }
        }
    }

    /// A use of `x` without `*` where `x` is the variable of a `&mut` loop, which jit
    /// code only uses as `*x`.
    pub(super) fn is_place_elem_ref(&self, local: LocalId) -> bool {
        matches!(self.elem_refs.get(&local), Some(ElemRef::Place { .. }))
    }
}

/// A local, or fields and tuple fields of one: re-reading it has no side effects.
pub(super) fn is_place(e: &syn::Expr) -> bool {
    match strip_parens(e) {
        syn::Expr::Path(p) => p.qself.is_none() && p.path.get_ident().is_some(),
        syn::Expr::Field(f) => is_place(&f.base),
        _ => false,
    }
}
