//! Concrete types of the jitclass language, after generic substitution.
//!
//! `Type` is what the dispatcher keys compiled code by and what codegen lowers to LLVM.
//! Its `Display` spells types exactly as Rust does (`&mut [f64]`, `(i64, bool)`), because
//! users read them in signatures and error messages.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A primitive scalar type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PrimTy {
    /// `bool`
    Bool,
    /// `i8`
    I8,
    /// `i16`
    I16,
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `isize` (64 bits)
    Isize,
    /// `u8`
    U8,
    /// `u16`
    U16,
    /// `u32`
    U32,
    /// `u64`
    U64,
    /// `usize` (64 bits)
    Usize,
    /// `f32`
    F32,
    /// `f64`
    F64,
    /// `char`: a Unicode scalar value (`0..=0xD7FF` or `0xE000..=0x10FFFF`) in 32 bits, a
    /// `u32` in C. Neither an integer nor a number: only comparisons and casts apply.
    Char,
}

impl PrimTy {
    /// Every primitive.
    pub const ALL: [PrimTy; 14] = [
        PrimTy::Bool,
        PrimTy::I8,
        PrimTy::I16,
        PrimTy::I32,
        PrimTy::I64,
        PrimTy::Isize,
        PrimTy::U8,
        PrimTy::U16,
        PrimTy::U32,
        PrimTy::U64,
        PrimTy::Usize,
        PrimTy::F32,
        PrimTy::F64,
        PrimTy::Char,
    ];

    /// The primitive Rust spells `name` (`"f64"`).
    pub fn from_name(name: &str) -> Option<PrimTy> {
        PrimTy::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Rust's name of the type (`"f64"`).
    pub fn name(self) -> &'static str {
        match self {
            PrimTy::Bool => "bool",
            PrimTy::I8 => "i8",
            PrimTy::I16 => "i16",
            PrimTy::I32 => "i32",
            PrimTy::I64 => "i64",
            PrimTy::Isize => "isize",
            PrimTy::U8 => "u8",
            PrimTy::U16 => "u16",
            PrimTy::U32 => "u32",
            PrimTy::U64 => "u64",
            PrimTy::Usize => "usize",
            PrimTy::F32 => "f32",
            PrimTy::F64 => "f64",
            PrimTy::Char => "char",
        }
    }

    /// An integer type (signed or not).
    pub fn is_int(self) -> bool {
        !matches!(
            self,
            PrimTy::Bool | PrimTy::F32 | PrimTy::F64 | PrimTy::Char
        )
    }

    /// `f32` or `f64`.
    pub fn is_float(self) -> bool {
        matches!(self, PrimTy::F32 | PrimTy::F64)
    }

    /// An integer or a float (not `bool`, not `char`).
    pub fn is_numeric(self) -> bool {
        self.is_int() || self.is_float()
    }

    /// A signed integer or a float.
    pub fn is_signed(self) -> bool {
        matches!(
            self,
            PrimTy::I8 | PrimTy::I16 | PrimTy::I32 | PrimTy::I64 | PrimTy::Isize
        ) || self.is_float()
    }

    /// Width in bits; `isize`/`usize` are 64-bit (the only targets the JIT supports).
    pub fn bits(self) -> u32 {
        match self {
            PrimTy::Bool => 1,
            PrimTy::I8 | PrimTy::U8 => 8,
            PrimTy::I16 | PrimTy::U16 => 16,
            PrimTy::I32 | PrimTy::U32 | PrimTy::F32 | PrimTy::Char => 32,
            PrimTy::I64 | PrimTy::U64 | PrimTy::Isize | PrimTy::Usize | PrimTy::F64 => 64,
        }
    }

    /// Size in bytes in memory (`bool` is one byte, as in Rust and C).
    pub fn size(self) -> u64 {
        match self {
            PrimTy::Bool => 1,
            _ => u64::from(self.bits() / 8),
        }
    }

