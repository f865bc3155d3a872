//! The values of the constants rustc evaluates for jit code (array lengths such as
//! `[f64; N]`, `const` items, paths to constants; `jitclass_core::ir::ConstDecl`): the
//! glue's getters return each as an IR literal (`JitConst::lit`), which the dispatcher and
//! the class descriptor write into the decoded IR before anything reads it.

use jitclass_core::PrimTy;
use jitclass_core::ir::{FloatLit, Lit};

/// The value of a constant, as the literal the runtime writes into the IR.
pub type ConstValue = Lit;

/// The types a constant used in jit code may have: numbers, `bool`, `char` and `&str`
/// (a path to a `&str` constant; a `const` item in a body and an array length are of the
/// others).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a type of constant jit code can use",
    label = "a constant of type `{Self}`",
    note = "constants in jit code are numbers, `bool`, `char` or `&str`"
)]
pub trait JitConst: Copy {
    /// The value as a literal of its type (a getter of the glue returns it).
    fn lit(self) -> Lit;
}

macro_rules! int_consts {
    ($($t:ident => $p:ident),* $(,)?) => {$(
        impl JitConst for $t {
            fn lit(self) -> Lit {
                Lit::Int(i128::from(self), Some(PrimTy::$p))
            }
        }
    )*};
}

int_consts!(
    i8 => I8, i16 => I16, i32 => I32, i64 => I64,
    u8 => U8, u16 => U16, u32 => U32, u64 => U64,
);

impl JitConst for usize {
    fn lit(self) -> Lit {
        Lit::Int(self as i128, Some(PrimTy::Usize))
    }
}

impl JitConst for isize {
    fn lit(self) -> Lit {
        Lit::Int(self as i128, Some(PrimTy::Isize))
    }
}

impl JitConst for f64 {
    fn lit(self) -> Lit {
        Lit::Float(FloatLit::new(self, self as f32), Some(PrimTy::F64))
    }
}

impl JitConst for f32 {
    fn lit(self) -> Lit {
        Lit::Float(FloatLit::new(f64::from(self), self), Some(PrimTy::F32))
    }
}

impl JitConst for bool {
    fn lit(self) -> Lit {
        Lit::Bool(self)
    }
}

impl JitConst for char {
    fn lit(self) -> Lit {
        Lit::Char(self)
    }
}

impl JitConst for &'static str {
    fn lit(self) -> Lit {
        Lit::Str(self.to_owned())
    }
}

/// The values of a function's or class's constants, from their getters.
pub(crate) fn values(getters: &[fn() -> ConstValue]) -> Vec<ConstValue> {
    getters.iter().map(|g| g()).collect()
}
