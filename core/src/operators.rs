//! The operator traits jit code knows, declared once: each trait's methods, how each takes
//! `self`, the syntax each implements, what Rust provides from them, and rustc's words when
//! no impl takes the right-hand operand. The macros (which impls they accept, what they
//! generate and register) and inference (what `a * b` on a class instance calls) both
//! read this table.
//!
//! A method is keyed by `OperatorMethod`; `OperatorMethod::key` is the name it has in a
//! class's function registry (`"Mul::mul"`), which the glue fills and inference looks up.
//! A class may have several impls of one trait (`Mul<f64>`, `Mul<V>`): they share the key,
//! and the right operand's type chooses among them.

use crate::ir::{BinOp, Receiver, UnOp};

/// An operator trait a `#[jitclass] impl` may implement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OperatorTrait {
    /// `std::ops::Add`
    Add,
    /// `std::ops::Sub`
    Sub,
    /// `std::ops::Mul`
    Mul,
    /// `std::ops::Div`
    Div,
    /// `std::ops::Rem`
    Rem,
    /// `std::ops::Neg`
    Neg,
    /// `std::ops::AddAssign`
    AddAssign,
    /// `std::ops::SubAssign`
    SubAssign,
    /// `std::ops::MulAssign`
    MulAssign,
    /// `std::ops::DivAssign`
    DivAssign,
    /// `std::ops::RemAssign`
    RemAssign,
    /// `std::cmp::PartialEq`
    PartialEq,
    /// `std::cmp::PartialOrd`
    PartialOrd,
    /// `std::ops::Index`
    Index,
    /// `std::ops::IndexMut`
    IndexMut,
}

/// A method of an operator trait that jit code calls for an operator's syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OperatorMethod {
    /// `add`: `a + b`
    Add,
    /// `sub`: `a - b`
    Sub,
    /// `mul`: `a * b`
    Mul,
    /// `div`: `a / b`
    Div,
    /// `rem`: `a % b`
    Rem,
    /// `neg`: `-a`
    Neg,
    /// `add_assign`: `a += b`
    AddAssign,
    /// `sub_assign`: `a -= b`
    SubAssign,
    /// `mul_assign`: `a *= b`
    MulAssign,
    /// `div_assign`: `a /= b`
    DivAssign,
    /// `rem_assign`: `a %= b`
    RemAssign,
    /// `eq`: `a == b`
    Eq,
    /// `ne`: `a != b`
    Ne,
    /// `lt`: `a < b`
    Lt,
    /// `le`: `a <= b`
    Le,
    /// `gt`: `a > b`
    Gt,
    /// `ge`: `a >= b`
    Ge,
    /// `index`: `v[i]` read
    Index,
    /// `index_mut`: `v[i]` assigned
    IndexMut,
}

/// The syntax an operator method implements on a class instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// `a op b`.
    Binary(BinOp),
    /// `op a`.
    Unary(UnOp),
    /// `a op= b`.
    Compound(BinOp),
    /// `v[i]` read (`*index(v, i)`), or assigned (`mutable`: `*index_mut(v, i) = x`).
    Index {
        /// `v[i] = x` (`index_mut`) rather than a read (`index`).
        mutable: bool,
    },
}

/// How Rust provides a method that an impl does not define, from the ones it does (the
/// trait's default methods).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provided {
    /// `a != b` as `!eq(a, b)`.
    Negated(OperatorMethod),
    /// `a > b`, `a <= b`, `a >= b` as Rust's default `gt`, `le`, `ge` compute them: whether
    /// `partial_cmp(a, b)` is one of `accepts`, where `partial_cmp` is the one the macro
    /// generates (`Generated`): `Less` if `lt(a, b)`, else `Greater` if `lt(b, a)`, else
    /// `Equal` if `eq(a, b)`, else none, calling no more of them than it needs.
    ByPartialCmp {
        /// The `lt` method.
        lt: OperatorMethod,
        /// The `eq` method.
        eq: OperatorMethod,
        /// The orderings for which the operator is true.
        accepts: Orderings,
    },
}

/// A set of the orderings `partial_cmp` gives (`None`, incomparable, is never in one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Orderings {
    /// `Some(Less)`.
    pub less: bool,
    /// `Some(Equal)`.
    pub equal: bool,
    /// `Some(Greater)`.
    pub greater: bool,
}

/// A Rust method of a trait that jit code cannot define, which the macro generates from
/// the jit-defined methods: `partial_cmp` (jit code has no `Ordering`) from `lt` and `eq`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The generated method's name (`"partial_cmp"`).
    pub name: &'static str,
    /// The method an impl must define for the generated one.
    pub needs: OperatorMethod,
    /// The method of a supertrait the generated one also calls (`eq`, for `Equal`).
    pub equality: OperatorMethod,
}

