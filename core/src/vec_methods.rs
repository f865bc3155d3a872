//! The methods of `Vec<T>` that jit code may call, with std's signatures.
//!
//! One table serves inference (the operand and result types, and whether the method
//! needs `&mut self`), codegen (which operation to emit) and the "no method named"
//! listings. Every entry is a method of std's `Vec<T>` (or of `[T]` through `Deref`) with
//! the same signature, so a body that jitclass accepts is one rustc accepts too.

use crate::std_sort::{StdAlgorithm, StdSort};
use crate::types::Type;

/// What a `Vec` method computes; codegen matches on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VecMethod {
    /// `v.len()`.
    Len,
    /// `v.is_empty()`.
    IsEmpty,
    /// `v.capacity()`.
    Capacity,
    /// `v.push(x)`.
    Push,
    /// `v.pop()`: `Option<T>`.
    Pop,
    /// `v.clear()`.
    Clear,
    /// `v.truncate(n)`.
    Truncate,
    /// `v.reserve(n)`.
    Reserve,
    /// `v.insert(i, x)`: panics past `len` with std's message.
    Insert,
    /// `v.remove(i)`: panics at or past `len` with std's message.
    Remove,
    /// `v.swap_remove(i)`: panics at or past `len` with std's message.
    SwapRemove,
    /// `v.swap(i, j)` (`[T]::swap`): panics with the index message.
    Swap,
    /// `v.contains(&x)` (`[T]::contains`, `T: PartialEq`).
    Contains,
    /// `v.extend_from_slice(&w)` (`T: Clone`): clones of a slice's elements appended.
    ExtendFromSlice,
    /// `v.first().copied()` (or `.cloned()`): `Option<T>`.
    FirstCopied,
    /// `v.last().copied()` (or `.cloned()`): `Option<T>`.
    LastCopied,
    /// `v.get(i).copied()` (or `.cloned()`): `Option<T>`, `None` past the end.
    GetCopied,
    /// `v.first()`: `Option<&T>`, which jit code holds as the element's value with its
    /// count (never a pointer into the buffer); for elements that hold no `Vec` (see
    /// `infer/elem_refs.rs`).
    FirstRef,
    /// `v.last()`: as [`VecMethod::FirstRef`].
    LastRef,
    /// `v.get(i)`: as [`VecMethod::FirstRef`], `None` past the end.
    GetRef,
    /// `v.clone()`: a new buffer holding the elements (instances as another reference).
    Clone,
    /// A sort std runs on the buffer (`crate::std_sort`; only the lowering makes it).
    StdSort(crate::std_sort::StdSort),
    /// `v.<LEND_DURING_SORT>({ sort })`: runs the block of a sort whose comparator is jit
    /// code (`lower/sort.rs`) with the `Vec` lent (`VecHeader::lends`), as `sort_by`'s
    /// `&mut self` lends it in Rust: whatever the comparator reaches it through (another
    /// handle, `objmode!`) cannot resize or replace it until the sort returns. Only the
    /// lowering makes it; on a slice or an array it runs the block alone.
    LendDuringSort,
}

/// The name of [`VecMethod::LendDuringSort`] in the IR, which users cannot write.
pub const LEND_DURING_SORT: &str = " lend during sort";

impl VecMethod {
    /// One of [`COPIED_ACCESSORS`]: resolved on `.copied()`/`.cloned()`, whose receiver
    /// is the accessor's call.
    pub fn is_copied_accessor(self) -> bool {
        COPIED_ACCESSORS.iter().any(|(_, m, _)| *m == self)
    }

    /// May reallocate the buffer, shorten the `Vec` or release elements: refused (a
    /// panic) while a slice of the `Vec` is lent to a call (`VecHeader::lends`). `swap`
    /// only permutes elements in place, so a lent slice stays valid through it.
    pub fn resizes(self) -> bool {
        use VecMethod::*;
        matches!(
            self,
            Push | Pop
                | Clear
                | Truncate
                | Reserve
                | Insert
                | Remove
                | SwapRemove
                | ExtendFromSlice
        )
    }
}

/// An operand's or result's type, in terms of the element type `T`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VecTy {
    /// `T`.
    Elem,
    /// `&T` (an argument written `&x`).
    ElemRef,
    /// `&[T]` (`&w`, `&w[a..b]` of a `Vec`, or a slice).
    ElemSlice,
    /// `usize`.
    Usize,
    /// `bool`.
    Bool,
    /// `()`.
    Unit,
    /// `Option<T>`.
    OptionElem,
    /// `Vec<T>`.
    SelfTy,
}

