//! The format check of a body without a shadow: its formatting of unbounded `T` values, for rustc.
//!
//! A body with an unbounded type parameter that may duck-type has no shadow (`has_shadow`),
//! so rustc never sees its `format!("{}", x)` of an `x: T`, which rustc refuses (E0277
//! "`T` doesn't implement `std::fmt::Display`", with its help to add the bound): jit code
//! would format each instantiation whose type has the trait. This check hands rustc just
//! those formatting macros, in a never-called fn generic as the body is (the user's
//! generics, their tokens and spans). Each macro gets a block declaring the names it
//! formats that are, where it stands (scopes followed: a local hides a parameter in its
//! block only), values of an unbounded `T`: a parameter of type `T`, `&T` or `&mut T`, a
//! local so annotated, or a local initialized from one of those (`let y = x;`,
//! `let y = x.clone();`, with that initializer, so rustc types it). Every other argument is
//! `&0i32`, which has each formatting trait, so only those values' formatting can fail; a
//! format string with a width or precision argument (`$`, `.*`) is left out.

use super::duck::bind_names;
use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::Visit;

/// The check of the formatting macros of `block` (under `sig`, with the type parameters
/// `in_scope`: an impl's and the method's own) that format a value of an unbounded type
/// parameter; nothing when there are none.
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
    let mut macros = FormatMacros {
        unbounded: &unbounded,
        type_params: in_scope
            .type_params()
            .map(|tp| tp.ident.to_string())
            .collect(),
        scopes: vec![HashMap::new()],
        checks: Vec::new(),
    };
    for input in &sig.inputs {
        if let syn::FnArg::Typed(pt) = input {
            macros.bind(&pt.pat, Some(&pt.ty), None);
        }
    }
    macros.visit_block(block);
    if macros.checks.is_empty() {
        return TokenStream::new();
    }
    let cfgs = crate::glue::cfgs_of(attrs);
    let params_list = &in_scope.params;
    let where_clause = without_self(in_scope.where_clause.as_ref());
    let checks = &macros.checks;
    let check = format_ident!("__jitclass_format_check");
    let value = value_fn();
    quote! {
        #(#cfgs)*
        const _: () = {
            #[allow(warnings, clippy::all, clippy::pedantic)]
            fn #check<#params_list>() #where_clause {
                fn #value<V>() -> V {
                    loop {}
                }
                #(#checks)*
            }
        };
    }
}

