//! The LLVM back end: one process-wide JIT engine, and the compilation of a root function
//! with everything it reaches into one LLVM module.
//!
//! inkwell's `Context` and `ExecutionEngine` are not thread-safe, so they live in [`JIT`]
//! behind a mutex and are only touched under it. Compiled code is immortal: modules are
//! never removed from the engine, so entry points can be cached in dispatchers forever.
//!
//! A compilation: collect the instances (function + generic arguments) reachable from the
//! root, inferring each one's types; declare them; emit their bodies (`codegen`); emit the
//! root's C entry point (`entry`); verify; optimise with the host CPU; JIT.

mod callees;
mod code_memory;
mod codegen;
mod compiled;
mod entry;
mod family_callees;
mod inspect;
#[cfg(feature = "sqlite")]
pub(crate) mod sqlite;
mod symbols;
mod types;
pub(crate) mod vtables;

pub use compiled::CompileStats;
pub(crate) use compiled::Compiled;
pub(crate) use inspect::{module_ir, unoptimised_ir};

use crate::dispatch::Dispatcher;
use crate::error::{Error, ErrorKind};
use crate::helpers::{Helper, MappedFn};
use crate::subtype::CompiledBody;
use crate::{Signature, Type};
use callees::RefSignatures;
use inkwell::OptimizationLevel;
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::builder::BuilderError;
use inkwell::context::Context;
use inkwell::execution_engine::ExecutionEngine;
use inkwell::module::{Linkage, Module};
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{CodeModel, InitializationConfig, RelocMode, Target, TargetMachine};
use inkwell::types::FunctionType;
use inkwell::values::{FunctionValue, PointerValue};
use jitclass_core::infer::{self, Mode, Typed};
use jitclass_core::ir::FnIr;
use jitclass_core::limits::{self, MAX_INSTANCES, MAX_INSTANTIATION_DEPTH};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The process-wide JIT.
static JIT: Mutex<Option<JitCell>> = Mutex::new(None);

struct JitCell(Jit);

// SAFETY: the LLVM context, engine and modules inside are only ever used while holding
// the `JIT` mutex, so no two threads touch them at once; LLVM allows a context to move
// between threads.
unsafe impl Send for JitCell {}

pub(crate) struct Jit {
    context: &'static Context,
    engine: Option<ExecutionEngine<'static>>,
    modules: Vec<Module<'static>>,
    attempts: usize,
    machine: TargetMachine,
    cpu: String,
    features: String,
}

impl Jit {
    fn new() -> Result<Jit, String> {
        Target::initialize_native(&InitializationConfig::default())?;
        let triple = TargetMachine::get_default_triple();
        let target = Target::from_triple(&triple).map_err(|e| e.to_string())?;
        let cpu = TargetMachine::get_host_cpu_name().to_string();
        let features = TargetMachine::get_host_cpu_features().to_string();
        let machine = target
            .create_target_machine(
                &triple,
                &cpu,
                &features,
                OptimizationLevel::Aggressive,
                RelocMode::Default,
                CodeModel::JITDefault,
            )
            .ok_or("LLVM cannot create a target machine for the host")?;
        // The context must outlive every module and the engine, which live forever.
        let context: &'static Context = Box::leak(Box::new(Context::create()));
        Ok(Jit {
            context,
            engine: None,
            modules: Vec::new(),
            attempts: 0,
            machine,
            cpu,
            features,
        })
    }
}

pub(crate) fn with_jit<R>(f: impl FnOnce(&mut Jit) -> Result<R, String>) -> Result<R, String> {
    let mut guard = JIT.lock().unwrap_or_else(|e| e.into_inner());
    if guard.is_none() {
        *guard = Some(JitCell(Jit::new()?));
    }
    f(&mut guard.as_mut().expect("initialised above").0)
}

/// Optimisation options: `-O3` without loop unrolling by default.
///
/// Unrolling roughly doubles the compile time of a function with a loop (LLVM then
/// optimises and emits every unrolled copy) for a few percent on latency-bound loops;
/// first-call latency matters more to a JIT. `JITCLASS_UNROLL_LOOPS=1` turns it back on.
fn pass_options() -> PassBuilderOptions {
    let options = PassBuilderOptions::create();
    let unroll =
        std::env::var_os("JITCLASS_UNROLL_LOOPS").is_some_and(|v| v != "0" && !v.is_empty());
    options.set_loop_unrolling(unroll);
    options
}

