//! Every message inference reports, and how types are spelled in them: one function per
//! error, building its `Diagnostic` (message, then notes), so that the wording lives here.
//!
//! The words are rustc's where rustc has an error for the same program (`mismatched types:
//! expected `f64`, found `i32``), and the notes say what jit code accepts instead. Types
//! come in already spelled (`Infer::show`), so the functions need no inference state;
//! the two that do (`mismatch`, `return_type_note`) are methods of `Infer`.

use super::Infer;
use super::unify::{Ty, VarKind};
use crate::diag::Diagnostic;
use crate::ir::LocId;
use crate::limits::{self, MAX_TYPE_DEPTH, MAX_TYPE_SIZE, TypeLimit};
use crate::methods;
use crate::types::{PrimTy, Type};

// The messages of `Vec`s, arrays and their moves and borrows, in their own file.
pub(super) use super::container_diagnostics::*;
// The messages of operators, indexing and casts, in their own file.
pub(super) use super::op_diagnostics::*;

impl Infer<'_> {
    /// "mismatched types: expected `f64`, found integer".
    pub(super) fn mismatch(&self, loc: LocId, expected: &Ty, found: &Ty) -> Diagnostic {
        let found_s = match self.resolve(found) {
            Ty::Var(v) if self.var_kind(v) == VarKind::Int => "integer".to_string(),
            Ty::Var(v) if self.var_kind(v) == VarKind::Float => "floating-point number".to_string(),
            _ => format!("`{}`", self.show(found)),
        };
        Diagnostic::new(
            loc,
            format!(
                "mismatched types: expected `{}`, found {found_s}",
                self.show(expected)
            ),
        )
    }

    /// The caret is on the returned value, far from the signature that set the expectation.
    pub(super) fn return_type_note(&self, d: Diagnostic) -> Diagnostic {
        let ret = self.show(&self.ret);
        d.note(format!(
            "note: expected `{ret}` because of the return type of `{}`",
            self.ir.name
        ))
    }
}

// ---- bodies, blocks, branches, patterns ------------------------------------------------

/// A body without a tail expression whose return type is not `()`: the mismatch, at the
/// signature's return type.
pub(super) fn body_returns_unit(ret_loc: LocId, mismatch: Diagnostic) -> Diagnostic {
    Diagnostic::new(ret_loc, mismatch.message)
        .note("note: the body has no tail expression or `return`, so it returns `()`")
}

pub(super) fn missing_else(loc: LocId, then_type: &str) -> Diagnostic {
    Diagnostic::new(loc, "`if` may be missing an `else` clause").note(format!(
        "note: the `if` branch has type `{then_type}`, so an `else` branch of the same type is required"
    ))
}

pub(super) fn incompatible_branches(loc: LocId, then_type: &str, else_type: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "`if` and `else` have incompatible types: expected `{then_type}`, found `{else_type}`"
        ),
    )
}

pub(super) fn not_an_option(loc: LocId, found: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("mismatched types: expected `Option<_>`, found `{found}`"),
    )
    .note("note: `Some(..)` patterns match `Option` values")
}

pub(super) fn tuple_pattern_mismatch(loc: LocId, expected: &str, elements: usize) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "mismatched types: expected `{expected}`, found a tuple pattern with {elements} elements"
        ),
    )
}

pub(super) fn no_tuple_field(loc: LocId, index: u32, on: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("no field `{index}` on type `{on}`"))
}

/// A value whose type must be known where it is used (a receiver), or at the end.
pub(super) fn type_annotations_needed(loc: LocId) -> Diagnostic {
    Diagnostic::new(loc, "type annotations needed")
        .note("help: give the value a type, e.g. `let x: f64 = ...`")
}

pub(super) fn local_type_annotations_needed(loc: LocId, name: &str) -> Diagnostic {
    Diagnostic::new(loc, "type annotations needed").note(format!(
        "help: give `{name}` a type, e.g. `let {name}: f64 = ...`"
    ))
}

