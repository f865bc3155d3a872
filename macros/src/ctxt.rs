//! `Ctxt`: the errors of one expansion, collected as its rules find them and emitted
//! together at the end (serde_derive's `internals::ctxt::Ctxt`).
//!
//! Every rule is a small function that takes the `Ctxt`, pushes a `syn::Error` at the
//! token when the input breaks it, and lets the expansion go on, so that one build
//! reports every error of an item. An item whose rules failed expands to its fallback
//! (its signature with a panicking body, the struct as written), so that its users get
//! no follow-up errors; an expansion stops early only where nothing more can be read
//! (`#[jit]` on a struct, an impl of an unreadable type).
//!
//! `finish` emits the errors in the order the rules found them, before the expansion's
//! tokens: UI tests' `.stderr` files follow that order. A `Ctxt` dropped unfinished
//! panics: errors must not get lost.

use proc_macro2::{Span, TokenStream};
use std::cell::RefCell;
use std::fmt::Display;

/// The errors found so far in one expansion.
pub(crate) struct Ctxt {
    /// `None` once finished.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

/// How many errors a `Ctxt` held at some point: whether the rules run on one item
/// since then failed is `Ctxt::failed_since(mark)`.
#[derive(Clone, Copy)]
pub(crate) struct Mark(usize);

impl Ctxt {
    pub(crate) fn new() -> Ctxt {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Reports `message` at `span`.
    pub(crate) fn error(&self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    pub(crate) fn push(&self, error: syn::Error) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("a finished `Ctxt` takes no errors")
            .push(error);
    }

    /// The value of `result`, or `None` with its errors reported (from a rule returning
    /// `syn::Result`, or from core's lowering, which collects its own).
    pub(crate) fn ok<T, E: IntoIterator<Item = syn::Error>>(
        &self,
        result: Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(errors) => {
                errors.into_iter().for_each(|e| self.push(e));
                None
            }
        }
    }

    pub(crate) fn mark(&self) -> Mark {
        Mark(self.count())
    }

    /// Whether an error was reported since `mark`.
    pub(crate) fn failed_since(&self, mark: Mark) -> bool {
        self.count() > mark.0
    }

    fn count(&self) -> usize {
        self.errors
            .borrow()
            .as_ref()
            .expect("a finished `Ctxt` has no count")
            .len()
    }

    /// The expansion: the errors as `compile_error!`s, in the order found, then `tokens`.
    pub(crate) fn finish(self, tokens: TokenStream) -> TokenStream {
        let errors = self
            .errors
            .borrow_mut()
            .take()
            .expect("a `Ctxt` is finished once");
        let errors = errors.iter().map(syn::Error::to_compile_error);
        quote::quote! { #(#errors)* #tokens }
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("a `Ctxt` was dropped without `finish`: its errors would be lost");
        }
    }
}