/// Branches to `cold` if `cond` holds, telling LLVM that it almost never does (a panic,
/// an allocation failure, a one-time initialisation), so that the hot path is laid out
/// straight and the cold code out of its way.
pub(crate) fn branch_unless_cold(
    ctx: &'static Context,
    b: &inkwell::builder::Builder<'static>,
    cond: inkwell::values::IntValue<'static>,
    cold: inkwell::basic_block::BasicBlock<'static>,
    hot: inkwell::basic_block::BasicBlock<'static>,
) -> Result<(), BuilderError> {
    let branch = b.build_conditional_branch(cond, cold, hot)?;
    let weights = ctx.metadata_node(&[
        ctx.metadata_string("branch_weights").into(),
        ctx.i32_type().const_int(1, false).into(),
        ctx.i32_type().const_int(2000, false).into(),
    ]);
    // Metadata on a branch instruction is always accepted.
    let _ = branch.set_metadata(weights, ctx.get_kind_id("prof"));
    Ok(())
}

/// A failure inside codegen: a bug in jitclass, or a user error found in a callee.
#[derive(Debug)]
pub(crate) enum CgError {
    Internal(String),
    User(Box<Error>),
}

impl From<BuilderError> for CgError {
    fn from(e: BuilderError) -> CgError {
        CgError::Internal(format!("LLVM builder: {e}"))
    }
}

impl From<Error> for CgError {
    fn from(e: Error) -> CgError {
        CgError::User(Box::new(e))
    }
}

impl CgError {
    fn into_error(self, function: &str) -> Error {
        match self {
            CgError::Internal(message) => Error::internal(function, message),
            CgError::User(e) => *e,
        }
    }
}

pub(crate) type CgResult<T> = Result<T, CgError>;

/// One function specialised for concrete generic arguments.
pub(crate) struct Instance {
    pub disp: &'static Dispatcher,
    pub ir: &'static FnIr,
    pub type_args: Vec<Type>,
    pub typed: Rc<Typed>,
    pub func: FunctionValue<'static>,
    /// The instance whose body first called this one (`None`: a root).
    pub parent: Option<usize>,
}

/// Compiles `disp` for `type_args`, with everything it calls, into one new module.
pub(crate) fn compile(disp: &'static Dispatcher, type_args: &[Type]) -> Result<Compiled, Error> {
    let start = Instant::now();
    let dump = std::env::var_os("JITCLASS_DUMP_IR").is_some_and(|v| v != "0" && !v.is_empty());
    let mut outcome: Option<Result<Compiled, Error>> = None;
    let result = with_jit(|jit| {
        outcome = Some(compile_in(jit, disp, type_args, dump));
        Ok(())
    });
    match (result, outcome) {
        (Err(e), _) => Err(Error::internal(
            disp.name(),
            format!("cannot start LLVM: {e}"),
        )),
        (Ok(()), Some(out)) => out.map(|mut compiled| {
            compiled.stats.total = start.elapsed();
            compiled
        }),
        (Ok(()), None) => unreachable!("with_jit ran the closure"),
    }
}

