//! std's own `&str` algorithms for jit code: one `extern "C"` helper per method of
//! `jitclass_core::str_methods` that is more than a read of `{ptr, len}`, each a row made
//! by [`mapped_fn!`] like `crate::helpers`', running std's method on the `&str` rebuilt
//! from its parts, so jit code's results are std's by construction.
//!
//! Every `&str` jit code holds is `{ptr, len}` of valid UTF-8 that outlives the call it
//! is used in: a Rust caller's `&str` argument (borrowed for the call), a literal of the
//! module (immortal, as compiled code is), the bytes of a jit `String` (whose block the
//! view holds and lends, so they stay in place: `codegen/owned_text.rs`), or a part of
//! one of these that std's methods or the char-boundary check of [`slice`] gave. That is what [`text`] relies on. Positions jit
//! code passes back (a loop's cursor) are read with `str::get`, never trusted.
//!
//! A helper that fails as std would panic records std's message as the pending panic text
//! (`panic::set_panic_text`) and returns a failure code; jit code then panics with it at
//! the call's location.

use crate::helpers::{MappedFn, mapped_fn};
use crate::panic::set_panic_text;
use jitclass_core::str_methods::{StrPattern, StrSearch, TextIter, Trim};

/// What a position-returning helper gives for `None` (no `&str` is that long).
pub(crate) const NONE: u64 = u64::MAX;

/// The `&str` jit code passes as `ptr, len`.
///
/// # Safety
/// `ptr, len` are the parts of a jit `&str` value (see the module docs): valid UTF-8,
/// alive for the duration of the helper's call.
unsafe fn text<'a>(ptr: *const u8, len: usize) -> &'a str {
    if len == 0 {
        return "";
    }
    // SAFETY: the caller passes a live jit `&str` (module docs), whose bytes are UTF-8.
    unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len)) }
}

/// The `char` a jit value stands for (always one: see `text.rs`).
fn scalar(c: u32) -> char {
    char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER)
}

fn position(found: Option<usize>) -> u64 {
    found.map_or(NONE, |i| i as u64)
}

/// `a.cmp(b)` of two `&str`s as `-1`, `0`, `1` (Rust's `Ord for str`: byte order).
unsafe extern "C" fn cmp(a: *const u8, alen: usize, b: *const u8, blen: usize) -> i32 {
    // SAFETY: two jit `&str` values (module docs).
    let (a, b) = unsafe { (text(a, alen), text(b, blen)) };
    a.cmp(b) as i32
}

macro_rules! searches {
    ($($variant:ident: $str_fn:ident, $char_fn:ident = $method:ident -> $wrap:expr;)*) => {
        $(
            unsafe extern "C" fn $str_fn(s: *const u8, len: usize, p: *const u8, plen: usize) -> u64 {
                // SAFETY: two jit `&str` values (module docs).
                let (s, p) = unsafe { (text(s, len), text(p, plen)) };
                #[allow(clippy::redundant_closure_call)]
                ($wrap)(s.$method(p))
            }
            unsafe extern "C" fn $char_fn(s: *const u8, len: usize, c: u32) -> u64 {
                // SAFETY: a jit `&str` value (module docs).
                let s = unsafe { text(s, len) };
                #[allow(clippy::redundant_closure_call)]
                ($wrap)(s.$method(scalar(c)))
            }
        )*

        /// The helper of `s.search(pattern)`.
        pub(crate) fn search_fn(search: StrSearch, pattern: StrPattern) -> MappedFn {
            match (search, pattern) {
                $(
                    (StrSearch::$variant, StrPattern::Str) => mapped_fn!(
                        concat!("jitclass_rt_str_", stringify!($str_fn)),
                        $str_fn,
                        unsafe extern "C" fn(*const u8, usize, *const u8, usize) -> u64
                    ),
                    (StrSearch::$variant, StrPattern::Char) => mapped_fn!(
                        concat!("jitclass_rt_str_", stringify!($char_fn)),
                        $char_fn,
                        unsafe extern "C" fn(*const u8, usize, u32) -> u64
                    ),
                )*
            }
        }
    };
}

searches! {
    StartsWith: starts_with, starts_with_char = starts_with -> u64::from;
    EndsWith: ends_with, ends_with_char = ends_with -> u64::from;
    Contains: contains, contains_char = contains -> u64::from;
    Find: find, find_char = find -> position;
    RFind: rfind, rfind_char = rfind -> position;
}

