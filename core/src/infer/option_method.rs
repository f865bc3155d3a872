//! A method of `Option<T>` while `T` is still open (`Some(3).unwrap()`, `Some([1, 2])`):
//! rustc finds `Option`'s methods whatever `T` turns out to be, so `T`'s literals take
//! their type from the method's result.

use super::unify::Ty;
use super::{Infer, Resolution};
use crate::ir::ExprId;
use crate::methods;
use crate::types::{ClassKey, Type};

/// `Option<T>`'s `T` in a signature looked up for an open `T`: a type no program names
/// (a class without a descriptor, address 0).
fn type_parameter() -> Type {
    Type::Class(ClassKey {
        id: 0,
        name: "T".to_string(),
    })
}

impl Infer<'_> {
    /// `o.method(args)` with `o: Option<inner>` and `inner` not known yet; `None` if no
    /// method of `Option<T>` takes `T` only as a whole (the caller then reports as for a
    /// receiver not known).
    pub(super) fn open_option_method(
        &mut self,
        id: ExprId,
        inner: &Ty,
        method: &str,
        args: &[ExprId],
        arg_types: &[Ty],
    ) -> Option<Ty> {
        let t = type_parameter();
        let sig = methods::lookup(&Type::Option(Box::new(t.clone())), method)?;
        let instantiate = |p: &Type| {
            if *p == t {
                Some(inner.clone())
            } else if mentions(p, &t) {
                None
            } else {
                Some(Self::ty_of_type(p))
            }
        };
        let params: Vec<Ty> = sig.params.iter().map(instantiate).collect::<Option<_>>()?;
        let ret = instantiate(&sig.ret)?;
        if params.len() != args.len() {
            return None;
        }
        for ((a, at), pt) in args.iter().zip(arg_types).zip(&params) {
            let aloc = self.loc(*a);
            self.coerce_at(at, pt, aloc);
        }
        self.record_resolution(id, Resolution::Builtin(sig.builtin));
        Some(ret)
    }
}

/// Whether `t` is a part of `p`.
fn mentions(p: &Type, t: &Type) -> bool {
    p == t
        || match p {
            Type::Tuple(es) => es.iter().any(|e| mentions(e, t)),
            Type::Slice { elem: e, .. }
            | Type::Option(e)
            | Type::Vec(e)
            | Type::Array { elem: e, .. }
            | Type::Ref { inner: e, .. }
            | Type::Ptr { pointee: e, .. } => mentions(e, t),
            Type::FnPtr { params, ret } => {
                params.iter().any(|e| mentions(e, t)) || mentions(ret, t)
            }
            Type::Map { key, value } => mentions(key, t) || mentions(value, t),
            Type::Prim(_)
            | Type::Unit
            | Type::Never
            | Type::Str
            | Type::String
            | Type::Class(_)
            | Type::PassThru(_)
            | Type::Dyn { .. } => false,
        }
}