    /// Whether std's ranges of this integer type know their length as a `usize`
    /// (`ExactSizeIterator`), which `(a..b).step_by(k).rev()` needs: `Range` of the types
    /// up to 32 bits and of `isize`/`usize`, `RangeInclusive` of 8- and 16-bit types.
    pub fn has_exact_size_range(self, inclusive: bool) -> bool {
        use PrimTy::*;
        if inclusive {
            matches!(self, I8 | I16 | U8 | U16)
        } else {
            matches!(self, I8 | I16 | I32 | Isize | U8 | U16 | U32 | Usize)
        }
    }

    /// Inclusive range of an integer type's values, for literal range checks.
    pub fn int_range(self) -> Option<(i128, i128)> {
        if !self.is_int() {
            return None;
        }
        let bits = self.bits();
        Some(if self.is_signed() {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        })
    }
}

impl fmt::Display for PrimTy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A concrete type of the language.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Type {
    /// A primitive.
    Prim(PrimTy),
    /// `()`.
    Unit,
    /// The type of expressions that never produce a value (`return`, `panic!`, ...).
    Never,
    /// `(A, B, ..)`: a C struct of the elements.
    Tuple(Vec<Type>),
    /// A borrowed slice; only ever a parameter type.
    Slice {
        /// The element type.
        elem: Box<Type>,
        /// `&mut [T]`.
        mutable: bool,
    },
    /// `&str`: `{ptr, len}` exactly as a `&[u8]`, whose bytes are always valid UTF-8
    /// (`crate::str_methods`). It borrows a Rust caller's string or a literal of the
    /// module (or a part of one), each of which outlives the call, or the buffer of a
    /// `String`, lent while the `&str` is used (`infer/owned_text.rs`).
    Str,
    /// `String`: a counted reference `{meminfo, data}` to the same block as a `Vec<u8>`'s
    /// (header, release, clone, lend count and crossing are `Vec<u8>`'s: see
    /// [`Type::block_elem`]), whose bytes are always valid UTF-8; its methods are std's
    /// `String`'s (`crate::string_methods`), none of which can break UTF-8.
    String,
    /// `Option<T>`: `{is_some, value}` in C layout, the value zeroed when `None`.
    Option(Box<Type>),
    /// A `#[jitclass]` instance: a reference `{meminfo, data}` to a payload.
    Class(ClassKey),
    /// `Vec<T>`: a counted reference `{meminfo, data}` to a block whose payload is the
    /// header `{len, cap, buf}` of an element buffer (`runtime/src/vec.rs`).
    Vec(Box<Type>),
    /// `[T; N]`: `N` elements inline, as Rust lays them out (`#[repr(C)]` agrees). A
    /// value type: copied when its elements are `Copy`.
    Array {
        /// The element type.
        elem: Box<Type>,
        /// `N`.
        len: u64,
    },
    /// `PassThru<T>`: a counted reference `{meminfo, data}` to a Rust value jit code only
    /// passes along, stores and compares by identity.
    PassThru(OpaqueKey),
    /// A trait object of a `#[jit] trait` (`Box<dyn T>`, `&dyn T`, `&mut dyn T`):
    /// `{meminfo, vtable}` (16 bytes, as in Rust): an instance's counted block, whose
    /// payload is at a fixed offset from its meminfo (an unmanaged instance's is lent
    /// through a block of its own), and its class's vtable for the trait. Each form holds
    /// one reference of the block, the borrowed ones too (as a class handle does:
    /// unobservable), so that all three are released alike.
    Dyn {
        /// The trait.
        key: TraitKey,
        /// How the program holds it.
        pointer: DynPointer,
    },
    /// A raw pointer `*mut T` / `*const T` (`T` a primitive): a value jit code passes,
    /// stores and compares, and turns into an instance only with `unsafe_cast`.
    Ptr {
        /// The pointed-to type.
        pointee: Box<Type>,
        /// `*mut T` rather than `*const T`.
        mutable: bool,
    },
    /// What `Index::index` / `IndexMut::index_mut` return: the address of a field of
    /// `self`'s payload. Only those methods' results have this type, but for `&Vec<T>` /
    /// `&mut Vec<T>` (`inner` a `Vec`), a parameter borrowing the caller's `Vec`, which is
    /// that `Vec`'s handle `{meminfo, data}`, not counted (see [`Type::vec_elem`]).
    Ref {
        /// The type of the field.
        inner: Box<Type>,
        /// From `index_mut`.
        mutable: bool,
    },
    /// A C function pointer `extern "C" fn(params..) -> ret`: C scalars in and out
    /// (`ret` may be `()`). One type per signature, whatever function it points to.
    FnPtr {
        /// The parameter types.
        params: Vec<Type>,
        /// The result type.
        ret: Box<Type>,
    },
    /// `HashMap<K, V>`: a counted reference `{meminfo, data}` to a block whose payload is
    /// the map's table (`runtime/src/map.rs`), its entries `(hash, K, V)` kept densely as
    /// a `Vec`'s buffer.
    Map {
        /// `K`.
        key: Box<Type>,
        /// `V`.
        value: Box<Type>,
    },
}