/// `s.trim()` (and `trim_start`, `trim_end`) of a jit `&str`: writes the result's offset
/// from `s` and its length to `out`.
unsafe fn trimmed(how: Trim, s: *const u8, len: usize, out: *mut usize) {
    // SAFETY: a jit `&str` value (module docs).
    let s = unsafe { text(s, len) };
    let t = match how {
        Trim::Both => s.trim(),
        Trim::Start => s.trim_start(),
        Trim::End => s.trim_end(),
    };
    let offset = t.as_ptr() as usize - s.as_ptr() as usize;
    // SAFETY: codegen passes two `usize`s of stack memory.
    unsafe {
        out.write(offset);
        out.add(1).write(t.len());
    }
}

unsafe extern "C" fn trim(s: *const u8, len: usize, out: *mut usize) {
    // SAFETY: forwarded from the caller.
    unsafe { trimmed(Trim::Both, s, len, out) }
}

unsafe extern "C" fn trim_start(s: *const u8, len: usize, out: *mut usize) {
    // SAFETY: forwarded from the caller.
    unsafe { trimmed(Trim::Start, s, len, out) }
}

unsafe extern "C" fn trim_end(s: *const u8, len: usize, out: *mut usize) {
    // SAFETY: forwarded from the caller.
    unsafe { trimmed(Trim::End, s, len, out) }
}

/// The helper of `s.trim()`, `trim_start()`, `trim_end()`.
pub(crate) fn trim_fn(how: Trim) -> MappedFn {
    type Sig = unsafe extern "C" fn(*const u8, usize, *mut usize);
    match how {
        Trim::Both => mapped_fn!("jitclass_rt_str_trim", trim, Sig),
        Trim::Start => mapped_fn!("jitclass_rt_str_trim_start", trim_start, Sig),
        Trim::End => mapped_fn!("jitclass_rt_str_trim_end", trim_end, Sig),
    }
}

unsafe extern "C" fn eq_ignore_ascii_case(
    a: *const u8,
    alen: usize,
    b: *const u8,
    blen: usize,
) -> u64 {
    // SAFETY: two jit `&str` values (module docs).
    let (a, b) = unsafe { (text(a, alen), text(b, blen)) };
    u64::from(a.eq_ignore_ascii_case(b))
}

/// The `char` at byte `i` of a jit `&str` (a char boundary a loop's step found).
unsafe extern "C" fn char_at(s: *const u8, len: usize, i: usize) -> u32 {
    // SAFETY: a jit `&str` value (module docs).
    let s = unsafe { text(s, len) };
    s.get(i..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, u32::from)
}

/// One step of the iterator `kind` over `s` (with the pattern `p` for `split`, or the
/// `char` `plen` if `p` is null) from the
/// cursor `state[2..4]`: writes the next item's bytes to `state[0..2]` (`state[0]` =
/// `usize::MAX` when there is none) and the new cursor to `state[2..4]`. Each item is the
/// one std's iterator gives next from the same position.
unsafe extern "C" fn step(
    kind: u32,
    s: *const u8,
    len: usize,
    p: *const u8,
    plen: usize,
    state: *mut usize,
) {
    if TextIter::ALL.get(kind as usize) == Some(&TextIter::SplitWhitespace) {
        // The loop of most text programs, one call per word: no pattern to set up, and
        // the words found by a byte scan (`next_word`).
        // SAFETY: a jit `&str` value (module docs); `state` is four `usize`s of stack
        // memory.
        let (s, io) = unsafe { (text(s, len), &mut *state.cast::<[usize; 4]>()) };
        *io = match next_word(s, io[2]) {
            Some((a, b)) => [a, b, b, 0],
            None => [usize::MAX, usize::MAX, len, len],
        };
        return;
    }
    // A `char` pattern comes as a null `p` and its scalar value in `plen`: splitting at a
    // `char` is splitting at its UTF-8 bytes.
    let mut buf = [0u8; 4];
    // SAFETY: jit `&str` values (module docs); `state` is four `usize`s of stack memory.
    let (s, p, io) = unsafe {
        let p = if p.is_null() {
            &*scalar(u32::try_from(plen).unwrap_or(0)).encode_utf8(&mut buf)
        } else {
            text(p, plen)
        };
        (text(s, len), p, std::slice::from_raw_parts_mut(state, 4))
    };
    let (pos, aux) = (io[2], io[3]);
    let item = TextIter::ALL
        .get(kind as usize)
        .and_then(|&iter| next_item(iter, s, p, pos, aux));
    match item {
        Some(((a, b), (pos, aux))) => io.copy_from_slice(&[a, b, pos, aux]),
        None => io.copy_from_slice(&[usize::MAX, usize::MAX, len, len]),
    }
}

