//! Whether a method of a generic impl may duck-type over an unbounded parameter of it.
//!
//! A body whose type parameters all have a bound gets a shadow (`super::fn_shadow`). A
//! method of an impl with an unbounded parameter keeps jitclass's duck typing (`rec.a` on
//! any class with a field `a`, `x + y` on any numbers), which no Rust bound expresses; but
//! one that uses a value of the parameter only as a whole value, once, means what rustc's
//! generic check of it says, and gets the shadow too, under hidden bounds only. This walk
//! proves that, over-approximating which values may be of the parameter: a local is
//! *tainted* when any value that may be one flows into it (`self`'s fields, a parameter
//! of type `T`), and a tainted value used as anything but a whole value (field, method
//! call, argument, operator, index, deref, cast, formatting, destructuring pattern, `for`,
//! a call through it, a path through the parameter), read twice (which would need
//! `Copy`), or returned where the signature does not say `T` (or a value that is not
//! tainted where it does) makes the body duck-type; so do a struct literal, an argument
//! to a method of the class (either may be for one of its parameters), and whatever the
//! walk cannot read (an unknown macro mentioning a tainted name).

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use std::collections::HashSet;
use syn::punctuated::Punctuated;
use syn::visit::Visit;

/// Whether the body `block` under `sig` may use a value of one of the `unbounded` type
/// parameters in a way only duck typing allows. `generic_self`: the body is a method of an
/// impl with an unbounded parameter, whose `self` (a class: its fields and methods are the
/// class's) may hold such values in its fields.
pub(crate) fn may_duck_type(
    sig: &syn::Signature,
    block: &syn::Block,
    unbounded: &[syn::Ident],
    generic_self: bool,
) -> bool {
    let mut walk = Walk {
        unbounded: unbounded.iter().map(ToString::to_string).collect(),
        tainted: HashSet::new(),
        classes: HashSet::new(),
        generic_self,
        checking: false,
        ducks: false,
        uses: std::collections::HashMap::new(),
    };
    if generic_self {
        walk.classes.insert("self".to_string());
    }
    for input in &sig.inputs {
        let syn::FnArg::Typed(pt) = input else {
            continue;
        };
        if is_self_type(&pt.ty) {
            bind_names(&pt.pat, &mut walk.classes);
        } else if walk.mentions(&pt.ty) {
            bind_names(&pt.pat, &mut walk.tainted);
        }
    }
    // Taint flows forward and backward (a loop's later statement into an earlier one):
    // walk until no local is newly tainted, then once more to look for duck typing.
    loop {
        let before = walk.tainted.len();
        walk.visit_block(block);
        if walk.tainted.len() == before {
            break;
        }
    }
    walk.checking = true;
    walk.visit_block(block);
    // A value of the parameter used twice would need `Copy`, which only the instantiation
    // may have.
    let reused = walk.uses.values().any(|n| *n > 1);
    // Each value the body returns is of the parameter where the signature says so, and
    // only there: anything else is a value whose type the instantiation decides.
    let ret = match &sig.output {
        syn::ReturnType::Default => None,
        syn::ReturnType::Type(_, ty) => Some(&**ty),
    };
    let mut returned = Vec::new();
    tails_of_block(block, &mut returned);
    ReturnsOf(&mut returned).visit_block(block);
    let mismatched = returned.iter().any(|e| !walk.fits(ret, e));
    walk.ducks || reused || mismatched
}

/// The values a block evaluates to: its last expression's, through `if`, `match` and
/// nested blocks.
fn tails_of_block<'a>(block: &'a syn::Block, into: &mut Vec<&'a syn::Expr>) {
    match block.stmts.last() {
        Some(syn::Stmt::Expr(e, None)) => tails_of(e, into),
        Some(syn::Stmt::Expr(syn::Expr::Return(_), Some(_))) => {}
        // `{ ..; }`: the unit value, of no parameter's type.
        _ => {}
    }
}

fn tails_of<'a>(e: &'a syn::Expr, into: &mut Vec<&'a syn::Expr>) {
    match e {
        syn::Expr::Block(b) => tails_of_block(&b.block, into),
        syn::Expr::Unsafe(b) => tails_of_block(&b.block, into),
        syn::Expr::Paren(p) => tails_of(&p.expr, into),
        syn::Expr::If(i) => {
            tails_of_block(&i.then_branch, into);
            if let Some((_, other)) = &i.else_branch {
                tails_of(other, into);
            }
        }
        syn::Expr::Match(m) => {
            for arm in &m.arms {
                tails_of(&arm.body, into);
            }
        }
        syn::Expr::Return(_) => {}
        other => into.push(other),
    }
}