/// One row of the table of methods.
struct MethodDecl {
    operator_trait: OperatorTrait,
    name: &'static str,
    receiver: Receiver,
    syntax: Syntax,
    provided: Option<Provided>,
}

impl OperatorTrait {
    /// Every operator trait, in the order messages list them.
    pub const ALL: [OperatorTrait; 15] = {
        use OperatorTrait::*;
        [
            Add, Sub, Mul, Div, Rem, Neg, AddAssign, SubAssign, MulAssign, DivAssign, RemAssign,
            PartialEq, PartialOrd, Index, IndexMut,
        ]
    };

    /// The trait named `name` (its last path segment, `Mul` of `std::ops::Mul<f64>`).
    pub fn named(name: &str) -> Option<OperatorTrait> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The trait's name (`"Mul"`).
    pub fn name(self) -> &'static str {
        use OperatorTrait::*;
        match self {
            Add => "Add",
            Sub => "Sub",
            Mul => "Mul",
            Div => "Div",
            Rem => "Rem",
            Neg => "Neg",
            AddAssign => "AddAssign",
            SubAssign => "SubAssign",
            MulAssign => "MulAssign",
            DivAssign => "DivAssign",
            RemAssign => "RemAssign",
            PartialEq => "PartialEq",
            PartialOrd => "PartialOrd",
            Index => "Index",
            IndexMut => "IndexMut",
        }
    }

    /// The module of `core` that declares the trait: `ops` (`core::ops::Mul`), or `cmp`
    /// for the comparisons.
    pub fn core_module(self) -> &'static str {
        use OperatorTrait::*;
        match self {
            PartialEq | PartialOrd => "cmp",
            Add | Sub | Mul | Div | Rem | Neg | AddAssign | SubAssign | MulAssign | DivAssign
            | RemAssign | Index | IndexMut => "ops",
        }
    }

    /// The methods jit code calls, in the order the trait declares them.
    pub fn methods(self) -> impl Iterator<Item = OperatorMethod> {
        OperatorMethod::ALL
            .into_iter()
            .filter(move |m| m.operator_trait() == self)
    }

    /// The method of this trait called `name` (`"mul"`).
    pub fn method_named(self, name: &str) -> Option<OperatorMethod> {
        self.methods().find(|m| m.name() == name)
    }

    /// How the trait's methods take `self` (all the same way): `Add::add` by value,
    /// `AddAssign::add_assign` as `&mut self`, `PartialEq::eq` as `&self`.
    pub fn receiver(self) -> Receiver {
        self.methods()
            .next()
            .expect("a trait has methods")
            .receiver()
    }

    /// The method the macro generates for this trait's Rust impl, if any.
    pub fn generated(self) -> Option<Generated> {
        match self {
            OperatorTrait::PartialOrd => Some(Generated {
                name: "partial_cmp",
                needs: OperatorMethod::Lt,
                equality: OperatorMethod::Eq,
            }),
            _ => None,
        }
    }

    /// The message of the trait's `#[rustc_on_unimplemented]` (`{lhs}`/`{rhs}`: the operand
    /// types), which rustc prints when no impl takes the right-hand operand.
    fn on_unimplemented(self) -> Option<&'static str> {
        use OperatorTrait::*;
        Some(match self {
            Add => "cannot add `{rhs}` to `{lhs}`",
            Sub => "cannot subtract `{rhs}` from `{lhs}`",
            Mul => "cannot multiply `{lhs}` by `{rhs}`",
            Div => "cannot divide `{lhs}` by `{rhs}`",
            Rem => "cannot calculate the remainder of `{lhs}` divided by `{rhs}`",
            AddAssign => "cannot add-assign `{rhs}` to `{lhs}`",
            SubAssign => "cannot subtract-assign `{rhs}` from `{lhs}`",
            MulAssign => "cannot multiply-assign `{lhs}` by `{rhs}`",
            DivAssign => "cannot divide-assign `{lhs}` by `{rhs}`",
            RemAssign => "cannot calculate and assign the remainder of `{lhs}` divided by `{rhs}`",
            Neg | PartialEq | PartialOrd | Index | IndexMut => return None,
        })
    }
}

impl OperatorMethod {
    /// Every operator method, trait by trait.
    pub const ALL: [OperatorMethod; 19] = {
        use OperatorMethod::*;
        [
            Add, Sub, Mul, Div, Rem, Neg, AddAssign, SubAssign, MulAssign, DivAssign, RemAssign,
            Eq, Ne, Lt, Le, Gt, Ge, Index, IndexMut,
        ]
    };

