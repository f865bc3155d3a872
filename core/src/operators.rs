//! Rust's operator traits as jit code calls them on class instances: the trait method
//! behind each operator, and rustc's words when no impl takes the right-hand operand.

use crate::ir::BinOp;

/// An arithmetic operator: its trait methods and the messages of the traits'
/// `#[rustc_on_unimplemented]` (`{lhs}`/`{rhs}`: the operand types), which rustc prints
/// when no impl takes the right-hand operand.
struct Arithmetic {
    op: BinOp,
    method: &'static str,
    assign_method: &'static str,
    cannot: &'static str,
    cannot_assign: &'static str,
}

const ARITHMETIC: &[Arithmetic] = &[
    Arithmetic {
        op: BinOp::Add,
        method: "Add::add",
        assign_method: "AddAssign::add_assign",
        cannot: "cannot add `{rhs}` to `{lhs}`",
        cannot_assign: "cannot add-assign `{rhs}` to `{lhs}`",
    },
    Arithmetic {
        op: BinOp::Sub,
        method: "Sub::sub",
        assign_method: "SubAssign::sub_assign",
        cannot: "cannot subtract `{rhs}` from `{lhs}`",
        cannot_assign: "cannot subtract-assign `{rhs}` from `{lhs}`",
    },
    Arithmetic {
        op: BinOp::Mul,
        method: "Mul::mul",
        assign_method: "MulAssign::mul_assign",
        cannot: "cannot multiply `{lhs}` by `{rhs}`",
        cannot_assign: "cannot multiply-assign `{lhs}` by `{rhs}`",
    },
    Arithmetic {
        op: BinOp::Div,
        method: "Div::div",
        assign_method: "DivAssign::div_assign",
        cannot: "cannot divide `{lhs}` by `{rhs}`",
        cannot_assign: "cannot divide-assign `{lhs}` by `{rhs}`",
    },
    Arithmetic {
        op: BinOp::Rem,
        method: "Rem::rem",
        assign_method: "RemAssign::rem_assign",
        cannot: "cannot calculate the remainder of `{lhs}` divided by `{rhs}`",
        cannot_assign: "cannot calculate and assign the remainder of `{lhs}` divided by `{rhs}`",
    },
];

fn arithmetic(op: BinOp) -> Option<&'static Arithmetic> {
    ARITHMETIC.iter().find(|a| a.op == op)
}

/// The trait method `a op b` calls on a class instance `a` (`"Mul::mul"`), if any.
pub fn method(op: BinOp) -> Option<&'static str> {
    if let Some(a) = arithmetic(op) {
        return Some(a.method);
    }
    Some(match op {
        BinOp::Eq => "PartialEq::eq",
        BinOp::Ne => "PartialEq::ne",
        BinOp::Lt => "PartialOrd::lt",
        BinOp::Le => "PartialOrd::le",
        BinOp::Gt => "PartialOrd::gt",
        BinOp::Ge => "PartialOrd::ge",
        _ => return None,
    })
}

/// The trait method `a op= b` calls on a class instance `a` (`"MulAssign::mul_assign"`).
pub fn assign_method(op: BinOp) -> Option<&'static str> {
    arithmetic(op).map(|a| a.assign_method)
}

/// rustc's message for `lhs op rhs` (or `lhs op= rhs` if `assign`) when the left operand
/// has no impl of the operator's trait taking `rhs`: `cannot multiply-assign `V2` by
/// `i32``. `None` for operators without such a message (comparisons).
pub fn no_impl_for_rhs(op: BinOp, assign: bool, lhs: &str, rhs: &str) -> Option<String> {
    let a = arithmetic(op)?;
    let template = if assign { a.cannot_assign } else { a.cannot };
    Some(template.replace("{lhs}", lhs).replace("{rhs}", rhs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_rustcs() {
        assert_eq!(
            no_impl_for_rhs(BinOp::Mul, true, "V2", "i32").as_deref(),
            Some("cannot multiply-assign `V2` by `i32`")
        );
        assert_eq!(
            no_impl_for_rhs(BinOp::Add, false, "V2", "{integer}").as_deref(),
            Some("cannot add `{integer}` to `V2`")
        );
        assert_eq!(no_impl_for_rhs(BinOp::Eq, false, "V2", "i32"), None);
    }

    #[test]
    fn every_arithmetic_operator_has_both_methods() {
        for op in [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div, BinOp::Rem] {
            let (m, a) = (method(op).unwrap(), assign_method(op).unwrap());
            let (trait_name, name) = m.split_once("::").unwrap();
            assert_eq!(a, format!("{trait_name}Assign::{name}_assign"));
        }
        assert_eq!(method(BinOp::Ge), Some("PartialOrd::ge"));
        assert_eq!(assign_method(BinOp::Shl), None);
    }
}
