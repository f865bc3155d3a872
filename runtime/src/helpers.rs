//! The functions JIT code calls by symbol, each declared once: `helpers!` derives from a
//! helper's Rust signature its symbol (the function's own name), its address and its LLVM
//! function type, so that the three cannot disagree (Mun's `intrinsics!`).
//!
//! The table holds the runtime's `extern "C"` helpers and, with the `sqlite` feature, the
//! parts of SQLite's C API that generated callbacks call (the bundled SQLite is linked into
//! the executable, where the JIT cannot look symbols up by name). The math wrappers of
//! `math.rs` are rows of their own table, made by the same [`mapped_fn!`]. Codegen declares
//! a helper by its row (`ModuleCx::helper`), and `compiler/symbols.rs` maps every row into
//! the engine by address.
//!
//! A Rust type crosses as the C ABI passes it: every pointer is an `i8*` (codegen bitcasts
//! what it passes), integers by their width, `f32`/`f64` as `float`/`double`; `()` and `!`
//! results are `void`. `bool` is not a helper type (C passes it extended, which a plain
//! `i1` would not say). Every helper is an `extern "C"` function that never unwinds.

use crate::class::ClassInfo;
use crate::map::{
    MapInfo, jitclass_rt_map_clear, jitclass_rt_map_find, jitclass_rt_map_insert,
    jitclass_rt_map_new, jitclass_rt_map_remove,
};
use crate::memory::{BlockKind, DropInfo, MemInfo, jitclass_rt_alloc_block, jitclass_rt_decref};
use crate::panic::{PanicArg, PanicSite, jitclass_rt_cfunc_panicked, jitclass_rt_panic};
use crate::placement::{jitclass_rt_construct_at, jitclass_rt_destroy_at};
#[cfg(feature = "sqlite")]
use crate::sqlite::args::Site;
#[cfg(feature = "sqlite")]
use crate::sqlite::blobs::jitclass_rt_sqlite_result_bytes;
#[cfg(feature = "sqlite")]
use crate::sqlite::errors::{
    jitclass_rt_sqlite_arg_error, jitclass_rt_sqlite_error, jitclass_rt_sqlite_result_error,
};
#[cfg(feature = "sqlite")]
use crate::sqlite::text::{
    StrParts, TextSite, jitclass_rt_sqlite_result_text, jitclass_rt_sqlite_text_arg,
};
use crate::unmanaged_dyn::jitclass_rt_lend_unmanaged;
use crate::vec::{
    jitclass_rt_value_clone, jitclass_rt_vec_clone, jitclass_rt_vec_new, jitclass_rt_vec_reserve,
    jitclass_rt_vec_truncate,
};
#[cfg(feature = "sqlite")]
use rusqlite::ffi::{
    sqlite3_aggregate_context, sqlite3_context, sqlite3_result_double, sqlite3_result_error_nomem,
    sqlite3_result_int64, sqlite3_result_null, sqlite3_value, sqlite3_value_blob,
    sqlite3_value_bytes, sqlite3_value_double, sqlite3_value_int64, sqlite3_value_type,
};
#[cfg(feature = "sqlite")]
use std::ffi::{c_int, c_void};

use inkwell::context::Context;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FunctionType};

