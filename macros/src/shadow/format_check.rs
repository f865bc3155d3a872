//! The format check of a body without a shadow: its formatting of unbounded `T` parameters, for rustc.
//!
//! A body with an unbounded type parameter that may duck-type has no shadow (`has_shadow`),
//! so rustc never sees its `format!("{}", x)` of an `x: T`, which rustc refuses (E0277
//! "`T` doesn't implement `std::fmt::Display`", with its help to add the bound): jit code
//! would format each instantiation whose type has the trait. This check hands rustc just
//! those formatting macros, in a never-called fn generic as the body is (the user's
//! generics, their tokens and spans), whose parameters are the function's parameters of
//! type `T`, `&T` or `&mut T` for an unbounded `T`. Every other argument is `&0i32`, which
//! has each formatting trait, so only the parameters' formatting can fail; a format
//! string with a width or precision argument (`$`, `.*`) is left out, as is a macro
//! whose parameter names a body rebinds anywhere (a `let x`, a closure's `|x|`).

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};
use std::collections::HashSet;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::Visit;

/// The check of the formatting macros of `block` (under `sig`, with the type parameters
/// `in_scope`: an impl's and the method's own) that format a parameter of an unbounded
/// type parameter; nothing when there are none.
pub(crate) fn unbounded_format_check(
    sig: &syn::Signature,
    block: &syn::Block,
    in_scope: &syn::Generics,
    attrs: &[syn::Attribute],
) -> TokenStream {
    let unbounded: HashSet<String> = crate::glue::unbounded_params(in_scope)
        .iter()
        .map(ToString::to_string)
        .collect();
    if unbounded.is_empty() {
        return TokenStream::new();
    }
    let mut rebound = Rebound::default();
    rebound.visit_block(block);
    let params: Vec<(&syn::Ident, &syn::Type)> = sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            syn::FnArg::Typed(pt) => match &*pt.pat {
                syn::Pat::Ident(pi)
                    if pi.subpat.is_none()
                        && is_unbounded_param(&pt.ty, &unbounded)
                        && !rebound.names.contains(&pi.ident.to_string()) =>
                {
                    Some((&pi.ident, &*pt.ty))
                }
                _ => None,
            },
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    if params.is_empty() {
        return TokenStream::new();
    }
    let tracked: HashSet<String> = params.iter().map(|(name, _)| name.to_string()).collect();
    let mut macros = FormatMacros {
        tracked: &tracked,
        checks: Vec::new(),
    };
    macros.visit_block(block);
    if macros.checks.is_empty() {
        return TokenStream::new();
    }
    let cfgs = crate::glue::cfgs_of(attrs);
    let (names, types): (Vec<_>, Vec<_>) = params.into_iter().unzip();
    let params_list = &in_scope.params;
    let where_clause = without_self(in_scope.where_clause.as_ref());
    let checks = &macros.checks;
    let check = format_ident!("__jitclass_format_check");
    quote! {
        #(#cfgs)*
        const _: () = {
            #[allow(warnings, clippy::all, clippy::pedantic)]
            fn #check<#params_list>(#(#names: #types),*) #where_clause {
                #(#checks)*
            }
        };
    }
}

/// The predicates of a method's `where` clause but those naming `Self` (`Self: Sized`),
/// which a free fn cannot name (E0411) and which bound no parameter of the check.
fn without_self(where_clause: Option<&syn::WhereClause>) -> Option<syn::WhereClause> {
    let mut kept = where_clause?.clone();
    kept.predicates = kept
        .predicates
        .into_iter()
        .filter(|p| !names_self(p.to_token_stream()))
        .collect();
    Some(kept)
}

/// Whether `tokens` name `Self` anywhere (in a path, a generic argument, a group).
fn names_self(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == "Self",
        proc_macro2::TokenTree::Group(g) => names_self(g.stream()),
        _ => false,
    })
}

/// Whether `ty` is `T`, `&T` or `&mut T` of one of the `unbounded` parameters.
fn is_unbounded_param(ty: &syn::Type, unbounded: &HashSet<String>) -> bool {
    match ty {
        syn::Type::Reference(r) => is_unbounded_param(&r.elem, unbounded),
        syn::Type::Paren(p) => is_unbounded_param(&p.elem, unbounded),
        syn::Type::Path(tp) if tp.qself.is_none() => tp
            .path
            .get_ident()
            .is_some_and(|i| unbounded.contains(&i.to_string())),
        _ => false,
    }
}

