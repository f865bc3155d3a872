//! The messages about trait objects in jit bodies, in rustc's words where rustc has the
//! error (E0277, E0599, E0596, E0161), in jitclass's where jit code is narrower than Rust
//! (a `Box` holds only a trait object).

use crate::diag::Diagnostic;
use crate::ir::LocId;
use crate::types::DynPointer;

/// A class put in a trait object of a trait it does not implement (E0277); `unmet`, the
/// bounds of its generic impl of the trait that its type arguments fail; `from` and `to`,
/// the pointer types of rustc's "required for the cast" note.
pub(super) fn not_implemented(
    loc: LocId,
    class: &str,
    trait_name: &str,
    unmet: &[String],
    (from, to): (&str, &str),
) -> Diagnostic {
    let d = Diagnostic::new(
        loc,
        format!("the trait bound `{class}: {trait_name}` is not satisfied"),
    );
    let d = if unmet.is_empty() {
        d.note(format!(
            "help: the trait `{trait_name}` is not implemented for `{class}`"
        ))
    } else {
        super::bound_checks::impl_bound_notes(d, unmet, class, trait_name)
    };
    d.note(format!(
        "note: required for the cast from `{from}` to `{to}`"
    ))
}

/// `Box::new(value)` of a value that is not a class instance.
pub(super) fn boxed_non_class(loc: LocId, found: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("`Box::new` in jit code takes a `#[jitclass]` instance, found `{found}`"),
    )
    .note("note: a `Box` in jit code holds a trait object (`Box<dyn Trait>`) of a class instance")
}

/// `Box::new(value)` whose use never says which trait object it makes.
pub(super) fn box_type_unknown(loc: LocId, class: Option<&str>) -> Diagnostic {
    let rust = match class {
        Some(c) => format!("; rustc would make a `Box<{c}>` here, which jit code does not have"),
        None => String::new(),
    };
    Diagnostic::new(
        loc,
        "type annotations needed: this `Box::new` makes a trait object whose trait is not known",
    )
    .note(format!(
        "note: a `Box` in jit code holds only a trait object (`Box<dyn Trait>`){rust}"
    ))
    .note("help: name the trait object's type where the value is bound: `let s: Box<dyn Shape> = Box::new(..);`")
}

/// `Box::new(value)` used where another type is expected.
pub(super) fn box_mismatch(loc: LocId, expected: &str, operand: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("mismatched types: expected `{expected}`, found `Box<{operand}>`"),
    )
    .note("note: a `Box` in jit code holds only a trait object (`Box<dyn Trait>`)")
}

/// A method the trait does not have, called on a trait object (E0599).
pub(super) fn no_method(loc: LocId, method: &str, receiver: &str) -> Diagnostic {
    let kind = if receiver.starts_with('&') {
        "reference"
    } else {
        "struct"
    };
    Diagnostic::new(
        loc,
        format!("no method named `{method}` found for {kind} `{receiver}` in the current scope"),
    )
    .note(format!("note: method not found in `{receiver}`"))
}

/// `r.as_ref()` / `r.as_mut()` of a `&dyn T` / `&mut dyn T` (E0599): the method exists
/// for references, through `impl AsRef<U> for &T where T: AsRef<U>`, which `dyn T` is not.
pub(super) fn lend_of_borrowed(
    loc: LocId,
    method: &str,
    receiver: &str,
    pointer: DynPointer,
) -> Diagnostic {
    let as_trait = if method == "as_mut" { "AsMut" } else { "AsRef" };
    let kind = if pointer == DynPointer::RefMut {
        "mutable reference"
    } else {
        "reference"
    };
    let object = receiver.trim_start_matches("&mut ").trim_start_matches('&');
    Diagnostic::new(
        loc,
        format!(
            "the method `{method}` exists for {kind} `{receiver}`, but its trait bounds were not satisfied"
        ),
    )
    .note(format!(
        "note: the following trait bounds were not satisfied:\n        `{object}: {as_trait}<_>`\n        which is required by `{receiver}: {as_trait}<_>`"
    ))
}

