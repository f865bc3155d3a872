//! Generic classes whose arguments are inferred from the uses, as rustc infers them: a
//! class reference written without its arguments (`Stack::new()`, `Pair { a, b }`) and a
//! callee's class type over its own generics (`fn make<T>(x: T) -> Stack<T>`) are
//! `Ty::Applied(family, args)` with the arguments as inference types.
//!
//! - Unification: an `Applied` unifies with another of its family and with a member of it
//!   (`Callees::family`), argument by argument; any other class is a mismatch, in
//!   rustc's words ("expected `Stack<i64>`, found `Stack<f64>`").
//! - Once its arguments are all known it IS the member (`Callees::member`, asked once per
//!   arguments): `resolve` gives `Ty::Class(member)`, so every later use, every final type
//!   and every resolution names the member, never the family.
//! - Until then, as rustc's method lookup on `Stack<?T>` does, its fields, functions and
//!   struct literals are the family's declarations with the class's generics leading
//!   (`Callees::method` / `Callees::field_declared` of the family key), instantiated
//!   with its arguments; a call found so is rewritten to the member's function at the end
//!   (`rewrite_family_calls`).
//! - Never determined: rustc's E0282 "type annotations needed for `Stack<_>`" at the
//!   local, or at the expression (`open_class_diagnostic`).

use super::class::ClassFn;
use super::diagnostics;
use super::unify::Ty;
use super::{FnKind, Infer, Resolution};
use crate::diag::Diagnostic;
use crate::ir::{ExprId, LocId, TypeExpr};
use crate::types::{ClassKey, Type};

/// The members of generic classes asked for, by family and arguments (`None`: not known,
/// or not made).
pub(super) type Members = std::collections::HashMap<(ClassKey, Vec<Type>), Option<ClassKey>>;

