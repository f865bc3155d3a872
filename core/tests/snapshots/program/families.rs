//! Generic classes in the snapshot cases, as the runtime has them
//! (`runtime/src/generic_class.rs`, `class::resolve_refs`): a generic struct is a family
//! whose key is a class key like any other, and each instantiation is a member, made at
//! first request with a key of its own and named as the runtime names it (`Stack<i64>`).
//! A class reference resolves to a member when its arguments are concrete, else to
//! `TypeExpr::Applied` (a callee's `Stack<T>`; `Stack` written without arguments).

use super::Case;
use jitclass_core::ir::TypeExpr;
use jitclass_core::{ClassKey, Type};

/// The key of the first member; a member's is this plus its index.
const FIRST_MEMBER_ID: usize = 10_000;

/// How deep a member's arguments nest at most (the runtime's `MAX_INSTANTIATION_DEPTH`
/// stands behind the same error).
const MAX_DEPTH: usize = 6;

/// The names the types of one item refer to: its class and opaque tables.
#[derive(Clone, Copy)]
pub(super) struct Refs<'a> {
    pub classes: &'a [String],
    pub class_args: &'a [Vec<TypeExpr>],
    pub opaques: &'a [String],
}

impl Case {
    /// How many type parameters the class `key` has (a member's family's; 0 for a class
    /// that is not generic).
    pub(super) fn generics_of(&self, key: &ClassKey) -> usize {
        self.generic_names(key).len()
    }

    /// The names of the type parameters of the class `key` (a member's family's).
    pub(super) fn generic_names(&self, key: &ClassKey) -> Vec<String> {
        let key = self.family(key).map_or(key.clone(), |(f, _)| f);
        self.classes()
            .nth(key.id.wrapping_sub(1))
            .map_or(Vec::new(), |(_, item)| match &item.role {
                super::Role::Class { generics, .. } => generics.clone(),
                _ => Vec::new(),
            })
    }

    /// The member of `family` for `args`, made at first request.
    pub(super) fn member(&self, family: &ClassKey, args: &[Type]) -> Result<ClassKey, String> {
        let known = self
            .members
            .borrow()
            .iter()
            .position(|(f, a)| f == family && a.as_slice() == args);
        let index = match known {
            Some(i) => i,
            None => {
                if args.iter().any(|a| self.depth(a) >= MAX_DEPTH) {
                    return Err(format!(
                        "reached the instantiation depth limit ({MAX_DEPTH}) while instantiating `{}`",
                        name(family, args)
                    ));
                }
                let mut members = self.members.borrow_mut();
                members.push((family.clone(), args.to_vec()));
                members.len() - 1
            }
        };
        Ok(ClassKey {
            id: FIRST_MEMBER_ID + index,
            name: name(family, args),
        })
    }

    /// How deeply members nest in `t` (`Stack<Stack<i64>>`: 2).
    fn depth(&self, t: &Type) -> usize {
        match t {
            Type::Class(k) => self.family(k).map_or(0, |(_, args)| {
                1 + args.iter().map(|a| self.depth(a)).max().unwrap_or(0)
            }),
            _ => 0,
        }
    }

    /// Of a member, its family and arguments.
    pub(super) fn family(&self, key: &ClassKey) -> Option<(ClassKey, Vec<Type>)> {
        let index = key.id.checked_sub(FIRST_MEMBER_ID)?;
        self.members.borrow().get(index).cloned()
    }

    /// A type written in an item, its class and opaque references resolved as the
    /// runtime's `resolve_refs` resolves them for the specialisation `type_args` (none: a
    /// signature as callers see it, the item's own generics left in).
    pub(super) fn resolve(&self, te: &TypeExpr, refs: Refs<'_>, type_args: &[Type]) -> TypeExpr {
        te.map_refs(&mut |t| match t {
            TypeExpr::Class(c) => {
                let written = &refs.classes[c.index()];
                let key = self
                    .class_key(written)
                    .unwrap_or_else(|| panic!("no class `{written}` in the case"));
                let n = self.generics_of(&key);
                if n == 0 {
                    return Some(TypeExpr::Concrete(Type::Class(key)));
                }
                let written = &refs.class_args[c.index()];
                if written.is_empty() {
                    return Some(TypeExpr::Applied {
                        family: key,
                        args: vec![TypeExpr::Infer; n],
                    });
                }
                let args: Vec<TypeExpr> = written
                    .iter()
                    .map(|a| self.resolve(a, refs, type_args))
                    .collect();
                let concrete: Option<Vec<Type>> = args
                    .iter()
                    .map(|a| jitclass_core::infer::concrete_type(a, type_args))
                    .collect();
                Some(match concrete.map(|args| self.member(&key, &args)) {
                    Some(Ok(member)) => TypeExpr::Concrete(Type::Class(member)),
                    // Reported where the class is asked for (`Callees::class`).
                    Some(Err(_)) => TypeExpr::Infer,
                    None => TypeExpr::Applied { family: key, args },
                })
            }
            TypeExpr::PassThru(o) => Some(TypeExpr::Concrete(Type::PassThru(super::opaque_key(
                &refs.opaques[o.index()],
            )))),
            _ => None,
        })
    }
}

/// A generic class's function as a member's callers see it: the leading generics (the
/// class's) bound to the member's arguments, the function's own renumbered from 0.
pub(super) fn bind_leading(te: &TypeExpr, args: &[Type]) -> TypeExpr {
    te.map_refs(&mut |t| match t {
        TypeExpr::Generic(i) => Some(match args.get(*i as usize) {
            Some(arg) => TypeExpr::Concrete(arg.clone()),
            None => TypeExpr::Generic(*i - args.len() as u32),
        }),
        _ => None,
    })
}

/// A member's name: its family's with the arguments (`Stack<i64>`).
fn name(family: &ClassKey, args: &[Type]) -> String {
    let args: Vec<String> = args.iter().map(Type::to_string).collect();
    format!("{}<{}>", family.name, args.join(", "))
}