fn compile_in(
    jit: &mut Jit,
    disp: &'static Dispatcher,
    type_args: &[Type],
    dump: bool,
) -> Result<Compiled, Error> {
    let start = Instant::now();
    let mut mcx = ModuleCx::new(jit, disp.name());
    let root = mcx.instance(disp, type_args)?;
    mcx.emit_pending()?;
    let entry_name = format!("{}_entry", mcx.prefix);
    entry::emit_entry(&mut mcx, root, &entry_name).map_err(|e| e.into_error(disp.name()))?;
    let cfunc_name = format!("{}_cfunc", mcx.prefix);
    let mut names = vec![entry_name.as_str()];
    if disp.info().cfunc {
        entry::emit_cfunc(&mut mcx, root, &cfunc_name).map_err(|e| e.into_error(disp.name()))?;
        names.push(&cfunc_name);
    }
    let signature = Signature {
        params: mcx.instances[root].typed.params.clone(),
        ret: mcx.instances[root].typed.ret.clone(),
    };
    let bodies: Vec<CompiledBody> = mcx
        .instances
        .iter()
        .map(|inst| CompiledBody {
            ir: inst.ir,
            typed: &inst.typed,
            classes: inst.disp.info().classes,
        })
        .collect();
    let footprint = crate::subtype::footprint(&bodies, type_args)
        .map_err(|e| Error::internal(disp.name(), e))?;
    let title = format!("`{}` {signature}", disp.name());
    let finished = finish(jit, mcx, disp.name(), &title, &names, start, dump)?;
    Ok(Compiled {
        type_args: type_args.to_vec(),
        signature: signature.clone(),
        entry: finished.addresses[0],
        cfunc: finished.addresses.get(1).copied(),
        module: finished.module,
        footprint,
        stats: CompileStats {
            signature,
            frontend: finished.frontend,
            optimise: finished.optimise,
            machine_code: finished.machine_code,
            total: Duration::ZERO,
        },
    })
}

/// A module added to the JIT: the addresses of the functions asked for, and timings.
pub(crate) struct Finished {
    pub addresses: Vec<usize>,
    pub module: usize,
    pub frontend: Duration,
    pub optimise: Duration,
    pub machine_code: Duration,
}

/// Verifies, optimises and JIT-compiles a module whose functions are all emitted, and
/// looks up the external functions `names`. `start` is when its front end began.
pub(crate) fn finish(
    jit: &mut Jit,
    mcx: ModuleCx,
    function: &str,
    title: &str,
    names: &[&str],
    start: Instant,
    dump: bool,
) -> Result<Finished, Error> {
    let ModuleCx { module, mapped, .. } = mcx;
    let frontend = start.elapsed();
    if let Err(e) = module.verify() {
        return Err(Error::internal(
            function,
            format!(
                "LLVM rejected the generated module: {}\n{}",
                e.to_string(),
                module.print_to_string().to_string()
            ),
        ));
    }
    module
        .run_passes("default<O3>", &jit.machine, pass_options())
        .map_err(|e| Error::internal(function, format!("LLVM optimisation failed: {e}")))?;
    let optimise = start.elapsed() - frontend;
    if dump {
        eprintln!(
            "; jitclass: LLVM IR of {title}\n{}",
            module.print_to_string().to_string()
        );
    }
    if std::env::var_os("JITCLASS_DUMP_ASM").is_some_and(|v| v != "0" && !v.is_empty())
        && let Ok(asm) = jit
            .machine
            .write_to_memory_buffer(&module, inkwell::targets::FileType::Assembly)
    {
        eprintln!(
            "; jitclass: machine code of {title}\n{}",
            String::from_utf8_lossy(asm.as_slice())
        );
    }
    let engine = match &jit.engine {
        Some(engine) => {
            engine
                .add_module(&module)
                .map_err(|()| Error::internal(function, "the JIT refused the module"))?;
            engine
        }
        None => {
            let engine = module
                .create_mcjit_execution_engine_with_memory_manager(
                    code_memory::NearMemoryManager::new(),
                    OptimizationLevel::Aggressive,
                    CodeModel::JITDefault,
                    false,
                    false,
                )
                .map_err(|e| Error::internal(function, format!("cannot create the JIT: {e}")))?;
            jit.engine.insert(engine)
        }
    };
    symbols::map_runtime_symbols(jit.context, engine, &module, &mapped.into_inner().symbols);
    let addresses = names
        .iter()
        .map(|name| {
            engine.get_function_address(name).map_err(|e| {
                Error::internal(function, format!("JIT lookup of `{name}` failed: {e}"))
            })
        })
        .collect::<Result<Vec<usize>, Error>>()?;
    let machine_code = start.elapsed() - frontend - optimise;
    let module_index = jit.modules.len();
    jit.modules.push(module);
    Ok(Finished {
        addresses,
        module: module_index,
        frontend,
        optimise,
        machine_code,
    })
}

/// The symbols a module declares for things in the process, mapped to their addresses
/// when the module is JIT-compiled (`symbols.rs`).
#[derive(Default)]
struct Mapped {
    data: HashMap<usize, PointerValue<'static>>,
    functions: HashMap<usize, FunctionValue<'static>>,
    /// Every symbol declared, with its address.
    symbols: Vec<(String, usize)>,
}

