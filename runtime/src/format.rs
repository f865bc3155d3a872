//! std's formatting of one `format!` argument of jit code (and of `x.to_string()`), as a
//! helper row: the value comes with its placeholder's spec (`jitclass_core::format_spec`),
//! and std's `format_args!` formats it under that spec, so the text is std's by
//! construction.
//!
//! A format string fixes every flag at compile time, so each combination of alignment,
//! sign, `#`, `0`, precision and trait is one `write!` of [`with_spec!`]; width and
//! precision are runtime arguments (`w$`, `p$`). Only the fill character is free: a spec
//! with a fill other than a space is formatted twice, with two different fill characters,
//! and the characters where the two texts differ are the padding std inserted, which then
//! takes the fill asked for.

use crate::Type;
use crate::helpers::{MappedFn, mapped_fn};
use jitclass_core::PrimTy;
use jitclass_core::format_spec::{Align, Kind, Packed};
use std::cell::RefCell;
use std::fmt::{self, Write};

/// One value to format, of a jit type that has std's formatting traits.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'a> {
    I8(i8),
    I16(i16),
    I32(i32),
    I64(i64),
    Isize(isize),
    U8(u8),
    U16(u16),
    U32(u32),
    U64(u64),
    Usize(usize),
    F32(f32),
    F64(f64),
    Bool(bool),
    Char(char),
    Str(&'a str),
}

/// The tag of `Str` in [`Value::from_bits`] (the primitives' tags are [`tag_of`]'s).
const TAG_STR: u32 = 15;

/// The tag codegen passes for a value of jit type `t`; `None` for a type without std's
/// formatting traits (which inference refused).
pub(crate) fn tag_of(t: &Type) -> Option<u32> {
    if *t == Type::Str {
        return Some(TAG_STR);
    }
    Some(match t.prim()? {
        PrimTy::I8 => 0,
        PrimTy::I16 => 1,
        PrimTy::I32 => 2,
        PrimTy::I64 => 3,
        PrimTy::Isize => 4,
        PrimTy::U8 => 5,
        PrimTy::U16 => 6,
        PrimTy::U32 => 7,
        PrimTy::U64 => 8,
        PrimTy::Usize => 9,
        PrimTy::F32 => 10,
        PrimTy::F64 => 11,
        PrimTy::Bool => 12,
        PrimTy::Char => 13,
    })
}

impl Value<'_> {
    /// The value codegen passed: `bits` zero-/sign-extended (a float's bits), or for
    /// `TAG_STR` the text's length, at `text`.
    ///
    /// # Safety
    /// For `TAG_STR`, `text` is valid for `bits` bytes of UTF-8 reads for `'a`.
    unsafe fn from_bits<'a>(tag: u32, bits: u64, text: *const u8) -> Option<Value<'a>> {
        Some(match tag {
            0 => Value::I8(bits as i8),
            1 => Value::I16(bits as i16),
            2 => Value::I32(bits as i32),
            3 => Value::I64(bits as i64),
            4 => Value::Isize(bits as isize),
            5 => Value::U8(bits as u8),
            6 => Value::U16(bits as u16),
            7 => Value::U32(bits as u32),
            8 => Value::U64(bits),
            9 => Value::Usize(bits as usize),
            10 => Value::F32(f32::from_bits(bits as u32)),
            11 => Value::F64(f64::from_bits(bits)),
            12 => Value::Bool(bits != 0),
            13 => Value::Char(char::from_u32(bits as u32)?),
            TAG_STR => {
                // SAFETY: guaranteed by the caller (a jit `&str` is valid UTF-8).
                let bytes = unsafe { std::slice::from_raw_parts(text, bits as usize) };
                Value::Str(std::str::from_utf8(bytes).ok()?)
            }
            _ => return None,
        })
    }
}

/// The flags besides the fill, and the runtime width and precision.
struct Opts {
    packed: Packed,
    width: usize,
    precision: usize,
}

/// The fill a pass formats with: std's default (a space), or one of the two markers.
#[derive(Clone, Copy)]
enum Fill {
    Space,
    MarkerA,
    MarkerB,
}

