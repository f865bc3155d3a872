//! Generic classes at macro time: a `#[jitclass]` struct's (or impl's) type parameters,
//! `Class<T, ..>` spelled with them in order, which names `Self`, and the arguments
//! written on a class reference (one family member per instantiation is the runtime's,
//! `runtime/src/generic_class.rs`). A reference's written arguments
//! (`FnIr::class_args`): `Self`'s are its parameters, `[Generic(0), .., Generic(n - 1)]`;
//! others as written, over the function's generics too (`fn f<T>(s: Stack<T>)`); none for
//! a generic class named without them (`Stack::new()`), whose arguments inference infers
//! (`infer/applied.rs`).

use super::types::TypeScope;
use quote::ToTokens;
use syn::spanned::Spanned;

/// The names of a class's (or its impl's) type parameters; lifetimes, const parameters
/// and `?Sized` bounds are refused, each at its token.
pub fn type_params(generics: &syn::Generics) -> Result<Vec<String>, Vec<syn::Error>> {
    let mut names = Vec::new();
    let mut errors = Vec::new();
    for param in &generics.params {
        match param {
            syn::GenericParam::Type(tp) => names.push(tp.ident.to_string()),
            syn::GenericParam::Lifetime(lt) => errors.push(syn::Error::new(
                lt.span(),
                "lifetime parameters are not supported on `#[jitclass]` types: an instance is a counted reference that borrows nothing\nhelp: remove the lifetime and store owned values",
            )),
            syn::GenericParam::Const(c) => errors.push(syn::Error::new(
                c.span(),
                "const generic parameters are not supported on `#[jitclass]` types yet\nhelp: use a type parameter, or an associated constant of a non-generic class",
            )),
        }
    }
    for span in super::unsized_params::unsized_bounds(generics) {
        errors.push(syn::Error::new(span, super::unsized_params::UNSIZED_PARAM));
    }
    if errors.is_empty() {
        Ok(names)
    } else {
        Err(errors)
    }
}

/// `Class<T, ..>` where `Class` is the generic class `Self` stands for and the arguments
/// are its own parameters in order: `Self`'s path (`None` for any other path).
pub(super) fn self_applied(path: &syn::Path, scope: &TypeScope) -> Option<syn::Path> {
    let self_path = scope.self_path.as_ref()?;
    if scope.self_generics == 0 {
        return None;
    }
    let last = path.segments.last()?;
    let written_prefix: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let self_names: Vec<String> = self_path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    if written_prefix != self_names
        || path
            .segments
            .iter()
            .rev()
            .skip(1)
            .any(|s| !s.arguments.is_none())
    {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let written: Vec<String> = args
        .args
        .iter()
        .map(|a| a.to_token_stream().to_string())
        .collect();
    (written[..] == scope.generics[..scope.self_generics.min(scope.generics.len())])
        .then(|| self_path.clone())
}

/// Generic std types jit code does not have: refused as unsupported types, not taken for
/// generic classes.
const STD_GENERIC_TYPES: &[&str] = &[
    "Box",
    "Rc",
    "Arc",
    "Weak",
    "Cell",
    "RefCell",
    "Mutex",
    "RwLock",
    "PhantomData",
    "Result",
    "BTreeMap",
    "BTreeSet",
    "VecDeque",
    "LinkedList",
    "BinaryHeap",
    "Cow",
    "Pin",
    "NonNull",
    "ManuallyDrop",
    "MaybeUninit",
];

/// Whether a type path names an instantiation of a generic class: a capitalised last
/// segment with type arguments (`Stack<i64>`, `shapes::Pair<i8, f64>`), which the glue
/// has rustc check is one. The std generic types jit code knows are matched before.
pub(super) fn is_class_instantiation(path: &syn::Path) -> bool {
    let Some(last) = path.segments.last() else {
        return false;
    };
    let capitalised = last
        .ident
        .to_string()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    capitalised
        && !STD_GENERIC_TYPES.contains(&last.ident.to_string().as_str())
        && matches!(&last.arguments, syn::PathArguments::AngleBracketed(a)
            if a.args.iter().all(|g| matches!(g, syn::GenericArgument::Type(_))))
        && path
            .segments
            .iter()
            .rev()
            .skip(1)
            .all(|s| s.arguments.is_none())
}

/// A class applied to its own `n` parameters, as written arguments: `Self`'s
/// (`[Generic(0), .., Generic(n - 1)]`; none for a class that is not generic).
pub(super) fn own_params(n: usize) -> Vec<crate::ir::TypeExpr> {
    (0..n as u32).map(crate::ir::TypeExpr::Generic).collect()
}

/// The type arguments written on a class path (`Stack<i64>`, `Stack::<T>`), lowered;
/// none for a path without them (a generic class's then inferred from the uses).
pub(super) fn class_type_args(
    path: &syn::Path,
    scope: &mut TypeScope,
) -> syn::Result<Vec<crate::ir::TypeExpr>> {
    let Some(syn::PathArguments::AngleBracketed(args)) = path.segments.last().map(|s| &s.arguments)
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for arg in &args.args {
        let syn::GenericArgument::Type(ty) = arg else {
            return Err(syn::Error::new(
                arg.span(),
                "only type arguments are supported on a generic class in jit code",
            ));
        };
        // A class's type arguments are its fields' types, which cross to Rust.
        let in_body = std::mem::replace(&mut scope.trait_objects, false);
        let lowered = super::types::lower_type(ty, scope, super::types::TypePos::Other);
        scope.trait_objects = in_body;
        out.push(lowered?);
    }
    Ok(out)
}
