//! The jitclass book, as a crate: each chapter is included as documentation, so that
//! `cargo test -p jitclass-book` compiles and runs every Rust code block in it (and
//! checks that every `compile_fail` block fails to compile). The same Markdown files are
//! the mdBook sources (`book.toml`, `src/SUMMARY.md`); the `links` tests check what
//! mdBook does not: that every chapter is listed and tested, and that every link resolves.

#[doc = include_str!("introduction.md")]
pub mod introduction {}

#[doc = include_str!("jit-functions.md")]
pub mod jit_functions {}

#[doc = include_str!("classes.md")]
pub mod classes {}

#[doc = include_str!("generics.md")]
pub mod generics {}

#[doc = include_str!("traits.md")]
pub mod traits {}

#[doc = include_str!("vectors.md")]
pub mod vectors {}

#[doc = include_str!("text.md")]
pub mod text {}

#[doc = include_str!("maps.md")]
pub mod maps {}

#[doc = include_str!("memory-control.md")]
pub mod memory_control {}

#[doc = include_str!("sqlite.md")]
pub mod sqlite {}

#[doc = include_str!("passthru.md")]
pub mod passthru {}

#[doc = include_str!("dispatch.md")]
pub mod dispatch {}

#[doc = include_str!("numba.md")]
pub mod numba {}

#[doc = include_str!("troubleshooting.md")]
pub mod troubleshooting {}

/// The repository's README, so that its example is tested too.
#[doc = include_str!("../../README.md")]
pub mod readme {}

#[cfg(test)]
mod links;