/// The values of the `return`s of a body (closures' too, conservatively).
struct ReturnsOf<'a, 'b>(&'b mut Vec<&'a syn::Expr>);

impl<'a> Visit<'a> for ReturnsOf<'a, '_> {
    fn visit_expr_return(&mut self, r: &'a syn::ExprReturn) {
        if let Some(e) = &r.expr {
            tails_of(e, self.0);
        }
        syn::visit::visit_expr_return(self, r);
    }

    fn visit_item(&mut self, _: &'a syn::Item) {}
}

/// `Self`, `&Self` or `&mut Self`: a class, whose fields and methods are its own.
fn is_self_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => is_self_type(&r.elem),
        syn::Type::Path(p) => p.qself.is_none() && p.path.is_ident("Self"),
        _ => false,
    }
}

/// The names a pattern binds, into `into`.
pub(super) fn bind_names(pat: &syn::Pat, into: &mut HashSet<String>) {
    struct Names<'a>(&'a mut HashSet<String>);
    impl<'ast> Visit<'ast> for Names<'_> {
        fn visit_pat_ident(&mut self, pi: &'ast syn::PatIdent) {
            self.0.insert(pi.ident.to_string());
            syn::visit::visit_pat_ident(self, pi);
        }
    }
    Names(into).visit_pat(pat);
}

/// Whether a pattern binds its value whole (a name, `_`, `mut x`, `x: T`), without
/// matching its shape.
fn binds_whole(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Ident(pi) => pi.subpat.is_none(),
        syn::Pat::Wild(_) => true,
        syn::Pat::Type(pt) => binds_whole(&pt.pat),
        _ => false,
    }
}

struct Walk {
    /// The unbounded type parameters.
    unbounded: HashSet<String>,
    /// The locals that may hold (or contain) a value of an unbounded parameter.
    tainted: HashSet<String>,
    /// The locals that are the class of a generic impl (`self`, `other: &Self`).
    classes: HashSet<String>,
    generic_self: bool,
    /// Set for the last walk, which looks for duck typing once taint is complete.
    checking: bool,
    ducks: bool,
    /// How many times the last walk read each tainted local.
    uses: std::collections::HashMap<String, usize>,
}

impl Walk {
    /// Whether `tokens` name a tainted local, an unbounded parameter, or (in a generic
    /// impl) the class whose fields may hold their values.
    fn mentions(&self, tokens: &impl ToTokens) -> bool {
        self.mentions_in(tokens.to_token_stream())
    }

    fn mentions_in(&self, tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(i) => {
                let name = i.to_string();
                let name = name.strip_prefix("r#").unwrap_or(&name);
                self.tainted.contains(name)
                    || self.unbounded.contains(name)
                    || (self.generic_self && (name == "Self" || self.classes.contains(name)))
            }
            TokenTree::Group(g) => self.mentions_in(g.stream()),
            _ => false,
        })
    }

    /// Whether `e` is a class of a generic impl by name (`self`), whose fields and
    /// methods are the class's.
    fn is_class(&self, e: &syn::Expr) -> bool {
        match e {
            syn::Expr::Path(p) => p
                .path
                .get_ident()
                .is_some_and(|i| self.classes.contains(&i.to_string())),
            syn::Expr::Paren(p) => self.is_class(&p.expr),
            _ => false,
        }
    }

    /// Records duck typing found by the last walk.
    fn duck_if(&mut self, ducks: bool) {
        if self.checking && ducks {
            self.ducks = true;
        }
    }

    /// A use of `e`'s value that needs its type: duck typing if it may be a parameter's.
    fn needs_type(&mut self, e: &syn::Expr) {
        let ducks = self.mentions(e);
        self.duck_if(ducks);
    }

    /// The local a place expression is rooted at (`v` of `v`, `v[0].a`, `v.f`).
    fn root_local(e: &syn::Expr) -> Option<String> {
        match e {
            syn::Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
            syn::Expr::Field(f) => Self::root_local(&f.base),
            syn::Expr::Index(i) => Self::root_local(&i.expr),
            syn::Expr::Paren(p) => Self::root_local(&p.expr),
            syn::Expr::Reference(r) => Self::root_local(&r.expr),
            syn::Expr::Unary(u) => Self::root_local(&u.expr),
            _ => None,
        }
    }

    /// Taints the names `pat` binds from a value that mentions taint; a destructuring
    /// pattern on such a value matches the shape of what may be a parameter's value.
    fn bind(&mut self, pat: &syn::Pat, value_tainted: bool) {
        if value_tainted {
            bind_names(pat, &mut self.tainted);
            self.duck_if(!binds_whole(pat));
        }
    }

    /// The arguments of a macro call, if it is one whose arguments are expressions
    /// (`vec![a, b]`, `vec![x; n]`, `format!("{}", x)`), and whether they are formatted.
    fn macro_args(mac: &syn::Macro) -> Option<(Vec<syn::Expr>, bool)> {
        let name = mac.path.segments.last()?.ident.to_string();
        let formats = matches!(
            name.as_str(),
            "format"
                | "print"
                | "println"
                | "eprint"
                | "eprintln"
                | "write"
                | "writeln"
                | "panic"
                | "assert"
                | "assert_eq"
                | "assert_ne"
                | "debug_assert"
                | "debug_assert_eq"
                | "debug_assert_ne"
                | "unreachable"
                | "todo"
                | "unimplemented"
        );
        if name == "vec" {
            if let Ok(repeat) = mac.parse_body_with(|input: syn::parse::ParseStream| {
                let value: syn::Expr = input.parse()?;
                input.parse::<syn::Token![;]>()?;
                let count: syn::Expr = input.parse()?;
                Ok(vec![value, count])
            }) {
                return Some((repeat, false));
            }
        } else if !formats {
            return None;
        }
        let args = mac
            .parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
            .ok()?;
        Some((args.into_iter().collect(), formats))
    }
}

