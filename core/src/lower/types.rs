//! Written Rust types -> `TypeExpr`, with a clear error for everything the DSL lacks.

use crate::ir::{ClassRefId, TypeExpr};
use crate::types::PrimTy;
use quote::ToTokens;
use syn::spanned::Spanned;

/// Where a type appears; slices are only allowed as whole parameter types.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TypePos {
    /// A parameter's type.
    Param,
    /// A function's return type.
    Return,
    /// A field of a `#[jitclass] struct`.
    Field,
    /// Anywhere else: a `let` annotation, a cast target, a type argument.
    Other,
}

/// The names a type may use besides primitives: generic parameters, `Self`, and classes.
#[derive(Default)]
pub struct TypeScope {
    /// The generic parameters in scope, by name.
    pub generics: Vec<String>,
    /// What `Self` stands for: inside a `#[jitclass]` struct or impl.
    pub self_path: Option<syn::Path>,
    /// How many generic parameters the class `Self` has: its struct's (or impl's) first
    /// `self_generics` of `generics`, which `Self` (and `Class<T, ..>` spelled with them
    /// in order) applies it to (`generic_class.rs`).
    pub self_generics: usize,
    /// The class types named so far, as written, by `ClassRefId`.
    pub classes: Vec<String>,
    /// The same classes' paths, for the glue to resolve.
    pub class_paths: Vec<syn::Path>,
    /// The type arguments written on each class (`FnIr::class_args`).
    pub class_args: Vec<Vec<TypeExpr>>,
    /// The Rust types inside `PassThru<T>`s named so far, as written, by `OpaqueRefId`.
    pub opaques: Vec<String>,
    /// The same types' tokens, for the glue.
    pub opaque_types: Vec<syn::Type>,
    /// In an operator trait's methods, `other: &V` is allowed and means `V` (instances
    /// are references already), as the traits' signatures require it.
    pub class_by_ref: bool,
    /// In `Index::index` (`Some(false)`) and `IndexMut::index_mut` (`Some(true)`), the
    /// return type is `&T` / `&mut T`.
    pub ref_return: Option<bool>,
    /// The `#[jit] trait`s named by trait calls and trait objects, by `TraitRefId`.
    pub traits: Vec<syn::Path>,
    /// The constants rustc evaluates (`constants.rs`): array lengths, `const` items.
    pub consts: super::constants::ConstTable,
    /// Whether a written trait object is a value here: only in a body's own types (`let`
    /// annotations, turbofish arguments), never where it would cross between Rust and jit
    /// code (`dyn_types.rs`).
    pub(crate) trait_objects: bool,
    /// The names in scope where a constant expression is lowered (body code only).
    pub(crate) bindings: std::collections::HashMap<String, super::constants::Binding>,
}

impl TypeScope {
    /// The reference to the Rust type `T` of a `PassThru<T>`, one per distinct spelling.
    pub fn opaque_ref(&mut self, ty: &syn::Type) -> crate::ir::OpaqueRefId {
        let mut ty = ty.clone();
        if let Some(self_path) = &self.self_path {
            replace_self(&mut ty, self_path);
        }
        let shown = ty.to_token_stream().to_string().replace(' ', "");
        if let Some(i) = self.opaques.iter().position(|o| *o == shown) {
            return crate::ir::OpaqueRefId(i as u32);
        }
        self.opaques.push(shown);
        self.opaque_types.push(ty);
        crate::ir::OpaqueRefId(self.opaques.len() as u32 - 1)
    }

    /// The `TraitRefId` of a trait path (one per path as written).
    pub fn trait_ref(&mut self, path: &syn::Path) -> crate::ir::TraitRefId {
        let shown = super::trait_calls::shown(path);
        if let Some(i) = self
            .traits
            .iter()
            .position(|p| super::trait_calls::shown(p) == shown)
        {
            return crate::ir::TraitRefId(i as u32);
        }
        self.traits.push(path.clone());
        crate::ir::TraitRefId(self.traits.len() as u32 - 1)
    }

