//! Dispatchers: one per `#[jit] fn`, holding its IR and its compiled specialisations.
//!
//! The macro emits a `static` [`Dispatcher`] per function. A call asks it for the entry
//! point of the specialisation it needs:
//! - non-generic functions: one atomic load of [`Dispatcher::entry`]'s cached pointer;
//! - generic functions: a walk of a short lock-free list keyed by the `TypeId` of the
//!   generic arguments ([`Dispatcher::entry_for`]).
//!
//! On a miss the dispatcher takes its own lock, looks again (so concurrent first calls
//! compile once), compiles through [`crate::compiler`], and publishes the pointer.

use crate::compiler::{self, CompileStats, Compiled};
use crate::error::{Error, ErrorKind};
use crate::subtype::Supertype;
use crate::{Signature, Type};
use jitclass_core::ir::FnIr;
use std::any::TypeId;
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The static description of a `#[jit] fn`, emitted by the macro.
#[doc(hidden)]
pub struct FnInfo {
    pub name: &'static str,
    pub module_path: &'static str,
    pub file: &'static str,
    /// The postcard-encoded `FnIr`.
    pub ir: &'static [u8],
    /// `(line, column)` of every `LocId`.
    pub locs: &'static [(u32, u32)],
    /// The dispatchers of the called items, by `RefId`.
    pub refs: &'static [fn() -> &'static Dispatcher],
    /// The descriptors of the classes the function names, by `ClassRefId`.
    pub classes: &'static [fn() -> &'static crate::ClassInfo],
    /// The identities of the `#[jit] trait`s the body calls functions of, by `TraitRefId`.
    pub traits: &'static [&'static str],
    /// The jit types of the `PassThru<T>`s the function names, by `OpaqueRefId`.
    pub opaques: &'static [fn() -> Type],
    /// The `objmode!` blocks, compiled by rustc, by index.
    pub objmodes: &'static [crate::objmode::ObjModeFn],
    /// The values of the constants rustc evaluates for the function (array lengths,
    /// `const` items, paths to constants), by `ConstId`.
    pub consts: &'static [fn() -> crate::consts::ConstValue],
    /// An `extern "C"` jit fn: each compilation also emits its C entry point.
    pub cfunc: bool,
    /// Never called: its body names every `Class::f` the function calls, so that rustc
    /// reports a missing one at its token.
    pub check: fn(),
}

/// The dispatcher of one `#[jit] fn`: its compiled specialisations and compile controls.
///
/// Reached through `f::dispatcher()` beside every `#[jit] fn f`. A specialisation is
/// compiled once per tuple of generic arguments (once for a non-generic function), at
/// the first call that needs it or earlier through [`Dispatcher::compile`]. Concurrent
/// first calls compile it once; compiled code is never freed.
///
/// ```
/// use jitclass::{jit, type_of, ErrorKind, Type};
///
/// #[jit]
/// fn cube<T>(x: T) -> T {
///     x * x * x
/// }
///
/// let d = cube::dispatcher();
/// assert_eq!((d.name(), d.generic_params()), ("cube", vec!["T".to_string()]));
///
/// // Compile eagerly; a type error would be this `Err` rather than a panic at the call.
/// let sig = d.compile(&[type_of::<f32>()]).unwrap();
/// assert_eq!(sig.to_string(), "fn(f32) -> f32");
/// assert!(d.llvm_ir(&sig).unwrap().contains("define"));
/// assert_eq!(cube(2i32), 8); // compiles for `T = i32`
/// let sigs: Vec<String> = d.signatures().iter().map(|s| s.to_string()).collect();
/// assert_eq!(sigs, ["fn(f32) -> f32", "fn(i32) -> i32"]);
///
/// // Freeze the set of specialisations: compiled ones keep working, new ones are refused.
/// d.disable_compile();
/// assert_eq!(cube(3i32), 27);
/// let err = d.compile(&[Type::F64]).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::CompileDisabled);
/// d.enable_compile();
/// assert_eq!(cube(0.5f64), 0.125);
/// assert_eq!(d.compile_count(), 3);
/// ```
pub struct Dispatcher {
    info: FnInfo,
    ir: OnceLock<Result<FnIr, String>>,
    /// Entry point of a non-generic function, once compiled.
    fast: AtomicPtr<()>,
    /// Entry points of a generic function's specialisations.
    generic: AtomicPtr<CacheNode>,
    /// The C entry point of an `extern "C"` jit fn, once compiled.
    cfunc: AtomicPtr<()>,
    state: Mutex<State>,
    compilations: AtomicUsize,
}

