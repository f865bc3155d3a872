//! The builtin methods' descriptions: what each computes (`Builtin`) and its signature.

use crate::types::{PrimTy, Type};

/// What a builtin method computes; codegen matches on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// An LLVM float intrinsic taking `arity` operands of the receiver type (`llvm.sqrt` ...):
    /// an operation IEEE 754 defines exactly, or one Rust's method computes through the same
    /// intrinsic (see `for_each_libm_intrinsic!`).
    FloatIntrinsic {
        /// The intrinsic's name without `llvm.` and the type suffix (`"sqrt"`).
        intrinsic: &'static str,
        /// Operands, the receiver included.
        arity: usize,
    },
    /// A method whose result depends on a math library's implementation (`cbrt`, `tan`,
    /// ...), taking `arity` operands of the receiver type: jit code calls Rust's own method
    /// through the runtime's wrapper of it (see `for_each_libm_method!`).
    FloatLibm {
        /// Rust's method name (`"cbrt"`).
        method: &'static str,
        /// Operands, the receiver included.
        arity: usize,
    },
    /// `x.powi(n)`.
    FloatPowi,
    /// `x.signum()`.
    FloatSignum,
    /// `x.recip()`.
    FloatRecip,
    /// `x.to_degrees()`.
    FloatToDegrees,
    /// `x.to_radians()`.
    FloatToRadians,
    /// `x.is_nan()`.
    FloatIsNan,
    /// `x.is_infinite()`.
    FloatIsInfinite,
    /// `x.is_finite()`.
    FloatIsFinite,
    /// `x.to_bits()`: the float's bits as the unsigned integer of its width.
    FloatToBits,
    /// `n.abs()` (signed integers; `MIN.abs()` wraps, as in a release build).
    IntAbs,
    /// `n.min(m)` of integers, and `Ord::min` of `char`s.
    IntMin,
    /// `n.max(m)` of integers, and `Ord::max` of `char`s.
    IntMax,
    /// `n.pow(e)`.
    IntPow,
    /// `n.signum()` (signed).
    IntSignum,
    /// `n.count_ones()`.
    IntCountOnes,
    /// `n.leading_zeros()`.
    IntLeadingZeros,
    /// `n.trailing_zeros()`.
    IntTrailingZeros,
    /// `n.wrapping_add(m)`, `wrapping_sub`, `wrapping_mul`: the operator named.
    IntWrapping(crate::ir::BinOp),
    /// `n.saturating_add(m)`.
    IntSaturatingAdd,
    /// `n.saturating_sub(m)`.
    IntSaturatingSub,
    /// `a.cmp(b)` of integers and `bool`, as the `Ordering`'s discriminant (`-1`, `0`, `1`)
    /// in an `i8`. Only a comparator of the sort methods calls it (`lower/sort.rs`), under
    /// a name users cannot write ([`ORD_CMP`](super::ORD_CMP)), so an `i8` `Ordering`
    /// never reaches users.
    OrdCmp {
        /// Compares as signed integers.
        signed: bool,
    },
    /// `a.total_cmp(b)` of floats (IEEE 754 totalOrder), as [`Builtin::OrdCmp`].
    FloatTotalCmp,
    /// `a.partial_cmp(b).unwrap()` of numbers and `bool`, as [`Builtin::OrdCmp`]; panics
    /// as `unwrap` of `None` does when a float operand is NaN.
    PartialCmpUnwrap {
        /// Integers compared as signed.
        signed: bool,
    },
    /// A method of `char` (`crate::char_methods`): a call of the runtime's wrapper of
    /// std's method `method`, whose result has type `result`.
    Char {
        /// std's method name (`"is_alphabetic"`).
        method: &'static str,
        /// Its result type.
        result: crate::char_methods::CharMethodResult,
    },
    /// `char::from_u32(n)`: `Some` of the `char` whose scalar value `n` is, if there is
    /// one.
    CharFromU32,
    /// `c.to_digit(radix)`: std's, through the runtime, with its panic for a radix
    /// outside `2..=36`.
    CharToDigit,
    /// `c.is_digit(radix)`: `c.to_digit(radix).is_some()`, as std defines it.
    CharIsDigit,
    /// `char::from_digit(n, radix)`: std's, through the runtime, with its panic for a
    /// radix above 36.
    CharFromDigit,
    /// `s.len()`.
    SliceLen,
    /// `s.is_empty()`.
    SliceIsEmpty,
    /// `p.is_null()`.
    PtrIsNull,
    /// `p.wrapping_add(n)`: `n` elements further, wrapping (no UB, as in Rust).
    PtrWrappingAdd,
    /// A method of `Option`.
    Option(OptionMethod),
    /// `x.clone()` (Rust's `Clone`): a copy of a plain value, another reference to an
    /// instance or a `PassThru` value (an incref), and for an `Option` or a tuple holding
    /// them, a copy holding new references.
    Clone,
    /// A method of `Vec` (`crate::vec_methods`).
    Vec(crate::vec_methods::VecMethod),
    /// A method of `&str` (`crate::str_methods`).
    Str(crate::str_methods::StrMethod),
    /// A method of `String`, or a constructor of one (`crate::string_methods`).
    String(crate::string_methods::StringMethod),
    /// A method of `HashMap` (`crate::map_methods`).
    Map(crate::map_methods::MapMethod),
    /// A sort std runs on a `&mut [T]` (`crate::std_sort`; only the lowering makes it).
    SliceStdSort {
        /// Which sort.
        how: crate::std_sort::StdSort,
        /// The element type, when it is a primitive (the lowering has typed the
        /// comparator, which refuses any other element type).
        elem: Option<PrimTy>,
    },
}

impl Builtin {
    /// Takes its receiver by value (`self`, as std declares it), so the receiver is moved,
    /// not borrowed: a `Vec` inside it has one owner afterwards (`init::check_moves`), and
    /// cannot be taken out of a field or an element (E0507). Receivers of the other
    /// builtins are borrowed, or `Copy`, where moving and borrowing are the same.
    pub fn consumes_receiver(self) -> bool {
        matches!(
            self,
            Builtin::Option(OptionMethod::Unwrap | OptionMethod::UnwrapOr)
        )
    }
}

/// The methods of `Option` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionMethod {
    /// `o.is_some()`.
    IsSome,
    /// `o.is_none()`.
    IsNone,
    /// `o.unwrap()`: panics on `None` with Rust's message.
    Unwrap,
    /// `o.unwrap_or(default)`.
    UnwrapOr,
    /// `o.copied()` of the `Option<&T>` of `v.first()` (`T: Copy`), which jit code holds
    /// as `Option<T>` already: the value itself.
    Copied,
}

/// A resolved builtin method: operand types after the receiver, and the result type.
#[derive(Clone, Debug, PartialEq)]
pub struct MethodSig {
    /// What the method computes.
    pub builtin: Builtin,
    /// The operand types after the receiver.
    pub params: Vec<Type>,
    /// The result type.
    pub ret: Type,
}