/// The identity of the Rust type inside a `PassThru<T>`: at run time a number the
/// runtime hands out per `TypeId` (so two types never share one), at macro time a hash of
/// its written name; and its name for messages. Equality is by `id` only.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OpaqueKey {
    /// The identity of `T`.
    pub id: u64,
    /// `T`'s name, for messages.
    pub name: String,
}

/// Equality, hashing and order of a key type by its `id` field alone (its `name` is only
/// for messages).
macro_rules! keyed_by_id {
    ($($key:ty),*) => {$(
        impl PartialEq for $key {
            fn eq(&self, other: &$key) -> bool {
                self.id == other.id
            }
        }

        impl Eq for $key {}

        impl std::hash::Hash for $key {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.id.hash(state)
            }
        }

        impl PartialOrd for $key {
            fn partial_cmp(&self, other: &$key) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $key {
            fn cmp(&self, other: &$key) -> std::cmp::Ordering {
                self.id.cmp(&other.id)
            }
        }
    )*};
}

/// The identity of a `#[jitclass]` type at run time: the address of its descriptor (one
/// `static` per class), and its name for messages. Equality is by `id` only.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ClassKey {
    /// The descriptor's address.
    pub id: usize,
    /// The class's name, for messages.
    pub name: String,
}

keyed_by_id!(OpaqueKey, ClassKey, TraitKey);

/// How a trait object is held: what rustc tells apart as types, which jit code holds
/// alike (`Type::Dyn`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DynPointer {
    /// `Box<dyn T>`: owned.
    Box,
    /// `&dyn T`.
    Ref,
    /// `&mut dyn T`.
    RefMut,
}

/// The identity of a `#[jit] trait` at run time, as a trait object's type names it: the
/// address of its descriptor (one `static` per trait, `jitclass::TraitInfo`), and its
/// name for messages. Equality is by `id` only.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TraitKey {
    /// The descriptor's address.
    pub id: usize,
    /// The trait's name, for messages.
    pub name: String,
}

impl Type {
    /// `bool`
    pub const BOOL: Type = Type::Prim(PrimTy::Bool);
    /// `char`.
    pub const CHAR: Type = Type::Prim(PrimTy::Char);
    /// `i32`
    pub const I32: Type = Type::Prim(PrimTy::I32);
    /// `i64`
    pub const I64: Type = Type::Prim(PrimTy::I64);
    /// `usize`
    pub const USIZE: Type = Type::Prim(PrimTy::Usize);
    /// `f64`
    pub const F64: Type = Type::Prim(PrimTy::F64);
    /// `u8`
    pub const U8: Type = Type::Prim(PrimTy::U8);

    /// `&[u8]`: what `s.as_bytes()` and a byte string literal are.
    pub fn byte_slice() -> Type {
        Type::Slice {
            elem: Box::new(Type::U8),
            mutable: false,
        }
    }