/// `write!(out, "{:<fill><align><+><#><0>w$<.p$><letters>}", v)`, the flags read from
/// `o` (each combination one literal format string).
macro_rules! with_spec {
    ($out:ident, $v:ident, $o:ident, $fill:literal, $letters:literal) => {
        match $o.packed.align {
            Align::Unknown => with_spec!(@plus $out, $v, $o, $letters, []),
            Align::Left => with_spec!(@plus $out, $v, $o, $letters, [$fill "<"]),
            Align::Center => with_spec!(@plus $out, $v, $o, $letters, [$fill "^"]),
            Align::Right => with_spec!(@plus $out, $v, $o, $letters, [$fill ">"]),
        }
    };
    (@plus $out:ident, $v:ident, $o:ident, $letters:literal, [$($acc:literal)*]) => {
        if $o.packed.plus {
            with_spec!(@alt $out, $v, $o, $letters, [$($acc)* "+"])
        } else {
            with_spec!(@alt $out, $v, $o, $letters, [$($acc)*])
        }
    };
    (@alt $out:ident, $v:ident, $o:ident, $letters:literal, [$($acc:literal)*]) => {
        if $o.packed.alternate {
            with_spec!(@zero $out, $v, $o, $letters, [$($acc)* "#"])
        } else {
            with_spec!(@zero $out, $v, $o, $letters, [$($acc)*])
        }
    };
    (@zero $out:ident, $v:ident, $o:ident, $letters:literal, [$($acc:literal)*]) => {
        if $o.packed.zero {
            with_spec!(@precision $out, $v, $o, $letters, [$($acc)* "0"])
        } else {
            with_spec!(@precision $out, $v, $o, $letters, [$($acc)*])
        }
    };
    (@precision $out:ident, $v:ident, $o:ident, $letters:literal, [$($acc:literal)*]) => {
        if $o.packed.has_precision {
            write!(
                $out,
                concat!("{:", $($acc,)* "w$.p$", $letters, "}"),
                $v,
                w = $o.width,
                p = $o.precision
            )
        } else {
            write!($out, concat!("{:", $($acc,)* "w$", $letters, "}"), $v, w = $o.width)
        }
    };
}

/// One function per formatting trait, over `&dyn Trait` (one copy of the flag
/// combinations each).
macro_rules! trait_writer {
    ($name:ident, $tr:path, $letters:literal) => {
        fn $name(out: &mut String, v: &dyn $tr, o: &Opts, fill: Fill) -> fmt::Result {
            match fill {
                Fill::Space => with_spec!(out, v, o, " ", $letters),
                Fill::MarkerA => with_spec!(out, v, o, "\u{E000}", $letters),
                Fill::MarkerB => with_spec!(out, v, o, "\u{E001}", $letters),
            }
        }
    };
}

trait_writer!(write_display, fmt::Display, "");
trait_writer!(write_debug, fmt::Debug, "?");
trait_writer!(write_lower_hex, fmt::LowerHex, "x");
trait_writer!(write_upper_hex, fmt::UpperHex, "X");
trait_writer!(write_binary, fmt::Binary, "b");
trait_writer!(write_octal, fmt::Octal, "o");
trait_writer!(write_lower_exp, fmt::LowerExp, "e");
trait_writer!(write_upper_exp, fmt::UpperExp, "E");

/// Formats an integer value `$v` under `$kind` (every trait).
macro_rules! integer {
    ($out:ident, $v:expr, $kind:expr, $o:ident, $fill:ident) => {
        match $kind {
            Kind::Display => write_display($out, $v, $o, $fill),
            Kind::Debug => write_debug($out, $v, $o, $fill),
            Kind::LowerHex => write_lower_hex($out, $v, $o, $fill),
            Kind::UpperHex => write_upper_hex($out, $v, $o, $fill),
            Kind::Binary => write_binary($out, $v, $o, $fill),
            Kind::Octal => write_octal($out, $v, $o, $fill),
            Kind::LowerExp => write_lower_exp($out, $v, $o, $fill),
            Kind::UpperExp => write_upper_exp($out, $v, $o, $fill),
        }
    };
}

