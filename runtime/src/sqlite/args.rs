//! The SQL type rules: what a parameter of each jit type accepts from each SQLite storage
//! class, and the words of the SQL error when a value does not fit. The generated callbacks
//! check arguments by [`arg_rule`] (`compiler/sqlite/args.rs`), and the error helpers
//! (`errors.rs`) describe a refused value by the same rule, so the two cannot disagree.
//!
//! The rules are rusqlite's `FromSql` for the same Rust type, so a value a jit function
//! accepts is one `row.get::<_, T>()` would accept: integers take INTEGER values in their
//! range, floats take INTEGER (converted to the nearest float, as `as` does) and REAL
//! values, `bool` takes INTEGER (zero is `false`). Where rusqlite is silent or lossy, the
//! rule refuses rather than wraps: `u64` and `usize` take the non-negative INTEGERs (as
//! rusqlite's `fallible_uint` feature does), and a finite REAL beyond `f32`'s range is an
//! error, not an infinity. A NULL is handled before these rules (`None`, or the row skipped
//! or the result NULL).

use jitclass_core::PrimTy;
use rusqlite::ffi;
use std::fmt::Write;

/// What an SQL argument of a primitive jit type accepts (besides NULL).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArgRule {
    /// An INTEGER in `min..=max`; REAL, TEXT and BLOB values are refused.
    Integer { min: i64, max: i64 },
    /// An INTEGER: zero is `false`, anything else `true`.
    Bool,
    /// An INTEGER (converted to the nearest `f64`) or a REAL.
    F64,
    /// An INTEGER (converted to the nearest `f32`) or a REAL rounded to the nearest `f32`,
    /// unless it is finite and beyond `f32::MAX` (rounding would make it infinite).
    F32,
}

/// The one statement of what a parameter of type `p` accepts.
pub(crate) fn arg_rule(p: PrimTy) -> ArgRule {
    let range = |min: i128, max: i128| ArgRule::Integer {
        min: min.max(i128::from(i64::MIN)) as i64,
        max: max.min(i128::from(i64::MAX)) as i64,
    };
    match p {
        PrimTy::I8 => range(i8::MIN.into(), i8::MAX.into()),
        PrimTy::I16 => range(i16::MIN.into(), i16::MAX.into()),
        PrimTy::I32 => range(i32::MIN.into(), i32::MAX.into()),
        PrimTy::I64 => range(i64::MIN.into(), i64::MAX.into()),
        PrimTy::Isize => range(isize::MIN as i128, isize::MAX as i128),
        PrimTy::U8 => range(0, u8::MAX.into()),
        PrimTy::U16 => range(0, u16::MAX.into()),
        PrimTy::U32 => range(0, u32::MAX.into()),
        PrimTy::U64 => range(0, u64::MAX.into()),
        PrimTy::Usize => range(0, usize::MAX as i128),
        PrimTy::Bool => ArgRule::Bool,
        PrimTy::F64 => ArgRule::F64,
        PrimTy::F32 => ArgRule::F32,
        // `char` implements no `SqlValue`: no SQL function takes one.
        PrimTy::Char => unreachable!("`char` is not an SQL argument type"),
    }
}

impl ArgRule {
    /// Whether the rule takes REAL values (every rule takes INTEGERs).
    pub(crate) fn takes_real(self) -> bool {
        matches!(self, ArgRule::F64 | ArgRule::F32)
    }

    fn takes(self) -> &'static str {
        if self.takes_real() {
            "INTEGER or REAL values"
        } else {
            "INTEGER values"
        }
    }
}

/// The largest integer an SQL INTEGER holds: a `u64` or `usize` result above it is an
/// error rather than a negative number.
pub(crate) const MAX_SQL_INTEGER: u64 = i64::MAX as u64;

/// Where a value crosses: a parameter of an SQL function, or its result. Generated code
/// embeds the address of one of these (leaked, like compiled code) for its error paths.
pub(crate) struct Site {
    /// The SQL function's name.
    pub function: String,
    /// The 1-based SQL argument and the parameter's name, or `None` for the result.
    pub argument: Option<(usize, Option<String>)>,
    pub ty: PrimTy,
}

impl Site {
    /// `name(): argument 2 (`x`)` or `name(): the result`.
    pub(super) fn describe(&self) -> String {
        match &self.argument {
            Some((position, name)) => describe_argument(&self.function, *position, name),
            None => format!("{}(): the result", self.function),
        }
    }

    /// Leaks the site for generated code, which lives as long as the process.
    pub(crate) fn leak(self) -> usize {
        Box::leak(Box::new(self)) as *const Site as usize
    }
}

