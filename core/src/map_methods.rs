//! The methods of `HashMap<K, V>` and of `HashSet<K>` (a map whose values never exist,
//! `Type::set`) that jit code may call, with std's signatures, and the names of the
//! operations the lowering makes of `entry(k).or_insert(v)` and `get_mut`.
//!
//! One table serves inference (operand and result types, whether the method needs `&mut
//! self`), codegen (which operation to emit) and the "no method named" listings. Every
//! row is a method of std's `HashMap<K, V>` with the same signature, so a body jitclass
//! accepts is one rustc accepts too. A reference into the map (`get_mut`'s, the `&mut V`
//! of `or_insert`) is not a value in jit code: the lowering makes its uses the place
//! `map[slot]` of the entry's value, where `slot` comes from one of the operations below
//! whose names start with a space (users cannot write them), see `lower/maps.rs`.

use crate::types::{PrimTy, Type};

/// What a map method computes; codegen matches on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapMethod {
    /// `HashMap::new()` / `HashMap::with_capacity(n)` (the receiver is `()`).
    New,
    /// `m.len()`.
    Len,
    /// `m.is_empty()`.
    IsEmpty,
    /// `m.clear()`.
    Clear,
    /// `m.insert(k, v)`: `Option<V>`, the value replaced.
    Insert,
    /// `m.remove(&k)`: `Option<V>`.
    Remove,
    /// `m.contains_key(&k)`.
    ContainsKey,
    /// `m.get(&k)`: `Option<&V>`, which jit code holds as the value with its count (as a
    /// `Vec`'s `get`, `lower/elem_refs.rs`).
    GetRef,
    /// `m.get(&k).copied()` (or `.cloned()`): `Option<V>`.
    GetCopied,
    /// The entry reference ([`entry_ref_type`]) of `k`, inserted with the value `v` if
    /// absent: what `m.entry(k).or_insert(v)` refers to.
    EntrySlot,
    /// [`MapMethod::EntrySlot`] of a `String`-keyed map whose key argument is a `String`
    /// made of a `&str` (`w.to_string()`, `w.to_owned()`, `String::from(w)`): the map is
    /// searched by the `&str` and the `String` made only for a new key. Inference
    /// refines `EntrySlot` to this once types are final (`infer/map.rs`); nothing
    /// observable differs (making a `String` has no effect but its allocation, and std
    /// keeps the stored key too), only the allocation of a key already there is saved.
    EntrySlotByText,
    /// `Some(entry reference)` of `k`, or `None`: what `m.get_mut(&k)` refers to.
    FindSlot,
    /// A set's `s.insert(k)`: whether `k` was absent.
    SetInsert,
    /// A set's `s.remove(&k)`: whether `k` was present.
    SetRemove,
}

/// Names of the operations only the lowering makes.
pub mod hidden {
    /// `HashMap::new()` (no argument) and `HashMap::with_capacity(n)`.
    pub const NEW: &str = " map_new";
    /// `HashSet::new()` and `HashSet::with_capacity(n)`.
    pub const SET_NEW: &str = " set_new";
    /// [`super::MapMethod::EntrySlot`]: `(k, v)`.
    pub const ENTRY_SLOT: &str = " map_entry_slot";
    /// [`super::MapMethod::FindSlot`]: `(k)`.
    pub const FIND_SLOT: &str = " map_find_slot";
    /// The name of the local holding an entry's position (`lower/maps.rs`).
    pub const SLOT_LOCAL: &str = " map slot";
}

/// An operand's or result's type, in terms of `K` and `V`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapTy {
    /// `K`.
    Key,
    /// `&K` (an argument written `&k`; std's `&Q` with `K: Borrow<Q>`, here `Q = K`, or
    /// `Q = str` for a `String` key).
    KeyRef,
    /// `V`.
    Value,
    /// `usize`.
    Usize,
    /// `bool`.
    Bool,
    /// `()`.
    Unit,
    /// `Option<V>`.
    OptionValue,
    /// A reference into the map ([`entry_ref_type`]).
    EntryRef,
    /// `Option` of one.
    OptionEntryRef,
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct MapMethodSig {
    /// Rust's name.
    pub name: &'static str,
    /// What it computes.
    pub method: MapMethod,
    /// Takes `&mut self`.
    pub mutates: bool,
    /// The operands after the receiver.
    pub params: &'static [MapTy],
    /// The result.
    pub ret: MapTy,
}

const fn row(
    name: &'static str,
    method: MapMethod,
    mutates: bool,
    params: &'static [MapTy],
    ret: MapTy,
) -> MapMethodSig {
    MapMethodSig {
        name,
        method,
        mutates,
        params,
        ret,
    }
}

/// Every map method jit code has.
pub const MAP_METHODS: &[MapMethodSig] = {
    use MapMethod::*;
    use MapTy::*;
    &[
        row("len", Len, false, &[], Usize),
        row("is_empty", IsEmpty, false, &[], Bool),
        row("clear", Clear, true, &[], Unit),
        row("insert", Insert, true, &[Key, Value], OptionValue),
        row("remove", Remove, true, &[KeyRef], OptionValue),
        row("contains_key", ContainsKey, false, &[KeyRef], Bool),
        row("get", GetRef, false, &[KeyRef], OptionValue),
        row(hidden::ENTRY_SLOT, EntrySlot, true, &[Key, Value], EntryRef),
        row(hidden::FIND_SLOT, FindSlot, true, &[KeyRef], OptionEntryRef),
    ]
};

