//! Patterns: the bindings of `let` (names, `_`, tuples) and of `if let Some(..)`, which
//! give their locals their types.

use super::Infer;
use super::diagnostics;
use super::unify::{Ty, VarKind};
use crate::ir::{ExprId, LocId, Pattern};

impl Infer<'_> {
    /// Binds `pat` to a value of type `t`; `initialised`: whether a value is bound now
    /// (`let x;` binds none, and `x` may be assigned once later).
    pub(super) fn bind_pattern(&mut self, pat: &Pattern, t: &Ty, loc: LocId, initialised: bool) {
        match pat {
            Pattern::Bind(l) => {
                self.local_types[l.index()] = Some(t.clone());
                self.local_assigned[l.index()] = initialised;
            }
            Pattern::Wild => {}
            Pattern::Tuple(ps) => {
                let elems: Vec<Ty> = match self.resolve(t) {
                    Ty::Tuple(es) if es.len() == ps.len() => es,
                    Ty::Unknown => vec![Ty::Unknown; ps.len()],
                    other => {
                        let fresh: Vec<Ty> = (0..ps.len())
                            .map(|_| self.fresh(VarKind::General))
                            .collect();
                        if self.unify(&other, &Ty::Tuple(fresh.clone())).is_err() {
                            let shown = self.show(&other);
                            self.diags.push(diagnostics::tuple_pattern_mismatch(
                                loc,
                                &shown,
                                ps.len(),
                            ));
                            vec![Ty::Unknown; ps.len()]
                        } else {
                            fresh
                        }
                    }
                };
                for (p, e) in ps.iter().zip(&elems) {
                    self.bind_pattern(p, e, loc, initialised);
                }
            }
        }
    }

    /// `if let Some(pattern) = scrutinee`: the scrutinee is an `Option`, the pattern binds
    /// its contents.
    pub(super) fn if_let_some(&mut self, loc: LocId, pattern: &Pattern, scrutinee: ExprId) {
        let st = self.expr(scrutinee);
        let inner = self.fresh(VarKind::General);
        if self
            .unify(&st, &Ty::Option(Box::new(inner.clone())))
            .is_err()
        {
            let shown = self.show(&st);
            self.diags
                .push(diagnostics::not_an_option(self.loc(scrutinee), &shown));
        }
        self.bind_pattern(pattern, &inner, loc, true);
    }
}
