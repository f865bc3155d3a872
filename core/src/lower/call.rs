//! Calls and paths: calls of jit fns (`RefId`s the glue resolves), through function
//! pointers, of primitives' methods in function form (`f64::sqrt(x)`), of classes'
//! associated functions, of the memory-control intrinsics; and paths used as values
//! (locals, `None`, constants, functions named as values).

use super::types::TypePos;
use super::{Lowerer, consts::primitive_const, span, strip_parens};
use crate::ir::*;
use crate::types::PrimTy;
use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;

/// Methods of `String`/`str`, `Vec`, `HashMap` and `HashSet` whose arguments Rust takes by
/// reference: a `&str` pattern or text, a `&K` key, a `&T` element.
const REFERENCE_ARG_METHODS: &[&str] = &[
    "push_str",
    "contains",
    "starts_with",
    "ends_with",
    "find",
    "rfind",
    "strip_prefix",
    "strip_suffix",
    "split",
    "split_once",
    "eq_ignore_ascii_case",
    "contains_key",
    "get",
    "remove",
    "binary_search",
];

impl Lowerer {
    /// `receiver.method(args)`: resolved by inference (a builtin, or a class's method).
    pub(super) fn method_call(&mut self, m: &syn::ExprMethodCall) -> ExprId {
        if let Some(found) = self.search_call(m) {
            return found;
        }
        if let Some(sorted) = self.sort_call(m) {
            return sorted;
        }
        if let Some(parsed) = self.parse_call(m) {
            return parsed;
        }
        if let Some(written) = self.write_call(m) {
            return written;
        }
        if let Some(entry) = self.map_entry_call(m) {
            return entry;
        }
        let receiver = match strip_parens(&m.receiver) {
            // `(&*b).area()`: the trait object the box lends, as an argument's `&*b`.
            syn::Expr::Reference(r) if matches!(strip_parens(&r.expr), syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_))) => {
                self.call_arg(&m.receiver)
            }
            // `(&c).area()`, `(&mut v).push(x)`: method lookup derefs the borrow, so the
            // receiver is what it borrows.
            syn::Expr::Reference(r) => self.method_receiver(&r.expr),
            _ => self.method_receiver(&m.receiver),
        };
        let args = m
            .args
            .iter()
            .map(|a| self.method_arg(&m.method, a))
            .collect();
        let id = self.push(
            ExprKind::MethodCall {
                receiver,
                method: m.method.to_string(),
                args,
            },
            m.method.span(),
        );
        if let Some(turbofish) = &m.turbofish
            && let Some(types) = self.turbofish_types("method", turbofish)
        {
            self.explicit_generics.push((id, types));
        }
        self.method_parens.push((id, m.paren_token.span.join()));
        id
    }

    /// A method call's receiver. Auto-deref, as rustc's method lookup: `x.push(1.0)` on
    /// the variable of a `&mut` loop is `(*x).push(1.0)`, the element in place.
    fn method_receiver(&mut self, receiver: &syn::Expr) -> ExprId {
        match self.deref_elem(receiver, receiver.span()) {
            Some(element) => element,
            None => match self.range_receiver(receiver) {
                Some(part) => part,
                None => self.expr(receiver),
            },
        }
    }

    /// An argument of `method`: the variable of a borrowed loop (a `&T` in Rust, which
    /// jit code holds as the element's value) passed to a method that takes a reference
    /// (`out.push_str(k)` with `k: &String`, `m.contains_key(k)`) is that reference, `&k`.
    fn method_arg(&mut self, method: &syn::Ident, a: &syn::Expr) -> ExprId {
        if REFERENCE_ARG_METHODS.contains(&method.to_string().as_str())
            && let syn::Expr::Path(p) = strip_parens(a)
            && let Some(ident) = p.path.get_ident()
            && let Some(local) = self.lookup(&ident.to_string())
            && self.reference_names.contains(&local)
        {
            let span = a.span();
            let place = self.push(ExprKind::Local(local), span);
            return self.push(
                ExprKind::AddrOf {
                    place,
                    mutable: false,
                },
                span,
            );
        }
        self.call_arg(a)
    }

    /// An argument of a fn call: a name that is a `&T` in Rust held as the value (`f(w)`
    /// with `w` of `for w in &v`) is that reference, `&w`, which inference passes where
    /// the parameter takes a reference or a type parameter, and refuses where it takes the
    /// value (E0308); `f(*w)` is the value.
    fn fn_arg(&mut self, a: &syn::Expr) -> ExprId {
        let Some(local) = self.reference_name(a) else {
            return self.call_arg(a);
        };
        let span = a.span();
        let place = self.push(ExprKind::Local(local), span);
        self.push(
            ExprKind::AddrOf {
                place,
                mutable: false,
            },
            span,
        )
    }

    pub(super) fn path_expr(&mut self, p: &syn::ExprPath) -> ExprId {
        let span = p.span();
        if p.qself.is_none() {
            if p.path.is_ident("None") && self.lookup("None").is_none() {
                return self.push(ExprKind::None, span);
            }
            if let Some(ident) = p.path.get_ident() {
                let name = ident.to_string();
                if let Some(local) = self.lookup(&name) {
                    if self.is_place_elem_ref(local) {
                        return self.invalid(
                            span,
                            format!("jit code uses the element of a `for` loop over `&mut` through `*{name}` (`*{name} += 1.0`)"),
                        );
                    }
                    return self.push(ExprKind::Local(local), span);
                }
                if name == "self" {
                    return self.self_without_receiver(span);
                }
                if self.binding(&name).is_some() {
                    // A `const` item of the body.
                    return self.const_value(p, span);
                }
            }
            if let Some(lit) = primitive_const(&p.path) {
                return self.push(ExprKind::Lit(lit), span);
            }
            if super::types::is_phantom_data_path(&p.path) && self.lookup("PhantomData").is_none() {
                // `PhantomData` (a zero-sized marker) is `()` in jit code.
                return self.push(ExprKind::Lit(crate::ir::Lit::Unit), span);
            }
            if p.path.segments.iter().all(|s| s.arguments.is_none()) {
                // A function named as a value: rustc resolves the path in the glue, and
                // says so at the token if it is not a `#[jit]` fn.
                if names_function(&p.path) && names_primitive_type(&p.path) {
                    // `char::is_whitespace`: a method of a primitive type, which the glue
                    // cannot name as a jit fn (`use char::..` is no path).
                    let shown = p.path.to_token_stream().to_string().replace(' ', "");
                    return self.invalid(
                        span,
                        format!("cannot use `{shown}` as a value in jit code\nnote: jit code passes `#[jit]` fns as values; call std's method on a value instead (`c.is_whitespace()`), and give `split` a `&str` or a `char`"),
                    );
                }
                if names_function(&p.path) && !owned_by_self(&p.path) {
                    let callee = self.item_ref(&p.path);
                    return self.push(ExprKind::FnRef(callee), span);
                }
                // A constant, which rustc evaluates in the glue.
                return self.const_value(p, span);
            }
        }
        let shown = p.path.to_token_stream().to_string().replace(' ', "");
        self.invalid(
            span,
            format!("cannot use `{shown}` as a value in jit code\nnote: jit code can read its parameters and local variables, and constants like `f64::MAX` or `std::f64::consts::PI`"),
        )
    }

    /// `self` in a function without a `self` parameter, in rustc's words (E0424).
    fn self_without_receiver(&mut self, span: Span) -> ExprId {
        let help = if self.scope.self_path.is_some() {
            "\nhelp: add a `self` receiver parameter to make the associated `fn` a method"
        } else {
            ""
        };
        self.invalid(
            span,
            format!(
                "`self` value is a keyword only available in methods with a `self` parameter{help}"
            ),
        )
    }

    pub(super) fn call(&mut self, c: &syn::ExprCall) -> ExprId {
        let span = span::of(&c.func);
        let syn::Expr::Path(fp) = strip_parens(&c.func) else {
            return self.call_indirect(c);
        };
        let path = match &fp.qself {
            None => &fp.path,
            Some(q) => {
                if let Some(id) = self.bare_qualified_call(q, &fp.path, c) {
                    return id;
                }
                return self.qualified_trait_call(q, &fp.path, c).unwrap_or_else(|| {
                    self.invalid(
                        fp.span(),
                        "qualified paths `<T as Trait>::f` are supported in jit code for a class or type parameter `T` only",
                    )
                });
            }
        };
        if let Some(id) = self.intrinsic(path, c) {
            return id;
        }
        if path.segments.len() >= 2
            && let Some(last) = path.segments.last()
            && last.arguments.is_none()
        {
            let mut owner = path.clone();
            owner.segments.pop();
            owner.segments.pop_punct();
            if let Some(id) = self.default_call(&owner, &last.ident, c) {
                return id;
            }
        }
        if path.is_ident("Some") && self.lookup("Some").is_none() {
            if c.args.len() != 1 {
                return self.invalid(c.span(), "`Some` takes exactly one value");
            }
            let inner = self.expr(&c.args[0]);
            return self.push(ExprKind::Some(inner), span);
        }
        // `f64::sqrt(x)`, `i64::max(a, b)`: methods of primitives in function-call form.
        if path.segments.len() == 2 {
            let ty_name = path.segments[0].ident.to_string();
            if PrimTy::from_name(&ty_name).is_some() && path.segments[0].arguments.is_none() {
                let mut args = c.args.iter();
                let Some(first) = args.next() else {
                    return self.invalid(
                        span,
                        format!(
                            "`{ty_name}::{}` needs a receiver argument",
                            path.segments[1].ident
                        ),
                    );
                };
                let receiver = self.expr(first);
                let rest: Vec<ExprId> = args.map(|a| self.expr(a)).collect();
                let mut method = path.segments[1].ident.to_string();
                // `{ let recv: f64 = x; recv.sqrt(..) }` pins the receiver to the named type.
                let mut prim = PrimTy::from_name(&ty_name).expect("checked above");
                // `char::from_u32(n)`, `char::from_digit(n, radix)`: associated functions,
                // methods of their first `u32`.
                if prim == PrimTy::Char && method == "from_u32" {
                    prim = PrimTy::U32;
                    method = crate::methods::CHAR_FROM_U32.to_string();
                } else if prim == PrimTy::Char && method == "from_digit" {
                    prim = PrimTy::U32;
                    method = crate::methods::CHAR_FROM_DIGIT.to_string();
                } else if crate::methods::lookup(&crate::types::Type::Prim(prim), &method).is_none()
                {
                    // An associated function jit code lacks (`char::from(b)`): reading it
                    // as a method of its first argument would only add a false type
                    // mismatch at that argument.
                    let name = &path.segments[1].ident;
                    let help = if method == "from" {
                        format!(
                            "\nhelp: a `From` conversion between primitives is an `as` cast: `x as {ty_name}`"
                        )
                    } else {
                        String::new()
                    };
                    return self.invalid(
                        name.span(),
                        format!("`{ty_name}::{name}` is not supported in jit code{help}"),
                    );
                }
                let loc = self.loc(span::of(first));
                self.scopes.push(Vec::new());
                let recv = self.declare(" receiver", false, loc);
                self.scopes.pop();
                let recv_read = self.push(ExprKind::Local(recv), span::of(first));
                let call = self.push(
                    ExprKind::MethodCall {
                        receiver: recv_read,
                        method,
                        args: rest,
                    },
                    path.segments[1].ident.span(),
                );
                let block = Block {
                    stmts: vec![Stmt::Let {
                        pattern: Pattern::Bind(recv),
                        ty: Some(TypeExpr::Prim(prim)),
                        init: Some(receiver),
                        loc,
                    }],
                    tail: Some(call),
                };
                return self.push(ExprKind::Block(block), span);
            }
        }
        if let Some(id) = self.box_call(path, c) {
            return id;
        }
        if let Some(id) = self.passthru_call(path, c) {
            return id;
        }
        if let Some(id) = self.vec_call(path, c) {
            return id;
        }
        if let Some(id) = self.map_call(path, c).or_else(|| self.set_call(path, c)) {
            return id;
        }
        if let Some(id) = self.string_call(path, c) {
            return id;
        }
        // Generic arguments on the last segment are the callee's (`f::<T>(..)`,
        // `Class::f::<U>(..)`), on the one before it a class's (`Stack::<i64>::new(..)`).
        let n = path.segments.len();
        let on_owner_only = path
            .segments
            .iter()
            .take(n.saturating_sub(2))
            .all(|s| s.arguments.is_none());
        let owner_is_type = n >= 2 && {
            let owner = &path.segments[n - 2].ident;
            owner == "Self"
                || owner
                    .to_string()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase())
        };
        if !on_owner_only || (n >= 2 && !owner_is_type && !path.segments[n - 2].arguments.is_none())
        {
            return self.invalid(
                path.span(),
                "generic arguments in the middle of a path (`a::<T>::f(..)`) are not supported in jit code",
            );
        }
        if path.segments.len() == 2 && path.segments[0].ident == "str" {
            let owner = &path.segments[0].ident;
            return self.invalid(
                owner.span(),
                format!("`{owner}` is not supported in jit code yet"),
            );
        }
        if path.segments.len() >= 2 {
            let owner = &path.segments[path.segments.len() - 2].ident;
            let is_type = owner == "Self"
                || owner
                    .to_string()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase());
            if is_type {
                return self.assoc_call(path, c);
            }
        }
        if let Some(ident) = path.get_ident()
            && self.lookup(&ident.to_string()).is_some()
        {
            return self.call_indirect(c);
        }
        let args: Vec<ExprId> = c.args.iter().map(|a| self.fn_arg(a)).collect();
        let callee = self.item_ref(&super::turbofish::without_turbofish(path));
        let id = self.push(ExprKind::Call { callee, args }, span);
        let written = &path.segments.last().expect("a called path").arguments;
        self.record_turbofish("function", id, written);
        if !written.is_none() {
            self.turbofish_paths.push(self.with_self_spelled_out(path));
        }
        id
    }

    /// A reference to the item `path` names (a jit fn, or a declared C function), for
    /// the glue to resolve with rustc.
    fn item_ref(&mut self, path: &syn::Path) -> RefId {
        let loc = self.loc(path.span());
        let shown = path.to_token_stream().to_string().replace(' ', "");
        self.refs.push(ItemRef {
            path: shown,
            loc,
            in_unsafe: self.unsafe_depth > 0,
        });
        self.ref_paths.push(path.clone());
        RefId(self.refs.len() as u32 - 1)
    }

    /// `f(args)` where `f` is a value: a call through a function pointer.
    fn call_indirect(&mut self, c: &syn::ExprCall) -> ExprId {
        let callee = self.expr(&c.func);
        let args: Vec<ExprId> = c.args.iter().map(|a| self.expr(a)).collect();
        self.push(ExprKind::CallIndirect { callee, args }, c.span())
    }

    /// `sizeof::<T>()`, `jitclass::unsafe_cast::<T>(ptr)`, ...: `None` if `path` is not
    /// one of the memory-control functions (`name` or `jitclass::name`, with a turbofish).
    fn intrinsic(&mut self, path: &syn::Path, c: &syn::ExprCall) -> Option<ExprId> {
        let segments: Vec<&syn::PathSegment> = path.segments.iter().collect();
        let last = match segments.as_slice() {
            [last] if path.leading_colon.is_none() => *last,
            [krate, last] if krate.ident == "jitclass" && krate.arguments.is_none() => *last,
            _ => return None,
        };
        let which = Intrinsic::from_name(&last.ident.to_string())?;
        let span = span::of(&c.func);
        let name = which.name();
        let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
            return Some(self.invalid(
                last.ident.span(),
                format!("`{name}` needs its type: `{name}::<T>(..)`"),
            ));
        };
        let [syn::GenericArgument::Type(ty)] = args.args.iter().collect::<Vec<_>>()[..] else {
            return Some(self.invalid(
                args.span(),
                format!("`{name}` takes one type: `{name}::<T>(..)`"),
            ));
        };
        if which.is_unsafe() && self.unsafe_depth == 0 {
            self.error(
                last.ident.span(),
                format!("call to unsafe function `{name}` is unsafe and requires unsafe block\nnote: the caller must guarantee the memory is valid for the class's payload for as long as the instance is used"),
            );
        }
        if c.args.len() != which.arity() {
            let n = which.arity();
            return Some(self.invalid(
                span,
                format!(
                    "`{name}` takes {n} argument{}",
                    if n == 1 { "" } else { "s" }
                ),
            ));
        }
        let ty_expr = match self.lower_written_type(ty, TypePos::Other) {
            Ok(t) => t,
            Err(e) => {
                self.errors.push(e);
                return Some(self.push(ExprKind::Lit(Lit::Unit), span));
            }
        };
        // rustc resolves the name as written (so it must be imported, as in Rust) and
        // checks the type argument against the Rust function's bounds; the check is an
        // item of its own, where `Self` must be spelled out.
        let checked = self.with_self_spelled_out(path);
        self.assoc_paths.push(checked);
        let args = c.args.iter().map(|a| self.expr(a)).collect();
        Some(self.push(
            ExprKind::Intrinsic {
                which,
                ty: ty_expr,
                args,
            },
            span,
        ))
    }

    /// `Class::name(args)` (by Rust's naming convention, a path whose next-to-last segment
    /// is capitalised names an associated function of a type, not a function of a module).
    fn assoc_call(&mut self, path: &syn::Path, c: &syn::ExprCall) -> ExprId {
        let mut owner = path.clone();
        let last = owner.segments.pop().expect("two segments").into_value();
        // `Foo::` keeps its trailing `::`; a path must not end with one.
        owner.segments.pop_punct();
        if let Some(id) = self.path_trait_call(&owner, &last.ident, c) {
            if !last.arguments.is_none() {
                self.error(
                    last.arguments.span(),
                    "generic arguments on a trait's function (`S::f::<U>(..)`) are not supported in jit code yet",
                );
            }
            return id;
        }
        if let Some(param) = owner.get_ident()
            && self.scope.generics.contains(&param.to_string())
        {
            let bounded = self
                .bound_names
                .iter()
                .any(|(n, traits)| param == n && !traits.is_empty());
            if !bounded {
                // rustc's E0599: an unbounded parameter has no functions at all.
                let name = &last.ident;
                return self.invalid(
                    name.span(),
                    format!("no function or associated item named `{name}` found for type parameter `{param}` in the current scope\nhelp: items from traits can only be used if the type parameter is bounded by a trait"),
                );
            }
            // Not a class: its functions are not known before specialisation.
            return self.invalid(
                param.span(),
                format!(
                    "functions of generic parameters (`{param}::{}(..)`) are not supported in jit code yet\nhelp: take an instance and call a method on it",
                    last.ident
                ),
            );
        }
        let class = match self.scope.class_ref(&owner) {
            Ok(c) => c,
            Err(e) => {
                self.errors.push(e);
                return self.push(ExprKind::Lit(Lit::Unit), c.span());
            }
        };
        // A bare path may name a `#[jit] trait` (`Shape::area(&c)`, valid Rust): only
        // rustc knows, so the glue resolves both readings (`FnIr::trait_owners`).
        if owner.segments.iter().all(|s| s.arguments.is_none()) && !owner.is_ident("Self") {
            let t = self.scope.trait_ref(&owner);
            if !self.trait_owners.contains(&(class, t)) {
                self.trait_owners.push((class, t));
            }
        }
        // For rustc to check that the function exists, with `Self` spelled out.
        let mut checked = self.scope.class_paths[class.index()].clone();
        checked.segments.push(last.clone());
        self.assoc_paths.push(checked);
        let args = c.args.iter().map(|a| self.call_arg(a)).collect();
        let id = self.push(
            ExprKind::AssocCall {
                class,
                name: last.ident.to_string(),
                args,
            },
            c.span(),
        );
        self.record_turbofish("associated function", id, &last.arguments);
        id
    }
}

/// Whether a path not naming a local can name a function: Rust's naming convention
/// (`snake_case` functions, `UPPER_CASE` constants) tells a function from a constant.
/// Whether `path` is `T::item` of a primitive type `T` (`char::is_alphabetic`, `str::len`).
fn names_primitive_type(path: &syn::Path) -> bool {
    path.leading_colon.is_none()
        && path.segments.len() == 2
        && path.segments.first().is_some_and(|s| {
            let name = s.ident.to_string();
            name == "str" || crate::types::PrimTy::from_name(&name).is_some()
        })
}

/// Whether `path` names an item of `Self` (`Self::scale`): no `use` can import it, so it is
/// not read as a jit fn; rustc resolves it as a constant, and names what it is otherwise.
fn owned_by_self(path: &syn::Path) -> bool {
    path.segments.len() == 2 && path.segments[0].ident == "Self"
}

fn names_function(path: &syn::Path) -> bool {
    path.segments.last().is_some_and(|s| {
        s.ident
            .to_string()
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
    })
}
