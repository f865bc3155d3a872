//! `FnIr::validate`: the invariants of the module docs of `ir`, checked on every decoded
//! IR so that inference and codegen can index the arenas without checks.
//!
//! Ids are found by the exhaustive walkers of `walk.rs`; what only some expressions hold
//! (a loop target, an `objmode!` block index) is checked by a match over every variant.

use super::{ExprKind, FnIr, ItemUse, LocalId, TypeExpr};

impl FnIr {
    /// Checks the arena invariants listed in the module docs.
    pub fn validate(&self) -> Result<(), String> {
        if self.receiver.is_some() && self.params.is_empty() {
            return Err("a method without its `self` parameter".to_string());
        }
        self.check_expr_id(self.body.0)?;
        self.check_type(&self.ret)?;
        for p in &self.params {
            self.check_local(p.local)?;
            self.check_type(&p.ty)?;
        }
        for (i, e) in self.exprs.iter().enumerate() {
            let mut found = Ok(());
            let mut keep_first = |r: Result<(), String>| {
                if found.is_ok() {
                    found = r;
                }
            };
            e.kind
                .for_each_child(|c| keep_first(self.check_expr_id(c.0)));
            e.kind.for_each_local(|l| keep_first(self.check_local(l)));
            e.kind
                .for_each_written_type(|t| keep_first(self.check_type(t)));
            e.kind
                .for_each_item(|item| keep_first(self.check_item(item)));
            found?;
            self.check_kind(i, &e.kind)?;
        }
        for (class, t) in &self.trait_owners {
            if class.index() >= self.classes.len() || t.index() >= self.traits.len() {
                return Err("a trait owner's ref id out of range".to_string());
            }
        }
        for (call, types) in &self.explicit_generics {
            self.check_expr_id(call.0)?;
            if !matches!(
                self.expr(*call).kind,
                ExprKind::Call { .. } | ExprKind::MethodCall { .. } | ExprKind::AssocCall { .. }
            ) {
                return Err(format!(
                    "generic arguments on e{}, which is no call",
                    call.0
                ));
            }
            for t in types {
                self.check_type(t)?;
            }
        }
        crate::limits::check_fn(self).map_err(|d| d.full_message())
    }

    fn check_expr_id(&self, id: u32) -> Result<(), String> {
        if (id as usize) < self.exprs.len() {
            Ok(())
        } else {
            Err(format!("expression id {id} out of range"))
        }
    }

    fn check_local(&self, id: LocalId) -> Result<(), String> {
        if id.index() < self.locals.len() {
            Ok(())
        } else {
            Err(format!("local id {} out of range", id.0))
        }
    }

    fn check_item(&self, item: ItemUse) -> Result<(), String> {
        match item {
            ItemUse::Fn(r) if r.index() >= self.refs.len() => {
                Err(format!("ref id {} out of range", r.0))
            }
            ItemUse::Class(c) if c.index() >= self.classes.len() => {
                Err(format!("class ref id {} out of range", c.0))
            }
            ItemUse::Opaque(o) if o.index() >= self.opaques.len() => {
                Err(format!("opaque type ref id {} out of range", o.0))
            }
            ItemUse::Const(c) if c.index() >= self.consts.len() => {
                Err(format!("constant id {} out of range", c.0))
            }
            ItemUse::Fn(_) | ItemUse::Class(_) | ItemUse::Opaque(_) | ItemUse::Const(_) => Ok(()),
        }
    }

    fn check_type(&self, t: &TypeExpr) -> Result<(), String> {
        let (mut class_out, mut opaque_out, mut const_out) = (false, false, false);
        t.for_each_item(&mut |item| match item {
            ItemUse::Class(c) => class_out |= c.index() >= self.classes.len(),
            ItemUse::Opaque(o) => opaque_out |= o.index() >= self.opaques.len(),
            ItemUse::Const(c) => const_out |= c.index() >= self.consts.len(),
            ItemUse::Fn(_) => {}
        });
        if t.max_generic()
            .is_some_and(|g| g as usize >= self.generics.len())
        {
            Err("generic parameter index out of range".to_string())
        } else if class_out {
            Err("class ref id out of range".to_string())
        } else if opaque_out {
            Err("opaque type ref id out of range".to_string())
        } else if const_out {
            Err("constant id out of range".to_string())
        } else if t
            .max_trait()
            .is_some_and(|i| i as usize >= self.traits.len())
        {
            Err("trait ref id out of range".to_string())
        } else if t.has_concrete() {
            Err("a resolved type in serialised IR".to_string())
        } else {
            Ok(())
        }
    }