impl<'ast> Visit<'ast> for Walk {
    fn visit_local(&mut self, local: &'ast syn::Local) {
        let tainted = self.mentions(&local.pat)
            || local.init.as_ref().is_some_and(|init| {
                self.mentions(&init.expr)
                    || init.diverge.as_ref().is_some_and(|(_, e)| self.mentions(e))
            });
        // `let y: i64 = x`: a parameter's value where a written type is wanted.
        let annotated = matches!(&local.pat, syn::Pat::Type(pt) if !self.mentions(&pt.ty));
        self.duck_if(annotated && tainted);
        if let Some(init) = &local.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
        }
        self.bind(&local.pat, tainted);
    }

    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        match e {
            syn::Expr::Field(f) if !self.is_class(&f.base) => self.needs_type(&f.base),
            syn::Expr::MethodCall(m) => {
                if !self.is_class(&m.receiver) {
                    self.needs_type(&m.receiver);
                }
                // An argument of the parameter meets the callee's bounds only per
                // instantiation; any argument of a class's method may be for one of its
                // parameters.
                let args_duck = m.args.iter().any(|a| self.mentions(a))
                    || (!m.args.is_empty() && self.mentions(&m.receiver));
                self.duck_if(args_duck);
                // `v.push(x)`: the receiver may now hold a parameter's values.
                if m.args.iter().any(|a| self.mentions(a))
                    && let Some(root) = Self::root_local(&m.receiver)
                {
                    self.tainted.insert(root);
                }
            }
            syn::Expr::Binary(b) => {
                self.needs_type(&b.left);
                self.needs_type(&b.right);
            }
            syn::Expr::Unary(u) => self.needs_type(&u.expr),
            // `a[i]` with `i: T`: an index per instantiation only.
            syn::Expr::Index(i) => {
                self.needs_type(&i.expr);
                self.needs_type(&i.index);
            }
            syn::Expr::Try(t) => self.needs_type(&t.expr),
            syn::Expr::Range(r) => {
                for end in [&r.start, &r.end].into_iter().flatten() {
                    self.needs_type(end);
                }
            }
            // `if c { x } else { 0 }`: branches of one type, which may be the parameter's
            // per instantiation only.
            syn::Expr::If(i) => {
                if !matches!(*i.cond, syn::Expr::Let(_)) {
                    self.needs_type(&i.cond);
                }
                if i.else_branch.is_some() {
                    let mut tails = Vec::new();
                    tails_of(e, &mut tails);
                    let ducks = self.mixed(tails.into_iter());
                    self.duck_if(ducks);
                }
            }
            syn::Expr::While(w) if !matches!(*w.cond, syn::Expr::Let(_)) => {
                self.needs_type(&w.cond)
            }
            syn::Expr::Cast(c) => {
                self.needs_type(&c.expr);
                let ducks = self.mentions(&c.ty);
                self.duck_if(ducks);
            }
            syn::Expr::Assign(a) => {
                // A value not of the parameter into a place that may be of it, or
                let into_generic = Self::root_local(&a.left).is_some_and(|root| {
                    self.tainted.contains(&root) || self.classes.contains(&root)
                });
                // one that may be of it into a place of a written type (`self.n = x` with
                // `n: i64`: the walk does not know the field's type).
                let ducks = into_generic || self.mentions(&a.right);
                self.duck_if(ducks);
                if self.mentions(&a.right)
                    && let Some(root) = Self::root_local(&a.left)
                {
                    self.tainted.insert(root);
                }
            }
            syn::Expr::ForLoop(f) => {
                self.needs_type(&f.expr);
                let tainted = self.mentions(&f.expr);
                self.bind(&f.pat, tainted);
            }
            syn::Expr::Let(l) => {
                let tainted = self.mentions(&l.expr);
                self.bind(&l.pat, tainted);
            }
            syn::Expr::Match(m) => {
                let tainted = self.mentions(&m.expr);
                for arm in &m.arms {
                    self.bind(&arm.pat, tainted);
                }
                let mut tails = Vec::new();
                tails_of(e, &mut tails);
                let ducks = self.mixed(tails.into_iter());
                self.duck_if(ducks);
            }
            syn::Expr::Closure(c) => {
                // A closure's parameters may be given anything.
                for input in &c.inputs {
                    bind_names(input, &mut self.tainted);
                }
            }
            syn::Expr::Call(c) => {
                // A call through a tainted local (`f(1)` with `f: T`) calls what may be
                // a parameter's value; a path through a parameter is checked below.
                let through = match &*c.func {
                    syn::Expr::Path(p) => {
                        p.qself.is_none()
                            && p.path
                                .get_ident()
                                .is_some_and(|i| self.tainted.contains(&i.to_string()))
                    }
                    other => self.mentions(other),
                };
                self.duck_if(through);
                // An argument that may be of the parameter, given to a parameter of a
                // written type (`sq(x)` with `sq(a: i64)`), is that type per
                // instantiation only; `Some(x)`, `Ok(x)`, `Err(x)` take any type.
                let tainted_arg = c.args.iter().any(|a| self.mentions(a));
                self.duck_if(tainted_arg && !Self::takes_any_type(&c.func));
                // `fill(&mut v, x)`: the other arguments may now hold its values.
                if tainted_arg {
                    for arg in &c.args {
                        if let Some(root) = Self::root_local(arg) {
                            self.tainted.insert(root);
                        }
                    }
                }
            }
            // `[x, 0]`: elements of one type, which may be the parameter's per
            // instantiation only; likewise a `match`'s arms (below).
            syn::Expr::Array(a) => {
                let ducks = self.mixed(a.elems.iter());
                self.duck_if(ducks);
            }
            syn::Expr::Path(p) => {
                let through = self.through_parameter(&p.qself, &p.path);
                self.duck_if(through);
                if self.checking
                    && let Some(name) = p.path.get_ident().map(ToString::to_string)
                    && self.tainted.contains(&name)
                {
                    *self.uses.entry(name).or_default() += 1;
                }
            }
            // A field may be of a parameter, given a value of any type; the array's
            // copies would need `Copy`.
            syn::Expr::Struct(_) | syn::Expr::Repeat(_) => {
                let ducks = self.generic_self || self.mentions(e);
                self.duck_if(ducks);
            }
            syn::Expr::Macro(m) => self.visit_macro_call(&m.mac),
            _ => {}
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        self.visit_macro_call(&m.mac);
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {
        // A nested item is its own function; what it does is not this body's.
    }
}

