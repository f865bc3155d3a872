//! std's own `char` methods for jit code: one `extern "C"` wrapper per method of
//! `jitclass_core::for_each_char_method!`, each a row made by [`mapped_fn!`] like
//! `crate::helpers`', so jit code's results are std's by construction.
//!
//! A `char` crosses as its `u32` scalar value. Every `char` jit code holds is one (its
//! producers are literals, `u8 as char`, Rust's `char`s and these wrappers), and a
//! wrapper checks it again with `char::from_u32` rather than assume it: no `unsafe`.

use crate::helpers::{MappedFn, mapped_fn};

/// One wrapper: `method` of `char`, taking the scalar value and returning the result
/// widened to a `u32` (`bool` as 0 or 1, `char` as its scalar value, `usize` as is: all
/// results of the listed methods fit).
pub(crate) struct CharFn {
    pub method: &'static str,
    pub function: MappedFn,
}

/// The `char` a jit value stands for (see the module docs for why it always is one).
fn scalar(c: u32) -> char {
    char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The value of a wrapper's result as a `u32`.
trait Widen {
    fn widen(self) -> u32;
}

impl Widen for bool {
    fn widen(self) -> u32 {
        u32::from(self)
    }
}

impl Widen for char {
    fn widen(self) -> u32 {
        u32::from(self)
    }
}

impl Widen for usize {
    fn widen(self) -> u32 {
        // `len_utf8` is at most 4.
        u32::try_from(self).unwrap_or(u32::MAX)
    }
}

macro_rules! char_wrappers {
    ($($result:ident: $($method:ident),* ;)*) => {
        #[allow(clippy::wrong_self_convention)]
        mod wrap_char {
            use super::{Widen, scalar};
            $($(
                pub(super) extern "C" fn $method(c: u32) -> u32 {
                    scalar(c).$method().widen()
                }
            )*)*
        }

        static TABLE: &[CharFn] = &[$($(
            CharFn {
                method: stringify!($method),
                function: mapped_fn!(
                    concat!("jitclass_rt_char_", stringify!($method)),
                    wrap_char::$method,
                    unsafe extern "C" fn(u32) -> u32
                ),
            },
        )*)*];
    };
}

jitclass_core::for_each_char_method!(char_wrappers);

/// What the digit helpers return for a radix std's method panics on.
pub(crate) const INVALID_RADIX: u64 = u64::MAX;
/// What the digit helpers return for `None`; `Some(x)` is `x` itself (below `2^32`).
pub(crate) const NONE: u64 = 1 << 32;

/// std's panic message of `c.to_digit(radix)` (and `c.is_digit(radix)`) for a radix
/// outside `2..=36` (the tests check it against std's).
pub(crate) const TO_DIGIT_RADIX_PANIC: &str =
    "to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive";
/// std's panic message of `char::from_digit(n, radix)` for a radix above 36.
pub(crate) const FROM_DIGIT_RADIX_PANIC: &str = "from_digit: radix is too high (maximum 36)";

/// `c.to_digit(radix)`, encoded as [`NONE`] and [`INVALID_RADIX`] say.
extern "C" fn to_digit(c: u32, radix: u32) -> u64 {
    if !(2..=36).contains(&radix) {
        return INVALID_RADIX;
    }
    scalar(c).to_digit(radix).map_or(NONE, u64::from)
}

/// `char::from_digit(n, radix)`, encoded as [`to_digit`]'s result.
extern "C" fn from_digit(n: u32, radix: u32) -> u64 {
    if radix > 36 {
        return INVALID_RADIX;
    }
    char::from_digit(n, radix).map_or(NONE, |c| u64::from(u32::from(c)))
}

/// The row of the `to_digit` helper.
pub(crate) fn to_digit_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_char_to_digit",
        to_digit,
        unsafe extern "C" fn(u32, u32) -> u64
    )
}

/// The row of the `from_digit` helper.
pub(crate) fn from_digit_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_char_from_digit",
        from_digit,
        unsafe extern "C" fn(u32, u32) -> u64
    )
}

/// The wrapper of `char::method` (one of [`jitclass_core::for_each_char_method`]'s).
pub(crate) fn char_fn(method: &str) -> Option<&'static CharFn> {
    TABLE.iter().find(|f| f.method == method)
}

/// Every wrapper, for `compiler/symbols.rs`.
pub(crate) fn mapped() -> impl Iterator<Item = MappedFn> {
    TABLE
        .iter()
        .map(|f| f.function)
        .chain([to_digit_fn(), from_digit_fn()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_char_method_has_a_wrapper() {
        use jitclass_core::methods::{Builtin, lookup, names_for};
        let c = jitclass_core::Type::CHAR;
        let mut wrapped = 0;
        for name in names_for(&c) {
            if let Some(Builtin::Char { method, .. }) = lookup(&c, name).map(|m| m.builtin) {
                assert!(char_fn(method).is_some(), "`char::{method}` has no wrapper");
                wrapped += 1;
            }
        }
        assert_eq!(wrapped, TABLE.len());
    }

    /// std's panic message of `f`.
    fn std_panic(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
        let payload = std::panic::catch_unwind(f).unwrap_err();
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap()
    }

    #[test]
    fn digit_helpers_encode_std_results_and_its_radix_panics() {
        for radix in [0, 1, 2, 10, 16, 36, 37, u32::MAX] {
            for c in ['0', '7', 'a', 'Z', 'z', '٣', ' '] {
                let got = to_digit(u32::from(c), radix);
                if (2..=36).contains(&radix) {
                    assert_eq!(got, c.to_digit(radix).map_or(NONE, u64::from));
                } else {
                    assert_eq!(got, INVALID_RADIX);
                    assert_eq!(
                        std_panic(move || {
                            std::hint::black_box(c.to_digit(radix));
                        }),
                        TO_DIGIT_RADIX_PANIC
                    );
                    assert_eq!(
                        std_panic(move || {
                            std::hint::black_box(c.is_digit(radix));
                        }),
                        TO_DIGIT_RADIX_PANIC
                    );
                }
            }
            for n in [0, 9, 10, 35, 36, u32::MAX] {
                let got = from_digit(n, radix);
                if radix <= 36 {
                    let want = char::from_digit(n, radix);
                    assert_eq!(got, want.map_or(NONE, |c| u64::from(u32::from(c))));
                } else {
                    assert_eq!(got, INVALID_RADIX);
                    assert_eq!(
                        std_panic(move || {
                            std::hint::black_box(char::from_digit(n, radix));
                        }),
                        FROM_DIGIT_RADIX_PANIC
                    );
                }
            }
        }
    }

    #[test]
    fn wrappers_compute_std_results() {
        assert_eq!(wrap_char::is_alphabetic(u32::from('é')), 1);
        assert_eq!(wrap_char::is_numeric(u32::from('٣')), 1);
        assert_eq!(wrap_char::is_ascii_digit(u32::from('٣')), 0);
        assert_eq!(
            wrap_char::to_ascii_uppercase(u32::from('q')),
            u32::from('Q')
        );
        assert_eq!(wrap_char::len_utf8(u32::from('€')), 3);
    }
}
