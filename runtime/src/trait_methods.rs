//! A class's functions as the functions of its `#[jit] trait` impls: which trait an
//! entry of the registry implements, and "the function `name` of trait `T` for class
//! `C`", the one lookup jit code's trait calls (and vtables) go through.

use crate::class::{ClassInfo, MethodEntry};

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
