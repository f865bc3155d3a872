//! The methods of `String` that jit code may call, listed once (std's names and
//! signatures): inference types calls from [`lookup`] (and, for a name not here, takes
//! the method of `&str` the `String` derefs to, `crate::str_methods`), codegen emits them
//! from [`StringMethod`] (`compiler/codegen/owned_text.rs`).
//!
//! A `String` is the block of a `Vec<u8>` (`Type::block_elem`) whose `len` bytes are
//! valid UTF-8. Every method here keeps that: bytes only come in as a whole `&str` or an
//! encoded `char`, and none shortens the text anywhere but at its end or to nothing. std's
//! methods that could break it (`as_mut_vec`, `from_utf8_unchecked`, ...) do not exist.

use crate::methods::{Builtin, MethodSig};
use crate::types::Type;

/// What a method of `String` (or a constructor of one) computes; codegen matches on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StringMethod {
    /// `String::new()`.
    New,
    /// `String::with_capacity(n)`.
    WithCapacity,
    /// `String::from(s)`, `s.to_string()`, `s.to_owned()` of a `&str` (the receiver), or
    /// of a `String` (a copy of its text).
    FromStr,
    /// `s.push_str(t)`.
    PushStr,
    /// `s.push(c)`: `c` encoded as UTF-8.
    Push,
    /// `s.len()`: in bytes.
    Len,
    /// `s.is_empty()`.
    IsEmpty,
    /// `s.capacity()`.
    Capacity,
    /// `s.clear()`.
    Clear,
    /// `s.reserve(n)`.
    Reserve,
    /// `s.as_str()`: the text, borrowed.
    AsStr,
    /// `s.as_bytes()`: the bytes, borrowed.
    AsBytes,
    /// `s.to_lowercase()` and the other case maps of a `&str` or a `String`: a new
    /// `String` (std's).
    CaseMap(CaseMap),
    /// `s.repeat(n)` of a `&str` or a `String`: a new `String` (std's).
    Repeat,
    /// `s.replace(from, to)` of a `&str` or a `String`, `from` a `&str`: a new `String`
    /// (std's).
    Replace,
    /// `s.truncate(n)`: std's panic when `n` is inside a character.
    Truncate,
    /// `s.pop()`: the last `char`, removed.
    Pop,
    /// `v.join(sep)` of a `Vec<String>` `v` (std's): a new `String`.
    Join,
    /// One `format!` argument appended as its spec says (`crate::format_spec`): hidden
    /// method `s.<PUSH_FORMATTED>(&value, fill, packed flags, width, precision)`
    /// (`lower/format_macro.rs`), formatted by std in the runtime's helper.
    PushFormatted,
    /// `x.to_string()` of a number, `bool` or `char`: std's `Display`.
    Display,
}

/// A case map of std's, each making a new `String`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseMap {
    /// `to_lowercase` (Unicode).
    Lower,
    /// `to_uppercase` (Unicode).
    Upper,
    /// `to_ascii_lowercase`.
    AsciiLower,
    /// `to_ascii_uppercase`.
    AsciiUpper,
}

impl CaseMap {
    /// Every case map.
    pub const ALL: [CaseMap; 4] = [
        CaseMap::Lower,
        CaseMap::Upper,
        CaseMap::AsciiLower,
        CaseMap::AsciiUpper,
    ];

    /// std's name.
    pub fn name(self) -> &'static str {
        match self {
            CaseMap::Lower => "to_lowercase",
            CaseMap::Upper => "to_uppercase",
            CaseMap::AsciiLower => "to_ascii_lowercase",
            CaseMap::AsciiUpper => "to_ascii_uppercase",
        }
    }
}

impl StringMethod {
    /// Whether the method changes the `String` (so needs `mut` and no lent `&str`).
    pub fn mutates(self) -> bool {
        matches!(
            self,
            StringMethod::PushStr
                | StringMethod::PushFormatted
                | StringMethod::Push
                | StringMethod::Clear
                | StringMethod::Reserve
                | StringMethod::Truncate
                | StringMethod::Pop
        )
    }
}

/// The constructors, lowered to methods of `()` under names users cannot write
/// (`lower/owned_strings.rs`).
pub mod hidden {
    /// `String::new()`.
    pub const NEW: &str = " String::new";
    /// `String::with_capacity(n)`.
    pub const WITH_CAPACITY: &str = " String::with_capacity";
    /// `String::from(s)`.
    pub const FROM: &str = " String::from";
    /// A `format!` argument appended to the `String` being built
    /// (`StringMethod::PushFormatted`).
    pub const PUSH_FORMATTED: &str = " format::push";
    /// `write!`'s destination, checked to be a `String` before anything is written into
    /// it (`lower/write_macro.rs`); resolved as `len()`, whose value is dropped.
    pub const WRITE_TARGET: &str = " write::target";
    /// A literal piece `write!` appends: `push_str` once `WRITE_TARGET` found a `String`,
    /// nothing said otherwise (that check said it).
    pub const WRITE_PIECE: &str = " write::push_str";
}

