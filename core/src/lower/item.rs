//! Items: `#[jit]` fns, C function declarations, the functions of a `#[jitclass] impl`
//! (their signatures and receivers) and `#[jitclass] struct`s (their fields).

use super::types::{TypePos, TypeScope, lower_type};
use super::{Lowered, Lowerer};
use crate::ir::*;
use crate::types::PrimTy;
use proc_macro2::Span;
use syn::spanned::Spanned;

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
#[derive(Clone, Copy)]
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
    /// The impl's type parameters (`impl<T> Stack<T>`): the first generics of each of its
    /// functions, which `Self` is applied to.
    pub generics: &'a [String],
    /// The impl's generics as written, whose trait bounds (`impl<T: Price> Cart<T>`)
    /// bound its functions' leading type parameters (`FnIr::trait_bounded`).
    pub impl_generics: Option<&'a syn::Generics>,
    /// For a `#[jit] trait`'s default method: the trait's identity, in whose scope the
    /// body's functions of `Self` are looked up (`FnIr::trait_scope`).
    pub trait_scope: Option<&'a str>,
}

impl MethodContext<'_> {
    /// The same class, in an inherent impl.
    pub fn inherent(&self) -> MethodContext<'_> {
        MethodContext {
            self_path: self.self_path,
            self_by_value: false,
            class_by_ref: false,
            returns_place: None,
            generics: self.generics,
            impl_generics: self.impl_generics,
            trait_scope: None,
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
    cx.bounds = super::trait_calls::bounds(&sig.generics);
    cx.bound_names = super::trait_calls::bound_names(&sig.generics);
    if let Some(m) = method {
        if let Some(g) = m.impl_generics {
            cx.bounds.extend(super::trait_calls::bounds(g));
            cx.bound_names.extend(super::trait_calls::bound_names(g));
        }
        cx.scope.generics.splice(0..0, m.generics.iter().cloned());
        cx.scope.self_generics = m.generics.len();
        cx.scope.self_path = Some(m.self_path.clone());
        cx.scope.class_by_ref = m.class_by_ref;
        cx.scope.ref_return = m.returns_place;
    }
    let fn_loc = cx.loc(sig.ident.span());
    cx.scopes.push(Vec::new());
    let mut params = Vec::new();
    let mut param_type_spans = Vec::new();
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
                param_type_spans.push(r.self_token.span);
                receiver = Some(kind);
                cx.self_receiver = Some(kind);
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
                let by_ref = super::types::by_ref_param(&pt.ty, &ty);
                // Through a `&mut C` the instance may change, as through `&mut self`.
                let local = cx.declare(&name, mutable || by_ref == Some(true), loc);
                cx.locals[local.index()].by_ref = by_ref;
                match &ty {
                    TypeExpr::Ref { inner, mutable } if matches!(**inner, TypeExpr::Vec(_)) => {
                        cx.vec_ref_params.insert(local, *mutable);
                    }
                    // `for x in s` over a `&mut [T]` lends each element in place (`*x`), over
                    // a `&[T]` each element as a `&T` (held as its value), as Rust's loops.
                    TypeExpr::Slice { mutable, .. } => {
                        cx.vec_ref_params.insert(local, *mutable);
                    }
                    _ => {}
                }
                params.push(Param { local, ty, loc });
                param_type_spans.push(pt.ty.span());
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
    for l in std::mem::take(&mut cx.reference_names) {
        cx.locals[l.index()].held_reference = true;
    }
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }
    let trait_scope = match method.and_then(|m| m.trait_scope.map(|id| (id, m.self_path))) {
        Some((id, self_path)) => Some(crate::ir::TraitScope {
            trait_id: id.to_string(),
            self_class: cx.scope.class_ref(self_path).map_err(|e| vec![e])?,
            self_bounds: super::trait_calls::self_bounds(&sig.generics)
                .iter()
                .map(|p| cx.scope.trait_ref(p))
                .collect(),
        }),
        None => None,
    };
    // Each bound is a trait reference, which the glue resolves to the trait's identity.
    let bounds = std::mem::take(&mut cx.bounds);
    let trait_bounded = cx
        .scope
        .generics
        .clone()
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let (_, paths) = bounds.iter().find(|(n, b)| n == g && !b.is_empty())?;
            let traits = paths.iter().map(|p| cx.scope.trait_ref(p)).collect();
            Some((i as u32, traits))
        })
        .collect();
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
        explicit_generics: cx.explicit_generics,
        part_loops: cx.part_loops,
        classes: cx.scope.classes,
        class_args: cx.scope.class_args,
        trait_bounded,
        traits: cx
            .scope
            .traits
            .iter()
            .map(crate::lower::trait_calls::shown)
            .collect(),
        receiver,
        opaques: cx.scope.opaques,
        objmodes: cx.objmodes.len() as u32,
        foreign: None,
        trait_scope,
        trait_owners: std::mem::take(&mut cx.trait_owners),
        consts: std::mem::take(&mut cx.scope.consts.decls),
    };
    if let Err(d) = crate::limits::check_fn(&ir) {
        return Err(vec![syn::Error::new(
            cx.spans[d.loc.index()],
            d.full_message(),
        )]);
    }
    debug_assert_eq!(ir.validate(), Ok(()));
    Ok(Lowered {
        ir,
        spans: cx.spans,
        ref_paths: cx.ref_paths,
        class_paths: cx.scope.class_paths,
        trait_paths: cx.scope.traits,
        trait_fn_calls: cx.trait_fn_calls,
        assoc_paths: cx.assoc_paths,
        turbofish_paths: cx.turbofish_paths,
        opaque_types: cx.scope.opaque_types,
        objmodes: cx.objmodes,
        macro_paths: cx.macro_paths,
        literals: cx.literals,
        index_brackets: cx.index_brackets,
        method_parens: cx.method_parens,
        param_type_spans,
        opaque_equalities: Vec::new(),
        slice_indexes: Vec::new(),
        borrowed_name_loops: cx.borrowed_name_loops,
        consuming_loops: Vec::new(),
        consts: cx.scope.consts.lowered,
    })
}

