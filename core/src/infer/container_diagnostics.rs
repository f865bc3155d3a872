//! The messages inference reports about `Vec`s and arrays: their methods, element types,
//! copies, moves out of places, lent slices and borrowed loops (re-exported by
//! `diagnostics.rs`, where the conventions of every message are described).

use crate::diag::Diagnostic;
use crate::ir::LocId;
use crate::types::Type;

/// A method `Vec` does not have in jit code (E0599), or one of std's that jit code does
/// not support yet.
pub(super) fn no_vec_method(
    loc: LocId,
    method: &str,
    receiver: &str,
    std_has_it: bool,
    names: &[&str],
) -> Diagnostic {
    let d = if std_has_it {
        Diagnostic::new(
            loc,
            format!("`Vec::{method}` is not supported in jit code yet"),
        )
    } else {
        Diagnostic::new(
            loc,
            format!(
                "no method named `{method}` found for struct `{receiver}` in the current scope"
            ),
        )
    };
    let d = d.note(format!(
        "note: the methods of `Vec` in jit code are: {}",
        names.join(", ")
    ));
    if matches!(method, "iter" | "iter_mut" | "into_iter") {
        // Only `for` loops consume iterators in jit code (which lowers them to counted
        // loops over the indices): there is no iterator value.
        d.note(format!(
            "help: a `for` loop takes it as written (`for x in v.{method}()`); an iterator kept in a variable or passed to adapters (`map`, `sum`, `zip`, ...) is not supported yet: loop over the elements instead"
        ))
    } else {
        d
    }
}

/// `.copied()` of a type that is not `Copy` (E0277).
pub(super) fn not_copy(loc: LocId, ty: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("the trait bound `{ty}: Copy` is not satisfied"),
    )
    .note("help: use `.cloned()` instead")
}

/// A builtin's `&T` parameter given something not written `&x`.
pub(super) fn expected_reference_argument(loc: LocId, expected: &str, found: &str) -> Diagnostic {
    Diagnostic::new(loc, "mismatched types")
        .note(format!("expected `{expected}`, found `{found}`"))
        .note("help: consider borrowing here: `&x`")
}

/// An array type jitclass does not support: its element type, or its size.
pub(super) fn array_type(loc: LocId, error: super::array::ArrayTypeError) -> Diagnostic {
    let (message, note) = error.message();
    Diagnostic::new(loc, message).note(note)
}

/// `[value; N]` (`N > 1`) of a value that is not `Copy` (E0277); `outer`: the value's type,
/// when the type that is not `Copy` is inside it.
pub(super) fn repeat_not_copy(loc: LocId, ty: &str, outer: Option<&str>) -> Diagnostic {
    let d = Diagnostic::new(
        loc,
        format!("the trait bound `{ty}: Copy` is not satisfied"),
    );
    let d = match outer {
        Some(outer) => d.note(format!("note: required for `{outer}` to implement `Copy`")),
        None => d,
    };
    d.note("note: the `Copy` trait is required because this value will be copied for each element of the array")
        .note("help: write the elements out (`[a, b, c]`), or keep them in a `Vec`")
}

/// `array[i]` with a constant `i` past the end: rustc's `unconditional_panic` lint.
pub(super) fn constant_index_out_of_bounds(loc: LocId, len: u64, index: i128) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "this operation will panic at runtime: index out of bounds: the length is {len} but the index is {index}"
        ),
    )
}

/// `Vec<T>` of a `T` that cannot be an element.
pub(super) fn bad_vec_elem(loc: LocId, elem: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("`Vec<{elem}>` is not supported in jit code"),
    )
    .note("note: a `Vec` holds numbers, `bool`, tuples, `Option`s, instances, `PassThru` handles, raw and function pointers, or `Vec`s; not slices, references or `()`")
}

/// A `Vec` moved out of a field or an element (E0507).
pub(super) fn move_out_of_place(loc: LocId, what: &str, ty: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot move out of {what}: a value of type `{ty}` cannot be moved out of a place another value owns"),
    )
    .note("help: clone it (`.clone()`), or use it in place (`v.len()`, `v[i]`, `for x in &v`)")
}

/// Another argument of a call uses a local a slice is lent from (E0502, E0505).
pub(super) fn lent_slice_conflict(
    loc: LocId,
    name: &str,
    lent_mutably: bool,
    moved: bool,
    mutably: bool,
) -> Diagnostic {
    let lent = if lent_mutably { "mutable" } else { "immutable" };
    let message = if moved {
        format!("cannot move out of `{name}` because it is borrowed")
    } else if mutably {
        format!("cannot borrow `{name}` as mutable because it is also borrowed as {lent}")
    } else {
        format!("cannot borrow `{name}` as immutable because it is also borrowed as {lent}")
    };
    Diagnostic::new(loc, message).note(format!(
        "note: a slice of `{name}` is lent to this call, which the other arguments must not change, move or reach mutably"
    ))
}

