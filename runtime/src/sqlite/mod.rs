//! SQLite user-defined functions compiled by the JIT (feature `sqlite`, on rusqlite).
//!
//! An aggregate is a `#[jitclass]` with `new`, `step` and `finalize` (a window function
//! adds `value` and `inverse`); a scalar function is a `#[jit] fn`. Registration compiles
//! the C callbacks SQLite calls (`compiler::sqlite`), with the class's methods inlined and
//! its state in SQLite's own aggregate context, then hands them to
//! `sqlite3_create_function_v2` / `sqlite3_create_window_function`.
//!
//! ```
//! use jitclass::jitclass;
//! use jitclass::sqlite::{register_aggregate, Connection, FunctionFlags};
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
//! let conn = Connection::open_in_memory()?;
//! register_aggregate::<MyAvg>(&conn, "my_avg", FunctionFlags::SQLITE_DETERMINISTIC)?;
//! let avg: f64 = conn.query_row(
//!     "SELECT my_avg(x) FROM (SELECT 1.0 AS x UNION ALL SELECT 2.0 UNION ALL SELECT NULL)",
//!     [],
//!     |r| r.get(0),
//! )?;
//! assert_eq!(avg, 1.5);
//! # Ok::<(), rusqlite::Error>(())
//! ```

pub(crate) mod args;
pub(crate) mod blobs;
pub(crate) mod errors;
pub(crate) mod text;

use crate::class::JitClass;
use crate::compiler::sqlite::{AggregateParts, compile_aggregate, compile_scalar};
use crate::shapes::{Finalize, Function, Inverse, New, SameArgs, Step, Value};
use crate::{Dispatcher, Error};
use rusqlite::ffi;
use std::ffi::{CString, c_int};

pub use rusqlite::functions::FunctionFlags;
pub use rusqlite::{Connection, Error as SqliteError};

/// A type an SQL function takes and returns alike: numbers, `bool`, and `Option`s of them
/// (`None` is NULL). A parameter takes SQL values as rusqlite's `FromSql` for the same
/// type does: an integer only an INTEGER in its range, a float an INTEGER or a REAL; any
/// other value is an SQL error naming the function and the argument (the rules are in
/// `sqlite/args.rs` and the book's SQLite chapter).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot cross into SQL",
    label = "not an SQL value",
    note = "SQL functions take and return numbers (`f64`, `i64`, narrower ones), `bool`, and `Option`s of these (NULL)"
)]
pub trait SqlValue {}

/// A non-`Option` SQL value.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot cross into SQL",
    label = "not an SQL number or `bool`",
    note = "an `Option` holds a number or a `bool`"
)]
pub trait SqlScalar: SqlValue {}

/// A type an SQL function takes: an [`SqlValue`]; `&[u8]`, the bytes of a BLOB lent by
/// SQLite for the call, without a copy (a TEXT gives its bytes and a number its UTF-8 text
/// form, as `hex()` reads them; see `blobs.rs`); or `&str`, a TEXT lent the same way,
/// checked to be UTF-8 (a number gives its text form, as `CAST(x AS TEXT)` does; text that
/// is not UTF-8 is an SQL error naming the function and the argument; see `text.rs`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the parameter of an SQL function",
    label = "not an SQL argument",
    note = "SQL functions take numbers (`f64`, `i64`, narrower ones), `bool`, `Option`s of these (NULL), `&str` (a TEXT) and `&[u8]` (a BLOB), both lent without a copy"
)]
pub trait SqlArg {}

macro_rules! sql_scalars {
    ($($t:ty),*) => {$(
        impl SqlValue for $t {}
        impl SqlScalar for $t {}
        impl SqlArg for $t {}
        impl SqlArg for Option<$t> {}
        impl SqlResult for $t {}
        impl SqlResult for Option<$t> {}
    )*};
}

sql_scalars!(
    f64, f32, i64, i32, i16, i8, isize, u64, u32, u16, u8, usize, bool
);

impl<T: SqlScalar> SqlValue for Option<T> {}

impl SqlArg for &[u8] {}
impl SqlArg for &str {}

