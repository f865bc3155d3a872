//! A class's functions as the functions of its `#[jit] trait` impls: which trait an
//! entry of the registry implements, "the function `name` of trait `T` for class `C`"
//! (the one lookup for trait calls and vtables), and the registry of the impls
//! themselves ([`TRAIT_IMPLS`]), which says whether a class satisfies a bound.

use crate::class::{ClassInfo, MethodEntry};

/// The identity of a bound's trait that is not a `#[jit] trait` (it has no companion
/// macro, whose import would shadow this one's: `glue/bound_traits.rs`): none; and the
/// getter of a class named where a trait could be (`glue/fn_info.rs`): the getter.
#[doc(hidden)]
#[macro_export]
macro_rules! __jitclass_not_a_jit_trait {
    (@jitclass_trait_id) => {
        ""
    };
    // A class's getter, where the path may have named a trait (`Shape::area(&c)`).
    (@jitclass_class_info $($getter:tt)*) => {{
        $($getter)*
    }};
    // A call by a path naming no `#[jit] trait` (`glue`'s format check): nothing to check.
    (@jitclass_trait_call_check $($check:tt)*) => {};
}

/// A `#[jitclass] impl Trait for Class` of a `#[jit] trait`, registered at link time.
#[doc(hidden)]
pub struct TraitImpl {
    pub class: fn() -> &'static ClassInfo,
    pub of_trait: TraitOf,
    /// Of a generic class's impl (`impl<S: Shape> Shape for Twice<S>`): by the impl's
    /// parameter index, the identity of a `#[jit] trait` its bounds require of that type
    /// argument (`""` for a plain Rust trait, which rustc checks from Rust).
    pub bounds: &'static [(usize, &'static str)],
    /// Of an impl for one instantiation (`impl Shape for Twice<f64>`): its type arguments,
    /// which an instantiation must have for the impl to be its (`None`: any, under
    /// `bounds`).
    pub instantiation: Option<fn() -> Vec<crate::Type>>,
}

/// Every `#[jit] trait` impl in the program.
#[doc(hidden)]
#[linkme::distributed_slice]
pub static TRAIT_IMPLS: [TraitImpl];

/// Whether `class` implements the `#[jit] trait` of identity `trait_id` (another trait
/// of its name is another trait). An instantiation of a generic class has its family's
/// impls whose bounds its type arguments satisfy (`Twice<Circle>: Shape` iff
/// `Circle: Shape`); a family (arguments not known yet) has them all.
pub(crate) fn implements(class: &'static ClassInfo, trait_id: &str) -> bool {
    let owner = class.family().unwrap_or(class);
    impls_of(owner, trait_id).any(|i| class.is_family() || bounds_hold(i, class.type_args()))
}

/// The impls of the `#[jit] trait` `trait_id` written for `owner` (a class, or a generic
/// class's family, whose impls every instantiation shares under their bounds).
fn impls_of<'a>(
    owner: &'static ClassInfo,
    trait_id: &'a str,
) -> impl Iterator<Item = &'static TraitImpl> + 'a {
    TRAIT_IMPLS
        .iter()
        .filter(move |i| i.of_trait.id == trait_id && std::ptr::eq((i.class)(), owner))
}

/// Whether the type arguments of an instantiation satisfy an impl's `#[jit] trait`
/// bounds (and are the impl's own, for an impl of one instantiation): each bounded argument is a class implementing the trait (jit code implements
/// `#[jit] trait`s for classes only). The arguments are smaller types than the class, so
/// this ends.
fn bounds_hold(i: &TraitImpl, type_args: &[crate::Type]) -> bool {
    i.instantiation.is_none_or(|args| args() == type_args)
        && i.bounds
            .iter()
            .all(|(param, id)| bounds_hold_one(*param, id, type_args))
}

/// Whether the type argument `param` implements the `#[jit] trait` `id`.
fn bounds_hold_one(param: usize, id: &str, type_args: &[crate::Type]) -> bool {
    id.is_empty()
        || match type_args.get(param) {
            Some(crate::Type::Class(key)) => {
                crate::class::lookup(key).is_ok_and(|c| implements(c, id))
            }
            _ => false,
        }
}

/// The bounds of `class`'s impls of the `#[jit] trait` `trait_id` that its type
/// arguments fail, as rustc lists them (`Plain: Shape`): empty if it has no such impl
/// or one holds.
pub(crate) fn unmet_bounds(class: &'static ClassInfo, trait_id: &str) -> Vec<String> {
    let Some(owner) = class.family() else {
        return Vec::new();
    };
    let mut unmet = Vec::new();
    for i in impls_of(owner, trait_id) {
        if bounds_hold(i, class.type_args()) {
            return Vec::new();
        }
        for (param, id) in i.bounds {
            if bounds_hold_one(*param, id, class.type_args()) {
                continue;
            }
            let trait_name = crate::trait_info::by_id(id).map_or(*id, |t| t.name);
            if let Some(arg) = class.type_args().get(*param) {
                unmet.push(format!("`{arg}: {trait_name}`"));
            }
        }
    }
    unmet
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
/// of that trait (or its impl's bounds fail for the class's type arguments) or the trait
/// no such function. An instantiation of a generic class
/// finds its family's.
pub fn trait_method(
    class: &'static ClassInfo,
    trait_id: &str,
    name: &str,
) -> Option<&'static MethodEntry> {
    if !implements(class, trait_id) {
        return None;
    }
    class
        .functions(name)
        .into_iter()
        .find(|entry| entry.of_trait.is_some_and(|t| t.id == trait_id))
}
