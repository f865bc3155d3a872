//! The C callbacks SQLite calls for a jit aggregate, window or scalar function, compiled
//! into one module with the class's methods (or the jit fn), so that `step` is inlined
//! into `xStep` and a row costs what a hand-written C callback costs.
//!
//! The state of one group is `sizeof` payload bytes at the start of SQLite's aggregate
//! context, followed by a 64-bit "constructed" word (SQLite zeroes the context when it
//! allocates it):
//!
//! ```text
//! xStep(ctx, argc, argv):   p = sqlite3_aggregate_context(ctx, size + 8)
//!                           if !p { sqlite3_result_error_nomem(ctx); return }
//!                           if p.constructed == 0 { construct new() at p (out of line) }
//!                           read argv (a NULL for a non-`Option` parameter skips the row)
//!                           step(unmanaged instance at p, args..), its result dropped
//! xFinal(ctx):              the same state (constructed now if no row came), finalize,
//!                           set the result, destroy the payload (release its members)
//! xValue / xInverse:        as xFinal without destroying / as xStep with `inverse`
//! xFunc(ctx, argc, argv):   read argv (NULL for a non-`Option` parameter: NULL result),
//!                           call the jit fn, set the result
//! ```
//!
//! Arguments are read, and results set, by the SQL type rules (`args.rs`): a value its
//! parameter's type does not take (out of range, or of another storage class) is an SQL
//! error naming the function and the argument, as is a `u64` result beyond `i64::MAX`.
//! A panic in jit code becomes `sqlite3_result_error` with the panic's message, prefixed
//! with the SQL function's name, and the callback returns: nothing unwinds into SQLite.

mod args;
mod blobs;
mod text;

use super::types::instance_type;
use super::{CgError, CgResult, ModuleCx, finish, with_jit};
use crate::dispatch::Dispatcher;
use crate::error::{Error, ErrorKind};
use crate::helpers::Helper;
use crate::{ClassInfo, Type};
use args::Arg;
use inkwell::AddressSpace;
use inkwell::basic_block::BasicBlock;
use inkwell::module::Linkage;
use inkwell::types::BasicMetadataTypeEnum;
use inkwell::values::{BasicValueEnum, FunctionValue, IntValue, PointerValue};
use std::time::Instant;

type Val = BasicValueEnum<'static>;

/// The size of the "constructed" word after the payload in the aggregate context.
const FLAG_BYTES: u64 = 8;

/// The functions of a class that make up an aggregate (or window) function.
pub(crate) struct AggregateParts {
    pub sql_name: String,
    pub class: &'static ClassInfo,
    pub new: &'static Dispatcher,
    pub step: &'static Dispatcher,
    pub finalize: &'static Dispatcher,
    /// `value` and `inverse`, for a window function.
    pub window: Option<(&'static Dispatcher, &'static Dispatcher)>,
}

/// Addresses of compiled callbacks, and the number of SQL arguments.
pub(crate) struct Callbacks {
    pub step: usize,
    pub finalize: usize,
    pub value: Option<usize>,
    pub inverse: Option<usize>,
    pub n_args: usize,
}

/// Whether `t` crosses in both directions: a number, a `bool`, or an `Option` of one.
fn sql_value(t: &Type) -> bool {
    // SQL has no character type (`char` implements no `SqlValue`).
    let scalar = |t: &Type| matches!(t, Type::Prim(p) if *p != jitclass_core::PrimTy::Char);
    match t {
        Type::Option(inner) => scalar(inner),
        t => scalar(t),
    }
}

/// Whether jit code can take `t` as an SQL argument.
fn sql_param(t: &Type) -> bool {
    sql_value(t) || blobs::is_blob_param(t) || *t == Type::Str
}

/// Whether jit code can give `t` as an SQL result.
fn sql_result(t: &Type) -> bool {
    match t {
        Type::Unit => true,
        Type::Option(inner) if blobs::is_blob_result(inner) || text::is_text_result(inner) => true,
        t => sql_value(t) || blobs::is_blob_result(t) || text::is_text_result(t),
    }
}

fn unsupported(sql_name: &str, what: String) -> Error {
    Error::new(
        ErrorKind::Type,
        sql_name,
        format!(
            "{what}: SQL functions take numbers, `bool`, `Option`s of them, `&str` and `&[u8]`, \
             and return numbers, `bool`, `String`, `Vec<u8>`, `Option`s of them and `()`"
        ),
    )
}

