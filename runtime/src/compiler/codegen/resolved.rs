//! Expressions inference resolved, dispatched by their `Resolution` to their file.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::{CgError, CgResult};
use jitclass_core::infer::Resolution;
use jitclass_core::ir::*;
use jitclass_core::methods::Builtin;
use jitclass_core::vec_methods::VecMethod;

impl FnCx<'_> {
    /// An expression inference resolved: its `Resolution` says what it calls or reaches,
    /// its kind gives the operands.
    pub(super) fn resolved_expr(
        &mut self,
        id: ExprId,
        resolution: &Resolution,
    ) -> CgResult<Option<Val>> {
        let e = self.ir.expr(id);
        let mismatch = || {
            CgError::Internal(format!(
                "expression e{} resolved to {resolution:?}, which it cannot take",
                id.0
            ))
        };
        match resolution {
            Resolution::Call { type_args } => {
                let ExprKind::Call { callee, args } = &e.kind else {
                    return Err(mismatch());
                };
                let callee = (self.disp.info().refs[callee.index()])();
                if callee.is_foreign() {
                    return self.foreign_call(callee, args);
                }
                self.emit_call(id, (callee, type_args), args)
            }
            Resolution::Builtin(Builtin::Map(method)) => self.map_method(id, *method, e.loc),
            Resolution::Builtin(Builtin::String(method)) => {
                let ExprKind::MethodCall { receiver, args, .. } = &e.kind else {
                    return Err(mismatch());
                };
                self.string_method(*method, *receiver, args, e.loc)
            }
            Resolution::Builtin(Builtin::Vec(method)) => {
                let ExprKind::MethodCall { receiver, args, .. } = &e.kind else {
                    return Err(mismatch());
                };
                if *method == VecMethod::LendDuringSort {
                    return self.lend_during_sort(*receiver, args[0], args.get(1).copied());
                }
                if method.is_copied_accessor() {
                    // `v.first().copied()`: the accessor's receiver and operands.
                    let ExprKind::MethodCall { receiver, args, .. } = &self.ir.expr(*receiver).kind
                    else {
                        return Err(mismatch());
                    };
                    return self.vec_method(id, *method, *receiver, args, e.loc);
                }
                self.vec_method(id, *method, *receiver, args, e.loc)
            }
            Resolution::Builtin(builtin) => {
                let ExprKind::MethodCall { receiver, args, .. } = &e.kind else {
                    return Err(mismatch());
                };
                if let Builtin::SliceStdSort { how, elem } = builtin
                    && let Type::Array { .. } = self.ty(*receiver)
                {
                    // An array sorts in its own place, not in a copy of its value.
                    return self.array_std_sort(*receiver, *how, *elem, args);
                }
                if let Builtin::SliceLen | Builtin::SliceIsEmpty = builtin
                    && let Type::Array { .. } = self.ty(*receiver)
                {
                    return self.array_len_method(*receiver, *builtin == Builtin::SliceIsEmpty);
                }
                // A `String` receiver of a `&str` method is viewed as one, lent (as are
                // the views among the operands) until the result no longer needs them.
                let from = self.lent.len();
                let recv = match builtin {
                    Builtin::Str(_) => self.text_operand(*receiver)?,
                    _ => self.expr(*receiver)?,
                };
                let Some(recv) = recv else {
                    self.lent.truncate(from);
                    return Ok(None);
                };
                let rt = match builtin {
                    Builtin::Str(_) => Type::Str,
                    _ => self.ty(*receiver).clone(),
                };
                let held = self.hold(recv, &rt)?;
                let Some(vals) = self.owned_values(args)? else {
                    self.lent.truncate(from);
                    return Ok(None);
                };
                self.take(held)?;
                let v = self.builtin(*builtin, recv, &vals, &rt, e.loc)?;
                if !matches!(self.ty(id), Type::Str | Type::Slice { .. }) {
                    self.end_lends(from)?;
                }
                Ok(Some(v))
            }
            Resolution::ClassCall { call, type_args } => {
                let args = match &e.kind {
                    ExprKind::MethodCall { receiver, args, .. } => {
                        let mut all = vec![*receiver];
                        all.extend_from_slice(args);
                        all
                    }
                    ExprKind::AssocCall { args, .. } | ExprKind::TraitCall { args, .. } => {
                        args.clone()
                    }
                    // A class's `T::default()`: its derived `default()`.
                    ExprKind::DefaultOf(_) => Vec::new(),
                    // A `#[getter]` property: `name(base)`.
                    ExprKind::Field(base, _) => vec![*base],
                    // A `#[setter]` property: `set_name(base, value)`.
                    ExprKind::Assign(place, value) => match self.ir.expr(*place).kind {
                        ExprKind::Field(base, _) => vec![base, *value],
                        _ => return Err(mismatch()),
                    },
                    _ => return Err(mismatch()),
                };
                self.class_call(id, (call, type_args), &args)
            }
            Resolution::ClassOp(op) => match &e.kind {
                ExprKind::Unary(_, inner) => self.class_op(id, op, &[*inner]),
                ExprKind::Binary(_, a, b) | ExprKind::CompoundAssign(_, a, b) => {
                    self.class_op(id, op, &[*a, *b])
                }
                ExprKind::Index(base, index) => self.class_index_read(id, op, (*base, *index)),
                _ => Err(mismatch()),
            },
            Resolution::Field(index) => {
                let ExprKind::Field(base, _) = &e.kind else {
                    return Err(mismatch());
                };
                self.field_read(id, *base, *index)
            }
            Resolution::Literal(indices) => {
                let ExprKind::StructLit { fields, .. } = &e.kind else {
                    return Err(mismatch());
                };
                let values: Vec<ExprId> = fields.iter().map(|(_, e)| *e).collect();
                self.struct_lit(id, (&values, indices), e.loc)
            }
            Resolution::DynCall(call) => self.dyn_call(id, call),
        }
    }
}
