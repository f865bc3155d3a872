//! Should compile: `Option`s nested 40 levels deep are within jitclass's documented limit
//! of 64 (`MAX_TYPE_DEPTH`), and rustc compiles the same signature in plain Rust. Today the
//! glue fails with `error[E0275]: overflow evaluating the requirement
//! `MaybeDangling<OptionRepr<..>>: Freeze`` (from 33 levels on), naming jitclass internals.
//! Run by `review_options_nested_within_the_limit_compile` in `tests/ui.rs` (ignored).

use jitclass::{jit, jitclass};

#[jit]
fn deep_param(o: Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<u8>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>) -> bool {
    o.is_some()
}

#[jitclass]
pub struct DeepField {
    f: Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<Option<u8>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>,
}

#[jitclass]
impl DeepField {
    pub fn new() -> DeepField {
        DeepField { f: None }
    }
}

fn main() {
    assert!(!deep_param(None));
    assert!(DeepField::new().f().is_none());
}
