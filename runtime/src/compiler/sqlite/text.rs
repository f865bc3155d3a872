//! Text in SQL functions' generated code: a `&str` argument, which the runtime's reader
//! (`crate::sqlite::text`) converts to UTF-8 text and checks (the callback returns at once
//! if it refused: the SQL error is set; else it lends the text to the call), and a
//! `String` result, whose bytes SQLite copies.
//!
//! ```text
//! &str (after the NULL check):  if !jitclass_rt_sqlite_text_arg(ctx, site, v, &parts)
//!                                 return                      (not UTF-8, or no memory)
//!                               {parts.ptr, parts.len}
//! String result:                jitclass_rt_sqlite_result_text(ctx, meminfo); decref
//!                               (`set_copied_result`, as a BLOB's)
//! ```
//!
//! A result is copied (`SQLITE_TRANSIENT`) rather than handed over: SQLite's destructor
//! receives only the data pointer, and a jit `String`'s buffer belongs to its block
//! (rusqlite copies a `String` result too).
//!
//! The check cannot be inline: it is std's `str::from_utf8`, so that what a `&str` holds
//! is exactly what Rust accepts. It is one call per argument, on the same bytes rusqlite's
//! `FromSql for &str` checks.

use super::CallbackCx;
use crate::Type;
use crate::compiler::CgResult;
use crate::helpers::Helper;
use crate::sqlite::text::TextSite;
use inkwell::AddressSpace;
use inkwell::values::FunctionValue;

type Val = inkwell::values::BasicValueEnum<'static>;

impl CallbackCx<'_> {
    /// The non-NULL argument `value` (the `index`-th, 0-based, of parameter `name`) as a
    /// `&str`, or the callback's return after the reader set the SQL error.
    pub(super) fn text_argument(
        &self,
        func: FunctionValue<'static>,
        sqlite_ctx: Val,
        value: Val,
        index: usize,
        name: Option<String>,
    ) -> CgResult<Val> {
        let ctx = self.m.ctx;
        let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
        let parts_ty = ctx.struct_type(&[i8p.into(), ctx.i64_type().into()], false);
        // In the entry block, so that LLVM keeps the parts in registers.
        let here = self.b().get_insert_block().expect("positioned");
        let entry = func.get_first_basic_block().expect("has an entry");
        match entry.get_first_instruction() {
            Some(first) => self.b().position_before(&first),
            None => self.b().position_at_end(entry),
        }
        let parts = self.b().build_alloca(parts_ty, "text.parts")?;
        self.b().position_at_end(here);
        let site = TextSite {
            function: self.sql_name.to_string(),
            position: index + 1,
            name,
        };
        let site = self.data_ptr("sql_text_site", site.leak());
        let out = self.b().build_bit_cast(parts, i8p, "text.out")?;
        let read = self
            .call(
                Helper::SqliteTextArg,
                &[sqlite_ctx, site.into(), value, out],
            )?
            .expect("returns a flag")
            .into_int_value();
        let refused = self.b().build_int_compare(
            inkwell::IntPredicate::EQ,
            read,
            ctx.i8_type().const_zero(),
            "text.refused",
        )?;
        let failed = self.block(func, "text.refused");
        let ok = self.block(func, "text");
        self.cold_if(refused, failed, ok)?;
        self.b().position_at_end(failed);
        self.b().build_return(None)?;
        self.b().position_at_end(ok);
        Ok(self.b().build_load(parts, "text.str")?)
    }
}

/// `String`: a result that becomes a TEXT.
pub(crate) fn is_text_result(t: &Type) -> bool {
    *t == Type::String
}