/// A lowered `#[jitclass] struct`: its fields, and the paths of the classes they name.
pub struct LoweredClass {
    /// The fields' IR.
    pub ir: ClassIr,
    /// The path of each `ClassRefId` of the field types.
    pub class_paths: Vec<syn::Path>,
    /// The Rust type of each `OpaqueRefId` (`T` of a `PassThru<T>` field).
    pub opaque_types: Vec<syn::Type>,
    /// The array lengths of field types that rustc evaluates, by `ConstId`.
    pub consts: Vec<super::LoweredConst>,
}

/// Lowers the fields of a `#[jitclass] struct`; every field type must have a C layout
/// that jit code can manage.
pub fn lower_class(item: &syn::ItemStruct) -> Result<LoweredClass, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let mut scope = TypeScope {
        self_path: Some(syn::Path::from(item.ident.clone())),
        ..TypeScope::default()
    };
    match super::generic_class::type_params(&item.generics) {
        Ok(names) => {
            scope.self_generics = names.len();
            scope.generics = names;
        }
        Err(e) => errors.extend(e),
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
            class_args: scope.class_args,
            opaques: scope.opaques,
            consts: scope.consts.decls,
        },
        class_paths: scope.class_paths,
        opaque_types: scope.opaque_types,
        consts: scope.consts.lowered,
    })
}

impl Lowerer {
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
        for span in super::unsized_params::unsized_bounds(&sig.generics) {
            self.error(span, super::unsized_params::UNSIZED_PARAM);
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
}

/// Whether a value of this type crosses a C call as itself: what `extern "C"` jit fns take
/// and return.
pub(crate) fn is_c_scalar(ty: &TypeExpr) -> bool {
    // Not `char`: C code could pass any `u32`, and a `char` must be a scalar value.
    matches!(ty, TypeExpr::Ptr { .. } | TypeExpr::FnPtr { .. })
        || matches!(ty, TypeExpr::Prim(p) if *p != crate::types::PrimTy::Char)
}
