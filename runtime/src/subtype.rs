//! Local subtyping on a dispatcher: declared sets of generic arguments that may share
//! one compiled specialisation (the never-landed Numba proposal "(local) subtyping"),
//! checked instead of trusted.
//!
//! A [`Supertype`] is declared on one dispatcher (`f::dispatcher().define_supertype(..)`)
//! and matches tuples of generic arguments, by list (nominal) or by a predicate over
//! types and class layouts (structural). A call whose arguments are in a supertype that
//! also holds an already compiled specialisation runs that code, with no compilation
//! (also after `disable_compile()`), if the code reads the new types as it reads the
//! compiled ones: every class it touches must have the touched fields at the same
//! offsets with the same types, and the code may rely on nothing else about the class
//! (its methods, constructing one, storing one in a typed place). The [`Footprint`] of a
//! compilation records exactly those facts, from the typed IR of everything compiled
//! into its module.

use crate::class::{ClassInfo, FieldLayout};
use crate::{ClassKey, Type};
use jitclass_core::infer::{Adjustment, Resolution, Typed};
use jitclass_core::ir::{ExprId, ExprKind, FnIr, ItemUse};
use std::fmt;

/// A set of generic-argument tuples that may share compiled code on one dispatcher.
///
/// Declared with [`Dispatcher::define_supertype`](crate::Dispatcher::define_supertype).
/// A call whose generic arguments are in the supertype runs the code compiled for other
/// arguments in it, if any, instead of compiling its own (also after `disable_compile`),
/// once the dispatcher has checked that the code reads the new types as it reads the old
/// ones: every class field it touches at the same offset with the same type, and no
/// other use of the class (methods, constructors, ...). Otherwise the call fails with an
/// [`ErrorKind::Subtype`](crate::ErrorKind::Subtype) error.
///
/// ```
/// use jitclass::{class_fields, jit, jitclass, type_of, ErrorKind, Supertype, Type};
///
/// #[jitclass]
/// pub struct Rec1 {
///     a: f64,
/// }
///
/// #[jitclass]
/// impl Rec1 {
///     pub fn new(a: f64) -> Self {
///         Rec1 { a }
///     }
/// }
///
/// #[jitclass]
/// pub struct Rec2 {
///     a: f64,
///     b: f64,
/// }
///
/// #[jitclass]
/// impl Rec2 {
///     pub fn new(a: f64, b: f64) -> Self {
///         Rec2 { a, b }
///     }
/// }
///
/// #[jitclass]
/// pub struct Rec3 {
///     b: f64,
///     a: f64,
/// }
///
/// #[jit]
/// fn get_a<R>(rec: R) -> f64 {
///     rec.a
/// }
///
/// // Structural: any class whose field `a` is an `f64` at offset 0.
/// get_a::dispatcher().define_supertype(Supertype::structural("a: f64 at 0", |args: &[Type]| {
///     matches!(args, [t] if class_fields(t).is_some_and(|fields| {
///         fields.iter().any(|f| f.name == "a" && f.ty == Type::F64 && f.offset == 0)
///     }))
/// }));
/// assert_eq!(get_a(Rec1::new(1.0)), 1.0);
/// assert_eq!(get_a(Rec2::new(2.0, 3.0)), 2.0); // runs the code compiled for `Rec1`
/// assert_eq!(get_a::dispatcher().compile_count(), 1);
///
/// // Nominal: the listed arguments. `Rec3`'s `a` is at offset 8, so the code compiled for
/// // `Rec1` cannot read it, and the declaration is refused at the call.
/// get_a::dispatcher().define_supertype(Supertype::nominal(
///     "declared",
///     [vec![type_of::<Rec1>()], vec![type_of::<Rec3>()]],
/// ));
/// let err = get_a::dispatcher().compile(&[type_of::<Rec3>()]).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::Subtype);
/// ```
pub struct Supertype {
    name: String,
    members: Members,
}

/// A structural supertype's membership test over generic arguments.
type Predicate = Box<dyn Fn(&[Type]) -> bool + Send + Sync>;

enum Members {
    Nominal(Vec<Vec<Type>>),
    Structural(Predicate),
}

