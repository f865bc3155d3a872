//! A jit body written as the Rust that rustc checks for it: each form of the jit language
//! that is not Rust's own becomes Rust with the same meaning and the same tokens (spans),
//! so that rustc's messages point at the user's code and name the user's types.
//!
//! - `e.name` (a field or `#[getter]` property of a handle) is the place
//!   `e[shadow::Field(__keys::name {})]`; in a method, `self.name` is
//!   `Class!(@field name [self.name] [<keyed>])`, which the class's macro makes the view's
//!   field if the class has that field, and the keyed place of the instance otherwise;
//! - `self` as a value is `shadow::this(self)`, and `self.m(..)` of a function the view
//!   does not host (one of another impl block) calls it on the instance; in a `&self` /
//!   `&mut self` method, `self` as the receiver argument of a path call (`Self::m(self)`)
//!   and as the value of a `let` annotated with a reference type (`let r: &dyn T = self;`)
//!   is Rust's reference, `shadow::this_ref(self)` / `shadow::this_mut(self)`;
//! - `Self` is the class's path;
//! - `C { name: value, .. }` checks each value against its field through a
//!   `shadow::Probe`, and the names against the handle `C`;
//! - `base[i]` whose base is not known to be a slice is `base[shadow::JitIndex(i)]`;
//! - `for x in e` over a tuple or a slice runs over `shadow::elements(&e.clone())`, by value,
//!   over a copy (so the body may assign to an array it loops over, as in Rust) (a loop
//!   over references, `&v`, `&mut v`, `v.iter()`, `v.iter_mut()`, `for x in v` over a
//!   name that borrows a `Vec` or a slice (`Lowered::borrowed_name_loops`), and over a `Vec` by value,
//!   which moves it (`Lowered::consuming_loops`), stays as Rust's);
//! - `objmode!` blocks are typed stand-ins (each block is checked in its own function);
//! - an array length or a `const` item's value that the glue hoisted is the hoisted
//!   constant (`glue/consts.rs`), so that rustc evaluates it once.

mod literal;

use crate::objmode::stand_in;
use jitclass_core::lower::{is_objmode, is_range_loop};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use std::collections::{BTreeSet, HashMap, HashSet};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;

/// Where a span starts and ends: how the shadow finds the expressions the lowering saw.
pub(crate) type SpanKey = (usize, usize, usize, usize);

/// The key of `span`.
pub(crate) fn span_key(span: Span) -> SpanKey {
    let (start, end) = (span.start(), span.end());
    (start.line, start.column, end.line, end.column)
}

/// How the method being written takes `self`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SelfKind {
    /// `&self`.
    Ref,
    /// `&mut self`.
    RefMut,
    /// `self` (operator traits), `mut self` if `mutable`.
    Value { mutable: bool },
}

/// The method whose body is written: its class and the view hosting it.
pub(crate) struct MethodScope<'a> {
    /// The class as the impl names it, a generic one applied to the impl's parameters
    /// or arguments (`Stack::<T>`); `Class!(..)` is its macro.
    pub(crate) class: &'a syn::Path,
    /// How the method takes `self` (`None`: a function without receiver).
    pub(crate) receiver: Option<SelfKind>,
    /// The functions the view hosts, callable as `self.m(..)` on it.
    pub(crate) hosted: &'a HashSet<String>,
}

/// Writes one body; collects the member names its keys must declare.
pub(crate) struct Rewriter<'a> {
    method: Option<MethodScope<'a>>,
    /// `Self` spelled out (in methods).
    self_path: Option<&'a syn::Path>,
    /// The brackets of the indexes whose base is a slice, left as written.
    slice_indexes: &'a HashSet<SpanKey>,
    /// The `for` tokens of loops over a name borrowing a `Vec`, left as written
    /// (`Lowered::borrowed_name_loops`).
    borrowed_loops: &'a HashSet<SpanKey>,
    /// The constant expressions the glue hoisted, by their span, and the hoisted
    /// constants that stand for them (`glue::shadow_replacements`).
    hoisted: &'a HashMap<SpanKey, TokenStream>,
    /// The member names used (`e.name`, literals).
    pub(crate) names: BTreeSet<String>,
    /// The member names assigned (`e.name = value`).
    pub(crate) assigned: BTreeSet<String>,
    /// The member names changed in place (`e.name += value`).
    pub(crate) in_place: BTreeSet<String>,
}