pub(super) fn call_type_annotations_needed(loc: LocId) -> Diagnostic {
    Diagnostic::new(loc, "type annotations needed")
        .note("note: cannot infer the generic arguments of this call")
}

// ---- loops ------------------------------------------------------------------------------

pub(super) fn loop_body_value(mismatch: Diagnostic) -> Diagnostic {
    mismatch.note("help: a loop body cannot produce a value; add `;`")
}

pub(super) fn break_value_outside_loop(loc: LocId) -> Diagnostic {
    Diagnostic::new(loc, "`break` with value from a `while` or `for` loop")
        .note("help: only `loop` can break with a value; use `break;`")
}

pub(super) fn tuple_elements_differ(
    loc: LocId,
    first: &str,
    index: usize,
    other: &str,
) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("a `for` loop over a tuple needs elements of one type, but element 0 is `{first}` and element {index} is `{other}`"),
    )
    .note("note: the loop body is compiled once, for one element type")
}

pub(super) fn not_iterable(loc: LocId, found: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("`{found}` cannot be iterated in jit code"))
        .note("note: `for` loops walk integer ranges `a..b` / `a..=b`, tuples whose elements share one type, and slices")
}

pub(super) fn range_bound_not_integer(loc: LocId, found: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("`for` ranges need integer bounds, found `{found}`"),
    )
}

/// `.step_by(k).rev()` on a range of `p` whose length may not fit a `usize`.
pub(super) fn not_exact_size_range(loc: LocId, p: PrimTy, inclusive: bool) -> Diagnostic {
    let range = if inclusive { "RangeInclusive" } else { "Range" };
    let exact: Vec<String> = PrimTy::ALL
        .into_iter()
        .filter(|q| q.is_int() && q.has_exact_size_range(inclusive))
        .map(|q| format!("`{q}`"))
        .collect();
    Diagnostic::new(
        loc,
        format!("the trait bound `std::ops::{range}<{p}>: ExactSizeIterator` is not satisfied"),
    )
    .note(format!(
        "note: required for `StepBy<std::ops::{range}<{p}>>` to implement `DoubleEndedIterator`, which `.rev()` needs"
    ))
    .note(format!(
        "help: `ExactSizeIterator` is implemented for `{range}`s of {}",
        exact.join(", ")
    ))
}

// ---- places -----------------------------------------------------------------------------

pub(super) fn borrowed_field_escapes(loc: LocId) -> Diagnostic {
    Diagnostic::new(
        loc,
        "`&self.field` can only be the result of `index` / `index_mut`",
    )
    .note("note: kept anywhere else, it could outlive the field it points into")
}

/// `how`: "assigned", "assigned in place", "borrowed".
pub(super) fn property_is_not_a_place(loc: LocId, name: &str, how: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("`{name}` is a `#[getter]` property, not a field: it cannot be {how}"),
    )
    .note(format!(
        "help: write it through a `#[setter] fn set_{name}` as `v.{name} = value`, or use a field"
    ))
}

/// `v.name.entry(k)` where `name` is a `#[getter]`: its map is a new one at each read.
pub(super) fn property_map_in_place(loc: LocId, name: &str, method: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "`{name}` is a `#[getter]` property, not a field: it cannot be borrowed by `{method}`, which works on the map in place"
        ),
    )
    .note(format!(
        "help: the getter makes a new map at each read; bind it first: `let mut m = v.{name};`"
    ))
}

pub(super) fn assign_to_field_of_ref_self(loc: LocId) -> Diagnostic {
    Diagnostic::new(
        loc,
        "cannot assign to a field of `self`, which is behind a `&` reference",
    )
    .note("help: take `&mut self` in this method")
}

pub(super) fn assign_to_field_of_immutable(loc: LocId, variable: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot assign to a field of immutable variable `{variable}`"),
    )
    .note(format!(
        "help: make the variable mutable: `let mut {variable}`"
    ))
}

