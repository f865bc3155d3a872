//! Numba's `@jitclass` and `@jit` for Rust.
//!
//! Functions and structs written in ordinary Rust syntax under [`#[jit]`](jit) and
//! [`#[jitclass]`](jitclass) are lowered to an IR while your crate compiles, and compiled
//! through LLVM 14 while the program runs, at their first call, for the types they are
//! called with and for the host CPU. A jit body means what rustc would make it mean
//! (integer arithmetic wraps as in a release build, indexing is bounds-checked, a panic
//! is an ordinary Rust panic in the caller); what jitclass cannot compile is an error at
//! the token, at build time wherever the source alone decides it, else at the first call.
//!
//! Each section below shows one feature area. The book in the repository has a chapter
//! per area (named below by its file under `book/src/`; every code block in the book is
//! compiled and run by `cargo test -p jitclass-book`), and `ARCHITECTURE.md` says how it
//! works.
//!
//! # `#[jit]` functions and the dispatcher
//!
//! A `#[jit]` fn keeps its Rust signature: Rust calls it as any function, and other jit
//! code calls it directly. A generic one is compiled once per tuple of generic arguments
//! it is called with. Beside `fn f` the macro defines `f::dispatcher()`, the function's
//! [`Dispatcher`]: the signatures compiled so far, eager compilation that returns type
//! errors as an [`Error`] (a call would panic with them), the generated LLVM IR, and a
//! switch that freezes the set of specialisations.
//!
//! ```
//! use jitclass::{jit, type_of};
//!
//! #[jit]
//! fn sum<T>(xs: &[T]) -> T {
//!     let mut acc = 0 as T;
//!     for i in 0..xs.len() {
//!         acc += xs[i];
//!     }
//!     acc
//! }
//!
//! assert_eq!(sum(&[1.5, 2.5]), 4.0); // compiles `sum` for T = f64, then runs it
//! assert_eq!(sum(&[1, 2, 3]), 6); // and for T = i32
//! let d = sum::dispatcher();
//! let sig = d.compile(&[type_of::<u8>()]).unwrap(); // before any call with `u8`s
//! assert_eq!(sig.to_string(), "fn(&[u8]) -> u8");
//! assert_eq!(d.compile_count(), 3);
//! ```
//!
//! Book: "`#[jit]` functions" (`book/src/jit-functions.md`): the language (types,
//! control flow, generics, slices, tuples, options, math, panics), the dispatcher, and
//! `extern "C"` jit fns as C callbacks.
//!
//! # Classes
//!
//! `#[jitclass]` on a struct makes it a class: its fields are laid out as a `#[repr(C)]`
//! struct, the *payload* ([`Payload<C>`](Payload)), and a value of the type is a counted
//! reference to an instance, as an `Rc` is (`clone` is another reference to the same
//! instance). On an impl block it compiles the constructors, methods and static methods,
//! which Rust and jit code call alike; from Rust, each field also has a getter and a
//! setter. Operator traits (`impl Add for V`), `#[getter]`/`#[setter]` properties, and
//! fields holding other classes (`Option<Self>` for lists and trees) are supported.
//!
//! ```
//! use jitclass::{jit, jitclass};
//!
//! #[jitclass]
//! pub struct Counter {
//!     count: i64,
//!     step: i64,
//! }
//!
//! #[jitclass]
//! impl Counter {
//!     pub fn new(step: i64) -> Self {
//!         Counter { count: 0, step }
//!     }
//!
//!     pub fn tick(&mut self) -> i64 {
//!         self.count += self.step;
//!         self.count
//!     }
//! }
//!
//! #[jit]
//! fn tick_n(mut c: Counter, n: i64) -> i64 {
//!     for _ in 0..n {
//!         c.tick(); // compiled into `tick_n`'s module, and inlined
//!     }
//!     c.count
//! }
//!
//! let mut c = Counter::new(2);
//! c.tick(); // a `&mut self` method needs a `mut` binding, as in Rust
//! assert_eq!(tick_n(c.clone(), 3), 8); // the same instance
//! assert_eq!(c.count(), 8);
//! c.set_step(10);
//! assert_eq!(c.tick(), 18);
//! ```
//!
//! Book: "Classes" (`book/src/classes.md`).
//!
//! # Memory control
//!
//! A payload is a C struct, so an instance can live in memory someone else owns: a
//! buffer, an arena, SQLite's aggregate context. [`sizeof`] and [`alignof`] give the
//! payload's layout (not the handle's), [`unsafe_cast`] makes an *unmanaged* instance
//! over memory you own, [`construct_at`] runs a constructor into such memory and
//! [`destroy_at`] releases what it holds; jit code calls the same functions.
//! `#[jitclass(allocator = PATH)]` allocates every instance of a class through the C
//! allocator table [`ExternalAllocator`] at `PATH`, and [`stats`] counts the memory
//! runtime's allocations and frees, so a test can show that nothing leaks.
//!
//! ```
//! use jitclass::{jitclass, sizeof, unsafe_cast, Payload};
//! use std::mem::MaybeUninit;
//!
//! #[jitclass]
//! pub struct Agg {
//!     total: f64,
//!     count: i64,
//! }
//!
//! #[jitclass]
//! impl Agg {
//!     pub fn step(&mut self, x: f64) {
//!         self.total += x;
//!         self.count += 1;
//!     }
//! }
//!
//! assert_eq!(sizeof::<Agg>(), 16); // two 8-byte fields
//! let mut buf = MaybeUninit::<Payload<Agg>>::zeroed();
//! // SAFETY: zeroes are a valid `Agg` payload; `buf` is aligned, outlives `agg`, and is
//! // not otherwise accessed while `agg` is used.
//! let mut agg = unsafe { unsafe_cast::<Agg>(buf.as_mut_ptr().cast()) };
//! agg.step(1.5);
//! agg.step(2.5);
//! drop(agg); // frees nothing: the memory is `buf`'s
//! // SAFETY: initialised (zeroed, then written by `step`).
//! let payload = unsafe { buf.assume_init_ref() };
//! assert_eq!((payload.total, payload.count), (4.0, 2));
//! ```
//!
//! Book: "Memory control" (`book/src/memory-control.md`).
//!
//! # SQLite functions (feature `sqlite`)
//!
//! A class with `new`, `step` and `finalize` registers as an SQL aggregate
//! ([`register_aggregate`]); with `value` and `inverse` too, as a window function
//! ([`register_window`]); a `#[jit]` fn registers as a scalar function
//! ([`register_scalar`]). Registration compiles the C callbacks SQLite calls, with the
//! methods inlined and each group's state in SQLite's own aggregate memory. The number
//! and types of the SQL arguments come from the Rust signature of `step` (or of the
//! function). A NULL is `None` for an `Option` parameter; for any other, it skips the
//! row of an aggregate, and makes a scalar function's result NULL.
//!
//! ```
//! use jitclass::{jit, jitclass};
//!
//! #[jitclass]
//! pub struct MyAvg {
//!     total: f64,
//!     count: i64,
//! }
//!
//! #[jitclass]
//! impl MyAvg {
//!     pub fn new() -> Self {
//!         MyAvg { total: 0.0, count: 0 }
//!     }
//!     pub fn step(&mut self, value: f64) {
//!         self.total += value;
//!         self.count += 1;
//!     }
//!     pub fn finalize(&self) -> Option<f64> {
//!         if self.count == 0 { None } else { Some(self.total / self.count as f64) }
//!     }
//! }
//!
//! #[jit]
//! fn clamp01(x: f64) -> f64 {
//!     x.max(0.0).min(1.0)
//! }
//!
//! # #[cfg(feature = "sqlite")]
//! # fn main() -> Result<(), jitclass::sqlite::SqliteError> {
//! use jitclass::sqlite::{register_aggregate, register_scalar, Connection, FunctionFlags};
//!
//! let conn = Connection::open_in_memory()?;
//! let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
//! register_aggregate::<MyAvg>(&conn, "my_avg", flags)?;
//! register_scalar::<clamp01>(&conn, "clamp01", flags)?;
//! conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1.0), (NULL), (3.5);")?;
//! let (avg, clamped): (f64, f64) =
//!     conn.query_row("SELECT my_avg(x), clamp01(max(x)) FROM t", [], |r| {
//!         Ok((r.get(0)?, r.get(1)?))
//!     })?;
//! assert_eq!((avg, clamped), (2.25, 1.0));
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "sqlite"))]
//! # fn main() {}
//! ```
//!
//! Book: "SQLite functions" (`book/src/sqlite.md`): the three kinds, NULLs, SQL values
//! and Rust types, errors, and what a row costs.
//!
#![cfg_attr(
    feature = "sqlite",
    doc = "[`register_aggregate`]: sqlite::register_aggregate\n[`register_window`]: sqlite::register_window\n[`register_scalar`]: sqlite::register_scalar\n"
)]
#![cfg_attr(
    not(feature = "sqlite"),
    doc = "[`register_aggregate`]: #sqlite-functions-feature-sqlite\n[`register_window`]: #sqlite-functions-feature-sqlite\n[`register_scalar`]: #sqlite-functions-feature-sqlite\n"
)]
//!
//! # Pass-through handles and `objmode!`
//!
//! Jit code has no `String`, `Vec` or `HashMap`. A [`PassThru<T>`](PassThru) carries a
//! Rust value of any type through jit code: a counted reference that jit code passes,
//! stores in fields and compares by identity, and that comes back to Rust as the same
//! value. An [`objmode!`] block is ordinary Rust inside a jit fn, compiled by rustc,
//! which can use the value.
//!
//! ```
//! use jitclass::{jit, objmode, PassThru};
//! use std::collections::HashMap;
//!
//! pub struct Prices {
//!     by_code: HashMap<String, f64>,
//! }
//!
//! #[jit]
//! fn total(prices: PassThru<Prices>, quantities: &[i64]) -> f64 {
//!     let mut sum = 0.0;
//!     for i in 0..quantities.len() {
//!         // A `HashMap` lookup and string formatting: Rust, not jit code.
//!         let price = objmode!(|prices: PassThru<Prices>, i: usize| -> f64 {
//!             prices.by_code[&format!("item{i}")]
//!         });
//!         sum += price * quantities[i] as f64;
//!     }
//!     sum
//! }
//!
//! let prices = PassThru::new(Prices {
//!     by_code: [("item0".to_string(), 2.5), ("item1".to_string(), 4.0)].into(),
//! });
//! assert_eq!(total(prices.clone(), &[2, 3]), 17.0);
//! assert_eq!(PassThru::strong_count(&prices), 1); // jit code released its references
//! ```
//!
//! Book: "Pass-through handles" (`book/src/passthru.md`).
//!
//! # Function values, C functions and subtyping
//!
//! A parameter of type `extern "C" fn(f64) -> f64` takes any function of that signature
//! (an `extern "C"` jit fn, a Rust `extern "C" fn`, a pointer a C library handed out), so
//! a higher-order jit fn is compiled once per function *type*. `#[jit] unsafe extern "C"
//! { .. }` declares C functions of the process, which jit code calls by symbol. A
//! [`Supertype`] declared on a dispatcher lets several generic arguments share one
//! compiled specialisation, once jitclass has checked that the code reads them alike.
//!
//! ```
//! use jitclass::jit;
//!
//! #[jit]
//! unsafe extern "C" {
//!     safe fn cbrt(x: f64) -> f64; // libm's, found by symbol
//! }
//!
//! #[jit]
//! extern "C" fn plus_one(x: f64) -> f64 {
//!     x + 1.0
//! }
//!
//! #[jit]
//! fn apply(f: extern "C" fn(f64) -> f64, x: f64) -> f64 {
//!     f(x)
//! }
//!
//! assert_eq!(apply(plus_one, 1.0), 2.0);
//! assert_eq!(apply(cbrt, 8.0), 2.0);
//! assert_eq!(apply::dispatcher().compile_count(), 1); // once for both functions
//! ```
//!
//! Book: "Dispatch and subtyping" (`book/src/dispatch.md`).
//!
//! # Limits
//!
//! jitclass accepts long and deeply nested programs, and compiles them on any thread.
//! Past one of the [`limits`] (expression nesting, type depth and size, how deep a
//! generic function instantiates itself, instances per compilation), the macro reports
//! an error at the token, or the first call an [`ErrorKind::Limit`] error, instead of
//! exhausting the stack or the memory:
//!
//! ```
//! use jitclass::{jit, ErrorKind, Type};
//!
//! /// Polymorphic recursion: each instance calls one with a type twice as large.
//! #[jit]
//! fn grow<T>(x: T, n: u32) -> u32 {
//!     if n == 0 { 0 } else { grow((x, x), n - 1) + 1 }
//! }
//!
//! let err = grow::dispatcher().compile(&[Type::F64]).unwrap_err();
//! assert_eq!(err.kind(), &ErrorKind::Limit);
//! assert!(err.message().starts_with("reached the type-length limit"));
//! ```
//!
//! Book: "`#[jit]` functions", section "Limits" (`book/src/jit-functions.md`).
//!
//! # Requirements
//!
//! LLVM 14's development files (found through `llvm-config`, or under
//! `LLVM_SYS_140_PREFIX`), and a 64-bit x86 or AArch64 host. The `sqlite` feature
//! builds SQLite from source (rusqlite's `bundled`), which needs a C compiler. Book:
//! "Troubleshooting" (`book/src/troubleshooting.md`) when the build cannot find LLVM.

