//! Exhaustive walkers over what an expression holds: its child expressions, the locals
//! it reads or binds, the place it assigns, the types written in it, and the items
//! (functions, classes, opaque types) it names.
//!
//! Every match here lists every variant, with no wildcard arm: a new `ExprKind`,
//! `TypeExpr` or `Pattern` variant does not compile until each walker says what it holds,
//! so the passes built on them (`FnIr::validate`, the text form) cannot silently miss
//! it. They are public so that the runtime's walks over a body can use them too.

use super::{
    ArrayInit, ArrayLen, ClassRefId, ConstId, ExprId, ExprKind, LocalId, OpaqueRefId, Pattern,
    RefId, Stmt, TypeExpr,
};

/// An item an expression or a type names, by its id in the function's tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemUse {
    /// A jit fn or a declared C function (`FnIr::refs`), called or named as a value.
    Fn(RefId),
    /// A `#[jitclass]` type (`FnIr::classes`).
    Class(ClassRefId),
    /// The Rust type inside a `PassThru<T>` (`FnIr::opaques`).
    Opaque(OpaqueRefId),
    /// A constant rustc evaluates (`FnIr::consts`): a value, or an array length.
    Const(ConstId),
}

impl ExprKind {
    /// Calls `f` on every direct child expression, in evaluation order.
    pub fn for_each_child(&self, mut f: impl FnMut(ExprId)) {
        match self {
            ExprKind::Lit(_)
            | ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Continue { .. }
            | ExprKind::None
            | ExprKind::DefaultOf(_)
            | ExprKind::FnRef(_) => {}
            ExprKind::CallIndirect { callee, args } => {
                f(*callee);
                args.iter().copied().for_each(f);
            }
            ExprKind::ForEach { iterable, body, .. } => {
                f(*iterable);
                f(*body);
            }
            ExprKind::Some(e) | ExprKind::BoxNew(e) => f(*e),
            ExprKind::IfLetSome {
                scrutinee,
                then_branch,
                else_branch,
                ..
            } => {
                f(*scrutinee);
                f(*then_branch);
                if let Some(e) = else_branch {
                    f(*e)
                }
            }
            ExprKind::Unary(_, e) | ExprKind::Cast(e, _) | ExprKind::TupleField(e, _) => f(*e),
            ExprKind::Binary(_, a, b)
            | ExprKind::Assign(a, b)
            | ExprKind::CompoundAssign(_, a, b)
            | ExprKind::Index(a, b)
            | ExprKind::While { cond: a, body: b } => {
                f(*a);
                f(*b);
            }
            ExprKind::Block(block) => {
                for s in &block.stmts {
                    match s {
                        Stmt::Let { init, .. } => {
                            if let Some(i) = init {
                                f(*i)
                            }
                        }
                        Stmt::Expr(e) => f(*e),
                    }
                }
                if let Some(t) = block.tail {
                    f(t)
                }
            }
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                f(*cond);
                f(*then_branch);
                if let Some(e) = else_branch {
                    f(*e)
                }
            }
            ExprKind::Loop { body } => f(*body),
            ExprKind::ForRange {
                start,
                end,
                step,
                body,
                ..
            } => {
                f(*start);
                f(*end);
                if let Some(k) = step {
                    f(*k);
                }
                f(*body);
            }
            ExprKind::Break { value, .. } | ExprKind::Return(value) => {
                if let Some(v) = value {
                    f(*v)
                }
            }
            ExprKind::Tuple(es) => es.iter().copied().for_each(f),
            ExprKind::Array(init) => init.operands().into_iter().for_each(f),
            ExprKind::Call { args, .. }
            | ExprKind::AssocCall { args, .. }
            | ExprKind::TraitCall { args, .. }
            | ExprKind::Intrinsic { args, .. }
            | ExprKind::ObjMode { args, .. } => args.iter().copied().for_each(f),
            ExprKind::Field(base, _) | ExprKind::AddrOf { place: base, .. } => f(*base),
            ExprKind::StructLit { fields, .. } => fields.iter().for_each(|(_, e)| f(*e)),
            ExprKind::MethodCall { receiver, args, .. } => {
                f(*receiver);
                args.iter().copied().for_each(f);
            }
            ExprKind::Panic(msg) => msg.args.iter().copied().for_each(f),
            ExprKind::VecNew { init, .. } => init.operands().into_iter().for_each(f),
            ExprKind::SubSlice {
                base, start, end, ..
            } => {
                f(*base);
                if let Some(s) = start {
                    f(*s);
                }
                if let Some(e) = end {
                    f(*e);
                }
            }
        }
    }
}