/// One pass of std's formatting of `v` with fill `fill`; `Err` for a trait the value's
/// type does not implement (which inference refuses before).
fn write_pass(out: &mut String, v: Value<'_>, o: &Opts, fill: Fill) -> fmt::Result {
    let kind = o.packed.kind;
    match v {
        Value::I8(x) => integer!(out, &x, kind, o, fill),
        Value::I16(x) => integer!(out, &x, kind, o, fill),
        Value::I32(x) => integer!(out, &x, kind, o, fill),
        Value::I64(x) => integer!(out, &x, kind, o, fill),
        Value::Isize(x) => integer!(out, &x, kind, o, fill),
        Value::U8(x) => integer!(out, &x, kind, o, fill),
        Value::U16(x) => integer!(out, &x, kind, o, fill),
        Value::U32(x) => integer!(out, &x, kind, o, fill),
        Value::U64(x) => integer!(out, &x, kind, o, fill),
        Value::Usize(x) => integer!(out, &x, kind, o, fill),
        Value::F32(x) => float(out, &x, kind, o, fill),
        Value::F64(x) => float(out, &x, kind, o, fill),
        Value::Bool(x) => text(out, &x, kind, o, fill),
        Value::Char(x) => text(out, &x, kind, o, fill),
        Value::Str(x) => text(out, &x, kind, o, fill),
    }
}

/// A float: `Display`, `Debug`, `LowerExp`, `UpperExp`.
fn float<T: fmt::Display + fmt::Debug + fmt::LowerExp + fmt::UpperExp>(
    out: &mut String,
    v: &T,
    kind: Kind,
    o: &Opts,
    fill: Fill,
) -> fmt::Result {
    match kind {
        Kind::Display => write_display(out, v, o, fill),
        Kind::Debug => write_debug(out, v, o, fill),
        Kind::LowerExp => write_lower_exp(out, v, o, fill),
        Kind::UpperExp => write_upper_exp(out, v, o, fill),
        _ => Err(fmt::Error),
    }
}

/// `bool`, `char`, `&str`: `Display`, `Debug`.
fn text<T: fmt::Display + fmt::Debug>(
    out: &mut String,
    v: &T,
    kind: Kind,
    o: &Opts,
    fill: Fill,
) -> fmt::Result {
    match kind {
        Kind::Display => write_display(out, v, o, fill),
        Kind::Debug => write_debug(out, v, o, fill),
        _ => Err(fmt::Error),
    }
}

/// `v` formatted as std formats it under the spec (`fill`, the packed flags, `width`
/// (0 when implied), and `precision` when the flags say one was given); `None` for a
/// trait `v`'s type lacks.
pub(crate) fn format_value(
    v: Value<'_>,
    fill: char,
    packed: Packed,
    width: usize,
    precision: usize,
) -> Option<String> {
    let o = Opts {
        packed,
        width,
        precision,
    };
    let mut out = String::new();
    if fill == ' ' || packed.align == Align::Unknown {
        write_pass(&mut out, v, &o, Fill::Space).ok()?;
        return Some(out);
    }
    let mut b = String::new();
    write_pass(&mut out, v, &o, Fill::MarkerA).ok()?;
    write_pass(&mut b, v, &o, Fill::MarkerB).ok()?;
    // The two passes differ exactly where std padded.
    Some(
        out.chars()
            .zip(b.chars())
            .map(|(x, y)| if x == y { x } else { fill })
            .collect(),
    )
}

thread_local! {
    /// The text [`format_arg`] made, which generated code copies out at once
    /// ([`formatted_text`]).
    static FORMATTED: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Formats one value (its `tag` and `bits`/`text`, the packed flags in the low 16 bits of
/// `tag_flags` and the tag above) into the thread's buffer; its length in bytes.
///
/// # Safety
/// For a `&str` value, `text` is valid for `bits` bytes of UTF-8 reads.
unsafe extern "C" fn format_arg(
    tag_flags: u32,
    fill: u32,
    bits: u64,
    text: *const u8,
    width: usize,
    precision: usize,
) -> usize {
    // SAFETY: guaranteed by the caller.
    let value = unsafe { Value::from_bits(tag_flags >> 16, bits, text) };
    let fill = char::from_u32(fill).unwrap_or(' ');
    // Codegen passes only values of formattable types under traits they implement
    // (inference refused the others), so `None` does not happen; it formats as nothing.
    let formatted = value
        .and_then(|v| {
            format_value(
                v,
                fill,
                Packed::unpack(tag_flags & 0xFFFF),
                width,
                precision,
            )
        })
        .unwrap_or_default();
    FORMATTED.with(|f| {
        let mut f = f.borrow_mut();
        *f = formatted;
        f.len()
    })
}

/// The text the last [`format_arg`] of this thread made; valid until the next call.
/// (`unsafe` only as the helper table's signatures are; it has no requirement.)
unsafe extern "C" fn formatted_text() -> *const u8 {
    FORMATTED.with(|f| f.borrow().as_ptr())
}

/// The helper formatting a `format!` argument.
pub(crate) fn format_arg_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_format_arg",
        format_arg,
        unsafe extern "C" fn(u32, u32, u64, *const u8, usize, usize) -> usize
    )
}

