//! TEXT across the SQL boundary, for `&str` parameters and (once jit code has `String`)
//! `String` results: reading an
//! argument as UTF-8 without a copy, refusing text that is not UTF-8 with an SQL error
//! naming the function and the argument, and setting a jit `String` as the result.
//!
//! A `&str` parameter is read by [`jitclass_rt_sqlite_text_arg`] after the generated
//! callback's NULL check (`compiler/sqlite/text.rs`): `sqlite3_value_text` converts the argument to UTF-8 in place (a
//! number to its text form, a TEXT stored as UTF-16 to UTF-8, a BLOB's bytes taken as
//! they are), `sqlite3_value_bytes` right after gives its length, and `std::str::from_utf8`
//! checks it, so that no `&str` ever holds other bytes (the TEXT of an SQLite database can
//! hold any bytes: `CAST(x'ff' AS TEXT)`, or text written through the C API unchecked).
//! The pointer stays valid for the call: the callback converts nothing of that argument
//! afterwards. The check is std's, so what jit code accepts is exactly what
//! `str::from_utf8` does, and it costs what rusqlite's `FromSql for &str` costs (the same
//! check).
//!
//! A `String` result is the same managed block as a `Vec<u8>` (`VecHeader`), so it is
//! set as [`jitclass_rt_sqlite_result_bytes`](super::blobs) sets a BLOB: copied by SQLite
//! (`SQLITE_TRANSIENT`, as rusqlite does for a `String`), with the encoding `SQLITE_UTF8`,
//! and the generated code releases its reference right after.

use super::args::describe_argument;
use super::errors::result_error;
use crate::memory::{MemInfo, VecHeader};
use rusqlite::ffi;

/// A `&str` parameter of an SQL function, for the message when its TEXT is not UTF-8.
/// Generated code embeds the address of one (leaked, like compiled code).
pub(crate) struct TextSite {
    /// The SQL function's name.
    pub function: String,
    /// The 1-based SQL argument.
    pub position: usize,
    /// The parameter's name, if worth showing.
    pub name: Option<String>,
}

impl TextSite {
    /// Leaks the site for generated code, which lives as long as the process.
    pub(crate) fn leak(self) -> usize {
        Box::leak(Box::new(self)) as *const TextSite as usize
    }
}

/// A `&str` as jit code holds it: `{ptr, len}`, the layout of a slice.
#[repr(C)]
pub(crate) struct StrParts {
    pub ptr: *const u8,
    pub len: usize,
}

/// Reads the non-NULL argument `value` as UTF-8 text into `out` and returns 1; or sets the
/// SQL error (text that is not UTF-8, or no memory for SQLite's conversion) and returns 0,
/// after which the callback returns without calling jit code. An empty text is a dangling,
/// non-null pointer, as Rust's empty `&str`s have.
///
/// # Safety
/// `ctx` is the context of the running callback, `site` a leaked [`TextSite`], `value` the
/// argument it describes, `out` writable.
pub(crate) unsafe extern "C" fn jitclass_rt_sqlite_text_arg(
    ctx: *mut ffi::sqlite3_context,
    site: *const TextSite,
    value: *mut ffi::sqlite3_value,
    out: *mut StrParts,
) -> u8 {
    // SAFETY: guaranteed by the caller. `sqlite3_value_text` and then
    // `sqlite3_value_bytes` (the order SQLite's documentation asks for) describe the
    // argument's UTF-8 form, valid until the argument is converted again, which neither
    // this function nor the callback does.
    unsafe {
        let text = ffi::sqlite3_value_text(value);
        let len = ffi::sqlite3_value_bytes(value).max(0) as usize;
        if text.is_null() {
            // The callback handled NULLs; a null pointer now is a failed conversion, which
            // leaves the argument NULL, or (never for SQLite's own values) an empty one.
            if ffi::sqlite3_value_type(value) == ffi::SQLITE_NULL || len != 0 {
                ffi::sqlite3_result_error_nomem(ctx);
                return 0;
            }
            *out = StrParts {
                ptr: std::ptr::NonNull::<u8>::dangling().as_ptr(),
                len: 0,
            };
            return 1;
        }
        let bytes = std::slice::from_raw_parts(text, len);
        match std::str::from_utf8(bytes) {
            Ok(_) => {
                *out = StrParts { ptr: text, len };
                1
            }
            Err(e) => {
                let site = &*site;
                let message = format!(
                    "{} is a TEXT that is not valid UTF-8 ({e})",
                    describe_argument(&site.function, site.position, &site.name)
                );
                result_error(ctx, &message);
                0
            }
        }
    }
}

