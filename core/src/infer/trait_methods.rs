//! Which of a class's functions of one name a call by name means, as rustc resolves it:
//! an inherent function before the functions of trait impls; in a `#[jit] trait`'s
//! default method, a function of `Self` is the trait's (`Self: Trait` is all the body
//! knows); two traits' functions and no inherent one are rustc's E0034.

use super::class::ClassFn;
use super::unify::Ty;
use super::{ClassCall, Infer, MethodSig, TraitOf};
use crate::diag::Diagnostic;
use crate::ir::{ClassRefId, ExprId, ExprKind, LocId, Receiver, TraitRefId};
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

/// Where a call by name looks for a class's function.
#[derive(Clone, Copy)]
pub(super) enum Scope<'a> {
    /// A path call (`Circle::area(&c)`): an inherent function first.
    Any,
    /// A method call on a class value (`c.area()`): rustc's probe by receiver, the
    /// functions taking `self` first, then `&self`, then `&mut self` (the autoref
    /// steps), an inherent function first at each step; functions without `self` are
    /// no methods.
    Method,
    /// In a default method of the trait of this identity, on `Self`: the trait's first,
    /// then those of the traits of these identities (`where Self: Measure`).
    Trait(&'a str, &'a [String]),
    /// On a value of a type parameter bounded by the traits of these identities: the
    /// traits' functions only.
    Bounds(&'a [String]),
}