/// The helper giving the text [`format_arg`] made.
pub(crate) fn formatted_text_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_formatted_text",
        formatted_text,
        unsafe extern "C" fn() -> *const u8
    )
}

/// Every helper, for `compiler/symbols.rs`.
pub(crate) fn mapped() -> impl Iterator<Item = MappedFn> {
    [format_arg_fn(), formatted_text_fn()].into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jitclass_core::format_spec::Spec;

    /// `v` under the spec text `spec` (no argument counts), as the helper formats it.
    fn jit(v: Value<'_>, spec: &str, width: usize, precision: usize) -> String {
        let s = Spec::parse(spec).unwrap();
        format_value(
            v,
            s.fill.unwrap_or(' '),
            Packed::unpack(s.pack()),
            width,
            precision,
        )
        .unwrap()
    }

    #[test]
    fn numbers_as_std() {
        assert_eq!(
            jit(Value::F64(5.43217), ".3", 0, 3),
            format!("{:.3}", 5.43217)
        );
        assert_eq!(jit(Value::I32(42), ">8", 8, 0), format!("{:>8}", 42));
        assert_eq!(jit(Value::I32(-42), "*^9", 9, 0), format!("{:*^9}", -42));
        assert_eq!(
            jit(Value::F64(-2.5), "08.2", 8, 2),
            format!("{:08.2}", -2.5)
        );
        assert_eq!(jit(Value::I64(7), "+", 0, 0), format!("{:+}", 7i64));
        assert_eq!(jit(Value::I8(-1), "x", 0, 0), format!("{:x}", -1i8));
        assert_eq!(jit(Value::U32(255), "#X", 0, 0), format!("{:#X}", 255u32));
        assert_eq!(jit(Value::U8(5), "#010b", 10, 0), format!("{:#010b}", 5u8));
        assert_eq!(jit(Value::U16(8), "o", 0, 0), format!("{:o}", 8u16));
        assert_eq!(
            jit(Value::F32(1234.5), "e", 0, 0),
            format!("{:e}", 1234.5f32)
        );
        assert_eq!(
            jit(Value::Usize(1500), "E", 0, 0),
            format!("{:E}", 1500usize)
        );
        assert_eq!(jit(Value::F64(0.1), "?", 0, 0), format!("{:?}", 0.1));
        assert_eq!(jit(Value::F64(1.0), "", 0, 0), format!("{}", 1.0));
        assert_eq!(
            jit(Value::F64(f64::NAN), "+", 0, 0),
            format!("{:+}", f64::NAN)
        );
        assert_eq!(
            jit(Value::Isize(-3), "-<5", 5, 0),
            format!("{:-<5}", -3isize)
        );
    }

    #[test]
    fn text_as_std() {
        assert_eq!(
            jit(Value::Str("héllo"), "*<8.3", 8, 3),
            format!("{:*<8.3}", "héllo")
        );
        assert_eq!(
            jit(Value::Str("a\"b\n"), "?", 0, 0),
            format!("{:?}", "a\"b\n")
        );
        // std's `Debug` of `str` and `char` pads too: the passes say where.
        assert_eq!(jit(Value::Str("a"), "_>6?", 6, 0), format!("{:_>6?}", "a"));
        assert_eq!(jit(Value::Char('\''), "?", 0, 0), format!("{:?}", '\''));
        assert_eq!(jit(Value::Char('é'), "~^5", 5, 0), format!("{:~^5}", 'é'));
        assert_eq!(jit(Value::Bool(true), ">7", 7, 0), format!("{:>7}", true));
        // The fill may be one of the markers, or text the value holds.
        assert_eq!(
            jit(Value::Str("\u{E000}x"), "\u{E000}>5", 5, 0),
            format!("{:\u{E000}>5}", "\u{E000}x")
        );
        assert_eq!(jit(Value::Str("xx"), "x^6", 6, 0), format!("{:x^6}", "xx"));
    }

    #[test]
    fn a_trait_the_type_lacks_is_none() {
        let s = Spec::parse("x").unwrap();
        assert!(format_value(Value::F64(1.0), ' ', Packed::unpack(s.pack()), 0, 0).is_none());
        assert!(format_value(Value::Str("a"), ' ', Packed::unpack(s.pack()), 0, 0).is_none());
    }
}
