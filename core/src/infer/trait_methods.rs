//! Which of a class's functions of one name a call by name means, as rustc resolves it:
//! an inherent function before the functions of trait impls; in a `#[jit] trait`'s
//! default method, a function of `Self` is the trait's (`Self: Trait` is all the body
//! knows); two traits' functions and no inherent one are rustc's E0034.

use super::{Infer, MethodSig, TraitOf};
use crate::diag::Diagnostic;
use crate::ir::LocId;
use crate::types::ClassKey;

/// What a call by name of a class function means among its candidates.
pub(super) enum Choice {
    /// The candidate at this index.
    One(usize),
    /// Functions of several `#[jit] trait` impls, no inherent one: rustc's E0034.
    Ambiguous(Vec<TraitOf>),
    /// Several functions jit code cannot tell apart (impls of one operator trait).
    Several,
    /// No candidate.
    Missing,
}

/// The candidate a call by name of `candidates` means; `in_trait`: the identity of the
/// trait whose scope the call is in (a default method's call on `Self`).
pub(super) fn choose(candidates: &[MethodSig], in_trait: Option<&str>) -> Choice {
    let of_trait = |id: &str| {
        candidates
            .iter()
            .position(|m| m.of_trait.as_ref().is_some_and(|t| t.id == id))
    };
    if let Some(i) = in_trait.and_then(of_trait) {
        return Choice::One(i);
    }
    let inherent: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].of_trait.is_none())
        .collect();
    match (candidates.len(), inherent.as_slice()) {
        (0, _) => Choice::Missing,
        (1, _) => Choice::One(0),
        (_, [one]) => Choice::One(*one),
        (_, []) => Choice::Ambiguous(
            candidates
                .iter()
                .filter_map(|m| m.of_trait.clone())
                .collect(),
        ),
        _ => Choice::Several,
    }
}

/// rustc's E0034: `name` is a function of several traits' impls for `class`.
pub(super) fn multiple_applicable_items(
    loc: LocId,
    class: &str,
    name: &str,
    traits: &[TraitOf],
) -> Diagnostic {
    let mut d = Diagnostic::new(loc, "multiple applicable items in scope").note(format!(
        "note: multiple `{name}` found"
    ));
    for (i, t) in traits.iter().enumerate() {
        d = d.note(format!(
            "note: candidate #{} is defined in an impl of the trait `{}` for the type `{class}`",
            i + 1,
            t.name
        ));
    }
    d
}

impl Infer<'_> {
    /// The trait whose functions a call on `class` means first: in a `#[jit] trait`'s
    /// default method, the trait's, for `Self`.
    pub(super) fn trait_scope_for(&mut self, class: &ClassKey, loc: LocId) -> Option<String> {
        let scope = self.ir.trait_scope.clone()?;
        match self.class_ty(scope.self_class, loc) {
            super::unify::Ty::Class(own) if own == *class => Some(scope.trait_id),
            _ => None,
        }
    }
}