/// How an assignment uses its target.
#[derive(Clone, Copy)]
enum Target {
    /// `e.name = value`.
    Set,
    /// `e.name op= value`.
    InPlace,
}

impl<'a> Rewriter<'a> {
    pub(crate) fn new(
        method: Option<MethodScope<'a>>,
        slice_indexes: &'a HashSet<SpanKey>,
        borrowed_loops: &'a HashSet<SpanKey>,
        hoisted: &'a HashMap<SpanKey, TokenStream>,
    ) -> Self {
        let self_path = method.as_ref().map(|m| m.class);
        Rewriter {
            method,
            self_path,
            slice_indexes,
            borrowed_loops,
            hoisted,
            names: BTreeSet::new(),
            assigned: BTreeSet::new(),
            in_place: BTreeSet::new(),
        }
    }

    /// `Self` replaced by the class's path (in a method), and hoisted array lengths by
    /// their constants, for the shadow's signatures.
    pub(crate) fn signature(&mut self, sig: &mut syn::Signature) {
        for input in &mut sig.inputs {
            if let syn::FnArg::Typed(pt) = input {
                self.visit_type_mut(&mut pt.ty);
            }
        }
        self.visit_return_type_mut(&mut sig.output);
    }

    /// A constant expression the glue hoisted (an array length, a `const` item's value)
    /// becomes the hoisted constant, which rustc evaluates once.
    fn hoisted(&mut self, e: &mut syn::Expr) {
        if self.hoisted.is_empty() {
            return;
        }
        if let Some(r) = self.hoisted.get(&span_key(e.span())) {
            *e = syn::Expr::Verbatim(r.clone());
        }
    }