/// `split_whitespace`'s next word in `s` from byte `pos` (a char boundary, or the end):
/// its bytes, or `None` when only whitespace is left. The same words as std's
/// `split(char::is_whitespace)` without empty pieces (`next_item`), found byte by byte:
/// an ASCII byte is a char of its own, tested against the six ASCII whitespace chars,
/// and only a non-ASCII char is decoded.
fn next_word(s: &str, pos: usize) -> Option<(usize, usize)> {
    /// Whether the char at byte `i` (a char boundary) is whitespace, and its width;
    /// `None` at the end. Inlined into the scans: it runs once per byte.
    #[inline(always)]
    fn char_at(s: &str, i: usize) -> Option<(bool, usize)> {
        let b = *s.as_bytes().get(i)?;
        if b.is_ascii() {
            // `char::is_whitespace` of ASCII: `\t`, `\n`, VT, FF, `\r` and the space.
            return Some((matches!(b, b'\t'..=b'\r' | b' '), 1));
        }
        decoded(s, i)
    }
    /// [`char_at`] of a non-ASCII char.
    #[inline(never)]
    fn decoded(s: &str, i: usize) -> Option<(bool, usize)> {
        let c = s.get(i..)?.chars().next()?;
        Some((c.is_whitespace(), c.len_utf8()))
    }
    let mut i = pos;
    loop {
        let (space, width) = char_at(s, i)?;
        if !space {
            break;
        }
        i += width;
    }
    let start = i;
    while let Some((space, width)) = char_at(s, i) {
        if space {
            break;
        }
        i += width;
    }
    Some((start, i))
}

/// The next item of `iter` over `s` from the cursor `(pos, aux)`: its bytes, and the new
/// cursor. For `split`, `pos` is where the next piece starts and `aux` where the search for
/// the next match starts (past the end once the last piece is given), as std's
/// `SplitInternal` keeps them; for the others `pos` is where to go on.
fn next_item(
    iter: TextIter,
    s: &str,
    p: &str,
    pos: usize,
    aux: usize,
) -> Option<((usize, usize), (usize, usize))> {
    if iter == TextIter::Bytes {
        // Bytes step inside chars too.
        return (pos < s.len()).then_some(((pos, pos + 1), (pos + 1, 0)));
    }
    let rest = s.get(pos..)?;
    match iter {
        TextIter::Chars | TextIter::CharIndices => {
            let c = rest.chars().next()?;
            Some(((pos, pos + c.len_utf8()), (pos + c.len_utf8(), 0)))
        }
        TextIter::Bytes => None,
        TextIter::SplitWhitespace => next_word(s, pos).map(|(a, b)| ((a, b), (b, 0))),
        TextIter::Lines => {
            // std: `split_inclusive('\n')`, each line without its `\n` or `\r\n`.
            if rest.is_empty() {
                return None;
            }
            Some(match rest.find('\n') {
                Some(i) => {
                    let line = &rest[..i];
                    let line = line.strip_suffix('\r').unwrap_or(line);
                    ((pos, pos + line.len()), (pos + i + 1, 0))
                }
                None => ((pos, s.len()), (s.len(), 0)),
            })
        }
        TextIter::Split => {
            // `aux`: past the end by one once no match is left (the last piece comes
            // next), by two once it came.
            let last = ((pos, s.len()), (s.len(), s.len() + 2));
            if aux > s.len() + 1 {
                return None;
            }
            if aux == s.len() + 1 {
                return Some(last);
            }
            // The next match at or after `aux` (std's `StrSearcher`: for an empty pattern,
            // every char boundary in turn, the end included).
            match s.get(aux..)?.find(p).map(|i| aux + i) {
                Some(m) => {
                    let next_search = if p.is_empty() {
                        m + s[m..].chars().next().map_or(1, char::len_utf8)
                    } else {
                        m + p.len()
                    };
                    Some(((pos, m), (m + p.len(), next_search)))
                }
                None => Some(last),
            }
        }
    }
}