/// What a function returns to SQL: an [`SqlValue`], `()` (NULL), `String` (a TEXT) or
/// `Vec<u8>` (a BLOB), each copied into SQLite's memory (`Option<String>`,
/// `Option<Vec<u8>>` for a value or NULL).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an SQL result",
    label = "not an SQL value",
    note = "SQL functions return numbers, `bool`, `String` (a TEXT), `Vec<u8>` (a BLOB), `Option`s of these (`None` is NULL), or `()`"
)]
pub trait SqlResult {}

impl SqlResult for () {}
impl SqlResult for Vec<u8> {}
impl SqlResult for Option<Vec<u8>> {}
impl SqlResult for String {}
impl SqlResult for Option<String> {}

/// A tuple of [`SqlArg`]s: the parameters of `step` or of a scalar function.
#[diagnostic::on_unimplemented(
    message = "the parameters `{Self}` cannot all come from SQL",
    label = "not SQL arguments",
    note = "each parameter must be a number, `bool`, an `Option` of these, `&str` or `&[u8]`"
)]
pub trait SqlArgs {}

macro_rules! sql_args {
    ($($T:ident),*) => {
        impl<$($T: SqlArg),*> SqlArgs for ($($T,)*) {}
    };
}

sql_args!();
sql_args!(A);
sql_args!(A, B);
sql_args!(A, B, C);
sql_args!(A, B, C, D);
sql_args!(A, B, C, D, E);
sql_args!(A, B, C, D, E, F);
sql_args!(A, B, C, D, E, F, G);
sql_args!(A, B, C, D, E, F, G, H);
sql_args!(A, B, C, D, E, F, G, H, I);
sql_args!(A, B, C, D, E, F, G, H, I, J);
sql_args!(A, B, C, D, E, F, G, H, I, J, K);
sql_args!(A, B, C, D, E, F, G, H, I, J, K, L);
sql_args!(A, B, C, D, E, F, G, H, I, J, K, L, M);
sql_args!(A, B, C, D, E, F, G, H, I, J, K, L, M, N);
sql_args!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O);
sql_args!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P);

/// Registers the `#[jitclass]` `A` as the SQL aggregate `name`: `A::new()` makes each
/// group's state (in SQLite's aggregate context), `step(&mut self, ..)` takes each row's
/// arguments, `finalize(&self)` (or `&mut self`) gives the result. The state's members (a
/// `Vec` field's buffer, instances) are released after `finalize`, also when SQLite
/// finalizes a group to clean up after an error, a reset or an interrupt. A row whose argument is NULL is skipped
/// unless that parameter is an `Option`; a group without rows gets `finalize` of a fresh
/// state. The callbacks are compiled now: a type error is this call's `Err`.
///
/// The methods get the state as an unmanaged instance over SQLite's memory, lent for the
/// call: storing it in a field, passing it to an `objmode!` block or returning it to Rust
/// panics (see `unsafe_cast`), and the query reports that panic as the function's error.
///
/// A panic in jit code (an `assert!`, an index out of bounds) becomes the query's error,
/// naming the SQL function and the jit source line; nothing unwinds into SQLite.
///
/// ```
/// use jitclass::jitclass;
/// use jitclass::sqlite::{register_aggregate, Connection, FunctionFlags, SqliteError};
///
/// /// The population variance, by Welford's method.
/// #[jitclass]
/// pub struct Variance {
///     count: i64,
///     mean: f64,
///     m2: f64,
/// }
///
/// #[jitclass]
/// impl Variance {
///     pub fn new() -> Self {
///         Variance { count: 0, mean: 0.0, m2: 0.0 }
///     }
///
///     pub fn step(&mut self, x: f64) {
///         self.count += 1;
///         let delta = x - self.mean;
///         self.mean += delta / self.count as f64;
///         self.m2 += delta * (x - self.mean);
///     }
///
///     pub fn finalize(&self) -> Option<f64> {
///         if self.count == 0 { None } else { Some(self.m2 / self.count as f64) }
///     }
/// }
///
/// let conn = Connection::open_in_memory()?;
/// register_aggregate::<Variance>(&conn, "var_pop", FunctionFlags::SQLITE_DETERMINISTIC)?;
/// conn.execute_batch(
///     "CREATE TABLE t(g, x);
///      INSERT INTO t VALUES (1, 2), (1, 4), (1, 4), (1, 4), (1, 5), (1, 5), (1, 7), (1, 9),
///                           (2, NULL);",
/// )?;
/// let mut stmt = conn.prepare("SELECT g, var_pop(x) FROM t GROUP BY g")?;
/// let rows: Vec<(i64, Option<f64>)> = stmt
///     .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
///     .collect::<Result<_, _>>()?;
/// // The NULL row is skipped, so group 2 has no rows: `finalize` of a fresh state.
/// assert_eq!(rows, [(1, Some(4.0)), (2, None)]);
/// # Ok::<(), SqliteError>(())
/// ```
pub fn register_aggregate<A>(
    conn: &Connection,
    name: &str,
    flags: FunctionFlags,
) -> rusqlite::Result<()>
where
    A: JitClass + New + Step + Finalize,
    <A as Step>::Args: SqlArgs,
    <A as Finalize>::Output: SqlResult,
{
    register::<A>(conn, name, flags, false)
}

