//! The methods of `&str` that jit code may call, listed once: inference types calls from
//! [`lookup`], codegen emits them from [`StrMethod`], and the runtime's helpers
//! (`runtime/src/string.rs`) run std's own code for every method that is not a plain read
//! of `{ptr, len}`, so jit code's results are std's.
//!
//! A `&str` is `{ptr, len}` of valid UTF-8 (the invariant every producer keeps: Rust's
//! `&str` arguments, literals, and the parts std's methods and the char-boundary checked
//! `&s[a..b]` give).

use crate::methods::{Builtin, MethodSig};
use crate::types::{PrimTy, Type};

/// How a searching method matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrPattern {
    /// A `&str` argument.
    Str,
    /// A `char` argument.
    Char,
}

/// A method searching its receiver for a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrSearch {
    /// `s.starts_with(p)`: `bool`.
    StartsWith,
    /// `s.ends_with(p)`: `bool`.
    EndsWith,
    /// `s.contains(p)`: `bool`.
    Contains,
    /// `s.find(p)`: `Option<usize>`.
    Find,
    /// `s.rfind(p)`: `Option<usize>`.
    RFind,
}

impl StrSearch {
    /// Every searching method.
    pub const ALL: [StrSearch; 5] = [
        StrSearch::StartsWith,
        StrSearch::EndsWith,
        StrSearch::Contains,
        StrSearch::Find,
        StrSearch::RFind,
    ];

    /// std's name.
    pub fn name(self) -> &'static str {
        match self {
            StrSearch::StartsWith => "starts_with",
            StrSearch::EndsWith => "ends_with",
            StrSearch::Contains => "contains",
            StrSearch::Find => "find",
            StrSearch::RFind => "rfind",
        }
    }

    /// Whether the result is a position (`Option<usize>`) rather than a `bool`.
    pub fn finds(self) -> bool {
        matches!(self, StrSearch::Find | StrSearch::RFind)
    }
}

/// The iterators of a string that a `for` loop runs over (`lower/strings.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextIter {
    /// `s.chars()`: each `char`.
    Chars,
    /// `s.char_indices()`: each `(byte index, char)`.
    CharIndices,
    /// `s.bytes()`: each `u8`.
    Bytes,
    /// `s.split_whitespace()`: each `&str` between runs of whitespace.
    SplitWhitespace,
    /// `s.split(p)`: each `&str` between matches of `p`, a `&str` or a `char`.
    Split,
    /// `s.lines()`: each line, without its `\n` or `\r\n`.
    Lines,
}

impl TextIter {
    /// Every iterator.
    pub const ALL: [TextIter; 6] = [
        TextIter::Chars,
        TextIter::CharIndices,
        TextIter::Bytes,
        TextIter::SplitWhitespace,
        TextIter::Split,
        TextIter::Lines,
    ];

    /// std's name of the method making it.
    pub fn name(self) -> &'static str {
        match self {
            TextIter::Chars => "chars",
            TextIter::CharIndices => "char_indices",
            TextIter::Bytes => "bytes",
            TextIter::SplitWhitespace => "split_whitespace",
            TextIter::Split => "split",
            TextIter::Lines => "lines",
        }
    }

    /// Whether the method takes a pattern.
    pub fn takes_pattern(self) -> bool {
        self == TextIter::Split
    }

    /// The method users cannot name that takes one step (`" chars"`): its name is the
    /// iterator's after a space, so that messages name the iterator.
    pub fn step_method(self) -> &'static str {
        match self {
            TextIter::Chars => " chars",
            TextIter::CharIndices => " char_indices",
            TextIter::Bytes => " bytes",
            TextIter::SplitWhitespace => " split_whitespace",
            TextIter::Split => " split",
            TextIter::Lines => " lines",
        }
    }
}

/// Which end `trim` trims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trim {
    /// `s.trim()`.
    Both,
    /// `s.trim_start()`.
    Start,
    /// `s.trim_end()`.
    End,
}

