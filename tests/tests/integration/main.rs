//! Integration tests of jitclass, in one binary (one link of LLVM) with one module per area.

mod calls;
mod casts;
mod concurrency;
mod control_flow;
mod dispatcher;
mod dump_ir;
mod generics;
mod math;
mod options;
mod panics;
mod reentrancy;
mod scalars;
mod slices;
mod tuples;

/// Every test ends by checking that the memory runtime balances.
#[track_caller]
pub fn assert_no_leaks() {
    let s = jitclass::stats();
    assert!(s.is_balanced(), "memory runtime does not balance: {s:?}");
}