/// std's panic message of `&s[begin..end]` when it is not a part of `s` (out of bounds,
/// reversed, or not on char boundaries); `None` when it is.
pub(crate) fn slice_error(s: &str, begin: usize, end: usize) -> Option<String> {
    if begin <= end && s.get(begin..end).is_some() {
        return None;
    }
    Some(if begin > s.len() {
        out_of_bounds(s, "start", begin)
    } else if end > s.len() {
        out_of_bounds(s, "end", end)
    } else if begin > end {
        reversed(s, begin, end)
    } else if !s.is_char_boundary(begin) {
        inside_char(s, "start", begin)?
    } else {
        inside_char(s, "end", end)?
    })
}

/// std's panic message of `&s[begin..=end]` when it is not a part of `s`; `None` when it
/// is. std checks an inclusive range in an order of its own, and names the `end` written
/// when it is out of bounds but `end + 1` when that is inside a character.
pub(crate) fn slice_inclusive_error(s: &str, begin: usize, end: usize) -> Option<String> {
    if begin > s.len() {
        return Some(out_of_bounds(s, "start", begin));
    }
    if end > s.len() {
        return Some(out_of_bounds(s, "end", end));
    }
    // No overflow: `end <= s.len()`.
    let past = end + 1;
    if begin > past {
        return Some(reversed(s, begin, past));
    }
    if !s.is_char_boundary(begin) {
        return inside_char(s, "start", begin);
    }
    if end == s.len() {
        return Some(out_of_bounds(s, "end", end));
    }
    if !s.is_char_boundary(past) {
        return inside_char(s, "end", past);
    }
    None
}

/// `s` as std's slicing messages show it: its first 256 bytes (to a char boundary), and
/// `[...]` if that is not all of it.
fn shown(s: &str) -> String {
    const MAX_DISPLAY_LENGTH: usize = 256;
    let trunc_len = floor_char_boundary(s, MAX_DISPLAY_LENGTH);
    let ellipsis = if trunc_len < s.len() { "[...]" } else { "" };
    format!("`{}`{ellipsis}", &s[..trunc_len])
}

fn out_of_bounds(s: &str, which: &str, index: usize) -> String {
    format!(
        "{which} byte index {index} is out of bounds of {}",
        shown(s)
    )
}

fn reversed(s: &str, begin: usize, end: usize) -> String {
    format!("begin > end ({begin} > {end}) when slicing {}", shown(s))
}

/// The message of an `index` inside a character of `s` (`None` if it is not).
fn inside_char(s: &str, which: &str, index: usize) -> Option<String> {
    let char_start = floor_char_boundary(s, index);
    let ch = s[char_start..].chars().next()?;
    let char_range = char_start..char_start + ch.len_utf8();
    Some(format!(
        "{which} byte index {index} is not a char boundary; it is inside {ch:?} (bytes {char_range:?}) of {}",
        shown(s)
    ))
}

