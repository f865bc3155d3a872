//! C functions of the process that jit code calls, declared in `#[jit] extern "C"`
//! blocks and found by symbol when a caller is compiled (or the Rust glue first calls
//! one), as a C program's dynamic linker would find them.

use crate::error::{Error, ErrorKind};
use std::ffi::{CString, c_char, c_void};

unsafe extern "C" {
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
}

/// `RTLD_DEFAULT` on Linux: search the executable and every library it loaded.
const RTLD_DEFAULT: *mut c_void = std::ptr::null_mut();

/// The address of the C function `symbol`, or an error naming it.
pub(crate) fn resolve(function: &str, symbol: &str) -> Result<usize, Error> {
    let missing = |why: &str| {
        Error::new(
            ErrorKind::MissingSymbol,
            function,
            format!("cannot find the C function `{symbol}` in this process{why}"),
        )
        .with_notes(vec![
            "note: a function declared in a `#[jit] extern \"C\"` block is looked up by its symbol among the libraries loaded so far and the executable's exported symbols (an executable exports its own functions only when linked with `-rdynamic`); link the library that defines it, or pass a function pointer (`extern \"C\" fn`) instead".to_string(),
        ])
    };
    let name = CString::new(symbol).map_err(|_| missing(" (the name contains a NUL byte)"))?;
    // SAFETY: `name` is a NUL-terminated string alive for the call; `dlsym` with
    // `RTLD_DEFAULT` only reads the loaded objects' symbol tables.
    let address = unsafe { dlsym(RTLD_DEFAULT, name.as_ptr()) };
    if address.is_null() {
        Err(missing(""))
    } else {
        Ok(address as usize)
    }
}
