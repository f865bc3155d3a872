//! What inference asks of generic classes as families (`Stack<?T>` before `?T` is known):
//! an instantiation's family and arguments, the instantiation for inferred arguments,
//! and the family's field declarations with the class's generics.

use crate::class::{ClassInfo, lookup, resolve_refs};
use jitclass_core::infer::FieldSig;
use jitclass_core::ir::TypeExpr;
use jitclass_core::{ClassKey, Type};

/// Of an instantiation (`Stack<i64>`), its family's key and its type arguments.
pub(super) fn family(class: &ClassKey) -> Option<(ClassKey, Vec<Type>)> {
    let info = lookup(class).ok()?;
    Some((info.family()?.key(), info.type_args().to_vec()))
}

/// The instantiation of the generic class `family` for `args`, made at first request; an
/// error for a key that is no family, a wrong number of arguments, or an instantiation
/// past the limits (`ClassInfo::member`).
pub(super) fn member(family: &ClassKey, args: &[Type]) -> Result<Option<ClassKey>, String> {
    let info = generic_family(family)?;
    let n = info.desc().generics.len();
    if args.len() != n {
        return Err(format!(
            "`{}` takes {n} type argument{}, not {}",
            info.name(),
            if n == 1 { "" } else { "s" },
            args.len()
        ));
    }
    Ok(Some(info.member(args)?.key()))
}

/// The fields of the class `class`: an instantiation's (or a plain class's) with their
/// concrete types; a family's in declaration order, where a field whose type names a
/// parameter has `Type::Never` as its type: its declaration (`field_declared`) is the
/// type to read, instantiated with the family's arguments.
pub(super) fn fields(class: &ClassKey) -> Result<Vec<FieldSig>, String> {
    let info = lookup(class)?;
    if !info.is_family() {
        return Ok(info.decoded_fields()?.to_vec());
    }
    let ir = info.class_ir()?;
    (0..ir.fields.len())
        .map(|i| {
            let declared = declared(info, i)?;
            Ok(FieldSig {
                name: ir.fields[i].name.clone(),
                ty: jitclass_core::infer::concrete_type(&declared, &[]).unwrap_or(Type::Never),
            })
        })
        .collect()
}

/// The type of the field `field` of a generic class's family, or of an instantiation's
/// family, as declared with the class's generics (`TypeExpr::Generic(i)` for its `i`th
/// parameter), class references resolved: another generic class over the parameters is
/// `TypeExpr::Applied` (`inner: Inner<T>`), any other class `Concrete`. `None` for a
/// class that is no generic class's.
pub(super) fn field_declared(class: &ClassKey, field: usize) -> Option<TypeExpr> {
    let info = lookup(class).ok()?;
    let family = if info.is_family() {
        info
    } else {
        info.family()?
    };
    declared(family, field).ok()
}

/// The declared type of a family's field, class references resolved with no type
/// arguments (so its parameters stay generic).
fn declared(family: &'static ClassInfo, field: usize) -> Result<TypeExpr, String> {
    let ir = family.class_ir()?;
    let f = ir
        .fields
        .get(field)
        .ok_or_else(|| format!("`{}` has no field {field}", family.name()))?;
    let desc = family.desc();
    resolve_refs(&f.ty, (desc.classes, &ir.class_args), desc.opaques, &[])
}

/// The descriptor of a generic class's family key.
fn generic_family(family: &ClassKey) -> Result<&'static ClassInfo, String> {
    let info = lookup(family)?;
    if info.is_family() {
        Ok(info)
    } else {
        Err(format!("`{}` is not a generic class", family.name))
    }
}