/// Every method of `HashSet<K>` jit code has; the table of a map whose values never exist.
pub const SET_METHODS: &[MapMethodSig] = {
    use MapMethod::*;
    use MapTy::*;
    &[
        row("len", Len, false, &[], Usize),
        row("is_empty", IsEmpty, false, &[], Bool),
        row("clear", Clear, true, &[], Unit),
        row("insert", SetInsert, true, &[Key], Bool),
        row("remove", SetRemove, true, &[KeyRef], Bool),
        row("contains", ContainsKey, false, &[KeyRef], Bool),
    ]
};

/// The methods std's `HashSet` has that jit code does not (yet).
pub const UNSUPPORTED_STD_SET_METHODS: &[&str] = &[
    "get",
    "take",
    "replace",
    "iter",
    "into_iter",
    "drain",
    "retain",
    "extend",
    "reserve",
    "shrink_to_fit",
    "capacity",
    "clone",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "is_subset",
    "is_superset",
    "is_disjoint",
    "hasher",
];

/// The table of a map (`set`: of a set).
pub fn table(set: bool) -> &'static [MapMethodSig] {
    if set { SET_METHODS } else { MAP_METHODS }
}

/// Whether `method` (of either table) takes `&mut self`.
pub fn mutates(method: MapMethod) -> bool {
    // Not a row: the refinement of `EntrySlot`'s.
    let method = match method {
        MapMethod::EntrySlotByText => MapMethod::EntrySlot,
        m => m,
    };
    MAP_METHODS
        .iter()
        .chain(SET_METHODS)
        .any(|s| s.method == method && s.mutates)
}

/// The methods std's `HashMap` has that jit code does not (yet), for a message that says
/// so rather than "no method named".
pub const UNSUPPORTED_STD_METHODS: &[&str] = &[
    "entry",
    "get_key_value",
    // (As a `for` loop's iterable, `lower/vecs.rs`.)
    "iter",
    "iter_mut",
    "keys",
    "values",
    "values_mut",
    "into_keys",
    "into_values",
    "drain",
    "retain",
    "extend",
    "reserve",
    "shrink_to_fit",
    "capacity",
    "clone",
    "remove_entry",
    "try_insert",
    "hasher",
];

/// Looks up `m.name(..)` (`set`: on a set).
pub fn lookup(name: &str, set: bool) -> Option<&'static MapMethodSig> {
    table(set).iter().find(|m| m.name == name)
}

/// The names users can call, sorted (`set`: a set's).
pub fn names(set: bool) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = table(set)
        .iter()
        .map(|m| m.name)
        .filter(|n| !n.starts_with(' '))
        .collect();
    out.sort_unstable();
    out
}

/// The type of one stored entry: the key's hash, the key, the value (`runtime/src/map.rs`
/// lays the entries out as a `Vec<(u64, K, V)>`'s elements).
pub fn entry_type(key: &Type, value: &Type) -> Type {
    Type::Tuple(vec![Type::Prim(PrimTy::U64), key.clone(), value.clone()])
}

/// What a reference into a map is in jit code: the entry's position and the map's
/// generation when it was made (`runtime/src/map.rs`), compared at each later use, so a
/// reference whose entry moved (the map changed through another handle of the same
/// instance, which Rust's borrow rules cannot see) panics instead of naming another key.
pub fn entry_ref_type() -> Type {
    Type::Tuple(vec![Type::USIZE, Type::Prim(PrimTy::U64)])
}

/// Whether jit code hashes keys of type `t`: integers, `bool`, `char`, `String`, and
/// tuples of them (std's `Hash + Eq` types among jit types, except floats, which are not
/// `Eq`, and `&str`, which a map cannot keep: it would outlive the call its text is
/// borrowed for).
pub fn is_key_type(t: &Type) -> bool {
    match t {
        Type::Prim(p) => !p.is_float(),
        Type::String => true,
        Type::Tuple(es) => !es.is_empty() && es.iter().all(is_key_type),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_consistent() {
        for m in MAP_METHODS {
            assert!(!UNSUPPORTED_STD_METHODS.contains(&m.name), "{}", m.name);
        }
        assert!(is_key_type(&Type::Tuple(vec![Type::CHAR, Type::BOOL])));
        assert!(!is_key_type(&Type::F64));
        assert!(is_key_type(&Type::Tuple(vec![Type::String, Type::I64])));
        assert!(!is_key_type(&Type::Str));
        assert!(names(false).contains(&"insert"));
        assert!(!names(false).iter().any(|n| n.starts_with(' ')));
        for m in SET_METHODS {
            assert!(!UNSUPPORTED_STD_SET_METHODS.contains(&m.name), "{}", m.name);
            assert!(!m.name.starts_with(' '));
        }
        assert!(mutates(MapMethod::SetInsert) && !mutates(MapMethod::ContainsKey));
    }
}