/// Compiles the callbacks of an aggregate (or window) function.
pub(crate) fn compile_aggregate(parts: &AggregateParts) -> Result<Callbacks, Error> {
    run(&parts.sql_name, |jit| {
        let start = Instant::now();
        let mut mcx = ModuleCx::new(jit, &parts.sql_name);
        // An instantiation's functions are its family's, specialised for its type
        // arguments (their leading generics); a non-generic class has none.
        let class_args = parts.class.type_args();
        let new = mcx.instance(parts.new, class_args)?;
        let step = mcx.instance(parts.step, class_args)?;
        let finalize = mcx.instance(parts.finalize, class_args)?;
        let window = match parts.window {
            Some((value, inverse)) => Some((
                mcx.instance(value, class_args)?,
                mcx.instance(inverse, class_args)?,
            )),
            None => None,
        };
        let key = parts.class.key();
        let class_ty = Type::Class(key);
        if mcx.instances[new].typed.ret != class_ty || !mcx.instances[new].typed.params.is_empty() {
            return Err(unsupported(
                &parts.sql_name,
                "`new` must take nothing and return the class".into(),
            ));
        }
        let args = mcx.instances[step].typed.params[1..].to_vec();
        for (i, t) in args.iter().enumerate() {
            if !sql_param(t) {
                return Err(unsupported(
                    &parts.sql_name,
                    format!("argument {} of `step` is a `{t}`", i + 1),
                ));
            }
        }
        let mut results = vec![finalize];
        if let Some((value, inverse)) = window {
            results.push(value);
            // `register_window`'s bounds (`shapes::SameArgs`) make this hold at build time.
            if mcx.instances[inverse].typed.params[1..] != args[..] {
                return Err(Error::new(
                    ErrorKind::Type,
                    &parts.sql_name,
                    "`inverse` must take the arguments of `step`",
                ));
            }
        }
        for r in results {
            let t = &mcx.instances[r].typed.ret;
            if !sql_result(t) {
                return Err(unsupported(
                    &parts.sql_name,
                    format!("`{}` returns a `{t}`", mcx.instances[r].disp.name()),
                ));
            }
        }
        mcx.emit_pending()?;
        let prefix = mcx.prefix.clone();
        let names = [
            format!("{prefix}_xstep"),
            format!("{prefix}_xfinal"),
            format!("{prefix}_xvalue"),
            format!("{prefix}_xinverse"),
        ];
        let mut cb = CallbackCx::new(&mut mcx, parts.sql_name.clone(), Some(parts.class));
        cb.emit_step(&names[0], new, step)
            .map_err(|e| e.into_error(&parts.sql_name))?;
        cb.emit_result(&names[1], new, finalize, true)
            .map_err(|e| e.into_error(&parts.sql_name))?;
        let mut wanted = vec![names[0].as_str(), names[1].as_str()];
        if let Some((value, inverse)) = window {
            cb.emit_result(&names[2], new, value, false)
                .map_err(|e| e.into_error(&parts.sql_name))?;
            cb.emit_step(&names[3], new, inverse)
                .map_err(|e| e.into_error(&parts.sql_name))?;
            wanted.extend([names[2].as_str(), names[3].as_str()]);
        }
        let title = format!("the SQLite callbacks of `{}`", parts.sql_name);
        let done = finish(jit, mcx, &parts.sql_name, &title, &wanted, start, dump())?;
        Ok(Callbacks {
            step: done.addresses[0],
            finalize: done.addresses[1],
            value: done.addresses.get(2).copied(),
            inverse: done.addresses.get(3).copied(),
            n_args: args.len(),
        })
    })
}

/// Compiles `xFunc` of a scalar function: the address and the number of SQL arguments.
pub(crate) fn compile_scalar(
    sql_name: &str,
    function: &'static Dispatcher,
) -> Result<(usize, usize), Error> {
    run(sql_name, |jit| {
        let start = Instant::now();
        let mut mcx = ModuleCx::new(jit, sql_name);
        let f = mcx.instance(function, &[])?;
        let typed = &mcx.instances[f].typed;
        for (i, t) in typed.params.iter().enumerate() {
            if !sql_param(t) {
                return Err(unsupported(
                    sql_name,
                    format!("argument {} is a `{t}`", i + 1),
                ));
            }
        }
        if !sql_result(&typed.ret) {
            return Err(unsupported(
                sql_name,
                format!("the result is a `{}`", typed.ret),
            ));
        }
        let n_args = typed.params.len();
        mcx.emit_pending()?;
        let name = format!("{}_xfunc", mcx.prefix);
        let mut cb = CallbackCx::new(&mut mcx, sql_name.to_string(), None);
        cb.emit_scalar(&name, f)
            .map_err(|e| e.into_error(sql_name))?;
        let title = format!("the SQLite callback of `{sql_name}`");
        let done = finish(jit, mcx, sql_name, &title, &[&name], start, dump())?;
        Ok((done.addresses[0], n_args))
    })
}