    /// The reference to the class `path` names, one per distinct path. `Self` (and the
    /// class applied to its own parameters, `Stack<T>` in `impl<T> Stack<T>`) is the
    /// class's path with its parameters as explicit written arguments
    /// (`[Generic(0), .., Generic(n - 1)]`); a generic class written without arguments
    /// (`Stack::new()`) has none, which means its arguments are inferred from the uses.
    pub fn class_ref(&mut self, path: &syn::Path) -> syn::Result<ClassRefId> {
        let self_class = if path.is_ident("Self") {
            match &self.self_path {
                Some(p) => Some(p.clone()),
                None => {
                    return Err(syn::Error::new(
                        path.span(),
                        "`Self` can only be used inside a `#[jitclass]` impl",
                    ));
                }
            }
        } else {
            super::generic_class::self_applied(path, self)
        };
        let shown_of = |p: &syn::Path| p.to_token_stream().to_string().replace(' ', "");
        let (path, args) = match self_class {
            Some(p) => {
                let own = super::generic_class::own_params(self.self_generics);
                (p, Some(own))
            }
            None => (path.clone(), None),
        };
        let shown = shown_of(&path);
        // `Self` and the bare name share a spelling, not a meaning: the written arguments
        // tell them apart (a non-generic class's `Self` has none, as its name).
        let own = super::generic_class::own_params(self.self_generics);
        let found = self
            .classes
            .iter()
            .zip(&self.class_args)
            .position(|(c, a)| {
                *c == shown
                    && match &args {
                        Some(args) => a == args,
                        None => self.self_generics == 0 || *a != own,
                    }
            });
        if let Some(i) = found {
            return Ok(ClassRefId(i as u32));
        }
        let args = match args {
            Some(args) => args,
            None => super::generic_class::class_type_args(&path, self)?,
        };
        self.classes.push(shown);
        self.class_paths.push(path);
        self.class_args.push(args);
        Ok(ClassRefId(self.classes.len() as u32 - 1))
    }
}

/// The note that lists the types jit code supports, for errors about other types.
pub const SUPPORTED: &str = "note: jit code supports `bool`, `i8`..`i64`, `u8`..`u64`, `isize`, `usize`, \
     `f32`, `f64`, `()`, tuples, `Option`, `Vec`, `#[jitclass]` types, generic parameters, and slices `&[T]` / `&mut [T]` as parameters";

/// Lowers a written type, refusing one past the type limits (`crate::limits`) at its token.
pub fn lower_type(ty: &syn::Type, scope: &mut TypeScope, pos: TypePos) -> syn::Result<TypeExpr> {
    if pos != TypePos::Other
        && let Some(object) = super::dyn_types::find_trait_object(ty)
    {
        return Err(super::dyn_types::crossing_error(object, Some(pos)));
    }
    let t = lower_type_unchecked(ty, scope, pos)?;
    crate::limits::check_type_expr(&t)
        .map_err(|limit| syn::Error::new(ty.span(), crate::limits::written_type_message(limit)))?;
    if pos != TypePos::Other {
        check_crossing_tuples(ty, pos)?;
        crate::lower::strings::check_nested_str(ty, &t)?;
    }
    Ok(t)
}

/// A type that crosses between Rust and jit code has tuples of at most
/// `MAX_CROSSING_TUPLE_LEN` elements (the runtime's `Tuple1`..`Tuple8`); the first longer
/// one is an error at its token.
fn check_crossing_tuples(ty: &syn::Type, pos: TypePos) -> syn::Result<()> {
    use crate::limits::MAX_CROSSING_TUPLE_LEN;
    let Some(tuple) = tuple_past(ty, MAX_CROSSING_TUPLE_LEN) else {
        return Ok(());
    };
    let place = match pos {
        TypePos::Field => "a `#[jitclass]` field's type",
        _ => "a jit fn's signature",
    };
    Err(syn::Error::new(
        tuple.span(),
        format!(
            "a tuple in {place} has at most {MAX_CROSSING_TUPLE_LEN} elements; this one has {}\nnote: tuples crossing between Rust and jit code have up to {MAX_CROSSING_TUPLE_LEN} elements (a nested tuple counts as one); nest them, or pass a class instance",
            tuple.elems.len()
        ),
    ))
}

