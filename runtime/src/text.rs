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

/// The wrapper of `char::method` (one of [`jitclass_core::for_each_char_method`]'s).
pub(crate) fn char_fn(method: &str) -> Option<&'static CharFn> {
    TABLE.iter().find(|f| f.method == method)
}

/// Every wrapper, for `compiler/symbols.rs`.
pub(crate) fn mapped() -> impl Iterator<Item = MappedFn> {
    TABLE.iter().map(|f| f.function)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_char_method_has_a_wrapper() {
        for name in jitclass_core::methods::names_for(&jitclass_core::Type::CHAR) {
            if name != "clone" {
                assert!(char_fn(name).is_some(), "`char::{name}` has no wrapper");
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