    /// What only some expressions hold, beyond ids in range.
    fn check_kind(&self, i: usize, kind: &ExprKind) -> Result<(), String> {
        match kind {
            ExprKind::ObjMode {
                index,
                inputs,
                args,
                ..
            } => {
                if *index >= self.objmodes || inputs.len() != args.len() {
                    return Err(format!(
                        "objmode block in expr {i} does not match its inputs"
                    ));
                }
            }
            ExprKind::Break { target, .. } | ExprKind::Continue { target } => {
                self.check_expr_id(target.0)?;
                if !matches!(
                    self.expr(*target).kind,
                    ExprKind::Loop { .. }
                        | ExprKind::While { .. }
                        | ExprKind::ForRange { .. }
                        | ExprKind::ForEach { .. }
                ) {
                    return Err(format!("break/continue in expr {i} does not target a loop"));
                }
            }
            ExprKind::Lit(_)
            | ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Unary(..)
            | ExprKind::Binary(..)
            | ExprKind::Assign(..)
            | ExprKind::CompoundAssign(..)
            | ExprKind::Cast(..)
            | ExprKind::Block(_)
            | ExprKind::If { .. }
            | ExprKind::While { .. }
            | ExprKind::Loop { .. }
            | ExprKind::ForRange { .. }
            | ExprKind::Return(_)
            | ExprKind::Tuple(_)
            | ExprKind::Array(_)
            | ExprKind::TupleField(..)
            | ExprKind::Index(..)
            | ExprKind::Call { .. }
            | ExprKind::CallIndirect { .. }
            | ExprKind::FnRef(_)
            | ExprKind::ForEach { .. }
            | ExprKind::MethodCall { .. }
            | ExprKind::Field(..)
            | ExprKind::StructLit { .. }
            | ExprKind::AddrOf { .. }
            | ExprKind::Intrinsic { .. }
            | ExprKind::AssocCall { .. }
            | ExprKind::TraitCall { .. }
            | ExprKind::VecNew { .. }
            | ExprKind::SubSlice { .. }
            | ExprKind::Panic(_)
            | ExprKind::Some(_)
            | ExprKind::BoxNew(_)
            | ExprKind::DefaultOf(_)
            | ExprKind::None
            | ExprKind::IfLetSome { .. } => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::ir::*;

    /// A function `fn f()` whose body is the last of `exprs`, with `locals` locals.
    fn function(exprs: Vec<ExprKind>, locals: usize) -> FnIr {
        FnIr {
            name: "f".to_string(),
            generics: Vec::new(),
            params: Vec::new(),
            ret: TypeExpr::Unit,
            ret_loc: LocId(0),
            loc: LocId(0),
            body: ExprId(exprs.len() as u32 - 1),
            exprs: exprs
                .into_iter()
                .map(|kind| Expr {
                    kind,
                    loc: LocId(0),
                })
                .collect(),
            locals: (0..locals)
                .map(|i| LocalDecl {
                    name: format!("x{i}"),
                    mutable: false,
                    loc: LocId(0),
                    elem_ref: false,
                    by_ref: None,
                    added_reference: false,
                    held_reference: false,
                })
                .collect(),
            refs: Vec::new(),
            explicit_generics: Vec::new(),
            part_loops: Vec::new(),
            classes: Vec::new(),
            class_args: Vec::new(),
            traits: Vec::new(),
            trait_bounded: Vec::new(),
            receiver: None,
            opaques: Vec::new(),
            objmodes: 0,
            foreign: None,
            trait_scope: None,
            trait_owners: Vec::new(),
            consts: Vec::new(),
        }
    }

    fn block_with_let(pattern: Pattern, ty: Option<TypeExpr>) -> Vec<ExprKind> {
        vec![
            ExprKind::Lit(Lit::Unit),
            ExprKind::Block(Block {
                stmts: vec![Stmt::Let {
                    pattern,
                    ty,
                    init: Some(ExprId(0)),
                    loc: LocId(0),
                }],
                tail: None,
            }),
        ]
    }

    #[test]
    fn ids_in_patterns_and_written_types_are_checked() {
        let bound = Pattern::Tuple(vec![Pattern::Wild, Pattern::Bind(LocalId(1))]);
        assert_eq!(
            function(block_with_let(bound.clone(), None), 2).validate(),
            Ok(())
        );
        assert_eq!(
            function(block_with_let(bound, None), 1).validate(),
            Err("local id 1 out of range".to_string())
        );
        let class = Some(TypeExpr::Option(Box::new(TypeExpr::Class(ClassRefId(0)))));
        assert_eq!(
            function(block_with_let(Pattern::Wild, class), 0).validate(),
            Err("class ref id out of range".to_string())
        );
        let opaque = Some(TypeExpr::Tuple(vec![TypeExpr::PassThru(OpaqueRefId(3))]));
        assert_eq!(
            function(block_with_let(Pattern::Wild, opaque), 0).validate(),
            Err("opaque type ref id out of range".to_string())
        );
    }

    #[test]
    fn trait_objects_name_the_functions_traits() {
        let object = Some(TypeExpr::Option(Box::new(TypeExpr::Dyn {
            trait_ref: TraitRefId(0),
            pointer: crate::types::DynPointer::Ref,
        })));
        let mut f = function(block_with_let(Pattern::Wild, object), 1);
        assert_eq!(f.validate(), Err("trait ref id out of range".to_string()));
        f.traits.push("Shape".into());
        assert_eq!(f.validate(), Ok(()));
    }

    #[test]
    fn items_and_loop_targets_are_checked() {
        let call = vec![ExprKind::Call {
            callee: RefId(0),
            args: Vec::new(),
        }];
        assert_eq!(
            function(call, 0).validate(),
            Err("ref id 0 out of range".to_string())
        );
        let literal = vec![ExprKind::StructLit {
            class: ClassRefId(2),
            fields: Vec::new(),
        }];
        assert_eq!(
            function(literal, 0).validate(),
            Err("class ref id 2 out of range".to_string())
        );
        // A `break` whose target is past the arena, or not a loop.
        let far = vec![ExprKind::Break {
            target: ExprId(7),
            value: None,
        }];
        assert_eq!(
            function(far, 0).validate(),
            Err("expression id 7 out of range".to_string())
        );
        let not_a_loop = vec![
            ExprKind::Lit(Lit::Unit),
            ExprKind::Continue { target: ExprId(0) },
        ];
        assert_eq!(
            function(not_a_loop, 0).validate(),
            Err("break/continue in expr 1 does not target a loop".to_string())
        );
        let in_loop = vec![
            ExprKind::Loop { body: ExprId(1) },
            ExprKind::Break {
                target: ExprId(0),
                value: None,
            },
        ];
        assert_eq!(function(in_loop, 0).validate(), Ok(()));
    }
}