/// The first tuple in `ty` with more than `max` elements.
fn tuple_past(ty: &syn::Type, max: usize) -> Option<&syn::TypeTuple> {
    match ty {
        syn::Type::Tuple(t) if t.elems.len() > max => Some(t),
        syn::Type::Tuple(t) => t.elems.iter().find_map(|e| tuple_past(e, max)),
        syn::Type::Paren(p) => tuple_past(&p.elem, max),
        syn::Type::Group(g) => tuple_past(&g.elem, max),
        syn::Type::Reference(r) => tuple_past(&r.elem, max),
        syn::Type::Slice(s) => tuple_past(&s.elem, max),
        syn::Type::Array(a) => tuple_past(&a.elem, max),
        syn::Type::Ptr(p) => tuple_past(&p.elem, max),
        syn::Type::Path(p) => p.path.segments.iter().find_map(|s| match &s.arguments {
            syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|a| match a {
                syn::GenericArgument::Type(t) => tuple_past(t, max),
                _ => None,
            }),
            _ => None,
        }),
        _ => None,
    }
}

/// The type of a `&C` / `&mut C` / `&S` parameter's referent when it is a class (also
/// generic) or a type parameter, which jit code passes as the instance itself; `None`
/// for anything else (refused as before).
fn by_ref_param_type(elem: &syn::Type, scope: &mut TypeScope) -> Option<TypeExpr> {
    if !matches!(elem, syn::Type::Path(p) if p.qself.is_none()) {
        return None;
    }
    match lower_type(elem, scope, TypePos::Other) {
        Ok(t @ (TypeExpr::Class(_) | TypeExpr::Generic(_))) => Some(t),
        _ => None,
    }
}

/// Whether a parameter's written type is a reference to a class or a type parameter
/// (`&C`, `&mut Stack<T>`, `&S`): `Some(mutable)`; the parameter is held as the instance.
pub fn by_ref_param(ty: &syn::Type, lowered: &TypeExpr) -> Option<bool> {
    match ty {
        syn::Type::Paren(p) => by_ref_param(&p.elem, lowered),
        syn::Type::Group(g) => by_ref_param(&g.elem, lowered),
        syn::Type::Reference(r)
            if !is_vec_type(&r.elem)
                && matches!(lowered, TypeExpr::Class(_) | TypeExpr::Generic(_)) =>
        {
            Some(r.mutability.is_some())
        }
        _ => None,
    }
}

