//! Constants rustc evaluates for jit code: array lengths that are not integer literals
//! (`[f64; N]`, `[0.0; N * 2]`), `const` items in bodies (`const K: usize = 4;`), and
//! paths to constants used as values (`N`, `config::N`, `Self::N`). The macro does not see
//! the value of a constant defined outside the function, so each becomes an entry of the
//! function's (or class's) constant table: a `ConstDecl` in the IR, which
//! `ArrayLen::Const` and `ExprKind::Const` refer to, and a `LoweredConst` from which the
//! glue has rustc evaluate it once (`macros/src/glue/consts.rs`) and hand the value to
//! the runtime, which writes it into the IR before inference (`FnIr::resolve_consts`).
//!
//! Array lengths and `const` items are *hoisted*: the glue emits them as associated
//! constants of the function's type (`f::K` for `const K`, `f::array_length_0` for a
//! length, `Self::` inside one another; the names rustc shows when an evaluation fails),
//! and the shadow of the body names those in place of the written expression,
//! so that rustc evaluates each once and reports its errors once, at the user's tokens.
//! A local `const` named in another constant is that hoisted item; a local variable is
//! rustc's E0435, here, since a hoisted constant cannot see it.

use super::types::TypeScope;
use super::{Lowerer, strip_parens};
use crate::ir::{ArrayLen, ConstDecl, ConstId, ExprId, ExprKind, LocalId, TypeExpr};
use crate::types::PrimTy;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use std::collections::HashMap;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;

/// A constant for the glue to have rustc evaluate.
pub struct LoweredConst {
    /// What the constant is, which says how the glue evaluates it.
    pub kind: ConstKind,
    /// Its value as Rust, evaluated where the function's type is `Self`: the written
    /// expression, local `const` items renamed to their hoisted names.
    pub value: TokenStream,
    /// The written expression, which the shadow replaces by the hoisted constant (a
    /// length, a `const` item's value); where rustc reports a path's errors.
    pub span: Span,
    /// The hoisted constant's name (unused for a path, which is not hoisted).
    pub name: syn::Ident,
}

/// What a constant of the table is.
pub enum ConstKind {
    /// An array length (`usize`), hoisted.
    Len,
    /// A `const` item of the body, hoisted with its written type.
    Item {
        /// The item's type as written.
        ty: Box<syn::Type>,
    },
    /// A path to a constant defined elsewhere, used as a value: read where the glue
    /// needs it, since its type is rustc's to know.
    Path,
}

/// The constants of one function or class, as they are lowered.
#[derive(Default)]
pub struct ConstTable {
    /// The IR's side, by `ConstId`.
    pub decls: Vec<ConstDecl>,
    /// The glue's side, by `ConstId`.
    pub lowered: Vec<LoweredConst>,
    /// Paths used as values, by their text: one entry per constant.
    paths: HashMap<String, ConstId>,
}

/// What a name stands for where a constant expression is lowered.
#[derive(Clone, Copy)]
pub(crate) enum Binding {
    /// A local variable (or parameter).
    Local(LocalId),
    /// A `const` item of the body.
    Const(ConstId),
}

impl ConstTable {
    /// The name the next constant is hoisted under: a `const` item's own (`K`), unless an
    /// earlier one of the table has it (`K_3`, by its id), else `array_length_3`. rustc
    /// names it when the constant's evaluation fails ("evaluation of `f::K` failed"),
    /// where its own build says `f::K` / `f::{constant#0}`.
    fn next_name(&self, item: Option<&syn::Ident>) -> syn::Ident {
        let id = self.decls.len();
        let mut name = match item {
            Some(ident) if ident != "_" => ident.clone(),
            Some(_) => quote::format_ident!("constant_{}", id),
            None => quote::format_ident!("array_length_{}", id),
        };
        while self.lowered.iter().any(|c| c.name == name) {
            name = quote::format_ident!("{}_{}", name, id);
        }
        name
    }

    /// The hoisted name of constant `id`.
    pub fn hoisted_name(&self, id: ConstId) -> &syn::Ident {
        &self.lowered[id.index()].name
    }

    fn push(&mut self, decl: ConstDecl, lowered: LoweredConst) -> ConstId {
        self.decls.push(decl);
        self.lowered.push(lowered);
        ConstId(self.decls.len() as u32 - 1)
    }
}

/// `e` as written, for the text form: `N * 2`.
fn shown(e: &impl ToTokens) -> String {
    e.to_token_stream()
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
}