#![warn(missing_docs)]

// JIT code treats `usize`, `isize` and slice lengths as 64-bit integers.
#[cfg(not(target_pointer_width = "64"))]
compile_error!("jitclass supports 64-bit targets only");

pub mod abi;
mod allocator;
mod c_abi;
mod call;
mod class;
mod class_name;
mod class_ref_abi;
mod class_refs;
mod compiler;
mod consts;
mod dispatch;
mod error;
mod escape;
mod foreign;
mod format;
mod generic_class;
mod handle;
mod helpers;
mod map;
mod map_abi;
mod math;
pub mod memory;
mod objmode;
mod owned_string;
mod panic;
mod passthru;
mod placement;
#[doc(hidden)]
pub mod shadow;
#[doc(hidden)]
pub mod shapes;
#[cfg(feature = "sqlite")]
pub mod sqlite;
mod stats;
mod std_sort;
mod string;
mod string_abi;
mod subtype;
mod text;
mod trait_info;
mod trait_methods;
mod unmanaged_dyn;
mod vec;
mod vec_abi;
mod vec_ref_abi;

pub use abi::{CReturn, CScalar, JitArg, JitElem, JitType, type_of};
pub use allocator::ExternalAllocator;
// At the root so that rustc's help for a call of a non-`#[jit]` function (a tuple struct's
// constructor, whose type rustc points at) names `JitCallee`, not the macros' private module.
#[doc(hidden)]
pub use call::{JitCallee, JitFunction};
pub use class::{ClassInfo, FieldLayout, Handle, HandleField, JitClass, JitField, Payload};
pub use compiler::CompileStats;
pub use dispatch::Dispatcher;
pub use error::{Error, ErrorKind};
pub use jitclass_core::{ClassKey, OpaqueKey, PrimTy, Signature, Type};
pub use passthru::PassThru;
pub use subtype::{Supertype, class_fields};
// `objmode!` is exported at the crate root by `#[macro_export]`.

