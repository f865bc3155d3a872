//! The methods of `char` that jit code may call, listed once: the method table
//! (`methods.rs`) and the runtime's wrappers of std's own methods (`runtime/src/text.rs`)
//! are both made from this list, so they cannot disagree about what exists.

/// Calls `$callback! { bool: m, ..; char: m, ..; usize: m, .. }` with every `char` method
/// jit code may call that takes only its receiver, grouped by result type. Each is std's
/// method, called by the runtime: jit code's results are std's.
#[doc(hidden)]
#[macro_export]
macro_rules! for_each_char_method {
    ($callback:ident) => {
        $callback! {
            bool: is_alphabetic, is_numeric, is_alphanumeric, is_whitespace, is_lowercase,
                is_uppercase, is_control, is_ascii, is_ascii_alphabetic, is_ascii_digit,
                is_ascii_alphanumeric, is_ascii_whitespace, is_ascii_lowercase,
                is_ascii_uppercase, is_ascii_punctuation, is_ascii_hexdigit, is_ascii_graphic,
                is_ascii_control;
            char: to_ascii_lowercase, to_ascii_uppercase;
            usize: len_utf8;
        }
    };
}

/// The result type of a `char` method of [`for_each_char_method!`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharMethodResult {
    /// `bool` (the predicates).
    Bool,
    /// `char` (the ASCII case maps).
    Char,
    /// `usize` (`len_utf8`).
    Usize,
}
