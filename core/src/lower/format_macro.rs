//! `format!(..)` in jit code, lowered to a block that builds a fresh `String`: each literal
//! piece pushed as a `&str`, each placeholder's value appended by the hidden method
//! `PUSH_FORMATTED` (`crate::string_methods`) with its spec packed (`crate::format_spec`),
//! which the runtime formats with std's own code.
//!
//! As in Rust, the arguments are evaluated once, in order, before anything is written,
//! and are borrowed, not moved: an argument that is a place (a variable, a field, an
//! element, a literal) is read where it is formatted, through `&`; any other is evaluated
//! into a hidden local first. A place that can panic (one with an element, `xs[i]`) is
//! also borrowed once where the argument is, and the borrow dropped, so its bounds check
//! panics in argument order and before `write!` has appended anything (rustc leaves the
//! destination unchanged) A field of a call's result (`make().x`) binds
//! the result to a hidden local where the argument is and reads the field there.

use super::{Lowerer, format, strip_parens};
use crate::format_spec::Count;
use crate::ir::*;
use crate::string_methods::hidden;
use crate::types::PrimTy;
use proc_macro2::Span;
use syn::spanned::Spanned;

/// A `format!` argument: its lowered value (read each time it is used) and its span.
struct Arg {
    value: Value,
    span: Span,
}

/// Where an argument's value is read from.
#[derive(Clone)]
enum Value {
    /// A place (or literal) read where used.
    Place(Box<syn::Expr>),
    /// The hidden local the argument was evaluated into.
    Local(LocalId),
    /// `base[i]` with `i` evaluated once, into the hidden local, where the argument is
    /// (an index with effects, `xs[c.bump()]`, runs once however many placeholders use it).
    Indexed(Box<syn::ExprIndex>, LocalId),
    /// `base.a.b` whose `base` is no place (`make().x`): `base` evaluated once, into the
    /// hidden local, where the argument is (in order with the others), its fields read
    /// where used (borrowed, not moved out of the temporary).
    FieldsOf(LocalId, Vec<syn::Member>),
}

/// Where a `format!`-style macro puts its text.
pub(super) enum Dest<'a> {
    /// A fresh `String` (`format!`), the block's value.
    Fresh,
    /// The `String` place `write!` writes into, read at each push; the block's value is
    /// `()`. With an index local, the place is the element `place[index]`: the index was
    /// evaluated once, before the arguments (`write!(v[i + 1], ..)`).
    Place(&'a syn::Expr, Option<LocalId>),
}

/// The receiver of each push: the fresh `String`'s local, or the written place.
enum Target<'a> {
    Local(LocalId),
    Place(&'a syn::Expr, Option<LocalId>),
}

impl Lowerer {
    pub(super) fn format_macro(&mut self, mac: &syn::Macro) -> ExprId {
        let span = mac.span();
        let exprs = match self.macro_exprs(mac) {
            Ok(exprs) => exprs,
            Err(unit) => return unit,
        };
        self.format_into(Dest::Fresh, &exprs, span, false)
    }