impl Supertype {
    /// The listed tuples of generic arguments (one type per generic parameter).
    pub fn nominal(
        name: impl Into<String>,
        members: impl IntoIterator<Item = Vec<Type>>,
    ) -> Supertype {
        Supertype {
            name: name.into(),
            members: Members::Nominal(members.into_iter().collect()),
        }
    }

    /// Every tuple of generic arguments `contains` accepts, e.g. "any class whose field
    /// `a` is an `f64` at offset 0" (see [`class_fields`]).
    pub fn structural(
        name: impl Into<String>,
        contains: impl Fn(&[Type]) -> bool + Send + Sync + 'static,
    ) -> Supertype {
        Supertype {
            name: name.into(),
            members: Members::Structural(Box::new(contains)),
        }
    }

    /// The name given at declaration, for messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the generic arguments `type_args` are in this supertype.
    pub fn contains(&self, type_args: &[Type]) -> bool {
        match &self.members {
            Members::Nominal(list) => list.iter().any(|m| m == type_args),
            Members::Structural(contains) => contains(type_args),
        }
    }
}

impl fmt::Debug for Supertype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match &self.members {
            Members::Nominal(list) => format!("nominal, {} member(s)", list.len()),
            Members::Structural(_) => "structural".to_string(),
        };
        write!(f, "Supertype({:?}, {kind})", self.name)
    }
}

/// The payload fields of a class type, in order; `None` if `t` is not a class.
pub fn class_fields(t: &Type) -> Option<Vec<FieldLayout>> {
    let key = t.class()?;
    crate::class::lookup(key).ok()?.field_layouts().ok()
}

/// One function compiled into a module, as the footprint reads it: its IR, its types, and
/// the descriptors of the classes its IR names (by `ClassRefId`).
pub(crate) struct CompiledBody<'a> {
    pub ir: &'a FnIr,
    pub typed: &'a Typed,
    pub classes: &'static [fn() -> &'static ClassInfo],
}

/// What compiled code relies on about the classes in its generic arguments.
#[derive(Clone, Debug, Default)]
pub(crate) struct Footprint {
    uses: Vec<ClassUse>,
}

#[derive(Clone, Debug)]
struct ClassUse {
    class: ClassKey,
    /// Fields read or written, each once.
    fields: Vec<FieldLayout>,
    /// Anything else the code does with the class, as words for a message.
    reliance: Vec<String>,
}

impl Footprint {
    fn class(&mut self, key: &ClassKey) -> Option<&mut ClassUse> {
        self.uses.iter_mut().find(|u| u.class == *key)
    }
}

impl ClassUse {
    fn relies(&mut self, what: String) {
        if !self.reliance.contains(&what) {
            self.reliance.push(what);
        }
    }

    fn touches(&mut self, field: &FieldLayout) {
        if !self.fields.contains(field) {
            self.fields.push(field.clone());
        }
    }
}

/// Every class in `t`. (Every variant is listed, as in `occurrences`: a new type that
/// holds classes must say so here.)
fn classes_in(t: &Type, out: &mut Vec<ClassKey>) {
    match t {
        Type::Class(k) => {
            if !out.contains(k) {
                out.push(k.clone());
            }
        }
        Type::Tuple(es) => es.iter().for_each(|e| classes_in(e, out)),
        Type::Option(e)
        | Type::Vec(e)
        | Type::Array { elem: e, .. }
        | Type::Slice { elem: e, .. }
        | Type::Ptr { pointee: e, .. }
        | Type::Ref { inner: e, .. } => classes_in(e, out),
        Type::FnPtr { params, ret } => {
            params.iter().for_each(|p| classes_in(p, out));
            classes_in(ret, out);
        }
        Type::Map { key, value } => {
            classes_in(key, out);
            classes_in(value, out);
        }
        // A trait object's classes are known only by the values coerced to it, which have
        // their class's type where they are coerced.
        Type::Prim(_)
        | Type::Unit
        | Type::Never
        | Type::Str
        | Type::String
        | Type::PassThru(_)
        | Type::Dyn { .. } => {}
    }
}