    /// The table: one row per method.
    fn decl(self) -> MethodDecl {
        use OperatorMethod as M;
        use OperatorTrait as T;
        use Receiver::{Ref, RefMut, Value};
        let row = |operator_trait, name, receiver, syntax, provided| MethodDecl {
            operator_trait,
            name,
            receiver,
            syntax,
            provided,
        };
        // Rust's default `le`, `gt`, `ge`, through the generated `partial_cmp`.
        let by_partial_cmp = |less, equal, greater| Provided::ByPartialCmp {
            lt: M::Lt,
            eq: M::Eq,
            accepts: Orderings {
                less,
                equal,
                greater,
            },
        };
        match self {
            M::Add => row(T::Add, "add", Value, Syntax::Binary(BinOp::Add), None),
            M::Sub => row(T::Sub, "sub", Value, Syntax::Binary(BinOp::Sub), None),
            M::Mul => row(T::Mul, "mul", Value, Syntax::Binary(BinOp::Mul), None),
            M::Div => row(T::Div, "div", Value, Syntax::Binary(BinOp::Div), None),
            M::Rem => row(T::Rem, "rem", Value, Syntax::Binary(BinOp::Rem), None),
            M::Neg => row(T::Neg, "neg", Value, Syntax::Unary(UnOp::Neg), None),
            M::AddAssign => row(
                T::AddAssign,
                "add_assign",
                RefMut,
                Syntax::Compound(BinOp::Add),
                None,
            ),
            M::SubAssign => row(
                T::SubAssign,
                "sub_assign",
                RefMut,
                Syntax::Compound(BinOp::Sub),
                None,
            ),
            M::MulAssign => row(
                T::MulAssign,
                "mul_assign",
                RefMut,
                Syntax::Compound(BinOp::Mul),
                None,
            ),
            M::DivAssign => row(
                T::DivAssign,
                "div_assign",
                RefMut,
                Syntax::Compound(BinOp::Div),
                None,
            ),
            M::RemAssign => row(
                T::RemAssign,
                "rem_assign",
                RefMut,
                Syntax::Compound(BinOp::Rem),
                None,
            ),
            M::Eq => row(T::PartialEq, "eq", Ref, Syntax::Binary(BinOp::Eq), None),
            M::Ne => row(
                T::PartialEq,
                "ne",
                Ref,
                Syntax::Binary(BinOp::Ne),
                Some(Provided::Negated(M::Eq)),
            ),
            M::Lt => row(T::PartialOrd, "lt", Ref, Syntax::Binary(BinOp::Lt), None),
            M::Le => row(
                T::PartialOrd,
                "le",
                Ref,
                Syntax::Binary(BinOp::Le),
                Some(by_partial_cmp(true, true, false)),
            ),
            M::Gt => row(
                T::PartialOrd,
                "gt",
                Ref,
                Syntax::Binary(BinOp::Gt),
                Some(by_partial_cmp(false, false, true)),
            ),
            M::Ge => row(
                T::PartialOrd,
                "ge",
                Ref,
                Syntax::Binary(BinOp::Ge),
                Some(by_partial_cmp(false, true, true)),
            ),
            M::Index => row(
                T::Index,
                "index",
                Ref,
                Syntax::Index { mutable: false },
                None,
            ),
            M::IndexMut => row(
                T::IndexMut,
                "index_mut",
                RefMut,
                Syntax::Index { mutable: true },
                None,
            ),
        }
    }

    /// The method whose own name is `name` (`"mul"`); no two traits share a method name.
    pub fn named(name: &str) -> Option<OperatorMethod> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The method jit code calls for `syntax` on a class instance, if any.
    pub fn for_syntax(syntax: Syntax) -> Option<OperatorMethod> {
        Self::ALL.into_iter().find(|m| m.syntax() == syntax)
    }

    /// The trait the method belongs to.
    pub fn operator_trait(self) -> OperatorTrait {
        self.decl().operator_trait
    }