/// The state of one module under construction.
pub(crate) struct ModuleCx {
    pub ctx: &'static Context,
    pub module: Module<'static>,
    pub builder: inkwell::builder::Builder<'static>,
    pub prefix: String,
    pub instances: Vec<Instance>,
    by_key: HashMap<(usize, Vec<Type>), usize>,
    /// The C entry points emitted for jit fns named as values, by instance.
    cfuncs: HashMap<usize, FunctionValue<'static>>,
    /// The vtables of each (class, trait) the module's trait objects use, for managed
    /// and for lent instances (`vtables.rs`).
    vtables: HashMap<
        (
            jitclass_core::ClassKey,
            jitclass_core::TraitKey,
            vtables::Receiver,
        ),
        PointerValue<'static>,
    >,
    /// What the module's code points at in the process, by symbol (`mapped_data`).
    mapped: RefCell<Mapped>,
    pending: Vec<usize>,
    /// The instance whose body is being emitted: the parent of the instances it calls.
    emitting: Option<usize>,
    cpu: String,
    features: String,
}

impl ModuleCx {
    /// A new, empty module in the JIT's context, for the compilation of `what`.
    pub fn new(jit: &mut Jit, what: &str) -> ModuleCx {
        // Symbol names must be unique in the engine, also after a compilation that failed
        // once its module was added, so they come from a counter of attempts.
        let index = jit.attempts;
        jit.attempts += 1;
        let module = jit
            .context
            .create_module(&format!("jitclass{index}_{what}"));
        module.set_triple(&jit.machine.get_triple());
        module.set_data_layout(&jit.machine.get_target_data().get_data_layout());
        ModuleCx {
            ctx: jit.context,
            module,
            builder: jit.context.create_builder(),
            prefix: format!("jc{index}"),
            instances: Vec::new(),
            by_key: HashMap::new(),
            cfuncs: HashMap::new(),
            vtables: HashMap::new(),
            mapped: RefCell::default(),
            pending: Vec::new(),
            emitting: None,
            cpu: jit.cpu.clone(),
            features: jit.features.clone(),
        }
    }

    /// Emits the bodies of every instance declared so far, and of those they reach.
    pub fn emit_pending(&mut self) -> Result<(), Error> {
        while let Some(i) = self.pending.pop() {
            self.emitting = Some(i);
            let emitted = codegen::emit_body(self, i);
            self.emitting = None;
            emitted.map_err(|e| e.into_error(self.instances[i].disp.name()))?;
        }
        Ok(())
    }

    /// The instance of `disp` for `type_args`, declaring (and type-checking) it on first use.
    pub fn instance(
        &mut self,
        disp: &'static Dispatcher,
        type_args: &[Type],
    ) -> Result<usize, Error> {
        let key = (disp as *const Dispatcher as usize, type_args.to_vec());
        if let Some(&i) = self.by_key.get(&key) {
            return Ok(i);
        }
        self.check_limits(disp, type_args)?;
        if self.instances.len() >= MAX_INSTANCES {
            return Err(Error::new(
                ErrorKind::Limit,
                disp.name(),
                limits::instantiating("instance limit", disp.name(), type_args),
            )
            .with_notes(vec![format!(
                "note: one compilation holds at most {MAX_INSTANCES} instances (a function with its generic arguments), everything the function called from Rust reaches"
            )]));
        }
        let ir = disp.ir().map_err(|e| Error::internal(disp.name(), e))?;
        let typed = infer::infer(
            ir,
            type_args,
            &RefSignatures(disp, type_args),
            Mode::Runtime,
        )
        .map_err(|diags| {
            let d = &diags[0];
            let mut notes = d.notes.clone();
            if diags.len() > 1 {
                notes.push(format!(
                    "note: {} more error(s) after this one",
                    diags.len() - 1
                ));
            }
            let kind = if d.limit {
                ErrorKind::Limit
            } else {
                ErrorKind::Type
            };
            Error::new(kind, disp.name(), d.message.clone())
                .specialised(disp.describe_type_args(type_args))
                .at(disp.location(d.loc))
                .with_notes(notes)
        })?;
        // Only a reference with the dispatcher's lifetime may outlive this call.
        let ir: &'static FnIr = ir;
        let index = self.instances.len();
        let func = self.declare(ir, &typed, index);
        self.instances.push(Instance {
            disp,
            ir,
            type_args: type_args.to_vec(),
            typed: Rc::new(typed),
            func,
            parent: self.emitting,
        });
        self.by_key.insert(key, index);
        self.pending.push(index);
        Ok(index)
    }

