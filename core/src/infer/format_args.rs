//! Typing a `format!` argument (`StringMethod::PushFormatted`, `lower/format_macro.rs`):
//! the value is borrowed (`&x`), a `String` as the `&str` of its text, and its type must
//! implement the placeholder's trait, as rustc's E0277 says when it does not.

use super::unify::{Ty, VarKind};
use super::{Infer, Resolution};
use crate::diag::Diagnostic;
use crate::format_spec::{Kind, Packed};
use crate::ir::{ExprId, ExprKind, Lit};
use crate::methods::Builtin;
use crate::string_methods::StringMethod;
use crate::types::PrimTy;

/// What a type implements of std's formatting traits.
enum Formats {
    /// Integers: every trait.
    Integer,
    /// Floats: `Display`, `Debug`, `LowerExp`, `UpperExp`.
    Float,
    /// `bool`, `char`, `&str`, `String`: `Display` and `Debug`.
    Text,
    /// Not known yet (a generic body at macro time).
    Unknown,
    /// None of them (a class, a `Vec`, ...).
    Nothing,
}

impl Formats {
    fn implements(&self, kind: Kind) -> bool {
        match self {
            Formats::Integer | Formats::Unknown => true,
            Formats::Float => matches!(
                kind,
                Kind::Display | Kind::Debug | Kind::LowerExp | Kind::UpperExp
            ),
            Formats::Text => matches!(kind, Kind::Display | Kind::Debug),
            Formats::Nothing => false,
        }
    }
}

impl Infer<'_> {
    /// Whether `x.to_string()` of a value of type `t` is std's `Display` of a number,
    /// `bool` or `char` (`StringMethod::Display`).
    pub(super) fn is_displayed_scalar(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Prim(_) => true,
            Ty::Var(v) => matches!(self.var_kind(v), VarKind::Int | VarKind::Float),
            _ => false,
        }
    }

    /// `s.<PUSH_FORMATTED>(&value, fill, flags, width, precision)`.
    pub(super) fn push_formatted(&mut self, id: ExprId, args: &[ExprId], arg_types: &[Ty]) -> Ty {
        let [value, fill, flags, width, precision] = args else {
            unreachable!("lowering passes five arguments")
        };
        let ExprKind::Lit(Lit::Int(word, _)) = self.ir.exprs[flags.index()].kind else {
            unreachable!("lowering passes the packed flags as a literal")
        };
        let kind = Packed::unpack(word as u32).kind;
        let inner = match self.resolve(&arg_types[0]) {
            Ty::Ref(inner, _) => self.resolve(&inner),
            other => other,
        };
        let formats = match &inner {
            Ty::Prim(PrimTy::F32 | PrimTy::F64) => Formats::Float,
            Ty::Prim(PrimTy::Bool | PrimTy::Char) | Ty::Str | Ty::String => Formats::Text,
            Ty::Prim(_) => Formats::Integer,
            Ty::Var(v) => match self.var_kind(*v) {
                VarKind::Float => Formats::Float,
                VarKind::Int => Formats::Integer,
                _ => Formats::Unknown,
            },
            Ty::Unknown => Formats::Unknown,
            _ => Formats::Nothing,
        };
        // A trait object: rustc's E0277 (with its code and notes) in the shadow of a
        // non-generic body; in a generic one, rustc's words, which name the `dyn T` that
        // lacks the trait (`Box<T>` and `&T` format as `T` does).
        if let Ty::Dyn(key, _) = &inner
            && !formats.implements(kind)
        {
            if !self.shadow_judges() {
                let shown = self.show(&inner);
                let object = format!("dyn {}", key.name);
                let trait_name = kind.trait_name();
                let mut d = Diagnostic::new(
                    self.loc(*value),
                    format!("`{object}` doesn't implement `{trait_name}`"),
                )
                .note(format!(
                    "help: the trait `{trait_name}` is not implemented for `{object}`"
                ));
                if shown != object {
                    d = d.note(format!(
                        "note: required for `{shown}` to implement `{trait_name}`"
                    ));
                }
                self.diags.push(d);
            }
        } else if !formats.implements(kind) {
            let shown = self.show(&inner);
            let message = match (&formats, kind) {
                (Formats::Nothing, Kind::Display | Kind::Debug) => {
                    format!("`{shown}` doesn't implement `{}`", kind.trait_name())
                }
                _ => format!(
                    "the trait bound `{shown}: {}` is not satisfied",
                    kind.trait_name()
                ),
            };
            let mut d = Diagnostic::new(self.loc(*value), message);
            if !matches!(formats, Formats::Nothing) || !matches!(kind, Kind::Display | Kind::Debug)
            {
                d.notes.push(format!(
                    "help: the trait `{}` is not implemented for `{shown}`",
                    kind.trait_name()
                ));
            }
            self.diags.push(d);
        }
        // The value is read through `&`: a `String` as the `&str` of its text (lent while
        // it is formatted), anything else as itself.
        self.expr_types[value.index()] = match inner {
            Ty::String => Ty::Str,
            t => t,
        };
        let expected = [
            Ty::Prim(PrimTy::Char),
            Ty::Prim(PrimTy::U32),
            Ty::Prim(PrimTy::Usize),
            Ty::Prim(PrimTy::Usize),
        ];
        for ((a, at), pt) in [fill, flags, width, precision]
            .into_iter()
            .zip(&arg_types[1..])
            .zip(&expected)
        {
            self.coerce_arg(*a, at, pt);
        }
        self.record_resolution(
            id,
            Resolution::Builtin(Builtin::String(StringMethod::PushFormatted)),
        );
        Ty::Unit
    }
}
