//! What a compilation hands back to the dispatcher that asked for it: the compiled code of
//! one specialisation ([`Compiled`]) and where its time went ([`CompileStats`]).

use crate::Type;
use crate::subtype::Footprint;
use jitclass_core::Signature;
use std::time::Duration;

/// One compiled specialisation, as its dispatcher keeps it.
pub(crate) struct Compiled {
    pub type_args: Vec<Type>,
    pub signature: Signature,
    pub entry: usize,
    /// The C entry point of an `extern "C"` jit fn.
    pub cfunc: Option<usize>,
    pub module: usize,
    /// What the code relies on about the classes in `type_args`, for subtypes.
    pub footprint: Footprint,
    pub stats: CompileStats,
}

/// Where the time of one compilation went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileStats {
    /// The signature compiled.
    pub signature: Signature,
    /// IR decoding, type inference and LLVM IR generation of every reached function.
    pub frontend: Duration,
    /// LLVM's optimisation pipeline.
    pub optimise: Duration,
    /// Machine code generation and linking by the JIT.
    pub machine_code: Duration,
    /// The whole compilation as the caller saw it, including starting LLVM the first
    /// time and waiting for another thread's compilation.
    pub total: Duration,
}
