//! Snapshot tests of the lowering and of inference: each `NAME.rs` under `lower/` and
//! `infer/` is a case, and `NAME.snap` beside it what the case prints.
//!
//! - `lower/`: the text form of every item's IR (`jitclass_core::ir::print_fn`), or the
//!   lowering's errors at their tokens.
//! - `infer/`: every function inferred against the case's own items (`program.rs`): its
//!   typed text form, or its diagnostics at their tokens.
//!
//! A case is a file of Rust items as a user writes them in `#[jit]` fns and
//! `#[jitclass]` structs and impls, without the attributes (`#[getter]`/`#[setter]` on
//! impl fns are kept); `extern "C" { fn .. }` blocks declare C functions. Lines starting
//! with `//@` tell how to infer: `//@ macro-time` infers as the macro does (callees
//! unknown); `//@ instantiate: f::<f64, i32>` infers the generic fn `f` with these
//! arguments (generic fns are otherwise only printed).
//!
//! To add a case, write `NAME.rs` and run `UPDATE_EXPECT=1 cargo test -p jitclass-core
//! --test snapshots`, then read `NAME.snap`. The same command updates the snapshots after
//! a change of the text form or of a message; the diff of the `.snap` files is the review.

mod program;
mod render;

use std::path::{Path, PathBuf};

#[test]
fn lowering() {
    run_cases("lower", program::lower_case);
}

#[test]
fn inference() {
    run_cases("infer", program::infer_case);
}

/// Checks every case of `dir` against its snapshot, reporting all mismatches at once.
fn run_cases(dir: &str, print: fn(&str) -> String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(dir);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    cases.sort();
    let mut failed = Vec::new();
    let mut count = 0;
    for path in &cases {
        match path.extension().and_then(|e| e.to_str()) {
            Some("rs") => {}
            Some("snap") => {
                assert!(
                    path.with_extension("rs").exists(),
                    "{} is the snapshot of no case",
                    path.display()
                );
                continue;
            }
            _ => panic!("{}: neither a case nor a snapshot", path.display()),
        }
        count += 1;
        let source = std::fs::read_to_string(path).expect("a readable case");
        let snapshot = path.with_extension("snap");
        let outcome = std::panic::catch_unwind(|| {
            expect_test::expect_file![snapshot].assert_eq(&print(&source));
        });
        if outcome.is_err() {
            failed.push(
                path.file_name()
                    .expect("a file")
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    assert!(count > 0, "no cases in {}", dir.display());
    assert!(
        failed.is_empty(),
        "{} of {count} cases differ from their snapshots: {}\n(after reading the diffs above, `UPDATE_EXPECT=1 cargo test -p jitclass-core --test snapshots` updates them)",
        failed.len(),
        failed.join(", ")
    );
}