    /// The method's name in its trait (`"mul"`).
    pub fn name(self) -> &'static str {
        self.decl().name
    }

    /// How the method takes `self`.
    pub fn receiver(self) -> Receiver {
        self.decl().receiver
    }

    /// The syntax the method implements.
    pub fn syntax(self) -> Syntax {
        self.decl().syntax
    }

    /// How Rust provides the method when an impl does not define it.
    pub fn provided(self) -> Option<Provided> {
        self.decl().provided
    }

    /// The method's name in a class's function registry: `"Mul::mul"`.
    pub fn key(self) -> String {
        format!("{}::{}", self.operator_trait().name(), self.name())
    }

    /// rustc's message for `lhs op rhs` (or `lhs op= rhs`) when the left operand has no
    /// impl of the method's trait taking `rhs`: `cannot multiply-assign `V2` by `i32``.
    /// `None` for traits without such a message (comparisons).
    pub fn no_impl_for_rhs(self, lhs: &str, rhs: &str) -> Option<String> {
        let template = self.operator_trait().on_unimplemented()?;
        Some(template.replace("{lhs}", lhs).replace("{rhs}", rhs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binary(op: BinOp) -> Option<OperatorMethod> {
        OperatorMethod::for_syntax(Syntax::Binary(op))
    }

    fn compound(op: BinOp) -> Option<OperatorMethod> {
        OperatorMethod::for_syntax(Syntax::Compound(op))
    }

    #[test]
    fn messages_are_rustcs() {
        let mul_assign = compound(BinOp::Mul).unwrap();
        assert_eq!(
            mul_assign.no_impl_for_rhs("V2", "i32").as_deref(),
            Some("cannot multiply-assign `V2` by `i32`")
        );
        let add = binary(BinOp::Add).unwrap();
        assert_eq!(
            add.no_impl_for_rhs("V2", "{integer}").as_deref(),
            Some("cannot add `{integer}` to `V2`")
        );
        assert_eq!(
            binary(BinOp::Eq).unwrap().no_impl_for_rhs("V2", "i32"),
            None
        );
    }

    #[test]
    fn every_arithmetic_operator_has_both_methods() {
        for op in [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div, BinOp::Rem] {
            let (m, a) = (binary(op).unwrap().key(), compound(op).unwrap().key());
            let (trait_name, name) = m.split_once("::").unwrap();
            assert_eq!(a, format!("{trait_name}Assign::{name}_assign"));
        }
        assert_eq!(binary(BinOp::Ge).unwrap().key(), "PartialOrd::ge");
        assert_eq!(compound(BinOp::Shl), None);
    }

    #[test]
    fn every_method_is_listed_once_under_its_trait() {
        for m in OperatorMethod::ALL {
            let t = m.operator_trait();
            assert!(OperatorTrait::ALL.contains(&t));
            assert_eq!(t.method_named(m.name()), Some(m), "{m:?}");
            assert_eq!(OperatorTrait::named(t.name()), Some(t));
        }
        for (i, m) in OperatorMethod::ALL.iter().enumerate() {
            assert!(!OperatorMethod::ALL[..i].contains(m), "{m:?} listed twice");
            let same_name = OperatorMethod::ALL[..i]
                .iter()
                .find(|o| o.name() == m.name());
            assert_eq!(same_name, None, "{m:?} shares its name");
        }
        for t in OperatorTrait::ALL {
            assert!(t.methods().next().is_some(), "{t:?} has no methods");
        }
    }

    #[test]
    fn methods_are_found_by_their_own_name() {
        for m in OperatorMethod::ALL {
            assert_eq!(OperatorMethod::named(m.name()), Some(m));
        }
        assert_eq!(OperatorMethod::named("Mul::mul"), None);
        assert_eq!(OperatorMethod::named("partial_cmp"), None);
    }

    #[test]
    fn one_method_per_syntax_and_one_receiver_per_trait() {
        for m in OperatorMethod::ALL {
            assert_eq!(OperatorMethod::for_syntax(m.syntax()), Some(m));
            assert_eq!(m.receiver(), m.operator_trait().receiver(), "{m:?}");
        }
    }

    #[test]
    fn provided_methods_come_from_defined_ones_of_related_traits() {
        let defined = |m: OperatorMethod| {
            assert!(m.provided().is_none(), "{m:?} is itself provided");
            assert!(matches!(
                m.operator_trait(),
                OperatorTrait::PartialEq | OperatorTrait::PartialOrd
            ));
        };
        for m in OperatorMethod::ALL {
            match m.provided() {
                None => {}
                Some(Provided::Negated(f)) => defined(f),
                Some(Provided::ByPartialCmp { lt, eq, .. }) => {
                    defined(lt);
                    defined(eq);
                }
            }
        }
        for t in OperatorTrait::ALL {
            if let Some(g) = t.generated() {
                assert_eq!(g.needs.operator_trait(), t);
                assert!(t.method_named(g.name).is_none());
                assert!(g.equality.provided().is_none());
            }
        }
    }
}