impl Infer<'_> {
    /// `Ty::Applied(family, args)` as `resolve` gives it: the member once every argument
    /// is known (and the member can be made), else itself.
    pub(super) fn applied_member(&self, family: ClassKey, args: Vec<Ty>) -> Ty {
        let concrete: Option<Vec<Type>> = args.iter().map(|a| self.concrete(a)).collect();
        match concrete.and_then(|concrete| self.member_of(&family, &concrete)) {
            Some(member) => Ty::Class(member),
            None => Ty::Applied(family, args),
        }
    }

    /// The member of `family` for `args`, asked of the callees once; a member that cannot
    /// be made (an instantiation limit) is reported where the walk is (`walk_loc`).
    pub(super) fn member_of(&self, family: &ClassKey, args: &[Type]) -> Option<ClassKey> {
        let request = (family.clone(), args.to_vec());
        if let Some(known) = self.members.borrow().get(&request) {
            return known.clone();
        }
        let member = match self.callees.member(family, args) {
            Ok(member) => member,
            Err(message) => {
                self.member_errors
                    .borrow_mut()
                    .push(Diagnostic::new(self.walk_loc.get(), message));
                None
            }
        };
        self.members.borrow_mut().insert(request, member.clone());
        member
    }

    /// The family and arguments of a generic class's type: an `Applied`'s, or a member's
    /// (`Callees::family`).
    fn applied_parts(&self, t: &Ty) -> Option<(ClassKey, Vec<Ty>)> {
        match t {
            Ty::Applied(family, args) => Some((family.clone(), args.clone())),
            Ty::Class(key) => {
                let (family, args) = self.callees.family(key)?;
                Some((family, args.iter().map(Self::ty_of_type).collect()))
            }
            _ => None,
        }
    }

    /// Unifies two types of which one at least is an `Applied` (both resolved): of one
    /// family, argument by argument.
    pub(super) fn unify_applied(&mut self, a: &Ty, b: &Ty) -> Result<(), ()> {
        let (Some((fa, xs)), Some((fb, ys))) = (self.applied_parts(a), self.applied_parts(b))
        else {
            return Err(());
        };
        if fa != fb || xs.len() != ys.len() {
            return Err(());
        }
        for (x, y) in xs.iter().zip(&ys) {
            self.unify(x, y)?;
        }
        Ok(())
    }

    /// The fields of a class type as their names and types: a class's, or an `Applied`'s
    /// declared with the family's generics, instantiated with its arguments; `None` when
    /// `t` is no class (or its fields are not known: reported).
    pub(super) fn class_fields_of(&mut self, t: &Ty, loc: LocId) -> Option<Vec<(String, Ty)>> {
        match t {
            Ty::Class(key) => Some(
                self.class_fields(key, loc)
                    .iter()
                    .map(|f| (f.name.clone(), Self::ty_of_type(&f.ty)))
                    .collect(),
            ),
            Ty::Applied(family, args) => {
                let names: Vec<String> = self
                    .class_fields(family, loc)
                    .into_iter()
                    .map(|f| f.name)
                    .collect();
                let mut fields = Vec::with_capacity(names.len());
                for (i, name) in names.into_iter().enumerate() {
                    let t = self.declared_field(family, i, args, loc);
                    fields.push((name, t));
                }
                Some(fields)
            }
            _ => None,
        }
    }

    /// The type of field `i` of the family `family` applied to `args`.
    fn declared_field(&mut self, family: &ClassKey, i: usize, args: &[Ty], loc: LocId) -> Ty {
        match self.callees.field_declared(family, i) {
            Some(te) if resolved(&te, args.len()) => self.ty_of_expr_type_with(&te, Some(args)),
            Some(_) => {
                self.diags.push(Diagnostic::new(
                    loc,
                    format!(
                        "the fields of `{}` are not known as declared; were jitclass and jitclass-macros built from different versions?",
                        family.name
                    ),
                ));
                Ty::Unknown
            }
            // At macro time.
            None => Ty::Unknown,
        }
    }

    /// `base.name` on a generic class whose arguments are not all known yet: the family's
    /// field (or `#[getter]`), of the type it is declared with for those arguments.
    pub(super) fn applied_field(
        &mut self,
        id: ExprId,
        bt: &Ty,
        (family, args): (&ClassKey, &[Ty]),
        name: &str,
        loc: LocId,
    ) -> Ty {
        let applied = Ty::Applied(family.clone(), args.to_vec());
        let fields = self.class_fields_of(&applied, loc).unwrap_or_default();
        if let Some(i) = fields.iter().position(|(n, _)| n == name) {
            self.record_resolution(id, Resolution::Field(i as u32));
            return fields[i].1.clone();
        }
        if let Some(getter) = self.property(family, name, FnKind::Getter, loc) {
            let crate::ir::ExprKind::Field(base, _) = self.ir.expr(id).kind else {
                unreachable!("a field expression")
            };
            return self.call_target_applied(id, getter, (&[base], std::slice::from_ref(bt)), args);
        }
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        let shown = self.show(&applied);
        self.diags
            .push(diagnostics::no_class_field(loc, name, &shown, &names));
        Ty::Unknown
    }

    /// The receiver `recv` of a call of `name`: a generic class whose arguments are not
    /// known yet (`let s = Stack::new(); s.sum()`), whose family lacks `name` but exactly
    /// one impl of one instantiation (`impl Stack<f64>`) defines it, is that instantiation,
    /// as rustc picks the one impl that has the method; else `recv` as it is.
    pub(super) fn instantiation_defining(&mut self, recv: Ty, name: &str) -> Ty {
        let Ty::Applied(family, args) = &recv else {
            return recv;
        };
        if self.class_has_function(family, name) {
            return recv;
        }
        let found = self.callees.instantiations_defining(family, name);
        let [only] = found.as_slice() else {
            return recv;
        };
        if only.len() != args.len() {
            return recv;
        }
        let snapshot: Vec<Ty> = args.iter().map(|a| self.resolve(a)).collect();
        for (a, t) in snapshot.iter().zip(only) {
            if self.unify(a, &Self::ty_of_type(t)).is_err() {
                return recv;
            }
        }
        self.resolve(&recv)
    }

    /// A call of a family's function `f` found for an `Applied` of arguments `leading`:
    /// the class's generics are those arguments, the function's own are fresh; the call is
    /// rewritten to the member's function at the end.
    pub(super) fn call_target_applied(
        &mut self,
        id: ExprId,
        f: ClassFn,
        (args, arg_types): (&[ExprId], &[Ty]),
        leading: &[Ty],
    ) -> Ty {
        if !leading.is_empty() {
            self.family_calls.insert(id, leading.len());
        }
        self.call_target_with(id, f, args, arg_types, leading)
    }

    /// The final resolutions of the calls of a family's functions: the member's function,
    /// with the function's own generic arguments only (codegen never sees a family). A
    /// call whose member is not known is an error (a member that could not be made is
    /// reported already: `member_errors`).
    pub(super) fn rewrite_family_calls(
        &self,
        resolutions: &mut [Option<Resolution>],
    ) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        for (&id, &n) in &self.family_calls {
            let Some(Resolution::ClassCall { call, type_args }) = &mut resolutions[id.index()]
            else {
                continue;
            };
            let member = (type_args.len() >= n)
                .then(|| self.member_of(&call.class, &type_args[..n]))
                .flatten();
            match member {
                Some(member) => {
                    type_args.drain(..n);
                    call.class = member;
                }
                None => errors.push(Diagnostic::new(
                    self.ir.exprs[id.index()].loc,
                    format!(
                        "the function `{}` of `{}` is not known for these type arguments; were jitclass and jitclass-macros built from different versions?",
                        call.method, call.class.name
                    ),
                )),
            }
        }
        errors
    }

    /// rustc's E0282 for a generic class whose arguments nothing determined (one left a
    /// bare variable, `Stack<_>`): at the first local of such a type ("type annotations
    /// needed for `Stack<_>`"), else at the first open expression if it is one; `None`
    /// otherwise (an argument left open inside another type, `Pair<i64, Option<_>>`, is
    /// reported where that type is made: the `None`, as rustc does).
    pub(super) fn open_class_diagnostic(&self) -> Option<Diagnostic> {
        for (i, t) in self.local_types.iter().enumerate() {
            let Some(t) = t else { continue };
            if let Some((family, param)) = self.open_class(t) {
                let decl = &self.ir.locals[i];
                let names = self.callees.class_generics(&family);
                let help = match names.get(param) {
                    Some(p) => format!(
                        "help: consider giving `{}` an explicit type, where the type for type parameter `{p}` is specified",
                        decl.name
                    ),
                    None => format!(
                        "help: consider giving `{}` an explicit type, where the type arguments of `{}` are specified",
                        decl.name, family.name
                    ),
                };
                return Some(
                    Diagnostic::new(
                        decl.loc,
                        format!("type annotations needed for `{}`", self.show(t)),
                    )
                    .note(help),
                );
            }
        }
        let (i, t) = self
            .expr_types
            .iter()
            .enumerate()
            .find(|(_, t)| **t != Ty::Unknown && self.concrete(t).is_none())?;
        let (family, param) = self.open_class(t)?;
        let names = self.callees.class_generics(&family);
        let d = Diagnostic::new(self.ir.exprs[i].loc, "type annotations needed");
        Some(match names.get(param) {
            Some(p) => d
                .note(format!(
                    "note: cannot infer type of the type parameter `{p}` declared on the struct `{}`",
                    family.name
                ))
                .note(format!(
                    "help: consider specifying the generic argument: `{}::<{}>`",
                    family.name,
                    names.join(", ")
                )),
            None => d.note(format!(
                "note: cannot infer the type arguments of `{}`",
                family.name
            )),
        })
    }

    /// A generic class (`t` itself) with an argument that is a variable nothing bound,
    /// and that argument's index.
    fn open_class(&self, t: &Ty) -> Option<(ClassKey, usize)> {
        let Ty::Applied(family, args) = self.resolve(t) else {
            return None;
        };
        let open = args
            .iter()
            .position(|a| matches!(self.resolve(a), Ty::Var(_)))?;
        Some((family, open))
    }
}

/// Whether a family's declared type is as `Callees::field_declared` gives it: its class
/// and opaque references resolved, generics only the class's `n`.
fn resolved(te: &TypeExpr, n: usize) -> bool {
    let mut ok = true;
    te.for_each_part(&mut |t| match t {
        TypeExpr::Class(_) | TypeExpr::PassThru(_) => ok = false,
        TypeExpr::Generic(g) if *g as usize >= n => ok = false,
        _ => {}
    });
    ok
}
