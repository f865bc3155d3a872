//! The IR of a `#[jit] trait`'s declaration (`TraitIr`): each function's written
//! signature and whether a trait object dispatches it through its vtable, which is what
//! jit code needs of the trait to call `s.area()` on a `dyn Shape` (the bodies are the
//! impls' and the default methods', compiled per class).

use super::{ClassRefId, ItemUse, OpaqueRefId, Receiver, TypeExpr};
use serde::{Deserialize, Serialize};

/// A `#[jit] trait` as trait objects see it: its functions in declaration order, and
/// the classes and `PassThru<T>` types their signatures name (which the glue resolves
/// with rustc beside the trait, as a function's `FnIr::classes` / `FnIr::opaques`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraitIr {
    /// The trait's name as written, for messages.
    pub name: String,
    /// The trait's functions, in declaration order (which is the vtable's order of the
    /// ones it holds: `TraitIr::vtable_slot`).
    pub methods: Vec<TraitMethodIr>,
    /// Class types named by the signatures, as written; `TypeExpr::Class` refers here.
    pub classes: Vec<String>,
    /// The Rust types of `PassThru<T>`s the signatures name; `TypeExpr::PassThru` refers
    /// here.
    pub opaques: Vec<String>,
}

/// A function of a `#[jit] trait`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraitMethodIr {
    /// The function's name.
    pub name: String,
    /// How a trait object reaches it.
    pub dispatch: TraitDispatch,
}

/// Whether, and how, a trait object (`dyn Trait`) calls a function of its trait; what
/// rustc decides by the function's declaration alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TraitDispatch {
    /// A method in the vtable: called through a trait object by its slot.
    Vtable {
        /// How it takes `self`.
        receiver: Receiver,
        /// The parameters after `self`, as written (no generics: a `#[jit] trait`'s
        /// functions are not generic).
        params: Vec<TypeExpr>,
        /// The return type.
        ret: TypeExpr,
    },
    /// A function without `self` (`fn new() -> Self where Self: Sized`): not a method, so
    /// never called on a value. `Trait::f(..)` takes its impl from where `Self` appears.
    Associated {
        /// The first parameter typed `Self`, `&Self` or `&mut Self` (`fn same(a: &Self, b:
        /// &Self)`), whose argument's type is the impl's; a parameter of a concrete class
        /// (`fn from(o: &Circle) -> Self`) says nothing of `Self`.
        self_param: Option<usize>,
        /// Whether it returns `Self` (`fn unit() -> Self`), so that the type its value must
        /// have is the impl's.
        returns_self: bool,
    },
    /// A method bounded `where Self: Sized`: kept out of the vtable, so rustc refuses it
    /// on a trait object ("this has a `Sized` requirement").
    SizedSelf,
    /// A method whose signature jit code cannot type without knowing the class (it names
    /// `Self` beyond the receiver, which makes the trait not dyn compatible, so rustc
    /// refuses `dyn Trait` first) or names a type jit code lacks; the message says why.
    Untyped(String),
}

