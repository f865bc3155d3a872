//! How the glue finds the descriptor of a class named without type arguments in jit code
//! (`Stack::new()`, `Pair { a: 1i64, b: 2.0 }`), which may be a generic class whose
//! arguments inference infers: `Stack::jitclass_info()`.
//!
//! Each `#[jitclass] struct` has an inherent `jitclass_info` and `jitclass_value` (a
//! generic one's on the class applied to `()`s, which rustc picks for `Stack<_>` as the
//! one impl that has them; its family's descriptor), and every other type reaches
//! [`ClassPath`]'s. The glue checks `<_ as JitClass>::handle(Path::jitclass_value())`
//! (never run): a class's `jitclass_value` is a [`ClassFound`], a class as far as rustc
//! knows; any other type's is itself, which rustc reports as no `#[jitclass]` type in
//! `JitClass`'s words, with no note naming a glue item (a bound on a glue function would
//! add "required by a bound in ..").

use crate::class::{ClassInfo, JitClass};
use crate::handle::Handle;

/// The lookups of a path that names no class (an inherent one of a class takes
/// precedence).
#[doc(hidden)]
pub trait ClassPath {
    /// Never called: the glue's check of the path fails first (see the module doc).
    fn jitclass_info() -> &'static ClassInfo {
        unreachable!("a path that names no class has no descriptor")
    }

    /// The value of the type the path names, as far as rustc knows (never called).
    fn jitclass_value() -> &'static Self {
        unreachable!("the class check of a path is never called")
    }
}

impl<T: ?Sized> ClassPath for T {}

/// What a class's `jitclass_value` is: a class, for rustc's check of a path (no value of
/// it exists, so none of its functions ever runs).
#[doc(hidden)]
pub enum ClassFound {}

// SAFETY: no value of `ClassFound` exists, and its `class_info` never returns, so no
// instance, handle or payload of it is ever made.
#[diagnostic::do_not_recommend]
unsafe impl JitClass for ClassFound {
    type Payload = ();
    type Literal = ClassFound;
    type FieldlessLiteral = crate::class::NoFields;
    fn class_info() -> &'static ClassInfo {
        unreachable!("`ClassFound` is a marker, not a class")
    }
    fn handle(&self) -> &Handle<Self> {
        match *self {}
    }
    fn from_handle(_: Handle<Self>) -> Self {
        unreachable!("`ClassFound` is a marker, not a class")
    }
}

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
