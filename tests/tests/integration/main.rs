//! Integration tests of jitclass, in one binary (one link of LLVM) with one module per area.
//!
//! Classes that several modules use are in [`fixtures`]. Tests named `fixed_*` are
//! regressions: each failed before the fix its comment names. Tests named `ok_*` are
//! probes from a review of the class support (ownership in generated code, divergence
//! mid-expression, instances in tuples and options, threads) that passed when written.

mod array_consts;
mod array_elements;
mod array_sizes;
mod arrays;
mod box_pushes;
mod callee_names;
mod calls;
mod casts;
mod cfunc;
mod class_consts;
mod class_derives;
mod class_keys;
mod class_members;
mod class_properties;
mod class_ref_params;
mod classes;
mod concurrency;
mod control_flow;
mod differential;
mod dispatcher;
mod dump_ir;
mod dyn_traits;
mod dyn_unmanaged;
mod entry_text_keys;
mod escapes;
mod fixtures;
mod fn_values;
mod formatting;
mod generic_body_receivers;
mod generic_class_derives;
mod generic_class_features;
mod generic_class_names;
mod generic_classes;
mod generic_defaults;
mod generic_formatting;
mod generic_held_references;
mod generic_methods;
mod generic_over_params;
mod generic_statics;
mod generic_string_borrows;
mod generic_traits;
mod generics;
mod held_text_refs;
mod instantiation_impls;
mod instantiation_picks;
mod limits;
mod loop_borrow_ends;
mod map_entry_counts;
mod map_get_text;
mod maps;
mod math;
mod memory_control;
mod method_local_consts;
mod operators;
mod option_tuple_eq;
mod options;
mod owned_string_lends;
mod owned_strings;
mod panics;
mod passthru;
mod phantom_fields;
mod ranges;
mod reentrancy;
mod review_arrays2;
mod review_arrays_sorting;
mod review_bounds;
mod review_class_consts;
mod review_diagnostics;
mod review_dyn;
mod review_dyn_layout;
mod review_eq;
mod review_escapes;
mod review_formatting;
mod review_gderive;
mod review_gen;
mod review_genbody;
mod review_genborrow;
mod review_genbounds;
mod review_generic_params;
mod review_generics;
mod review_gennames;
mod review_gennames2;
mod review_genshadow;
mod review_genspec;
mod review_gtrait;
mod review_held_refs;
mod review_index_loops;
mod review_instimpl;
mod review_internals;
mod review_keys;
mod review_leaks;
mod review_limits;
mod review_loopborrow;
mod review_mapperf;
mod review_maps;
mod review_math;
mod review_mem;
mod review_names;
mod review_names3;
mod review_names4;
mod review_perf;
mod review_refparam;
mod review_sets;
mod review_shadow;
mod review_specborrow;
mod review_sqlgen;
mod review_sqlite;
mod review_sqlite_blobs;
mod review_sqlite_state;
mod review_statics;
mod review_text_fixes;
mod review_valid;
mod review_valid2;
mod review_valid3;
mod sets;
mod string_keys;
// Generated lines thousands of characters long, which rustfmt would take minutes over.
#[rustfmt::skip]
mod review_syntax;
mod review_owned_strings;
mod review_s31_valid;
mod review_string_keys;
mod review_strings;
mod review_text;
mod review_traits;
mod review_traits3;
mod review_traits4;
mod review_traitsvalid;
mod review_turbofish;
mod review_vec_gaps;
mod review_vecs;
mod scalars;
mod shared_slice_loops;
mod slices;
mod sort_receiver_once;
mod sorting;
mod sql_rows;
mod sqlite;
mod sqlite_args;
mod sqlite_blobs;
mod sqlite_generic_classes;
mod sqlite_median;
mod sqlite_text;
mod sqlite_text_results;
mod std_sorts;
mod std_type_defaults;
mod string_containers;
mod strings;
mod subtyping;
mod symbol_names;
mod text;
mod trait_calls;
mod trait_default_self_args;
mod trait_descriptors;
mod trait_path_calls;
mod trait_path_inference;
mod traits;
mod tuples;
mod turbofish;
mod valid_rust_forms;
mod valid_text_maps;
mod vec_consuming;
mod vec_crossing;
mod vec_elements;
mod vec_equality;
mod vec_refs;
mod vecs;
mod writes;

use std::cell::Cell;
use std::sync::{Mutex, MutexGuard};

/// Tests that allocate instances hold this for their whole run, so that a balance check
/// never sees another test's live instances.
static MEMORY: Mutex<()> = Mutex::new(());

thread_local! {
    static HOLDS_MEMORY: Cell<bool> = const { Cell::new(false) };
}

/// The guard of a test that allocates class instances; see [`assert_no_leaks`].
pub struct MemoryTest {
    _guard: MutexGuard<'static, ()>,
}

impl Drop for MemoryTest {
    fn drop(&mut self) {
        HOLDS_MEMORY.with(|h| h.set(false));
    }
}

/// Call first in every test that allocates class instances.
pub fn memory_test() -> MemoryTest {
    let guard = MEMORY.lock().unwrap_or_else(|e| e.into_inner());
    HOLDS_MEMORY.with(|h| h.set(true));
    MemoryTest { _guard: guard }
}

/// Every test ends by checking that the memory runtime balances: every instance
/// allocated so far has been freed. Allocating tests run one at a time under
/// [`memory_test`], and this check takes the same lock, so it sees no test's instances
/// half-way.
#[track_caller]
pub fn assert_no_leaks() {
    let _guard = if HOLDS_MEMORY.with(Cell::get) {
        None
    } else {
        Some(MEMORY.lock().unwrap_or_else(|e| e.into_inner()))
    };
    let s = jitclass::stats();
    assert!(s.is_balanced(), "memory runtime does not balance: {s:?}");
}

/// Whether every instance allocated since `before` has been freed (a test's own balance,
/// when other counters may move meanwhile).
pub fn balanced_since(before: &jitclass::Stats) -> bool {
    jitclass::stats().since(before).is_balanced()
}

/// The message of the panic `f` raises (a test failure if it returns).
#[track_caller]
pub fn panic_message<R>(f: impl FnOnce() -> R) -> String {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(_) => panic!("expected a panic"),
        Err(payload) => match payload.downcast::<String>() {
            Ok(s) => *s,
            Err(payload) => payload
                .downcast_ref::<&str>()
                .map_or_else(|| "(not a message)".into(), |s| s.to_string()),
        },
    }
}