/// The never-called check's source of a value of any type, which declares a formatted name.
fn value_fn() -> syn::Ident {
    format_ident!("__jitclass_value")
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

/// How the check declares a name that is, where a macro formats it, a value of an
/// unbounded type parameter.
enum Value {
    /// Of this type (`T`, `&T`, `&mut T`): a parameter, or a local so annotated.
    Typed(syn::Type),
    /// A local initialized from another such value (`let y = x.clone();`): the name the
    /// initializer reads, that name's value, and the initializer as the user wrote it.
    Initialized(syn::Ident, Rc<Value>, syn::Expr),
}

impl Value {
    /// The expression of this value in the check: a `Typed` one from nowhere, an
    /// `Initialized` one by its initializer over the value it reads.
    fn expression(&self) -> TokenStream {
        match self {
            Value::Typed(ty) => {
                let value = value_fn();
                quote!(#value::<#ty>())
            }
            Value::Initialized(read, of, init) => {
                let of = of.expression();
                quote!({ let #read = #of; #init })
            }
        }
    }
}

/// The formatting macros of a body that format a value of an unbounded type parameter, as
/// checks, with the names in scope where each stands: `Some` such a value, `None` another.
struct FormatMacros<'a> {
    unbounded: &'a HashSet<String>,
    /// Every type parameter in scope (`S::f(s)` is not a trait's path).
    type_params: HashSet<String>,
    scopes: Vec<HashMap<String, Option<Rc<Value>>>>,
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
    /// The value of an unbounded type parameter the name `name` is here, if it is one.
    fn lookup(&self, name: &str) -> Option<Rc<Value>> {
        self.scopes
            .iter()
            .rev()
            .find_map(|scope| scope.get(name))
            .cloned()
            .flatten()
    }

    /// Binds the names of `pat` in the innermost scope: a lone name (`x`, `mut x`) of the
    /// annotated type `ty` or initialized by `init` may be a value of an unbounded type
    /// parameter; every other name it binds is another value.
    fn bind(&mut self, pat: &syn::Pat, ty: Option<&syn::Type>, init: Option<&syn::Expr>) {
        if let syn::Pat::Type(pt) = pat {
            return self.bind(&pt.pat, Some(&pt.ty), init);
        }
        let mut names = HashSet::new();
        bind_names(pat, &mut names);
        let scope = self.scopes.last_mut().expect("a scope");
        for name in names {
            scope.insert(name, None);
        }
        let syn::Pat::Ident(pi) = pat else {
            return;
        };
        if pi.by_ref.is_some() || pi.subpat.is_some() {
            return;
        }
        let value = match (ty, init) {
            (Some(ty), _) => {
                is_unbounded_param(ty, self.unbounded).then(|| Rc::new(Value::Typed(ty.clone())))
            }
            (None, Some(init)) => self.initialized_from(init),
            (None, None) => None,
        };
        let scope = self.scopes.last_mut().expect("a scope");
        scope.insert(pi.ident.to_string(), value);
    }

    /// The value a local initialized by `init` is, when `init` reads a value of an
    /// unbounded type parameter whole: `x`, `(x)`, `x.clone()`.
    fn initialized_from(&self, init: &syn::Expr) -> Option<Rc<Value>> {
        let read = read_name(init)?;
        let of = self.lookup(&read.to_string())?;
        Some(Rc::new(Value::Initialized(read.clone(), of, init.clone())))
    }

    /// The name `e` is (`x`, `&x`, `(x)`) when it is a value of an unbounded type parameter.
    fn formatted_name<'e>(&self, e: &'e syn::Expr) -> Option<&'e syn::Ident> {
        match e {
            syn::Expr::Reference(r) => self.formatted_name(&r.expr),
            syn::Expr::Paren(p) => self.formatted_name(&p.expr),
            syn::Expr::Group(g) => self.formatted_name(&g.expr),
            syn::Expr::Path(p) if p.qself.is_none() => {
                let name = p.path.get_ident()?;
                self.lookup(&name.to_string()).map(|_| name)
            }
            _ => None,
        }
    }

    /// Runs `walk` in a new innermost scope.
    fn scoped(&mut self, walk: impl FnOnce(&mut Self)) {
        self.scopes.push(HashMap::new());
        walk(self);
        self.scopes.pop();
    }

    /// The check of one macro call, if it formats a value of an unbounded type parameter.
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
        // The names formatted, each declared once before the macro.
        let mut formatted: Vec<String> = Vec::new();
        let mut rest = Vec::new();
        for arg in &args[at + 1..] {
            match arg {
                syn::Expr::Assign(a) => {
                    let syn::Expr::Path(p) = &*a.left else {
                        return None;
                    };
                    let key = p.path.get_ident()?;
                    named.insert(key.to_string());
                    if let Some(read) = self.formatted_name(&a.right) {
                        formatted.push(read.to_string());
                        let right = &a.right;
                        rest.push(quote!(#key = #right));
                    } else {
                        rest.push(quote!(#key = #neutral));
                    }
                }
                e => match self.formatted_name(e) {
                    Some(read) => {
                        formatted.push(read.to_string());
                        rest.push(quote!(#e));
                    }
                    None => rest.push(neutral.clone()),
                },
            }
        }
        // Names a placeholder captures (`{x}`): a formatted value is declared as one,
        // another is bound to the neutral value.
        let mut neutral_captures = Vec::new();
        for name in jitclass_core::format_string::captured_names(&value) {
            if named.contains(&name) {
                continue;
            }
            if self.lookup(&name).is_some() {
                formatted.push(name);
            } else {
                let ident = format_ident!("{}", name);
                neutral_captures.push(quote!(let #ident = #neutral;));
            }
        }
        if formatted.is_empty() {
            return None;
        }
        let mut declared = HashSet::new();
        let declarations: Vec<TokenStream> = formatted
            .iter()
            .filter(|name| declared.insert(name.as_str()))
            .map(|name| {
                let ident = format_ident!("{}", name);
                let expression = self.lookup(name)?.expression();
                Some(quote!(let #ident = #expression;))
            })
            .collect::<Option<_>>()?;
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
            #(#declarations)*
            #(#neutral_captures)*
            let _ = #invoked #bang #arguments;
        }})
    }
}

impl FormatMacros<'_> {
    /// The check of `Owner::f(args)` with a value of an unbounded type parameter among its
    /// arguments, where `Owner` is no type parameter: when `Owner` is a `#[jit] trait` (its
    /// companion macro says so; a class's or another path's drops the check), rustc checks
    /// the call, "the trait bound `S: Meter` is not satisfied" (E0277) at the argument. The
    /// other arguments are values of whatever type the function takes.
    fn trait_call_check(&self, call: &syn::ExprCall) -> Option<TokenStream> {
        let syn::Expr::Path(func) = &*call.func else {
            return None;
        };
        let path = &func.path;
        if func.qself.is_some() || path.leading_colon.is_some() || path.segments.len() != 2 {
            return None;
        }
        if path.segments.iter().any(|s| !s.arguments.is_none()) {
            return None;
        }
        let owner = &path.segments[0].ident;
        // A trait's name is CamelCase; a module's (`fns::f(x)`) is not, and importing one
        // from a macro's expansion can leave rustc's import resolution stuck.
        let camel = owner
            .to_string()
            .starts_with(|c: char| c.is_ascii_uppercase());
        if !camel || owner == "Self" || self.type_params.contains(&owner.to_string()) {
            return None;
        }
        let value = value_fn();
        let mut declared = HashSet::new();
        let mut declarations = Vec::new();
        let mut args = Vec::new();
        for arg in &call.args {
            match self.formatted_name(arg) {
                Some(read) => {
                    if declared.insert(read.to_string()) {
                        let expression = self.lookup(&read.to_string())?.expression();
                        declarations.push(quote!(let #read = #expression;));
                    }
                    args.push(quote!(#arg));
                }
                None => args.push(quote!(#value())),
            }
        }
        if declarations.is_empty() {
            return None;
        }
        let mut arguments =
            proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, quote!(#(#args),*));
        arguments.set_span(call.paren_token.span.join());
        Some(quote! {{
            #[allow(unused_imports)]
            use ::jitclass::__private::bound_trait_fallback::__jitclass_bound_trait;
            {
                #[allow(unused_imports)]
                use #owner as __jitclass_bound_trait;
                __jitclass_bound_trait!(@jitclass_trait_call_check {
                    #(#declarations)*
                    let _ = #path #arguments;
                });
            }
        }})
    }
}

/// The name an initializer reads whole: `x`, `(x)`, `x.clone()`.
fn read_name(init: &syn::Expr) -> Option<&syn::Ident> {
    match init {
        syn::Expr::Paren(p) => read_name(&p.expr),
        syn::Expr::Group(g) => read_name(&g.expr),
        syn::Expr::Path(p) if p.qself.is_none() => p.path.get_ident(),
        syn::Expr::MethodCall(m)
            if m.method == "clone" && m.args.is_empty() && m.turbofish.is_none() =>
        {
            read_name(&m.receiver)
        }
        _ => None,
    }
}

/// The walk follows Rust's scopes: a block's locals from their `let` to its end, a
/// closure's, loop's, arm's or `if let`'s bindings in their body only.
impl Visit<'_> for FormatMacros<'_> {
    fn visit_block(&mut self, block: &syn::Block) {
        self.scoped(|walk| syn::visit::visit_block(walk, block));
    }

    fn visit_local(&mut self, local: &syn::Local) {
        // The initializer (and a `let .. else`'s block) sees the names before the `let`.
        if let Some(init) = &local.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
        }
        let init = local
            .init
            .as_ref()
            .filter(|init| init.diverge.is_none())
            .map(|init| &*init.expr);
        self.bind(&local.pat, None, init);
    }

    fn visit_expr_closure(&mut self, closure: &syn::ExprClosure) {
        self.scoped(|walk| {
            for input in &closure.inputs {
                walk.bind(input, None, None);
            }
            walk.visit_expr(&closure.body);
        });
    }

    fn visit_expr_for_loop(&mut self, for_loop: &syn::ExprForLoop) {
        self.visit_expr(&for_loop.expr);
        self.scoped(|walk| {
            walk.bind(&for_loop.pat, None, None);
            walk.visit_block(&for_loop.body);
        });
    }

    fn visit_arm(&mut self, arm: &syn::Arm) {
        self.scoped(|walk| {
            walk.bind(&arm.pat, None, None);
            if let Some((_, guard)) = &arm.guard {
                walk.visit_expr(guard);
            }
            walk.visit_expr(&arm.body);
        });
    }

    fn visit_expr_if(&mut self, e: &syn::ExprIf) {
        // An `if let`'s bindings are the `then` block's.
        self.scoped(|walk| {
            walk.visit_expr(&e.cond);
            walk.visit_block(&e.then_branch);
        });
        if let Some((_, other)) = &e.else_branch {
            self.visit_expr(other);
        }
    }

    fn visit_expr_while(&mut self, e: &syn::ExprWhile) {
        self.scoped(|walk| {
            walk.visit_expr(&e.cond);
            walk.visit_block(&e.body);
        });
    }

    fn visit_expr_let(&mut self, e: &syn::ExprLet) {
        self.visit_expr(&e.expr);
        self.bind(&e.pat, None, None);
    }

    fn visit_expr_call(&mut self, call: &syn::ExprCall) {
        if let Some(check) = self.trait_call_check(call) {
            self.checks.push(check);
        }
        syn::visit::visit_expr_call(self, call);
    }

    // A nested item sees none of the body's names.
    fn visit_item(&mut self, _: &syn::Item) {}

    fn visit_macro(&mut self, mac: &syn::Macro) {
        if let Some(check) = self.check(mac) {
            self.checks.push(check);
        }
        // Formatting macros (and blocks, closures) nested in another macro's arguments.
        if let Ok(args) =
            mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        {
            for arg in &args {
                self.visit_expr(arg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unbounded_format_check;

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
        assert!(!checked(syn::parse_quote! {
            fn f<T>(x: T, n: i64) -> Vec<String> {
                [n].iter().map(|x| format!("{x}")).collect()
            }
        }));
    }

    #[test]
    fn a_local_hides_a_parameter_in_its_scope_only() {
        assert!(checked(syn::parse_quote! {
            fn f<T>(x: T, n: i64) -> String { { let x = n; let _ = x; } format!("{}", x) }
        }));
        assert!(!checked(syn::parse_quote! {
            fn f<T>(x: T, n: i64) -> String { { let x = n; format!("{}", x) } }
        }));
        assert!(!checked(syn::parse_quote! {
            fn f<T>(x: T, n: Option<i64>) -> String {
                if let Some(x) = n { format!("{x}") } else { String::new() }
            }
        }));
    }

    #[test]
    fn locals_of_unbounded_values_are_checked_with_their_initializer() {
        let item: syn::ItemFn = syn::parse_quote! {
            fn f<T>(x: &T) -> String { let y = x.clone(); let z: T = todo!(); format!("{y} {}", z) }
        };
        let check = unbounded_format_check(&item.sig, &item.block, &item.sig.generics, &item.attrs)
            .to_string();
        assert!(
            check.contains("let y = { let x = __jitclass_value :: < & T > () ; x . clone () }"),
            "{check}"
        );
        assert!(
            check.contains("let z = __jitclass_value :: < T > ()"),
            "{check}"
        );
    }

    #[test]
    fn calls_by_a_path_with_unbounded_values_are_checked_unless_by_a_parameter() {
        let item: syn::ItemFn = syn::parse_quote! {
            fn f<S>(s: &S, n: i64) -> i64 {
                Meter::read(s, n) + S::read(s) + Meter::zero(n) + fns::read(s)
            }
        };
        let check = unbounded_format_check(&item.sig, &item.block, &item.sig.generics, &item.attrs)
            .to_string();
        assert_eq!(
            check.matches("@ jitclass_trait_call_check").count(),
            1,
            "{check}"
        );
        assert!(
            check.contains("Meter :: read (s , __jitclass_value ())"),
            "{check}"
        );
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
}