fn lower_type_unchecked(
    ty: &syn::Type,
    scope: &mut TypeScope,
    pos: TypePos,
) -> syn::Result<TypeExpr> {
    match ty {
        syn::Type::Paren(p) => lower_type(&p.elem, scope, pos),
        syn::Type::Group(g) => lower_type(&g.elem, scope, pos),
        syn::Type::Tuple(t) => {
            if t.elems.is_empty() {
                return Ok(TypeExpr::Unit);
            }
            let elems = t
                .elems
                .iter()
                .map(|e| lower_type(e, scope, TypePos::Other))
                .collect::<syn::Result<Vec<_>>>()?;
            Ok(TypeExpr::Tuple(elems))
        }
        syn::Type::Infer(_) if pos == TypePos::Other => Ok(TypeExpr::Infer),
        syn::Type::Path(p) if p.qself.is_none() => lower_path_type(p, scope),
        syn::Type::Reference(r) if pos == TypePos::Field => Err(syn::Error::new(
            ty.span(),
            "references cannot be fields of a `#[jitclass]`: an instance outlives any borrow\nhelp: store a class instance (a counted reference) or a value instead",
        )),
        syn::Type::Reference(r)
            if pos == TypePos::Return && scope.ref_return == Some(r.mutability.is_some()) =>
        {
            let inner = lower_type(&r.elem, scope, TypePos::Other)?;
            if matches!(inner, TypeExpr::Vec(_)) {
                // A `&Vec<T>` is the `Vec`'s handle in jit code, not an address in a
                // payload: an `Index` impl cannot return one.
                return Err(syn::Error::new(
                    ty.span(),
                    "an `Index` impl returning a `Vec` is not supported in jit code\nhelp: return an element, or call a method that returns a clone",
                ));
            }
            Ok(TypeExpr::Ref {
                inner: Box::new(inner),
                mutable: r.mutability.is_some(),
            })
        }
        syn::Type::Reference(r)
            if scope.class_by_ref && r.mutability.is_none() && pos == TypePos::Param =>
        {
            match lower_type(&r.elem, scope, pos)? {
                t @ TypeExpr::Class(_) => Ok(t),
                _ => Err(syn::Error::new(
                    ty.span(),
                    "only class instances can be taken by reference (`&V`) in jit code",
                )),
            }
        }
        // `&C` / `&mut C` / `&S` parameters (a class, a generic class, a type parameter):
        // the caller's instance, held as the instance itself (instances are references,
        // and callees borrow their arguments); `lower/item.rs` marks the local
        // `LocalDecl::by_ref`.
        syn::Type::Reference(r)
            if pos == TypePos::Param
                && !is_vec_type(&r.elem)
                && !matches!(&*r.elem, syn::Type::Slice(_))
                && let Some(inner) = by_ref_param_type(&r.elem, scope) =>
        {
            Ok(inner)
        }
        // `&Vec<T>` / `&mut Vec<T>` parameters: the caller's `Vec`, borrowed for the call.
        syn::Type::Reference(r) if pos == TypePos::Param && is_vec_type(&r.elem) => {
            let inner = lower_type(&r.elem, scope, TypePos::Other)?;
            Ok(TypeExpr::Ref {
                inner: Box::new(inner),
                mutable: r.mutability.is_some(),
            })
        }
        syn::Type::Reference(r) => {
            if let syn::Type::Slice(s) = &*r.elem {
                if pos != TypePos::Param {
                    let what = if pos == TypePos::Return {
                        "jit functions cannot return slices"
                    } else {
                        "slices can only be parameters of jit functions"
                    };
                    return Err(syn::Error::new(
                        ty.span(),
                        format!(
                            "{what}\nnote: a slice borrows memory owned by the Rust caller; pass it as a parameter `&[T]` or `&mut [T]`"
                        ),
                    ));
                }
                let elem = lower_type(&s.elem, scope, TypePos::Other)?;
                if !matches!(
                    elem,
                    TypeExpr::Prim(_)
                        | TypeExpr::Generic(_)
                        | TypeExpr::Class(_)
                        | TypeExpr::PassThru(_)
                        | TypeExpr::FnPtr { .. }
                ) {
                    return Err(syn::Error::new(
                        s.elem.span(),
                        "slice elements must be numbers, `bool`, `#[jitclass]` instances, `PassThru` handles or `extern \"C\" fn` pointers in jit code",
                    ));
                }
                return Ok(TypeExpr::Slice {
                    elem: Box::new(elem),
                    mutable: r.mutability.is_some(),
                });
            }
            if let syn::Type::TraitObject(object) = &*r.elem {
                let pointer = if r.mutability.is_some() {
                    crate::types::DynPointer::RefMut
                } else {
                    crate::types::DynPointer::Ref
                };
                return super::dyn_types::lower_dyn_type(object, pointer, scope);
            }
            if matches!(&*r.elem, syn::Type::ImplTrait(_)) {
                // `&impl Trait`: the `impl` is the unsupported part, not the `&`.
                return lower_type(&r.elem, scope, TypePos::Other);
            }
            if is_str(&r.elem) {
                return crate::lower::strings::str_type(ty, r, pos, scope);
            }
            Err(syn::Error::new(
                ty.span(),
                format!(
                    "references are not supported in jit code, except slices `&[T]` / `&mut [T]` and `&Vec<T>` / `&mut Vec<T>` as parameters\n{SUPPORTED}"
                ),
            ))
        }
        syn::Type::Slice(_) => Err(syn::Error::new(
            ty.span(),
            "unsized slice type: write `&[T]` or `&mut [T]`",
        )),
        syn::Type::Array(a) => {
            let elem = lower_type(&a.elem, scope, TypePos::Other)?;
            let len = scope.array_len(&a.len)?;
            let array = TypeExpr::Array {
                elem: Box::new(elem),
                len,
            };
            super::arrays::check_array_type(&array, ty.span())?;
            Ok(array)
        }
        syn::Type::ImplTrait(_) => Err(syn::Error::new(
            ty.span(),
            "`impl Trait` is not supported in jit code; use a generic parameter `<T>` instead",
        )),
        syn::Type::TraitObject(object) => {
            Err(super::dyn_types::unsized_trait_object(object, scope))
        }
        syn::Type::Ptr(p) => {
            let pointee = lower_type(&p.elem, scope, TypePos::Other)?;
            if !matches!(pointee, TypeExpr::Prim(_)) {
                return Err(syn::Error::new(
                    p.elem.span(),
                    "raw pointers in jit code point to numbers or `bool` (`*mut u8` for memory of a class, as `unsafe_cast` takes)",
                ));
            }
            Ok(TypeExpr::Ptr {
                pointee: Box::new(pointee),
                mutable: p.mutability.is_some(),
            })
        }
        syn::Type::BareFn(f) => lower_fn_pointer(f, scope),
        syn::Type::Never(_) => Err(syn::Error::new(
            ty.span(),
            "the never type `!` cannot be written in jit code",
        )),
        syn::Type::Infer(_) => Err(syn::Error::new(
            ty.span(),
            "the placeholder `_` is not allowed in jit function signatures",
        )),
        _ => Err(syn::Error::new(
            ty.span(),
            format!("unsupported type in jit code\n{SUPPORTED}"),
        )),
    }
}

