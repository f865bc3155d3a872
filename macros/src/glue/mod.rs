//! The glue shared by `#[jit]` fns, `#[jit] extern "C"` blocks and `#[jitclass]` methods:
//! the Rust items that make compiled code callable from Rust and from other jit code.
//!
//! - `signature.rs`: the glue's signature, with primitive type names pinned and the
//!   generic parameters bounded;
//! - `fn_info.rs`: a function's `FnInfo` (IR, locations, the items it names as resolved
//!   by rustc, and the `check` fn in which rustc checks what the body names);
//! - `callee.rs`: the getter of a called jit fn's dispatcher, whose stand-in for a name that
//!   is no jit fn makes rustc's error name it as written;
//! - `dispatcher.rs`: `struct f {}` with `f::dispatcher()` and its `JitFunction`/`JitCallee`
//!   impls;
//! - `bound_methods.rs`: method calls on values of a bounded type parameter, checked by
//!   rustc against the bounds;
//! - `bound_calls.rs`: calls of jit fns with such values, checked by rustc against the
//!   callee's bounds;
//! - `bound_traits.rs`: the identities of the traits of the bounds, a plain Rust trait's
//!   none;
//! - `consts.rs`: the constants rustc evaluates (array lengths, `const` items), hoisted
//!   into the function's type, and their getters;
//! - `fallback.rs`: after errors, the function with its signature and a panicking body;
//! - `dyn_mentions.rs`: the trait objects a failed body writes, which its fallback repeats
//!   for rustc's dyn-compatibility check.

mod bound_calls;
mod bound_methods;
mod bound_traits;
mod bound_values;
mod callee;
mod consts;
mod dispatcher;
mod dyn_mentions;
mod fallback;
mod fn_info;
mod result;
mod signature;

pub(crate) use bound_traits::tolerant_trait_id;
pub(crate) use consts::{const_getters, hoisted_in_body, hoisted_items, shadow_replacements};
pub(crate) use dispatcher::{dispatcher_items, static_lifetimes};
pub(crate) use fallback::failed_fn;
pub(crate) use fn_info::{class_getters, fn_info, opaque_getters};
pub(crate) use result::result_call;
pub(crate) use signature::{cfgs_of, glue_signature, pin_type, pinned_signature, unbounded_params};
