//! What the macros record about the functions of classes and jit fns, so that APIs
//! taking them (`jitclass::sqlite::register_*`) check at compile time that the needed
//! functions exist with usable types.
//!
//! `#[jitclass] impl V` implements [`New`] for `fn new() -> Self`, [`Step`] for
//! `fn step(&mut self, ..)`, [`Inverse`] for `fn inverse(&mut self, ..)`, [`Finalize`]
//! for `fn finalize(&self) -> R` and [`Value`] for `fn value(&self) -> R` (each also with
//! `&mut self`); `#[jit] fn f`
//! (not generic) implements [`Function`] for its marker type `f`. The associated types
//! are the parameter tuples and results as written.

/// `fn new() -> Self`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no constructor `fn new() -> Self`",
    label = "no `new()`",
    note = "an aggregate's state is made by `new()` when its first row arrives (and for a query over no rows)"
)]
pub trait New {}

/// `fn step(&mut self, ..)`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no method `fn step(&mut self, ..)`",
    label = "no `step`",
    note = "an aggregate takes each row's arguments in `step`"
)]
pub trait Step {
    type Args;
}

/// `fn inverse(&mut self, ..)`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no method `fn inverse(&mut self, ..)`",
    label = "no `inverse`",
    note = "a window function removes the rows leaving its frame with `inverse`, taking the same arguments as `step`"
)]
pub trait Inverse {
    type Args;
}

/// `inverse`'s parameters (`Self`, a tuple) are `step`'s (`StepArgs`): a window function
/// removes with `inverse` the rows `step` added.
#[diagnostic::on_unimplemented(
    message = "`inverse` must take the arguments of `step`",
    label = "`inverse` takes `{Self}`, `step` takes `{StepArgs}`",
    note = "a window function removes the rows leaving its frame with `inverse`, taking the same arguments as `step`"
)]
pub trait SameArgs<StepArgs> {}

impl<T> SameArgs<T> for T {}

/// `fn finalize(&self) -> R` (or `&mut self`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no method `fn finalize(&self) -> R`",
    label = "no `finalize`",
    note = "an aggregate's result is what `finalize` returns; it takes `&self`, or `&mut self` to change the state (to sort its values, say)"
)]
pub trait Finalize {
    type Output;
}

/// `fn value(&self) -> R` (or `&mut self`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no method `fn value(&self) -> R`",
    label = "no `value`",
    note = "a window function's result for the current frame is what `value` returns; it takes `&self`, or `&mut self` to change the state"
)]
pub trait Value {
    type Output;
}

/// A non-generic `#[jit] fn`, by its marker type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a non-generic `#[jit] fn`",
    label = "not a non-generic `#[jit] fn`",
    note = "register a non-generic `#[jit] fn` by its name as the type argument, `register_scalar::<my_fn>(..)`; a generic one has no single signature for SQL"
)]
pub trait Function {
    type Args;
    type Output;
}