/// `extern "C" fn(A..) -> R` with C scalars in and out: what C (and Rust's `extern "C"`
/// fns) can call and be called through.
fn lower_fn_pointer(f: &syn::TypeBareFn, scope: &mut TypeScope) -> syn::Result<TypeExpr> {
    const C_ONLY: &str =
        "function pointers in jit code are C function pointers: `extern \"C\" fn(f64) -> f64`";
    let abi_ok = f
        .abi
        .as_ref()
        .is_some_and(|abi| abi.name.as_ref().is_none_or(|name| name.value() == "C"));
    if !abi_ok {
        let span = f.abi.as_ref().map_or(f.fn_token.span(), |a| a.span());
        return Err(syn::Error::new(
            span,
            format!(
                "{C_ONLY}\nnote: jit code calls through a function pointer with the C calling convention, which Rust's `fn(..)` pointers do not use"
            ),
        ));
    }
    if let Some(l) = &f.lifetimes {
        return Err(syn::Error::new(
            l.span(),
            "`for<..>` lifetimes are not used in jit code",
        ));
    }
    if let Some(u) = &f.unsafety {
        return Err(syn::Error::new(
            u.span(),
            "`unsafe` function pointers are not supported in jit code; jit code calls only safe `extern \"C\" fn` pointers",
        ));
    }
    if let Some(v) = &f.variadic {
        return Err(syn::Error::new(
            v.span(),
            "variadic C functions cannot be called from jit code",
        ));
    }
    let c_scalar = crate::lower::is_c_scalar;
    let not_c = "a C function pointer takes and returns C scalars: numbers, `bool`, raw pointers and `extern \"C\" fn` pointers (and `()` as the result)";
    let mut params = Vec::new();
    for input in &f.inputs {
        let t = lower_type(&input.ty, scope, TypePos::Other)?;
        if !c_scalar(&t) {
            return Err(syn::Error::new(input.ty.span(), not_c));
        }
        params.push(t);
    }
    let ret = match &f.output {
        syn::ReturnType::Default => TypeExpr::Unit,
        syn::ReturnType::Type(_, ty) => {
            let t = lower_type(ty, scope, TypePos::Other)?;
            if !c_scalar(&t) && t != TypeExpr::Unit {
                return Err(syn::Error::new(ty.span(), not_c));
            }
            t
        }
    };
    Ok(TypeExpr::FnPtr {
        params,
        ret: Box::new(ret),
    })
}

fn is_str(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("str"))
}