    /// The text of the format string and arguments `exprs` (a trailing newline if
    /// `newline`), appended to `dest`.
    pub(super) fn format_into(
        &mut self,
        dest: Dest<'_>,
        exprs: &[syn::Expr],
        span: Span,
        newline: bool,
    ) -> ExprId {
        let Some(fmt) = exprs.first() else {
            return self.invalid(span, "requires at least a format string argument");
        };
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) = fmt
        else {
            return self.invalid(fmt.span(), "format argument must be a string literal");
        };
        let mut written = text.value();
        if newline {
            written.push('\n');
        }
        let (pieces, holes) = match format::parse(&written) {
            Ok(parsed) => parsed,
            Err(message) => return self.invalid(text.span(), message),
        };
        self.scopes.push(Vec::new());
        let loc = self.loc(span);
        let mut stmts = Vec::new();
        // Positional and named arguments, evaluated once, in order.
        let mut positional: Vec<Arg> = Vec::new();
        let mut named: Vec<(String, Arg)> = Vec::new();
        for e in &exprs[1..] {
            let (name, value) = match e {
                syn::Expr::Assign(a) => match &*a.left {
                    syn::Expr::Path(p) if p.path.get_ident().is_some() => {
                        (Some(p.path.get_ident().unwrap().to_string()), &*a.right)
                    }
                    _ => (None, e),
                },
                _ => (None, e),
            };
            if name.is_none() && !named.is_empty() {
                self.scopes.pop();
                return self.invalid(
                    e.span(),
                    "positional arguments cannot follow named arguments",
                );
            }
            let value = self.format_arg(value, positional.len() + named.len(), &mut stmts);
            let arg = Arg {
                value,
                span: e.span(),
            };
            match name {
                Some(n) => named.push((n, arg)),
                None => positional.push(arg),
            }
        }
        let n_positional = positional.len();
        let mut used = vec![false; n_positional + named.len()];
        let target = match dest {
            Dest::Fresh => {
                let s_local = self.declare(" formatted", true, loc);
                let new = {
                    let unit = self.push(ExprKind::Lit(Lit::Unit), span);
                    self.push(
                        ExprKind::MethodCall {
                            receiver: unit,
                            method: hidden::NEW.into(),
                            args: vec![],
                        },
                        span,
                    )
                };
                stmts.push(Stmt::Let {
                    pattern: Pattern::Bind(s_local),
                    ty: None,
                    init: Some(new),
                    loc,
                });
                Target::Local(s_local)
            }
            Dest::Place(place, index) => Target::Place(place, index),
        };
        // rustc counts the implicit placeholders (`{}`, `.*`) for its message.
        let implicit = holes
            .iter()
            .map(|(h, spec)| {
                usize::from(*h == format::Placeholder::Next)
                    + usize::from(spec.precision == Count::Star)
            })
            .sum::<usize>();
        let mut next = 0usize;
        let mut failed = false;
        let mut pieces = pieces.into_iter();
        let first = pieces.next().unwrap_or_default();
        self.push_piece(&target, &first, span, &mut stmts);
        for ((hole, spec), piece) in holes.into_iter().zip(pieces) {
            // `.*` takes the precision before the value, from the next positional.
            let precision = match &spec.precision {
                Count::Star => {
                    next += 1;
                    self.count_arg(
                        &Count::Index(next - 1),
                        &positional,
                        &named,
                        &mut used,
                        text,
                    )
                }
                c => self.count_arg(c, &positional, &named, &mut used, text),
            };
            let width = self.count_arg(&spec.width, &positional, &named, &mut used, text);
            let which = match &hole {
                format::Placeholder::Next => {
                    next += 1;
                    ArgRef::Implicit(next - 1, implicit)
                }
                format::Placeholder::Index(i) => ArgRef::Index(*i),
                format::Placeholder::Named(name) => ArgRef::Name(name),
            };
            // rustc points at the argument (or, for a captured variable, the string).
            let at = match which {
                ArgRef::Implicit(i, _) | ArgRef::Index(i) => positional.get(i).map(|a| a.span),
                ArgRef::Name(name) => named.iter().find(|(n, _)| n == name).map(|(_, a)| a.span),
            }
            .unwrap_or_else(|| text.span());
            let value = self.resolve_arg(which, &positional, &named, &mut used, text);
            let (Some(value), Some(width), Some(precision)) = (value, width, precision) else {
                failed = true;
                break;
            };
            let value = self.push(
                ExprKind::AddrOf {
                    place: value,
                    mutable: false,
                },
                at,
            );
            let fill = self.push(ExprKind::Lit(Lit::Char(spec.fill.unwrap_or(' '))), span);
            let flags = self.push(
                ExprKind::Lit(Lit::Int(i128::from(spec.pack()), Some(PrimTy::U32))),
                span,
            );
            let receiver = self.target(&target, span);
            let call = self.push(
                ExprKind::MethodCall {
                    receiver,
                    method: hidden::PUSH_FORMATTED.into(),
                    args: vec![value, fill, flags, width, precision],
                },
                text.span(),
            );
            stmts.push(Stmt::Expr(call));
            self.push_piece(&target, &piece, span, &mut stmts);
        }
        if !failed && let Some(unused) = used.iter().position(|u| !u) {
            let at = if unused < n_positional {
                positional[unused].span
            } else {
                named[unused - n_positional].1.span
            };
            self.error(
                at,
                if unused < n_positional {
                    "argument never used"
                } else {
                    "named argument never used"
                },
            );
        }
        self.scopes.pop();
        let tail = match target {
            Target::Local(s_local) => self.push(ExprKind::Local(s_local), span),
            Target::Place(..) => self.push(ExprKind::Lit(Lit::Unit), span),
        };
        self.push(
            ExprKind::Block(Block {
                stmts,
                tail: Some(tail),
            }),
            span,
        )
    }

    /// A `format!` argument: a place is read where used; anything else is evaluated into
    /// a hidden local now (an argument's `&` is dropped: `&x` formats as `x`).
    fn format_arg(&mut self, e: &syn::Expr, index: usize, stmts: &mut Vec<Stmt>) -> Value {
        let mut e = e;
        while let syn::Expr::Reference(r) = e
            && r.mutability.is_none()
        {
            e = &r.expr;
        }
        while let syn::Expr::Paren(p) = e {
            e = &p.expr;
        }
        if let syn::Expr::Index(ix) = e
            && !matches!(
                strip_parens(&ix.index),
                syn::Expr::Path(_) | syn::Expr::Lit(_) | syn::Expr::Range(_)
            )
        {
            let init = self.expr(&ix.index);
            let loc = self.loc(ix.index.span());
            let local = self.declare(&format!(" format index {index}"), false, loc);
            stmts.push(Stmt::Let {
                pattern: Pattern::Bind(local),
                ty: None,
                init: Some(init),
                loc,
            });
            let value = Value::Indexed(Box::new(ix.clone()), local);
            if reads_nothing_with_effects(&ix.expr) {
                self.probe(&value, e.span(), stmts);
            }
            return value;
        }
        if let Some((root, members)) = fields_of_a_value(e) {
            let init = self.expr(root);
            let loc = self.loc(root.span());
            let local = self.declare(&format!(" format base {index}"), false, loc);
            stmts.push(Stmt::Let {
                pattern: Pattern::Bind(local),
                ty: None,
                init: Some(init),
                loc,
            });
            return Value::FieldsOf(local, members);
        }
        if matches!(
            e,
            syn::Expr::Path(_) | syn::Expr::Field(_) | syn::Expr::Index(_) | syn::Expr::Lit(_)
        ) {
            let value = Value::Place(Box::new(e.clone()));
            if has_element(e) && reads_nothing_with_effects(e) {
                self.probe(&value, e.span(), stmts);
            }
            return value;
        }
        let init = self.expr(e);
        let loc = self.loc(e.span());
        let local = self.declare(&format!(" format argument {index}"), false, loc);
        stmts.push(Stmt::Let {
            pattern: Pattern::Bind(local),
            ty: None,
            init: Some(init),
            loc,
        });
        Value::Local(local)
    }

    /// `&place;` where the argument is: the place's bounds checks run in argument order,
    /// before anything is written; nothing is moved, and reading the place again where it
    /// is formatted evaluates nothing twice (its indexes are variables, literals or the
    /// argument's hidden local).
    fn probe(&mut self, value: &Value, span: Span, stmts: &mut Vec<Stmt>) {
        let place = self.read(value, span);
        let borrow = self.push(
            ExprKind::AddrOf {
                place,
                mutable: false,
            },
            span,
        );
        stmts.push(Stmt::Expr(borrow));
    }

    /// An argument's value, read where it is used.
    fn read(&mut self, value: &Value, span: Span) -> ExprId {
        match value {
            // The variable of a `&mut` loop is a reference (`&K`, `&mut V`) in Rust, which
            // formats as its referent: the element it stands for.
            Value::Local(l) => match self.elem_ref_target(*l, span) {
                Some(element) => element,
                None => self.push(ExprKind::Local(*l), span),
            },
            Value::Place(e) => match self.deref_elem(e, span) {
                Some(element) => element,
                None => self.expr(e),
            },
            Value::FieldsOf(local, members) => {
                let mut id = self.push(ExprKind::Local(*local), span);
                for member in members {
                    id = match member {
                        syn::Member::Unnamed(index) => {
                            self.push(ExprKind::TupleField(id, index.index), index.span)
                        }
                        syn::Member::Named(name) => {
                            self.push(ExprKind::Field(id, name.to_string()), name.span())
                        }
                    };
                }
                id
            }
            Value::Indexed(ix, local) => {
                let base = self.expr(&ix.expr);
                let index = self.push(ExprKind::Local(*local), ix.index.span());
                let id = self.push(ExprKind::Index(base, index), ix.span());
                self.index_brackets.push((id, ix.bracket_token.span.join()));
                id
            }
        }
    }

    /// The `String` a push appends to.
    fn target(&mut self, target: &Target<'_>, span: Span) -> ExprId {
        match target {
            Target::Local(s) => self.push(ExprKind::Local(*s), span),
            Target::Place(place, None) => self.expr(place),
            Target::Place(base, Some(index)) => self.written_element(base, *index, span),
        }
    }

    /// The element `base[index]` a `write!` writes into, at `span`.
    pub(super) fn written_element(
        &mut self,
        base: &syn::Expr,
        index: LocalId,
        span: Span,
    ) -> ExprId {
        let base = self.expr(base);
        let index = self.push(ExprKind::Local(index), span);
        self.push(ExprKind::Index(base, index), span)
    }

    fn push_piece(&mut self, s: &Target<'_>, piece: &str, span: Span, stmts: &mut Vec<Stmt>) {
        if piece.is_empty() {
            return;
        }
        let receiver = self.target(s, span);
        let text = self.push(ExprKind::Lit(Lit::Str(piece.to_string())), span);
        let method = match s {
            Target::Local(_) => "push_str",
            Target::Place(..) => hidden::WRITE_PIECE,
        };
        let call = self.push(
            ExprKind::MethodCall {
                receiver,
                method: method.into(),
                args: vec![text],
            },
            span,
        );
        stmts.push(Stmt::Expr(call));
    }

    /// A width or precision: its written value, or its argument's (0 when implied: a width
    /// of 0 pads nothing, and the packed flags say whether a precision was given).
    fn count_arg(
        &mut self,
        count: &Count,
        positional: &[Arg],
        named: &[(String, Arg)],
        used: &mut [bool],
        text: &syn::LitStr,
    ) -> Option<ExprId> {
        let span = text.span();
        let literal = |this: &mut Self, n: usize| {
            this.push(
                ExprKind::Lit(Lit::Int(n as i128, Some(PrimTy::Usize))),
                span,
            )
        };
        match count {
            Count::Implied => Some(literal(self, 0)),
            Count::Is(n) => Some(literal(self, *n)),
            Count::OutOfRange(digits) => {
                // A non-generic body's shadow has rustc report it at the digits; a
                // generic body has none for its format strings.
                if !self.scope.generics.is_empty() {
                    self.error(text.span(), Count::out_of_range_message(digits));
                }
                Some(literal(self, 0))
            }
            Count::Index(i) => self.resolve_arg(ArgRef::Index(*i), positional, named, used, text),
            Count::Named(n) => self.resolve_arg(ArgRef::Name(n), positional, named, used, text),
            Count::Star => unreachable!("`.*` is resolved by the caller"),
        }
    }

    /// The value of an argument, by position or name (a name no argument has is a
    /// captured variable, as Rust 2021's inline arguments); `None` after an error.
    fn resolve_arg(
        &mut self,
        which: ArgRef,
        positional: &[Arg],
        named: &[(String, Arg)],
        used: &mut [bool],
        text: &syn::LitStr,
    ) -> Option<ExprId> {
        let value = match which {
            ArgRef::Index(i) | ArgRef::Implicit(i, _) => match positional.get(i) {
                Some(a) => {
                    used[i] = true;
                    a.value.clone()
                }
                None => {
                    let n = positional.len();
                    self.error(
                        text.span(),
                        if let ArgRef::Implicit(_, implicit) = which
                            && implicit > n
                        {
                            format!(
                                "{implicit} positional argument{} in format string, but {}",
                                if implicit == 1 { "" } else { "s" },
                                match n {
                                    0 => "no arguments were given".to_string(),
                                    1 => "there is 1 argument".to_string(),
                                    n => format!("there are {n} arguments"),
                                }
                            )
                        } else if n == 0 {
                            format!("invalid reference to positional argument {i} (no arguments were given)")
                        } else {
                            format!(
                                "invalid reference to positional argument {i} ({})",
                                if n == 1 {
                                    "there is 1 argument".to_string()
                                } else {
                                    format!("there are {n} arguments")
                                }
                            )
                        },
                    );
                    return None;
                }
            },
            ArgRef::Name(name) => match named.iter().position(|(n, _)| n == name) {
                Some(k) => {
                    used[positional.len() + k] = true;
                    named[k].1.value.clone()
                }
                None => match self.lookup(name) {
                    Some(local) => Value::Local(local),
                    None => {
                        self.error(
                            text.span(),
                            format!("cannot find value `{name}` in this scope"),
                        );
                        return None;
                    }
                },
            },
        };
        Some(self.read(&value, text.span()))
    }
}