/// The largest char boundary of `s` at or below `index`.
fn floor_char_boundary(s: &str, index: usize) -> usize {
    if index >= s.len() {
        return s.len();
    }
    (0..=index)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

/// `&s[begin..end]`: 0 if it is a part of `s`, else 1 after recording std's message.
unsafe extern "C" fn slice(s: *const u8, len: usize, begin: usize, end: usize) -> u8 {
    // SAFETY: a jit `&str` value (module docs).
    let s = unsafe { text(s, len) };
    match slice_error(s, begin, end) {
        None => 0,
        Some(message) => {
            set_panic_text(message);
            1
        }
    }
}

/// `&s[begin..=end]`: 0 if it is a part of `s`, else 1 after recording std's message.
unsafe extern "C" fn slice_inclusive(s: *const u8, len: usize, begin: usize, end: usize) -> u8 {
    // SAFETY: a jit `&str` value (module docs).
    let s = unsafe { text(s, len) };
    match slice_inclusive_error(s, begin, end) {
        None => 0,
        Some(message) => {
            set_panic_text(message);
            1
        }
    }
}

/// The row of the `&s[a..b]` check (`&s[a..=b]` if `inclusive`).
pub(crate) fn slice_fn(inclusive: bool) -> MappedFn {
    type Sig = unsafe extern "C" fn(*const u8, usize, usize, usize) -> u8;
    if inclusive {
        mapped_fn!("jitclass_rt_str_slice_inclusive", slice_inclusive, Sig)
    } else {
        mapped_fn!("jitclass_rt_str_slice", slice, Sig)
    }
}

/// What parsing as one primitive writes: its value's bits, widened to a `u64`.
trait ParseBits: std::str::FromStr<Err: std::fmt::Debug> {
    fn bits(self) -> u64;
}

macro_rules! parse_bits {
    ($($t:ty => |$v:ident| $bits:expr;)*) => {$(
        impl ParseBits for $t {
            fn bits(self) -> u64 {
                let $v = self;
                $bits
            }
        }
    )*};
}

parse_bits! {
    i8 => |v| v as i64 as u64; i16 => |v| v as i64 as u64; i32 => |v| v as i64 as u64;
    i64 => |v| v as u64; isize => |v| v as i64 as u64;
    u8 => |v| u64::from(v); u16 => |v| u64::from(v); u32 => |v| u64::from(v);
    u64 => |v| v; usize => |v| v as u64;
    f32 => |v| u64::from(v.to_bits()); f64 => |v| v.to_bits();
    bool => |v| u64::from(v); char => |v| u64::from(u32::from(v));
}

/// `s.parse::<T>()`: 0 and the value's bits in `out`, or 1 (after recording
/// `Result::unwrap`'s message with std's error if `unwrap` is not 0).
///
/// # Safety
/// A jit `&str` value (module docs); `out` one writable `u64`.
unsafe fn parse_as<T: ParseBits>(s: *const u8, len: usize, out: *mut u64, unwrap: u8) -> u8 {
    // SAFETY: forwarded from the caller.
    let s = unsafe { text(s, len) };
    match s.parse::<T>() {
        Ok(v) => {
            // SAFETY: forwarded from the caller.
            unsafe { out.write(v.bits()) };
            0
        }
        Err(e) => {
            if unwrap != 0 {
                set_panic_text(format!(
                    "called `Result::unwrap()` on an `Err` value: {e:?}"
                ));
            }
            1
        }
    }
}

macro_rules! parsers {
    ($($t:ident),*) => {
        mod parse {
            $(
                pub(super) unsafe extern "C" fn $t(s: *const u8, len: usize, out: *mut u64, unwrap: u8) -> u8 {
                    // SAFETY: forwarded from the caller (codegen: a jit `&str`, a stack `u64`).
                    unsafe { super::parse_as::<$t>(s, len, out, unwrap) }
                }
            )*
        }

        /// The helper parsing as `prim`.
        pub(crate) fn parse_fn(prim: jitclass_core::PrimTy) -> MappedFn {
            type Sig = unsafe extern "C" fn(*const u8, usize, *mut u64, u8) -> u8;
            match prim.name() {
                $(stringify!($t) => mapped_fn!(concat!("jitclass_rt_str_parse_", stringify!($t)), parse::$t, Sig),)*
                _ => unreachable!("every primitive parses"),
            }
        }

        fn parse_fns() -> impl Iterator<Item = MappedFn> {
            jitclass_core::PrimTy::ALL.into_iter().map(parse_fn)
        }
    };
}

parsers!(
    i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64, bool, char
);

/// The row of the comparison helper.
pub(crate) fn cmp_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_str_cmp",
        cmp,
        unsafe extern "C" fn(*const u8, usize, *const u8, usize) -> i32
    )
}

/// The row of `eq_ignore_ascii_case`.
pub(crate) fn eq_ignore_ascii_case_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_str_eq_ignore_ascii_case",
        eq_ignore_ascii_case,
        unsafe extern "C" fn(*const u8, usize, *const u8, usize) -> u64
    )
}

/// The row of the `char` decoder of `chars()` loops.
pub(crate) fn char_at_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_str_char_at",
        char_at,
        unsafe extern "C" fn(*const u8, usize, usize) -> u32
    )
}

/// The row of a string iterator's step.
pub(crate) fn step_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_str_step",
        step,
        unsafe extern "C" fn(u32, *const u8, usize, *const u8, usize, *mut usize)
    )
}

/// Every helper, for `compiler/symbols.rs`.
pub(crate) fn mapped() -> impl Iterator<Item = MappedFn> {
    let searches = StrSearch::ALL.into_iter().flat_map(|s| {
        [
            search_fn(s, StrPattern::Str),
            search_fn(s, StrPattern::Char),
        ]
    });
    [
        cmp_fn(),
        eq_ignore_ascii_case_fn(),
        char_at_fn(),
        step_fn(),
        slice_fn(false),
        slice_fn(true),
        trim_fn(Trim::Both),
        trim_fn(Trim::Start),
        trim_fn(Trim::End),
    ]
    .into_iter()
    .chain(searches)
    .chain(parse_fns())
}

#[cfg(test)]
mod tests;