fn sig(method: StringMethod, params: Vec<Type>, ret: Type) -> MethodSig {
    MethodSig {
        builtin: Builtin::String(method),
        params,
        ret,
    }
}

/// A constructor: `name` one of [`hidden`]'s.
pub fn constructor(name: &str) -> Option<MethodSig> {
    Some(match name {
        hidden::NEW => sig(StringMethod::New, vec![], Type::String),
        hidden::WITH_CAPACITY => sig(StringMethod::WithCapacity, vec![Type::USIZE], Type::String),
        hidden::FROM => sig(StringMethod::FromStr, vec![Type::Str], Type::String),
        _ => return None,
    })
}

/// `s.name(..)` on a `String` `s`: its own methods; `None` for the others (which a
/// `String` takes from `&str`, `crate::str_methods::lookup`, or does not have).
pub fn lookup(name: &str) -> Option<MethodSig> {
    Some(match name {
        "push_str" => sig(StringMethod::PushStr, vec![Type::Str], Type::Unit),
        "push" => sig(StringMethod::Push, vec![Type::CHAR], Type::Unit),
        "len" => sig(StringMethod::Len, vec![], Type::USIZE),
        "is_empty" => sig(StringMethod::IsEmpty, vec![], Type::BOOL),
        "capacity" => sig(StringMethod::Capacity, vec![], Type::USIZE),
        "clear" => sig(StringMethod::Clear, vec![], Type::Unit),
        "reserve" => sig(StringMethod::Reserve, vec![Type::USIZE], Type::Unit),
        "as_str" => sig(StringMethod::AsStr, vec![], Type::Str),
        "as_bytes" => sig(StringMethod::AsBytes, vec![], Type::byte_slice()),
        "truncate" => sig(StringMethod::Truncate, vec![Type::USIZE], Type::Unit),
        "pop" => sig(
            StringMethod::Pop,
            vec![],
            Type::Option(Box::new(Type::CHAR)),
        ),
        _ => return lookup_on_str(name),
    })
}

/// `v.join(sep)` of a `Vec<String>`.
pub fn join() -> MethodSig {
    sig(StringMethod::Join, vec![Type::Str], Type::String)
}

/// The methods of `&str` making a `String` (`s.to_string()`, `s.to_lowercase()`, ...),
/// which a `String` has too.
pub fn lookup_on_str(name: &str) -> Option<MethodSig> {
    if let Some(case) = CaseMap::ALL.into_iter().find(|c| c.name() == name) {
        return Some(sig(StringMethod::CaseMap(case), vec![], Type::String));
    }
    Some(match name {
        "to_string" | "to_owned" => sig(StringMethod::FromStr, vec![], Type::String),
        "repeat" => sig(StringMethod::Repeat, vec![Type::USIZE], Type::String),
        "replace" => sig(
            StringMethod::Replace,
            vec![Type::Str, Type::Str],
            Type::String,
        ),
        _ => return None,
    })
}

/// The methods users call on a `&str`, for messages: those of `crate::str_methods` and
/// the two making a `String`.
pub fn names_on_str() -> Vec<&'static str> {
    let mut out = crate::str_methods::names();
    out.extend(["to_owned", "to_string", "repeat", "replace"]);
    out.extend(CaseMap::ALL.iter().map(|c| c.name()));
    out.sort_unstable();
    out
}

/// The methods users call on a `String` (its own and those of `&str`), for messages.
pub fn names() -> Vec<&'static str> {
    let mut out = vec![
        "as_bytes",
        "as_str",
        "capacity",
        "clear",
        "clone",
        "is_empty",
        "len",
        "push",
        "push_str",
        "reserve",
        "to_owned",
        "to_string",
        "truncate",
        "pop",
    ];
    out.extend(names_on_str());
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_is_found() {
        for name in names() {
            let found = lookup(name).is_some()
                || name == "clone"
                || crate::str_methods::names().contains(&name);
            assert!(found, "`{name}`");
        }
        for name in names_on_str() {
            let found =
                lookup_on_str(name).is_some() || crate::str_methods::names().contains(&name);
            assert!(found, "`{name}`");
        }
    }

    #[test]
    fn only_whole_text_comes_in() {
        // A `String` grows by a `&str` or a `char`, never by bytes.
        for name in names() {
            if let Some(sig) = lookup(name) {
                assert!(
                    !sig.params
                        .iter()
                        .any(|p| *p == Type::U8 || *p == Type::byte_slice()),
                    "`{name}` takes bytes"
                );
            }
        }
    }

    #[test]
    fn constructors_make_strings() {
        for name in [hidden::NEW, hidden::WITH_CAPACITY, hidden::FROM] {
            assert_eq!(constructor(name).unwrap().ret, Type::String);
        }
        assert!(constructor("new").is_none());
    }
}