impl ExprKind {
    /// The place this expression itself assigns (`place = v`, `place op= v`), if any.
    pub fn assigned_place(&self) -> Option<ExprId> {
        match self {
            ExprKind::Assign(place, _) | ExprKind::CompoundAssign(_, place, _) => Some(*place),
            ExprKind::Lit(_)
            | ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Unary(..)
            | ExprKind::Binary(..)
            | ExprKind::Cast(..)
            | ExprKind::Block(_)
            | ExprKind::If { .. }
            | ExprKind::While { .. }
            | ExprKind::Loop { .. }
            | ExprKind::ForRange { .. }
            | ExprKind::Break { .. }
            | ExprKind::Continue { .. }
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
            | ExprKind::AssocCall { .. }
            | ExprKind::TraitCall { .. }
            | ExprKind::VecNew { .. }
            | ExprKind::SubSlice { .. }
            | ExprKind::Intrinsic { .. }
            | ExprKind::ObjMode { .. }
            | ExprKind::Panic(_)
            | ExprKind::Some(_)
            | ExprKind::BoxNew(_)
            | ExprKind::DefaultOf(_)
            | ExprKind::None
            | ExprKind::IfLetSome { .. } => None,
        }
    }

    /// Calls `f` on every type written in this expression itself (not in its children):
    /// a cast's target, the annotations of a block's `let`s, an intrinsic's type
    /// argument, an `objmode!` block's input and output types.
    pub fn for_each_written_type(&self, mut f: impl FnMut(&TypeExpr)) {
        match self {
            ExprKind::Cast(_, ty)
            | ExprKind::Intrinsic { ty, .. }
            | ExprKind::DefaultOf(ty)
            | ExprKind::VecNew { elem: ty, .. } => f(ty),
            ExprKind::ObjMode { inputs, output, .. } => {
                inputs.iter().for_each(&mut f);
                f(output);
            }
            ExprKind::Block(block) => {
                for stmt in &block.stmts {
                    match stmt {
                        Stmt::Let { ty, .. } => {
                            if let Some(ty) = ty {
                                f(ty)
                            }
                        }
                        Stmt::Expr(_) => {}
                    }
                }
            }
            ExprKind::Lit(_)
            | ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Unary(..)
            | ExprKind::Binary(..)
            | ExprKind::Assign(..)
            | ExprKind::CompoundAssign(..)
            | ExprKind::If { .. }
            | ExprKind::While { .. }
            | ExprKind::Loop { .. }
            | ExprKind::ForRange { .. }
            | ExprKind::Break { .. }
            | ExprKind::Continue { .. }
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
            | ExprKind::AssocCall { .. }
            | ExprKind::TraitCall { .. }
            | ExprKind::SubSlice { .. }
            | ExprKind::Panic(_)
            | ExprKind::Some(_)
            | ExprKind::BoxNew(_)
            | ExprKind::None
            | ExprKind::IfLetSome { .. } => {}
        }
    }

    /// `for_each_written_type`, with each type handed out to be changed.
    pub fn for_each_written_type_mut(&mut self, mut f: impl FnMut(&mut TypeExpr)) {
        match self {
            ExprKind::Cast(_, ty)
            | ExprKind::Intrinsic { ty, .. }
            | ExprKind::DefaultOf(ty)
            | ExprKind::VecNew { elem: ty, .. } => f(ty),
            ExprKind::ObjMode { inputs, output, .. } => {
                inputs.iter_mut().for_each(&mut f);
                f(output);
            }
            ExprKind::Block(block) => {
                for stmt in &mut block.stmts {
                    match stmt {
                        Stmt::Let { ty, .. } => {
                            if let Some(ty) = ty {
                                f(ty)
                            }
                        }
                        Stmt::Expr(_) => {}
                    }
                }
            }
            ExprKind::Lit(_)
            | ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Unary(..)
            | ExprKind::Binary(..)
            | ExprKind::Assign(..)
            | ExprKind::CompoundAssign(..)
            | ExprKind::If { .. }
            | ExprKind::While { .. }
            | ExprKind::Loop { .. }
            | ExprKind::ForRange { .. }
            | ExprKind::Break { .. }
            | ExprKind::Continue { .. }
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
            | ExprKind::AssocCall { .. }
            | ExprKind::TraitCall { .. }
            | ExprKind::SubSlice { .. }
            | ExprKind::Panic(_)
            | ExprKind::Some(_)
            | ExprKind::BoxNew(_)
            | ExprKind::None
            | ExprKind::IfLetSome { .. } => {}
        }
    }