/// What a method of `&str` computes; codegen matches on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrMethod {
    /// `s.len()`: the length in bytes.
    Len,
    /// `s.is_empty()`.
    IsEmpty,
    /// `s.as_bytes()`: the same `{ptr, len}` as a `&[u8]`.
    AsBytes,
    /// A search for a pattern (std's).
    Search(StrSearch, StrPattern),
    /// `trim`, `trim_start`, `trim_end` (std's).
    Trim(Trim),
    /// `s.eq_ignore_ascii_case(t)` (std's).
    EqIgnoreAsciiCase,
    /// One step of a string iterator from the cursor `state` (the loops of
    /// `lower/strings.rs`): the item's bytes `state.0 .. state.1`, `state.0` being
    /// `usize::MAX` at the end.
    Step(TextIter),
    /// The `char` starting at byte `i` (a char boundary a step found).
    CharAt,
    /// The byte at `i` (below the length: a step found it).
    ByteAt,
    /// The part `a .. b` (char boundaries a step found).
    Piece,
    /// `s.parse::<T>()` as an `Option<T>` (`.ok()`), or as a `T` that panics with std's
    /// message on an error (`.unwrap()`).
    Parse {
        /// `T`.
        prim: PrimTy,
        /// `.unwrap()`.
        unwrap: bool,
    },
}

/// The step method's argument and result: `(item start, item end, cursor, cursor)`.
pub fn step_state() -> Type {
    Type::Tuple(vec![Type::USIZE; 4])
}

/// The name of the hidden local holding the text of a loop over a string's iterator
/// (`lower/strings.rs`); a `String`'s stays lent while the loop may read it (codegen's
/// `block_expr` and `text_loop_lend.rs`), so the items borrowed from it cannot dangle.
pub const LOOP_TEXT: &str = " text";

/// See [`StrMethod::CharAt`]; a name users cannot write.
pub const CHAR_AT: &str = " char_at";
/// See [`StrMethod::ByteAt`].
pub const BYTE_AT: &str = " byte_at";
/// See [`StrMethod::Piece`].
pub const PIECE: &str = " piece";

/// The method users cannot name that parses to `prim` (`" parse::i64"`, `" unwrap
/// parse::i64"`): see [`StrMethod::Parse`].
pub fn parse_method(prim: PrimTy, unwrap: bool) -> String {
    format!(" {}parse::{prim}", if unwrap { "unwrap " } else { "" })
}

/// The method of a `&str` a user wrote where lowering calls the method `name` users cannot
/// write (`" chars"` stands for `for x in s.chars()`, `" parse::i64"` for
/// `s.parse::<i64>()`): `Some(Some(written))`; `Some(None)` for the reads of a loop's items,
/// which follow the loop's step on the same receiver; `None` for other names.
pub fn written_method(name: &str) -> Option<Option<&'static str>> {
    if let Some(iter) = TextIter::ALL.into_iter().find(|i| i.step_method() == name) {
        return Some(Some(iter.name()));
    }
    if matches!(name, CHAR_AT | BYTE_AT | PIECE) {
        return Some(None);
    }
    let rest = name.strip_prefix(' ')?;
    let rest = rest.strip_prefix("unwrap ").unwrap_or(rest);
    rest.strip_prefix("parse::")
        .and_then(PrimTy::from_name)
        .map(|_| Some("parse"))
}

/// The methods users call on a `&str`, for messages.
pub fn names() -> Vec<&'static str> {
    let mut out = vec![
        "as_bytes",
        "eq_ignore_ascii_case",
        "is_empty",
        "len",
        "parse",
        "trim",
        "trim_end",
        "trim_start",
    ];
    out.extend(StrSearch::ALL.iter().map(|s| s.name()));
    out.extend(TextIter::ALL.iter().map(|i| i.name()));
    out.sort_unstable();
    out
}