impl Walk {
    /// Whether a path (of a call, a constant, a struct literal) goes through an unbounded
    /// parameter (`T::new()`, `<T as Tr>::f`, `T { .. }`).
    fn through_parameter(&self, qself: &Option<syn::QSelf>, path: &syn::Path) -> bool {
        if let Some(q) = qself {
            return self.mentions(&q.ty);
        }
        path.segments.len() > 1
            && path
                .segments
                .first()
                .is_some_and(|first| self.unbounded.contains(&first.ident.to_string()))
            || path.segments.len() == 1
                && self.unbounded.contains(&path.segments[0].ident.to_string())
    }

    /// Whether the returned value `e` is of the parameter where the return type `ty` says
    /// so, and only there: `(y, x)` returned as `(T, i64)` is a value of `T` where `i64` is
    /// wanted, as is a whole local that may hold such a tuple returned as anything but `T`.
    /// (A field or method of the class returned whole is taken at its word: the walk does
    /// not know its type.)
    fn fits(&self, ty: Option<&syn::Type>, e: &syn::Expr) -> bool {
        let value_generic = self.mentions(e);
        let Some(ty) = ty.filter(|ty| self.mentions(*ty)) else {
            return !value_generic;
        };
        if !value_generic {
            return false;
        }
        let e = match e {
            syn::Expr::Paren(p) => &*p.expr,
            other => other,
        };
        match (ty, e) {
            (syn::Type::Paren(p), _) => self.fits(Some(&p.elem), e),
            (syn::Type::Path(p), _)
                if p.qself.is_none()
                    && p.path
                        .get_ident()
                        .is_some_and(|i| self.unbounded.contains(&i.to_string())) =>
            {
                true
            }
            (syn::Type::Tuple(t), syn::Expr::Tuple(v)) if t.elems.len() == v.elems.len() => t
                .elems
                .iter()
                .zip(&v.elems)
                .all(|(ty, e)| self.fits(Some(ty), e)),
            (syn::Type::Path(p), syn::Expr::Call(c))
                if c.args.len() == 1
                    && matches!(&*c.func, syn::Expr::Path(f) if f.path.is_ident("Some")) =>
            {
                let last = p.path.segments.last();
                let inner = last
                    .filter(|s| s.ident == "Option")
                    .and_then(|s| match &s.arguments {
                        syn::PathArguments::AngleBracketed(a) if a.args.len() == 1 => {
                            match &a.args[0] {
                                syn::GenericArgument::Type(t) => Some(t),
                                _ => None,
                            }
                        }
                        _ => None,
                    });
                inner.is_some_and(|inner| self.fits(Some(inner), &c.args[0]))
            }
            (_, syn::Expr::Field(f)) => self.is_class(&f.base),
            (_, syn::Expr::MethodCall(m)) => m.args.is_empty() && self.is_class(&m.receiver),
            _ => false,
        }
    }