/// The names a body binds in a pattern (`let`, `for`, `match`, closures): a parameter of
/// that name may be another value at a formatting macro, so it is not checked.
#[derive(Default)]
struct Rebound {
    names: HashSet<String>,
}

impl Visit<'_> for Rebound {
    fn visit_pat_ident(&mut self, pi: &syn::PatIdent) {
        self.names.insert(pi.ident.to_string());
        syn::visit::visit_pat_ident(self, pi);
    }

    fn visit_macro(&mut self, mac: &syn::Macro) {
        // A macro's arguments may hold closures or blocks binding names.
        if let Ok(args) =
            mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        {
            for arg in &args {
                self.visit_expr(arg);
            }
        }
    }
}

/// The formatting macros of a body that format a tracked parameter, as checks.
struct FormatMacros<'a> {
    tracked: &'a HashSet<String>,
    checks: Vec<TokenStream>,
}

/// Where a formatting macro's format string is among its arguments.
fn format_string_index(name: &str) -> Option<usize> {
    match name {
        "format" | "print" | "println" | "eprint" | "eprintln" | "panic" | "unreachable" => Some(0),
        "write" | "writeln" | "assert" => Some(1),
        "assert_eq" | "assert_ne" => Some(2),
        _ => None,
    }
}

impl FormatMacros<'_> {
    /// Whether `e` is a tracked parameter, possibly borrowed (`x`, `&x`, `(x)`).
    fn is_tracked(&self, e: &syn::Expr) -> bool {
        match e {
            syn::Expr::Reference(r) => self.is_tracked(&r.expr),
            syn::Expr::Paren(p) => self.is_tracked(&p.expr),
            syn::Expr::Group(g) => self.is_tracked(&g.expr),
            syn::Expr::Path(p) if p.qself.is_none() => p
                .path
                .get_ident()
                .is_some_and(|i| self.tracked.contains(&i.to_string())),
            _ => false,
        }
    }

    /// The check of one macro call, if it formats a tracked parameter.
    fn check(&self, mac: &syn::Macro) -> Option<TokenStream> {
        let name = mac.path.segments.last()?.ident.to_string();
        let at = format_string_index(&name)?;
        let args = mac
            .parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
            .ok()?;
        let args: Vec<&syn::Expr> = args.iter().collect();
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) = args.get(at)?
        else {
            return None;
        };
        let value = text.value();
        if value.contains('$') || value.contains(".*") {
            return None;
        }
        let neutral = quote!(&0i32);
        let mut named = HashSet::new();
        let mut formats_tracked = false;
        let mut rest = Vec::new();
        for arg in &args[at + 1..] {
            match arg {
                syn::Expr::Assign(a) => {
                    let syn::Expr::Path(p) = &*a.left else {
                        return None;
                    };
                    let key = p.path.get_ident()?;
                    named.insert(key.to_string());
                    if self.is_tracked(&a.right) {
                        formats_tracked = true;
                        let right = &a.right;
                        rest.push(quote!(#key = #right));
                    } else {
                        rest.push(quote!(#key = #neutral));
                    }
                }
                e if self.is_tracked(e) => {
                    formats_tracked = true;
                    rest.push(quote!(#e));
                }
                _ => rest.push(neutral.clone()),
            }
        }
        // Names a placeholder captures (`{x}`): a tracked one is the check's parameter,
        // another is bound to the neutral value.
        let mut captured = Vec::new();
        for name in captured_names(&value) {
            if named.contains(&name) {
                continue;
            }
            if self.tracked.contains(&name) {
                formats_tracked = true;
            } else {
                let ident = format_ident!("{}", name);
                captured.push(quote!(let #ident = #neutral;));
            }
        }
        if !formats_tracked {
            return None;
        }
        let bang = mac.bang_token;
        // `panic!` and `assert!` are checked as themselves (a `true` condition): rustc
        // reports their formatting at the whole call, "the trait `Display` is not
        // implemented for `T`", unlike `format!`'s at the argument.
        let (invoked, leading) = match name.as_str() {
            "panic" => (mac.path.to_token_stream(), quote!()),
            "assert" => {
                let condition = syn::LitBool::new(true, mac.path.span());
                (mac.path.to_token_stream(), quote!(#condition,))
            }
            // `format!` at the user's macro name: rustc then reports the error as in the
            // user's code, not as coming from the attribute's expansion.
            _ => {
                let format = syn::Ident::new("format", mac.path.segments.last()?.ident.span());
                (quote!(#format), quote!())
            }
        };
        let mut arguments = proc_macro2::Group::new(
            proc_macro2::Delimiter::Parenthesis,
            quote!(#leading #text #(, #rest)*),
        );
        arguments.set_span(mac.delimiter.span().join());
        Some(quote! {{
            #(#captured)*
            let _ = #invoked #bang #arguments;
        }})
    }
}

impl Visit<'_> for FormatMacros<'_> {
    fn visit_macro(&mut self, mac: &syn::Macro) {
        if let Some(check) = self.check(mac) {
            self.checks.push(check);
        }
        // Formatting macros nested in another macro's arguments.
        if let Ok(args) =
            mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        {
            for arg in &args {
                self.visit_expr(arg);
            }
        }
    }
}

/// The identifiers placeholders of the format string `text` name (`{x}`, `{x:?}`), which
/// `format_args!` captures when no named argument has them.
fn captured_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '{' => {
                let mut inside = String::new();
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    inside.push(d);
                }
                let argument = inside.split(':').next().unwrap_or("").trim();
                let identifier = argument.starts_with(|c: char| c.is_alphabetic() || c == '_')
                    && argument.chars().all(|c| c.is_alphanumeric() || c == '_');
                if identifier && argument != "_" {
                    names.push(argument.to_string());
                }
            }
            _ => {}
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::{captured_names, unbounded_format_check};

    /// Whether the fn `item` gets a format check.
    fn checked(item: syn::ItemFn) -> bool {
        !unbounded_format_check(&item.sig, &item.block, &item.sig.generics, &item.attrs).is_empty()
    }

    #[test]
    fn parameters_of_unbounded_types_are_checked_where_formatted() {
        assert!(checked(syn::parse_quote! {
            fn f<T>(x: T) -> String { format!("{}", x) }
        }));
        assert!(checked(syn::parse_quote! {
            fn f<T>(x: &T, s: &mut String) { write!(s, "{x:?}").unwrap(); }
        }));
        assert!(checked(syn::parse_quote! {
            fn f<T>(x: T) { assert!(true, "{}", &x); }
        }));
    }

    #[test]
    fn other_values_bounded_parameters_and_rebound_names_are_not() {
        assert!(!checked(syn::parse_quote! {
            fn f<T: std::fmt::Display>(x: T) -> String { format!("{}", x) }
        }));
        assert!(!checked(syn::parse_quote! {
            fn f<T>(x: T, n: i64) -> String { format!("{} {n}", n) }
        }));
        assert!(!checked(syn::parse_quote! {
            fn f<T>(x: T, n: i64) -> String { let x = n; format!("{}", x) }
        }));
        assert!(!checked(syn::parse_quote! {
            fn f<T>(x: T, n: usize) -> String { format!("{:1$}", x, n) }
        }));
    }

    #[test]
    fn predicates_naming_self_are_left_out_of_the_check() {
        let item: syn::ItemFn = syn::parse_quote! {
            fn f<T>(x: T) -> String where Self: Sized, Vec<T>: Clone { format!("{}", x) }
        };
        let check = unbounded_format_check(&item.sig, &item.block, &item.sig.generics, &item.attrs)
            .to_string();
        assert!(!check.contains("Self"), "{check}");
        assert!(check.contains("Vec < T > : Clone"), "{check}");
    }

    #[test]
    fn captured_names_are_the_identifiers_of_placeholders() {
        assert_eq!(
            captured_names("{{x}} {a} {0} {} {b:?} {c:>5} {_d}"),
            vec!["a", "b", "c", "_d"]
        );
    }
}