/// `a[i] = x` on an array in an immutable variable (E0594).
pub(super) fn assign_to_element_of_immutable(loc: LocId, variable: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot assign to `{variable}[_]`, as `{variable}` is not declared as mutable"),
    )
    .note(format!(
        "help: consider changing this to be mutable: `let mut {variable}`"
    ))
}

pub(super) fn invalid_assignment_target(loc: LocId) -> Diagnostic {
    Diagnostic::new(loc, "invalid left-hand side of assignment")
}

/// An assignment to what is no place at all (a call, a literal).
pub(super) fn not_assignable(loc: LocId) -> Diagnostic {
    invalid_assignment_target(loc)
        .note("note: only variables, slice elements, tuple fields and class fields can be assigned")
}

pub(super) fn assign_to_self(loc: LocId) -> Diagnostic {
    Diagnostic::new(loc, "cannot assign to `self` in a jitclass method")
        .note("help: assign its fields (`self.x = ..`), or return another instance")
}

pub(super) fn assign_to_immutable(loc: LocId, variable: &str, is_param: bool) -> Diagnostic {
    // As rustc's borrow checker words it: a raw identifier without `r#` (`loop`).
    let bare = variable.strip_prefix("r#").unwrap_or(variable);
    let what = if is_param {
        format!("cannot assign to immutable argument `{bare}`")
    } else {
        format!("cannot assign twice to immutable variable `{bare}`")
    };
    Diagnostic::new(loc, what).note(format!(
        "help: make the variable mutable: `let mut {variable}`"
    ))
}

pub(super) fn assign_through_shared_slice(loc: LocId) -> Diagnostic {
    Diagnostic::new(
        loc,
        "cannot assign through a `&` slice: its elements are read-only",
    )
    .note("help: take the parameter as `&mut [T]`")
}

pub(super) fn mut_method_through_ref_self(loc: LocId, method: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot call `{method}`, which takes `&mut self`, through `&self`"),
    )
    .note("help: take `&mut self` in this method")
}

/// `&mut v` of an immutable variable (E0596).
pub(super) fn borrow_immutable_as_mutable(loc: LocId, variable: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot borrow `{variable}` as mutable, as it is not declared as mutable"),
    )
    .note(format!(
        "help: make the variable mutable: `let mut {variable}`"
    ))
}

pub(super) fn mut_method_on_immutable(loc: LocId, variable: &str, method: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot borrow `{variable}` as mutable, as it is not declared as mutable"),
    )
    .note(format!("note: `{method}` takes `&mut self`"))
    .note(format!(
        "help: make the variable mutable: `let mut {variable}`"
    ))
}

// ---- calls ------------------------------------------------------------------------------

/// "function `f` takes 2 arguments but 1 argument was supplied"; `callee` as rustc names
/// it: "function `f`", "this function", "`V::new`".
pub(super) fn wrong_argument_count(
    loc: LocId,
    callee: &str,
    expected: usize,
    supplied: usize,
) -> Diagnostic {
    Diagnostic::new(
        loc,
        crate::diag::takes_but_supplied(callee, "argument", expected, supplied),
    )
}

/// rustc's E0107 for a turbofish: "function takes 1 generic argument but 2 generic
/// arguments were supplied".
pub(super) fn wrong_generic_argument_count(
    loc: LocId,
    what: &str,
    expected: usize,
    supplied: usize,
) -> Diagnostic {
    Diagnostic::new(
        loc,
        crate::diag::takes_but_supplied(what, "generic argument", expected, supplied),
    )
}

/// The argument count of a builtin method: "method `abs` takes 0 arguments but 1 was
/// supplied".
pub(super) fn builtin_wrong_argument_count(
    loc: LocId,
    method: &str,
    expected: usize,
    supplied: usize,
) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "method `{}` takes {expected} argument{} but {supplied} {} supplied",
            methods::user_name(method),
            if expected == 1 { "" } else { "s" },
            if supplied == 1 { "was" } else { "were" },
        ),
    )
}