impl TypeScope {
    /// The length `N` of `[T; N]` or `[value; N]`: an integer literal, or a constant
    /// expression rustc evaluates (a local variable in it is rustc's E0435).
    pub(crate) fn array_len(&mut self, e: &syn::Expr) -> syn::Result<ArrayLen> {
        if let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) = strip_parens(e)
        {
            return match i.suffix() {
                "" | "usize" => i
                    .base10_parse::<u64>()
                    .map(ArrayLen::Lit)
                    .map_err(|_| syn::Error::new(i.span(), "array length too large for `usize`")),
                suffix => Err(syn::Error::new(
                    i.span(),
                    format!(
                        "mismatched types: expected `usize`, found `{suffix}`\nnote: array lengths are `usize`"
                    ),
                )),
            };
        }
        let value = self.const_tokens(e, false)?;
        let id = self.consts.push(
            ConstDecl {
                shown: shown(e),
                ty: Some(PrimTy::Usize),
            },
            LoweredConst {
                kind: ConstKind::Len,
                value,
                span: e.span(),
                name: self.consts.next_name(None),
            },
        );
        Ok(ArrayLen::Const(id))
    }

    /// The Rust of the constant expression `e`, to be evaluated in the function's type:
    /// local `const` items by their hoisted names, `Self` spelled out. Local variables
    /// and generic parameters are refused as rustc refuses them in a constant; in a
    /// `const` item (`in_item`), an item of its own, `Self` too.
    fn const_tokens(&self, e: &syn::Expr, in_item: bool) -> syn::Result<TokenStream> {
        let mut e = e.clone();
        let mut rename = Rename {
            scope: self,
            in_item,
            error: None,
        };
        rename.visit_expr_mut(&mut e);
        match rename.error {
            Some(err) => Err(err),
            None => Ok(e.into_token_stream()),
        }
    }

    /// A path to a constant defined elsewhere, used as a value (`N`, `config::N`,
    /// `Self::N`): one table entry per path.
    pub(crate) fn const_path(&mut self, p: &syn::ExprPath) -> syn::Result<ConstId> {
        let text = shown(p);
        if let Some(id) = self.consts.paths.get(&text) {
            return Ok(*id);
        }
        let value = self.const_tokens(&syn::Expr::Path(p.clone()), false)?;
        let id = self.consts.push(
            ConstDecl {
                shown: text.clone(),
                ty: None,
            },
            LoweredConst {
                kind: ConstKind::Path,
                value,
                span: p.span(),
                name: self.consts.next_name(None),
            },
        );
        self.consts.paths.insert(text, id);
        Ok(id)
    }
}

/// Renames local `const` items to their hoisted names and spells out `Self`; the first
/// name a constant may not use is the error.
struct Rename<'a> {
    scope: &'a TypeScope,
    /// A `const` item's value: an item of its own, which cannot name its parent's
    /// generic parameters or `Self` (rustc's E0401), where an array length can name `Self`.
    in_item: bool,
    error: Option<syn::Error>,
}

impl VisitMut for Rename<'_> {
    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        if let syn::Expr::Path(p) = e
            && p.qself.is_none()
            && let Some(ident) = p.path.get_ident()
        {
            match self.scope.bindings.get(&ident.to_string()) {
                Some(Binding::Const(id)) => {
                    let name = self.scope.consts.hoisted_name(*id);
                    *e = syn::parse_quote_spanned!(ident.span()=> Self::#name);
                    return;
                }
                Some(Binding::Local(_)) => {
                    self.error.get_or_insert(syn::Error::new(
                        ident.span(),
                        "attempt to use a non-constant value in a constant\nhelp: an array's length is known at compile time; for a length known at run time, use a `Vec`: `vec![x; n]`",
                    ));
                    return;
                }
                None => {}
            }
        }
        if let syn::Expr::Path(p) = e
            && p.qself.is_none()
            && p.path.leading_colon.is_none()
            && p.path.segments.first().is_some_and(|s| s.ident == "Self")
            && self.scope.self_path.is_none()
        {
            let span = p.path.segments[0].ident.span();
            if self.scope.generics.is_empty() {
                // The shadow of a non-generic fn reports rustc's E0433 at `Self`; the
                // getter, nested in the function type's impl, would add E0401 there.
                *e =
                    syn::parse_quote_spanned!(span=> ::jitclass::__private::shadow::never::<i32>());
            } else {
                // A generic fn has no shadow: the error is this one.
                self.error.get_or_insert(syn::Error::new(
                    span,
                    "cannot find `Self` in this scope\nnote: `Self` is only available in impls, traits, and type definitions",
                ));
            }
            return;
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }

    fn visit_path_mut(&mut self, p: &mut syn::Path) {
        if let Some(first) = p.segments.first_mut() {
            let name = first.ident.to_string();
            if self.scope.generics.contains(&name) {
                self.error.get_or_insert(syn::Error::new(
                    first.ident.span(),
                    if self.in_item {
                        "can't use generic parameters from outer item\nnote: a `const` is a separate item from the item that contains it"
                    } else {
                        "generic parameters may not be used in const operations\nnote: type parameters may not be used in const expressions"
                    },
                ));
            } else if name == "Self"
                && p.leading_colon.is_none()
                && self.in_item
                && let Some(class) = &self.scope.self_path
            {
                let class = class.segments.last().map(|s| s.ident.to_string());
                self.error.get_or_insert(syn::Error::new(
                    first.ident.span(),
                    format!(
                        "can't use `Self` from outer item\nnote: a `const` is a separate item from the item that contains it\nhelp: refer to the type directly here instead: `{}`",
                        class.unwrap_or_default()
                    ),
                ));
                return;
            } else if name == "Self"
                && p.leading_colon.is_none()
                && let Some(class) = &self.scope.self_path
            {
                let span = first.ident.span();
                let rest: Vec<syn::PathSegment> = p.segments.iter().skip(1).cloned().collect();
                let mut spelled = class.clone();
                for s in &mut spelled.segments {
                    s.ident.set_span(span);
                }
                spelled.segments.extend(rest);
                *p = spelled;
                return;
            }
        }
        syn::visit_mut::visit_path_mut(self, p);
    }
}