/// Names that are never classes, each with its own message: primitives jit code lacks,
/// and the prelude's types (other names may be a user's class, which rustc checks).
fn std_type_message(last: &str) -> Option<String> {
    Some(match last {
        "str" => "`str` is unsized: jit code takes text as `&str` or `String`".to_string(),
        "Vec" => "`Vec` takes one type: `Vec<f64>`".to_string(),
        "HashMap" => "`HashMap` takes two types: `HashMap<u32, i64>`".to_string(),
        "HashSet" => "`HashSet` takes one type: `HashSet<u32>`".to_string(),
        "BTreeMap" | "BTreeSet" => {
            format!("`{last}` is not supported in jit code yet")
        }
        "Box" => format!("`{last}` is not supported in jit code"),
        "i128" | "u128" => format!(
            "`{last}` is not supported in jit code; the widest integers are `i64` and `u64`"
        ),
        "Option" => "`Option` takes one type: `Option<f64>`".to_string(),
        _ => return None,
    })
}

fn lower_path_type(p: &syn::TypePath, scope: &mut TypeScope) -> syn::Result<TypeExpr> {
    let path = &p.path;
    if let Some(ident) = path.get_ident() {
        let name = ident.to_string();
        if let Some(prim) = PrimTy::from_name(&name) {
            return Ok(TypeExpr::Prim(prim));
        }
        if let Some(i) = scope.generics.iter().position(|g| *g == name) {
            return Ok(TypeExpr::Generic(i as u32));
        }
    }
    // `PassThru<T>` (also `jitclass::PassThru<T>`): `T` is any Rust type.
    if let Some(last) = path.segments.last()
        && last.ident == "PassThru"
        && let syn::PathArguments::AngleBracketed(args) = &last.arguments
    {
        let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>()[..] else {
            return Err(syn::Error::new(
                args.span(),
                "`PassThru` takes one type: `PassThru<T>`",
            ));
        };
        if let Some(generic) = find_ident(inner.to_token_stream(), &scope.generics) {
            return Err(syn::Error::new(
                generic.span(),
                format!(
                    "`PassThru<{generic}>` needs a concrete type: the jit type of a handle is fixed when the macro expands\nhelp: take the handle itself as the generic parameter (`x: {generic}` called with a `PassThru<..>`)"
                ),
            ));
        }
        return Ok(TypeExpr::PassThru(scope.opaque_ref(inner)));
    }
    // `PhantomData<T>`: a zero-sized marker of any type, `()` in jit code (zero bytes of
    // the payload, as in rustc's `#[repr(C)]` layout); rustc checks `T` in the glue.
    if is_phantom_data_path(path) {
        return match &path.segments.last().expect("a path has segments").arguments {
            syn::PathArguments::AngleBracketed(a) if a.args.len() == 1 => Ok(TypeExpr::Unit),
            _ => Err(syn::Error::new(
                p.span(),
                "`PhantomData` takes one type: `PhantomData<T>`",
            )),
        };
    }
    if let [segment] = path.segments.iter().collect::<Vec<_>>().as_slice()
        && segment.ident == "Option"
        && let syn::PathArguments::AngleBracketed(args) = &segment.arguments
        && let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>().as_slice()
    {
        let inner = lower_type(inner, scope, TypePos::Other)?;
        return Ok(TypeExpr::Option(Box::new(inner)));
    }
    if let Some(vec) = lower_vec_type(path, scope)? {
        return Ok(vec);
    }
    if let Some(set) = super::sets::lower_set_type(path, scope)? {
        return Ok(set);
    }
    if let Some(map) = super::maps::lower_map_type(path, scope)? {
        return Ok(map);
    }
    if super::owned_strings::is_string_path(path) {
        return Ok(TypeExpr::String);
    }
    let last = path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    if let Some(boxed) = super::dyn_types::box_type(path, scope) {
        return boxed;
    }
    if let Some(message) = std_type_message(&last) {
        return Err(syn::Error::new(p.span(), message));
    }
    if super::generic_class::is_class_instantiation(path) {
        return Ok(TypeExpr::Class(scope.class_ref(path)?));
    }
    if let Some(args) = path.segments.iter().find(|s| !s.arguments.is_none()) {
        return Err(syn::Error::new(
            args.arguments.span(),
            format!(
                "unsupported type `{}` in jit code: generic types other than `Option` and `Vec` are not supported\n{SUPPORTED}",
                path.to_token_stream().to_string().replace(' ', "")
            ),
        ));
    }
    // Any other named type is taken for a `#[jitclass]`; the glue asks rustc to check it.
    Ok(TypeExpr::Class(scope.class_ref(path)?))
}

