//! The helpers generated SQLite callbacks call to end with an SQL error: a jit panic, an
//! argument its parameter's rule refuses, a result beyond an SQL INTEGER. Each is an
//! `extern "C"` function that cannot panic (nothing may unwind into SQLite), listed in
//! `crate::helpers`.

use super::args::{MAX_SQL_INTEGER, Site, read, refusal};
use rusqlite::ffi;
use std::ffi::c_int;

/// Makes the pending jit panic the SQL function's error: `name: message --> file:line`.
///
/// # Safety
/// `ctx` is the context of the running callback; `name` points to `len` bytes of UTF-8.
pub(crate) unsafe extern "C" fn jitclass_rt_sqlite_error(
    ctx: *mut ffi::sqlite3_context,
    name: *const u8,
    len: usize,
) {
    // SAFETY: guaranteed by the caller (a leaked `str` the callback embeds).
    let name = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(name, len)) };
    let message = crate::panic::take_pending_panic().unwrap_or_else(|| "jit code panicked".into());
    // SAFETY: guaranteed by the caller.
    unsafe { result_error(ctx, &format!("{name}: {message}")) };
}

/// Sets `message` as the callback's SQL error.
///
/// # Safety
/// `ctx` is the context of the running callback.
pub(super) unsafe fn result_error(ctx: *mut ffi::sqlite3_context, message: &str) {
    // SAFETY: SQLite copies the message; the length is its byte length.
    unsafe {
        ffi::sqlite3_result_error(
            ctx,
            message.as_ptr().cast(),
            message.len().min(c_int::MAX as usize) as c_int,
        )
    };
}

/// Makes `value`, which the argument's rule refused, the SQL function's error.
///
/// # Safety
/// `ctx` is the context of the running callback, `site` a leaked [`Site`] of an argument,
/// `value` that argument.
pub(crate) unsafe extern "C" fn jitclass_rt_sqlite_arg_error(
    ctx: *mut ffi::sqlite3_context,
    site: *const Site,
    value: *mut ffi::sqlite3_value,
) {
    // SAFETY: guaranteed by the caller.
    let (site, value) = unsafe { (&*site, read(value)) };
    let message = refusal(site, value);
    // SAFETY: guaranteed by the caller.
    unsafe { result_error(ctx, &message) };
}

/// Makes a `u64`/`usize` result above [`MAX_SQL_INTEGER`] the SQL function's error.
///
/// # Safety
/// `ctx` is the context of the running callback, `site` a leaked [`Site`] of a result.
pub(crate) unsafe extern "C" fn jitclass_rt_sqlite_result_error(
    ctx: *mut ffi::sqlite3_context,
    site: *const Site,
    value: u64,
) {
    // SAFETY: guaranteed by the caller.
    let site = unsafe { &*site };
    let message = format!(
        "{} is {value}, out of range for an SQL INTEGER (at most {MAX_SQL_INTEGER})",
        site.describe()
    );
    // SAFETY: guaranteed by the caller.
    unsafe { result_error(ctx, &message) };
}
