//! Inference within the type limits (`crate::limits`): no expression's type may grow past
//! them while the body is walked, and the generic arguments of every call and the type
//! of every expression and local must keep within them at the end.
//!
//! Two checks, because types can double at every step: `let b = (a, a);` repeated, or a
//! generic function calling itself with `(x, x)`, reaches 2^40 parts in 40 steps. The
//! walk stops any type a few times past the limits (the guard), which bounds the work; the
//! end checks the limits themselves, first on the generic arguments of calls, so that a
//! function instantiating itself with ever-growing types is reported as rustc does, at
//! the call: "reached the type-length limit while instantiating `grow::<...>`".

use super::diagnostics::{expression_type_past_limit, instantiation_past_limit};
use super::unify::{Ty, VarState};
use super::{Infer, Mode, Resolution};
use crate::diag::Diagnostic;
use crate::ir::{ExprId, ExprKind};
use crate::limits::{self, MAX_TYPE_DEPTH, MAX_TYPE_SIZE, TypeLimit};

/// The guard on types during the walk, past the limits: a generic argument at the limit
/// may appear in an expression one constructor deeper or twice over (`Some(x)`,
/// `(x, x)`), and the limit is reported on the call that instantiates it.
const GUARD_DEPTH: usize = 2 * MAX_TYPE_DEPTH;
const GUARD_SIZE: usize = 4 * MAX_TYPE_SIZE;

impl Infer<'_> {
    /// `t` with its bound variables followed, without copying anything.
    fn resolved<'s>(&'s self, mut t: &'s Ty) -> &'s Ty {
        while let Ty::Var(v) = t {
            match &self.vars[*v as usize] {
                VarState::Bound(b) => t = b,
                VarState::Unbound(_) => break,
            }
        }
        t
    }

    /// Whether `t`, with its variables substituted, keeps within `max_depth` levels and
    /// `max_size` parts; the cost is bounded by the limits, whatever `t`'s size.
    fn measure_ty(&self, t: &Ty, max_depth: usize, max_size: usize) -> Result<(), TypeLimit> {
        limits::measure(t, max_depth, max_size, |t, push| match self.resolved(t) {
            // An open generic class's arguments are its parts; a member (`Ty::Class`) is
            // one part, its arguments kept by the runtime's instantiation limits.
            Ty::Tuple(es) | Ty::Applied(_, es) => es.iter().for_each(push),
            Ty::FnPtr(ps, r) => {
                ps.iter().for_each(&mut *push);
                push(r)
            }
            Ty::Map(k, v) => {
                push(k);
                push(v)
            }
            Ty::Slice(e, _)
            | Ty::Option(e)
            | Ty::Vec(e)
            | Ty::Array(e, _)
            | Ty::Ref(e, _)
            | Ty::Ptr(e, _) => push(e),
            _ => {}
        })
    }

    /// The type of expression `id`, or `Unknown` (after an error) if it has grown past the
    /// guard.
    pub(super) fn guard_type_size(&mut self, t: Ty, id: ExprId) -> Ty {
        match self.measure_ty(&t, GUARD_DEPTH, GUARD_SIZE) {
            Ok(()) => t,
            Err(limit) => {
                // Values built from this one (`Unknown` parts) may grow past the guard
                // again: that is no new error.
                if !self.diags.iter().any(|d| d.limit) {
                    let d = expression_type_past_limit(limit, self.loc(id), None);
                    self.diags.push(d);
                }
                Ty::Unknown
            }
        }
    }

    /// Reports the first type past the limits (in source order) where the end of the walk
    /// is the last chance: at macro time (the types of a non-generic body are the
    /// source's, so their errors are build errors), and after the guard stopped a type
    /// that had grown further. The first one replaces the guard's error, which saw the
    /// type only once it had grown past the guard. (Otherwise, at the first call,
    /// `finish` checks.)
    pub(super) fn report_first_type_past_limits(&mut self) {
        let guarded = self.diags.iter().any(|d| d.limit);
        if self.mode == Mode::Runtime && !guarded {
            return;
        }
        if let Some(d) = self.type_limit_error() {
            self.diags.retain(|d| !d.limit);
            self.diags.insert(0, d);
        }
    }

    /// The first type past the limits at the end of the walk: a call's generic
    /// arguments, then an expression's or a local's type.
    pub(super) fn type_limit_error(&self) -> Option<Diagnostic> {
        for (i, resolution) in self.resolutions.iter().enumerate() {
            let Some(resolution) = resolution else {
                continue;
            };
            let (id, args) = (ExprId(i as u32), resolution.type_args());
            for arg in args {
                if let Err(limit) = self.measure_ty(arg, MAX_TYPE_DEPTH, MAX_TYPE_SIZE) {
                    return Some(self.instantiating_error(limit, id, args));
                }
            }
        }
        for (i, t) in self.expr_types.iter().enumerate() {
            if let Err(limit) = self.measure_ty(t, MAX_TYPE_DEPTH, MAX_TYPE_SIZE) {
                let shown = self.shown(t);
                return Some(expression_type_past_limit(
                    limit,
                    self.ir.exprs[i].loc,
                    shown,
                ));
            }
        }
        for (t, decl) in self.local_types.iter().zip(&self.ir.locals) {
            if let Some(t) = t
                && let Err(limit) = self.measure_ty(t, MAX_TYPE_DEPTH, MAX_TYPE_SIZE)
            {
                return Some(expression_type_past_limit(limit, decl.loc, self.shown(t)));
            }
        }
        None
    }

    /// "reached the type-length limit while instantiating `grow::<((..., ...), ...)>`", at
    /// the call.
    fn instantiating_error(&self, limit: TypeLimit, id: ExprId, args: &[Ty]) -> Diagnostic {
        let callee = match &self.ir.expr(id).kind {
            ExprKind::Call { callee, .. } => match self.callees.signature(*callee) {
                Ok(Some(sig)) => sig.name,
                _ => self.ir.refs[callee.index()].path.clone(),
            },
            _ => match &self.resolutions[id.index()] {
                Some(Resolution::ClassCall { call, .. }) => call.method.clone(),
                _ => String::new(),
            },
        };
        let args: Option<Vec<_>> = args
            .iter()
            .map(|a| {
                self.measure_ty(a, GUARD_DEPTH, GUARD_SIZE).ok()?;
                self.concrete(a)
            })
            .collect();
        instantiation_past_limit(limit, self.loc(id), &callee, args)
    }

    /// A type past the limits, shortened, when it is small enough to convert.
    fn shown(&self, t: &Ty) -> Option<String> {
        self.measure_ty(t, GUARD_DEPTH, GUARD_SIZE).ok()?;
        self.concrete(t).map(|t| limits::shortened(&t))
    }
}