    /// Calls `f` on every local this expression itself reads (`Local`) or binds (a `for`
    /// variable, the patterns of a block's `let`s and of an `if let`).
    pub fn for_each_local(&self, mut f: impl FnMut(LocalId)) {
        match self {
            ExprKind::Local(local)
            | ExprKind::ForRange { var: local, .. }
            | ExprKind::ForEach { var: local, .. } => f(*local),
            ExprKind::IfLetSome { pattern, .. } => pattern.for_each_local(&mut f),
            ExprKind::Block(block) => {
                for stmt in &block.stmts {
                    match stmt {
                        Stmt::Let { pattern, .. } => pattern.for_each_local(&mut f),
                        Stmt::Expr(_) => {}
                    }
                }
            }
            ExprKind::Lit(_)
            | ExprKind::Const(_)
            | ExprKind::Unary(..)
            | ExprKind::Binary(..)
            | ExprKind::Assign(..)
            | ExprKind::CompoundAssign(..)
            | ExprKind::Cast(..)
            | ExprKind::If { .. }
            | ExprKind::While { .. }
            | ExprKind::Loop { .. }
            | ExprKind::Break { .. }
            | ExprKind::Continue { .. }
            | ExprKind::Return(_)
            | ExprKind::Tuple(_)
            | ExprKind::Array(_)
            | ExprKind::TupleField(..)
            | ExprKind::Index(..)
            | ExprKind::Call { .. }
            | ExprKind::CallIndirect { .. }
            | ExprKind::FnRef(_)
            | ExprKind::MethodCall { .. }
            | ExprKind::Field(..)
            | ExprKind::StructLit { .. }
            | ExprKind::AddrOf { .. }
            | ExprKind::ObjMode { .. }
            | ExprKind::Intrinsic { .. }
            | ExprKind::AssocCall { .. }
            | ExprKind::TraitCall { .. }
            | ExprKind::VecNew { .. }
            | ExprKind::SubSlice { .. }
            | ExprKind::Panic(_)
            | ExprKind::Some(_)
            | ExprKind::BoxNew(_)
            | ExprKind::DefaultOf(_)
            | ExprKind::None => {}
        }
    }

    /// Calls `f` on every item this expression itself names: the function it calls or
    /// names as a value, the class of a struct literal or an associated call, and the
    /// classes and opaque types inside its written types (`for_each_written_type`).
    pub fn for_each_item(&self, mut f: impl FnMut(ItemUse)) {
        match self {
            ExprKind::Call { callee, .. } | ExprKind::FnRef(callee) => f(ItemUse::Fn(*callee)),
            ExprKind::StructLit { class, .. } | ExprKind::AssocCall { class, .. } => {
                f(ItemUse::Class(*class))
            }
            ExprKind::TraitCall {
                class: Some(class), ..
            } => f(ItemUse::Class(*class)),
            ExprKind::Const(c)
            | ExprKind::Array(ArrayInit::Repeat {
                len: ArrayLen::Const(c),
                ..
            }) => f(ItemUse::Const(*c)),
            ExprKind::Lit(_)
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
            | ExprKind::Break { .. }
            | ExprKind::Continue { .. }
            | ExprKind::Return(_)
            | ExprKind::Tuple(_)
            | ExprKind::Array(_)
            | ExprKind::TupleField(..)
            | ExprKind::Index(..)
            | ExprKind::CallIndirect { .. }
            | ExprKind::ForEach { .. }
            | ExprKind::MethodCall { .. }
            | ExprKind::TraitCall { class: None, .. }
            | ExprKind::Field(..)
            | ExprKind::AddrOf { .. }
            | ExprKind::ObjMode { .. }
            | ExprKind::Intrinsic { .. }
            | ExprKind::VecNew { .. }
            | ExprKind::SubSlice { .. }
            | ExprKind::Panic(_)
            | ExprKind::Some(_)
            | ExprKind::BoxNew(_)
            | ExprKind::DefaultOf(_)
            | ExprKind::None
            | ExprKind::IfLetSome { .. } => {}
        }
        self.for_each_written_type(|ty| ty.for_each_item(&mut f));
    }
}

impl Pattern {
    /// Calls `f` on every local the pattern binds, left to right.
    pub fn for_each_local(&self, f: &mut dyn FnMut(LocalId)) {
        match self {
            Pattern::Bind(local) => f(*local),
            Pattern::Wild => {}
            Pattern::Tuple(parts) => parts.iter().for_each(|p| p.for_each_local(f)),
        }
    }
}