pub(super) fn unsafe_call_outside_unsafe(loc: LocId, name: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("call to unsafe C function `{name}` is unsafe and requires an `unsafe` block"),
    )
    .note(format!("note: jit code cannot check what a C function does; declare it `safe fn {name}` in an `unsafe extern \"C\"` block if any call is safe"))
}

pub(super) fn not_a_function(loc: LocId, found: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("expected function, found `{found}`"))
        .note("note: jit code calls `#[jit]` fns, methods, and values of a function pointer type `extern \"C\" fn(..) -> ..`")
}

pub(super) fn generic_fn_as_value(loc: LocId, name: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("the generic jit fn `{name}` cannot be used as a value"))
        .note("note: a function pointer has one signature; call a non-generic `extern \"C\"` jit fn through it")
}

pub(super) fn rust_fn_as_value(loc: LocId, name: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("`{name}` is not an `extern \"C\"` fn, so it has no C function pointer"))
        .note(format!("help: declare it `#[jit] extern \"C\" fn {name}(..)`, as Rust requires for `extern \"C\" fn` pointers"))
}

pub(super) fn unsafe_fn_as_value(loc: LocId, name: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("the unsafe C function `{name}` cannot be used as a value"))
        .note(format!("note: jit code has only safe function pointers; declare it `safe fn {name}` in an `unsafe extern \"C\"` block if it is safe to call"))
}

/// A method call on an integer or float literal whose type is not known yet.
pub(super) fn ambiguous_numeric_receiver(loc: LocId, method: &str, int: bool) -> Diagnostic {
    let (kind, literal, ty) = if int {
        ("{integer}", "2_i64", "i64")
    } else {
        ("{float}", "2.0_f64", "f64")
    };
    Diagnostic::new(
        loc,
        format!(
            "can't call method `{}` on ambiguous numeric type `{kind}`",
            methods::user_name(method)
        ),
    )
    .note(format!(
        "help: give the value a type, e.g. `{literal}` or `let x: {ty} = ...`"
    ))
}

pub(super) fn associated_fn_as_method(loc: LocId, class: &str, method: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("`{method}` is an associated function of `{class}`, not a method"),
    )
    .note(format!("help: call it as `{class}::{method}(..)`"))
}

/// A method or field of a pass-through handle (`what`: "method named `len`", "field
/// `x`"), with what jit code may do with one.
pub(super) fn passthru_misuse(loc: LocId, what: &str, inner: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("no {what} on `PassThru<{inner}>` in jit code")).note(
        "note: jit code passes a `PassThru` along, stores it, and compares it (`==`, `!=`); use the value inside an `objmode!` block",
    )
}

/// A comparison a comparator of the sort methods makes (`methods::ORD_CMP`, ...) on a
/// type that has no such comparison, in rustc's words where rustc refuses it too.
pub(super) fn comparison_not_available(loc: LocId, method: &str, receiver: &Type) -> Diagnostic {
    let float = receiver.prim().is_some_and(|p| p.is_float());
    let name = methods::user_name(method);
    match method {
        methods::SORT_CMP if float => {
            Diagnostic::new(loc, format!("the trait bound `{receiver}: Ord` is not satisfied"))
                .note(format!("note: `{receiver}` is not `Ord` (NaN); floats are ordered by `a.total_cmp(b)`, as in `sort_by(|a, b| a.total_cmp(b))`"))
        }
        methods::ORD_CMP if float => Diagnostic::new(
            loc,
            format!("the method `cmp` exists for reference `&{receiver}`, but its trait bounds were not satisfied"),
        )
        .note(format!("note: `{receiver}: Ord` is not satisfied; compare floats with `a.total_cmp(b)` or `a.partial_cmp(b).unwrap()`")),
        methods::TOTAL_CMP if matches!(receiver, Type::Prim(_)) => Diagnostic::new(
            loc,
            format!("no method named `total_cmp` found for reference `&{receiver}` in the current scope"),
        )
        .note("note: `total_cmp` is a method of `f32` and `f64`; compare integers with `a.cmp(b)`"),
        _ => comparison_not_supported(loc, name, &receiver.to_string()),
    }
}

