//! BLOBs across the SQL boundary: the helper that makes a jit `Vec<u8>` the SQL result.
//!
//! A `&[u8]` parameter needs no helper: the generated callback reads `sqlite3_value_blob`
//! and `sqlite3_value_bytes` itself (`compiler/sqlite/blobs.rs`) and lends the bytes to the
//! call without a copy.
//!
//! A `Vec<u8>` result is copied (`SQLITE_TRANSIENT`), not handed over: SQLite's destructor
//! receives only the data pointer, while freeing a jit buffer needs its block (the
//! capacity the allocator was given, the block's own header, and a count other references
//! may still hold). A copy is what rusqlite does for a `Vec<u8>` result as well, and it
//! happens once per result, not per row of an aggregate. The generated code releases its
//! reference to the `Vec` right after this call, exactly once.

use crate::memory::{MemInfo, VecHeader};
use rusqlite::ffi;

/// Sets the bytes of the jit `Vec<u8>` whose block is `meminfo` as the SQL result, copied
/// by SQLite. The caller still owns its reference to the block. A `Vec` beyond SQLite's
/// length limit becomes SQLite's "string or blob too big" error, set by SQLite itself.
///
/// # Safety
/// `ctx` is the context of the running callback; `meminfo` is a live `Vec<u8>` block.
pub(crate) unsafe extern "C" fn jitclass_rt_sqlite_result_bytes(
    ctx: *mut ffi::sqlite3_context,
    meminfo: *mut MemInfo,
) {
    // SAFETY: guaranteed by the caller: a `Vec` block's payload is its `VecHeader`, whose
    // `buf` holds `len` initialised bytes (a dangling, non-null pointer when `cap` is 0).
    // SQLite copies them before returning (`SQLITE_TRANSIENT`), so the buffer needs to
    // live only for the call.
    unsafe {
        let header = MemInfo::data(meminfo).cast::<VecHeader>();
        let (buf, len) = ((*header).buf, (*header).len);
        ffi::sqlite3_result_blob64(ctx, buf.cast(), len as u64, ffi::SQLITE_TRANSIENT());
    }
}
