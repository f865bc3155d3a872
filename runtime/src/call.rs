//! The typed calls the `#[jit]` glue makes into compiled entry points.
//!
//! `call_N(entry, args..)` converts each argument to its repr, calls the entry point with
//! the ABI described in `crate::abi`, turns a JIT panic into a Rust panic, and rebuilds the
//! result, refusing one that holds an unmanaged instance (see `crate::escape`).

use crate::abi::{JitArg, JitType};
use crate::dispatch::Dispatcher;
use crate::escape::{Sink, refuse_unmanaged};
use crate::panic::raise_pending_panic;
use std::mem::{MaybeUninit, transmute};

/// Implemented by the marker type the `#[jit]` macro puts beside every jit fn, so that
/// code calling it can find its dispatcher.
#[diagnostic::on_unimplemented(
    message = "only `#[jit]` functions can be called from jit code",
    label = "`{Self}` is not a `#[jit]` function",
    note = "mark the called function `#[jit]`, or call it from plain Rust code"
)]
pub trait JitFunction {
    /// The function's dispatcher.
    const DISPATCHER: &'static Dispatcher;
}

/// [`JitFunction`] as the glue asks it of a called name, implemented beside it for each jit
/// fn (a blanket impl's one `dispatcher` would be an instance nested in itself along a
/// chain of calls, up to rustc's recursion limit): `Site` is a closure's type, which no
/// bound can write, so that for a name that is no jit fn (a type parameter standing in
/// for it) rustc suggests no bound, and says what `JitFunction` says.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "only `#[jit]` functions can be called from jit code",
    label = "`{Self}` is not a `#[jit]` function",
    note = "mark the called function `#[jit]`, or call it from plain Rust code"
)]
pub trait JitCallee<Site> {
    /// The function's dispatcher.
    fn dispatcher(site: Site) -> &'static Dispatcher;
}

macro_rules! call_n {
    ($name:ident; $($a:ident: $A:ident),*; $($reversed:ident)*) => {
        /// Calls a compiled entry point.
        ///
        /// # Safety
        /// `entry` must be the entry point compiled for exactly these argument types and
        /// this result type.
        #[inline(always)]
        #[track_caller]
        #[allow(clippy::too_many_arguments)]
        pub unsafe fn $name<$($A: JitArg,)* R: JitType>(entry: *const (), $($a: $A),*) -> R {
            // Each argument stays alive beside its repr (keeping what it references alive)
            // until the call returns: JIT code only borrows its arguments.
            $(let $a = $A::into_arg($a);)*
            let mut out = MaybeUninit::<R::Repr>::uninit();
            let mut status = 0u8;
            // SAFETY: the caller guarantees that `entry` has this signature.
            let f: unsafe extern "C" fn($($A::Abi,)* *mut R::Repr, *mut u8) -> R::RetAbi =
                unsafe { transmute::<*const (), _>(entry) };
            // SAFETY: every pointer argument points to a repr that lives across the call.
            let ret = unsafe { f($($A::to_abi(&$a.repr),)* out.as_mut_ptr(), &mut status) };
            // The arguments go before the result is rebuilt: a `Vec` returned as it came
            // in is then the only reference to its block, and its buffer is handed back.
            // Last first, as rustc drops a fn's parameters at the end of its body (what
            // the body moved elsewhere it holds its own reference of: see the book's
            // `PassThru` section).
            $(drop($reversed);)*
            if status != 0 {
                raise_pending_panic()
            }
            // SAFETY: on success the entry point initialised `out` for non-scalar results.
            let result = unsafe { R::from_ret(ret, out.as_ptr()) };
            // In the caller's hands it would outlive the call (see `escape.rs`); a refused
            // result is dropped, which releases its managed parts.
            refuse_unmanaged(&result, Sink::Return);
            result
        }
    };
}

call_n!(call_0;; );
call_n!(call_1; a: A; a);
call_n!(call_2; a: A, b: B; b a);
call_n!(call_3; a: A, b: B, c: C; c b a);
call_n!(call_4; a: A, b: B, c: C, d: D; d c b a);
call_n!(call_5; a: A, b: B, c: C, d: D, e: E; e d c b a);
call_n!(call_6; a: A, b: B, c: C, d: D, e: E, f: F; f e d c b a);
call_n!(call_7; a: A, b: B, c: C, d: D, e: E, f: F, g: G; g f e d c b a);
call_n!(call_8; a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H; h g f e d c b a);
call_n!(call_9; a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I; i h g f e d c b a);
call_n!(call_10; a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I, j: J; j i h g f e d c b a);
call_n!(call_11; a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I, j: J, k: K; k j i h g f e d c b a);
call_n!(call_12; a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I, j: J, k: K, l: L; l k j i h g f e d c b a);
call_n!(call_13; a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I, j: J, k: K, l: L, m: M; m l k j i h g f e d c b a);
call_n!(call_14; a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I, j: J, k: K, l: L, m: M, n: N; n m l k j i h g f e d c b a);
call_n!(call_15; a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I, j: J, k: K, l: L, m: M, n: N, o: O; o n m l k j i h g f e d c b a);
call_n!(call_16; a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I, j: J, k: K, l: L, m: M, n: N, o: O, p: P; p o n m l k j i h g f e d c b a);
