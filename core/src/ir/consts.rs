//! Constants rustc evaluates for jit code (`ConstDecl`): array lengths that are not
//! integer literals (`[f64; N]`, `[0.0; N * 2]`), `const` items in bodies and paths to
//! constants used as values. The macro cannot see their values (a `const` defined outside
//! the function is not in its tokens), so the glue has rustc evaluate each one and hands
//! the values to the runtime, which writes them into the IR (`resolve_consts`) before
//! validation, inference and codegen: past that point the IR holds only literals.

use super::{ArrayLen, ClassIr, ExprKind, FnIr, Lit, TypeExpr};
use crate::types::PrimTy;
use serde::{Deserialize, Serialize};

/// A constant of a function or class, evaluated by rustc in the glue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConstDecl {
    /// The constant as written (`N * 2`; `const K = N + 1` for a `const` item), for the
    /// text form and for array types in messages.
    pub shown: String,
    /// Its type when the source says it: `usize` for an array length, the written type of
    /// a `const` item; `None` for a path to a constant defined elsewhere, whose type only
    /// rustc knows at macro time.
    pub ty: Option<PrimTy>,
}

impl FnIr {
    /// Writes the constants' values (`values[i]` for `ConstId(i)`, as the glue's getters
    /// return them) into the IR: array lengths become `ArrayLen::Lit`, `ExprKind::Const`
    /// becomes a literal of the constant's type.
    pub fn resolve_consts(&mut self, values: &[Lit]) -> Result<(), String> {
        check_values(&self.consts, values)?;
        let lens = lengths(&self.consts, values);
        let mut resolve = |t: &mut TypeExpr| resolve_type(t, &lens);
        resolve(&mut self.ret);
        for p in &mut self.params {
            resolve(&mut p.ty);
        }
        for (_, types) in &mut self.explicit_generics {
            types.iter_mut().for_each(&mut resolve);
        }
        for e in &mut self.exprs {
            e.kind.for_each_written_type_mut(&mut resolve);
            match &mut e.kind {
                ExprKind::Const(c) => e.kind = ExprKind::Lit(values[c.index()].clone()),
                ExprKind::Array(super::ArrayInit::Repeat { len, .. }) => {
                    *len = resolve_len(*len, &lens);
                }
                _ => {}
            }
        }
        Ok(())
    }
}

impl ClassIr {
    /// Writes the values of the array lengths of field types into the fields' types (see
    /// `FnIr::resolve_consts`).
    pub fn resolve_consts(&mut self, values: &[Lit]) -> Result<(), String> {
        check_values(&self.consts, values)?;
        let lens = lengths(&self.consts, values);
        for f in &mut self.fields {
            resolve_type(&mut f.ty, &lens);
        }
        Ok(())
    }
}

/// One value per constant, of the constant's type where the source gives it.
fn check_values(consts: &[super::ConstDecl], values: &[Lit]) -> Result<(), String> {
    if consts.len() != values.len() {
        return Err(format!(
            "{} constants, but {} values",
            consts.len(),
            values.len()
        ));
    }
    for (c, v) in consts.iter().zip(values) {
        let ty = match v {
            Lit::Int(_, Some(p)) | Lit::Float(_, Some(p)) => Some(*p),
            Lit::Bool(_) => Some(PrimTy::Bool),
            Lit::Char(_) => Some(PrimTy::Char),
            Lit::Int(_, None) | Lit::Float(_, None) | Lit::Unit | Lit::Str(_) | Lit::ByteStr(_) => {
                None
            }
        };
        // A path's constant (no written type) may also be a `&str`.
        let text_path = matches!(v, Lit::Str(_)) && c.ty.is_none();
        if !text_path && (ty.is_none() || (c.ty.is_some() && c.ty != ty)) {
            return Err(format!("the constant `{}` has the value {v:?}", c.shown));
        }
    }
    Ok(())
}

/// The value of each constant as an array length (`None` for a constant not of type
/// `usize`, which no array length refers to).
fn lengths(consts: &[super::ConstDecl], values: &[Lit]) -> Vec<Option<u64>> {
    consts
        .iter()
        .zip(values)
        .map(|(_, v)| match v {
            Lit::Int(n, Some(PrimTy::Usize)) => u64::try_from(*n).ok(),
            _ => None,
        })
        .collect()
}

fn resolve_len(len: ArrayLen, lens: &[Option<u64>]) -> ArrayLen {
    match len {
        ArrayLen::Const(c) => match lens.get(c.index()) {
            Some(Some(n)) => ArrayLen::Lit(*n),
            // Not a length (`check_values` keeps every length's constant a `usize`).
            _ => len,
        },
        ArrayLen::Lit(_) => len,
    }
}

fn resolve_type(t: &mut TypeExpr, lens: &[Option<u64>]) {
    t.for_each_part_mut(&mut |part| {
        if let TypeExpr::Array { len, .. } = part {
            *len = resolve_len(*len, lens);
        }
    });
}