/// Whether a place reads an element (`xs[i]`, `self.items[i].name`), whose bounds check
/// can panic.
fn has_element(e: &syn::Expr) -> bool {
    match strip_parens(e) {
        syn::Expr::Index(_) => true,
        syn::Expr::Field(f) => has_element(&f.base),
        _ => false,
    }
}

/// Whether reading a place again evaluates nothing with effects: variables, literals,
/// fields and elements of such at variable or literal indexes or ranges.
/// `root.a.b` (fields only) whose root is no place (a call, a method call, a block): the
/// root and the fields from it outwards.
fn fields_of_a_value(e: &syn::Expr) -> Option<(&syn::Expr, Vec<syn::Member>)> {
    let mut members = Vec::new();
    let mut e = strip_parens(e);
    while let syn::Expr::Field(f) = e {
        members.push(f.member.clone());
        e = strip_parens(&f.base);
    }
    members.reverse();
    let place = matches!(
        e,
        syn::Expr::Path(_) | syn::Expr::Field(_) | syn::Expr::Index(_) | syn::Expr::Lit(_)
    ) || matches!(e, syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)));
    // A call's result is a value (a method's may be a reference into a container, which
    // stays read where it is used).
    let value = matches!(
        e,
        syn::Expr::Call(_) | syn::Expr::Block(_) | syn::Expr::Tuple(_)
    );
    (!members.is_empty() && !place && value).then_some((e, members))
}

fn reads_nothing_with_effects(e: &syn::Expr) -> bool {
    let plain = |e: &syn::Expr| matches!(strip_parens(e), syn::Expr::Path(_) | syn::Expr::Lit(_));
    match strip_parens(e) {
        syn::Expr::Path(_) | syn::Expr::Lit(_) => true,
        syn::Expr::Field(f) => reads_nothing_with_effects(&f.base),
        syn::Expr::Index(ix) => {
            reads_nothing_with_effects(&ix.expr)
                && match strip_parens(&ix.index) {
                    syn::Expr::Range(r) => {
                        r.start.as_deref().is_none_or(plain) && r.end.as_deref().is_none_or(plain)
                    }
                    index => plain(index),
                }
        }
        _ => false,
    }
}

/// An argument named in a format string.
#[derive(Clone, Copy)]
enum ArgRef<'a> {
    /// `{}` / `.*`: the next positional, and how many such the string has.
    Implicit(usize, usize),
    /// `{1}`, `1$`.
    Index(usize),
    Name(&'a str),
}
