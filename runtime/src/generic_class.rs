//! Generic classes at run time: one `ClassInfo` per instantiation (`Stack<f64>`), made
//! at first use from the family's descriptor (the one `#[jitclass] struct Stack<T>`
//! emits) and interned by (family, type arguments), so that a class stays one address,
//! one `ClassKey` and one `Type::Class`: layouts, codegen, the method registry (an
//! instantiation's functions are its family's), subtyping and `Debug` see an ordinary
//! class. An instantiation made by jit code is laid out by jitclass (C layout of its
//! fields); when Rust names it (`Stack::<f64>::class_info()`) rustc's `offset_of!` of the
//! generic payload struct is checked against that layout.

use crate::class::{ClassDesc, ClassInfo, resolve_refs};
use jitclass_core::ir::TypeExpr;
use jitclass_core::layout::{c_struct, size_align};
use jitclass_core::{ClassKey, Type};
use std::any::TypeId;
use std::collections::HashMap;
use std::sync::Mutex;

/// Instantiations by (family address, type arguments).
type Members = HashMap<(usize, Vec<Type>), &'static ClassInfo>;

static MEMBERS: Mutex<Option<Members>> = Mutex::new(None);

/// Instantiations by the Rust type of their handle, checked against rustc's layout.
static BY_RUST_TYPE: Mutex<Option<HashMap<TypeId, &'static ClassInfo>>> = Mutex::new(None);

impl ClassInfo {
    /// The instantiation of this generic class for `type_args`, made at the first request
    /// (then leaked: a class lives as long as code compiled for it).
    pub(crate) fn member(&'static self, type_args: &[Type]) -> &'static ClassInfo {
        let key = (self as *const ClassInfo as usize, type_args.to_vec());
        let mut members = MEMBERS.lock().unwrap_or_else(|e| e.into_inner());
        let members = members.get_or_insert_with(HashMap::new);
        if let Some(member) = members.get(&key) {
            return member;
        }
        let desc = member_desc(self, type_args);
        let member: &'static ClassInfo = Box::leak(Box::new(ClassInfo::new_member(
            self,
            type_args.to_vec(),
            desc,
        )));
        members.insert(key, member);
        member
    }
}

/// The family's descriptor with the payload layout of its instantiation for
/// `type_args`. A field naming a class (the family itself, in `Option<Node<T>>`) is a
/// `{meminfo, data}` whichever class it is, so no other instantiation is made here. If
/// the fields do not decode, the layout is left empty and decoding the instantiation
/// reports why.
fn member_desc(family: &'static ClassInfo, type_args: &[Type]) -> ClassDesc {
    let mut desc = *family.desc();
    desc.offsets = &[];
    desc.size = 0;
    desc.align = 1;
    let Ok(ir) = family.class_ir() else {
        return desc;
    };
    let any_class = Type::Class(ClassKey {
        id: 0,
        name: String::new(),
    });
    let mut sizes = Vec::with_capacity(ir.fields.len());
    for f in &ir.fields {
        let classless = f.ty.map_refs(&mut |t| match t {
            TypeExpr::Class(_) => Some(TypeExpr::Concrete(any_class.clone())),
            _ => None,
        });
        let resolved = resolve_refs(&classless, (desc.classes, &[]), desc.opaques, type_args);
        match jitclass_core::infer::concrete_type(&resolved, type_args) {
            Some(t) => sizes.push(size_align(&t)),
            None => return desc,
        }
    }
    let layout = c_struct(&sizes);
    let offsets: Vec<usize> = layout.offsets.iter().map(|&o| o as usize).collect();
    desc.offsets = Box::leak(offsets.into_boxed_slice());
    desc.size = layout.size as usize;
    desc.align = layout.align as usize;
    desc
}

/// The descriptor of `C`, the instantiation of the generic class `family` for
/// `type_args()`, whose `#[repr(C)]` payload rustc laid out with `offsets`, `size` and
/// `align` (what `#[jitclass] struct Stack<T>` emits as `Stack<T>::class_info`).
///
/// # Panics
/// If rustc's layout is not the one jit code uses (a jitclass bug, as the check of a
/// non-generic class's layout reports).
#[doc(hidden)]
pub fn rust_member<C: 'static>(
    family: &'static ClassInfo,
    type_args: fn() -> Vec<Type>,
    offsets: &[usize],
    size: usize,
    align: usize,
) -> &'static ClassInfo {
    let id = TypeId::of::<C>();
    if let Some(found) = BY_RUST_TYPE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .and_then(|m| m.get(&id).copied())
    {
        return found;
    }
    let member = family.member(&type_args());
    let desc = member.desc();
    assert!(
        desc.offsets == offsets && desc.size == size && desc.align == align,
        "internal error in jitclass: the payload layout of `{}` differs between rustc (offsets {offsets:?}, size {size}, align {align}) and jitclass (offsets {:?}, size {}, align {})",
        member.key().name,
        desc.offsets,
        desc.size,
        desc.align
    );
    BY_RUST_TYPE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(HashMap::new)
        .insert(id, member);
    member
}

/// `te` with the leading generics bound to `args` and the others renumbered after them:
/// a generic class's method as its instantiation's callers see it.
pub(crate) fn bind_leading(te: &TypeExpr, args: &[Type]) -> TypeExpr {
    if args.is_empty() {
        return te.clone();
    }
    te.map_refs(&mut |t| match t {
        TypeExpr::Generic(i) => Some(match args.get(*i as usize) {
            Some(arg) => TypeExpr::Concrete(arg.clone()),
            None => TypeExpr::Generic(*i - args.len() as u32),
        }),
        _ => None,
    })
}
