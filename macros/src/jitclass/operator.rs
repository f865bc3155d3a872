//! An operator-trait impl (`#[jitclass] impl Mul<f64> for V`): which traits and methods
//! it may have, and the Rust methods the macro generates for it (`partial_cmp`). What
//! the traits are (their methods, receivers, what is generated from what) is read from
//! core's table, `jitclass_core::operators`, as are the messages' names.

use crate::ctxt::Ctxt;
use jitclass_core::ir::Receiver;
use jitclass_core::operators::{Generated, OperatorMethod, OperatorTrait, Syntax};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

/// An operator trait a `#[jitclass] impl` implements, as written.
pub(super) struct OperatorImpl {
    operator: OperatorTrait,
    /// The trait as rustc names it, for the dispatcher's name (`<V as Mul<f64>>::mul`).
    pub(super) shown: String,
    /// The trait's path as written, which names the impl's generated items (`Mul<f64>`
    /// and `Mul<V>` both have `mul`; a derive's `::core::cmp::PartialEq` and a written
    /// `PartialEq` are rustc's conflicting impls, not two items of one name).
    pub(super) written: String,
}

/// The operator trait of `impl Trait for V`; `None` (errors in `cx`) if jit code cannot
/// implement it.
pub(super) fn of_trait(
    cx: &Ctxt,
    (bang, path, _): &(Option<syn::Token![!]>, syn::Path, syn::Token![for]),
) -> Option<OperatorImpl> {
    if let Some(bang) = bang {
        cx.error(bang.span, "negative impls are not supported");
        return None;
    }
    OperatorImpl::of(cx, path)
}

impl OperatorImpl {
    pub(super) fn name(&self) -> &'static str {
        self.operator.name()
    }

    /// Whether its methods take `self` by value (`Add::add`) rather than by reference.
    pub(super) fn by_value(&self) -> bool {
        self.operator.receiver() == Receiver::Value
    }

    /// `Some(mutable)` for `Index` / `IndexMut`, whose methods return a place.
    pub(super) fn index_mut(&self) -> Option<bool> {
        self.operator.methods().find_map(|m| match m.syntax() {
            Syntax::Index { mutable } => Some(mutable),
            _ => None,
        })
    }

    fn of(cx: &Ctxt, path: &syn::Path) -> Option<OperatorImpl> {
        let last = path.segments.last().expect("a segment");
        let name = last.ident.to_string();
        // Its last segment, as rustc names the trait (`::core::cmp::PartialEq`, which a
        // derive writes, is `PartialEq`).
        let text = |t: &dyn quote::ToTokens| t.to_token_stream().to_string().replace(' ', "");
        let (shown, written) = (text(last), text(path));
        let Some(operator) = OperatorTrait::named(&name) else {
            cx.error(
                last.ident.span(),
                format!(
                    "`#[jitclass]` cannot implement `{name}`: jit code calls the operator traits {}",
                    backticked(OperatorTrait::ALL.iter().map(|t| t.name()))
                ),
            );
            return None;
        };
        Some(OperatorImpl {
            operator,
            shown,
            written,
        })
    }

    /// The method `name` of the trait, which `check_method` accepted.
    pub(super) fn method(&self, name: &syn::Ident) -> OperatorMethod {
        self.operator
            .method_named(&name.to_string())
            .expect("checked by `check_method`")
    }

    /// Whether the impl may define a function named `ident`; if not, reports why.
    pub(super) fn check_method(&self, cx: &Ctxt, ident: &syn::Ident) -> bool {
        self.check_not_generated(cx, ident) && self.check_method_of_trait(cx, ident)
    }

    /// A method the macro generates (`partial_cmp`) has a type jit code lacks.
    fn check_not_generated(&self, cx: &Ctxt, ident: &syn::Ident) -> bool {
        let Some(generated) = self.operator.generated().filter(|g| ident == g.name) else {
            return true;
        };
        let needs = generated.needs.name();
        cx.error(
            ident.span(),
            format!(
                "jit code has no `Ordering`: define `{needs}` (and, if they differ from what `{needs}` and `{}` give, {}); `{}` is generated from them",
                generated.equality.name(),
                backticked(self.others_than(generated.needs)),
                generated.name,
            ),
        );
        false
    }

    fn check_method_of_trait(&self, cx: &Ctxt, ident: &syn::Ident) -> bool {
        if self.operator.methods().any(|m| ident == m.name()) {
            return true;
        }
        cx.error(
            ident.span(),
            format!(
                "`{ident}` is not a method of `{}` that jit code calls; expected {}",
                self.name(),
                backticked(self.operator.methods().map(OperatorMethod::name))
            ),
        );
        false
    }

    /// Rust items the trait needs beyond what jit code provides (`partial_cmp`), given
    /// the functions the impl `defined`; none (errors in `cx`) if what they are generated
    /// from is missing. `span`: the trait's, where that is reported.
    pub(super) fn provided(&self, cx: &Ctxt, defined: &[String], span: Span) -> Vec<TokenStream> {
        let Some(generated) = self.operator.generated() else {
            return Vec::new();
        };
        if !self.check_defines_needed(cx, generated, defined, span) {
            return Vec::new();
        }
        vec![generated_method(generated)]
    }

    fn check_defines_needed(
        &self,
        cx: &Ctxt,
        generated: Generated,
        defined: &[String],
        span: Span,
    ) -> bool {
        let needs = generated.needs.name();
        if defined.iter().any(|d| d == needs) {
            return true;
        }
        cx.error(
            span,
            format!(
                "a `#[jitclass] impl {}` defines `{needs}`, from which `{}` (and any of {} not written) follow",
                self.name(),
                generated.name,
                backticked(self.others_than(generated.needs)),
            ),
        );
        false
    }

    /// The names of the trait's methods besides `method`.
    fn others_than(&self, method: OperatorMethod) -> impl Iterator<Item = &'static str> {
        self.operator
            .methods()
            .filter(move |&m| m != method)
            .map(OperatorMethod::name)
    }
}

/// `partial_cmp` from `lt` and `eq`: `Less` if `a < b`, `Greater` if `b < a`, `Equal` if
/// `a == b`, and otherwise none (a NaN among the compared values).
fn generated_method(generated: Generated) -> TokenStream {
    let name = format_ident!("{}", generated.name);
    let (less, less_trait) = method_path(generated.needs);
    let (equal, equal_trait) = method_path(generated.equality);
    quote! {
        fn #name(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
            if <Self as #less_trait>::#less(self, other) {
                ::core::option::Option::Some(::core::cmp::Ordering::Less)
            } else if <Self as #less_trait>::#less(other, self) {
                ::core::option::Option::Some(::core::cmp::Ordering::Greater)
            } else if <Self as #equal_trait>::#equal(self, other) {
                ::core::option::Option::Some(::core::cmp::Ordering::Equal)
            } else {
                ::core::option::Option::None
            }
        }
    }
}

/// The method's name, and its trait's path in `core` (`::core::cmp::PartialOrd`).
fn method_path(method: OperatorMethod) -> (syn::Ident, TokenStream) {
    let operator = method.operator_trait();
    let module = format_ident!("{}", operator.core_module());
    let name = format_ident!("{}", operator.name());
    (
        format_ident!("{}", method.name()),
        quote!(::core::#module::#name),
    )
}

/// "`a`, `b`, `c`", as messages list names.
fn backticked(names: impl Iterator<Item = &'static str>) -> String {
    names
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