    /// The primitive, if this is one.
    pub fn prim(&self) -> Option<PrimTy> {
        match self {
            Type::Prim(p) => Some(*p),
            _ => None,
        }
    }

    /// Scalars cross the call boundary by value; everything else by pointer to its C repr.
    pub fn is_scalar(&self) -> bool {
        matches!(self, Type::Prim(_) | Type::Ptr { .. } | Type::FnPtr { .. })
    }

    /// What C passes in one register and `extern "C"` signatures may hold: numbers,
    /// `bool`, raw pointers and function pointers. Not `char`: C code could pass any
    /// `u32`, and a `char` must be a Unicode scalar value.
    pub fn is_c_scalar(&self) -> bool {
        self.is_scalar() && *self != Type::CHAR
    }

    /// `HashSet<key>`: a `HashMap` whose values never exist (`!`, a type users cannot
    /// write, so no `HashMap<K, V>` is one), sharing the map's table, its code and its
    /// rules; only its methods (`map_methods::SET_METHODS`), its element in loops (the key)
    /// and how it crosses (`std::collections::HashSet`) differ.
    pub fn set(key: Type) -> Type {
        Type::Map {
            key: Box::new(key),
            value: Box::new(Type::Never),
        }
    }

    /// Whether this is a `HashSet` ([`Type::set`]).
    pub fn is_set(&self) -> bool {
        matches!(self, Type::Map { value, .. } if **value == Type::Never)
    }

    /// Whether values of this type hold references counted by the memory runtime, so
    /// copying one needs an incref and dropping one a decref.
    pub fn is_managed(&self) -> bool {
        match self {
            Type::Class(_)
            | Type::PassThru(_)
            | Type::Dyn { .. }
            | Type::Vec(_)
            | Type::String
            | Type::Map { .. } => true,
            Type::Option(inner) | Type::Array { elem: inner, .. } => inner.is_managed(),
            Type::Tuple(es) => es.iter().any(Type::is_managed),
            _ => false,
        }
    }

    /// The element type of a `Vec`, or of the `Vec` a `&Vec<T>` / `&mut Vec<T>` borrows
    /// (the same handle in jit code: a reference to a `Vec` is its `{meminfo, data}`,
    /// borrowed, not an address).
    pub fn vec_elem(&self) -> Option<&Type> {
        match self {
            Type::Vec(elem) => Some(elem),
            Type::Ref { inner, .. } => match &**inner {
                Type::Vec(elem) => Some(elem),
                _ => None,
            },
            _ => None,
        }
    }

    /// The element type of the `Vec` block this value is: a `Vec`'s element, and `u8`
    /// for a `String`, which is the block of a `Vec<u8>` (the one place that says so).
    /// What generated code uses to reach the header, release, clone and cross a block;
    /// the language's view (methods, coercions) goes by [`Type::vec_elem`].
    pub fn block_elem(&self) -> Option<Type> {
        match self {
            Type::Vec(elem) => Some((**elem).clone()),
            Type::String => Some(Type::U8),
            _ => None,
        }
    }

    /// Whether a `Vec` (or a `HashMap`, a container with one owner too) is this value or
    /// inside it: what `clone` must copy rather than share, and what moves.
    pub fn holds_vec(&self) -> bool {
        match self {
            Type::Vec(_) | Type::String | Type::Map { .. } => true,
            Type::Option(inner) | Type::Array { elem: inner, .. } => inner.holds_vec(),
            Type::Tuple(es) => es.iter().any(Type::holds_vec),
            _ => false,
        }
    }