/// Sets the text of the jit `String` whose block is `meminfo` as the SQL result, copied by
/// SQLite. The caller still owns its reference to the block.
///
/// # Safety
/// `ctx` is the context of the running callback; `meminfo` is a live `String` block (a
/// `VecHeader` over UTF-8 bytes).
pub(crate) unsafe extern "C" fn jitclass_rt_sqlite_result_text(
    ctx: *mut ffi::sqlite3_context,
    meminfo: *mut MemInfo,
) {
    // SAFETY: guaranteed by the caller: the payload is a `VecHeader` whose `buf` holds
    // `len` initialised bytes (dangling, non-null when empty); SQLite copies them before
    // returning (`SQLITE_TRANSIENT`).
    unsafe {
        let header = MemInfo::data(meminfo).cast::<VecHeader>();
        let (buf, len) = ((*header).buf, (*header).len);
        ffi::sqlite3_result_text64(
            ctx,
            buf.cast(),
            len as u64,
            ffi::SQLITE_TRANSIENT(),
            ffi::SQLITE_UTF8 as u8,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;
    use rusqlite::types::Value;
    use std::ffi::{c_int, c_void};

    /// The callback of `echo(x)`, as a generated one reads a `&str` parameter: the text
    /// set back as the result (or NULL for NULL), or the helper's error.
    unsafe extern "C" fn echo(
        ctx: *mut ffi::sqlite3_context,
        _argc: c_int,
        argv: *mut *mut ffi::sqlite3_value,
    ) {
        // SAFETY: SQLite passes one argument and the site registered as user data.
        unsafe {
            let value = *argv;
            if ffi::sqlite3_value_type(value) == ffi::SQLITE_NULL {
                ffi::sqlite3_result_null(ctx);
                return;
            }
            let site = ffi::sqlite3_user_data(ctx).cast::<TextSite>();
            let mut out = StrParts {
                ptr: std::ptr::null(),
                len: usize::MAX,
            };
            if jitclass_rt_sqlite_text_arg(ctx, site, value, &mut out) == 0 {
                return;
            }
            assert!(!out.ptr.is_null());
            let text = std::str::from_utf8(std::slice::from_raw_parts(out.ptr, out.len))
                .expect("the helper checked it");
            ffi::sqlite3_result_text64(
                ctx,
                text.as_ptr().cast(),
                text.len() as u64,
                ffi::SQLITE_TRANSIENT(),
                ffi::SQLITE_UTF8 as u8,
            );
        }
    }

    fn connection(name: Option<&str>) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        let site: &'static TextSite = Box::leak(Box::new(TextSite {
            function: "median_text".into(),
            position: 1,
            name: name.map(str::to_string),
        }));
        // SAFETY: `echo` has the callback signature and reads one argument; the site is
        // leaked, so it outlives the connection.
        let rc = unsafe {
            ffi::sqlite3_create_function_v2(
                conn.handle(),
                c"median_text".as_ptr(),
                1,
                ffi::SQLITE_UTF8,
                site as *const TextSite as *mut c_void,
                Some(echo),
                None,
                None,
                None,
            )
        };
        assert_eq!(rc, ffi::SQLITE_OK);
        conn
    }

    fn get(conn: &Connection, sql: &str) -> Result<Value, String> {
        conn.query_row(sql, [], |r| r.get::<_, Value>(0))
            .map_err(|e| e.to_string())
    }

    fn text(s: &str) -> Result<Value, String> {
        Ok(Value::Text(s.into()))
    }

    #[test]
    fn text_arguments_are_read_as_sqlite_converts_them() {
        let conn = connection(Some("s"));
        assert_eq!(get(&conn, "SELECT median_text('héllo ∂')"), text("héllo ∂"));
        assert_eq!(get(&conn, "SELECT median_text('')"), text(""));
        // Numbers: their text form, as `sqlite3_value_text` gives it.
        assert_eq!(get(&conn, "SELECT median_text(-12)"), text("-12"));
        assert_eq!(get(&conn, "SELECT median_text(2.5)"), text("2.5"));
        assert_eq!(get(&conn, "SELECT median_text(1e300)"), text("1.0e+300"));
        // A BLOB's bytes, when they are UTF-8.
        assert_eq!(get(&conn, "SELECT median_text(x'c3a9')"), text("é"));
        assert_eq!(get(&conn, "SELECT median_text(x'')"), text(""));
        assert_eq!(get(&conn, "SELECT median_text(NULL)"), Ok(Value::Null));
        // A database in UTF-16: its TEXT arrives as UTF-8 all the same.
        let utf16 = connection(Some("s"));
        utf16
            .execute_batch(
                "PRAGMA encoding = 'UTF-16le'; CREATE TABLE t(x); INSERT INTO t VALUES ('ünï');",
            )
            .unwrap();
        assert_eq!(get(&utf16, "PRAGMA encoding"), text("UTF-16le"));
        assert_eq!(get(&utf16, "SELECT median_text(x) FROM t"), text("ünï"));
    }

    #[test]
    fn text_that_is_not_utf8_is_an_sql_error_naming_the_function_and_the_argument() {
        let conn = connection(Some("s"));
        assert_eq!(
            get(&conn, "SELECT median_text(CAST(x'61ff62' AS TEXT))"),
            Err(
                "median_text(): argument 1 (`s`) is a TEXT that is not valid UTF-8 \
                 (invalid utf-8 sequence of 1 bytes from index 1)"
                    .into()
            )
        );
        assert_eq!(
            get(&conn, "SELECT median_text(x'61e2')"),
            Err(
                "median_text(): argument 1 (`s`) is a TEXT that is not valid UTF-8 \
                 (incomplete utf-8 byte sequence from index 1)"
                    .into()
            )
        );
        // The connection stays usable, also for the rows after a refused one.
        assert_eq!(get(&conn, "SELECT median_text('ok')"), text("ok"));
        let nameless = connection(None);
        assert_eq!(
            get(&nameless, "SELECT median_text(x'80')"),
            Err(
                "median_text(): argument 1 is a TEXT that is not valid UTF-8 \
                 (invalid utf-8 sequence of 1 bytes from index 0)"
                    .into()
            )
        );
    }

    #[test]
    fn a_string_block_is_set_as_text_and_stays_owned_by_the_caller() {
        use crate::vec::{drop_info_for, jitclass_rt_vec_new};

        /// The result of `s()`: the `String` block passed as user data.
        unsafe extern "C" fn s(
            ctx: *mut ffi::sqlite3_context,
            _argc: c_int,
            _argv: *mut *mut ffi::sqlite3_value,
        ) {
            // SAFETY: the user data is a live block (see below).
            unsafe {
                jitclass_rt_sqlite_result_text(ctx, ffi::sqlite3_user_data(ctx).cast());
            }
        }

        let _serial = crate::memory::tests::SERIAL
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let content = "naïve text";
        // SAFETY: a `Vec<u8>` block (a `String` has its layout) with room for the text,
        // which is copied into its buffer before `len` is set.
        let block = unsafe {
            let block = jitclass_rt_vec_new(
                drop_info_for(&crate::Type::Prim(jitclass_core::PrimTy::U8)),
                16,
            );
            assert!(!block.is_null());
            let header = MemInfo::data(block).cast::<VecHeader>();
            std::ptr::copy_nonoverlapping(content.as_ptr(), (*header).buf, content.len());
            (*header).len = content.len();
            block
        };
        let conn = Connection::open_in_memory().unwrap();
        // SAFETY: `s` has the callback signature; the block outlives the query.
        let rc = unsafe {
            ffi::sqlite3_create_function_v2(
                conn.handle(),
                c"s".as_ptr(),
                0,
                ffi::SQLITE_UTF8,
                block.cast(),
                Some(s),
                None,
                None,
                None,
            )
        };
        assert_eq!(rc, ffi::SQLITE_OK);
        assert_eq!(get(&conn, "SELECT s()"), text(content));
        assert_eq!(get(&conn, "SELECT typeof(s())"), text("text"));
        drop(conn);
        // SAFETY: the block is live and this is its one reference: SQLite copied the text,
        // and the helper neither took nor dropped a reference.
        unsafe {
            assert_eq!(MemInfo::refcount(block), 1);
            MemInfo::decref(block);
        }
    }
}
