//! BLOB arguments and results of SQL functions in generated code: a `&[u8]` parameter is
//! lent SQLite's own bytes, a `Vec<u8>` result is copied into SQLite's memory.
//!
//! ```text
//! &[u8] (after the NULL check):  p = sqlite3_value_blob(v); n = sqlite3_value_bytes(v)
//!                                if p == null:                 (an empty BLOB or TEXT)
//!                                  if sqlite3_value_type(v) == NULL:  out of memory
//!                                    sqlite3_result_error_nomem(ctx); return
//!                                  p = 1 (dangling, as Rust's empty slices)
//!                                {p, n as i64}
//! Vec<u8> result:                jitclass_rt_sqlite_result_bytes(ctx, meminfo); decref
//! ```
//!
//! Any storage class reads as `sqlite3_value_blob` (and so `hex()`) reads it: a BLOB or
//! TEXT gives its bytes (TEXT in the database's encoding), an INTEGER or REAL its UTF-8
//! text form (converted in place in the argument; SQLite keeps the number). That is
//! `CAST(x AS BLOB)` in a UTF-8 database; in a UTF-16 one `CAST` gives a number's text in
//! UTF-16. The pointer is valid until the argument is
//! converted again; the callback reads it once, calls `sqlite3_value_bytes` right after
//! (as SQLite's documentation asks), and converts nothing of that argument afterwards, so
//! the slice stays valid for the whole call. Both SQLite calls return null/0 for a
//! zero-length value; an out-of-memory failure of the conversion also returns null, and
//! leaves the argument NULL, which is how the two are told apart.

use super::CallbackCx;
use crate::Type;
use crate::compiler::CgResult;
use crate::helpers::Helper;
use inkwell::AddressSpace;
use inkwell::values::FunctionValue;
use jitclass_core::PrimTy;

type Val = inkwell::values::BasicValueEnum<'static>;

/// SQLite's type code of NULL.
const SQLITE_NULL: u64 = 5;

/// `&[u8]`: a parameter that borrows a BLOB.
pub(crate) fn is_blob_param(t: &Type) -> bool {
    matches!(t, Type::Slice { elem, mutable: false } if **elem == Type::Prim(PrimTy::U8))
}

/// `Vec<u8>`: a result that becomes a BLOB.
pub(crate) fn is_blob_result(t: &Type) -> bool {
    matches!(t, Type::Vec(elem) if **elem == Type::Prim(PrimTy::U8))
}

impl CallbackCx<'_> {
    /// The bytes of the non-NULL argument `value` as a `&[u8]` (see the module docs).
    pub(super) fn blob_argument(
        &self,
        func: FunctionValue<'static>,
        sqlite_ctx: Val,
        value: Val,
    ) -> CgResult<Val> {
        let ctx = self.m.ctx;
        let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
        let bytes = self
            .call(Helper::SqliteValueBlob, &[value])?
            .expect("returns a pointer")
            .into_pointer_value();
        let count = self
            .call(Helper::SqliteValueBytes, &[value])?
            .expect("returns a count")
            .into_int_value();
        let read = self.b().get_insert_block().expect("positioned");
        let empty = self.block(func, "blob.empty");
        let no_memory = self.block(func, "blob.nomem");
        let joined = self.block(func, "blob");
        let is_null = self.b().build_is_null(bytes, "blob.null")?;
        self.b().build_conditional_branch(is_null, empty, joined)?;

        self.b().position_at_end(empty);
        let code = self
            .call(Helper::SqliteValueType, &[value])?
            .expect("returns the type")
            .into_int_value();
        let lost = self.b().build_int_compare(
            inkwell::IntPredicate::EQ,
            code,
            ctx.i32_type().const_int(SQLITE_NULL, false),
            "blob.lost",
        )?;
        self.cold_if(lost, no_memory, joined)?;
        self.b().position_at_end(no_memory);
        self.call(Helper::SqliteResultErrorNomem, &[sqlite_ctx])?;
        self.b().build_return(None)?;

        self.b().position_at_end(joined);
        // A Rust slice's pointer is never null, also when it is empty.
        let dangling = ctx.i64_type().const_int(1, false).const_to_pointer(i8p);
        let ptr = self.b().build_phi(i8p, "blob.ptr")?;
        ptr.add_incoming(&[(&bytes, read), (&dangling, empty)]);
        // `sqlite3_value_bytes` is never negative.
        let len = self
            .b()
            .build_int_z_extend(count, ctx.i64_type(), "blob.len")?;
        let slice = ctx.struct_type(&[i8p.into(), ctx.i64_type().into()], false);
        let slice = self.b().build_insert_value(
            slice.get_undef(),
            ptr.as_basic_value(),
            0,
            "blob.slice",
        )?;
        Ok(self
            .b()
            .build_insert_value(slice, len, 1, "blob.slice")?
            .into_struct_value()
            .into())
    }

    /// Sets the block `v` (an owned `Vec<u8>` or `String`) as the SQL result through
    /// `helper` (`SqliteResultBytes`, `SqliteResultText`), which copies it, and releases it.
    pub(super) fn set_copied_result(
        &self,
        helper: Helper,
        sqlite_ctx: Val,
        v: Val,
    ) -> CgResult<()> {
        let meminfo = self
            .b()
            .build_extract_value(v.into_struct_value(), 0, "block.meminfo")?;
        self.call(helper, &[sqlite_ctx, meminfo])?;
        self.call(Helper::Decref, &[meminfo])?;
        Ok(())
    }
}