    /// Whether some of `values` may be of a parameter and some not: values of one type
    /// (array elements, branches) that agree per instantiation only.
    fn mixed<'e>(&self, values: impl Iterator<Item = &'e syn::Expr>) -> bool {
        let (mut some, mut other) = (false, false);
        for v in values {
            if self.mentions(v) {
                some = true;
            } else {
                other = true;
            }
        }
        some && other
    }

    /// Whether `func` is a constructor that takes a value of any type (`Some`, `Ok`, `Err`).
    fn takes_any_type(func: &syn::Expr) -> bool {
        matches!(func, syn::Expr::Path(p) if p.qself.is_none()
            && p.path.get_ident().is_some_and(|i| i == "Some" || i == "Ok" || i == "Err"))
    }

    /// Whether a format string names a tainted local inline (`"{x}"`, `"{x:?}"`).
    fn formats_inline(&self, lit: &syn::LitStr) -> bool {
        let text = lit.value();
        text.split('{').skip(1).any(|piece| {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            self.tainted.contains(&name) || self.classes.contains(&name)
        })
    }

    /// A macro call: `vec!` stores its elements, a formatting macro formats its
    /// arguments; any other macro naming taint is unread, and counts as duck typing.
    fn visit_macro_call(&mut self, mac: &syn::Macro) {
        match Self::macro_args(mac) {
            Some((args, formats)) => {
                if !formats {
                    // `vec![x, 0]`: elements of one type; `vec![v; n]`: a `usize` count.
                    let repeat = mac
                        .tokens
                        .clone()
                        .into_iter()
                        .any(|tt| matches!(tt, TokenTree::Punct(p) if p.as_char() == ';'));
                    let ducks = if repeat {
                        args.last().is_some_and(|count| self.mentions(count))
                    } else {
                        self.mixed(args.iter())
                    };
                    self.duck_if(ducks);
                }
                for arg in &args {
                    if formats {
                        self.needs_type(arg);
                        if let syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(text),
                            ..
                        }) = arg
                        {
                            let ducks = self.formats_inline(text);
                            self.duck_if(ducks);
                        }
                    }
                    self.visit_expr(arg);
                }
            }
            None => {
                let ducks = self.mentions_in(mac.tokens.clone());
                self.duck_if(ducks);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::may_duck_type;

    /// Whether the method `item` of `impl<T> C<T>` may duck-type over `T`.
    fn ducks(item: &str) -> bool {
        let f: syn::ImplItemFn = syn::parse_str(item).expect("a method");
        may_duck_type(&f.sig, &f.block, &[quote::format_ident!("T")], true)
    }

    #[test]
    fn whole_values_of_the_parameter_do_not_duck_type() {
        assert!(!ducks("fn moved_out(&self) -> T { self.v }"));
        assert!(!ducks("fn twice(&self) -> T { self.get() }"));
        assert!(!ducks("fn first(&self) -> Option<T> { self.last }"));
        assert!(!ducks("fn keep(&self, x: T) -> T { return x; }"));
    }

    #[test]
    fn any_other_use_duck_types() {
        // Operators, fields, methods and formatting of a value of `T`.
        assert!(ducks("fn sum(&self) -> T { self.a + self.b }"));
        assert!(ducks("fn x(&self) -> f64 { self.p.x }"));
        assert!(ducks("fn len(&self) -> usize { self.items.len() }"));
        assert!(ducks(
            r#"fn show(&self) -> String { format!("{}", self.v) }"#
        ));
        assert!(ducks(
            r#"fn show(&self, x: T) -> String { format!("{x}") }"#
        ));
        // Arguments, struct literals, reuse (`Copy`), values of other types.
        assert!(ducks(
            "fn put(&mut self, x: T) -> T { self.set(x); self.v }"
        ));
        assert!(ducks("fn new(v: T) -> Self { C { v } }"));
        assert!(ducks("fn pair(x: T) -> (T, T) { (x, x) }"));
        assert!(ducks("fn count(&self) -> usize { self.n }"));
        assert!(ducks("fn zero(&self) -> T { 0 }"));
        assert!(ducks("fn reset(&mut self) -> T { self.v = 0; self.w }"));
        // Taint through locals, pushes and closures.
        assert!(ducks("fn f(&self) -> i64 { let a = self.v; a.k }"));
        assert!(ducks(
            "fn f(&self, x: T) -> usize { let mut v = Vec::new(); v.push(x); v.len() }"
        ));
        assert!(ducks("fn f(&self) -> T { let g = |a| a.k; self.v }"));
        assert!(ducks("fn f(&self) -> T { T::default() }"));
    }

    #[test]
    fn a_value_of_the_parameter_where_a_written_type_is_wanted_duck_types() {
        // An argument of a fn of written parameter types; not `Some(x)`.
        assert!(ducks("fn f(&mut self, x: T) { let y = sq(x); }"));
        assert!(!ducks("fn f(&self, x: T) -> Option<T> { Some(x) }"));
        // An out-parameter filled with it, then duck-typed.
        assert!(ducks(
            "fn f(&self, x: T) { let mut w = Vec::new(); fill(&mut w, x); }"
        ));
        // An index, a `vec!` count, elements and branches of one type.
        assert!(ducks(
            "fn f(&self, i: T) { let a = vec![1, 2]; let b = a[i]; }"
        ));
        assert!(ducks("fn f(&self, k: T) { let w = vec![0.5; k]; }"));
        assert!(ducks("fn f(&self, x: T) { let w = vec![x, 0]; }"));
        assert!(ducks("fn f(&self, x: T) { let w = [x, 0]; }"));
        assert!(ducks(
            "fn f(&self, x: T, c: bool) { let y = if c { x } else { 7 }; }"
        ));
        // An assignment of it, to a field whose type the walk does not know.
        assert!(ducks("fn f(&mut self, x: T) { self.n = x; }"));
        assert!(ducks("fn f(&mut self, x: T) { let mut y = 0; y = x; }"));
        // A return of it where the signature's structure wants another type.
        assert!(ducks("fn f(&self, x: T, y: i64) -> (T, i64) { (y, x) }"));
        assert!(ducks(
            "fn f(&self, x: T, y: i64) -> (T, i64) { let o = (y, x); o }"
        ));
        assert!(ducks("fn f(&self, x: T) -> Option<i64> { Some(x) }"));
        assert!(!ducks("fn f(&self, x: T, y: i64) -> (T, i64) { (x, y) }"));
        assert!(!ducks(
            "fn f(&self, x: T) -> Option<(i64, T)> { Some((3, x)) }"
        ));
        // A whole local returned as anything but `T` may hold either (the walk does not
        // follow which), so it keeps duck typing.
        assert!(ducks(
            "fn first(&self) -> Option<T> { let f = self.last; f }"
        ));
    }
}