// The macros' own documentation (`macros/src/lib.rs`) follows these summaries and
// examples on their pages here: rustdoc puts a re-export's doc comment first.
/// Compiles a function through LLVM at its first call, specialised for the types it is
/// called with.
///
/// ```
/// use jitclass::{jit, ErrorKind, Type};
///
/// #[jit]
/// fn mean<T>(xs: &[T]) -> Option<f64> {
///     if xs.is_empty() {
///         return None;
///     }
///     let mut sum = 0.0;
///     for i in 0..xs.len() {
///         sum += xs[i] as f64;
///     }
///     Some(sum / xs.len() as f64)
/// }
///
/// assert_eq!(mean(&[1.0, 2.0, 6.0]), Some(3.0)); // compiles `mean` for `T = f64`
/// assert_eq!(mean::<u8>(&[]), None); // and for `T = u8`
/// assert_eq!(mean::dispatcher().compile_count(), 2);
///
/// // What depends on the generic arguments is checked when they are known: `bool as f64`
/// // is an error, returned by `compile` (a call `mean(&[true])` panics with it).
/// let err = mean::dispatcher().compile(&[Type::BOOL]).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::Type);
/// ```
///
/// An `extern "C"` jit fn is also a C callback, and `#[jit]` on an `unsafe extern "C"`
/// block declares C functions of the process for jit code to call:
///
/// ```
/// use jitclass::jit;
///
/// #[jit]
/// unsafe extern "C" {
///     safe fn hypot(x: f64, y: f64) -> f64;
/// }
///
/// #[jit]
/// extern "C" fn norm(x: f64, y: f64) -> f64 {
///     hypot(x, y)
/// }
///
/// // The C entry point, for a C library that takes a callback.
/// let f: extern "C" fn(f64, f64) -> f64 = norm::cfunc_ptr();
/// assert_eq!(f(3.0, 4.0), 5.0);
/// assert_eq!(norm(6.0, 8.0), 10.0); // from Rust: the same compiled code
/// assert_eq!(norm::dispatcher().compile_count(), 1);
/// ```
pub use jitclass_macros::jit;
/// Makes a struct a class, with a C-layout payload and reference-counted instances, or
/// compiles the functions of an impl block of one.
///
/// ```
/// use jitclass::{jit, jitclass};
/// use std::ops::Add;
///
/// #[jitclass]
/// pub struct Point {
///     x: f64,
///     y: f64,
/// }
///
/// #[jitclass]
/// impl Point {
///     pub fn new(x: f64, y: f64) -> Self {
///         Point { x, y }
///     }
///
///     pub fn scale(&mut self, k: f64) {
///         self.x *= k;
///         self.y *= k;
///     }
///
///     /// A property: `p.norm` in jit code, `p.norm()` in Rust.
///     #[getter]
///     pub fn norm(&self) -> f64 {
///         (self.x * self.x + self.y * self.y).sqrt()
///     }
/// }
///
/// #[jitclass]
/// impl Add for Point {
///     type Output = Point;
///     fn add(self, other: Point) -> Point {
///         Point::new(self.x + other.x, self.y + other.y)
///     }
/// }
///
/// #[jit]
/// fn longest(points: &[Point]) -> f64 {
///     let mut best = 0.0;
///     for i in 0..points.len() {
///         best = points[i].norm.max(best);
///     }
///     best
/// }
///
/// let mut p = Point::new(3.0, 4.0);
/// p.scale(2.0); // a `&mut self` method needs a `mut` binding, as in Rust
/// assert_eq!((p.x(), p.y(), p.norm()), (6.0, 8.0, 10.0));
/// let q = p.clone() + Point::new(1.0, 1.0); // operator impls work in Rust too
/// assert_eq!(format!("{q:?}"), "Point { x: 7.0, y: 9.0 }");
/// assert_eq!(longest(&[p, q]), 130f64.sqrt());
/// ```
///
/// `#[jitclass(allocator = PATH)]` allocates the class's instances through the
/// [`ExternalAllocator`] at `PATH` (an example is on that type).
pub use jitclass_macros::jitclass;