/// A function without `self` called as a method of a trait object (E0599).
pub(super) fn associated_fn(
    loc: LocId,
    method: &str,
    receiver: &str,
    trait_name: &str,
) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("no method named `{method}` found for struct `{receiver}` in the current scope"),
    )
    .note("note: this is an associated function, not a method")
    .note("note: found the following associated functions; to be used as methods, functions must have a `self` parameter")
    .note(format!(
        "note: the candidate is defined in the trait `{trait_name}`"
    ))
}

/// A method bounded `where Self: Sized` called on a trait object.
pub(super) fn sized_method(loc: LocId, method: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("the `{method}` method cannot be invoked on a trait object"),
    )
    .note("note: this has a `Sized` requirement")
}

/// A by-value `self` method called on a trait object (E0161).
pub(super) fn moved_trait_object(loc: LocId, trait_name: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot move a value of type `dyn {trait_name}`"),
    )
    .note(format!(
        "note: the size of `dyn {trait_name}` cannot be statically determined"
    ))
}

/// A `&mut self` method called through a `&dyn Trait` (E0596); `variable` is the
/// receiver's local, if it is one.
pub(super) fn mut_through_shared(loc: LocId, variable: Option<&str>) -> Diagnostic {
    match variable {
        Some(v) => Diagnostic::new(
            loc,
            format!("cannot borrow `*{v}` as mutable, as it is behind a `&` reference"),
        )
        .note(format!(
            "note: `{v}` is a `&` reference, so it cannot be borrowed as mutable"
        )),
        None => Diagnostic::new(loc, "cannot borrow data in a `&` reference as mutable"),
    }
}

/// A `&mut self` method called on a `Box<dyn Trait>` local not declared `mut` (E0596).
pub(super) fn mut_of_immutable_box(loc: LocId, variable: &str, method: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "cannot borrow `*{variable}` as mutable, as `{variable}` is not declared as mutable"
        ),
    )
    .note(format!("note: `{method}` takes `&mut self`"))
    .note(format!(
        "help: make the variable mutable: `let mut {variable}`"
    ))
}

/// A method of the trait whose signature jit code cannot type without the class.
pub(super) fn untyped_method(loc: LocId, method: &str, trait_name: &str, why: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "the method `{method}` of trait `{trait_name}` cannot be called through a trait object in jit code: {why}"
        ),
    )
}

/// A borrow of a trait object (`&b` of a `Box<dyn T>`) where a `&dyn T` is expected:
/// rustc's unsizing coercion asks for the pointed-to type to implement the trait (E0277).
pub(super) fn pointer_not_implemented(
    loc: LocId,
    found: &str,
    trait_name: &str,
    from: &str,
    to: &str,
) -> Diagnostic {
    let d = Diagnostic::new(
        loc,
        format!("the trait bound `{found}: {trait_name}` is not satisfied"),
    )
    .note(format!(
        "help: the trait `{trait_name}` is not implemented for `{found}`"
    ))
    .note(format!(
        "note: required for the cast from `{from}` to `{to}`"
    ));
    if found.starts_with("Box<") {
        d.note("help: lend the trait object the box holds: `&*b` or `b.as_ref()` (`&mut *b` or `b.as_mut()` for a `&mut dyn`)")
    } else {
        d
    }
}

/// `&*x` / `&mut *x` of anything but a `Box<dyn Trait>`.
pub(super) fn deref_of_non_box(loc: LocId, found: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("dereferencing (`*x`) a `{found}` is not supported in jit code"),
    )
    .note("note: `&*b` / `&mut *b` in jit code lends the trait object a `Box<dyn Trait>` holds")
}

/// A `&mut self` method called through `s` of `for s in &v` over a `Vec<Box<dyn Trait>>`
/// (E0596): `s` is a `&Box<dyn Trait>`.
pub(super) fn mut_through_loop_element(
    loc: LocId,
    variable: &str,
    vec: Option<&str>,
) -> Diagnostic {
    let d = Diagnostic::new(
        loc,
        format!("cannot borrow `**{variable}` as mutable, as it is behind a `&` reference"),
    )
    .note(format!(
        "note: `{variable}` is a `&` reference, so it cannot be borrowed as mutable"
    ));
    match vec {
        Some(v) => d.note(format!(
            "help: use a mutable iterator instead: `for {variable} in &mut {v}`"
        )),
        None => d.note("help: use a mutable iterator instead: `&mut`"),
    }
}