/// `Vec<T>` (also `std::vec::Vec<T>`, `alloc::vec::Vec<T>`); `None` for other paths.
fn lower_vec_type(path: &syn::Path, scope: &mut TypeScope) -> syn::Result<Option<TypeExpr>> {
    if !is_vec_path(path) {
        return Ok(None);
    }
    let last = path.segments.last().expect("a `Vec` path has segments");
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return Ok(None);
    };
    let [syn::GenericArgument::Type(elem)] = args.args.iter().collect::<Vec<_>>()[..] else {
        return Err(syn::Error::new(
            args.span(),
            "`Vec` takes one type in jit code: `Vec<T>` (no allocator parameter)",
        ));
    };
    let elem = lower_type(elem, scope, TypePos::Other)?;
    Ok(Some(TypeExpr::Vec(Box::new(elem))))
}

/// Whether `path` names std's `Vec` (`Vec`, `std::vec::Vec`, `alloc::vec::Vec`), with or
/// without arguments on its last segment.
/// Whether a written type is `Vec<..>` (by its path, as `lower_path_type` reads it).
pub(crate) fn is_vec_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            let owner = syn::Path {
                leading_colon: p.path.leading_colon,
                segments: p
                    .path
                    .segments
                    .iter()
                    .map(|s| syn::PathSegment::from(s.ident.clone()))
                    .collect(),
            };
            is_vec_path(&owner)
        }
        syn::Type::Paren(p) => is_vec_type(&p.elem),
        syn::Type::Group(g) => is_vec_type(&g.elem),
        _ => false,
    }
}

/// The type path an associated function's path names (`Vec` of `Vec::new`,
/// `std::boxed::Box` of `std::boxed::Box::new`) and the number of segments of the whole
/// path; `None` for a one-segment path.
pub(crate) fn owner_of_assoc_path(path: &syn::Path) -> Option<(syn::Path, usize)> {
    let n = path.segments.len();
    if n < 2 {
        return None;
    }
    let owner = syn::Path {
        leading_colon: path.leading_colon,
        segments: path.segments.iter().take(n - 1).cloned().collect(),
    };
    Some((owner, n))
}

/// Whether `path` names std's `PhantomData` (`PhantomData`, `std::marker::PhantomData`,
/// `core::marker::PhantomData`), with or without arguments on its last segment.
pub(crate) fn is_phantom_data_path(path: &syn::Path) -> bool {
    super::maps::one_path(
        path,
        &[
            &["PhantomData"],
            &["std", "marker", "PhantomData"],
            &["core", "marker", "PhantomData"],
        ],
    )
}

pub(crate) fn is_vec_path(path: &syn::Path) -> bool {
    is_std_type_path(path, "vec", "Vec")
}

/// Whether `path` names std's type `name` of module `module` (`Vec`, `std::vec::Vec`,
/// `alloc::vec::Vec`), with arguments on its last segment only.
pub(crate) fn is_std_type_path(path: &syn::Path, module: &str, name: &str) -> bool {
    super::maps::one_path(
        path,
        &[&[name], &["std", module, name], &["alloc", module, name]],
    )
}

/// The first identifier in `tokens` (at any depth) that is one of `names`.
fn find_ident(tokens: proc_macro2::TokenStream, names: &[String]) -> Option<proc_macro2::Ident> {
    tokens.into_iter().find_map(|t| match t {
        proc_macro2::TokenTree::Ident(i) if names.iter().any(|n| i == n) => Some(i),
        proc_macro2::TokenTree::Group(g) => find_ident(g.stream(), names),
        _ => None,
    })
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