/// The limits on the size of jit programs: past one, the macro reports an error at the
/// token, or the first call an [`ErrorKind::Limit`] error. The book's section "Limits"
/// (`book/src/jit-functions.md`) has a table of them.
pub mod limits {
    pub use jitclass_core::limits::{
        MAX_ARRAY_LEN, MAX_CROSSING_TUPLE_LEN, MAX_INSTANCES, MAX_INSTANTIATION_DEPTH, MAX_NESTING,
        MAX_TYPE_DEPTH, MAX_TYPE_SIZE,
    };
}
pub use placement::{JitLayout, alignof, construct_at, destroy_at, sizeof, unsafe_cast};
pub use stats::{Stats, stats};

/// Items used by the code the macros generate. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::call::*;
    pub use crate::class::abi as class_abi;
    pub use crate::class::{ClassDesc, FieldlessLiteral, Literal, METHODS, MethodEntry, NoFields};
    pub use crate::class_name::{ClassFamily, ClassFound, ClassPath, family_of};
    pub use crate::class_ref_abi::ByRef;
    pub use crate::consts::{ConstValue, JitConst};
    pub use crate::dispatch::FnInfo;
    pub use crate::generic_class::rust_member;
    pub use crate::objmode::{
        ObjModeFn, ObjModeSite, SameType, objmode_panicked, objmode_stand_in, same_type,
    };
    pub use crate::panic::raise_pending_panic;
    pub use crate::passthru::jit_type_of as passthru_type;
    pub use crate::shadow;
    pub use crate::shapes as sql;
    pub use crate::string_abi::StrResult;
    pub use crate::trait_info::{ClassProbe, TRAITS, TraitInfo};
    pub use crate::trait_methods::{TRAIT_IMPLS, TraitImpl, TraitOf, trait_method};
    /// What a bound's trait is without a companion macro: a plain Rust trait.
    pub mod bound_trait_fallback {
        pub use crate::__jitclass_not_a_jit_trait as __jitclass_bound_trait;
    }
    pub use jitclass_core::infer::FnKind;
    pub use jitclass_macros::__jit_trait_impl as jit_trait_impl;
    pub use linkme;
}