impl TypeExpr {
    /// Calls `f` on this type and on every type inside it, outside in, left to right.
    pub fn for_each_part(&self, f: &mut dyn FnMut(&TypeExpr)) {
        f(self);
        match self {
            TypeExpr::Tuple(parts) => parts.iter().for_each(|t| t.for_each_part(f)),
            TypeExpr::Slice { elem: inner, .. }
            | TypeExpr::Option(inner)
            | TypeExpr::Vec(inner)
            | TypeExpr::Array { elem: inner, .. }
            | TypeExpr::Ptr { pointee: inner, .. }
            | TypeExpr::Ref { inner, .. } => inner.for_each_part(f),
            TypeExpr::FnPtr { params, ret } => {
                params.iter().for_each(|t| t.for_each_part(f));
                ret.for_each_part(f);
            }
            TypeExpr::Applied { args, .. } => args.iter().for_each(|t| t.for_each_part(f)),
            TypeExpr::Map { key, value } => {
                key.for_each_part(f);
                value.for_each_part(f);
            }
            TypeExpr::Prim(_)
            | TypeExpr::Unit
            | TypeExpr::Never
            | TypeExpr::Str
            | TypeExpr::String
            | TypeExpr::Generic(_)
            | TypeExpr::Class(_)
            | TypeExpr::PassThru(_)
            | TypeExpr::Dyn { .. }
            | TypeExpr::Concrete(_)
            | TypeExpr::Infer => {}
        }
    }

    /// Calls `f` on this type and on every type inside it, outside in, left to right,
    /// each of which it may change (the runtime writes constants' values into them).
    pub fn for_each_part_mut(&mut self, f: &mut dyn FnMut(&mut TypeExpr)) {
        f(self);
        match self {
            TypeExpr::Tuple(parts) => parts.iter_mut().for_each(|t| t.for_each_part_mut(f)),
            TypeExpr::Slice { elem: inner, .. }
            | TypeExpr::Option(inner)
            | TypeExpr::Vec(inner)
            | TypeExpr::Array { elem: inner, .. }
            | TypeExpr::Ptr { pointee: inner, .. }
            | TypeExpr::Ref { inner, .. } => inner.for_each_part_mut(f),
            TypeExpr::FnPtr { params, ret } => {
                params.iter_mut().for_each(|t| t.for_each_part_mut(f));
                ret.for_each_part_mut(f);
            }
            TypeExpr::Applied { args, .. } => {
                args.iter_mut().for_each(|t| t.for_each_part_mut(f));
            }
            TypeExpr::Map { key, value } => {
                key.for_each_part_mut(f);
                value.for_each_part_mut(f);
            }
            TypeExpr::Prim(_)
            | TypeExpr::Unit
            | TypeExpr::Never
            | TypeExpr::Str
            | TypeExpr::String
            | TypeExpr::Generic(_)
            | TypeExpr::Class(_)
            | TypeExpr::PassThru(_)
            | TypeExpr::Dyn { .. }
            | TypeExpr::Concrete(_)
            | TypeExpr::Infer => {}
        }
    }

    /// Calls `f` on every item the type names: its classes and its opaque types. (An
    /// already resolved `Concrete` type names none of the function's items.)
    pub fn for_each_item(&self, f: &mut dyn FnMut(ItemUse)) {
        self.for_each_part(&mut |t| match t {
            TypeExpr::Class(c) => f(ItemUse::Class(*c)),
            TypeExpr::PassThru(o) => f(ItemUse::Opaque(*o)),
            TypeExpr::Array {
                len: ArrayLen::Const(c),
                ..
            } => f(ItemUse::Const(*c)),
            TypeExpr::Prim(_)
            | TypeExpr::Unit
            | TypeExpr::Never
            | TypeExpr::Str
            | TypeExpr::String
            | TypeExpr::Tuple(_)
            | TypeExpr::Slice { .. }
            | TypeExpr::Generic(_)
            | TypeExpr::Option(_)
            | TypeExpr::Vec(_)
            | TypeExpr::Map { .. }
            | TypeExpr::Array { .. }
            | TypeExpr::Ptr { .. }
            | TypeExpr::Ref { .. }
            | TypeExpr::FnPtr { .. }
            // Its trait is no item of these (`TypeExpr::max_trait`).
            | TypeExpr::Dyn { .. }
            // Resolved already: its family is no item of these.
            | TypeExpr::Applied { .. }
            | TypeExpr::Concrete(_)
            | TypeExpr::Infer => {}
        });
    }
}