/// Registers the `#[jitclass]` `A` as the SQL aggregate window function `name`: as
/// [`register_aggregate`], plus `value(&self)` (or `&mut self`; the result for the
/// current frame) and `inverse(&mut self, ..)` (a row leaves the frame; same parameters
/// as `step`).
///
/// ```
/// use jitclass::jitclass;
/// use jitclass::sqlite::{register_window, Connection, FunctionFlags, SqliteError};
///
/// /// `total()` as a window function; a NULL arrives as `None`.
/// #[jitclass]
/// pub struct MySum {
///     sum: f64,
/// }
///
/// #[jitclass]
/// impl MySum {
///     pub fn new() -> Self {
///         MySum { sum: 0.0 }
///     }
///     pub fn step(&mut self, x: Option<f64>) {
///         self.sum += x.unwrap_or(0.0);
///     }
///     pub fn inverse(&mut self, x: Option<f64>) {
///         self.sum -= x.unwrap_or(0.0);
///     }
///     pub fn value(&self) -> f64 {
///         self.sum
///     }
///     pub fn finalize(&self) -> f64 {
///         self.sum
///     }
/// }
///
/// let conn = Connection::open_in_memory()?;
/// register_window::<MySum>(&conn, "my_sum", FunctionFlags::SQLITE_DETERMINISTIC)?;
/// conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1.0), (NULL), (2.0), (4.0);")?;
/// let mut stmt = conn.prepare(
///     "SELECT my_sum(x) OVER (ORDER BY rowid ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
/// )?;
/// let sums: Vec<f64> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
/// assert_eq!(sums, [1.0, 1.0, 2.0, 6.0]);
/// # Ok::<(), SqliteError>(())
/// ```
pub fn register_window<A>(
    conn: &Connection,
    name: &str,
    flags: FunctionFlags,
) -> rusqlite::Result<()>
where
    A: JitClass + New + Step + Finalize + Value + Inverse,
    <A as Step>::Args: SqlArgs,
    <A as Inverse>::Args: SqlArgs + SameArgs<<A as Step>::Args>,
    <A as Finalize>::Output: SqlResult,
    <A as Value>::Output: SqlResult,
{
    register::<A>(conn, name, flags, true)
}

/// Registers the `#[jit] fn` `F` (its name as a type: `register_scalar::<my_fn>(..)`) as
/// the SQL scalar function `name`. A NULL argument for a parameter that is not an
/// `Option` makes the result NULL, as with SQL's own functions. The function must not be
/// generic; a type error in its body is this call's `Err`.
///
/// ```
/// use jitclass::jit;
/// use jitclass::sqlite::{register_scalar, Connection, FunctionFlags, SqliteError};
///
/// #[jit]
/// fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
///     x.max(lo).min(hi)
/// }
///
/// #[jit]
/// fn or_zero(x: Option<i64>) -> i64 {
///     x.unwrap_or(0)
/// }
///
/// let conn = Connection::open_in_memory()?;
/// let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
/// register_scalar::<clamp>(&conn, "clamp", flags)?;
/// register_scalar::<or_zero>(&conn, "or_zero", flags)?;
/// let row: (f64, Option<f64>, i64) = conn.query_row(
///     "SELECT clamp(7, 0, 1), clamp(NULL, 0, 1), or_zero(NULL)",
///     [],
///     |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
/// )?;
/// assert_eq!(row, (1.0, None, 0));
/// # Ok::<(), SqliteError>(())
/// ```
pub fn register_scalar<F>(
    conn: &Connection,
    name: &str,
    flags: FunctionFlags,
) -> rusqlite::Result<()>
where
    F: Function + crate::call::JitFunction,
    <F as Function>::Args: SqlArgs,
    <F as Function>::Output: SqlResult,
{
    let (xfunc, n_args) = compile_scalar(name, F::DISPATCHER).map_err(user_error)?;
    let c_name = c_name(name)?;
    // SAFETY: `xfunc` is a compiled `void(sqlite3_context*, int, sqlite3_value**)` that
    // reads exactly `n_args` arguments, the count registered; compiled code is never
    // freed, so the pointer stays valid for the connection's life.
    let rc = unsafe {
        ffi::sqlite3_create_function_v2(
            conn.handle(),
            c_name.as_ptr(),
            n_args as c_int,
            flags.bits() | ffi::SQLITE_UTF8,
            std::ptr::null_mut(),
            Some(std::mem::transmute::<usize, Callback>(xfunc)),
            None,
            None,
            None,
        )
    };
    check(conn, rc)
}