/// `s.name(..)` on a `&str`; `pattern` is the pattern argument's kind for the searching
/// methods (a `&str` when not known). `None` if no such method exists.
pub fn lookup(name: &str, pattern: StrPattern) -> Option<MethodSig> {
    let sig = |method: StrMethod, params: Vec<Type>, ret: Type| MethodSig {
        builtin: Builtin::Str(method),
        params,
        ret,
    };
    let pattern_type = match pattern {
        StrPattern::Str => Type::Str,
        StrPattern::Char => Type::CHAR,
    };
    if let Some(search) = StrSearch::ALL.into_iter().find(|s| s.name() == name) {
        let ret = if search.finds() {
            Type::Option(Box::new(Type::USIZE))
        } else {
            Type::BOOL
        };
        return Some(sig(
            StrMethod::Search(search, pattern),
            vec![pattern_type],
            ret,
        ));
    }
    if let Some(iter) = TextIter::ALL.into_iter().find(|i| i.step_method() == name) {
        let mut params = vec![step_state()];
        if iter.takes_pattern() {
            params.insert(0, pattern_type);
        }
        return Some(sig(StrMethod::Step(iter), params, step_state()));
    }
    if let Some(rest) = name.strip_prefix(' ') {
        let (unwrap, rest) = match rest.strip_prefix("unwrap ") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        if let Some(prim) = rest.strip_prefix("parse::").and_then(PrimTy::from_name) {
            let ret = if unwrap {
                Type::Prim(prim)
            } else {
                Type::Option(Box::new(Type::Prim(prim)))
            };
            return Some(sig(StrMethod::Parse { prim, unwrap }, vec![], ret));
        }
    }
    Some(match name {
        "len" => sig(StrMethod::Len, vec![], Type::USIZE),
        "is_empty" => sig(StrMethod::IsEmpty, vec![], Type::BOOL),
        "as_bytes" => sig(StrMethod::AsBytes, vec![], Type::byte_slice()),
        "trim" => sig(StrMethod::Trim(Trim::Both), vec![], Type::Str),
        "trim_start" => sig(StrMethod::Trim(Trim::Start), vec![], Type::Str),
        "trim_end" => sig(StrMethod::Trim(Trim::End), vec![], Type::Str),
        "eq_ignore_ascii_case" => sig(StrMethod::EqIgnoreAsciiCase, vec![Type::Str], Type::BOOL),
        CHAR_AT => sig(StrMethod::CharAt, vec![Type::USIZE], Type::CHAR),
        BYTE_AT => sig(StrMethod::ByteAt, vec![Type::USIZE], Type::U8),
        PIECE => sig(StrMethod::Piece, vec![Type::USIZE, Type::USIZE], Type::Str),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_is_found() {
        for name in names() {
            if name == "parse" {
                continue;
            }
            let found = lookup(name, StrPattern::Str).is_some()
                || TextIter::ALL.iter().any(|i| i.name() == name);
            assert!(found, "`{name}`");
        }
    }

    #[test]
    fn hidden_methods_name_what_users_wrote() {
        assert_eq!(written_method(" chars"), Some(Some("chars")));
        assert_eq!(written_method(" split"), Some(Some("split")));
        assert_eq!(written_method(PIECE), Some(None));
        assert_eq!(
            written_method(&parse_method(PrimTy::U8, true)),
            Some(Some("parse"))
        );
        assert_eq!(written_method("chars"), None);
        assert_eq!(written_method(" cmp"), None);
    }

    #[test]
    fn parse_methods_name_their_type() {
        let m = lookup(&parse_method(PrimTy::I64, false), StrPattern::Str).unwrap();
        assert_eq!(m.ret, Type::Option(Box::new(Type::I64)));
        let m = lookup(&parse_method(PrimTy::F64, true), StrPattern::Str).unwrap();
        assert_eq!(m.ret, Type::F64);
        assert!(lookup(" parse::String", StrPattern::Str).is_none());
    }
}