fn dump() -> bool {
    std::env::var_os("JITCLASS_DUMP_IR").is_some_and(|v| v != "0" && !v.is_empty())
}

/// Runs a compilation under the JIT's lock.
fn run<R>(what: &str, f: impl FnOnce(&mut super::Jit) -> Result<R, Error>) -> Result<R, Error> {
    let mut outcome = None;
    let started = with_jit(|jit| {
        outcome = Some(f(jit));
        Ok(())
    });
    match (started, outcome) {
        (Err(e), _) => Err(Error::internal(what, format!("cannot start LLVM: {e}"))),
        (Ok(()), Some(out)) => out,
        (Ok(()), None) => unreachable!("with_jit ran the closure"),
    }
}

/// Emits callbacks into a module whose instances are emitted.
struct CallbackCx<'m> {
    m: &'m mut ModuleCx,
    /// The SQL function's name, leaked: error messages name it.
    sql_name: &'static str,
    class: Option<&'static ClassInfo>,
}

impl<'m> CallbackCx<'m> {
    fn new(m: &'m mut ModuleCx, sql_name: String, class: Option<&'static ClassInfo>) -> Self {
        CallbackCx {
            m,
            sql_name: Box::leak(sql_name.into_boxed_str()),
            class,
        }
    }

    fn b(&self) -> &inkwell::builder::Builder<'static> {
        &self.m.builder
    }

    fn i8p(&self) -> inkwell::types::PointerType<'static> {
        self.m.ctx.i8_type().ptr_type(AddressSpace::default())
    }

    /// A call of a runtime helper or of SQLite's API (`crate::helpers`).
    fn call(&self, helper: Helper, args: &[Val]) -> CgResult<Option<Val>> {
        let f = self.m.helper(helper);
        let args: Vec<_> = args.iter().map(|a| (*a).into()).collect();
        Ok(self
            .b()
            .build_call(f, &args, "")?
            .try_as_basic_value()
            .basic())
    }

    /// A pointer to data the callbacks use (a leaked site or name, a class descriptor), by
    /// a symbol mapped to its address (`ModuleCx::mapped_data`).
    fn data_ptr(&self, what: &str, address: usize) -> PointerValue<'static> {
        self.m.mapped_data(what, address)
    }

    /// A callback `void name(ctx)` or `void name(ctx, int argc, value **argv)`.
    fn callback(&self, name: &str, with_args: bool) -> FunctionValue<'static> {
        let ctx = self.m.ctx;
        let mut params: Vec<BasicMetadataTypeEnum> = vec![self.i8p().into()];
        if with_args {
            params.push(ctx.i32_type().into());
            params.push(self.i8p().ptr_type(AddressSpace::default()).into());
        }
        let f = self.m.module.add_function(
            name,
            ctx.void_type().fn_type(&params, false),
            Some(Linkage::External),
        );
        self.m.set_common_attributes(f);
        f
    }

    fn cold_if(
        &self,
        cond: IntValue<'static>,
        cold: BasicBlock<'static>,
        hot: BasicBlock<'static>,
    ) -> CgResult<()> {
        Ok(super::branch_unless_cold(
            self.m.ctx,
            self.b(),
            cond,
            cold,
            hot,
        )?)
    }

    fn block(&self, f: FunctionValue<'static>, name: &str) -> BasicBlock<'static> {
        self.m.ctx.append_basic_block(f, name)
    }

    /// Calls an instance: `(panicked, value)`.
    fn call_instance(&self, index: usize, args: &[Val]) -> CgResult<(IntValue<'static>, Val)> {
        // SQL values and the class instance only: nothing held in memory alone, which the
        // internal calling convention would pass differently (`types::result_type`).
        let typed = &self.m.instances[index].typed;
        if let Some(t) = std::iter::once(&typed.ret)
            .chain(&typed.params)
            .find(|t| crate::compiler::types::is_indirect(t))
        {
            return Err(CgError::Internal(format!(
                "`{t}` in the signature of an SQL function's method"
            )));
        }
        let f = self.m.instances[index].func;
        let args: Vec<_> = args.iter().map(|a| (*a).into()).collect();
        let r = self
            .b()
            .build_call(f, &args, "call")?
            .try_as_basic_value()
            .basic()
            .expect("instances return a struct")
            .into_struct_value();
        let status = self
            .b()
            .build_extract_value(r, 0, "status")?
            .into_int_value();
        let value = self.b().build_extract_value(r, 1, "value")?;
        Ok((status, value))
    }

    /// Reports the pending jit panic as the SQL function's error.
    fn report_panic(&self, sqlite_ctx: Val) -> CgResult<()> {
        let ctx = self.m.ctx;
        let name = self.data_ptr("sql_name", self.sql_name.as_ptr() as usize);
        let len = ctx.i64_type().const_int(self.sql_name.len() as u64, false);
        self.call(Helper::SqliteError, &[sqlite_ctx, name.into(), len.into()])?;
        Ok(())
    }

    fn class(&self) -> CgResult<&'static ClassInfo> {
        self.class
            .ok_or_else(|| CgError::Internal("an aggregate callback without a class".into()))
    }

    /// The state of the current group (constructed by `new` if this is its first call),
    /// as an unmanaged instance. The paths where there is none (no memory, `new`
    /// panicked) report the error and return from the callback.
    fn state(&self, func: FunctionValue<'static>, sqlite_ctx: Val, new: usize) -> CgResult<Val> {
        let ctx = self.m.ctx;
        let class = self.class()?;
        let size = class.payload_layout().size() as u64;
        let i32t = ctx.i32_type();
        let bytes = i32t.const_int(size.next_multiple_of(FLAG_BYTES) + FLAG_BYTES, false);
        let block = self
            .call(Helper::SqliteAggregateContext, &[sqlite_ctx, bytes.into()])?
            .expect("returns a pointer")
            .into_pointer_value();
        let no_memory = self.block(func, "nomem");
        let have = self.block(func, "state");
        let is_null = self.b().build_is_null(block, "null")?;
        self.cold_if(is_null, no_memory, have)?;
        self.b().position_at_end(no_memory);
        self.call(Helper::SqliteResultErrorNomem, &[sqlite_ctx])?;
        self.b().build_return(None)?;

        self.b().position_at_end(have);
        let (payload, flag) = self.state_parts(block)?;
        let constructed = self.b().build_load(flag, "constructed")?.into_int_value();
        let fresh = self.b().build_int_compare(
            inkwell::IntPredicate::EQ,
            constructed,
            ctx.i64_type().const_zero(),
            "fresh",
        )?;
        let construct = self.block(func, "construct");
        let ready = self.block(func, "ready");
        self.cold_if(fresh, construct, ready)?;
        self.b().position_at_end(construct);
        let init = self.group_init(new)?;
        let constructed = self
            .b()
            .build_call(init, &[sqlite_ctx.into(), block.into()], "constructed")?
            .try_as_basic_value()
            .basic()
            .expect("returns a flag")
            .into_int_value();
        let failed = self.block(func, "new.failed");
        let not_constructed = self.b().build_not(constructed, "failed")?;
        self.cold_if(not_constructed, failed, ready)?;
        self.b().position_at_end(failed);
        self.b().build_return(None)?;

        self.b().position_at_end(ready);
        let instance = instance_type(ctx).const_zero();
        Ok(self
            .b()
            .build_insert_value(instance, payload, 1, "state")?
            .into_struct_value()
            .into())
    }

    /// The payload (at the start of the aggregate context, aligned as SQLite's memory is)
    /// and the "constructed" word after it.
    fn state_parts(
        &self,
        block: PointerValue<'static>,
    ) -> CgResult<(PointerValue<'static>, PointerValue<'static>)> {
        let ctx = self.m.ctx;
        let size = self.class()?.payload_layout().size() as u64;
        let offset = ctx
            .i64_type()
            .const_int(size.next_multiple_of(FLAG_BYTES), false);
        // SAFETY (of the generated code): the block holds the payload and the word.
        let at = unsafe { self.b().build_gep(block, &[offset], "flag.at")? };
        let flag = self
            .b()
            .build_bit_cast(at, ctx.i64_type().ptr_type(AddressSpace::default()), "flag")?
            .into_pointer_value();
        Ok((block, flag))
    }

    /// `i1 init(ctx, block)`: constructs a group's state with `new` (once per group, so
    /// out of line and cold: the callbacks' hot paths keep few registers to save); `false`
    /// after reporting a panic of `new`.
    fn group_init(&self, new: usize) -> CgResult<FunctionValue<'static>> {
        let name = format!("{}_group_init", self.m.prefix);
        if let Some(f) = self.m.module.get_function(&name) {
            return Ok(f);
        }
        let ctx = self.m.ctx;
        let class = self.class()?;
        let ty = ctx
            .bool_type()
            .fn_type(&[self.i8p().into(), self.i8p().into()], false);
        let f = self
            .m
            .module
            .add_function(&name, ty, Some(Linkage::Internal));
        self.m.set_common_attributes(f);
        for attribute in ["cold", "noinline"] {
            let kind = inkwell::attributes::Attribute::get_named_enum_kind_id(attribute);
            f.add_attribute(
                inkwell::attributes::AttributeLoc::Function,
                ctx.create_enum_attribute(kind, 0),
            );
        }
        let here = self.b().get_insert_block();
        let entry = self.block(f, "entry");
        self.b().position_at_end(entry);
        let sqlite_ctx = f.get_nth_param(0).expect("ctx");
        let block = f.get_nth_param(1).expect("block").into_pointer_value();
        let (panicked, value) = self.call_instance(new, &[])?;
        let failed = self.block(f, "new.panicked");
        let built = self.block(f, "built");
        self.cold_if(panicked, failed, built)?;
        self.b().position_at_end(failed);
        self.report_panic(sqlite_ctx)?;
        self.b().build_return(Some(&ctx.bool_type().const_zero()))?;
        self.b().position_at_end(built);
        let value = value.into_struct_value();
        let meminfo = self.b().build_extract_value(value, 0, "meminfo")?;
        let data = self.b().build_extract_value(value, 1, "data")?;
        let (payload, flag) = self.state_parts(block)?;
        let class_ptr = self.data_ptr("class", class as *const ClassInfo as usize);
        self.call(
            Helper::ConstructAt,
            &[class_ptr.into(), payload.into(), meminfo, data],
        )?;
        self.b()
            .build_store(flag, ctx.i64_type().const_int(1, false))?;
        self.b()
            .build_return(Some(&ctx.bool_type().const_int(1, false)))?;
        if let Some(here) = here {
            self.b().position_at_end(here);
        }
        Ok(f)
    }

    /// The SQL arguments of `instance`: its parameters from `first` on.
    fn sql_args(&self, instance: usize, first: usize) -> Vec<(Type, Option<String>)> {
        let inst = &self.m.instances[instance];
        inst.typed.params[first..]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let name = inst
                    .ir
                    .params
                    .get(first + i)
                    .map(|p| inst.ir.locals[p.local.0 as usize].name.clone())
                    .filter(|n| !n.is_empty() && !n.starts_with('_'));
                (t.clone(), name)
            })
            .collect()
    }

    /// `xStep` / `xInverse`: `method(state, args..)`.
    fn emit_step(&mut self, name: &str, new: usize, method: usize) -> CgResult<()> {
        let func = self.callback(name, true);
        let entry = self.block(func, "entry");
        self.b().position_at_end(entry);
        let sqlite_ctx = func.get_nth_param(0).expect("ctx");
        let argv = func.get_nth_param(2).expect("argv").into_pointer_value();
        let state = self.state(func, sqlite_ctx, new)?;
        let skip = self.block(func, "skip");
        let mut args = vec![state];
        for (index, (ty, name)) in self.sql_args(method, 1).iter().enumerate() {
            let name = name.clone();
            let arg = Arg { index, name, ty };
            args.push(self.argument(func, sqlite_ctx, argv, arg, skip)?);
        }
        let (panicked, value) = self.call_instance(method, &args)?;
        let failed = self.block(func, "panicked");
        let done = self.block(func, "done");
        self.cold_if(panicked, failed, done)?;
        self.b().position_at_end(failed);
        self.report_panic(sqlite_ctx)?;
        self.b().build_return(None)?;
        self.b().position_at_end(done);
        // What the method returns (Rust lets `step` return anything) is dropped here, as
        // the statement `state.step(..);` drops it.
        let ret = self.m.instances[method].typed.ret.clone();
        self.release(value, &ret)?;
        self.b().build_return(None)?;
        // A NULL for a parameter that is not an `Option` skips the row, as SQL's own
        // aggregates skip NULLs.
        self.b().position_at_end(skip);
        self.b().build_return(None)?;
        Ok(())
    }

    /// Drops the owned value `v` of type `t`: releases every counted reference it holds
    /// (`jitclass_rt_decref` skips the null meminfo of a `None`'s zeroed value).
    fn release(&self, v: Val, t: &Type) -> CgResult<()> {
        match t {
            Type::Class(_) | Type::PassThru(_) | Type::Dyn { .. } | Type::Vec(_) => {
                let meminfo = self
                    .b()
                    .build_extract_value(v.into_struct_value(), 0, "meminfo")?;
                self.call(Helper::Decref, &[meminfo])?;
            }
            Type::Option(_) | Type::Tuple(_) if t.is_managed() => {
                for (i, part) in super::types::fields(t).iter().enumerate() {
                    if part.is_managed() {
                        let value = self.b().build_extract_value(
                            v.into_struct_value(),
                            i as u32,
                            "part",
                        )?;
                        self.release(value, part)?;
                    }
                }
            }
            // Arrays of managed values are refused with the class (`ClassInfo::decode`).
            _ => {}
        }
        Ok(())
    }

    /// `xFinal` (`destroy`: the group is over) / `xValue`: the result of `method(state)`.
    fn emit_result(
        &mut self,
        name: &str,
        new: usize,
        method: usize,
        destroy: bool,
    ) -> CgResult<()> {
        let func = self.callback(name, false);
        let entry = self.block(func, "entry");
        self.b().position_at_end(entry);
        let sqlite_ctx = func.get_nth_param(0).expect("ctx");
        let state = self.state(func, sqlite_ctx, new)?;
        let (panicked, value) = self.call_instance(method, &[state])?;
        let failed = self.block(func, "panicked");
        let ok = self.block(func, "ok");
        let out = self.block(func, "out");
        self.cold_if(panicked, failed, ok)?;
        self.b().position_at_end(failed);
        self.report_panic(sqlite_ctx)?;
        self.b().build_unconditional_branch(out)?;
        self.b().position_at_end(ok);
        let ret = self.m.instances[method].typed.ret.clone();
        self.set_result(func, sqlite_ctx, value, &ret, out)?;
        self.b().build_unconditional_branch(out)?;
        self.b().position_at_end(out);
        if destroy {
            // The group's members are released; SQLite frees the memory after this call
            // (also when it calls `xFinal` to clean up after an error).
            let class = self.class()?;
            let payload = self
                .b()
                .build_extract_value(state.into_struct_value(), 1, "payload")?;
            let class_ptr = self.data_ptr("class", class as *const ClassInfo as usize);
            self.call(Helper::DestroyAt, &[class_ptr.into(), payload])?;
        }
        self.b().build_return(None)?;
        Ok(())
    }

    /// `xFunc`: the jit fn of the arguments.
    fn emit_scalar(&mut self, name: &str, function: usize) -> CgResult<()> {
        let func = self.callback(name, true);
        let entry = self.block(func, "entry");
        self.b().position_at_end(entry);
        let sqlite_ctx = func.get_nth_param(0).expect("ctx");
        let argv = func.get_nth_param(2).expect("argv").into_pointer_value();
        let null = self.block(func, "null");
        let mut args = Vec::new();
        for (index, (ty, name)) in self.sql_args(function, 0).iter().enumerate() {
            let name = name.clone();
            let arg = Arg { index, name, ty };
            args.push(self.argument(func, sqlite_ctx, argv, arg, null)?);
        }
        let (panicked, value) = self.call_instance(function, &args)?;
        let failed = self.block(func, "panicked");
        let ok = self.block(func, "ok");
        self.cold_if(panicked, failed, ok)?;
        self.b().position_at_end(failed);
        self.report_panic(sqlite_ctx)?;
        self.b().build_return(None)?;
        self.b().position_at_end(ok);
        let ret = self.m.instances[function].typed.ret.clone();
        let refused = self.block(func, "refused");
        self.set_result(func, sqlite_ctx, value, &ret, refused)?;
        self.b().build_return(None)?;
        self.b().position_at_end(refused);
        self.b().build_return(None)?;
        // A NULL for a parameter that is not an `Option`: the result is NULL, as for
        // SQL's own scalar functions.
        self.b().position_at_end(null);
        self.call(Helper::SqliteResultNull, &[sqlite_ctx])?;
        self.b().build_return(None)?;
        Ok(())
    }
}
