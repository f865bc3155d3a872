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
use jitclass_core::limits::{self, TypeLimit};
use jitclass_core::{ClassKey, Type};
use std::any::TypeId;
use std::collections::HashMap;
use std::sync::Mutex;

/// Instantiations by (family address, type arguments).
type Members = HashMap<(usize, Vec<Type>), &'static ClassInfo>;

static MEMBERS: Mutex<Option<Members>> = Mutex::new(None);

/// The depth and size of each instantiation's type with its type arguments spelled out
/// (`Stack<Stack<i64>>`: depth 3, size 3), by its address: what the type limits measure
/// of an instantiation, whose `Type::Class` is one part however deep its arguments are.
static SHAPES: Mutex<Option<HashMap<usize, (usize, usize)>>> = Mutex::new(None);

/// Instantiations by the Rust type of their handle, checked against rustc's layout.
static BY_RUST_TYPE: Mutex<Option<HashMap<TypeId, &'static ClassInfo>>> = Mutex::new(None);

impl ClassInfo {
    /// The instantiation of this generic class for `type_args`, made at the first request
    /// (then leaked: a class lives as long as code compiled for it). An error if the
    /// instantiation's type, its arguments spelled out, is past the type limits
    /// (`MAX_TYPE_DEPTH`, `MAX_TYPE_SIZE`): a program instantiating ever-deeper classes
    /// (a generic function calling itself with `Stack<T>` for `T`) stops there.
    pub(crate) fn member(&'static self, type_args: &[Type]) -> Result<&'static ClassInfo, String> {
        let key = (self as *const ClassInfo as usize, type_args.to_vec());
        let mut members = MEMBERS.lock().unwrap_or_else(|e| e.into_inner());
        let members = members.get_or_insert_with(HashMap::new);
        if let Some(member) = members.get(&key) {
            return Ok(member);
        }
        let shape = member_shape(type_args);
        if let Some(limit) = exceeded(shape) {
            let args: Vec<String> = type_args.iter().map(short_type).collect();
            return Err(format!(
                "reached the {} while instantiating `{}<{}>`\n{}\n{}",
                limit.name(),
                self.name(),
                args.join(", "),
                limit.note(),
                limits::GROWING_TYPES_NOTE
            ));
        }
        let desc = member_desc(self, type_args);
        let member: &'static ClassInfo = Box::leak(Box::new(ClassInfo::new_member(
            self,
            type_args.to_vec(),
            desc,
        )));
        members.insert(key, member);
        SHAPES
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert_with(HashMap::new)
            .insert(member as *const ClassInfo as usize, shape);
        Ok(member)
    }
}

/// The depth and size of an instantiation for `type_args`: one level and one part for
/// the class, plus its arguments' spelled out.
fn member_shape(type_args: &[Type]) -> (usize, usize) {
    let shapes = SHAPES.lock().unwrap_or_else(|e| e.into_inner());
    let shapes = shapes.as_ref();
    type_args.iter().fold((1, 1), |(depth, size), t| {
        let (d, s) = shape(t, shapes);
        (depth.max(d.saturating_add(1)), size.saturating_add(s))
    })
}

/// The depth and size of `t` with the arguments of every instantiation in it spelled out.
/// `t` is within the type limits (inference checks every type it makes), so the
/// recursion is shallow.
fn shape(t: &Type, shapes: Option<&HashMap<usize, (usize, usize)>>) -> (usize, usize) {
    if let Type::Class(key) = t {
        return shapes
            .and_then(|s| s.get(&key.id).copied())
            .unwrap_or((1, 1));
    }
    let (mut depth, mut size) = (0, 1usize);
    limits::type_children(t, &mut |c| {
        let (d, s) = shape(c, shapes);
        depth = depth.max(d);
        size = size.saturating_add(s);
    });
    (depth.saturating_add(1), size)
}

/// The type limit an instantiation of this shape is past, if any.
fn exceeded((depth, size): (usize, usize)) -> Option<TypeLimit> {
    if depth > limits::MAX_TYPE_DEPTH {
        Some(TypeLimit::Depth)
    } else if size > limits::MAX_TYPE_SIZE {
        Some(TypeLimit::Size)
    } else {
        None
    }
}

/// A type argument as an error shows it: shortened as rustc shortens long types, also
/// inside an instantiation's name, which spells its arguments out.
fn short_type(t: &Type) -> String {
    const SHOWN: usize = 60;
    let whole = limits::shortened(t);
    match whole.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}...", &whole[..cut]),
        None => whole,
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
        let Ok(resolved) = resolve_refs(&classless, (desc.classes, &[]), desc.opaques, type_args)
        else {
            return desc;
        };
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
    // rustc named this type, so it is within rustc's limits, which are jitclass's.
    let member = family
        .member(&type_args())
        .unwrap_or_else(|message| panic!("{message}"));
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