/// `function(): argument 2 (`x`)`, or without the name for a parameter that has none
/// worth showing (`_`, a pattern).
pub(super) fn describe_argument(function: &str, position: usize, name: &Option<String>) -> String {
    match name {
        Some(name) => format!("{function}(): argument {position} (`{name}`)"),
        None => format!("{function}(): argument {position}"),
    }
}

/// Why `value` does not fit the parameter at `site`.
pub(super) fn refusal(site: &Site, value: SqlValueRef) -> String {
    let rule = arg_rule(site.ty);
    let ty = site.ty;
    let mut out = site.describe();
    let _ = match value {
        SqlValueRef::Integer(i) => write!(out, " is {i}, out of range for `{ty}`"),
        SqlValueRef::Real(r) if rule.takes_real() => {
            write!(out, " is {r:e}, out of range for `{ty}`")
        }
        SqlValueRef::Real(r) => write!(out, " is the REAL {r:?}; `{ty}` takes {}", rule.takes()),
        SqlValueRef::Text(t) => write!(out, " is the TEXT {t:?}; `{ty}` takes {}", rule.takes()),
        SqlValueRef::Blob(n) => write!(
            out,
            " is a BLOB of {n} bytes; `{ty}` takes {}",
            rule.takes()
        ),
        SqlValueRef::Null => write!(out, " is NULL; a `{ty}` parameter is not an `Option`"),
    };
    out
}

/// An SQL value, as much of it as a message shows.
#[derive(Debug)]
pub(super) enum SqlValueRef {
    Integer(i64),
    Real(f64),
    /// The text, cut after a few dozen characters.
    Text(String),
    /// The length of the blob.
    Blob(usize),
    Null,
}

/// Reads `value` for a message.
///
/// # Safety
/// `value` is an argument of the running callback.
pub(super) unsafe fn read(value: *mut ffi::sqlite3_value) -> SqlValueRef {
    // SAFETY: guaranteed by the caller; the text pointer is valid for the byte count
    // SQLite reports, until the value changes (it is copied at once).
    unsafe {
        match ffi::sqlite3_value_type(value) {
            ffi::SQLITE_INTEGER => SqlValueRef::Integer(ffi::sqlite3_value_int64(value)),
            ffi::SQLITE_FLOAT => SqlValueRef::Real(ffi::sqlite3_value_double(value)),
            ffi::SQLITE_TEXT => {
                let text = ffi::sqlite3_value_text(value);
                let len = ffi::sqlite3_value_bytes(value).max(0) as usize;
                let bytes = if text.is_null() {
                    &[][..]
                } else {
                    std::slice::from_raw_parts(text, len)
                };
                let text = String::from_utf8_lossy(bytes);
                let mut shown: String = text.chars().take(40).collect();
                if shown.len() < text.len() {
                    shown.push_str("...");
                }
                SqlValueRef::Text(shown)
            }
            ffi::SQLITE_BLOB => SqlValueRef::Blob(ffi::sqlite3_value_bytes(value).max(0) as usize),
            _ => SqlValueRef::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(ty: PrimTy) -> Site {
        Site {
            function: "echo".into(),
            argument: Some((1, Some("a".into()))),
            ty,
        }
    }

    #[test]
    fn integer_rules_are_the_types_ranges_within_an_sql_integer() {
        assert_eq!(
            arg_rule(PrimTy::I8),
            ArgRule::Integer {
                min: -128,
                max: 127
            }
        );
        assert_eq!(
            arg_rule(PrimTy::U16),
            ArgRule::Integer { min: 0, max: 65535 }
        );
        assert_eq!(
            arg_rule(PrimTy::U64),
            ArgRule::Integer {
                min: 0,
                max: i64::MAX
            }
        );
        assert_eq!(
            arg_rule(PrimTy::I64),
            ArgRule::Integer {
                min: i64::MIN,
                max: i64::MAX
            }
        );
    }

    #[test]
    fn refusals_name_the_function_the_argument_and_the_type() {
        assert_eq!(
            refusal(&site(PrimTy::I8), SqlValueRef::Integer(300)),
            "echo(): argument 1 (`a`) is 300, out of range for `i8`"
        );
        assert_eq!(
            refusal(&site(PrimTy::I32), SqlValueRef::Real(3.0)),
            "echo(): argument 1 (`a`) is the REAL 3.0; `i32` takes INTEGER values"
        );
        assert_eq!(
            refusal(&site(PrimTy::F32), SqlValueRef::Real(1e300)),
            "echo(): argument 1 (`a`) is 1e300, out of range for `f32`"
        );
        assert_eq!(
            refusal(&site(PrimTy::F64), SqlValueRef::Text("12".into())),
            "echo(): argument 1 (`a`) is the TEXT \"12\"; `f64` takes INTEGER or REAL values"
        );
    }
}