impl VecTy {
    /// The concrete type, given the element type.
    pub fn concrete(self, elem: &Type) -> Type {
        match self {
            VecTy::Elem | VecTy::ElemRef => elem.clone(),
            VecTy::ElemSlice => Type::Slice {
                elem: Box::new(elem.clone()),
                mutable: false,
            },
            VecTy::Usize => Type::USIZE,
            VecTy::Bool => Type::BOOL,
            VecTy::Unit => Type::Unit,
            VecTy::OptionElem => Type::Option(Box::new(elem.clone())),
            VecTy::SelfTy => Type::Vec(Box::new(elem.clone())),
        }
    }
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct VecMethodSig {
    /// Rust's name.
    pub name: &'static str,
    /// What it computes.
    pub method: VecMethod,
    /// Takes `&mut self` (so the receiver must be a mutable place).
    pub mutates: bool,
    /// The operands after the receiver.
    pub params: &'static [VecTy],
    /// The result.
    pub ret: VecTy,
}

const fn row(
    name: &'static str,
    method: VecMethod,
    mutates: bool,
    params: &'static [VecTy],
    ret: VecTy,
) -> VecMethodSig {
    VecMethodSig {
        name,
        method,
        mutates,
        params,
        ret,
    }
}

/// Every `Vec` method jit code has.
pub const VEC_METHODS: &[VecMethodSig] = {
    use VecMethod::*;
    use VecTy::*;
    &[
        row("len", Len, false, &[], Usize),
        row("is_empty", IsEmpty, false, &[], Bool),
        row("capacity", Capacity, false, &[], Usize),
        row("push", Push, true, &[Elem], Unit),
        row("pop", Pop, true, &[], OptionElem),
        row("clear", Clear, true, &[], Unit),
        row("truncate", Truncate, true, &[Usize], Unit),
        row("reserve", Reserve, true, &[Usize], Unit),
        row("insert", Insert, true, &[Usize, Elem], Unit),
        row("remove", Remove, true, &[Usize], Elem),
        row("swap_remove", SwapRemove, true, &[Usize], Elem),
        row("swap", Swap, true, &[Usize, Usize], Unit),
        row("contains", Contains, false, &[ElemRef], Bool),
        row(
            "extend_from_slice",
            ExtendFromSlice,
            true,
            &[ElemSlice],
            Unit,
        ),
        row("clone", Clone, false, &[], SelfTy),
        row("first", FirstRef, false, &[], OptionElem),
        row("last", LastRef, false, &[], OptionElem),
        row("get", GetRef, false, &[Usize], OptionElem),
        std_sort_row(crate::std_sort::StdSort::ALL[0]),
        std_sort_row(crate::std_sort::StdSort::ALL[1]),
        std_sort_row(crate::std_sort::StdSort::ALL[2]),
        std_sort_row(crate::std_sort::StdSort::ALL[3]),
        std_sort_row(crate::std_sort::StdSort::ALL[4]),
        std_sort_row(crate::std_sort::StdSort::ALL[5]),
        row(LEND_DURING_SORT, LendDuringSort, false, &[Unit], Unit),
    ]
};

/// The row of a sort std runs, under a name users cannot write.
const fn std_sort_row(how: StdSort) -> VecMethodSig {
    let params: &'static [VecTy] = match how.algorithm {
        StdAlgorithm::Select => &[VecTy::Usize],
        _ => &[],
    };
    row(
        how.method_name(),
        VecMethod::StdSort(how),
        true,
        params,
        VecTy::Unit,
    )
}

/// The accessors that return `Option<&T>` in Rust, which jit code has when the reference
/// is copied at once (`v.first().copied()`, `v.get(i).cloned()`): the accessor's name,
/// what the pair computes, and the accessor's operands. (`copied` needs `T: Copy`,
/// `cloned` `T: Clone`; jit code clones a `Vec` element deeply, an instance as another
/// reference.)
pub const COPIED_ACCESSORS: &[(&str, VecMethod, &[VecTy])] = &[
    ("first", VecMethod::FirstCopied, &[]),
    ("last", VecMethod::LastCopied, &[]),
    ("get", VecMethod::GetCopied, &[VecTy::Usize]),
];

/// The methods std's `Vec` has that jit code does not (yet), for a message that says so
/// rather than "no method named".
pub const UNSUPPORTED_STD_METHODS: &[&str] = &[
    "get_mut",
    "iter",
    "iter_mut",
    "into_iter",
    "as_slice",
    "as_mut_slice",
    "extend",
    "append",
    "drain",
    "retain",
    "dedup",
    "split_off",
    "resize",
    "shrink_to_fit",
    "reverse",
    "fill",
];

/// Looks up `v.name(..)`.
pub fn lookup(name: &str) -> Option<&'static VecMethodSig> {
    VEC_METHODS.iter().find(|m| m.name == name)
}

/// The names of every `Vec` method, sorted.
pub fn names() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = VEC_METHODS
        .iter()
        .map(|m| m.name)
        .filter(|n| !n.starts_with(' '))
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_method_is_both_supported_and_listed_as_unsupported() {
        for m in VEC_METHODS {
            assert!(!UNSUPPORTED_STD_METHODS.contains(&m.name), "{}", m.name);
        }
        assert_eq!(lookup("push").map(|m| m.mutates), Some(true));
        for m in VEC_METHODS {
            // A method that resizes takes `&mut self`.
            assert!(!m.method.resizes() || m.mutates, "{}", m.name);
        }
        assert_eq!(
            VecTy::OptionElem.concrete(&Type::F64).to_string(),
            "Option<f64>"
        );
    }
}
