//! The messages inference reports about operators, indexing and casts (re-exported by
//! `diagnostics.rs`, where the conventions of every message are described).

use crate::diag::Diagnostic;
use crate::ir::{BinOp, LocId, UnOp};
use crate::types::{PrimTy, Type};

// ---- operators --------------------------------------------------------------------------

/// `x += &x` (`s += &s`, `a.n += &a.n`): std's `AddAssign<&T>` borrows `x` mutably while
/// `&x` is alive (E0502).
pub(super) fn added_to_itself(loc: LocId, name: &str, string: bool) -> Diagnostic {
    let help = if string {
        format!("help: add a copy of the text (`{name} += &{name}.clone();`)")
    } else {
        format!("help: add the value itself (`{name} += {name};`)")
    };
    Diagnostic::new(
        loc,
        super::diagnostics::borrowed_change_message(super::diagnostics::Change::MutBorrow, name),
    )
    .note(format!(
        "note: `&{name}` borrows `{name}` while `+=` changes it (rustc's E0502)\n{help}"
    ))
}

/// `op v` on a type without the operator (`-x` of a `u32`: `unsigned_note`).
pub(super) fn unary_not_applicable(
    loc: LocId,
    op: UnOp,
    ty: &str,
    unsigned_note: bool,
) -> Diagnostic {
    let d = Diagnostic::new(
        loc,
        format!(
            "cannot apply unary operator `{}` to type `{ty}`",
            match op {
                UnOp::Neg => "-",
                UnOp::Not => "!",
            }
        ),
    );
    if unsigned_note {
        d.note("note: unsigned values cannot be negated")
    } else {
        d
    }
}

/// `op v` on a class instance whose class has no impl of the operator's trait.
pub(super) fn class_unary_without_impl(
    loc: LocId,
    op: UnOp,
    class: &str,
    trait_name: &str,
) -> Diagnostic {
    unary_not_applicable(loc, op, class, false).note(format!(
        "note: `{class}` has no `#[jitclass] impl {trait_name}`"
    ))
}

/// `==`/`!=` (or `contains`) on values holding a `HashMap` or a `HashSet`, which rustc
/// compares with `PartialEq` and jit code does not yet; named as the type `ty` shows them
/// (a set is lowered to a map, which its user never wrote).
pub(super) fn map_comparison_unsupported(loc: LocId, ty: &str) -> Diagnostic {
    let what = if !ty.contains("HashMap") && ty.contains("HashSet") {
        "HashSet"
    } else {
        "HashMap"
    };
    Diagnostic::new(
        loc,
        format!(
            "comparing `{ty}` is not supported in jit code yet: jit code does not compare `{what}`s yet"
        ),
    )
}

pub(super) fn binary_not_applicable(loc: LocId, op: BinOp, ty: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "binary operation `{}` cannot be applied to type `{ty}`",
            op.symbol()
        ),
    )
}

/// `a op= b` on a primitive without the operator (rustc's E0368).
pub(super) fn compound_not_applicable(loc: LocId, op: BinOp, ty: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "binary assignment operation `{}=` cannot be applied to type `{ty}`",
            op.symbol()
        ),
    )
}

/// `a op b` on a class instance with no impl taking `b`: rustc's message of the trait
/// (`on_unimplemented`, from the operator table) when it has one.
pub(super) fn class_binary_without_impl(
    loc: LocId,
    op: BinOp,
    class: &str,
    on_unimplemented: Option<String>,
    trait_name: Option<&str>,
    rhs: &str,
) -> Diagnostic {
    let d = match on_unimplemented {
        Some(message) => Diagnostic::new(loc, message),
        None => binary_not_applicable(loc, op, class),
    };
    match trait_name {
        Some(trait_name) => d.note(format!(
            "note: `{class}` has no `#[jitclass] impl {trait_name}` taking `{rhs}`"
        )),
        None => d,
    }
}