/// A slice of an instance's `Vec` lent beside an argument that could reach the instance.
pub(super) fn lent_field_conflict(loc: LocId) -> Diagnostic {
    Diagnostic::new(
        loc,
        "cannot pass this beside a slice of an instance's `Vec`: through it, the callee could reach that `Vec` and reallocate it while the slice is lent",
    )
    .note("help: copy the field first (`let data = self.data.clone();`) and lend the copy, or pass only numbers beside the slice")
}

/// `==` on `Vec`s (or `contains`) whose elements hold instances of a class that implements
/// `PartialEq`: rustc would call its `eq`, which jit code does not do for a `Vec` yet.
pub(super) fn vec_eq_unsupported(loc: LocId, ty: &str, class: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("comparing `{ty}` with `==` is not supported in jit code yet"),
    )
    .note(format!("note: `==` on a `Vec` (and `contains`) does not call `{class}`'s `PartialEq` impl yet: compare the elements one by one (`a[i] == b[i]`)"))
}

/// `==` / `contains` on a `Vec` whose elements hold an array: rustc compares them, jit
/// code does not yet (`codegen/equality.rs` compares register values; arrays live in
/// memory).
pub(super) fn vec_of_arrays_eq_unsupported(loc: LocId, ty: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("comparing `{ty}` with `==` is not supported in jit code yet"),
    )
    .note("note: jit code compares `Vec`s whose elements hold no array yet; compare the elements one by one")
}

/// `v.contains(&x)` whose elements hold instances of a class without `PartialEq`
/// (rustc's E0277, from the bound `T: PartialEq` of `[T]::contains`).
pub(super) fn cannot_compare_elements(loc: LocId, class: &str, elem: &Type) -> Diagnostic {
    let mut d = Diagnostic::new(loc, format!("can't compare `{class}` with `{class}`")).note(
        format!("help: the trait `PartialEq` is not implemented for `{class}`"),
    );
    if !matches!(elem, Type::Class(_)) {
        d = d.note(format!(
            "note: required for `{elem}` to implement `PartialEq`"
        ));
    }
    d
}

/// A borrowed loop's body changes the `Vec` it iterates (E0502).
pub(super) fn changed_while_iterated(loc: LocId, name: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot borrow `{name}` as mutable because it is also borrowed as immutable"),
    )
    .note(format!(
        "note: `{name}` is borrowed by the `for` loop over it while the loop may go on, as in Rust (rustc's E0502)\nhelp: loop over the indices (`for i in 0..{name}.len()`), or collect the changes and apply them after the loop"
    ))
}

/// A change through a `&Vec<T>` parameter (E0596).
pub(super) fn borrow_behind_shared_reference(loc: LocId, variable: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot borrow `*{variable}` as mutable, as it is behind a `&` reference"),
    )
    .note(format!(
        "note: `{variable}` is a `&` reference, so it cannot be borrowed as mutable\nhelp: take the parameter as `&mut Vec<..>`"
    ))
}

/// How a place is changed while a reference into it is live.
#[derive(Clone, Copy)]
pub(super) enum Change {
    /// A method taking `&mut self`, or `&mut place` (E0502).
    MutBorrow,
    /// `place = value`, `place += value` (E0506).
    Assign,
    /// Moved (E0505).
    Move,
}

impl Change {
    /// rustc's error code for the change.
    pub(super) fn code(self) -> &'static str {
        match self {
            Change::MutBorrow => "E0502",
            Change::Assign => "E0506",
            Change::Move => "E0505",
        }
    }
}

/// rustc's sentence for `changed` changed `how` while borrowed (E0502, E0506, E0505).
pub(super) fn borrowed_change_message(how: Change, changed: &str) -> String {
    match how {
        Change::MutBorrow => {
            format!("cannot borrow `{changed}` as mutable because it is also borrowed as immutable")
        }
        Change::Assign => format!("cannot assign to `{changed}` because it is borrowed"),
        Change::Move => format!("cannot move out of `{changed}` because it is borrowed"),
    }
}

/// A `Vec` or map changed while a reference into it (`name`, from `v.first()` & co.) is
/// live; `owned`: the element holds a `String` or `Vec`, which only a clone takes out
/// (`*x` of it is rustc's E0507, `.copied()` its E0277).
pub(super) fn changed_while_referenced(
    loc: LocId,
    how: Change,
    (changed, borrowed): (&str, &str),
    (name, owned): (&str, bool),
) -> Diagnostic {
    let help = if owned {
        "clone the element out first (`.cloned()`, `x.clone()`)"
    } else {
        "copy the element out first (`.copied()`, `.cloned()`, `*x`)"
    };
    Diagnostic::new(loc, borrowed_change_message(how, changed)).note(format!(
        "note: `{name}` borrows `{borrowed}`, and is used after this (rustc's {})\nhelp: {help}",
        how.code()
    ))
}