impl TraitIr {
    /// The postcard encoding the glue embeds.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("IR serialisation cannot fail")
    }

    /// Decodes what [`TraitIr::encode`] made, checking that its ids are in range.
    pub fn decode(bytes: &[u8]) -> Result<TraitIr, String> {
        let ir: TraitIr = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
        ir.validate()?;
        Ok(ir)
    }

    /// The method `name` and its place among the vtable's entries (`None` for a function
    /// the vtable does not hold).
    pub fn method(&self, name: &str) -> Option<(&TraitMethodIr, Option<usize>)> {
        let i = self.methods.iter().position(|m| m.name == name)?;
        let method = &self.methods[i];
        let slot = matches!(method.dispatch, TraitDispatch::Vtable { .. }).then(|| {
            self.methods[..i]
                .iter()
                .filter(|m| matches!(m.dispatch, TraitDispatch::Vtable { .. }))
                .count()
        });
        Some((method, slot))
    }

    /// The vtable's methods, by slot.
    pub fn vtable(&self) -> impl Iterator<Item = &TraitMethodIr> {
        self.methods
            .iter()
            .filter(|m| matches!(m.dispatch, TraitDispatch::Vtable { .. }))
    }

    /// Every written type's class and opaque references are in range, and none names a
    /// generic parameter, a constant or a resolved type (a trait's signatures have none).
    pub fn validate(&self) -> Result<(), String> {
        for m in &self.methods {
            let TraitDispatch::Vtable { params, ret, .. } = &m.dispatch else {
                continue;
            };
            for t in params.iter().chain([ret]) {
                self.check_type(t)
                    .map_err(|e| format!("trait `{}`, method `{}`: {e}", self.name, m.name))?;
            }
        }
        Ok(())
    }

    fn check_type(&self, t: &TypeExpr) -> Result<(), String> {
        let mut bad = None;
        t.for_each_item(&mut |item| match item {
            ItemUse::Class(ClassRefId(c)) if c as usize >= self.classes.len() => {
                bad = Some("class ref id out of range")
            }
            ItemUse::Opaque(OpaqueRefId(o)) if o as usize >= self.opaques.len() => {
                bad = Some("opaque type ref id out of range")
            }
            ItemUse::Const(_) => bad = Some("a constant in a trait's signature"),
            ItemUse::Class(_) | ItemUse::Opaque(_) | ItemUse::Fn(_) => {}
        });
        if let Some(bad) = bad {
            Err(bad.to_string())
        } else if t.max_generic().is_some() {
            Err("a generic parameter in a trait's signature".to_string())
        } else if t.has_concrete() {
            Err("a resolved type in serialised IR".to_string())
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::PrimTy;

    fn vtable(ret: TypeExpr) -> TraitDispatch {
        TraitDispatch::Vtable {
            receiver: Receiver::Ref,
            params: Vec::new(),
            ret,
        }
    }

    fn shape() -> TraitIr {
        TraitIr {
            name: "Shape".into(),
            methods: vec![
                TraitMethodIr {
                    name: "new".into(),
                    dispatch: TraitDispatch::Associated {
                        self_param: None,
                        returns_self: true,
                    },
                },
                TraitMethodIr {
                    name: "area".into(),
                    dispatch: vtable(TypeExpr::Prim(PrimTy::F64)),
                },
                TraitMethodIr {
                    name: "sized".into(),
                    dispatch: TraitDispatch::SizedSelf,
                },
                TraitMethodIr {
                    name: "unit".into(),
                    dispatch: vtable(TypeExpr::Class(ClassRefId(0))),
                },
            ],
            classes: vec!["Unit".into()],
            opaques: Vec::new(),
        }
    }

    #[test]
    fn slots_count_only_the_vtable_methods_in_order() {
        let t = shape();
        assert_eq!(t.method("new").map(|(_, s)| s), Some(None));
        assert_eq!(t.method("area").map(|(_, s)| s), Some(Some(0)));
        assert_eq!(t.method("sized").map(|(_, s)| s), Some(None));
        assert_eq!(t.method("unit").map(|(_, s)| s), Some(Some(1)));
        assert!(t.method("perimeter").is_none());
        let names: Vec<&str> = t.vtable().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["area", "unit"]);
    }

    #[test]
    fn decoding_round_trips_and_checks_ids() {
        let t = shape();
        assert_eq!(TraitIr::decode(&t.encode()), Ok(t.clone()));
        let mut bad = t;
        bad.classes.clear();
        let err = TraitIr::decode(&bad.encode()).unwrap_err();
        assert!(
            err.contains("method `unit`: class ref id out of range"),
            "{err}"
        );
        bad.methods[3].dispatch = vtable(TypeExpr::Generic(0));
        let err = TraitIr::decode(&bad.encode()).unwrap_err();
        assert!(err.contains("generic parameter"), "{err}");
    }
}
