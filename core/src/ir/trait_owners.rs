//! `X::f(args)` whose `X` names a `#[jit] trait` rather than a class: made a `TraitCall`.

use super::{ExprKind, FnIr, TraitRefId};

impl FnIr {
    /// Makes each `AssocCall` on a class reference of `trait_owners` whose trait is a
    /// `#[jit] trait` (`trait_id` gives a non-empty identity, as the glue resolved it) a
    /// `TraitCall` of that trait: `Shape::area(&c)` is `Shape`'s `area` for the class of
    /// its first argument, as rustc resolves it. The runtime calls this once, before
    /// anything else reads the IR, so nothing asks for the class the path does not name.
    pub fn resolve_trait_owners<'a>(&mut self, trait_id: impl Fn(TraitRefId) -> Option<&'a str>) {
        if self.trait_owners.is_empty() {
            return;
        }
        let traits: Vec<_> = self
            .trait_owners
            .iter()
            .filter(|(_, t)| trait_id(*t).is_some_and(|id| !id.is_empty()))
            .copied()
            .collect();
        for e in &mut self.exprs {
            let ExprKind::AssocCall { class, name, args } = &mut e.kind else {
                continue;
            };
            let Some((_, t)) = traits.iter().find(|(c, _)| c == class) else {
                continue;
            };
            e.kind = ExprKind::TraitCall {
                class: None,
                param: None,
                traits: vec![*t],
                name: std::mem::take(name),
                args: std::mem::take(args),
            };
        }
    }
}
