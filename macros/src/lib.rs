//! Procedural macros of jitclass. Thin: parse with syn, lower and check with
//! `jitclass-core`, emit glue that calls the `jitclass` runtime. Use them through the
//! `jitclass` crate, which re-exports them.

#![warn(missing_docs)]

mod ctxt;
mod foreign;
mod glue;
mod jit;
mod jit_trait;
mod jitclass;
mod lowering;
mod objmode;
mod shadow;
mod stack;
mod trait_default_bounds;
mod trait_default_names;

use proc_macro::TokenStream;

// `jitclass` re-exports the macros with a summary and examples in front of these docs,
// and rustdoc shows that page with these docs as compiled by rustc; `cfg(doc)` is set
// only when rustdoc documents this crate itself, which then needs its own summary.
#[cfg_attr(
    doc,
    doc = "Compiles a function through LLVM at its first call, specialised for the types it is called with.\n\nUse it as `jitclass::jit`, whose documentation has examples.\n"
)]
/// # Where it applies
///
/// - A free function, generic or not, with at most 16 parameters: `#[jit] fn f(..)`.
///   Its parameters and result are jit types: numbers, `bool`, `()`, tuples and
///   `Option`s of jit types, `#[jitclass]` instances, `PassThru<T>` handles, raw pointers,
///   `extern "C" fn` pointers, and slices `&[T]`/`&mut [T]` as whole parameter types.
/// - An `extern "C"` function, `#[jit] extern "C" fn f(..)`: the same function, also
///   callable from C through `f::cfunc_ptr()`. Its parameters and result are C scalars
///   (numbers, `bool`, raw pointers, `extern "C" fn` pointers; `()` as the result), and it
///   cannot be generic.
/// - An `unsafe extern "C" { .. }` block of C function declarations in Rust 2024's syntax
///   (`safe fn` for functions any call of which is safe, `#[link_name = ".."]` for another
///   symbol): jit code calls them through the symbol, found in the process at the first
///   compilation that needs it.
///
/// - A trait, `#[jit] trait Shape { .. }`, of functions (required, default, static):
///   the trait as written, which classes implement with `#[jitclass] impl Shape for V`
///   (the book's chapter "Traits").
///
/// Methods belong in a `#[jitclass]` impl block. The attribute takes no arguments.
///
/// # The body
///
/// The body is Rust, and means what rustc makes it mean: a subset of the language (the
/// book's chapter "`#[jit]` functions" lists it), checked while your crate compiles.
/// What the source alone decides (syntax outside the subset, names, the types of a
/// non-generic body that uses no classes) is reported then, at the token, in rustc's
/// words. What depends on the types of a call (a generic body, a body using classes) is
/// checked at the first compilation for those types: a call panics with the error,
/// `f::dispatcher().compile(..)` returns it.
///
/// # What it generates
///
/// - `fn f`, with the original signature and attributes: its body asks the dispatcher for
///   the entry point compiled for its argument types (compiling it at the first call) and
///   calls it. A panic in jit code is a panic of this call, at the jit source location.
/// - `f` in the type namespace, with `f::dispatcher()`, the function's
///   `&'static jitclass::Dispatcher` (compiled signatures, eager compilation, LLVM IR,
///   supertypes), and, for an `extern "C"` fn, `f::cfunc_ptr()`.
#[proc_macro_attribute]
pub fn jit(attr: TokenStream, item: TokenStream) -> TokenStream {
    stack::sized_for(item.into(), |item| jit::expand(attr.into(), item)).into()
}

#[cfg_attr(
    doc,
    doc = "Makes a struct a class, with a C-layout payload and reference-counted instances, or compiles the functions of an impl block of one.\n\nUse it as `jitclass::jitclass`, whose documentation has examples.\n"
)]
/// # On a struct
///
/// `#[jitclass] struct V { x: f64, .. }` (named fields of jit types, no generics) defines
/// the class:
///
/// - the *payload*, the `#[repr(C)]` struct of the fields in declaration order, named
///   `jitclass::Payload<V>`;
/// - `V` itself becomes the handle Rust holds: a counted reference to an instance, as an
///   `Rc` is. `Clone` is another reference to the same instance, `Debug` prints the
///   fields, and `V::ptr_eq`, `V::strong_count` and `v.is_managed()` inspect the
///   reference. Each field `x` has a getter `v.x()` and a setter `v.set_x(value)` with the
///   field's visibility. The handle is neither `Send` nor `Sync`.
///
/// `V` implements `jitclass::JitClass` (its descriptor) and `jitclass::JitLayout`
/// (`sizeof`, `alignof`). `#[derive]` and `#[repr]` are refused: the class has its own
/// `Clone` and `Debug`, and its payload is always `#[repr(C)]`.
///
/// The one argument, `#[jitclass(allocator = PATH)]`, allocates and frees every instance,
/// in Rust and in jit code, through the `jitclass::ExternalAllocator` that `PATH` names.
///
/// # On an impl block
///
/// `#[jitclass] impl V { .. }` (any number of blocks, in any module of the crate) compiles
/// its functions, written in the language of `#[jit]` fns:
///
/// - constructors (no receiver, returning `Self`): a struct literal `V { .. }` naming
///   every field once makes a new instance;
/// - methods taking `&self` or `&mut self` (the Rust handle's method takes the same);
/// - static methods (no receiver);
/// - `#[getter] fn name(&self) -> T` and `#[setter] fn set_name(&mut self, value: T)`,
///   which jit code reads and writes as the field `v.name`.
///
/// `#[jitclass] impl Trait for V` implements an operator trait for jit code and for Rust:
/// `Add`, `Sub`, `Mul`, `Div`, `Rem`, `Neg`, the `..Assign` traits, `PartialEq`,
/// `PartialOrd` and `Index`/`IndexMut`; `#[jitclass] impl Shape for V` implements a
/// `#[jit] trait`, its default methods compiled for the class. Each function has its own dispatcher
/// (`ClassInfo::dispatcher`) and is compiled at its first call; a method called from
/// other jit code is compiled into the caller's module.
#[proc_macro_attribute]
pub fn jitclass(attr: TokenStream, item: TokenStream) -> TokenStream {
    stack::sized_for(item.into(), |item| jitclass::expand(attr.into(), item)).into()
}

/// The impl of a `#[jit] trait` for a class: `{ trait } impl Trait for V { .. }`, as the
/// trait's companion `macro_rules!` passes them (`jit_trait.rs`). Not a public API.
#[doc(hidden)]
#[proc_macro]
pub fn __jit_trait_impl(input: TokenStream) -> TokenStream {
    stack::sized_for(input.into(), jitclass::expand_trait_impl).into()
}