/// `a op= b` on a class instance with no impl taking `b`: rustc's message of the trait
/// (`on_unimplemented`) if the class has impls of it for other right-hand types
/// (`has_impls`), else that the operator does not apply.
pub(super) fn class_compound_without_impl(
    loc: LocId,
    op: BinOp,
    class: &str,
    (on_unimplemented, has_impls): (Option<String>, bool),
    trait_name: Option<&str>,
    rhs: &str,
) -> Diagnostic {
    let message = match on_unimplemented {
        Some(m) if has_impls => m,
        _ => format!(
            "binary assignment operation `{}=` cannot be applied to type `{class}`",
            op.symbol()
        ),
    };
    let d = Diagnostic::new(loc, message);
    match trait_name {
        Some(trait_name) if has_impls => d.note(format!(
            "note: `{class}` has no `#[jitclass] impl {trait_name}<{rhs}>`"
        )),
        Some(trait_name) => d.note(format!(
            "note: `{class}` has no `#[jitclass] impl {trait_name}`"
        )),
        None => d,
    }
}

/// `v[i]` (`mutable`: `v[i] = x`) on a class instance with no impl taking `i`.
pub(super) fn class_index_without_impl(
    loc: LocId,
    class: &str,
    mutable: bool,
    trait_name: &str,
    index: &str,
) -> Diagnostic {
    let what = if mutable {
        "assign to an index of"
    } else {
        "index into"
    };
    Diagnostic::new(loc, format!("cannot {what} a value of type `{class}`")).note(format!(
        "note: `{class}` has no `#[jitclass] impl {trait_name}` taking `{index}`"
    ))
}

/// Several impls of an operator method could take the right-hand operand.
pub(super) fn several_operator_impls(loc: LocId, method_key: &str, class: &str) -> Diagnostic {
    Diagnostic::new(loc, "type annotations needed").note(format!(
        "note: several `{method_key}` impls of `{class}` could apply"
    ))
}

pub(super) fn slice_index_not_usize(loc: LocId, found: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("slices are indexed by `usize`, found `{found}`"),
    )
    .note("help: convert the index with `as usize`")
}

pub(super) fn cannot_index(loc: LocId, ty: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("cannot index into a value of type `{ty}`"))
}

// ---- casts ------------------------------------------------------------------------------

pub(super) fn fn_pointer_cast(loc: LocId, from: &str, to: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("cannot cast `{from}` as `{to}`"))
        .note("note: a function pointer casts only to its own type (`f as extern \"C\" fn(f64) -> f64` for a function named as a value)")
}

pub(super) fn pointer_cast(loc: LocId, from: &str, to: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("cannot cast `{from}` as `{to}`"))
        .note("note: raw pointers convert to and from integers (addresses)")
}

pub(super) fn non_primitive_cast(loc: LocId, from: &Type, to: &Type) -> Diagnostic {
    Diagnostic::new(loc, format!("non-primitive cast: `{from}` as `{to}`"))
        .note("note: `as` converts between numbers, and from `bool` to integers")
}

pub(super) fn cast_to_bool(loc: LocId, from: PrimTy) -> Diagnostic {
    Diagnostic::new(loc, format!("cannot cast `{from}` as `bool`"))
        .note("help: compare with zero instead: `x != 0`")
}

/// rustc's E0604: only `u8` casts to `char` (a `u32` may not be a scalar value).
pub(super) fn cast_to_char(loc: LocId, from: PrimTy) -> Diagnostic {
    let d = Diagnostic::new(
        loc,
        format!("only `u8` can be cast as `char`, not `{from}`"),
    );
    if from.is_numeric() {
        d.note("help: consider using `char::from_u32` instead")
    } else {
        d
    }
}

/// rustc's E0054 for a `char`.
pub(super) fn char_to_bool(loc: LocId) -> Diagnostic {
    Diagnostic::new(loc, "cannot cast `char` as `bool`")
}

/// rustc's E0606 for a `char`.
pub(super) fn char_to_float(loc: LocId, to: PrimTy) -> Diagnostic {
    Diagnostic::new(loc, format!("casting `char` as `{to}` is invalid"))
        .note("help: cast through an integer first")
}

pub(super) fn bool_to_float(loc: LocId, to: PrimTy) -> Diagnostic {
    Diagnostic::new(loc, format!("cannot cast `bool` as `{to}`"))
        .note("help: cast through an integer: `b as u8 as f64`")
}