/// A comparison by `method` of values jit code cannot compare that way yet.
pub(super) fn comparison_not_supported(loc: LocId, method: &str, receiver: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("comparing `{receiver}` with `{method}` is not supported in jit code yet"),
    )
    .note("note: jit code compares numbers and `bool` (`cmp` on integers and `bool`, `total_cmp` on floats, `partial_cmp(..).unwrap()` on all); compare a field or tuple element: `a.0.cmp(&b.0)`")
}

/// No builtin method `method` on a primitive, slice or other non-class type.
pub(super) fn no_builtin_method(
    loc: LocId,
    method: &str,
    receiver: &Type,
    receiver_description: &str,
    names: &[&str],
) -> Diagnostic {
    let mut d = Diagnostic::new(
        loc,
        format!(
            "no method named `{}` found for {receiver_description} in the current scope",
            methods::user_name(method)
        ),
    );
    if !names.is_empty() {
        d = d.note(format!(
            "note: the methods of `{receiver}` in jit code are: {}",
            names.join(", ")
        ));
    }
    if let Type::FnPtr { .. } = receiver {
        d = d.note("help: to call a function pointer, write `f(x)`, or `(self.f)(x)` for a field");
    }
    d
}

/// `sizeof::<T>()` of a `T` with no jit layout.
pub(super) fn no_jit_layout(loc: LocId, ty: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("`{ty}` has no jit layout")).note(
        "note: `sizeof` and `alignof` give the payload size of `#[jitclass]` types, and the size of primitives",
    )
}

/// A memory-control intrinsic (`unsafe_cast`, `construct_at`, ...) on a non-class type.
pub(super) fn intrinsic_needs_class(loc: LocId, intrinsic: &str, ty: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("`{intrinsic}` works on `#[jitclass]` types, not `{ty}`"),
    )
    .note("note: an instance is made from memory only by a class, whose payload has a C layout")
}

// ---- classes ----------------------------------------------------------------------------

/// A call by name of a function that several operator impls define.
pub(super) fn several_functions_named(loc: LocId, class: &str, name: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("`{class}` has several functions named `{name}`"),
    )
    .note("help: use the operator, whose operand types select the impl")
}

/// `fn_field`: the class has a field `name` holding a function pointer.
pub(super) fn no_class_function(
    loc: LocId,
    class: &str,
    name: &str,
    functions: &[String],
    fn_field: bool,
) -> Diagnostic {
    let mut d = Diagnostic::new(
        loc,
        format!("no function or method named `{name}` found for `{class}`"),
    );
    if !functions.is_empty() {
        d = d.note(format!(
            "note: the functions of `{class}` in jit code are: {}",
            functions.join(", ")
        ));
    }
    // As rustc says it: a field holding a function is called in parentheses.
    if fn_field {
        d = d.note(format!(
            "help: to call the function stored in the field `{name}`, surround the field access with parentheses: `(v.{name})(..)`"
        ));
    }
    d
}

/// A named field of what is no class instance.
pub(super) fn no_named_field(loc: LocId, name: &str, on: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("no field `{name}` on type `{on}`"))
        .note("note: named fields belong to `#[jitclass]` instances; tuples have `.0`, `.1`, ...")
}

pub(super) fn no_class_field(loc: LocId, name: &str, class: &str, fields: &[&str]) -> Diagnostic {
    Diagnostic::new(loc, format!("no field `{name}` on type `{class}`")).note(
        if fields.is_empty() {
            format!("note: `{class}` has no fields")
        } else {
            format!("note: the fields of `{class}` are: {}", fields.join(", "))
        },
    )
}

