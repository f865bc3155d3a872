//! `binary_search(&x)` on a `Vec` or slice, whose `Result<usize, usize>` jit code takes in
//! the forms that consume it at once: `.is_ok()`, `.is_err()`, `.ok()`, `.err()`,
//! `.unwrap()`, `.expect("..")`, `.unwrap_or(d)`, `.unwrap_or_else(|i| ..)`, and
//! `match` with `Ok(..)`/`Err(..)` arms. `Result` is not a value type of jit code (yet):
//! any other use is an error at the call.
//!
//! The search is std's (the same probes in the same order, so with duplicates it finds
//! the index rustc's build finds), lowered in place as jit code that yields `(found,
//! index)`, with `Ord::cmp` of the elements (`methods::SORT_CMP`: `f64` is refused as
//! rustc refuses it); the consuming form is then plain jit code over that pair.

use super::sort::Comparator;
use super::{Lowerer, strip_parens};
use crate::ir::*;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote_spanned};
use syn::spanned::Spanned;

impl Lowerer {
    /// `v.binary_search(&x).form(..)`; `None` if `m` is not such a call. A bare
    /// `binary_search` (its `Result` used any other way) is an error.
    pub(super) fn search_call(&mut self, m: &syn::ExprMethodCall) -> Option<ExprId> {
        if m.method == "binary_search" {
            return Some(self.invalid(
                m.method.span(),
                "jit code has no `Result` yet: use `binary_search`'s result at once, as `.is_ok()`, `.is_err()`, `.ok()`, `.err()`, `.unwrap()`, `.expect(\"..\")`, `.unwrap_or(d)`, `.unwrap_or_else(|i| ..)`, or in a `match` with `Ok(i) => ..` and `Err(i) => ..` arms",
            ));
        }
        let syn::Expr::MethodCall(search) = strip_parens(&m.receiver) else {
            return None;
        };
        if search.method != "binary_search" {
            return None;
        }
        let at = m.method.span();
        let pair = self.search_pair(search)?;
        let args: Vec<&syn::Expr> = m.args.iter().collect();
        let form = match (m.method.to_string().as_str(), &args[..]) {
            ("is_ok", []) => quote_spanned!(at=> __jitclass_found),
            ("is_err", []) => quote_spanned!(at=> !__jitclass_found),
            ("ok", []) => {
                quote_spanned!(at=> if __jitclass_found { Some(__jitclass_at) } else { None })
            }
            ("err", []) => {
                quote_spanned!(at=> if __jitclass_found { None } else { Some(__jitclass_at) })
            }
            ("unwrap", []) => quote_spanned!(at=> {
                if !__jitclass_found {
                    panic!("called `Result::unwrap()` on an `Err` value: {}", __jitclass_at);
                }
                __jitclass_at
            }),
            (
                "expect",
                [
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(msg),
                        ..
                    }),
                ],
            ) => {
                let msg = msg.value().replace('{', "{{").replace('}', "}}");
                let format = syn::LitStr::new(&format!("{msg}: {{}}"), at);
                quote_spanned!(at=> {
                    if !__jitclass_found {
                        panic!(#format, __jitclass_at);
                    }
                    __jitclass_at
                })
            }
            ("unwrap_or", [default]) => quote_spanned!(at=> {
                let __jitclass_default: usize = #default;
                if __jitclass_found { __jitclass_at } else { __jitclass_default }
            }),
            ("unwrap_or_else", [syn::Expr::Closure(c)]) if c.inputs.len() == 1 => {
                let param = &c.inputs[0];
                let body = &c.body;
                quote_spanned!(at=> if __jitclass_found {
                    __jitclass_at
                } else {
                    let #param = __jitclass_at;
                    #body
                })
            }
            _ => {
                return Some(self.invalid(
                    at,
                    "jit code has no `Result` yet: use `binary_search`'s result as `.is_ok()`, `.is_err()`, `.ok()`, `.err()`, `.unwrap()`, `.expect(\"..\")`, `.unwrap_or(d)`, `.unwrap_or_else(|i| ..)`, or in a `match`",
                ));
            }
        };
        Some(self.lower_search(&pair, form, at))
    }

    /// `match v.binary_search(&x) { Ok(i) => .., Err(i) => .. }` (either arm may be `_`);
    /// `None` if the scrutinee is not a `binary_search`.
    pub(super) fn search_match(&mut self, m: &syn::ExprMatch) -> Option<ExprId> {
        let syn::Expr::MethodCall(search) = strip_parens(&m.expr) else {
            return None;
        };
        if search.method != "binary_search" {
            return None;
        }
        let at = m.match_token.span;
        let pair = self.search_pair(search)?;
        let mut ok = None;
        let mut err = None;
        for arm in &m.arms {
            if let Some((if_token, _)) = &arm.guard {
                return Some(self.invalid(
                    if_token.span,
                    "match guards are not supported in jit code; use `if` inside the arm",
                ));
            }
            let body = &arm.body;
            match result_pattern(&arm.pat) {
                Some((true, p)) if ok.is_none() => {
                    ok = Some(quote_spanned!(at=> { let #p = __jitclass_at; #body }))
                }
                Some((false, p)) if err.is_none() => {
                    err = Some(quote_spanned!(at=> { let #p = __jitclass_at; #body }))
                }
                None if matches!(arm.pat, syn::Pat::Wild(_)) => {
                    let arm = quote_spanned!(at=> { #body });
                    ok.get_or_insert_with(|| arm.clone());
                    err.get_or_insert(arm);
                }
                _ => {
                    return Some(self.invalid(
                        arm.pat.span(),
                        "a `match` on `binary_search` in jit code has the arms `Ok(i) => ..` and `Err(i) => ..` (or `_ => ..`)",
                    ));
                }
            }
        }
        let (Some(ok), Some(err)) = (ok, err) else {
            return Some(self.invalid(
                at,
                "non-exhaustive patterns: a `match` on `binary_search` needs an `Ok(..)` and an `Err(..)` arm (or `_`)",
            ));
        };
        let form = quote_spanned!(at=> if __jitclass_found #ok else #err);
        Some(self.lower_search(&pair, form, at))
    }

    /// The search of `v.binary_search(&x)` as tokens binding `__jitclass_found` and
    /// `__jitclass_at`; `None` (after an error) if it is malformed.
    fn search_pair(&mut self, search: &syn::ExprMethodCall) -> Option<TokenStream> {
        let at = search.method.span();
        let receiver = strip_parens(&search.receiver);
        if search.args.len() != 1 {
            self.error(
                at,
                format!(
                    "this method takes 1 argument but {} arguments were supplied",
                    search.args.len()
                ),
            );
            return None;
        }
        if !super::vecs::is_place(receiver) {
            self.error(
                receiver.span(),
                "jit code calls `binary_search` on a `Vec` or slice named by a variable or a field",
            );
            return None;
        }
        let syn::Expr::Reference(x) = strip_parens(&search.args[0]) else {
            self.error(
                search.args[0].span(),
                "mismatched types: `binary_search` takes a reference: `&x`",
            );
            return None;
        };
        let x = x.expr.to_token_stream();
        let s = receiver.to_token_stream();
        Some(quote_spanned!(at=>
            let mut __jitclass_x = #x;
            // The elements' type is the argument's (`binary_search(&self, x: &T)`), tied
            // before the comparisons, whose receivers are the elements: rustc infers
            // `[1, 2].binary_search(&x)`'s literals from `x`.
            if false {
                __jitclass_x = #s[0];
            }
            let __jitclass_n = #s.len();
            let mut __jitclass_found = false;
            let mut __jitclass_at = 0usize;
            if __jitclass_n > 0 {
                // std's search: the number of probes depends only on the length.
                let mut __jitclass_size = __jitclass_n;
                let mut __jitclass_base = 0usize;
                while __jitclass_size > 1 {
                    let __jitclass_half = __jitclass_size / 2;
                    let __jitclass_mid = __jitclass_base + __jitclass_half;
                    let __jitclass_greater = __jitclass_cmp!(#s[__jitclass_mid], __jitclass_x) > 0;
                    __jitclass_base = if __jitclass_greater { __jitclass_base } else { __jitclass_mid };
                    __jitclass_size -= __jitclass_half;
                }
                let __jitclass_c = __jitclass_cmp!(#s[__jitclass_base], __jitclass_x);
                __jitclass_found = __jitclass_c == 0;
                __jitclass_at = __jitclass_base + (__jitclass_c < 0) as usize;
            }
        ))
    }

    /// `{ search; form }`, lowered with the elements' `Ord::cmp` as the comparator.
    fn lower_search(&mut self, pair: &TokenStream, form: TokenStream, at: Span) -> ExprId {
        let block: syn::Block = match syn::parse2(quote_spanned!(at=> { #pair #form })) {
            Ok(b) => b,
            Err(e) => {
                self.errors.push(e);
                return self.push(ExprKind::Lit(Lit::Unit), at);
            }
        };
        let outer = self.comparator.replace(Comparator::Natural);
        let id = self.block_expr(&block);
        self.comparator = outer;
        id
    }
}

/// `Ok(p)` is `(true, p)`, `Err(p)` is `(false, p)` (also `Result::Ok(p)`).
fn result_pattern(p: &syn::Pat) -> Option<(bool, &syn::Pat)> {
    let syn::Pat::TupleStruct(t) = p else {
        return None;
    };
    let name = t.path.segments.last()?.ident.to_string();
    let [inner] = t.elems.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    match name.as_str() {
        "Ok" => Some((true, inner)),
        "Err" => Some((false, inner)),
        _ => None,
    }
}