    /// Refuses an instance of `disp` for `type_args` past the limits (`jitclass_core::
    /// limits`), before anything infers its body or builds its LLVM types: generic
    /// arguments nested too deeply or too large (from Rust; those from jit code were
    /// checked by the caller's inference), or `disp` instantiated more than
    /// `MAX_INSTANTIATION_DEPTH` times on the chain of calls that reaches it.
    fn check_limits(&self, disp: &'static Dispatcher, type_args: &[Type]) -> Result<(), Error> {
        let mut depth = 1;
        let mut caller = self.emitting;
        while let Some(i) = caller {
            if std::ptr::eq(self.instances[i].disp, disp) {
                depth += 1;
            }
            caller = self.instances[i].parent;
        }
        if depth > MAX_INSTANTIATION_DEPTH {
            return Err(Error::new(
                ErrorKind::Limit,
                disp.name(),
                limits::instantiating("recursion limit", disp.name(), type_args),
            )
            .with_notes(vec![limits::instantiation_depth_note(disp.name())]));
        }
        for t in type_args {
            if let Err(limit) = limits::check_type(t) {
                return Err(Error::new(
                    ErrorKind::Limit,
                    disp.name(),
                    limits::instantiating(limit.name(), disp.name(), type_args),
                )
                .with_notes(vec![limit.note()]));
            }
        }
        Ok(())
    }