pub(super) fn struct_literal_unknown_field(
    loc: LocId,
    class: &str,
    name: &str,
    fields: &[&str],
) -> Diagnostic {
    Diagnostic::new(loc, format!("struct `{class}` has no field named `{name}`")).note(format!(
        "note: the fields of `{class}` are: {}",
        fields.join(", ")
    ))
}

pub(super) fn struct_literal_repeated_field(loc: LocId, name: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("field `{name}` specified more than once"))
}

/// `missing`: the field names, each in backticks.
pub(super) fn struct_literal_missing_fields(
    loc: LocId,
    class: &str,
    missing: &[String],
) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!(
            "missing field{} {} in initializer of `{class}`",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
        ),
    )
}

// ---- panics, literals ------------------------------------------------------------------

pub(super) fn unformattable_panic_arg(loc: LocId, ty: &Type) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("`{ty}` cannot be formatted in a jit panic message"),
    )
    .note("note: panic messages in jit code format numbers, `bool` and `char`")
}

pub(super) fn literal_out_of_range(
    loc: LocId,
    p: PrimTy,
    value: i128,
    lo: i128,
    hi: i128,
) -> Diagnostic {
    Diagnostic::new(loc, format!("literal out of range for `{p}`")).note(format!(
        "note: the literal `{value}` does not fit into the type `{p}` whose range is `{lo}..={hi}`"
    ))
}

/// rustc's deny-by-default `overflowing_literals` on a float literal (`1e400`).
pub(super) fn float_literal_out_of_range(loc: LocId, p: PrimTy, written: &str) -> Diagnostic {
    Diagnostic::new(loc, format!("literal out of range for `{p}`")).note(format!(
        "note: the literal `{written}` does not fit into the type `{p}` and will be converted to `{p}::INFINITY`"
    ))
}

// ---- limits -----------------------------------------------------------------------------

/// The type of an expression (or a local) past a limit; `shown` when it is small enough
/// to print.
pub(super) fn expression_type_past_limit(
    limit: TypeLimit,
    loc: LocId,
    shown: Option<String>,
) -> Diagnostic {
    let what = match limit {
        TypeLimit::Depth => format!("is nested more than {MAX_TYPE_DEPTH} levels deep"),
        TypeLimit::Size => format!("has more than {MAX_TYPE_SIZE} parts"),
    };
    let message = match shown {
        Some(t) => format!(
            "reached the {}: this value's type, `{t}`, {what}",
            limit.name()
        ),
        None => format!("reached the {}: this value's type {what}", limit.name()),
    };
    Diagnostic::limit(loc, message).note(limit.note())
}

/// "reached the type-length limit while instantiating `grow::<((..., ...), ...)>`", at
/// the call; `args` when they are small enough to print.
pub(super) fn instantiation_past_limit(
    limit: TypeLimit,
    loc: LocId,
    callee: &str,
    args: Option<Vec<Type>>,
) -> Diagnostic {
    let message = match args {
        Some(args) => limits::instantiating(limit.name(), callee, &args),
        None => format!(
            "reached the {} while instantiating `{callee}`",
            limit.name()
        ),
    };
    Diagnostic::limit(loc, message)
        .note(limit.note())
        .note(limits::GROWING_TYPES_NOTE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comparison methods' internal names (`" cmp"`, `" Ord::cmp"`) never reach a
    /// message: each shows as Rust's name of the method.
    #[test]
    fn messages_show_the_comparisons_by_their_rust_names() {
        let loc = LocId(0);
        for method in [methods::ORD_CMP, methods::SORT_CMP] {
            for d in [
                ambiguous_numeric_receiver(loc, method, true),
                builtin_wrong_argument_count(loc, method, 1, 2),
                no_builtin_method(loc, method, &Type::Unit, "unit type `()`", &[]),
            ] {
                assert!(d.message.contains("`cmp`"), "{}", d.message);
                assert!(
                    !d.message.contains("` cmp") && !d.message.contains("Ord::"),
                    "{}",
                    d.message
                );
            }
        }
    }
}
