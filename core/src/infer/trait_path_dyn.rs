//! `Trait::f(d, args)` with `d` a `&dyn Trait` / `&mut dyn Trait`: a call through the vtable.

use super::Infer;
use super::unify::Ty;
use crate::diag::Diagnostic;
use crate::ir::ExprId;
use crate::types::DynPointer;

impl Infer<'_> {
    /// `Shape::area(d)` of a `d: &dyn Shape` (also `&*b`, `b.as_ref()` of a
    /// `Box<dyn Shape>`): rustc takes `Self` as `dyn Shape`, which implements `Shape`, so
    /// the call is `d.area()`'s, through the vtable. A trait object of another trait
    /// implements only its own (E0277). `None`: the first argument is no borrowed trait
    /// object (a `&Box<dyn T>`'s `Self` is the box, which implements no trait).
    pub(super) fn dyn_trait_path_call(
        &mut self,
        id: ExprId,
        trait_ids: &[String],
        name: &str,
        args: &[ExprId],
        arg_types: &[Ty],
    ) -> Option<Ty> {
        let (&first, rest) = args.split_first()?;
        let Ty::Dyn(key, pointer @ (DynPointer::Ref | DynPointer::RefMut)) =
            self.resolve(arg_types.first()?)
        else {
            return None;
        };
        match self.callees.dyn_trait(&key) {
            Ok(Some(sig)) if trait_ids.contains(&sig.of_trait.id) => {}
            Ok(Some(sig)) => {
                let wanted: Vec<&str> = trait_ids
                    .iter()
                    .map(|t| super::trait_methods::trait_name_of_id(t))
                    .collect();
                let wanted = wanted.join(" + ");
                let held = &sig.of_trait.name;
                self.diags.push(
                    Diagnostic::new(
                        self.loc(first),
                        format!("the trait bound `dyn {held}: {wanted}` is not satisfied"),
                    )
                    .note(format!(
                        "help: the trait `{wanted}` is not implemented for `dyn {held}`"
                    )),
                );
                return Some(Ty::Unknown);
            }
            Ok(None) => return Some(Ty::Unknown),
            Err(message) => {
                self.diags.push(Diagnostic::new(self.loc(id), message));
                return Some(Ty::Unknown);
            }
        }
        let object = Ty::Dyn(key, pointer);
        self.dyn_method_call(id, first, &object, name, rest, &arg_types[1..])
    }
}