/// The footprint of a module compiled for `type_args`: what its instances do with each
/// class among the generic arguments.
pub(crate) fn footprint(
    bodies: &[CompiledBody<'_>],
    type_args: &[Type],
) -> Result<Footprint, String> {
    let mut tracked = Vec::new();
    type_args.iter().for_each(|t| classes_in(t, &mut tracked));
    let mut fp = Footprint {
        uses: tracked
            .into_iter()
            .map(|class| ClassUse {
                class,
                fields: Vec::new(),
                reliance: Vec::new(),
            })
            .collect(),
    };
    if fp.uses.is_empty() {
        return Ok(fp);
    }
    let keys: Vec<ClassKey> = fp.uses.iter().map(|u| u.class.clone()).collect();
    for body in bodies {
        for i in 0..body.ir.exprs.len() {
            for key in &keys {
                let u = fp.class(key).expect("tracked");
                expr_use(u, body, ExprId(i as u32))?;
            }
        }
    }
    // Checked last, so that a more specific reliance is the one reported.
    // Values of a class at two generic positions meet in the code (`fn f<R, S>(r: R) -> S
    // { r }` compiled with `R = S = A`): one of them could come back as the other.
    for u in &mut fp.uses {
        let positions: usize = type_args.iter().map(|t| occurrences(t, &u.class)).sum();
        if positions > 1 {
            u.reliance.push(format!(
                "takes `{}` at {positions} places in its generic arguments, and may mix their values",
                u.class.name
            ));
        }
    }
    confine_to_generic_arguments(bodies, &mut fp);
    Ok(fp)
}

/// What expression `id` of `body` does with the class of `u`: the class functions its
/// resolution calls, the fields it reads or writes, and anything else it relies on. Both
/// matches list every case, so that a new expression kind or resolution does not compile
/// until it says what it does with a class.
fn expr_use(u: &mut ClassUse, body: &CompiledBody<'_>, id: ExprId) -> Result<(), String> {
    let (ir, typed, key) = (body.ir, body.typed, u.class.clone());
    let ty = |e: ExprId| &typed.expr_types[e.index()];
    let mentions = |t: &Type| occurrences(t, &key) > 0;
    let resolution = typed.resolution(id);
    let calls = match resolution {
        Some(Resolution::ClassCall { call, .. }) => vec![call],
        Some(Resolution::ClassOp(op)) => op.calls(),
        // A jit fn's body is among `bodies`, with its own uses; builtin methods and struct
        // literals need no class function, and fields are judged by the expression below.
        Some(
            Resolution::Call { .. }
            | Resolution::Builtin(_)
            | Resolution::Field(_)
            | Resolution::Literal(_)
            | Resolution::DynCall(_),
        )
        | None => Vec::new(),
    };
    // A trait object of the class calls its trait's functions through the vtable, which
    // the class's own entry points fill.
    let made_dyn = match (&ir.expr(id).kind, typed.adjustment(id)) {
        (_, Some(Adjustment::ToDyn { class, key: t, .. })) if *class == key => Some(&t.name),
        (ExprKind::BoxNew(inner), _) if ty(*inner).class() == Some(&key) => match ty(id) {
            Type::Dyn { key: t, .. } => Some(&t.name),
            _ => None,
        },
        _ => None,
    };
    if let Some(t) = made_dyn {
        u.relies(format!("makes a `dyn {t}` of `{}`", key.name));
    }
    for call in calls.into_iter().filter(|c| c.class == key) {
        u.relies(format!("calls `{}::{}`", key.name, call.method));
    }
    match &ir.expr(id).kind {
        // A field holding this class (of any instance) gives a value that did not come
        // from the generic arguments.
        ExprKind::Field(..) if mentions(ty(id)) => {
            u.relies(format!("reads a field of type `{}`", ty(id)));
        }
        ExprKind::Field(base, name) if ty(*base).class() == Some(&key) => match resolution {
            Some(Resolution::Field(index)) => {
                let layouts = crate::class::lookup(&key)?.decoded_field_layouts()?;
                let field = layouts
                    .get(*index as usize)
                    .ok_or_else(|| format!("field `{name}` of `{}` out of range", key.name))?;
                u.touches(field);
            }
            // A `#[getter]` property read: the call is a reliance above.
            Some(Resolution::ClassCall { .. }) => {}
            // The place of an assigned `#[setter]` property: a call of the class's function.
            None => u.relies(format!("uses the property `{}.{name}`", key.name)),
            Some(
                other @ (Resolution::Call { .. }
                | Resolution::Builtin(_)
                | Resolution::ClassOp(_)
                | Resolution::Literal(_)
                | Resolution::DynCall(_)),
            ) => return Err(format!("field `{name}` resolved to {other:?}")),
        },
        // A field of another class, or of an instance of this one whose type is not
        // tracked here: what it reads is that class's concern.
        ExprKind::Field(..) => {}
        ExprKind::StructLit { fields, .. } => {
            if ty(id).class() == Some(&key) {
                u.relies(format!("constructs a `{}`", key.name));
            }
            if fields.iter().any(|(_, v)| mentions(ty(*v))) {
                u.relies(format!("stores a `{}` in a new `{}`", key.name, ty(id)));
            }
        }
        // A field or a slice element has a type of its own, which the value must really
        // have; a local's is the function's own.
        ExprKind::Assign(place, value) | ExprKind::CompoundAssign(_, place, value) => {
            if !matches!(ir.expr(*place).kind, ExprKind::Local(_)) && mentions(ty(*value)) {
                u.relies(format!("stores a `{}` in a field or slice", key.name));
            }
        }
        // Their type argument may be the class (through a generic parameter): assumed so.
        ExprKind::Intrinsic { which, .. } => {
            u.relies(format!("uses `{}`", which.name()));
        }
        ExprKind::ObjMode { args, .. } => {
            if args.iter().any(|a| mentions(ty(*a))) || mentions(ty(id)) {
                u.relies(format!(
                    "passes a `{}` through an `objmode!` block",
                    key.name
                ));
            }
        }
        // Calls and operators: what they call is their resolution's (above).
        ExprKind::Call { .. }
        | ExprKind::MethodCall { .. }
        | ExprKind::AssocCall { .. }
        | ExprKind::TraitCall { .. }
        | ExprKind::DefaultOf(_)
        | ExprKind::Unary(..)
        | ExprKind::Binary(..)
        | ExprKind::Index(..) => {}
        // These move values of the class around (handles are `{meminfo, data}` whatever
        // the class), compare handles, or have nothing to do with classes; a type written
        // in one (a cast, a `let` annotation) is `confine_to_generic_arguments`'s concern.
        ExprKind::Lit(_)
        | ExprKind::Const(_)
        | ExprKind::Local(_)
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
        | ExprKind::CallIndirect { .. }
        | ExprKind::FnRef(_)
        | ExprKind::ForEach { .. }
        | ExprKind::AddrOf { .. }
        | ExprKind::Panic(_)
        | ExprKind::Some(_)
        | ExprKind::BoxNew(_)
        | ExprKind::None
        | ExprKind::VecNew { .. }
        | ExprKind::SubSlice { .. }
        | ExprKind::IfLetSome { .. } => {}
    }
    Ok(())
}

/// How many times the class `key` occurs in `t`.
pub(crate) fn occurrences(t: &Type, key: &ClassKey) -> usize {
    match t {
        Type::Class(k) => usize::from(k == key),
        Type::Tuple(es) => es.iter().map(|e| occurrences(e, key)).sum(),
        Type::Array { elem, len } => occurrences(elem, key) * *len as usize,
        Type::Option(e)
        | Type::Vec(e)
        | Type::Slice { elem: e, .. }
        | Type::Ptr { pointee: e, .. }
        | Type::Ref { inner: e, .. } => occurrences(e, key),
        Type::FnPtr { params, ret } => {
            params.iter().map(|p| occurrences(p, key)).sum::<usize>() + occurrences(ret, key)
        }
        Type::Map { key: k, value } => occurrences(k, key) + occurrences(value, key),
        // A trait object's classes are known only by the values coerced to it, which have
        // their class's type where they are coerced.
        Type::Prim(_)
        | Type::Unit
        | Type::Never
        | Type::Str
        | Type::String
        | Type::PassThru(_)
        | Type::Dyn { .. } => 0,
    }
}

/// Every value of a tracked class must come from the generic arguments, where the new
/// class will be: a type written with the class's name anywhere in the module (a
/// parameter, a result, an annotation, a literal, a callee's signature) is another
/// source of such values, a reliance.
fn confine_to_generic_arguments(bodies: &[CompiledBody<'_>], fp: &mut Footprint) {
    for body in bodies {
        let (ir, classes) = (body.ir, body.classes);
        let mut named = Vec::new();
        let mut note = |item: ItemUse| {
            if let ItemUse::Class(c) = item {
                named.push(c);
            }
        };
        for p in &ir.params {
            p.ty.for_each_item(&mut note);
        }
        ir.ret.for_each_item(&mut note);
        for e in &ir.exprs {
            e.kind.for_each_item(&mut note);
        }
        for t in ir.explicit_generics.iter().flat_map(|(_, types)| types) {
            t.for_each_item(&mut note);
        }
        for c in named {
            let Some(getter) = classes.get(c.index()) else {
                continue;
            };
            let key = getter().key();
            if let Some(u) = fp.class(&key) {
                u.relies(format!("names `{}` in a type in `{}`", key.name, ir.name));
            }
        }
    }
}

/// Pairs of classes where `old` and `new` differ; an error if they differ elsewhere.
fn differing_classes(
    old: &Type,
    new: &Type,
    out: &mut Vec<(ClassKey, ClassKey)>,
) -> Result<(), String> {
    match (old, new) {
        _ if old == new => Ok(()),
        (Type::Class(a), Type::Class(b)) => {
            out.push((a.clone(), b.clone()));
            Ok(())
        }
        (Type::Tuple(xs), Type::Tuple(ys)) if xs.len() == ys.len() => xs
            .iter()
            .zip(ys)
            .try_for_each(|(x, y)| differing_classes(x, y, out)),
        (Type::Option(x), Type::Option(y)) => differing_classes(x, y, out),
        (
            Type::Slice {
                elem: x,
                mutable: mx,
            },
            Type::Slice {
                elem: y,
                mutable: my,
            },
        ) if mx == my => differing_classes(x, y, out),
        _ => Err(format!(
            "`{new}` is not `{old}`, and only class types can share compiled code (their fields are read at fixed offsets)"
        )),
    }
}

/// Whether code compiled for `old` (with footprint `fp`) may run for `new`; the error
/// names what differs.
pub(crate) fn verify(old: &[Type], fp: &Footprint, new: &[Type]) -> Result<(), String> {
    let mut pairs = Vec::new();
    for (o, n) in old.iter().zip(new) {
        differing_classes(o, n, &mut pairs)?;
    }
    for (old_class, new_class) in pairs {
        let Some(u) = fp.uses.iter().find(|u| u.class == old_class) else {
            continue;
        };
        if let Some(what) = u.reliance.first() {
            return Err(format!(
                "the code compiled for `{}` {what}, which a `{}` does not share",
                old_class.name, new_class.name
            ));
        }
        let new_fields = crate::class::lookup(&new_class)?.decoded_field_layouts()?;
        for f in &u.fields {
            match new_fields.iter().find(|g| g.name == f.name) {
                None => {
                    return Err(format!(
                        "the code compiled for `{}` reads its field `{}`, which `{}` does not have",
                        old_class.name, f.name, new_class.name
                    ));
                }
                Some(g) if g.offset != f.offset || g.ty != f.ty => {
                    return Err(format!(
                        "field `{}` is `{}` at offset {} in `{}` but `{}` at offset {} in `{}`, so the code compiled for `{}` cannot read it",
                        f.name,
                        f.ty,
                        f.offset,
                        old_class.name,
                        g.ty,
                        g.offset,
                        new_class.name,
                        old_class.name
                    ));
                }
                Some(_) => {}
            }
        }
    }
    Ok(())
}
