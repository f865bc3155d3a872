// `std::cmp::max` (not a jit fn) called in two `#[jit] fn`s: each call must be refused
// naming `max`, as one call is (`calls/call_std_function.rs`), not the macro's internal
// stand-in items (`__JITCLASS_*`, `__jitclass_fallback::not_jit::max`).
use jitclass::jit;

#[jit]
fn larger(a: i64, b: i64) -> i64 {
    std::cmp::max(a, b)
}

#[jit]
fn largest(a: i64, b: i64, c: i64) -> i64 {
    std::cmp::max(a, b) + c
}

fn main() {}
