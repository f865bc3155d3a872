//! `objmode!` blocks: their inputs (jit locals with declared types) and output, and the
//! analysis of what their Rust body may not do (leave the block, read a jit local it
//! did not declare as an input).

use super::Lowerer;
use super::types::{TypePos, replace_self};
use crate::ir::*;
use proc_macro2::Span;
use syn::spanned::Spanned;

/// An `objmode!(|a: A, ..| -> R { body })` block: Rust code the glue compiles into a
/// function that jit code calls.
pub struct ObjModeBlock {
    /// The inputs: jit locals, with the types they are passed as.
    pub inputs: Vec<(syn::Ident, syn::Type)>,
    /// The declared output type.
    pub output: syn::Type,
    /// The block's Rust body.
    pub body: syn::Expr,
    /// The `objmode!` token, where the block's panics are reported.
    pub span: Span,
}

/// Whether a macro call is `objmode!`: by the last segment of its path, as written (the
/// glue finds the blocks in a body the same way).
pub fn is_objmode(mac: &syn::Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|s| s.ident == "objmode")
}

/// The most inputs an `objmode!` block takes (the runtime's `Tuple1`..`Tuple8`).
const MAX_OBJMODE_INPUTS: usize = crate::limits::MAX_CROSSING_TUPLE_LEN;

impl Lowerer {
    /// `objmode!(|a: A, b: B| -> R { rust })`: the inputs are jit locals of these names,
    /// converted to the declared types; the body is Rust that the glue compiles.
    pub(super) fn objmode(&mut self, mac: &syn::Macro) -> ExprId {
        let span = mac.path.span();
        let closure: syn::ExprClosure = match mac.parse_body() {
            Ok(c) => c,
            Err(_) => {
                return self.invalid(
                    mac.span(),
                    "write `objmode!(|a: A, b: B| -> R { .. })`: its inputs are jit locals with their types, then its output type and a block of Rust",
                );
            }
        };
        if !self.scope.generics.is_empty() {
            return self.invalid(
                span,
                "`objmode!` blocks are not supported in generic jit fns",
            );
        }
        if let Some(m) = closure
            .movability
            .as_ref()
            .map(|m| m.span)
            .or(closure.asyncness.as_ref().map(|a| a.span))
            .or(closure.capture.as_ref().map(|c| c.span))
            .or(closure.constness.as_ref().map(|c| c.span))
        {
            self.error(m, "an `objmode!` block is `|inputs| -> R { .. }`, without `move`, `async`, `static` or `const`");
        }
        let output = match &closure.output {
            syn::ReturnType::Type(_, t) => (**t).clone(),
            syn::ReturnType::Default => {
                return self.invalid(
                    closure.or2_token.span,
                    "an `objmode!` block declares its output type: `|..| -> R { .. }` (`-> ()` for none)",
                );
            }
        };
        let output_ty = match self.lower_crossing_type(&output, TypePos::Other) {
            Ok(t) => t,
            Err(e) => {
                self.errors.push(e);
                TypeExpr::Unit
            }
        };
        let mut inputs = Vec::new();
        let mut args = Vec::new();
        let mut input_types = Vec::new();
        // Every input naming a local, also one whose type is refused (the body may use it).
        let mut declared: Vec<String> = Vec::new();
        for input in &closure.inputs {
            let syn::Pat::Type(pt) = input else {
                self.error(
                    input.span(),
                    "each `objmode!` input names a jit local and its type: `x: f64`",
                );
                continue;
            };
            let syn::Pat::Ident(pi) = &*pt.pat else {
                self.error(pt.pat.span(), "an `objmode!` input is a jit local's name");
                continue;
            };
            let name = pi.ident.to_string();
            if name == "self" {
                self.error(
                    pi.ident.span(),
                    "`self` cannot be an `objmode!` input; bind it first: `let me = self;`",
                );
                continue;
            }
            let Some(local) = self.lookup(&name) else {
                self.error(pi.ident.span(), format!("`{name}` is not a local of this jit fn: an `objmode!` input passes a jit local into the block"));
                continue;
            };
            declared.push(name);
            let ty = match self.lower_crossing_type(&pt.ty, TypePos::Other) {
                Ok(t) => t,
                Err(e) => {
                    self.errors.push(e);
                    continue;
                }
            };
            args.push(self.push(ExprKind::Local(local), pi.ident.span()));
            input_types.push(ty);
            inputs.push((pi.ident.clone(), (*pt.ty).clone()));
        }
        if let Some(extra) = closure.inputs.iter().nth(MAX_OBJMODE_INPUTS) {
            self.error(
                extra.span(),
                format!("an `objmode!` block takes at most {MAX_OBJMODE_INPUTS} inputs; pass a tuple or a class instance for more"),
            );
        }
        for error in objmode_escapes(&closure.body, &declared, |name| self.lookup(name).is_some()) {
            self.errors.push(error);
        }
        // The glue compiles the block outside the impl, where `Self` means nothing.
        let (mut output, mut body) = (output, (*closure.body).clone());
        if let Some(self_path) = &self.scope.self_path {
            replace_self(&mut output, self_path);
            for (_, ty) in &mut inputs {
                replace_self(ty, self_path);
            }
            replace_self_in_expr(&mut body, self_path);
        }
        let index = self.objmodes.len() as u32;
        self.objmodes.push(ObjModeBlock {
            inputs,
            output,
            body,
            span,
        });
        self.push(
            ExprKind::ObjMode {
                index,
                args,
                inputs: input_types,
                output: output_ty,
            },
            span,
        )
    }
}

