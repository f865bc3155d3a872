//! Calls of a trait's functions through a qualified path: `<Circle as Shape>::unit()` is
//! `Circle::unit()`, since a class's trait functions are its own (a `#[jit] trait`'s impl
//! registers them with the class), and rustc has checked in the glue that the class
//! implements the trait.

/// `<T as Trait>::f` as `T::f`, for `T` a plain path; `None` for other qualified paths.
pub(super) fn unqualified(qself: &syn::QSelf, path: &syn::Path) -> Option<syn::Path> {
    let syn::Type::Path(ty) = &*qself.ty else {
        return None;
    };
    // `<T as Trait>::f`: the trait's segments end at `position`, one function follows.
    if ty.qself.is_some() || qself.position + 1 != path.segments.len() {
        return None;
    }
    let mut p = ty.path.clone();
    p.segments.push(path.segments.last()?.clone());
    Some(p)
}