    /// The class, if this is a class type.
    pub fn class(&self) -> Option<&ClassKey> {
        match self {
            Type::Class(k) => Some(k),
            _ => None,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Prim(p) => write!(f, "{p}"),
            Type::Unit => f.write_str("()"),
            Type::Never => f.write_str("!"),
            Type::Tuple(elems) => {
                f.write_str("(")?;
                for (i, e) in elems.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{e}")?;
                }
                if elems.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Type::Slice { elem, mutable } => {
                write!(f, "&{}[{elem}]", if *mutable { "mut " } else { "" })
            }
            Type::Str => f.write_str("&str"),
            Type::String => f.write_str("String"),
            Type::Option(inner) => write!(f, "Option<{inner}>"),
            Type::Vec(elem) => write!(f, "Vec<{elem}>"),
            Type::Map { key, value } if **value == Type::Never => write!(f, "HashSet<{key}>"),
            Type::Map { key, value } => write!(f, "HashMap<{key}, {value}>"),
            Type::Array { elem, len } => write!(f, "[{elem}; {len}]"),
            Type::Class(k) => f.write_str(&k.name),
            Type::PassThru(k) => write!(f, "PassThru<{}>", k.name),
            Type::Dyn { key, pointer } => match pointer {
                DynPointer::Box => write!(f, "Box<dyn {}>", key.name),
                DynPointer::Ref => write!(f, "&dyn {}", key.name),
                DynPointer::RefMut => write!(f, "&mut dyn {}", key.name),
            },
            Type::Ptr { pointee, mutable } => {
                write!(f, "*{} {pointee}", if *mutable { "mut" } else { "const" })
            }
            Type::Ref { inner, mutable } => {
                write!(f, "&{}{inner}", if *mutable { "mut " } else { "" })
            }
            Type::FnPtr { params, ret } => {
                f.write_str("extern \"C\" fn(")?;
                for (i, p) in params.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{p}")?;
                }
                f.write_str(")")?;
                if **ret != Type::Unit {
                    write!(f, " -> {ret}")?;
                }
                Ok(())
            }
        }
    }
}

/// The concrete signature of one compiled specialisation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Signature {
    /// The parameter types, in order.
    pub params: Vec<Type>,
    /// The result type (`()` for none).
    pub ret: Type,
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("fn(")?;
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{p}")?;
        }
        f.write_str(")")?;
        if self.ret != Type::Unit {
            write!(f, " -> {}", self.ret)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_matches_rust_spelling() {
        let t = Type::Tuple(vec![Type::I64, Type::BOOL]);
        assert_eq!(t.to_string(), "(i64, bool)");
        assert_eq!(Type::Tuple(vec![Type::F64]).to_string(), "(f64,)");
        let s = Type::Slice {
            elem: Box::new(Type::F64),
            mutable: true,
        };
        assert_eq!(s.to_string(), "&mut [f64]");
        let sig = Signature {
            params: vec![Type::I64, Type::I64],
            ret: Type::I64,
        };
        assert_eq!(sig.to_string(), "fn(i64, i64) -> i64");
        let f = Type::FnPtr {
            params: vec![Type::F64, Type::BOOL],
            ret: Box::new(Type::F64),
        };
        assert_eq!(f.to_string(), "extern \"C\" fn(f64, bool) -> f64");
        let g = Type::FnPtr {
            params: vec![],
            ret: Box::new(Type::Unit),
        };
        assert_eq!(g.to_string(), "extern \"C\" fn()");
        let shape = |pointer| Type::Dyn {
            key: TraitKey {
                id: 1,
                name: "Shape".into(),
            },
            pointer,
        };
        assert_eq!(shape(DynPointer::Box).to_string(), "Box<dyn Shape>");
        assert_eq!(shape(DynPointer::Ref).to_string(), "&dyn Shape");
        assert_eq!(shape(DynPointer::RefMut).to_string(), "&mut dyn Shape");
        assert!(shape(DynPointer::Ref).is_managed());
    }

    #[test]
    fn int_ranges() {
        assert_eq!(PrimTy::I8.int_range(), Some((-128, 127)));
        assert_eq!(PrimTy::U64.int_range(), Some((0, u64::MAX as i128)));
        assert_eq!(PrimTy::F64.int_range(), None);
    }
}