impl Lowerer {
    /// Declares the `const` items of a block's statements, which Rust puts in scope for
    /// the whole block, and lowers their values (which may name each other).
    pub(super) fn declare_block_consts(&mut self, stmts: &[syn::Stmt]) {
        let mut items = Vec::new();
        for stmt in stmts {
            let syn::Stmt::Item(syn::Item::Const(c)) = stmt else {
                continue;
            };
            let ty = match self.lower_written_type(&c.ty, super::types::TypePos::Other) {
                Ok(TypeExpr::Prim(p)) => p,
                Ok(_) => {
                    self.error(
                        c.ty.span(),
                        "constants in jit code are numbers, `bool` or `char`\nhelp: define other constants outside the function",
                    );
                    continue;
                }
                Err(e) => {
                    self.errors.push(e);
                    continue;
                }
            };
            let id = self.scope.consts.push(
                ConstDecl {
                    shown: format!("const {} = {}", c.ident, shown(&c.expr)),
                    ty: Some(ty),
                },
                LoweredConst {
                    kind: ConstKind::Item { ty: c.ty.clone() },
                    value: TokenStream::new(),
                    span: c.expr.span(),
                    name: self.scope.consts.next_name(Some(&c.ident)),
                },
            );
            if c.ident != "_" {
                self.bind_const(&c.ident.to_string(), id);
            }
            items.push((c, id));
        }
        self.refresh_bindings();
        for (c, id) in items {
            match self.scope.const_tokens(&c.expr, true) {
                Ok(value) => self.scope.consts.lowered[id.index()].value = value,
                Err(e) => self.errors.push(e),
            }
        }
    }

    /// `[value; N]`'s length.
    pub(super) fn repeat_len(&mut self, len: &syn::Expr) -> ArrayLen {
        self.refresh_bindings();
        match self.scope.array_len(len) {
            Ok(n) => n,
            Err(e) => {
                self.errors.push(e);
                ArrayLen::Lit(0)
            }
        }
    }

    /// A path that names no local, used as a value: a `const` item of the body, or a
    /// constant defined elsewhere (named as Rust names constants, `UPPER_CASE`).
    pub(super) fn const_value(&mut self, p: &syn::ExprPath, span: Span) -> ExprId {
        if let Some(ident) = p.path.get_ident()
            && let Some(Binding::Const(id)) = self.binding(&ident.to_string())
        {
            return self.push(ExprKind::Const(id), span);
        }
        if let Some(first) = p.path.segments.first()
            && p.path.segments.len() > 1
            && self.scope.generics.contains(&first.ident.to_string())
        {
            return self.invalid(
                first.ident.span(),
                "associated constants of generic parameters are not supported in jit code",
            );
        }
        self.refresh_bindings();
        match self.scope.const_path(p) {
            Ok(id) => self.push(ExprKind::Const(id), span),
            Err(e) => {
                self.errors.push(e);
                self.push(ExprKind::Lit(crate::ir::Lit::Unit), span)
            }
        }
    }

    /// Lowers a type written in the body, where its array lengths see the body's names
    /// and trait objects are values (`dyn_types.rs`).
    pub(super) fn lower_written_type(
        &mut self,
        ty: &syn::Type,
        pos: super::types::TypePos,
    ) -> syn::Result<TypeExpr> {
        self.lower_body_type(ty, pos, true)
    }

    /// `lower_written_type` for a type that crosses between Rust and jit code inside a
    /// body (an `objmode!` block's inputs and output): no trait objects.
    pub(super) fn lower_crossing_type(
        &mut self,
        ty: &syn::Type,
        pos: super::types::TypePos,
    ) -> syn::Result<TypeExpr> {
        self.lower_body_type(ty, pos, false)
    }

    fn lower_body_type(
        &mut self,
        ty: &syn::Type,
        pos: super::types::TypePos,
        trait_objects: bool,
    ) -> syn::Result<TypeExpr> {
        self.refresh_bindings();
        let before = std::mem::replace(&mut self.scope.trait_objects, trait_objects);
        let t = super::types::lower_type(ty, &mut self.scope, pos);
        self.scope.trait_objects = before;
        t
    }

    /// The names in scope as a constant expression sees them, innermost first.
    fn refresh_bindings(&mut self) {
        let mut bindings = HashMap::new();
        for (name, b) in self.scopes.iter().flat_map(|s| s.iter()) {
            // Later entries shadow earlier ones, as `lookup` finds them.
            bindings.insert(name.clone(), *b);
        }
        self.scope.bindings = bindings;
    }
}