/// A function JIT code calls by `symbol`: the address it is mapped to and its LLVM type.
#[derive(Clone, Copy)]
pub(crate) struct MappedFn {
    pub symbol: &'static str,
    pub address: fn() -> usize,
    pub fn_type: fn(&'static Context) -> FunctionType<'static>,
    /// The Rust signature the LLVM type was derived from, for the test that compares them
    /// (`compiler/symbols.rs`).
    #[cfg(test)]
    pub rust_signature: fn() -> RustSignature,
}

/// The row of `function`, called by `symbol`, whose Rust signature is the function pointer
/// type `signature` (`unsafe extern "C" fn(..) -> ..`; the function must coerce to it).
macro_rules! mapped_fn {
    ($symbol:expr, $function:expr, $signature:ty) => {
        $crate::helpers::MappedFn {
            symbol: $symbol,
            address: || {
                let f: $signature = $function;
                f as usize
            },
            fn_type: <$signature as $crate::helpers::HelperSignature>::fn_type,
            #[cfg(test)]
            rust_signature: <$signature as $crate::helpers::HelperSignature>::rust_signature,
        }
    };
}
pub(crate) use mapped_fn;

/// Declares the [`Helper`] enum: one variant per row `Variant = function(params) -> ret;`,
/// whose symbol is `function`'s name.
macro_rules! helpers {
    ($(
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        $variant:ident = $function:ident($($param:ident: $ty:ty),* $(,)?) $(-> $ret:ty)?;
    )*) => {
        /// A function JIT code calls by symbol (see the module docs).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Helper {
            $( $(#[doc = $doc])* $(#[cfg($cfg)])? $variant, )*
        }

        impl Helper {
            /// Every helper, in table order.
            pub(crate) const ALL: &[Helper] = &[$( $(#[cfg($cfg)])? Helper::$variant, )*];

            /// The helper's symbol, address and LLVM type.
            pub(crate) fn row(self) -> MappedFn {
                match self {
                    $(
                        $(#[cfg($cfg)])?
                        Helper::$variant => mapped_fn!(
                            stringify!($function),
                            $function,
                            unsafe extern "C" fn($($ty),*) $(-> $ret)?
                        ),
                    )*
                }
            }
        }
    };
}

helpers! {
    /// Records the message of a failed check or `panic!` (`panic.rs`).
    Panic = jitclass_rt_panic(site: *const PanicSite, args: *const PanicArg, nargs: usize);
    /// Aborts after a panic in an `extern "C"` jit fn, which cannot unwind into C.
    CfuncPanicked = jitclass_rt_cfunc_panicked() -> !;
    /// Drops one reference to a managed block (`memory.rs`).
    Decref = jitclass_rt_decref(info: *mut MemInfo);
    /// Allocates a block of a kind (a class's instance), its payload for the caller to
    /// zero; null if allocation fails (`memory.rs`).
    AllocBlock = jitclass_rt_alloc_block(kind: *const BlockKind) -> *mut MemInfo;
    /// A new `Vec` block with room for `cap` elements; null if allocation fails (`vec.rs`).
    VecNew = jitclass_rt_vec_new(drop_info: *const DropInfo, cap: usize) -> *mut MemInfo;
    /// Makes room in a `Vec` for more elements: 0, or 1 (capacity overflow), 2 (no memory).
    VecReserve = jitclass_rt_vec_reserve(info: *mut MemInfo, additional: usize) -> u8;
    /// A copy of a `Vec` (`clone`); null if allocation fails.
    VecClone = jitclass_rt_vec_clone(info: *mut MemInfo) -> *mut MemInfo;
    /// A clone of a value holding `Vec`s, in memory: 0, or 1 (no memory; nothing made).
    ValueClone = jitclass_rt_value_clone(drop_info: *const DropInfo, src: *const u8, dst: *mut u8) -> u8;
    /// A new map block with room for `cap` entries; null if allocation fails (`map.rs`).
    MapNew = jitclass_rt_map_new(info: *const MapInfo, cap: usize) -> *mut MemInfo;
    /// The position of a key's entry, or `usize::MAX` (`str_probe` 1: the key is a `&str` `{ptr, len}` looked up in a `String`-keyed map).
    MapFind = jitclass_rt_map_find(map: *mut MemInfo, key: *const u8, str_probe: u8) -> usize;
    /// Finds or appends a key's entry: 0 (found), 1 (new), 2 (too large), 3 (no memory).
    MapInsert = jitclass_rt_map_insert(map: *mut MemInfo, key: *const u8, at: *mut usize) -> u8;
    /// Removes a key's entry, moving its value out: 1, or 0 if absent (`str_probe` as `MapFind`).
    MapRemove = jitclass_rt_map_remove(map: *mut MemInfo, key: *const u8, str_probe: u8, value: *mut u8) -> u8;
    /// Removes every entry.
    MapClear = jitclass_rt_map_clear(map: *mut MemInfo);
    /// Shortens a `Vec`, releasing what the dropped elements hold.
    VecTruncate = jitclass_rt_vec_truncate(info: *mut MemInfo, len: usize);
    /// Moves an owned instance's payload into memory someone else owns (`placement.rs`).
    ConstructAt = jitclass_rt_construct_at(
        class: *const ClassInfo,
        dst: *mut u8,
        meminfo: *mut MemInfo,
        data: *mut u8,
    );
    /// Releases a payload's members and zeroes it (`placement.rs`).
    DestroyAt = jitclass_rt_destroy_at(class: *const ClassInfo, ptr: *mut u8);
    /// A block lending an unmanaged instance's payload to a trait object; null if
    /// allocation fails (`unmanaged_dyn.rs`).
    LendUnmanaged = jitclass_rt_lend_unmanaged(data: *mut u8) -> *mut MemInfo;

    /// Makes the pending jit panic the SQL function's error (`sqlite/errors.rs`).
    #[cfg(feature = "sqlite")]
    SqliteError = jitclass_rt_sqlite_error(ctx: *mut sqlite3_context, name: *const u8, len: usize);
    /// Makes a refused argument the SQL function's error.
    #[cfg(feature = "sqlite")]
    SqliteArgError = jitclass_rt_sqlite_arg_error(
        ctx: *mut sqlite3_context,
        site: *const Site,
        value: *mut sqlite3_value,
    );
    /// Makes a result beyond an SQL INTEGER the SQL function's error.
    #[cfg(feature = "sqlite")]
    SqliteResultError = jitclass_rt_sqlite_result_error(
        ctx: *mut sqlite3_context,
        site: *const Site,
        value: u64,
    );
    /// Sets a jit `Vec<u8>`'s bytes, copied, as the SQL result (`sqlite/blobs.rs`).
    #[cfg(feature = "sqlite")]
    SqliteResultBytes = jitclass_rt_sqlite_result_bytes(
        ctx: *mut sqlite3_context,
        meminfo: *mut MemInfo,
    );
    /// Reads a `&str` argument, checked as UTF-8: 1, or 0 after setting the SQL error
    /// (`sqlite/text.rs`).
    #[cfg(feature = "sqlite")]
    SqliteTextArg = jitclass_rt_sqlite_text_arg(
        ctx: *mut sqlite3_context,
        site: *const TextSite,
        value: *mut sqlite3_value,
        out: *mut StrParts,
    ) -> u8;
    /// Sets a jit `String`'s text, copied, as the SQL result (for `String` results, which
    /// jit code does not have yet).
    #[cfg(feature = "sqlite")]
    SqliteResultText = jitclass_rt_sqlite_result_text(
        ctx: *mut sqlite3_context,
        meminfo: *mut MemInfo,
    );

    // SQLite's C API, as the generated callbacks call it.
    /// The group's state, zeroed by SQLite on first use; null when out of memory.
    #[cfg(feature = "sqlite")]
    SqliteAggregateContext = sqlite3_aggregate_context(
        ctx: *mut sqlite3_context,
        bytes: c_int,
    ) -> *mut c_void;
    #[cfg(feature = "sqlite")]
    SqliteValueType = sqlite3_value_type(value: *mut sqlite3_value) -> c_int;
    /// A value's bytes (a number converted to its text in place); null for none.
    #[cfg(feature = "sqlite")]
    SqliteValueBlob = sqlite3_value_blob(value: *mut sqlite3_value) -> *const c_void;
    /// The byte count of what `sqlite3_value_blob` (or `_text`) last returned.
    #[cfg(feature = "sqlite")]
    SqliteValueBytes = sqlite3_value_bytes(value: *mut sqlite3_value) -> c_int;
    #[cfg(feature = "sqlite")]
    SqliteValueDouble = sqlite3_value_double(value: *mut sqlite3_value) -> f64;
    #[cfg(feature = "sqlite")]
    SqliteValueInt64 = sqlite3_value_int64(value: *mut sqlite3_value) -> i64;
    #[cfg(feature = "sqlite")]
    SqliteResultDouble = sqlite3_result_double(ctx: *mut sqlite3_context, value: f64);
    #[cfg(feature = "sqlite")]
    SqliteResultInt64 = sqlite3_result_int64(ctx: *mut sqlite3_context, value: i64);
    #[cfg(feature = "sqlite")]
    SqliteResultNull = sqlite3_result_null(ctx: *mut sqlite3_context);
    #[cfg(feature = "sqlite")]
    SqliteResultErrorNomem = sqlite3_result_error_nomem(ctx: *mut sqlite3_context);
}

// ---- Rust types as LLVM types -----------------------------------------------------------

/// A Rust type a helper takes (or returns), as the C ABI passes it.
pub(crate) trait HelperParam {
    fn llvm_type(ctx: &'static Context) -> BasicTypeEnum<'static>;
}

macro_rules! int_params {
    ($($t:ty => $llvm:ident),*) => {$(
        impl HelperParam for $t {
            fn llvm_type(ctx: &'static Context) -> BasicTypeEnum<'static> {
                ctx.$llvm().into()
            }
        }
    )*};
}

int_params!(
    i8 => i8_type, u8 => i8_type, i16 => i16_type, u16 => i16_type, i32 => i32_type,
    u32 => i32_type, i64 => i64_type, u64 => i64_type, isize => i64_type, usize => i64_type,
    f32 => f32_type, f64 => f64_type
);

impl<T> HelperParam for *const T {
    fn llvm_type(ctx: &'static Context) -> BasicTypeEnum<'static> {
        ctx.i8_type()
            .ptr_type(inkwell::AddressSpace::default())
            .into()
    }
}

impl<T> HelperParam for *mut T {
    fn llvm_type(ctx: &'static Context) -> BasicTypeEnum<'static> {
        <*const T>::llvm_type(ctx)
    }
}

/// What a helper returns: a [`HelperParam`] or `()` (`void`).
pub(crate) trait HelperReturn {
    fn fn_type(
        ctx: &'static Context,
        params: &[BasicMetadataTypeEnum<'static>],
    ) -> FunctionType<'static>;
}

impl<T: HelperParam> HelperReturn for T {
    fn fn_type(
        ctx: &'static Context,
        params: &[BasicMetadataTypeEnum<'static>],
    ) -> FunctionType<'static> {
        T::llvm_type(ctx).fn_type(params, false)
    }
}

impl HelperReturn for () {
    fn fn_type(
        ctx: &'static Context,
        params: &[BasicMetadataTypeEnum<'static>],
    ) -> FunctionType<'static> {
        ctx.void_type().fn_type(params, false)
    }
}

/// The Rust signature of a helper, a function pointer type, as an LLVM function type.
pub(crate) trait HelperSignature {
    fn fn_type(ctx: &'static Context) -> FunctionType<'static>;
    /// Each parameter's and the result's Rust type, for the test.
    #[cfg(test)]
    fn rust_signature() -> RustSignature;
}

macro_rules! signatures {
    ($(($($a:ident),*)),*) => {$(
        impl<R: HelperReturn, $($a: HelperParam),*> HelperSignature
            for unsafe extern "C" fn($($a),*) -> R
        {
            fn fn_type(ctx: &'static Context) -> FunctionType<'static> {
                R::fn_type(ctx, &[$($a::llvm_type(ctx).into()),*])
            }
            #[cfg(test)]
            fn rust_signature() -> RustSignature {
                RustSignature {
                    params: vec![$(rust_type::<$a>()),*],
                    ret: rust_type::<R>(),
                }
            }
        }
    )*};
}

signatures!(
    (),
    (A),
    (A, B),
    (A, B, C),
    (A, B, C, D),
    (A, B, C, D, E),
    (A, B, C, D, E, F),
    (A, B, C, D, E, F, G)
);

/// A helper that never returns, as `void`.
impl HelperSignature for unsafe extern "C" fn() -> ! {
    fn fn_type(ctx: &'static Context) -> FunctionType<'static> {
        ctx.void_type().fn_type(&[], false)
    }
    #[cfg(test)]
    fn rust_signature() -> RustSignature {
        RustSignature {
            params: Vec::new(),
            ret: rust_type::<()>(),
        }
    }
}

/// A Rust type as the test sees it: its name, size and alignment.
#[cfg(test)]
#[derive(Debug)]
pub(crate) struct RustTypeInfo {
    pub name: &'static str,
    pub size: usize,
    pub align: usize,
}

#[cfg(test)]
fn rust_type<T>() -> RustTypeInfo {
    RustTypeInfo {
        name: std::any::type_name::<T>(),
        size: size_of::<T>(),
        align: align_of::<T>(),
    }
}

/// A helper's parameters and result as Rust types.
#[cfg(test)]
#[derive(Debug)]
pub(crate) struct RustSignature {
    pub params: Vec<RustTypeInfo>,
    pub ret: RustTypeInfo,
}