/// `Self` in the types and paths of an expression (`Self::new()`, `x: Self`), spelled as
/// the type it stands for.
fn replace_self_in_expr(expr: &mut syn::Expr, self_path: &syn::Path) {
    struct Replace<'a>(&'a syn::Path);
    impl syn::visit_mut::VisitMut for Replace<'_> {
        fn visit_path_mut(&mut self, path: &mut syn::Path) {
            if path.leading_colon.is_none()
                && path.segments.first().is_some_and(|s| s.ident == "Self")
            {
                let rest: Vec<syn::PathSegment> = path.segments.iter().skip(1).cloned().collect();
                let mut replaced = self.0.clone();
                if let Some(first) = path.segments.first()
                    && !first.arguments.is_none()
                    && let Some(last) = replaced.segments.last_mut()
                {
                    last.arguments = first.arguments.clone();
                }
                replaced.segments.extend(rest);
                *path = replaced;
            }
            syn::visit_mut::visit_path_mut(self, path);
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {
            // A nested item has no `Self` of ours (an impl has its own).
        }
    }
    syn::visit_mut::VisitMut::visit_expr_mut(&mut Replace(self_path), expr);
}

/// What an `objmode!` body may not do: leave the block (`return`, `?`, a `break` or
/// `continue` of a loop outside it) or read a jit local it did not declare as an input.
fn objmode_escapes(
    body: &syn::Expr,
    inputs: &[String],
    is_jit_local: impl Fn(&str) -> bool,
) -> Vec<syn::Error> {
    struct Scan<'a> {
        inputs: &'a [String],
        is_jit_local: &'a dyn Fn(&str) -> bool,
        /// Names the body binds itself (`let`, patterns, closure parameters).
        bound: Vec<String>,
        loops: usize,
        closures: usize,
        labels: Vec<String>,
        errors: Vec<syn::Error>,
    }
    impl<'ast> syn::visit::Visit<'ast> for Scan<'_> {
        fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
            if self.closures == 0 {
                self.errors.push(syn::Error::new(
                    r.return_token.span,
                    "`return` cannot leave an `objmode!` block: the block's value is its output",
                ));
            }
            syn::visit::visit_expr_return(self, r);
        }
        fn visit_expr_try(&mut self, t: &'ast syn::ExprTry) {
            if self.closures == 0 {
                self.errors.push(syn::Error::new(
                    t.question_token.span,
                    "`?` cannot leave an `objmode!` block; handle the error inside it",
                ));
            }
            syn::visit::visit_expr_try(self, t);
        }
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            self.escape(b.label.as_ref(), b.break_token.span, "break");
            syn::visit::visit_expr_break(self, b);
        }
        fn visit_expr_continue(&mut self, c: &'ast syn::ExprContinue) {
            self.escape(c.label.as_ref(), c.continue_token.span, "continue");
            syn::visit::visit_expr_continue(self, c);
        }
        fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
            self.in_loop(w.label.as_ref(), |s| syn::visit::visit_expr_while(s, w));
        }
        fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
            self.in_loop(f.label.as_ref(), |s| syn::visit::visit_expr_for_loop(s, f));
        }
        fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
            self.in_loop(l.label.as_ref(), |s| syn::visit::visit_expr_loop(s, l));
        }
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            let bound = self.bound.len();
            self.closures += 1;
            syn::visit::visit_expr_closure(self, c);
            self.closures -= 1;
            self.bound.truncate(bound);
        }
        fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
            // `return` and `?` leave the async block, not the objmode block.
            self.closures += 1;
            syn::visit::visit_expr_async(self, a);
            self.closures -= 1;
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {
            // A nested item is its own function: it cannot capture locals, and its
            // `return`s are its own.
        }
        fn visit_block(&mut self, b: &'ast syn::Block) {
            let bound = self.bound.len();
            syn::visit::visit_block(self, b);
            self.bound.truncate(bound);
        }
        fn visit_expr_block(&mut self, b: &'ast syn::ExprBlock) {
            // `'a: { .. break 'a value; .. }` stays inside.
            if let Some(l) = &b.label {
                self.labels.push(l.name.ident.to_string());
            }
            syn::visit::visit_expr_block(self, b);
            if b.label.is_some() {
                self.labels.pop();
            }
        }
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.bound.push(p.ident.to_string());
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if let Some(ident) = p.path.get_ident() {
                self.check_name(ident);
            }
            syn::visit::visit_expr_path(self, p);
        }
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            self.scan_tokens(m.tokens.clone());
        }
    }
    impl Scan<'_> {
        /// A name read in the body: a jit local must be an input.
        fn check_name(&mut self, ident: &proc_macro2::Ident) {
            let name = ident.to_string();
            if self.inputs.contains(&name) || self.bound.contains(&name) {
                return;
            }
            if name == "self" {
                self.errors.push(syn::Error::new(
                    ident.span(),
                    "`self` cannot be used in an `objmode!` block\nhelp: bind it first and pass it in: `let me = self;` then `objmode!(|me: Self, ..| -> R { .. })`",
                ));
            } else if (self.is_jit_local)(&name) {
                self.errors.push(syn::Error::new(
                    ident.span(),
                    format!("`{name}` is a local of the jit fn, not an input of this `objmode!` block\nhelp: declare it: `objmode!(|{name}: T, ..| -> R {{ .. }})`"),
                ));
            }
        }

        /// The arguments of a macro in the body (`println!`, `format!`, ..), which syn
        /// cannot parse: `return` and `?` there leave the block too, and names read
        /// there (also inside format strings: `"{x}"`) must be inputs.
        fn scan_tokens(&mut self, tokens: proc_macro2::TokenStream) {
            use proc_macro2::TokenTree;
            let tokens: Vec<TokenTree> = tokens.into_iter().collect();
            for (i, token) in tokens.iter().enumerate() {
                let previous = i.checked_sub(1).map(|p| &tokens[p]);
                let next = tokens.get(i + 1);
                let is_punct = |t: Option<&TokenTree>, c: char| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == c);
                match token {
                    TokenTree::Ident(ident) if ident == "return" && self.closures == 0 => {
                        self.errors.push(syn::Error::new(
                            ident.span(),
                            "`return` cannot leave an `objmode!` block: the block's value is its output",
                        ));
                    }
                    TokenTree::Ident(ident)
                        // Not a field or method (`.x`), a path or macro name (`x::`,
                        // `x!`), a label (`'x`), nor a named format argument (`x = ..`).
                        if !is_punct(previous, '.')
                            && !is_punct(previous, '\'')
                            && !is_punct(next, ':')
                            && !is_punct(next, '!')
                            && (!is_punct(next, '=') || is_punct(tokens.get(i + 2), '=')) =>
                    {
                        self.check_name(ident);
                    }
                    // `expr?`: after an expression's last token (not `?Sized`).
                    TokenTree::Punct(p)
                        if p.as_char() == '?'
                            && self.closures == 0
                            && matches!(
                                previous,
                                Some(TokenTree::Ident(_) | TokenTree::Group(_) | TokenTree::Literal(_))
                            ) =>
                    {
                        self.errors.push(syn::Error::new(
                            p.span(),
                            "`?` cannot leave an `objmode!` block; handle the error inside it",
                        ));
                    }
                    TokenTree::Group(g) => self.scan_tokens(g.stream()),
                    TokenTree::Literal(literal) => {
                        for name in inline_format_args(&literal.to_string()) {
                            self.check_name(&proc_macro2::Ident::new(&name, literal.span()));
                        }
                    }
                    _ => {}
                }
            }
        }

        fn in_loop(&mut self, label: Option<&syn::Label>, f: impl FnOnce(&mut Self)) {
            self.loops += 1;
            if let Some(l) = label {
                self.labels.push(l.name.ident.to_string());
            }
            f(self);
            if label.is_some() {
                self.labels.pop();
            }
            self.loops -= 1;
        }
        fn escape(&mut self, label: Option<&syn::Lifetime>, span: Span, what: &str) {
            if self.closures > 0 {
                return;
            }
            let leaves = match label {
                Some(l) => !self.labels.contains(&l.ident.to_string()),
                None => self.loops == 0,
            };
            if leaves {
                self.errors.push(syn::Error::new(
                    span,
                    format!(
                        "`{what}` cannot leave an `objmode!` block: the block's value is its output"
                    ),
                ));
            }
        }
    }
    let mut scan = Scan {
        inputs,
        is_jit_local: &is_jit_local,
        bound: Vec::new(),
        loops: 0,
        closures: 0,
        labels: Vec::new(),
        errors: Vec::new(),
    };
    syn::visit::Visit::visit_expr(&mut scan, body);
    scan.errors
}

/// The names a string literal would capture as a format string: `x` in `"{x}"` and
/// `"{x:?}"`, not in `"{{x}}"`, `"{0}"` or `"{}"`.
fn inline_format_args(literal: &str) -> Vec<String> {
    if !literal.starts_with('"') {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '{' {
            continue;
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            continue;
        }
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| c.is_alphanumeric() || *c == '_')).collect();
        let closes = matches!(chars.peek(), Some('}' | ':'));
        if closes && name != "_" && name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
            names.push(name);
        }
    }
    names
}
