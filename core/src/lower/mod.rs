//! syn AST -> IR lowering (macro time only).
//!
//! Every unsupported construct becomes a `syn::Error` at its own token; lowering goes on
//! after an error (with a placeholder expression) so that one compilation reports all of
//! them. Names are resolved here: locals to `LocalId`s with Rust's shadowing rules, loop
//! labels to the loop expression, called paths to `RefId`s that the glue resolves.

mod format;
mod ranges;
mod span;
pub mod types;

use crate::ir::*;
use crate::types::PrimTy;
use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;
use types::{TypePos, TypeScope, lower_type};

/// A lowered function: the IR, the span of every `LocId`, the path of every `RefId` and
/// `ClassRefId`, and the `Class::name` paths of associated calls (for rustc to check).
pub struct Lowered {
    pub ir: FnIr,
    pub spans: Vec<Span>,
    pub ref_paths: Vec<syn::Path>,
    pub class_paths: Vec<syn::Path>,
    pub assoc_paths: Vec<syn::Path>,
    /// The Rust types of the `PassThru<T>`s the function names, by `OpaqueRefId`.
    pub opaque_types: Vec<syn::Type>,
    /// The `objmode!` blocks, by index, for the glue to compile as Rust.
    pub objmodes: Vec<ObjModeBlock>,
    /// The `objmode!` paths as written, for rustc to resolve (`path!(@check)`).
    pub macro_paths: Vec<syn::Path>,
    /// Each struct literal's class path (at the literal's path token) and field names, for
    /// rustc to check against the class's handle, which has the class's fields.
    pub literals: Vec<(syn::Path, Vec<syn::Ident>)>,
    /// Whether the body uses class-only forms (fields, struct literals, `Class::f` calls),
    /// which a copy of the body compiled by rustc could not type-check.
    pub uses_classes: bool,
    /// Differently written `PassThru<T>` types the body uses as one (indices into
    /// `opaque_types`), for rustc to compare: set from `check_at_macro_time`.
    pub opaque_equalities: Vec<(u32, u32)>,
}

/// Lowers a `#[jit] fn`.
pub fn lower_fn(item: &syn::ItemFn) -> Result<Lowered, Vec<syn::Error>> {
    lower_function(&item.sig, &item.block, None)
}

/// Lowers the signature of a C function declared in a `#[jit] extern "C"` block: C
/// scalars in and out, no generics, no variadics.
pub fn lower_foreign_fn(
    item: &syn::ForeignItemFn,
    foreign: ForeignFn,
) -> Result<Lowered, Vec<syn::Error>> {
    let mut errors = Vec::new();
    if let Some(v) = &item.sig.variadic {
        errors.push(syn::Error::new(
            v.span(),
            "variadic C functions (`...`) cannot be called from jit code",
        ));
    }
    if let Some(g) = item.sig.generics.params.first() {
        errors.push(syn::Error::new(g.span(), "C functions cannot be generic"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut sig = item.sig.clone();
    // `unsafe fn` in an `unsafe extern` block only says what every declaration there is.
    sig.unsafety = None;
    // Checked as the signature of an `extern "C"` jit fn: C scalars only.
    sig.abi = Some(syn::parse_quote!(extern "C"));
    let mut lowered = match lower_function(&sig, &syn::parse_quote!({}), None) {
        Ok(l) if errors.is_empty() => l,
        Ok(_) => return Err(errors),
        Err(e) => {
            // Said of a C function, not of a jit fn.
            errors.extend(e.into_iter().map(|e| {
                let message = e.to_string().replace(
                    "an `extern \"C\"` jit fn takes and returns",
                    "a C function called from jit code takes and returns",
                );
                syn::Error::new(e.span(), message)
            }));
            return Err(errors);
        }
    };
    lowered.ir.foreign = Some(foreign);
    Ok(lowered)
}

/// The context of a function in a `#[jitclass] impl`.
pub struct MethodContext<'a> {
    /// The impl's self type (what `Self` means).
    pub self_path: &'a syn::Path,
    /// Whether `self` by value is allowed (operator traits' methods take it so).
    pub self_by_value: bool,
    /// Whether `other: &V` parameters are allowed (operator traits' methods).
    pub class_by_ref: bool,
    /// In `Index::index` (`Some(false)`) and `IndexMut::index_mut` (`Some(true)`): the
    /// function returns `&self.field` / `&mut self.field`.
    pub returns_place: Option<bool>,
}

impl MethodContext<'_> {
    /// The same class, in an inherent impl.
    pub fn inherent(&self) -> MethodContext<'_> {
        MethodContext {
            self_path: self.self_path,
            self_by_value: false,
            class_by_ref: false,
            returns_place: None,
        }
    }
}

/// Lowers a function of a `#[jitclass] impl`: a method (`&self`, `&mut self`), a
/// constructor or a static method.
pub fn lower_method(
    sig: &syn::Signature,
    block: &syn::Block,
    cx: &MethodContext<'_>,
) -> Result<Lowered, Vec<syn::Error>> {
    lower_function(sig, block, Some(cx))
}

fn lower_function(
    sig: &syn::Signature,
    block: &syn::Block,
    method: Option<&MethodContext<'_>>,
) -> Result<Lowered, Vec<syn::Error>> {
    let mut cx = Lowerer::default();
    cx.check_signature(sig, method.is_some());
    cx.scope.generics = sig
        .generics
        .type_params()
        .map(|tp| tp.ident.to_string())
        .collect();
    if let Some(m) = method {
        cx.scope.self_path = Some(m.self_path.clone());
        cx.scope.class_by_ref = m.class_by_ref;
        cx.scope.ref_return = m.returns_place;
        if let Some(g) = sig.generics.params.first() {
            cx.error(
                g.span(),
                "generic functions in a `#[jitclass]` impl are not supported yet; write a generic `#[jit] fn` outside the impl",
            );
        }
    }
    let fn_loc = cx.loc(sig.ident.span());
    cx.scopes.push(Vec::new());
    let mut params = Vec::new();
    let mut receiver = None;
    for input in &sig.inputs {
        match input {
            syn::FnArg::Receiver(r) => {
                let Some(m) = method else {
                    cx.error(
                        r.span(),
                        "`self` parameters are only allowed in `#[jitclass]` impl blocks",
                    );
                    continue;
                };
                let kind = match (&r.reference, &r.mutability) {
                    (Some(_), Some(_)) => Receiver::RefMut,
                    (Some(_), None) => Receiver::Ref,
                    (None, _) if m.self_by_value => Receiver::Value,
                    (None, _) => {
                        cx.error(
                            r.span(),
                            "jitclass methods take `&self` or `&mut self`: an instance is a shared reference, so a method cannot consume it\nhelp: write `&self` (or `&mut self` to assign fields)",
                        );
                        Receiver::Ref
                    }
                };
                if r.colon_token.is_some() {
                    cx.error(
                        r.ty.span(),
                        "write the receiver as `&self` or `&mut self`, without a type",
                    );
                }
                if let Some(lt) = r.lifetime() {
                    cx.error(lt.span(), "lifetimes are not used in jit code");
                }
                let loc = cx.loc(r.self_token.span);
                let self_ty = cx
                    .scope
                    .class_ref(&syn::parse_quote!(Self))
                    .expect("a method context defines `Self`");
                let mutable = kind == Receiver::RefMut || r.mutability.is_some();
                let local = cx.declare("self", mutable, loc);
                params.push(Param {
                    local,
                    ty: TypeExpr::Class(self_ty),
                    loc,
                });
                receiver = Some(kind);
            }
            syn::FnArg::Typed(pt) => {
                let (name, mutable) = match &*pt.pat {
                    syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                        (pi.ident.to_string(), pi.mutability.is_some())
                    }
                    other => {
                        cx.error(
                            other.span(),
                            "jit function parameters must be plain names (`x: f64` or `mut x: f64`)",
                        );
                        cx.declare_names_of(other);
                        ("_".to_string(), false)
                    }
                };
                let ty = match lower_type(&pt.ty, &mut cx.scope, TypePos::Param) {
                    Ok(t) => t,
                    Err(e) => {
                        cx.errors.push(e);
                        TypeExpr::Unit
                    }
                };
                let loc = cx.loc(pt.pat.span());
                let local = cx.declare(&name, mutable, loc);
                params.push(Param { local, ty, loc });
            }
        }
    }
    let (ret, ret_loc) = match &sig.output {
        syn::ReturnType::Default => (TypeExpr::Unit, cx.loc(sig.paren_token.span.close())),
        syn::ReturnType::Type(_, ty) => {
            let t = match lower_type(ty, &mut cx.scope, TypePos::Return) {
                Ok(t) => t,
                Err(e) => {
                    cx.errors.push(e);
                    TypeExpr::Unit
                }
            };
            (t, cx.loc(ty.span()))
        }
    };
    // (A generic one is already refused.)
    if sig.abi.is_some() && method.is_none() && sig.generics.params.is_empty() {
        let written = sig.inputs.iter().filter_map(|input| match input {
            syn::FnArg::Typed(pt) => Some(pt.ty.span()),
            syn::FnArg::Receiver(_) => None,
        });
        let mut not_c: Vec<Span> = params
            .iter()
            .zip(written)
            .filter(|(p, _)| !is_c_scalar(&p.ty))
            .map(|(_, span)| span)
            .collect();
        if !is_c_scalar(&ret) && ret != TypeExpr::Unit {
            not_c.push(cx.spans[ret_loc.index()]);
        }
        for span in not_c {
            cx.error(
                span,
                "an `extern \"C\"` jit fn takes and returns C scalars: numbers, `bool`, raw pointers, `extern \"C\" fn` pointers (and `()` as the result)",
            );
        }
    }
    if sig.receiver().is_some() && method.is_none() {
        // A method body reads `self` everywhere: lowering it would only add follow-up errors.
        return Err(cx.errors);
    }
    let body = cx.block_expr(block);
    cx.scopes.pop();
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }
    let ir = FnIr {
        name: sig.ident.to_string(),
        generics: cx.scope.generics,
        params,
        ret,
        ret_loc,
        loc: fn_loc,
        body,
        exprs: cx.exprs,
        locals: cx.locals,
        refs: cx.refs,
        classes: cx.scope.classes,
        receiver,
        opaques: cx.scope.opaques,
        objmodes: cx.objmodes.len() as u32,
        foreign: None,
    };
    if let Err(d) = crate::limits::check_fn(&ir) {
        return Err(vec![syn::Error::new(
            cx.spans[d.loc.index()],
            d.full_message(),
        )]);
    }
    debug_assert_eq!(ir.validate(), Ok(()));
    // Handles (`PassThru`) are copied freely in jit code and moved in Rust: a body using
    // them is not Rust that rustc could check either.
    let uses_classes =
        cx.uses_classes || !cx.scope.class_paths.is_empty() || !cx.scope.opaque_types.is_empty();
    Ok(Lowered {
        ir,
        spans: cx.spans,
        ref_paths: cx.ref_paths,
        class_paths: cx.scope.class_paths,
        assoc_paths: cx.assoc_paths,
        opaque_types: cx.scope.opaque_types,
        objmodes: cx.objmodes,
        macro_paths: cx.macro_paths,
        literals: cx.literals,
        uses_classes,
        opaque_equalities: Vec::new(),
    })
}