type Callback =
    unsafe extern "C" fn(*mut ffi::sqlite3_context, c_int, *mut *mut ffi::sqlite3_value);
type Final = unsafe extern "C" fn(*mut ffi::sqlite3_context);

fn register<A: JitClass>(
    conn: &Connection,
    name: &str,
    flags: FunctionFlags,
    window: bool,
) -> rusqlite::Result<()> {
    let info = A::class_info();
    let function = |f: &str| -> rusqlite::Result<&'static Dispatcher> {
        info.dispatcher(f).ok_or_else(|| {
            user_error(Error::new(
                crate::ErrorKind::Type,
                name,
                format!("`{}` has no single function `{f}`", info.name()),
            ))
        })
    };
    let parts = AggregateParts {
        sql_name: name.to_string(),
        class: info,
        new: function("new")?,
        step: function("step")?,
        finalize: function("finalize")?,
        window: if window {
            Some((function("value")?, function("inverse")?))
        } else {
            None
        },
    };
    if info.payload_layout().align() > 8 {
        return Err(user_error(Error::new(
            crate::ErrorKind::Type,
            name,
            format!(
                "`{}` needs more than 8-byte alignment, which SQLite's memory does not give",
                info.name()
            ),
        )));
    }
    let cb = compile_aggregate(&parts).map_err(user_error)?;
    let c_name = c_name(name)?;
    // SAFETY: the callbacks are compiled with exactly these C signatures and read
    // exactly `n_args` arguments, the count registered; compiled code is never freed.
    let rc = unsafe {
        let step = Some(std::mem::transmute::<usize, Callback>(cb.step));
        let finalize = Some(std::mem::transmute::<usize, Final>(cb.finalize));
        match (cb.value, cb.inverse) {
            (Some(value), Some(inverse)) => ffi::sqlite3_create_window_function(
                conn.handle(),
                c_name.as_ptr(),
                cb.n_args as c_int,
                flags.bits() | ffi::SQLITE_UTF8,
                std::ptr::null_mut(),
                step,
                finalize,
                Some(std::mem::transmute::<usize, Final>(value)),
                Some(std::mem::transmute::<usize, Callback>(inverse)),
                None,
            ),
            _ => ffi::sqlite3_create_function_v2(
                conn.handle(),
                c_name.as_ptr(),
                cb.n_args as c_int,
                flags.bits() | ffi::SQLITE_UTF8,
                std::ptr::null_mut(),
                None,
                step,
                finalize,
                None,
            ),
        }
    };
    check(conn, rc)
}

fn c_name(name: &str) -> rusqlite::Result<CString> {
    CString::new(name).map_err(rusqlite::Error::NulError)
}

fn user_error(e: Error) -> rusqlite::Error {
    rusqlite::Error::UserFunctionError(Box::new(e))
}

fn check(conn: &Connection, rc: c_int) -> rusqlite::Result<()> {
    if rc == ffi::SQLITE_OK {
        return Ok(());
    }
    // SAFETY: the connection's handle is valid while `conn` is; the message is copied.
    let message = unsafe {
        let m = ffi::sqlite3_errmsg(conn.handle());
        (!m.is_null()).then(|| std::ffi::CStr::from_ptr(m).to_string_lossy().into_owned())
    };
    Err(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), message))
}
