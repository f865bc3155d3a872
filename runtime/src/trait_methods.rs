//! A class's functions as the functions of its `#[jit] trait` impls: which trait an
//! entry of the registry implements, "the function `name` of trait `T` for class `C`"
//! (the one lookup for trait calls and vtables), and the registry of the impls
//! themselves ([`TRAIT_IMPLS`]), which says whether a class satisfies a bound.

use crate::class::{ClassInfo, MethodEntry};

/// A `#[jitclass] impl Trait for Class` of a `#[jit] trait`, registered at link time.
#[doc(hidden)]
pub struct TraitImpl {
    pub class: fn() -> &'static ClassInfo,
    pub of_trait: TraitOf,
}

/// Every `#[jit] trait` impl in the program.
#[doc(hidden)]
#[linkme::distributed_slice]
pub static TRAIT_IMPLS: [TraitImpl];

/// Whether `class` implements a `#[jit] trait` named `name`; `None` if no class does
/// (then `name` is not known as a `#[jit] trait`: a plain Rust trait, say). An
/// instantiation of a generic class has its family's impls.
pub(crate) fn implements(class: &'static ClassInfo, name: &str) -> Option<bool> {
    let owner = class.family().unwrap_or(class);
    let mut known = false;
    for imp in TRAIT_IMPLS.iter().filter(|i| i.of_trait.name == name) {
        if std::ptr::eq((imp.class)(), owner) {
            return Some(true);
        }
        known = true;
    }
    known.then_some(false)
}

/// Whether `class` implements the `#[jit] trait` whose identity is `trait_id`
/// (`TraitOf::id`), as a trait object's class must. An instantiation of a generic class
/// has its family's impls.
pub(crate) fn implements_trait(class: &'static ClassInfo, trait_id: &str) -> Option<bool> {
    let owner = class.family().unwrap_or(class);
    Some(
        TRAIT_IMPLS
            .iter()
            .any(|i| i.of_trait.id == trait_id && std::ptr::eq((i.class)(), owner)),
    )
}

/// The `#[jit] trait` whose impl registers a function (`MethodEntry::of_trait`).
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraitOf {
    /// The trait's name, as its definition writes it.
    pub name: &'static str,
    /// The trait's identity: its crate, name and place of definition, unique in the
    /// program (two traits named `Shape` in two modules are two traits).
    pub id: &'static str,
}

impl TraitOf {
    /// As inference sees it.
    pub(crate) fn to_core(self) -> jitclass_core::infer::TraitOf {
        jitclass_core::infer::TraitOf {
            name: self.name.to_string(),
            id: self.id.to_string(),
        }
    }
}

/// The function `name` of the trait `trait_id` as `class` implements it (its own, or
/// the trait's default method compiled for the class); `None` if the class has no impl
/// of that trait or the trait no such function. An instantiation of a generic class
/// finds its family's.
pub fn trait_method(
    class: &'static ClassInfo,
    trait_id: &str,
    name: &str,
) -> Option<&'static MethodEntry> {
    class
        .functions(name)
        .into_iter()
        .find(|entry| entry.of_trait.is_some_and(|t| t.id == trait_id))
}