/// An `objmode!(|a: A, ..| -> R { body })` block: Rust code the glue compiles into a
/// function that jit code calls.
pub struct ObjModeBlock {
    pub inputs: Vec<(syn::Ident, syn::Type)>,
    pub output: syn::Type,
    pub body: syn::Expr,
    /// The `objmode!` token, where the block's panics are reported.
    pub span: Span,
}

/// A lowered `#[jitclass] struct`: its fields, and the paths of the classes they name.
pub struct LoweredClass {
    pub ir: ClassIr,
    pub class_paths: Vec<syn::Path>,
    pub opaque_types: Vec<syn::Type>,
}

/// Lowers the fields of a `#[jitclass] struct`; every field type must have a C layout
/// that jit code can manage.
pub fn lower_class(item: &syn::ItemStruct) -> Result<LoweredClass, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let mut scope = TypeScope {
        self_path: Some(syn::Path::from(item.ident.clone())),
        ..TypeScope::default()
    };
    if let Some(g) = item.generics.params.first() {
        errors.push(syn::Error::new(
            g.span(),
            "generic `#[jitclass]` structs are not supported: the payload layout must be known when the class is defined\nhelp: write one class per field type, or use a generic `#[jit] fn` over several classes",
        ));
    }
    let named = match &item.fields {
        syn::Fields::Named(n) => n.named.iter().collect::<Vec<_>>(),
        syn::Fields::Unit => Vec::new(),
        syn::Fields::Unnamed(u) => {
            errors.push(syn::Error::new(
                u.span(),
                "`#[jitclass]` structs need named fields (`struct V { x: f64 }`)",
            ));
            Vec::new()
        }
    };
    let mut fields = Vec::new();
    for f in named {
        let name = f.ident.as_ref().expect("named field").to_string();
        match lower_type(&f.ty, &mut scope, TypePos::Field) {
            Ok(TypeExpr::Slice { .. }) => errors.push(syn::Error::new(
                f.ty.span(),
                "slices cannot be fields of a `#[jitclass]`",
            )),
            Ok(ty) => fields.push(FieldIr { name, ty }),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LoweredClass {
        ir: ClassIr {
            name: item.ident.to_string(),
            fields,
            classes: scope.classes,
            opaques: scope.opaques,
        },
        class_paths: scope.class_paths,
        opaque_types: scope.opaque_types,
    })
}

#[derive(Default)]
struct Lowerer {
    exprs: Vec<Expr>,
    locals: Vec<LocalDecl>,
    refs: Vec<ItemRef>,
    ref_paths: Vec<syn::Path>,
    spans: Vec<Span>,
    scopes: Vec<Vec<(String, LocalId)>>,
    loops: Vec<LoopFrame>,
    /// `if let None = ..` expressions, whose `then` code sits in the `else` slot.
    none_first: Vec<ExprId>,
    scope: TypeScope,
    assoc_paths: Vec<syn::Path>,
    literals: Vec<(syn::Path, Vec<syn::Ident>)>,
    uses_classes: bool,
    /// How many `unsafe` blocks enclose the expression being lowered.
    unsafe_depth: usize,
    objmodes: Vec<ObjModeBlock>,
    macro_paths: Vec<syn::Path>,
    errors: Vec<syn::Error>,
}

/// The loop frame of a `while` condition, where only labeled `break`/`continue` are allowed.
const WHILE_CONDITION: ExprId = ExprId(u32::MAX);

struct LoopFrame {
    label: Option<String>,
    id: ExprId,
}

impl Lowerer {
    fn error(&mut self, span: Span, message: impl std::fmt::Display) {
        self.errors.push(syn::Error::new(span, message));
    }

    fn loc(&mut self, span: Span) -> LocId {
        self.spans.push(span);
        LocId(self.spans.len() as u32 - 1)
    }

    fn push(&mut self, kind: ExprKind, span: Span) -> ExprId {
        let loc = self.loc(span);
        self.exprs.push(Expr { kind, loc });
        ExprId(self.exprs.len() as u32 - 1)
    }

    /// A placeholder after an error, so that lowering can go on.
    fn invalid(&mut self, span: Span, message: impl std::fmt::Display) -> ExprId {
        self.error(span, message);
        self.push(ExprKind::Lit(Lit::Unit), span)
    }

    fn declare(&mut self, name: &str, mutable: bool, loc: LocId) -> LocalId {
        self.locals.push(LocalDecl {
            name: name.to_string(),
            mutable,
            loc,
        });
        let id = LocalId(self.locals.len() as u32 - 1);
        self.scopes
            .last_mut()
            .expect("a scope is open")
            .push((name.to_string(), id));
        id
    }

    fn lookup(&self, name: &str) -> Option<LocalId> {
        self.scopes
            .iter()
            .rev()
            .flat_map(|s| s.iter().rev())
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
    }