struct CacheNode {
    key: TypeId,
    entry: *const (),
    next: *const CacheNode,
}

#[derive(Default)]
struct State {
    compiled: Vec<Compiled>,
    disabled: bool,
    supertypes: Vec<Supertype>,
    /// Generic arguments served by the compiled code at the index, through a supertype.
    shared: Vec<(Vec<Type>, usize)>,
}

impl Dispatcher {
    #[doc(hidden)]
    pub const fn __new(info: FnInfo) -> Dispatcher {
        Dispatcher {
            info,
            ir: OnceLock::new(),
            fast: AtomicPtr::new(std::ptr::null_mut()),
            generic: AtomicPtr::new(std::ptr::null_mut()),
            cfunc: AtomicPtr::new(std::ptr::null_mut()),
            state: Mutex::new(State {
                compiled: Vec::new(),
                disabled: false,
                supertypes: Vec::new(),
                shared: Vec::new(),
            }),
            compilations: AtomicUsize::new(0),
        }
    }

    /// The function's name.
    pub fn name(&self) -> &'static str {
        self.info.name
    }

    /// The module the function is defined in, as `module_path!()` spells it.
    pub fn module_path(&self) -> &'static str {
        self.info.module_path
    }

    /// Names of the generic type parameters, in order.
    pub fn generic_params(&self) -> Vec<String> {
        self.ir().map(|ir| ir.generics.clone()).unwrap_or_default()
    }

    /// The signatures compiled so far, in compilation order.
    pub fn signatures(&self) -> Vec<Signature> {
        self.lock()
            .compiled
            .iter()
            .map(|c| c.signature.clone())
            .collect()
    }

    /// Timings of each compilation, in compilation order.
    pub fn compile_stats(&self) -> Vec<CompileStats> {
        self.lock()
            .compiled
            .iter()
            .map(|c| c.stats.clone())
            .collect()
    }

    /// How many times this function has been compiled (once per specialisation).
    pub fn compile_count(&self) -> usize {
        self.compilations.load(Ordering::SeqCst)
    }

    /// Refuses further compilation: a call that needs a new specialisation panics, and
    /// [`Dispatcher::compile`] returns an error. Already compiled code keeps working.
    pub fn disable_compile(&self) {
        self.lock().disabled = true;
    }

    /// Allows compilation again after [`Dispatcher::disable_compile`].
    pub fn enable_compile(&self) {
        self.lock().disabled = false;
    }

    /// Whether [`Dispatcher::disable_compile`] is in effect.
    pub fn is_compile_disabled(&self) -> bool {
        self.lock().disabled
    }

    /// Declares a supertype local to this dispatcher: generic arguments in it may run code
    /// already compiled for other arguments in it, instead of compiling their own.
    ///
    /// Before sharing, the dispatcher checks that the compiled code reads the new
    /// arguments as it reads the old ones: each class field it touches must have the
    /// same offset and type, and it may use nothing else of the class (methods,
    /// constructors, storing one in a typed place). Otherwise the call fails with an
    /// [`ErrorKind::Subtype`] error naming the field or the use. Supertypes are tried in
    /// the order declared; code compiled earlier is preferred.
    pub fn define_supertype(&self, supertype: Supertype) {
        self.lock().supertypes.push(supertype);
    }

    /// The supertypes declared so far, by name.
    pub fn supertypes(&self) -> Vec<String> {
        self.lock()
            .supertypes
            .iter()
            .map(|s| s.name().to_string())
            .collect()
    }

    /// The generic arguments served by code compiled for others, through a supertype,
    /// each with the signature of that code, in the order they were first called.
    pub fn shared_specialisations(&self) -> Vec<(Vec<Type>, Signature)> {
        let state = self.lock();
        state
            .shared
            .iter()
            .map(|(args, i)| (args.clone(), state.compiled[*i].signature.clone()))
            .collect()
    }

    /// Compiles the specialisation for `type_args` (one per generic parameter; empty for a
    /// non-generic function) now, reporting type errors as `Err` instead of panicking at
    /// the first call. Compiling an existing specialisation again is a no-op.
    pub fn compile(&'static self, type_args: &[Type]) -> Result<Signature, Error> {
        if self.is_foreign() && type_args.is_empty() {
            // A declared C function: finding its symbol is all there is to do.
            self.foreign_address()?;
            return self.foreign_signature();
        }
        let mut state = self.lock();
        let index = self.compile_locked(&mut state, type_args)?;
        Ok(state.compiled[index].signature.clone())
    }

    /// The optimised LLVM IR of a compiled signature, or `None` if it is not compiled.
    pub fn llvm_ir(&self, signature: &Signature) -> Option<String> {
        let module = {
            let state = self.lock();
            state
                .compiled
                .iter()
                .find(|c| &c.signature == signature)?
                .module
        };
        Some(compiler::module_ir(module))
    }

    /// The LLVM IR codegen emits for this function specialised for `type_args`, before
    /// optimisation, in a form that is the same in every process (see
    /// `compiler/inspect.rs`). Nothing is compiled into the JIT or cached. For the tests
    /// that pin what codegen emits (the IR snapshots of the no-UB rules); not a stable API.
    #[doc(hidden)]
    pub fn __unoptimised_llvm_ir(&'static self, type_args: &[Type]) -> Result<String, Error> {
        if self.is_foreign() {
            return Err(Error::internal(
                self.info.name,
                "a declared C function has no body to show",
            ));
        }
        compiler::unoptimised_ir(self, type_args)
    }

    /// The entry point of a non-generic function, compiling it at the first call.
    #[doc(hidden)]
    #[inline(always)]
    #[track_caller]
    pub fn entry(&'static self) -> *const () {
        let p = self.fast.load(Ordering::Acquire);
        if !p.is_null() {
            return p;
        }
        self.entry_slow(TypeId::of::<()>(), Vec::new)
    }

    /// The entry point of the specialisation whose generic arguments are the tuple `K`.
    #[doc(hidden)]
    #[inline(always)]
    #[track_caller]
    pub fn entry_for<K: 'static>(&'static self, type_args: fn() -> Vec<Type>) -> *const () {
        let key = TypeId::of::<K>();
        let mut node = self.generic.load(Ordering::Acquire);
        while !node.is_null() {
            // SAFETY: nodes are leaked once published and never mutated afterwards.
            let n = unsafe { &*node };
            if n.key == key {
                return n.entry;
            }
            node = n.next as *mut CacheNode;
        }
        self.entry_slow(key, type_args)
    }

    #[cold]
    #[inline(never)]
    #[track_caller]
    fn entry_slow(&'static self, key: TypeId, type_args: fn() -> Vec<Type>) -> *const () {
        let type_args = type_args();
        let result = {
            let mut state = self.lock();
            self.compile_locked(&mut state, &type_args).map(|index| {
                let entry = state.compiled[index].entry as *const ();
                self.publish(key, entry, type_args.is_empty());
                entry
            })
        };
        // The lock is released before panicking: a panic hook may call this function. The
        // panic is here, not in a closure, so that it reports the caller's location
        // (`#[track_caller]` from the glue down to this function).
        match result {
            Ok(entry) => entry,
            Err(e) => panic!("{e}"),
        }
    }

    /// The C entry point of an `extern "C"` jit fn (`f::cfunc_ptr()`), compiling the
    /// function if needed: `extern "C" fn(params..) -> ret` with the function's own
    /// signature. A panic in it cannot unwind into C: it aborts the process with its
    /// message, as a panic in any Rust `extern "C"` fn does.
    #[doc(hidden)]
    #[track_caller]
    pub fn cfunc(&'static self) -> *const () {
        let p = self.cfunc.load(Ordering::Acquire);
        if !p.is_null() {
            return p;
        }
        if self.is_foreign() {
            return match self.foreign_address() {
                Ok(address) => address as *const (),
                Err(e) => panic!("{e}"),
            };
        }
        // Compiled with the Rust entry point, in the same module.
        self.entry();
        let cfunc = self.lock().compiled.first().and_then(|c| c.cfunc);
        let Some(cfunc) = cfunc else {
            panic!(
                "{}",
                Error::internal(self.info.name, "not compiled as an `extern \"C\"` fn")
            )
        };
        let cfunc = cfunc as *mut ();
        self.cfunc.store(cfunc, Ordering::Release);
        cfunc
    }

    /// Whether this is a C function declared in a `#[jit] extern "C"` block.
    pub(crate) fn is_foreign(&self) -> bool {
        self.ir().is_ok_and(|ir| ir.foreign.is_some())
    }

    /// The C signature of a declared C function.
    pub(crate) fn foreign_signature(&self) -> Result<Signature, Error> {
        let ir = self.ir().map_err(|e| Error::internal(self.info.name, e))?;
        let concrete = |t| {
            jitclass_core::infer::concrete_type(t, &[])
                .ok_or_else(|| Error::internal(self.info.name, "a non-C type in a C signature"))
        };
        Ok(Signature {
            params: ir
                .params
                .iter()
                .map(|p| concrete(&p.ty))
                .collect::<Result<_, _>>()?,
            ret: concrete(&ir.ret)?,
        })
    }

    /// The address of a declared C function, looked up by symbol once.
    pub(crate) fn foreign_address(&self) -> Result<usize, Error> {
        let p = self.cfunc.load(Ordering::Acquire);
        if !p.is_null() {
            return Ok(p as usize);
        }
        let ir = self.ir().map_err(|e| Error::internal(self.info.name, e))?;
        let Some(foreign) = &ir.foreign else {
            return Err(Error::internal(self.info.name, "not a declared C function"));
        };
        let address = crate::foreign::resolve(self.info.name, &foreign.symbol)?;
        self.cfunc.store(address as *mut (), Ordering::Release);
        Ok(address)
    }

    fn publish(&self, key: TypeId, entry: *const (), non_generic: bool) {
        if non_generic {
            self.fast.store(entry as *mut (), Ordering::Release);
            return;
        }
        // Called under `state`'s lock: publishers never race each other.
        let mut node = self.generic.load(Ordering::Acquire);
        while !node.is_null() {
            // SAFETY: as in `entry_for`.
            let n = unsafe { &*node };
            if n.key == key {
                return;
            }
            node = n.next as *mut CacheNode;
        }
        let head = self.generic.load(Ordering::Acquire);
        let new = Box::leak(Box::new(CacheNode {
            key,
            entry,
            next: head,
        }));
        self.generic.store(new, Ordering::Release);
    }

    fn compile_locked(
        &'static self,
        state: &mut State,
        type_args: &[Type],
    ) -> Result<usize, Error> {
        if let Some(i) = state.compiled.iter().position(|c| c.type_args == type_args) {
            return Ok(i);
        }
        if let Some(i) = self.shared_code(state, type_args)? {
            return Ok(i);
        }
        let ir = self.ir().map_err(|e| Error::internal(self.info.name, e))?;
        if let Some(foreign) = &ir.foreign {
            return Err(Error::new(
                ErrorKind::Type,
                self.info.name,
                format!(
                    "`{}` is a C function (symbol `{}`): there is nothing to compile",
                    self.info.name, foreign.symbol
                ),
            ));
        }
        if ir.generics.len() != type_args.len() {
            let message = match ir.generics.len() {
                0 => format!(
                    "`{}` is not generic, but {} type argument(s) were given",
                    self.info.name,
                    type_args.len()
                ),
                n => format!(
                    "expected {n} type argument(s) ({}), got {}",
                    ir.generics.join(", "),
                    type_args.len()
                ),
            };
            return Err(Error::new(ErrorKind::Type, self.info.name, message));
        }
        if state.disabled {
            let compiled: Vec<String> = state
                .compiled
                .iter()
                .map(|c| c.signature.to_string())
                .collect();
            let note = if compiled.is_empty() {
                "note: nothing has been compiled yet".to_string()
            } else {
                format!("note: compiled signatures: {}", compiled.join(", "))
            };
            return Err(Error::new(
                ErrorKind::CompileDisabled,
                self.info.name,
                "compilation is disabled and no compiled version fits these types",
            )
            .specialised(self.describe_type_args(type_args))
            .with_notes(vec![note]));
        }
        let compiled = compiler::compile(self, type_args)?;
        state.compiled.push(compiled);
        self.compilations.fetch_add(1, Ordering::SeqCst);
        Ok(state.compiled.len() - 1)
    }

    /// Code compiled for other arguments of a supertype `type_args` are in, if it reads
    /// them correctly; an error if it does not.
    fn shared_code(&self, state: &mut State, type_args: &[Type]) -> Result<Option<usize>, Error> {
        if let Some((_, i)) = state.shared.iter().find(|(args, _)| args == type_args) {
            return Ok(Some(*i));
        }
        for supertype in state.supertypes.iter().filter(|s| s.contains(type_args)) {
            let Some(index) = state
                .compiled
                .iter()
                .position(|c| supertype.contains(&c.type_args))
            else {
                continue;
            };
            let compiled = &state.compiled[index];
            crate::subtype::verify(&compiled.type_args, &compiled.footprint, type_args).map_err(
                |why| {
                    Error::new(
                        ErrorKind::Subtype,
                        self.info.name,
                        format!(
                            "cannot share the code compiled for {} through the supertype `{}`: {why}",
                            self.describe_type_args(&compiled.type_args),
                            supertype.name()
                        ),
                    )
                    .specialised(self.describe_type_args(type_args))
                },
            )?;
            state.shared.push((type_args.to_vec(), index));
            return Ok(Some(index));
        }
        Ok(None)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave `State` half-updated: it is only
        // pushed to after a successful compilation.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn info(&self) -> &FnInfo {
        &self.info
    }

    /// A type of this function's IR with its class references resolved, for a caller
    /// (whose own class references differ); `class_args`: of a method of a generic
    /// class's instantiation, that instantiation's type arguments (`Self`'s). An error if
    /// an instantiation it names is past the limits.
    pub(crate) fn resolve_classes(
        &self,
        te: &jitclass_core::ir::TypeExpr,
        class_args: &[Type],
    ) -> Result<jitclass_core::ir::TypeExpr, String> {
        let written = self.ir().map_or(&[][..], |ir| &ir.class_args[..]);
        crate::class::resolve_refs(
            te,
            (self.info.classes, written),
            self.info.opaques,
            class_args,
        )
    }

    /// The decoded IR (decoded once).
    pub(crate) fn ir(&self) -> Result<&FnIr, String> {
        self.ir
            .get_or_init(|| {
                let ir = FnIr::decode(self.info.ir).map_err(|e| e.to_string());
                // A valid IR keeps every id in range, so codegen can index without checks;
                // the constants' values are in it before anything else reads it.
                ir.and_then(|mut ir| {
                    ir.validate()?;
                    ir.resolve_consts(&crate::consts::values(self.info.consts))?;
                    // `Shape::area(&c)`: a path the glue found to name a trait calls it.
                    let traits = self.info.traits;
                    ir.resolve_trait_owners(|t| traits.get(t.index()).copied());
                    Ok(ir)
                })
                .map_err(|e| {
                    format!(
                        "cannot decode the IR of `{}` ({e}); were jitclass and jitclass-macros built from different versions?",
                        self.info.name
                    )
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub(crate) fn describe_type_args(&self, type_args: &[Type]) -> String {
        let names = self.generic_params();
        names
            .iter()
            .zip(type_args)
            // The hidden parameters of an impl of one instantiation (`impl Stack<f64>`,
            // named by the macros' impl_block.rs) are its written arguments, which the
            // function's name already implies: no user wrote them.
            .filter(|(n, _)| !n.starts_with("__JitclassInstantiationArg"))
            .map(|(n, t)| format!("{n} = {}", jitclass_core::limits::shortened(t)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `file:line:col` of a location id.
    pub(crate) fn location(&self, loc: jitclass_core::ir::LocId) -> String {
        match self.info.locs.get(loc.index()) {
            Some((line, col)) => format!("{}:{line}:{col}", self.info.file),
            None => self.info.file.to_string(),
        }
    }
}

impl std::fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatcher")
            .field("name", &self.info.name)
            .field("signatures", &self.signatures())
            .field("compile_count", &self.compile_count())
            .finish()
    }
}

// SAFETY: the raw pointers in the cache are entry points of immortal JIT code and leaked
// nodes; all mutable state is behind atomics or the mutex.
unsafe impl Sync for Dispatcher {}
// SAFETY: as above.
unsafe impl Send for Dispatcher {}
