//! Snapshots of the unoptimised LLVM IR codegen emits for small jit fns, one per rule of
//! `src/compiler/codegen/no_ub.rs` (the "no LLVM undefined behaviour" invariant of
//! `ARCHITECTURE.md`): each case says which rule it pins, and its snapshot changes if
//! the rule is broken (a missing check, a flag, a plain `fptosi`); `trait_objects.rs`
//! pins the layout of trait objects and when one tests for an unmanaged instance.
//!
//! The IR is the one function's body before any optimisation pass, as
//! `Dispatcher::__unoptimised_llvm_ir` prints it: symbols without the per-compilation
//! number, no attribute group (the host CPU), so the text is the same on every host.
//! After a deliberate change to codegen, `UPDATE_EXPECT=1 cargo test -p jitclass --test
//! llvm_ir` rewrites the snapshots; read the diff, rule by rule.

use expect_test::{Expect, expect};
use jitclass::{JitClass, jit, jitclass};

/// Checks the unoptimised IR of `f` (non-generic) against `expected`.
fn check(f: &'static jitclass::Dispatcher, expected: Expect) {
    let ir = f
        .__unoptimised_llvm_ir(&[])
        .unwrap_or_else(|e| panic!("{e}"));
    expected.assert_eq(&ir);
}

mod arithmetic;
mod arrays;
mod bools_and_slices;
mod trait_objects;
mod vecs_and_integers;