    /// Declares the names an unsupported pattern binds, after its error, so that their uses
    /// are not reported again as unknown values.
    fn declare_names_of(&mut self, pat: &syn::Pat) {
        struct Names(Vec<(String, bool, Span)>);
        impl<'ast> syn::visit::Visit<'ast> for Names {
            fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
                self.0
                    .push((p.ident.to_string(), p.mutability.is_some(), p.ident.span()));
                syn::visit::visit_pat_ident(self, p);
            }
        }
        let mut names = Names(Vec::new());
        syn::visit::Visit::visit_pat(&mut names, pat);
        for (name, mutable, span) in names.0 {
            let loc = self.loc(span);
            self.declare(&name, mutable, loc);
        }
    }

    fn check_signature(&mut self, sig: &syn::Signature, is_method: bool) {
        if let Some(c) = &sig.constness {
            self.error(c.span, "jit functions cannot be `const`");
        }
        if let Some(a) = &sig.asyncness {
            self.error(a.span, "jit functions cannot be `async`");
        }
        if let Some(u) = &sig.unsafety {
            self.error(
                u.span,
                "jit functions cannot be `unsafe`: jit code is always memory safe",
            );
        }
        if let Some(abi) = &sig.abi {
            let name = abi.name.as_ref().map(|n| n.value());
            if is_method {
                self.error(
                    abi.span(),
                    "jitclass methods cannot be `extern`; write an `extern \"C\"` `#[jit] fn` that calls the method",
                );
            } else if !matches!(name.as_deref(), None | Some("C")) {
                self.error(
                    abi.span(),
                    format!(
                        "jit functions can only be `extern \"C\"`, not `extern \"{}\"`",
                        name.unwrap_or_default()
                    ),
                );
            } else if let Some(g) = sig.generics.params.first() {
                self.error(
                    g.span(),
                    "an `extern \"C\"` jit fn cannot be generic: C calls one fixed signature",
                );
            }
        }
        if let Some(v) = &sig.variadic {
            self.error(v.span(), "variadic jit functions are not supported");
        }
        for param in &sig.generics.params {
            match param {
                syn::GenericParam::Const(c) => {
                    self.error(
                        c.span(),
                        "const generics are not supported in jit functions",
                    );
                }
                syn::GenericParam::Type(t) if PrimTy::from_name(&t.ident.to_string()).is_some() => {
                    self.error(
                        t.ident.span(),
                        format!(
                            "a generic parameter cannot be named `{}`: in jit code that name is the primitive type",
                            t.ident
                        ),
                    );
                }
                _ => {}
            }
        }
    }

    // ---- statements and blocks ------------------------------------------------------

    fn block_expr(&mut self, block: &syn::Block) -> ExprId {
        let b = self.block(block);
        self.push(ExprKind::Block(b), block.brace_token.span.join())
    }

    fn block(&mut self, block: &syn::Block) -> Block {
        self.scopes.push(Vec::new());
        let mut stmts = Vec::new();
        let mut tail = None;
        let n = block.stmts.len();
        for (i, stmt) in block.stmts.iter().enumerate() {
            let last = i + 1 == n;
            match stmt {
                syn::Stmt::Local(local) => stmts.push(self.let_stmt(local)),
                syn::Stmt::Item(item) => self.error(
                    item.span(),
                    "items (nested fns, structs, uses, ...) are not supported inside jit functions; define them outside",
                ),
                syn::Stmt::Expr(e, semi) => {
                    let id = self.expr(e);
                    if last && semi.is_none() {
                        tail = Some(id);
                    } else {
                        stmts.push(Stmt::Expr(id));
                    }
                }
                syn::Stmt::Macro(m) => {
                    let id = self.macro_call(&m.mac);
                    if last && m.semi_token.is_none() {
                        tail = Some(id);
                    } else {
                        stmts.push(Stmt::Expr(id));
                    }
                }
            }
        }
        self.scopes.pop();
        Block { stmts, tail }
    }

    fn let_stmt(&mut self, local: &syn::Local) -> Stmt {
        let loc = self.loc(local.span());
        let (pat, ty) = match &local.pat {
            syn::Pat::Type(pt) => {
                let ty = match lower_type(&pt.ty, &mut self.scope, TypePos::Other) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        self.errors.push(e);
                        None
                    }
                };
                (&*pt.pat, ty)
            }
            p => (p, None),
        };
        let init = match &local.init {
            Some(init) => {
                if let Some((_, els)) = &init.diverge {
                    self.error(els.span(), "`let ... else` is not supported in jit code");
                }
                Some(self.expr(&init.expr))
            }
            None => None,
        };
        // The pattern's names come into scope after the initialiser: `let x = x + 1`.
        let pattern = self.pattern(pat);
        Stmt::Let {
            pattern,
            ty,
            init,
            loc,
        }
    }

    fn pattern(&mut self, pat: &syn::Pat) -> Pattern {
        match pat {
            syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                let loc = self.loc(pi.ident.span());
                Pattern::Bind(self.declare(&pi.ident.to_string(), pi.mutability.is_some(), loc))
            }
            syn::Pat::Wild(_) => Pattern::Wild,
            syn::Pat::Tuple(t) => Pattern::Tuple(t.elems.iter().map(|p| self.pattern(p)).collect()),
            syn::Pat::Paren(p) => self.pattern(&p.pat),
            other => {
                self.error(
                    other.span(),
                    "unsupported pattern in jit code; use a name, `_`, or a tuple of these",
                );
                Pattern::Wild
            }
        }
    }

    // ---- expressions ----------------------------------------------------------------

    fn expr(&mut self, e: &syn::Expr) -> ExprId {
        crate::stack::deep(|| self.expr_unguarded(e))
    }

    fn expr_unguarded(&mut self, e: &syn::Expr) -> ExprId {
        let span = span::of(e);
        match e {
            syn::Expr::Lit(l) => self.lit(&l.lit, false),
            syn::Expr::Paren(p) => self.expr(&p.expr),
            syn::Expr::Group(g) => self.expr(&g.expr),
            syn::Expr::Path(p) => self.path_expr(p),
            syn::Expr::Unary(u) => self.unary(u),
            syn::Expr::Binary(b) => self.binary(b),
            syn::Expr::Assign(a) => {
                let place = self.expr(&a.left);
                let value = self.expr(&a.right);
                self.push(ExprKind::Assign(place, value), a.eq_token.span)
            }
            syn::Expr::Cast(c) => {
                let inner = self.expr(&c.expr);
                match lower_type(&c.ty, &mut self.scope, TypePos::Other) {
                    Ok(TypeExpr::Prim(p)) => {
                        self.push(ExprKind::Cast(inner, TypeExpr::Prim(p)), span)
                    }
                    Ok(t @ TypeExpr::Generic(_)) => self.push(ExprKind::Cast(inner, t), span),
                    Ok(TypeExpr::Infer) => self.push(ExprKind::Cast(inner, TypeExpr::Infer), span),
                    Ok(t @ TypeExpr::Ptr { .. }) => self.push(ExprKind::Cast(inner, t), span),
                    // `f as extern "C" fn(f64) -> f64`: a function named as a value, to its
                    // pointer type (what Rust writes to pass one to a generic parameter).
                    Ok(t @ TypeExpr::FnPtr { .. }) => self.push(ExprKind::Cast(inner, t), span),
                    Ok(_) => self.invalid(
                        c.ty.span(),
                        "`as` casts convert between primitive types only (numbers and `bool`)",
                    ),
                    Err(err) => {
                        self.errors.push(err);
                        inner
                    }
                }
            }
            syn::Expr::Block(b) => {
                if let Some(label) = &b.label {
                    return self
                        .invalid(label.span(), "labeled blocks are not supported in jit code");
                }
                self.block_expr(&b.block)
            }
            syn::Expr::Unsafe(u) => {
                // Only the memory-control functions (`unsafe_cast`, ...) need one.
                self.unsafe_depth += 1;
                let block = self.block_expr(&u.block);
                self.unsafe_depth -= 1;
                block
            }
            syn::Expr::If(i) => self.if_expr(i),
            syn::Expr::While(w) => self.while_expr(w),
            syn::Expr::Loop(l) => {
                let id = self.push(ExprKind::Lit(Lit::Unit), span);
                self.loops.push(LoopFrame {
                    label: label_name(&l.label),
                    id,
                });
                let body = self.block_expr(&l.body);
                self.loops.pop();
                self.exprs[id.index()].kind = ExprKind::Loop { body };
                id
            }
            syn::Expr::ForLoop(f) => self.for_expr(f),
            syn::Expr::Break(b) => {
                let value = b.expr.as_ref().map(|v| self.expr(v));
                match self.loop_target(&b.label, span, "break") {
                    Some(target) => self.push(ExprKind::Break { target, value }, span),
                    None => self.push(ExprKind::Lit(Lit::Unit), span),
                }
            }
            syn::Expr::Continue(c) => match self.loop_target(&c.label, span, "continue") {
                Some(target) => self.push(ExprKind::Continue { target }, span),
                None => self.push(ExprKind::Lit(Lit::Unit), span),
            },
            syn::Expr::Return(r) => {
                let value = r.expr.as_ref().map(|v| self.expr(v));
                self.push(ExprKind::Return(value), span)
            }
            syn::Expr::Tuple(t) => {
                if t.elems.is_empty() {
                    return self.push(ExprKind::Lit(Lit::Unit), span);
                }
                let elems = t.elems.iter().map(|e| self.expr(e)).collect();
                self.push(ExprKind::Tuple(elems), span)
            }
            syn::Expr::Field(f) => {
                let base = self.expr(&f.base);
                match &f.member {
                    syn::Member::Unnamed(index) => {
                        self.push(ExprKind::TupleField(base, index.index), index.span)
                    }
                    syn::Member::Named(name) => {
                        self.uses_classes = true;
                        self.push(ExprKind::Field(base, name.to_string()), name.span())
                    }
                }
            }
            syn::Expr::Index(i) => {
                let base = self.expr(&i.expr);
                if let syn::Expr::Range(r) = &*i.index {
                    return self.invalid(
                        r.span(),
                        "sub-slicing (`xs[a..b]`) is not supported in jit code",
                    );
                }
                let index = self.expr(&i.index);
                self.push(ExprKind::Index(base, index), span)
            }
            syn::Expr::Call(c) => self.call(c),
            syn::Expr::MethodCall(m) => {
                if let Some(turbofish) = &m.turbofish {
                    self.error(
                        turbofish.span(),
                        "turbofish `::<..>` on methods is not supported in jit code",
                    );
                }
                let receiver = self.expr(&m.receiver);
                let args = m.args.iter().map(|a| self.expr(a)).collect();
                self.push(
                    ExprKind::MethodCall {
                        receiver,
                        method: m.method.to_string(),
                        args,
                    },
                    m.method.span(),
                )
            }
            syn::Expr::Macro(m) => self.macro_call(&m.mac),
            syn::Expr::Closure(c) => self.invalid(
                c.or1_token.span,
                "closures are not supported in jit code; write a separate `#[jit] fn`",
            ),
            syn::Expr::Reference(r) => self.reference(r),
            syn::Expr::Array(a) => self.invalid(
                a.bracket_token.span.join(),
                "array literals are not supported in jit code; pass a slice `&[T]` as a parameter",
            ),
            syn::Expr::Repeat(r) => self.invalid(
                r.bracket_token.span.join(),
                "array literals are not supported in jit code; pass a slice `&[T]` as a parameter",
            ),
            syn::Expr::Struct(s) => self.struct_lit(s),
            syn::Expr::Match(m) => self.match_expr(m),
            syn::Expr::Let(l) => self.invalid(
                l.let_token.span,
                "`let` patterns are supported as the whole condition of `if let` / `while let`",
            ),
            syn::Expr::Range(r) => self.invalid(
                r.span(),
                "ranges are only supported as the iterator of a `for` loop in jit code\nnote: `for i in a..b`, `a..=b`, also with `.rev()` and `.step_by(k)`",
            ),
            syn::Expr::Try(t) => self.invalid(
                t.question_token.span,
                "the `?` operator is not supported in jit code",
            ),
            syn::Expr::Async(a) => {
                self.invalid(a.async_token.span, "`async` is not supported in jit code")
            }
            syn::Expr::Await(a) => {
                self.invalid(a.await_token.span, "`.await` is not supported in jit code")
            }
            _ => self.invalid(span, "unsupported expression in jit code"),
        }
    }

    fn lit(&mut self, lit: &syn::Lit, negate: bool) -> ExprId {
        let span = lit.span();
        let lit = match lit {
            syn::Lit::Int(i) => {
                let suffix = i.suffix();
                let prim = if suffix.is_empty() {
                    None
                } else {
                    PrimTy::from_name(suffix)
                };
                if !suffix.is_empty() && prim.is_none() {
                    return self.invalid(span, format!("unsupported literal suffix `{suffix}`"));
                }
                if let Some(p) = prim.filter(|p| p.is_float()) {
                    match (i.base10_parse::<f64>(), i.base10_parse::<f32>()) {
                        (Ok(v64), Ok(v32)) => {
                            let v = FloatLit::new(v64, v32);
                            Lit::Float(if negate { v.negated() } else { v }, Some(p))
                        }
                        (Err(e), _) | (_, Err(e)) => return self.invalid(span, e),
                    }
                } else if prim == Some(PrimTy::Bool) {
                    return self.invalid(span, "invalid suffix `bool` on an integer literal");
                } else {
                    match i.base10_parse::<u128>() {
                        Ok(v) if v <= i128::MAX as u128 => {
                            let v = v as i128;
                            Lit::Int(if negate { -v } else { v }, prim)
                        }
                        _ => return self.invalid(span, "integer literal is too large"),
                    }
                }
            }
            syn::Lit::Float(f) => {
                let suffix = f.suffix();
                let prim = match suffix {
                    "" => None,
                    "f32" => Some(PrimTy::F32),
                    "f64" => Some(PrimTy::F64),
                    other => {
                        return self.invalid(span, format!("unsupported literal suffix `{other}`"));
                    }
                };
                match (f.base10_parse::<f64>(), f.base10_parse::<f32>()) {
                    (Ok(v64), Ok(v32)) => {
                        let v = FloatLit::new(v64, v32);
                        Lit::Float(if negate { v.negated() } else { v }, prim)
                    }
                    (Err(e), _) | (_, Err(e)) => return self.invalid(span, e),
                }
            }
            syn::Lit::Bool(b) => {
                if negate {
                    return self.invalid(span, "cannot apply unary operator `-` to type `bool`");
                }
                Lit::Bool(b.value)
            }
            syn::Lit::Str(_) | syn::Lit::ByteStr(_) | syn::Lit::CStr(_) => {
                return self.invalid(
                    span,
                    "strings are not supported in jit code (string literals are allowed only as `panic!`/`assert!` messages)",
                );
            }
            syn::Lit::Char(_) | syn::Lit::Byte(_) => {
                return self.invalid(
                    span,
                    "character literals are not supported in jit code; use integers",
                );
            }
            _ => return self.invalid(span, "unsupported literal in jit code"),
        };
        self.push(ExprKind::Lit(lit), span)
    }

    fn path_expr(&mut self, p: &syn::ExprPath) -> ExprId {
        let span = p.span();
        if p.qself.is_none() {
            if p.path.is_ident("None") && self.lookup("None").is_none() {
                return self.push(ExprKind::None, span);
            }
            if let Some(ident) = p.path.get_ident() {
                let name = ident.to_string();
                if let Some(local) = self.lookup(&name) {
                    return self.push(ExprKind::Local(local), span);
                }
                if name == "self" {
                    return self.self_without_receiver(span);
                }
                if !names_function(&p.path) {
                    return self.invalid(
                        span,
                        format!("cannot find value `{name}` in this scope\nnote: jit code can read its parameters and local variables, and constants like `f64::MAX`"),
                    );
                }
            }
            if let Some(lit) = primitive_const(&p.path) {
                return self.push(ExprKind::Lit(lit), span);
            }
            // A function named as a value: rustc resolves the path in the glue, and says
            // so at the token if it is not a `#[jit]` fn.
            if names_function(&p.path) && p.path.segments.iter().all(|s| s.arguments.is_none()) {
                let callee = self.item_ref(&p.path);
                return self.push(ExprKind::FnRef(callee), span);
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

    fn unary(&mut self, u: &syn::ExprUnary) -> ExprId {
        let span = span::of_unary(u);
        match u.op {
            syn::UnOp::Neg(_) => {
                if let syn::Expr::Lit(l) = &*u.expr {
                    return self.lit_with_span(&l.lit, span);
                }
                let inner = self.expr(&u.expr);
                self.push(ExprKind::Unary(UnOp::Neg, inner), span)
            }
            syn::UnOp::Not(_) => {
                let inner = self.expr(&u.expr);
                self.push(ExprKind::Unary(UnOp::Not, inner), span)
            }
            syn::UnOp::Deref(d) => self.invalid(
                d.span,
                "dereferencing (`*x`) is not supported in jit code; to use memory a raw pointer points to, view it as a class: `unsafe { unsafe_cast::<T>(ptr) }`",
            ),
            _ => self.invalid(span, "unsupported unary operator in jit code"),
        }
    }

    /// A negated literal (`-5`), folded so that `-128i8` is in range.
    fn lit_with_span(&mut self, lit: &syn::Lit, span: Span) -> ExprId {
        let id = self.lit(lit, true);
        let loc = self.loc(span);
        self.exprs[id.index()].loc = loc;
        id
    }

    fn binary(&mut self, b: &syn::ExprBinary) -> ExprId {
        use syn::BinOp as B;
        let lhs = self.expr(&b.left);
        let rhs = self.expr(&b.right);
        let span = b.op.span();
        let (op, compound) = match b.op {
            B::Add(_) => (BinOp::Add, false),
            B::Sub(_) => (BinOp::Sub, false),
            B::Mul(_) => (BinOp::Mul, false),
            B::Div(_) => (BinOp::Div, false),
            B::Rem(_) => (BinOp::Rem, false),
            B::And(_) => (BinOp::And, false),
            B::Or(_) => (BinOp::Or, false),
            B::BitXor(_) => (BinOp::BitXor, false),
            B::BitAnd(_) => (BinOp::BitAnd, false),
            B::BitOr(_) => (BinOp::BitOr, false),
            B::Shl(_) => (BinOp::Shl, false),
            B::Shr(_) => (BinOp::Shr, false),
            B::Eq(_) => (BinOp::Eq, false),
            B::Lt(_) => (BinOp::Lt, false),
            B::Le(_) => (BinOp::Le, false),
            B::Ne(_) => (BinOp::Ne, false),
            B::Ge(_) => (BinOp::Ge, false),
            B::Gt(_) => (BinOp::Gt, false),
            B::AddAssign(_) => (BinOp::Add, true),
            B::SubAssign(_) => (BinOp::Sub, true),
            B::MulAssign(_) => (BinOp::Mul, true),
            B::DivAssign(_) => (BinOp::Div, true),
            B::RemAssign(_) => (BinOp::Rem, true),
            B::BitXorAssign(_) => (BinOp::BitXor, true),
            B::BitAndAssign(_) => (BinOp::BitAnd, true),
            B::BitOrAssign(_) => (BinOp::BitOr, true),
            B::ShlAssign(_) => (BinOp::Shl, true),
            B::ShrAssign(_) => (BinOp::Shr, true),
            _ => return self.invalid(span, "unsupported binary operator in jit code"),
        };
        if compound {
            self.push(ExprKind::CompoundAssign(op, lhs, rhs), span)
        } else {
            self.push(ExprKind::Binary(op, lhs, rhs), span)
        }
    }

    fn if_expr(&mut self, i: &syn::ExprIf) -> ExprId {
        if let syn::Expr::Let(l) = strip_parens(&i.cond) {
            let scrutinee = self.expr(&l.expr);
            let then_block = &i.then_branch;
            let then = |cx: &mut Self| cx.block_expr(then_block);
            let else_branch = i.else_branch.as_ref().map(|(_, e)| &**e);
            return self.if_let(&l.pat, scrutinee, then, else_branch, i.if_token.span);
        }
        let cond = self.expr(&i.cond);
        self.scopes.push(Vec::new());
        if let syn::Expr::Let(l) = strip_parens(&i.cond) {
            self.declare_names_of(&l.pat);
        }
        let then_branch = self.block_expr(&i.then_branch);
        self.scopes.pop();
        let else_branch = i.else_branch.as_ref().map(|(_, e)| self.expr(e));
        self.push(
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            },
            i.if_token.span,
        )
    }

    fn while_expr(&mut self, w: &syn::ExprWhile) -> ExprId {
        if let syn::Expr::Let(l) = strip_parens(&w.cond) {
            return self.while_let(w, l);
        }
        let id = self.push(ExprKind::Lit(Lit::Unit), w.while_token.span);
        // Rust refuses an unlabeled `break`/`continue` in the condition (E0590) rather than
        // letting it leave an enclosing loop; a frame without an id stands for that rule.
        self.loops.push(LoopFrame {
            label: None,
            id: WHILE_CONDITION,
        });
        let cond = self.expr(&w.cond);
        self.loops.pop();
        self.loops.push(LoopFrame {
            label: label_name(&w.label),
            id,
        });
        self.scopes.push(Vec::new());
        if let syn::Expr::Let(l) = strip_parens(&w.cond) {
            self.declare_names_of(&l.pat);
        }
        let body = self.block_expr(&w.body);
        self.scopes.pop();
        self.loops.pop();
        self.exprs[id.index()].kind = ExprKind::While { cond, body };
        id
    }

    /// `while let P = e { body }` as `loop { if let P = e { body } else { break } }`.
    fn while_let(&mut self, w: &syn::ExprWhile, l: &syn::ExprLet) -> ExprId {
        let span = w.while_token.span;
        let id = self.push(ExprKind::Lit(Lit::Unit), span);
        self.loops.push(LoopFrame {
            label: label_name(&w.label),
            id,
        });
        let scrutinee = self.expr(&l.expr);
        let body_block = &w.body;
        let then = |cx: &mut Self| cx.block_expr(body_block);
        let exit = self.push(
            ExprKind::Break {
                target: id,
                value: None,
            },
            span,
        );
        let stop = self.push(
            ExprKind::Block(Block {
                stmts: vec![Stmt::Expr(exit)],
                tail: None,
            }),
            span,
        );
        let body = self.if_let_inner(&l.pat, scrutinee, then, span);
        self.set_else(body, stop);
        self.loops.pop();
        let body = self.push(
            ExprKind::Block(Block {
                stmts: vec![Stmt::Expr(body)],
                tail: None,
            }),
            span,
        );
        self.exprs[id.index()].kind = ExprKind::Loop { body };
        id
    }

    /// `if let P = scrutinee { then } else { .. }` for the patterns `Some(p)` and `None`.
    fn if_let(
        &mut self,
        pat: &syn::Pat,
        scrutinee: ExprId,
        then: impl FnOnce(&mut Self) -> ExprId,
        else_branch: Option<&syn::Expr>,
        span: Span,
    ) -> ExprId {
        let id = self.if_let_inner(pat, scrutinee, then, span);
        // The `else` is outside the pattern's scope.
        if let Some(e) = else_branch {
            let else_id = self.expr(e);
            self.set_else(id, else_id);
        }
        id
    }

    /// Builds the `IfLetSome` without its `else`; `None` patterns swap the branches later.
    fn if_let_inner(
        &mut self,
        pat: &syn::Pat,
        scrutinee: ExprId,
        then: impl FnOnce(&mut Self) -> ExprId,
        span: Span,
    ) -> ExprId {
        match option_pattern(pat) {
            Ok(OptionPat::Some(inner)) => {
                self.scopes.push(Vec::new());
                let pattern = self.pattern(inner);
                let then_branch = then(self);
                self.scopes.pop();
                self.push(
                    ExprKind::IfLetSome {
                        pattern,
                        scrutinee,
                        then_branch,
                        else_branch: None,
                    },
                    span,
                )
            }
            Ok(OptionPat::None) => {
                // `if let None = x { a } else { b }` is `if let Some(_) = x { b } else { a }`;
                // the `then` code is kept in the `else` slot until `set_else` swaps it in.
                let then_branch = then(self);
                let unit = self.push(
                    ExprKind::Block(Block {
                        stmts: vec![],
                        tail: None,
                    }),
                    span,
                );
                let id = self.push(
                    ExprKind::IfLetSome {
                        pattern: Pattern::Wild,
                        scrutinee,
                        then_branch: unit,
                        else_branch: Some(then_branch),
                    },
                    span,
                );
                self.none_first.push(id);
                id
            }
            Err(message) => {
                self.error(pat.span(), message);
                self.scopes.push(Vec::new());
                self.declare_names_of(pat);
                let _ = then(self);
                self.scopes.pop();
                self.push(ExprKind::Lit(Lit::Unit), span)
            }
        }
    }

    /// Attaches the `else` code of an `if let` built by `if_let_inner`.
    fn set_else(&mut self, id: ExprId, else_id: ExprId) {
        let none_first = self.none_first.contains(&id);
        if let ExprKind::IfLetSome {
            then_branch,
            else_branch,
            ..
        } = &mut self.exprs[id.index()].kind
        {
            if none_first {
                *then_branch = else_id;
            } else {
                *else_branch = Some(else_id);
            }
        }
    }

    /// `match e { Some(p) => a, None => b }` (arms in either order, `_` for either).
    fn match_expr(&mut self, m: &syn::ExprMatch) -> ExprId {
        let span = m.match_token.span;
        let scrutinee = self.expr(&m.expr);
        for arm in &m.arms {
            if let Some((if_token, _)) = &arm.guard {
                return self.invalid(
                    if_token.span,
                    "match guards are not supported in jit code; use `if` inside the arm",
                );
            }
        }
        let some_arm = m
            .arms
            .iter()
            .position(|a| matches!(option_pattern(&a.pat), Ok(OptionPat::Some(_))));
        let other_arm = m.arms.iter().position(|a| {
            matches!(option_pattern(&a.pat), Ok(OptionPat::None))
                || matches!(a.pat, syn::Pat::Wild(_))
        });
        let (Some(some_i), Some(other_i), 2) = (some_arm, other_arm, m.arms.len()) else {
            return self.invalid(
                span,
                "`match` in jit code works on `Option` with two arms: `Some(..) => ..` and `None => ..` (or `_ => ..`)",
            );
        };
        let some_body = &m.arms[some_i].body;
        let then = |cx: &mut Self| cx.expr(some_body);
        let id = self.if_let_inner(&m.arms[some_i].pat, scrutinee, then, span);
        let other = self.expr(&m.arms[other_i].body);
        self.set_else(id, other);
        id
    }

    fn for_expr(&mut self, f: &syn::ExprForLoop) -> ExprId {
        let id = self.push(ExprKind::Lit(Lit::Unit), f.for_token.span);
        match ranges::range_iter(&f.expr) {
            Some(Ok(range)) => self.for_range(f, id, range),
            Some(Err(e)) => {
                self.errors.push(e);
                id
            }
            None => {
                // A tuple or a slice: its elements, in order, by value (jit code has no
                // references), which a copy of the body compiled by rustc would not be.
                self.uses_classes = true;
                let iterable = self.expr(strip_parens(&f.expr));
                let (var, body) = self.for_variable_and_body(f, id);
                self.exprs[id.index()].kind = ExprKind::ForEach {
                    var,
                    iterable,
                    body,
                };
                id
            }
        }
    }

    /// The loop variable, in a scope of its own, and the body of the `for` loop `id`.
    fn for_variable_and_body(&mut self, f: &syn::ExprForLoop, id: ExprId) -> (LocalId, ExprId) {
        self.scopes.push(Vec::new());
        let var = self.for_variable(&f.pat);
        self.loops.push(LoopFrame {
            label: label_name(&f.label),
            id,
        });
        let body = self.block_expr(&f.body);
        self.loops.pop();
        self.scopes.pop();
        (var, body)
    }

    fn for_variable(&mut self, pat: &syn::Pat) -> LocalId {
        match pat {
            syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                let loc = self.loc(pi.ident.span());
                self.declare(&pi.ident.to_string(), pi.mutability.is_some(), loc)
            }
            syn::Pat::Wild(w) => {
                let loc = self.loc(w.span());
                self.declare("_", false, loc)
            }
            other => {
                self.error(
                    other.span(),
                    "the `for` loop variable must be a name or `_`",
                );
                let loc = self.loc(other.span());
                self.declare("_", false, loc)
            }
        }
    }

    fn loop_target(
        &mut self,
        label: &Option<syn::Lifetime>,
        span: Span,
        what: &str,
    ) -> Option<ExprId> {
        match label {
            None => match self.loops.last() {
                Some(frame) if frame.id == WHILE_CONDITION => {
                    self.error(
                        span,
                        format!("`{what}` with no label in the condition of a `while` loop\nhelp: label the loop it should leave: `'outer: loop {{ .. break 'outer .. }}`"),
                    );
                    None
                }
                Some(frame) => Some(frame.id),
                None => {
                    self.error(span, format!("`{what}` outside of a loop"));
                    None
                }
            },
            Some(l) => {
                let name = l.ident.to_string();
                match self
                    .loops
                    .iter()
                    .rev()
                    .find(|f| f.label.as_deref() == Some(&name))
                {
                    Some(frame) => Some(frame.id),
                    None => {
                        self.error(l.span(), format!("use of undeclared label `'{name}`"));
                        None
                    }
                }
            }
        }
    }

    fn call(&mut self, c: &syn::ExprCall) -> ExprId {
        let span = span::of(&c.func);
        let syn::Expr::Path(fp) = strip_parens(&c.func) else {
            return self.call_indirect(c);
        };
        if fp.qself.is_some() {
            return self.invalid(
                fp.span(),
                "qualified paths `<T as Trait>::f` are not supported in jit code",
            );
        }
        let path = &fp.path;
        if let Some(id) = self.intrinsic(path, c) {
            return id;
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
                let method = path.segments[1].ident.to_string();
                // `{ let recv: f64 = x; recv.sqrt(..) }` pins the receiver to the named type.
                let prim = PrimTy::from_name(&ty_name).expect("checked above");
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
        if path.segments.iter().any(|s| !s.arguments.is_none()) {
            return self.invalid(
                path.span(),
                "explicit generic arguments (`f::<T>(..)`) are not supported in jit code; they are inferred from the arguments",
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
        let args: Vec<ExprId> = c.args.iter().map(|a| self.expr(a)).collect();
        let callee = self.item_ref(path);
        self.push(ExprKind::Call { callee, args }, span)
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
        let ty_expr = match lower_type(ty, &mut self.scope, TypePos::Other) {
            Ok(t) => t,
            Err(e) => {
                self.errors.push(e);
                return Some(self.push(ExprKind::Lit(Lit::Unit), span));
            }
        };
        if matches!(ty_expr, TypeExpr::Class(_)) {
            self.uses_classes = true;
        }
        // rustc resolves the name as written (so it must be imported, as in Rust) and
        // checks the type argument against the Rust function's bounds; the check is an
        // item of its own, where `Self` must be spelled out.
        let mut checked = path.clone();
        if let Some(self_path) = &self.scope.self_path
            && let Some(syn::PathArguments::AngleBracketed(args)) =
                checked.segments.last_mut().map(|s| &mut s.arguments)
        {
            for arg in &mut args.args {
                if let syn::GenericArgument::Type(t) = arg {
                    replace_self(t, self_path);
                }
            }
        }
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
        self.uses_classes = true;
        let mut owner = path.clone();
        let last = owner.segments.pop().expect("two segments").into_value();
        // `Foo::` keeps its trailing `::`; a path must not end with one.
        owner.segments.pop_punct();
        let class = match self.scope.class_ref(&owner) {
            Ok(c) => c,
            Err(e) => {
                self.errors.push(e);
                return self.push(ExprKind::Lit(Lit::Unit), c.span());
            }
        };
        // For rustc to check that the function exists, with `Self` spelled out.
        let mut checked = self.scope.class_paths[class.index()].clone();
        checked.segments.push(last.clone());
        self.assoc_paths.push(checked);
        let args = c.args.iter().map(|a| self.expr(a)).collect();
        self.push(
            ExprKind::AssocCall {
                class,
                name: last.ident.to_string(),
                args,
            },
            c.span(),
        )
    }

    /// `&self.field` in `Index::index`, `&mut self.field` in `IndexMut::index_mut`: the
    /// only references jit code makes, to places that live as long as `self`.
    fn reference(&mut self, r: &syn::ExprReference) -> ExprId {
        let span = r.and_token.span;
        let mutable = r.mutability.is_some();
        let Some(expected) = self.scope.ref_return else {
            return self.invalid(
                r.and_token.span,
                "borrowing (`&x`) is not supported in jit code; values are copied, and slices arrive as parameters",
            );
        };
        if mutable != expected {
            let want = if expected {
                "&mut self.field"
            } else {
                "&self.field"
            };
            return self.invalid(span, format!("this function returns `{want}`"));
        }
        let mut root = strip_parens(&r.expr);
        let mut fields = 0;
        loop {
            match root {
                syn::Expr::Field(f) => {
                    root = strip_parens(&f.base);
                    fields += 1;
                }
                syn::Expr::Path(p) if p.path.is_ident("self") && fields > 0 => break,
                _ => {
                    return self.invalid(
                        r.expr.span(),
                        "`index` and `index_mut` return a field of `self` (`&self.field`, `&mut self.field`), which lives as long as the instance",
                    );
                }
            }
        }
        let place = self.expr(&r.expr);
        self.push(ExprKind::AddrOf { place, mutable }, span)
    }

    /// `Class { field: value, .. }`.
    fn struct_lit(&mut self, s: &syn::ExprStruct) -> ExprId {
        self.uses_classes = true;
        let span = match &s.qself {
            Some(q) => q.lt_token.span,
            None => span::path(&s.path),
        };
        if s.qself.is_some() {
            return self.invalid(span, "qualified paths are not supported in struct literals");
        }
        if let Some(dots) = &s.dot2_token {
            self.error(
                dots.span(),
                "struct update syntax (`..base`) is not supported in jit code; write every field",
            );
        }
        let class = match self.scope.class_ref(&s.path) {
            Ok(c) => c,
            Err(e) => {
                self.errors.push(e);
                return self.push(ExprKind::Lit(Lit::Unit), span);
            }
        };
        let mut fields = Vec::new();
        let mut names = Vec::new();
        for fv in &s.fields {
            let value = self.expr(&fv.expr);
            match &fv.member {
                syn::Member::Named(name) => {
                    // The value's location is the field name, where errors about it point.
                    let loc = self.loc(name.span());
                    let value = if fv.colon_token.is_none() {
                        self.exprs[value.index()].loc = loc;
                        value
                    } else {
                        value
                    };
                    fields.push((name.to_string(), value));
                    names.push(name.clone());
                }
                syn::Member::Unnamed(i) => {
                    self.error(i.span, "`#[jitclass]` structs have named fields");
                }
            }
        }
        // The class's path (`Self` spelled out), at the literal's path token, where rustc
        // reports the literal's missing fields.
        let mut checked = self.scope.class_paths[class.index()].clone();
        let at = s.path.span();
        for segment in &mut checked.segments {
            segment.ident.set_span(at);
        }
        self.literals.push((checked, names));
        self.push(ExprKind::StructLit { class, fields }, s.path.span())
    }

    // ---- macros ---------------------------------------------------------------------

    fn macro_call(&mut self, mac: &syn::Macro) -> ExprId {
        let span = mac.span();
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if name == "objmode" {
            self.macro_paths.push(mac.path.clone());
            return self.objmode(mac);
        }
        let args = match mac.parse_body_with(
            syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
        ) {
            Ok(a) => a.into_iter().collect::<Vec<_>>(),
            Err(e) => {
                self.errors.push(e);
                return self.push(ExprKind::Lit(Lit::Unit), span);
            }
        };
        match name.as_str() {
            "panic" => {
                if args.is_empty() {
                    return self.panic_static("explicit panic", span);
                }
                self.panic_fmt(&args[0], &args[1..], span)
            }
            "unreachable" => {
                if args.is_empty() {
                    return self.panic_static("internal error: entered unreachable code", span);
                }
                self.panic_fmt_prefixed("internal error: entered unreachable code: ", &args[0], &args[1..], span)
            }
            "assert" => {
                let Some(cond_expr) = args.first() else {
                    return self.invalid(span, "`assert!` needs a condition");
                };
                let cond = self.expr(cond_expr);
                let fail = if args.len() > 1 {
                    self.panic_fmt(&args[1], &args[2..], span)
                } else {
                    let text = cond_expr.to_token_stream().to_string();
                    self.panic_static(&format!("assertion failed: {text}"), span)
                };
                self.if_not_then(cond, fail, span)
            }
            "assert_eq" | "assert_ne" => self.assert_cmp(&name, &args, span),
            _ => self.invalid(
                mac.path.span(),
                format!("macro `{name}!` is not supported in jit code\nnote: jit code supports `panic!`, `assert!`, `assert_eq!`, `assert_ne!` and `unreachable!`"),
            ),
        }
    }

    /// `objmode!(|a: A, b: B| -> R { rust })`: the inputs are jit locals of these names,
    /// converted to the declared types; the body is Rust that the glue compiles.
    fn objmode(&mut self, mac: &syn::Macro) -> ExprId {
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
        let output_ty = match lower_type(&output, &mut self.scope, TypePos::Other) {
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
            let ty = match lower_type(&pt.ty, &mut self.scope, TypePos::Other) {
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

    fn panic_static(&mut self, message: &str, span: Span) -> ExprId {
        self.push(
            ExprKind::Panic(PanicMessage {
                pieces: vec![message.to_string()],
                args: vec![],
                debug: vec![],
            }),
            span,
        )
    }

    fn panic_fmt(&mut self, fmt: &syn::Expr, args: &[syn::Expr], span: Span) -> ExprId {
        self.panic_fmt_prefixed("", fmt, args, span)
    }

    fn panic_fmt_prefixed(
        &mut self,
        prefix: &str,
        fmt: &syn::Expr,
        args: &[syn::Expr],
        span: Span,
    ) -> ExprId {
        match self.format_message(prefix, fmt, args) {
            Some(msg) => self.push(ExprKind::Panic(msg), span),
            None => self.push(ExprKind::Lit(Lit::Unit), span),
        }
    }

    /// Parses a format string and its arguments; `None` after reporting an error.
    fn format_message(
        &mut self,
        prefix: &str,
        fmt: &syn::Expr,
        args: &[syn::Expr],
    ) -> Option<PanicMessage> {
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) = fmt
        else {
            self.error(fmt.span(), "the panic message must be a string literal");
            return None;
        };
        let (mut pieces, holes) = match format::parse(&s.value()) {
            Ok(parsed) => parsed,
            Err(message) => {
                self.error(s.span(), message);
                return None;
            }
        };
        pieces[0].insert_str(0, prefix);
        let positional: Vec<ExprId> = args.iter().map(|a| self.expr(a)).collect();
        let mut used = vec![false; positional.len()];
        let mut next = 0;
        let mut arg_ids = Vec::new();
        let mut debug = Vec::new();
        for (hole, is_debug) in holes {
            debug.push(is_debug);
            let id = match hole {
                format::Placeholder::Next | format::Placeholder::Index(_) => {
                    let i = match hole {
                        format::Placeholder::Index(i) => i,
                        _ => {
                            next += 1;
                            next - 1
                        }
                    };
                    match positional.get(i) {
                        Some(id) => {
                            used[i] = true;
                            *id
                        }
                        None => {
                            self.error(
                                s.span(),
                                format!(
                                    "the format string refers to argument {i}, but {} argument(s) were given",
                                    positional.len()
                                ),
                            );
                            return None;
                        }
                    }
                }
                format::Placeholder::Named(name) => match self.lookup(&name) {
                    Some(local) => self.push(ExprKind::Local(local), s.span()),
                    None => {
                        self.error(
                            s.span(),
                            format!("cannot find value `{name}` in this scope"),
                        );
                        return None;
                    }
                },
            };
            arg_ids.push(id);
        }
        if let Some(unused) = used.iter().position(|u| !u) {
            self.error(
                args[unused].span(),
                "argument never used in the format string",
            );
            return None;
        }
        Some(PanicMessage {
            pieces,
            args: arg_ids,
            debug,
        })
    }

    /// `if !cond { fail }`.
    fn if_not_then(&mut self, cond: ExprId, fail: ExprId, span: Span) -> ExprId {
        let not = self.push(ExprKind::Unary(UnOp::Not, cond), span);
        let then_branch = self.push(
            ExprKind::Block(Block {
                stmts: vec![Stmt::Expr(fail)],
                tail: None,
            }),
            span,
        );
        self.push(
            ExprKind::If {
                cond: not,
                then_branch,
                else_branch: None,
            },
            span,
        )
    }

    /// `assert_eq!(a, b)` as `{ let l = a; let r = b; if !(l == r) { panic!(..) } }`.
    fn assert_cmp(&mut self, name: &str, args: &[syn::Expr], span: Span) -> ExprId {
        if args.len() < 2 {
            return self.invalid(span, format!("`{name}!` needs two values to compare"));
        }
        let left = self.expr(&args[0]);
        let right = self.expr(&args[1]);
        self.scopes.push(Vec::new());
        let loc = self.loc(span);
        let l = self.declare(" left", false, loc);
        let r = self.declare(" right", false, loc);
        let (op, sym) = if name == "assert_eq" {
            (BinOp::Eq, "==")
        } else {
            (BinOp::Ne, "!=")
        };
        let lv = self.push(ExprKind::Local(l), span);
        let rv = self.push(ExprKind::Local(r), span);
        let cmp = self.push(ExprKind::Binary(op, lv, rv), span);
        let head = format!("assertion `left {sym} right` failed");
        let (mut pieces_tail, mut extra_args, mut extra_debug) =
            (vec![head.clone()], Vec::new(), Vec::new());
        if args.len() > 2
            && let Some(m) = self.format_message(&format!("{head}: "), &args[2], &args[3..])
        {
            pieces_tail = m.pieces;
            extra_args = m.args;
            extra_debug = m.debug;
        }
        let last = pieces_tail.pop().expect("at least one piece");
        pieces_tail.push(format!("{last}\n  left: "));
        pieces_tail.push("\n right: ".to_string());
        pieces_tail.push(String::new());
        let lv2 = self.push(ExprKind::Local(l), span);
        let rv2 = self.push(ExprKind::Local(r), span);
        extra_args.push(lv2);
        extra_args.push(rv2);
        extra_debug.extend([true, true]);
        let fail = self.push(
            ExprKind::Panic(PanicMessage {
                pieces: pieces_tail,
                args: extra_args,
                debug: extra_debug,
            }),
            span,
        );
        let check = self.if_not_then(cmp, fail, span);
        self.scopes.pop();
        let block = Block {
            stmts: vec![
                Stmt::Let {
                    pattern: Pattern::Bind(l),
                    ty: None,
                    init: Some(left),
                    loc,
                },
                Stmt::Let {
                    pattern: Pattern::Bind(r),
                    ty: None,
                    init: Some(right),
                    loc,
                },
                Stmt::Expr(check),
            ],
            tail: None,
        };
        self.push(ExprKind::Block(block), span)
    }
}

enum OptionPat<'a> {
    Some(&'a syn::Pat),
    None,
}

/// Classifies an `Option` pattern; the error says what is supported.
fn option_pattern(pat: &syn::Pat) -> Result<OptionPat<'_>, &'static str> {
    const MESSAGE: &str = "jit code matches `Option` values with `Some(pattern)` and `None`";
    match pat {
        syn::Pat::TupleStruct(ts) if ts.qself.is_none() && ts.path.is_ident("Some") => {
            if ts.elems.len() == 1 {
                Ok(OptionPat::Some(&ts.elems[0]))
            } else {
                Err("`Some(..)` holds exactly one value")
            }
        }
        syn::Pat::Ident(pi) if pi.ident == "None" && pi.subpat.is_none() => Ok(OptionPat::None),
        syn::Pat::Path(pp) if pp.qself.is_none() && pp.path.is_ident("None") => Ok(OptionPat::None),
        syn::Pat::Paren(p) => option_pattern(&p.pat),
        _ => Err(MESSAGE),
    }
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

/// Whether a value of this type crosses a C call as itself: what `extern "C"` jit fns take
/// and return.
/// Whether a path not naming a local can name a function: Rust's naming convention
/// (`snake_case` functions, `UPPER_CASE` constants) tells a function from a constant.
fn names_function(path: &syn::Path) -> bool {
    path.segments.last().is_some_and(|s| {
        s.ident
            .to_string()
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
    })
}

pub(crate) fn is_c_scalar(ty: &TypeExpr) -> bool {
    matches!(
        ty,
        TypeExpr::Prim(_) | TypeExpr::Ptr { .. } | TypeExpr::FnPtr { .. }
    )
}

/// The most inputs an `objmode!` block takes (the runtime's `Tuple1`..`Tuple8`).
const MAX_OBJMODE_INPUTS: usize = 8;

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

/// `Self` in a written type, spelled as the type it stands for.
pub(crate) fn replace_self(ty: &mut syn::Type, self_path: &syn::Path) {
    struct Replace<'a>(&'a syn::Path);
    impl syn::visit_mut::VisitMut for Replace<'_> {
        fn visit_type_path_mut(&mut self, tp: &mut syn::TypePath) {
            if tp.qself.is_none() && tp.path.is_ident("Self") {
                tp.path = self.0.clone();
                return;
            }
            syn::visit_mut::visit_type_path_mut(self, tp);
        }
    }
    syn::visit_mut::VisitMut::visit_type_mut(&mut Replace(self_path), ty);
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

fn label_name(label: &Option<syn::Label>) -> Option<String> {
    label.as_ref().map(|l| l.name.ident.to_string())
}

fn strip_parens(e: &syn::Expr) -> &syn::Expr {
    match e {
        syn::Expr::Paren(p) => strip_parens(&p.expr),
        syn::Expr::Group(g) => strip_parens(&g.expr),
        e => e,
    }
}

/// `f64::MAX`, `i32::MIN`, `std::f64::consts::PI`, ... as literals.
fn primitive_const(path: &syn::Path) -> Option<Lit> {
    let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    let (ty, name) = match segs.as_slice() {
        [ty, name] => (*ty, *name),
        ["std" | "core", ty, name] => (*ty, *name),
        ["std" | "core", ty, "consts", name] | [ty, "consts", name] => {
            let v = float_const(name)?;
            return match *ty {
                "f64" => Some(Lit::Float(v, Some(PrimTy::F64))),
                "f32" => Some(Lit::Float(v, Some(PrimTy::F32))),
                _ => None,
            };
        }
        _ => return None,
    };
    let prim = PrimTy::from_name(ty)?;
    if prim.is_int() {
        let (lo, hi) = prim.int_range()?;
        return match name {
            "MAX" => Some(Lit::Int(hi, Some(prim))),
            "MIN" => Some(Lit::Int(lo, Some(prim))),
            "BITS" => Some(Lit::Int(i128::from(prim.bits()), Some(PrimTy::U32))),
            _ => None,
        };
    }
    let both = |a: f64, b: f32| FloatLit::new(a, b);
    let v = match (prim, name) {
        (PrimTy::F64, "MAX") => both(f64::MAX, f32::INFINITY),
        (PrimTy::F64, "MIN") => both(f64::MIN, f32::NEG_INFINITY),
        (PrimTy::F64, "MIN_POSITIVE") => both(f64::MIN_POSITIVE, 0.0),
        (PrimTy::F64, "EPSILON") => both(f64::EPSILON, f64::EPSILON as f32),
        (PrimTy::F32, "MAX") => both(f64::from(f32::MAX), f32::MAX),
        (PrimTy::F32, "MIN") => both(f64::from(f32::MIN), f32::MIN),
        (PrimTy::F32, "MIN_POSITIVE") => both(f64::from(f32::MIN_POSITIVE), f32::MIN_POSITIVE),
        (PrimTy::F32, "EPSILON") => both(f64::from(f32::EPSILON), f32::EPSILON),
        (PrimTy::F32 | PrimTy::F64, "INFINITY") => both(f64::INFINITY, f32::INFINITY),
        (PrimTy::F32 | PrimTy::F64, "NEG_INFINITY") => both(f64::NEG_INFINITY, f32::NEG_INFINITY),
        (PrimTy::F32 | PrimTy::F64, "NAN") => both(f64::NAN, f32::NAN),
        _ => return None,
    };
    Some(Lit::Float(v, Some(prim)))
}

/// A `consts` value at both widths, each Rust's own constant.
fn float_const(name: &str) -> Option<FloatLit> {
    use std::{f32::consts as c32, f64::consts as c64};
    let (a, b) = match name {
        "PI" => (c64::PI, c32::PI),
        "TAU" => (c64::TAU, c32::TAU),
        "E" => (c64::E, c32::E),
        "SQRT_2" => (c64::SQRT_2, c32::SQRT_2),
        "LN_2" => (c64::LN_2, c32::LN_2),
        "LN_10" => (c64::LN_10, c32::LN_10),
        "FRAC_PI_2" => (c64::FRAC_PI_2, c32::FRAC_PI_2),
        "FRAC_PI_4" => (c64::FRAC_PI_4, c32::FRAC_PI_4),
        "FRAC_1_SQRT_2" => (c64::FRAC_1_SQRT_2, c32::FRAC_1_SQRT_2),
        "LOG2_E" => (c64::LOG2_E, c32::LOG2_E),
        "LOG10_E" => (c64::LOG10_E, c32::LOG10_E),
        _ => return None,
    };
    Some(FloatLit::new(a, b))
}
