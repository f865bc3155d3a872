//! Review of fixed arrays `[T; N]` and of sorting, selection and `binary_search` with
//! closures (issue 15b), from the public API: soundness probes, results against rustc's
//! build of the same tokens, termination with comparators that are not total orders.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass, objmode};
use std::cmp::Ordering;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn $params:tt $(-> $r:ty)? $body:block) => {
        #[jit]
        fn $jit $params $(-> $r)? $body
        #[allow(clippy::all, unused_mut, unused_assignments, unused_variables)]
        fn $rust $params $(-> $r)? $body
    };
}

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let e = std::panic::catch_unwind(f).unwrap_err();
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

mod arrays;
mod orders;
mod soundness;