    /// The C entry point of the `extern "C"` jit fn `disp` in this module, for jit code
    /// that names it as a value: emitted once, beside the function being emitted.
    pub fn cfunc_wrapper(
        &mut self,
        disp: &'static Dispatcher,
    ) -> Result<FunctionValue<'static>, Error> {
        let index = self.instance(disp, &[])?;
        if let Some(f) = self.cfuncs.get(&index) {
            return Ok(*f);
        }
        let name = format!(
            "{}_{}_{index}_cfunc",
            self.prefix, self.instances[index].ir.name
        );
        let resume = self.builder.get_insert_block();
        entry::emit_cfunc(self, index, &name).map_err(|e| e.into_error(disp.name()))?;
        if let Some(block) = resume {
            self.builder.position_at_end(block);
        }
        let f = self
            .module
            .get_function(&name)
            .ok_or_else(|| Error::internal(disp.name(), "the C entry point vanished"))?;
        // Only this module takes its address.
        f.set_linkage(Linkage::Internal);
        self.cfuncs.insert(index, f);
        Ok(f)
    }

    /// Declares an instance's internal function: `{i1 status, ret}(params...)`, with the
    /// caller's memory for an indirect result first (`types::result_type`).
    fn declare(&self, ir: &FnIr, typed: &Typed, index: usize) -> FunctionValue<'static> {
        let out = types::is_indirect(&typed.ret).then(|| types::reg_type(self.ctx, &typed.ret));
        let params: Vec<_> = out
            .into_iter()
            .chain(typed.params.iter().map(|t| types::reg_type(self.ctx, t)))
            .map(Into::into)
            .collect();
        let ret = types::result_type(self.ctx, &typed.ret);
        let fn_type = ret.fn_type(&params, false);
        let name = format!("{}_{}_{index}", self.prefix, ir.name);
        let func = self
            .module
            .add_function(&name, fn_type, Some(Linkage::Internal));
        self.set_common_attributes(func);
        func
    }

    /// The function of `helper` (`crate::helpers`), declared in the module on first use.
    pub fn helper(&self, helper: Helper) -> FunctionValue<'static> {
        self.declare_mapped(&helper.row())
    }

    /// A function the engine maps by address (a helper, a math wrapper), declared on
    /// first use with the type its Rust signature gives.
    pub fn declare_mapped(&self, f: &MappedFn) -> FunctionValue<'static> {
        self.module.get_function(f.symbol).unwrap_or_else(|| {
            self.module
                .add_function(f.symbol, (f.fn_type)(self.ctx), Some(Linkage::External))
        })
    }

    /// [`ModuleCx::declare_mapped`] of a pure function of its operands (a math or `char`
    /// wrapper, as Rust's methods are: they neither read nor write memory, errno
    /// included, and cannot unwind), marked so when first declared: LLVM may hoist, merge
    /// or drop calls, but not evaluate them.
    pub fn declare_pure_mapped(&self, f: &MappedFn) -> FunctionValue<'static> {
        if let Some(declared) = self.module.get_function(f.symbol) {
            return declared;
        }
        let function = self.declare_mapped(f);
        for attribute in ["nounwind", "readnone", "willreturn"] {
            let kind = Attribute::get_named_enum_kind_id(attribute);
            function.add_attribute(
                AttributeLoc::Function,
                self.ctx.create_enum_attribute(kind, 0),
            );
        }
        function
    }

    /// A pointer to data at `address` in the process (a leaked panic site, a class
    /// descriptor), as an external `i8` of this module named after `what`, which `finish`
    /// maps to the address: generated IR refers to what lives in the process by symbol,
    /// never by an address baked into it (so that it could be cached).
    pub fn mapped_data(&self, what: &str, address: usize) -> PointerValue<'static> {
        let mut mapped = self.mapped.borrow_mut();
        if let Some(p) = mapped.data.get(&address) {
            return *p;
        }
        let name = mapped_symbol_name(&self.prefix, what, mapped.symbols.len());
        let p = self
            .module
            .add_global(self.ctx.i8_type(), None, &name)
            .as_pointer_value();
        mapped.data.insert(address, p);
        mapped.symbols.push((name, address));
        p
    }

    /// The function at `address` in the process (an `objmode!` block, a declared C
    /// function), declared as an external function of type `fn_type` named after `what`
    /// and mapped like [`ModuleCx::mapped_data`].
    pub fn mapped_function(
        &self,
        what: &str,
        address: usize,
        fn_type: FunctionType<'static>,
    ) -> FunctionValue<'static> {
        let mut mapped = self.mapped.borrow_mut();
        if let Some(f) = mapped.functions.get(&address) {
            return *f;
        }
        let name = mapped_symbol_name(&self.prefix, what, mapped.symbols.len());
        let f = self
            .module
            .add_function(&name, fn_type, Some(Linkage::External));
        mapped.functions.insert(address, f);
        mapped.symbols.push((name, address));
        f
    }

    /// Host CPU and no unwinding, on every function we emit.
    pub fn set_common_attributes(&self, func: FunctionValue<'static>) {
        let attr = |k: &str, v: &str| self.ctx.create_string_attribute(k, v);
        func.add_attribute(AttributeLoc::Function, attr("target-cpu", &self.cpu));
        func.add_attribute(
            AttributeLoc::Function,
            attr("target-features", &self.features),
        );
        let nounwind = inkwell::attributes::Attribute::get_named_enum_kind_id("nounwind");
        func.add_attribute(
            AttributeLoc::Function,
            self.ctx.create_enum_attribute(nounwind, 0),
        );
        // A frame larger than the stack left (an array local) touches it page by page from
        // the top, as rustc's code does, so that it faults on the guard page, where Rust
        // reports the overflow, instead of writing past it into other memory. (LLVM 14
        // probes on x86 only.)
        if cfg!(any(target_arch = "x86_64", target_arch = "x86")) {
            func.add_attribute(AttributeLoc::Function, attr("probe-stack", "inline-asm"));
        }
    }
}

/// The symbol of the `n`th process address a module maps (`ModuleCx::mapped_data`,
/// `ModuleCx::mapped_function`): `{prefix}_{what}.{n}`. The `.` cannot appear in a Rust
/// identifier, so no jit function's symbol (`{prefix}_{name}_{index}`) can be the same
/// name: a fn named `panic_site` or `vec_elems` once took a data symbol's name, LLVM
/// renamed one of the two, and calls went to the mapped data's address.
fn mapped_symbol_name(prefix: &str, what: &str, n: usize) -> String {
    format!("{prefix}_{what}.{n}")
}