    /// `self` as a shared reference to the view: `self`, or `&self` for a by-value
    /// receiver.
    fn self_ref(&self, self_token: &syn::Ident) -> TokenStream {
        match self.method.as_ref().and_then(|m| m.receiver) {
            Some(SelfKind::Value { .. }) => quote_spanned!(self_token.span()=> &#self_token),
            _ => quote!(#self_token),
        }
    }

    /// The instance behind `self`, as the receiver of a method or an index: through a
    /// `&self` (or immutable `self`), a shared place, on which a `&mut self` method is
    /// rustc's error; through `&mut self`, another reference (a temporary, so that no
    /// borrow of `self` outlives the expression).
    fn instance(&self, self_token: &syn::Ident) -> TokenStream {
        let span = self_token.span();
        let self_ref = self.self_ref(self_token);
        match self.method.as_ref().and_then(|m| m.receiver) {
            Some(SelfKind::RefMut) | Some(SelfKind::Value { mutable: true }) => {
                quote_spanned!(span=> ::jitclass::__private::shadow::this(#self_ref))
            }
            _ => quote_spanned!(span=> (*::jitclass::__private::shadow::this_ref(#self_ref))),
        }
    }

    /// `e` as Rust sees it if it is exactly `self` in a `&self` / `&mut self` method: the
    /// reference `this_ref(self)` / `this_mut(self)` (`&Class` / `&mut Class`), which
    /// coerces to `&dyn Trait` and is refused where an instance is expected, as in Rust.
    /// `None` for anything else.
    fn self_as_reference(&self, e: &syn::Expr) -> Option<syn::Expr> {
        let self_token = self_of(e)?;
        let span = self_token.span();
        match self.method.as_ref()?.receiver? {
            SelfKind::Ref => Some(syn::parse_quote_spanned! {span=>
                ::jitclass::__private::shadow::this_ref(#self_token)
            }),
            SelfKind::RefMut => Some(syn::parse_quote_spanned! {span=>
                ::jitclass::__private::shadow::this_mut(#self_token)
            }),
            SelfKind::Value { .. } => None,
        }
    }

    /// `e[shadow::Field(__keys::name {})]`, spanned at the name.
    fn keyed(&mut self, base: TokenStream, name: &syn::Ident) -> TokenStream {
        let text = unraw(name);
        let key = super::keys::key_ident(&text);
        self.names.insert(text);
        let span = name.span();
        let index = quote_spanned!(span=> [::jitclass::__private::shadow::Field(__keys::#key {})]);
        quote!(#base #index)
    }

    /// `e.name = value` (`how`: `set`) or `e.name op= value` (`place`) on the target
    /// `left`, if it is a field: the place `*set(&mut e, Field(key))` of the type the field
    /// or `#[setter]` takes (a property's setter may take another type than its getter
    /// returns), or `*place(&mut e, Field(key))`, a field (a property is no place); in a
    /// method, `self.name` is the view's field if it is one.
    fn target(&mut self, left: &mut syn::Expr, how: Target) -> bool {
        let syn::Expr::Field(f) = left else {
            return false;
        };
        let syn::Member::Named(name) = &f.member else {
            return false;
        };
        let name = name.clone();
        let text = unraw(&name);
        let key = super::keys::key_ident(&text);
        self.names.insert(text.clone());
        let function = match how {
            Target::Set => {
                self.assigned.insert(text);
                syn::Ident::new("set", name.span())
            }
            Target::InPlace => {
                self.in_place.insert(text);
                syn::Ident::new("place", name.span())
            }
        };
        let name_span = name.span();
        let keyed = |base: TokenStream, start: Span| {
            let key =
                quote_spanned!(name_span=> ::jitclass::__private::shadow::Field(__keys::#key {}));
            let borrow = quote_spanned!(start=> &mut);
            let args = group(quote!(#borrow #base, #key), start);
            let call = quote_spanned!(start=> *::jitclass::__private::shadow::#function);
            group(quote!(#call #args), start)
        };
        if let Some(self_token) = self_of(&f.base)
            && let Some(m) = &self.method
        {
            let class = m.class.clone();
            let instance = self.instance(&self_token);
            let keyed = keyed(instance, self_token.span());
            let span = self_token.span();
            let place = quote!(#self_token . #name);
            let mac = macro_path(&class, span);
            *left = syn::parse_quote_spanned! {span=>
                #mac!(@field #name [#place] [#keyed])
            };
            return true;
        }
        self.visit_expr_mut(&mut f.base);
        let base = &f.base;
        let keyed = keyed(quote!(#base), base.span());
        *left = syn::parse2(keyed).expect("a place");
        true
    }

    fn field(&mut self, f: &mut syn::ExprField) -> Option<syn::Expr> {
        let syn::Member::Named(name) = &f.member else {
            return None;
        };
        let name = name.clone();
        if let Some(self_token) = self_of(&f.base)
            && let Some(m) = &self.method
        {
            let class = m.class.clone();
            let instance = self.instance(&self_token);
            let keyed = self.keyed(instance, &name);
            let span = self_token.span();
            let place = quote!(#self_token . #name);
            let mac = macro_path(&class, span);
            return Some(syn::parse_quote_spanned! {span=>
                #mac!(@field #name [#place] [#keyed])
            });
        }
        self.visit_expr_mut(&mut f.base);
        let base = &f.base;
        let keyed = self.keyed(quote!(#base), &name);
        Some(syn::parse2(keyed).expect("an index expression"))
    }

    fn method_call(&mut self, m: &mut syn::ExprMethodCall) -> bool {
        let Some(self_token) = self_of(&m.receiver) else {
            return false;
        };
        let Some(scope) = &self.method else {
            return false;
        };
        let hosted = scope.hosted.contains(&unraw(&m.method));
        for arg in &mut m.args {
            self.visit_expr_mut(arg);
        }
        if !hosted {
            let instance = self.instance(&self_token);
            *m.receiver = syn::parse2(instance).expect("an expression");
        }
        true
    }

    /// `Class::m(self, ..)`, `Self::m(self, ..)`, `<Class>::m(self, ..)`: `self` as the
    /// receiver argument of a path call to a method of the class is what it is in Rust,
    /// `&Class` through `&self` and `&mut Class` through `&mut self` (so that such a call
    /// to a `&mut self` method from a `&self` method is rustc's "types differ in
    /// mutability"), also as a later argument of such a call (`Helper::sum(self, self)`);
    /// as an argument of any other call, it is a value (`this`).
    fn path_call(&mut self, c: &mut syn::ExprCall) {
        let receiver_arg = match (&*c.func, &self.method) {
            (syn::Expr::Path(p), Some(m)) => names_class_method(p, Some(m.class)),
            _ => false,
        };
        // Each `self` of such a call is the reference, not only the receiver's:
        // `Helper::sum(self, self)` takes `&Class` twice, as in Rust.
        for arg in c.args.iter_mut() {
            match self.self_as_reference(arg).filter(|_| receiver_arg) {
                Some(reference) => *arg = reference,
                None => self.visit_expr_mut(arg),
            }
        }
        self.visit_expr_mut(&mut c.func);
    }

    /// The arguments of `panic!`, `assert!` and the others jit code may call, written as
    /// the rest of the body (a macro's tokens are not expressions to syn).
    fn macro_arguments(&mut self, mac: &mut syn::Macro) {
        let Ok(mut args) = mac.parse_body_with(
            syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
        ) else {
            return;
        };
        for arg in args.iter_mut() {
            self.visit_expr_mut(arg);
        }
        mac.tokens = quote!(#args);
    }
}

impl VisitMut for Rewriter<'_> {
    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        let replacement = match e {
            syn::Expr::Macro(m) if is_objmode(&m.mac) => {
                if let Some(mut s) = stand_in(&m.mac) {
                    // Its types may say `Self`.
                    syn::visit_mut::visit_expr_mut(self, &mut s);
                    *e = s;
                }
                return;
            }
            syn::Expr::Macro(m) => {
                self.macro_arguments(&mut m.mac);
                return;
            }
            syn::Expr::Field(f) => self.field(f),
            syn::Expr::MethodCall(m) => {
                if self.method_call(m) {
                    return;
                }
                None
            }
            syn::Expr::Path(p) if p.qself.is_none() && p.path.is_ident("self") => {
                match (&self.method, p.path.get_ident()) {
                    (Some(_), Some(self_token)) => {
                        let self_ref = self.self_ref(self_token);
                        Some(syn::parse_quote_spanned! {self_token.span()=>
                            ::jitclass::__private::shadow::this(#self_ref)
                        })
                    }
                    _ => None,
                }
            }
            syn::Expr::Call(c) => {
                self.path_call(c);
                return;
            }
            syn::Expr::Struct(s) => Some(self.literal(s)),
            syn::Expr::Assign(a) => {
                self.visit_expr_mut(&mut a.right);
                if !self.target(&mut a.left, Target::Set) {
                    self.visit_expr_mut(&mut a.left);
                }
                return;
            }
            // `self == o` compares two references (`o: &C`), as in Rust: `self` is one.
            syn::Expr::Binary(b) if is_comparison(&b.op) => {
                for side in [&mut b.left, &mut b.right] {
                    match self.self_as_reference(side) {
                        Some(reference) => **side = reference,
                        None => self.visit_expr_mut(side),
                    }
                }
                return;
            }
            syn::Expr::Binary(b) if is_compound_assignment(&b.op) => {
                self.visit_expr_mut(&mut b.right);
                if !self.target(&mut b.left, Target::InPlace) {
                    self.visit_expr_mut(&mut b.left);
                }
                return;
            }
            syn::Expr::Index(i) => {
                syn::visit_mut::visit_expr_index_mut(self, i);
                let key = span_key(i.bracket_token.span.join());
                if !self.slice_indexes.contains(&key) {
                    let index = &i.index;
                    let span = index.span();
                    *i.index = syn::parse_quote_spanned!(span=> ::jitclass::__private::shadow::JitIndex(#index));
                }
                return;
            }
            syn::Expr::ForLoop(f) => {
                syn::visit_mut::visit_expr_for_loop_mut(self, f);
                if !is_range_loop(&f.expr)
                    && !is_borrowing_loop(&f.expr)
                    && !self.borrowed_loops.contains(&span_key(f.for_token.span))
                {
                    let iterable = &f.expr;
                    let span = iterable.span();
                    // Over a copy: Rust 2021 iterates an array by value, so the body may
                    // assign to it (`for e in a { a[i] = .. }`); jit code iterates a copy.
                    *f.expr = syn::parse_quote_spanned!(span=> ::jitclass::__private::shadow::elements(&::core::clone::Clone::clone(&#iterable)));
                }
                return;
            }
            _ => None,
        };
        match replacement {
            Some(r) => *e = r,
            None => syn::visit_mut::visit_expr_mut(self, e),
        }
    }

    /// `let r: &T = self;` / `let r: &mut T = self;`: `self` is Rust's reference, which
    /// the annotation may coerce (`&dyn Trait`); any other `let` of `self` holds the
    /// instance, as jit code does (`let me = self;`).
    fn visit_local_mut(&mut self, local: &mut syn::Local) {
        if let syn::Pat::Type(typed) = &local.pat
            && matches!(*typed.ty, syn::Type::Reference(_))
            && let Some(init) = &mut local.init
            && init.diverge.is_none()
            && let Some(reference) = self.self_as_reference(&init.expr)
        {
            *init.expr = reference;
            self.visit_pat_mut(&mut local.pat);
            return;
        }
        syn::visit_mut::visit_local_mut(self, local);
    }

    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        if let syn::Stmt::Macro(m) = stmt
            && is_objmode(&m.mac)
            && let Some(mut s) = stand_in(&m.mac)
        {
            syn::visit_mut::visit_expr_mut(self, &mut s);
            *stmt = syn::Stmt::Expr(s, m.semi_token);
            return;
        }
        if let syn::Stmt::Macro(m) = stmt {
            self.macro_arguments(&mut m.mac);
            return;
        }
        syn::visit_mut::visit_stmt_mut(self, stmt);
    }

    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        if let Some(class) = self.self_path
            && path.leading_colon.is_none()
            && path.segments.first().is_some_and(|s| s.ident == "Self")
        {
            let span = path.segments[0].ident.span();
            let mut spelled = respan_path(class, span);
            let rest: Vec<syn::PathSegment> = path.segments.iter().skip(1).cloned().collect();
            // A generic class's `Self` is the class applied to the impl's parameters
            // (`Stack::<T>`, a path both types and expressions accept).
            if let Some(last) = spelled.segments.last_mut()
                && !path.segments[0].arguments.is_none()
            {
                last.arguments = path.segments[0].arguments.clone();
            }
            spelled.segments.extend(rest);
            *path = spelled;
        }
        syn::visit_mut::visit_path_mut(self, path);
    }

    // Nothing in an item or a closure inside a body is jit code (the lowering refused
    // them already), except the value of a `const` item, hoisted by the glue.
    fn visit_item_mut(&mut self, item: &mut syn::Item) {
        if let syn::Item::Const(c) = item {
            self.hoisted(&mut c.expr);
        }
    }

    fn visit_type_array_mut(&mut self, a: &mut syn::TypeArray) {
        self.visit_type_mut(&mut a.elem);
        self.hoisted(&mut a.len);
    }

    fn visit_expr_repeat_mut(&mut self, r: &mut syn::ExprRepeat) {
        self.visit_expr_mut(&mut r.expr);
        self.hoisted(&mut r.len);
    }
}

/// Whether `op` compares (`==`, `<`, ..), which Rust's operators do by reference.
fn is_comparison(op: &syn::BinOp) -> bool {
    use syn::BinOp::{Eq, Ge, Gt, Le, Lt, Ne};
    matches!(op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_))
}

/// The `self` token of an expression that is exactly `self`.
fn self_of(e: &syn::Expr) -> Option<syn::Ident> {
    match e {
        syn::Expr::Path(p) if p.qself.is_none() && p.path.is_ident("self") => {
            p.path.get_ident().cloned()
        }
        syn::Expr::Paren(p) => self_of(&p.expr),
        syn::Expr::Group(g) => self_of(&g.expr),
        _ => None,
    }
}

/// Whether `p` names an associated function of the method's class: `Self::m`,
/// `<T>::m` (`Self` or the class, for rustc to check), a path whose next-to-last
/// segment is the class's name (`Class::m`, `crate::Class::m`), or a trait's function
/// the class may implement (`Shape::area(self)`: any capitalised owner, which may name a
/// trait; rustc then checks `&Class` against the function's receiver).
fn names_class_method(p: &syn::ExprPath, class: Option<&syn::Path>) -> bool {
    if p.qself.is_some() {
        return true;
    }
    let segments = &p.path.segments;
    if segments.len() < 2 {
        return false;
    }
    let owner = &segments[segments.len() - 2].ident;
    owner == "Self"
        || owner
            .to_string()
            .starts_with(|c: char| c.is_ascii_uppercase())
        || class
            .and_then(|c| c.segments.last())
            .is_some_and(|c| *owner == c.ident)
}

/// The class's macro: the class's path without its type arguments (a generic class's
/// view names it `Stack::<T>`), each segment at `span`.
fn macro_path(class: &syn::Path, span: Span) -> syn::Path {
    respan_path(&crate::jitclass::generic::without_arguments(class), span)
}

/// `path` with every token at `span`.
fn respan_path(path: &syn::Path, span: Span) -> syn::Path {
    let mut path = path.clone();
    if let Some(colon) = &mut path.leading_colon {
        colon.spans = [span, span];
    }
    for mut pair in path.segments.pairs_mut() {
        pair.value_mut().ident.set_span(span);
        if let Some(p) = pair.punct_mut() {
            p.spans = [span, span];
        }
    }
    path
}

/// The text of an identifier without `r#`.
pub(crate) fn unraw(ident: &syn::Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").map(str::to_string).unwrap_or(text)
}

/// `( tokens )`, the parentheses at `span`.
fn group(tokens: TokenStream, span: Span) -> TokenStream {
    let mut g = proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, tokens);
    g.set_span(span);
    quote!(#g)
}

/// `+=`, `-=`, ...
fn is_compound_assignment(op: &syn::BinOp) -> bool {
    use syn::BinOp as B;
    matches!(
        op,
        B::AddAssign(_)
            | B::SubAssign(_)
            | B::MulAssign(_)
            | B::DivAssign(_)
            | B::RemAssign(_)
            | B::BitXorAssign(_)
            | B::BitAndAssign(_)
            | B::BitOrAssign(_)
            | B::ShlAssign(_)
            | B::ShrAssign(_)
    )
}

/// Whether a `for` loop runs over references as Rust's does (`&v`, `&mut v`, `v.iter()`,
/// `v.iter_mut()`, a map's `m.keys()`, `m.values()`, `m.values_mut()`): jit code gives
/// the same references, so the loop stays as written.
fn is_borrowing_loop(iterable: &syn::Expr) -> bool {
    match iterable {
        syn::Expr::Reference(_) => true,
        // A string's iterators (`s.chars()`, ...) are Rust's own loops.
        syn::Expr::MethodCall(_) if jitclass_core::lower::is_text_loop(iterable) => true,
        syn::Expr::MethodCall(m) => matches!(
            m.method.to_string().as_str(),
            "iter" | "iter_mut" | "keys" | "values" | "values_mut"
        ),
        syn::Expr::Paren(p) => is_borrowing_loop(&p.expr),
        _ => false,
    }
}
