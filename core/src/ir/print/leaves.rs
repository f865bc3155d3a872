//! The text of the IR's leaves: local names, patterns, literals and operator names.

use crate::ir::{BinOp, Lit, Pattern};

/// A local's name, quoted when the lowering made it up (`" left"` of `assert_eq!`).
pub(super) fn shown_name(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("{name:?}")
    }
}

pub(super) fn pattern_text(pattern: &Pattern) -> String {
    match pattern {
        Pattern::Bind(l) => format!("v{}", l.0),
        Pattern::Wild => "_".to_string(),
        Pattern::Tuple(parts) if parts.len() == 1 => format!("({},)", pattern_text(&parts[0])),
        Pattern::Tuple(parts) => {
            let parts: Vec<String> = parts.iter().map(pattern_text).collect();
            format!("({})", parts.join(", "))
        }
    }
}

pub(super) fn lit_text(lit: &Lit) -> String {
    let suffix = |s: &Option<crate::types::PrimTy>| s.map(|p| p.to_string()).unwrap_or_default();
    match lit {
        Lit::Int(v, s) => format!("{v}{}", suffix(s)),
        Lit::Float(v, s @ Some(crate::types::PrimTy::F32)) => format!("{:?}{}", v.f32, suffix(s)),
        Lit::Float(v, s) => format!("{:?}{}", v.f64, suffix(s)),
        Lit::Bool(b) => b.to_string(),
        Lit::Char(c) => format!("{c:?}"),
        Lit::Str(s) => format!("{s:?}"),
        Lit::ByteStr(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Lit::Unit => "()".to_string(),
    }
}

pub(super) fn binop_name(op: BinOp) -> &'static str {
    use BinOp::*;
    match op {
        Add => "add",
        Sub => "sub",
        Mul => "mul",
        Div => "div",
        Rem => "rem",
        BitAnd => "bitand",
        BitOr => "bitor",
        BitXor => "bitxor",
        Shl => "shl",
        Shr => "shr",
        Eq => "eq",
        Ne => "ne",
        Lt => "lt",
        Le => "le",
        Gt => "gt",
        Ge => "ge",
        And => "and",
        Or => "or",
    }
}
