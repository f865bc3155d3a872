//! References from a function's or a class's types to classes, resolved to the types they
//! name (instantiations of generic classes included), and where instances sit in a value.

use crate::class::ClassInfo;
use jitclass_core::Type;
use jitclass_core::ir::TypeExpr;
use jitclass_core::layout::{c_struct, size_align};

/// A type with its class and `PassThru` references resolved (`Concrete`) through the
/// getters of the function or class that wrote it; out-of-range references become
/// `Infer` (`validate` keeps them in range). A reference to a generic class is its
/// instantiation for the type arguments written on it (`written`, by `ClassRefId`;
/// `Self` and the class applied to its own parameters are written with them) once they
/// are concrete for `type_args` (the specialisation's, whose leading ones are `Self`'s);
/// otherwise `TypeExpr::Applied` of the family, to the arguments resolved as far as they
/// are (`Stack<T>` in a generic function's signature, as its callers see it), or to one
/// `Infer` per parameter when the reference is written without arguments (`Stack::new()`
/// outside its impl, which the caller's inference infers). An error if an instantiation
/// is past the limits (`ClassInfo::member`).
pub(crate) fn resolve_refs(
    te: &TypeExpr,
    refs: ClassRefs<'_>,
    opaques: &'static [fn() -> Type],
    type_args: &[Type],
) -> Result<TypeExpr, String> {
    let (classes, written) = refs;
    let mut error = None;
    let resolved = te.map_refs(&mut |t| match t {
        TypeExpr::Class(r) => Some(match classes.get(r.index()) {
            Some(info) if info().is_family() => {
                match applied(info(), written.get(r.index()), refs, opaques, type_args) {
                    Ok(te) => te,
                    Err(message) => {
                        error.get_or_insert(message);
                        TypeExpr::Infer
                    }
                }
            }
            Some(info) => TypeExpr::Concrete(info().jit_type()),
            None => TypeExpr::Infer,
        }),
        TypeExpr::PassThru(r) => Some(match opaques.get(r.index()) {
            Some(jit_type) => TypeExpr::Concrete(jit_type()),
            None => TypeExpr::Infer,
        }),
        _ => None,
    });
    match error {
        Some(message) => Err(message),
        None => Ok(resolved),
    }
}

/// The class references of a function or class: the getters of the classes, and the
/// type arguments written on each (`FnIr::class_args`).
pub(crate) type ClassRefs<'a> = (&'static [fn() -> &'static ClassInfo], &'a [Vec<TypeExpr>]);

/// The type a reference to the generic class `family` names (`resolve_refs`): its
/// instantiation if the written arguments are concrete, else `TypeExpr::Applied`.
fn applied(
    family: &'static ClassInfo,
    written: Option<&Vec<TypeExpr>>,
    refs: ClassRefs<'_>,
    opaques: &'static [fn() -> Type],
    type_args: &[Type],
) -> Result<TypeExpr, String> {
    let n = family.desc().generics.len();
    let args = match written.filter(|w| !w.is_empty()) {
        Some(written) if written.len() == n => written
            .iter()
            .map(|a| resolve_refs(a, refs, opaques, type_args))
            .collect::<Result<Vec<_>, _>>()?,
        // `validate` and the lowering keep the arity; inference reports what is left.
        Some(_) => return Ok(TypeExpr::Infer),
        None => vec![TypeExpr::Infer; n],
    };
    let concrete = args
        .iter()
        .map(|a| jitclass_core::infer::concrete_type(a, type_args))
        .collect::<Option<Vec<Type>>>();
    Ok(match concrete {
        Some(args) => TypeExpr::Concrete(family.member(&args)?.jit_type()),
        None => TypeExpr::Applied {
            family: family.key(),
            args: args.iter().map(|a| bind(a, type_args)).collect(),
        },
    })
}

/// `te` with the generics `type_args` gives bound to them (the others stay generic).
fn bind(te: &TypeExpr, type_args: &[Type]) -> TypeExpr {
    te.map_refs(&mut |t| match t {
        TypeExpr::Generic(i) => type_args
            .get(*i as usize)
            .map(|arg| TypeExpr::Concrete(arg.clone())),
        _ => None,
    })
}

/// A field type, concrete.
pub(crate) fn resolve(
    te: &TypeExpr,
    refs: ClassRefs<'_>,
    opaques: &'static [fn() -> Type],
    type_args: &[Type],
) -> Result<Type, String> {
    let resolved = resolve_refs(te, refs, opaques, type_args)?;
    jitclass_core::infer::concrete_type(&resolved, type_args).ok_or_else(|| {
        "a field type that is not concrete; were jitclass and jitclass-macros built from different versions?".to_string()
    })
}

/// The payload offsets of the `*mut MemInfo` of every class instance inside a value of
/// type `t` stored at `offset` (an empty `Option` is zeroed, so its meminfo is null).
pub(crate) fn managed_members(t: &Type, offset: usize, out: &mut Vec<usize>) {
    match t {
        // A trait object's meminfo is at its start, as an instance's.
        Type::Class(_)
        | Type::PassThru(_)
        | Type::Dyn { .. }
        | Type::Vec(_)
        | Type::String
        | Type::Map { .. } => out.push(offset),
        Type::Option(inner) => {
            let l = c_struct(&[size_align(&Type::BOOL), size_align(inner)]);
            managed_members(inner, offset + l.offsets[1] as usize, out);
        }
        Type::Tuple(es) => {
            let l = c_struct(&es.iter().map(size_align).collect::<Vec<_>>());
            for (e, o) in es.iter().zip(&l.offsets) {
                managed_members(e, offset + *o as usize, out);
            }
        }
        Type::Array { elem, len } if elem.is_managed() => {
            let stride = size_align(elem).size as usize;
            for i in 0..*len as usize {
                managed_members(elem, offset + i * stride, out);
            }
        }
        _ => {}
    }
}
