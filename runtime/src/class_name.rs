//! How the glue finds the descriptor of a class named without type arguments in jit code
//! (`Stack::new()`, `Pair { a: 1i64, b: 2.0 }`), which may be a generic class whose
//! arguments inference infers: `Stack::jitclass_info()`.
//!
//! Each `#[jitclass] struct` has an inherent `jitclass_info` (a generic one on the class
//! applied to `()`s, which rustc picks for `Stack<_>` as the one impl that has it; its
//! family's descriptor), and every other type reaches [`ClassPath`]'s, whose
//! `Self: JitClass` bound makes rustc report a struct that is no class as one.

use crate::class::{ClassInfo, JitClass};

/// The descriptor getter of a path that names no class: rustc reports `Self` as no
/// `#[jitclass]` type (an inherent `jitclass_info` of a class takes precedence).
#[doc(hidden)]
pub trait ClassPath {
    /// The class's descriptor.
    fn jitclass_info() -> &'static ClassInfo
    where
        Self: JitClass,
    {
        Self::class_info()
    }
}

impl<T: ?Sized> ClassPath for T {}

/// The value a generic class's name has beside its type (`const Stack: ClassFamily`), so
/// that the glue finds the family's descriptor from the name as the user wrote it
/// (imported, renamed, or through a path), with no type arguments to infer.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct ClassFamily(pub fn() -> &'static ClassInfo);

/// The family descriptor of `info`: itself unless it is a generic class's instantiation.
#[doc(hidden)]
pub fn family_of(info: &'static ClassInfo) -> &'static ClassInfo {
    info.family().unwrap_or(info)
}
