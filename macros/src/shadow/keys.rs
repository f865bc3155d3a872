//! The key items of a shadow: per member name the body uses (`e.name`, `self.name`, a
//! struct literal's `name: value`), a key struct `__keys::name` standing for
//! `Name<hash(name)>`, and the trait through which it names a member of a class, whose
//! `#[diagnostic::on_unimplemented]` is rustc's message for a name the class lacks; for a
//! name the body assigns (`e.name = value`), the same for an assignable member.

use jitclass_core::member_hash;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeSet;

/// The items of the keys of `names` (texts without `r#`), for a `const _: () = { .. }`
/// block in which the shadow's functions refer to `__keys::name`; the names in `assigned`
/// (a subset) can also be assigned through their keys, those in `in_place` changed in
/// place (`e.name += value`).
pub(crate) fn key_items(
    names: &BTreeSet<String>,
    assigned: &BTreeSet<String>,
    in_place: &BTreeSet<String>,
) -> TokenStream {
    let shadow = quote!(::jitclass::__private::shadow);
    let structs = names.iter().map(|name| {
        let key = key_ident(name);
        let hash = member_hash(name);
        quote! {
            pub struct #key {}
            impl #shadow::FieldKey for #key {
                type N = #shadow::Name<#hash>;
            }
        }
    });
    let traits = names.iter().map(|name| {
        let key = key_ident(name);
        let hash = member_hash(name);
        // The trait's name is in rustc's help line under the message ("the trait `..` is
        // not implemented for `C`"): it says what is missing.
        let has = format_ident!("has_field_or_property_{}", name);
        // Named as rustc names a field: a keyword with `r#` (`r#match`).
        let shown = key_ident(name);
        let message = format!("no field or property `{shown}` on type `{{Self}}`");
        quote! {
            #[diagnostic::on_unimplemented(message = #message, label = "unknown field")]
            #[allow(non_camel_case_types)]
            pub trait #has {
                type T;
            }
            #[diagnostic::do_not_recommend]
            impl<C: #shadow::Member<#shadow::Name<#hash>>> #has for C {
                type T = <C as #shadow::Member<#shadow::Name<#hash>>>::T;
            }
            impl<C: #has> #shadow::KeyFor<C> for __keys::#key {
                type T = <C as #has>::T;
            }
        }
    });
    let setters = assigned.iter().map(|name| {
        let key = key_ident(name);
        let hash = member_hash(name);
        let can = format_ident!("assignable_field_or_property_{}", name);
        let shown = key_ident(name);
        let message = format!(
            "cannot assign to `{shown}` of type `{{Self}}`: it has no field or `#[setter]` property `{shown}`"
        );
        quote! {
            #[diagnostic::on_unimplemented(message = #message, label = "not assignable")]
            #[allow(non_camel_case_types)]
            pub trait #can {
                type T;
            }
            #[diagnostic::do_not_recommend]
            impl<C: #shadow::Settable<#shadow::Name<#hash>>> #can for C {
                type T = <C as #shadow::Settable<#shadow::Name<#hash>>>::T;
            }
            impl<C: #can> #shadow::SetKey<C> for __keys::#key {
                type T = <C as #can>::T;
            }
        }
    });
    let places = in_place.iter().map(|name| {
        let key = key_ident(name);
        let hash = member_hash(name);
        let can = format_ident!("field_{}", name);
        let shown = key_ident(name);
        let message = format!("no field `{shown}` on type `{{Self}}`");
        quote! {
            #[diagnostic::on_unimplemented(
                message = #message,
                label = "not a field",
                note = "a `#[getter]` property is not a place: it cannot be assigned in place"
            )]
            #[allow(non_camel_case_types)]
            pub trait #can {
                type T;
            }
            #[diagnostic::do_not_recommend]
            impl<C: #shadow::MemberMut<#shadow::Name<#hash>>> #can for C {
                type T = <C as #shadow::MemberMut<#shadow::Name<#hash>>>::T;
            }
            impl<C: #can> #shadow::PlaceKey<C> for __keys::#key {
                type T = <C as #can>::T;
            }
        }
    });
    quote! {
        #[allow(warnings, clippy::all, clippy::pedantic)]
        mod __keys {
            #(#structs)*
        }
        #(#traits)*
        #(#setters)*
        #(#places)*
    }
}

/// The key struct of `name`: the name itself (raw if it is a keyword), so that a message
/// that prints the key's type shows the member's name.
pub(crate) fn key_ident(name: &str) -> syn::Ident {
    syn::parse_str::<syn::Ident>(name)
        .unwrap_or_else(|_| syn::Ident::new_raw(name, Span::call_site()))
}