/// The candidate a call by name of `candidates` means in `scope`.
pub(super) fn choose(candidates: &[MethodSig], scope: Scope<'_>) -> Choice {
    let of_trait = |id: &str| {
        candidates
            .iter()
            .position(|m| m.of_trait.as_ref().is_some_and(|t| t.id == id))
    };
    let of_traits = |ids: &[String]| -> Vec<usize> {
        (0..candidates.len())
            .filter(|&i| {
                candidates[i]
                    .of_trait
                    .as_ref()
                    .is_some_and(|t| ids.contains(&t.id))
            })
            .collect()
    };
    if let Scope::Trait(id, self_bounds) = scope {
        if let Some(i) = of_trait(id) {
            return Choice::One(i);
        }
        // `where Self: Measure`: that trait's function, whatever others the class has.
        if let [one] = of_traits(self_bounds).as_slice() {
            return Choice::One(*one);
        }
    }
    if let Scope::Bounds(ids) = scope {
        // Another trait the class implements, even of a bound's name, is not reachable
        // through the bounds.
        let traits = of_traits(ids);
        return match traits.as_slice() {
            [] => Choice::Missing,
            [one] => Choice::One(*one),
            several => Choice::Ambiguous(
                several
                    .iter()
                    .filter_map(|&i| candidates[i].of_trait.clone())
                    .collect(),
            ),
        };
    }
    let mut step: Vec<usize> = (0..candidates.len()).collect();
    if let Scope::Method = scope {
        let rank = |i: &usize| match candidates[*i].receiver {
            Some(Receiver::Value) => Some(0),
            Some(Receiver::Ref) => Some(1),
            Some(Receiver::RefMut) => Some(2),
            None => None,
        };
        // No method at all: the first candidate's error (an associated function).
        if let Some(first) = step.iter().filter_map(rank).min() {
            step.retain(|i| rank(i) == Some(first));
        }
    }
    let inherent: Vec<usize> = step
        .iter()
        .copied()
        .filter(|&i| candidates[i].of_trait.is_none())
        .collect();
    match (step.as_slice(), inherent.as_slice()) {
        ([], _) => Choice::Missing,
        ([one], _) => Choice::One(*one),
        (_, [one]) => Choice::One(*one),
        (_, []) => Choice::Ambiguous(
            step.iter()
                .filter_map(|&i| candidates[i].of_trait.clone())
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
    let mut d = Diagnostic::new(loc, "multiple applicable items in scope")
        .note(format!("note: multiple `{name}` found"));
    for (i, t) in traits.iter().enumerate() {
        d = d.note(format!(
            "note: candidate #{} is defined in an impl of the trait `{}` for the type `{class}`",
            i + 1,
            t.name
        ));
    }
    d
}

impl<'a> Infer<'a> {
    /// Whether a receiver of type `receiver` (or `&receiver`) is a value of a type
    /// parameter the user bounds with traits, as rustc types the generic body
    /// (`generic_origin.rs`): rustc reaches only the bounds' functions through it. The
    /// names of its bounds' traits, if so.
    pub(super) fn bounded_receiver(&self, receiver: &Ty) -> Option<Vec<String>> {
        let g = self.bounded_param(receiver)?;
        let (_, traits) = self.ir.trait_bounded.iter().find(|(i, _)| *i == g)?;
        Some(self.trait_ids(traits))
    }

    /// The identities of the `#[jit] trait`s among `traits` (those the glue resolved; a
    /// plain Rust trait's is empty).
    pub(super) fn trait_ids(&self, traits: &[TraitRefId]) -> Vec<String> {
        traits
            .iter()
            .filter_map(|t| self.callees.trait_id(*t))
            .filter(|id| !id.is_empty())
            .collect()
    }
}

impl Infer<'_> {
    /// The trait whose functions a call on `class` means first: in a `#[jit] trait`'s
    /// default method, the trait's, for `Self`.
    /// With the identities of the other traits the method bounds `Self` with.
    pub(super) fn trait_scope_for(
        &mut self,
        class: &ClassKey,
        loc: LocId,
    ) -> Option<(String, Vec<String>)> {
        let scope = self.ir.trait_scope.clone()?;
        match self.class_ty(scope.self_class, loc) {
            Ty::Class(own) if own == *class => {
                Some((scope.trait_id, self.trait_ids(&scope.self_bounds)))
            }
            _ => None,
        }
    }

    /// `Trait::f(args)`, `<C as Trait>::f(args)`, `S::f(args)`: the function `f` of one of
    /// `traits` as the class implements it, the class named (`class`) or the first
    /// argument's (the receiver's, through a reference).
    pub(super) fn trait_call(
        &mut self,
        id: ExprId,
        (class, param): (Option<ClassRefId>, Option<u32>),
        traits: &[TraitRefId],
        name: &str,
        args: &[ExprId],
    ) -> Ty {
        let loc = self.loc(id);
        let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        let ids: Option<Vec<String>> = traits.iter().map(|t| self.callees.trait_id(*t)).collect();
        let Some(ids) = ids else {
            return Ty::Unknown;
        };
        let key = match (class, param) {
            (Some(class), _) => match self.class_ty(class, loc) {
                Ty::Class(key) => key,
                _ => return Ty::Unknown,
            },
            // `S::unit()`: the class is `S`'s type argument (unknown at macro time, where
            // the generic body is not typed per instantiation).
            (None, Some(g)) => match self.type_args.get(g as usize).map(Self::ty_of_type) {
                Some(Ty::Class(key)) => key,
                Some(other) => {
                    let shown = self.show(&other);
                    self.diags.push(
                        Diagnostic::new(
                            loc,
                            format!(
                                "the trait bound `{shown}: {}` is not satisfied",
                                trait_names(&ids)
                            ),
                        )
                        .note("note: jit code implements `#[jit] trait`s for `#[jitclass]` types only"),
                    );
                    return Ty::Unknown;
                }
                None => return Ty::Unknown,
            },
            (None, None) => {
                if let Some(t) = self.dyn_trait_path_call(id, &ids, name, args, &arg_types) {
                    return t;
                }
                if let Some(places) = self.associated_trait_fn(traits, name) {
                    return self.self_typed_trait_call(id, &ids, name, args, arg_types, places);
                }
                let (Some(first), Some(ft)) = (args.first(), arg_types.first()) else {
                    self.diags.push(Diagnostic::new(
                        loc,
                        format!("cannot call associated function `{name}` of a trait without a receiver argument in jit code yet\nhelp: name the class: `<Class as Trait>::{name}(..)`"),
                    ));
                    return Ty::Unknown;
                };
                let receiver = match self.resolve(ft) {
                    Ty::Ref(inner, _) => *inner,
                    other => other,
                };
                match self.known_receiver(&receiver, self.loc(*first)) {
                    None => return Ty::Unknown,
                    Some(Ty::Class(key)) => key,
                    Some(other) => {
                        let shown = self.show(&other);
                        self.diags.push(Diagnostic::new(
                            self.loc(*first),
                            format!("the trait bound `{shown}: {}` is not satisfied", trait_names(&ids)),
                        ).note("note: jit code implements `#[jit] trait`s for `#[jitclass]` types only"));
                        return Ty::Unknown;
                    }
                }
            }
        };
        self.trait_impl_call(id, key, &ids, name, args, arg_types)
    }

    /// `Trait::f(args)` once the implementing class is known: the function `f` of the
    /// class's impl of one of the traits of identities `ids`.
    pub(super) fn trait_impl_call(
        &mut self,
        id: ExprId,
        key: ClassKey,
        ids: &[String],
        name: &str,
        args: &[ExprId],
        arg_types: Vec<Ty>,
    ) -> Ty {
        let loc = self.loc(id);
        let candidates = match self.callees.method(&key, name) {
            Ok(ms) => ms,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                return Ty::Unknown;
            }
        };
        let of_traits: Vec<usize> = (0..candidates.len())
            .filter(|&i| {
                candidates[i]
                    .of_trait
                    .as_ref()
                    .is_some_and(|t| ids.contains(&t.id))
            })
            .collect();
        let i = match of_traits.as_slice() {
            [one] => *one,
            [] => {
                let at = args.first().map_or(loc, |a| self.loc(*a));
                self.diags.push(Diagnostic::new(
                    at,
                    format!(
                        "the trait bound `{}: {}` is not satisfied",
                        key.name,
                        trait_names(ids)
                    ),
                ));
                return Ty::Unknown;
            }
            several => {
                let traits: Vec<TraitOf> = several
                    .iter()
                    .filter_map(|&i| candidates[i].of_trait.clone())
                    .collect();
                self.diags
                    .push(multiple_applicable_items(loc, &key.name, name, &traits));
                return Ty::Unknown;
            }
        };
        let f = ClassFn {
            call: ClassCall {
                class: key,
                method: name.to_string(),
                candidate: i,
            },
            sig: candidates[i].clone(),
        };
        let mut arg_types = arg_types;
        self.receiver_argument(&f, name, args, &mut arg_types);
        self.call_target(id, f, args, &arg_types)
    }

    /// A method called by path with its receiver as the first argument (`C::f(&c)`,
    /// `Trait::f(&mut c)`): `&c` / `&mut c` lends the instance, which jit code passes as
    /// its handle (the argument is retyped as the class, as a method call's receiver is);
    /// a `&mut self` method needs `&mut` of a mutable place, as rustc says.
    pub(super) fn receiver_argument(
        &mut self,
        f: &ClassFn,
        name: &str,
        args: &[ExprId],
        arg_types: &mut [Ty],
    ) {
        let (Some(receiver), Some(&first)) = (f.sig.receiver, args.first()) else {
            return;
        };
        if let ExprKind::AddrOf { place, mutable } = self.ir.expr(first).kind
            && let Ty::Ref(inner, _) = self.resolve(&arg_types[0])
            && let inner = Box::new(self.resolve(&inner))
            && matches!(*inner, Ty::Class(_))
        {
            if receiver == Receiver::RefMut {
                if mutable {
                    self.check_mutable_receiver(place, name);
                } else {
                    self.diags.push(
                        Diagnostic::new(
                            self.loc(first),
                            format!(
                                "mismatched types: expected `&mut {}`, found `&{}`",
                                class_name(&inner),
                                class_name(&inner)
                            ),
                        )
                        .note("note: the method takes `&mut self`: pass `&mut` of the instance"),
                    );
                }
            }
            self.expr_types[first.index()] = (*inner).clone();
            arg_types[0] = *inner;
            return;
        }
        if receiver == Receiver::RefMut {
            self.check_mutable_receiver(first, name);
        }
    }
}

/// The traits a failed trait call names, for its message (`Shape`, `Shape + Named`).
fn trait_names(ids: &[String]) -> String {
    ids.iter()
        .map(|id| trait_name_of_id(id))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A class type's name, for messages.
fn class_name(t: &Ty) -> String {
    match t {
        Ty::Class(key) => key.name.clone(),
        _ => "_".to_string(),
    }
}

/// A trait's name from its identity (`crate::Shape@file:line:col`).
pub(super) fn trait_name_of_id(id: &str) -> &str {
    let before_at = id.split('@').next().unwrap_or(id);
    before_at.rsplit("::").next().unwrap_or(before_at)
}
