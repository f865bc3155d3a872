//! The documented limits on the size of jit programs, and their checks.
//!
//! Each limit is far above what realistic code reaches, and is checked before anything
//! recurses that deep or builds anything that large, so that a program past one fails
//! fast with a clear error instead of exhausting the stack or the memory:
//! - expressions nest at most [`MAX_NESTING`] levels (checked on the IR, at macro time at
//!   the token and again when the runtime decodes the IR);
//! - types nest at most [`MAX_TYPE_DEPTH`] levels and have at most [`MAX_TYPE_SIZE`]
//!   parts (written types at macro time; every type inference produces, and the generic
//!   arguments of every instance, at run time);
//! - a generic function instantiates itself at most [`MAX_INSTANTIATION_DEPTH`] levels
//!   deep (as rustc's `recursion_limit`), and one compilation holds at most
//!   [`MAX_INSTANCES`] instances;
//! - a tuple crossing between Rust and jit code has at most [`MAX_CROSSING_TUPLE_LEN`]
//!   elements (checked at macro time, at the tuple: `lower::types`).
//!
//! Types print shortened in these errors ([`shortened`]): a type that doubles at every
//! instantiation is too large to print whole.

use crate::diag::Diagnostic;
use crate::ir::{ExprId, ExprKind, FnIr, LocId, Pattern, Stmt, TypeExpr};
use crate::types::Type;
use std::fmt::Write;

/// The deepest nesting of expressions: each operator, call, method call, block, `if` (and
/// each `else if` of a chain), loop, ... is a level; parentheses are not.
pub const MAX_NESTING: usize = 8192;

/// The deepest nesting of a type: `u8` is one level, `(u8,)` two, `Option<(u8,)>` three.
/// Patterns destructure types, so they nest at most as deep.
pub const MAX_TYPE_DEPTH: usize = 64;

/// The most parts of a type: each primitive, tuple, `Option`, slice, pointer, function
/// pointer, class and `()` in it counts one.
pub const MAX_TYPE_SIZE: usize = 1024;

/// How deeply a generic function may instantiate itself: the instances of one function
/// on the chain of calls from the function called from Rust (rustc's `recursion_limit`
/// counts the same way). Instances of other functions on the chain do not count.
pub const MAX_INSTANTIATION_DEPTH: usize = 32;

/// The most instances (function + generic arguments) one compilation holds.
pub const MAX_INSTANCES: usize = 2000;

/// The most elements of a tuple that crosses between Rust and jit code (in a jit fn's
/// signature, a class field, an `objmode!` block's inputs): the runtime represents them
/// as its `Tuple1`..`Tuple8`. A nested tuple counts as one element; inside a body a tuple
/// may have any number.
pub const MAX_CROSSING_TUPLE_LEN: usize = 8;

/// The most elements of one array type (`[T; N]`, each dimension of a nested one): LLVM's
/// array types are built with a 32-bit length. Larger buffers belong in a `Vec`.
///
/// Arrays are otherwise as large as Rust allows: no value is larger than `isize::MAX`
/// bytes (rustc's "too big for the target architecture"). Codegen keeps them in memory
/// (never as LLVM aggregate values, whose compile time grows with their length), and a
/// local larger than the thread's stack overflows it as in Rust: on x86-64 generated
/// code probes the stack page by page, as rustc's does, so it hits the guard page and the
/// process aborts with Rust's "has overflowed its stack" rather than writing past it
/// (LLVM 14 has no stack probes on AArch64).
pub const MAX_ARRAY_LEN: u64 = u32::MAX as u64;

/// What a type exceeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeLimit {
    /// [`MAX_TYPE_DEPTH`]
    Depth,
    /// [`MAX_TYPE_SIZE`]
    Size,
}

impl TypeLimit {
    /// The limit's name as in "reached the type-length limit".
    pub fn name(self) -> &'static str {
        match self {
            TypeLimit::Depth => "type nesting limit",
            TypeLimit::Size => "type-length limit",
        }
    }

    /// What jitclass supports, as a note.
    pub fn note(self) -> String {
        match self {
            TypeLimit::Depth => {
                format!("note: jitclass supports types nested at most {MAX_TYPE_DEPTH} levels deep")
            }
            TypeLimit::Size => format!(
                "note: jitclass supports types of at most {MAX_TYPE_SIZE} parts (each primitive, tuple, `Option`, slice, pointer, ... counts one)"
            ),
        }
    }
}

/// Whether a tree of types (`children` lists each node's children) keeps within
/// `max_depth` levels and `max_size` nodes. It stops one node past either limit, so the
/// cost is bounded whatever the tree's size.
pub fn measure<'a, T: ?Sized>(
    root: &'a T,
    max_depth: usize,
    max_size: usize,
    mut children: impl FnMut(&'a T, &mut dyn FnMut(&'a T)),
) -> Result<(), TypeLimit> {
    let mut stack = vec![(root, 1)];
    let mut size = 0;
    while let Some((t, depth)) = stack.pop() {
        size += 1;
        if depth > max_depth {
            return Err(TypeLimit::Depth);
        }
        if size > max_size {
            return Err(TypeLimit::Size);
        }
        children(t, &mut |c| stack.push((c, depth + 1)));
    }
    Ok(())
}

/// The direct parts of a type.
pub fn type_children<'a>(t: &'a Type, push: &mut dyn FnMut(&'a Type)) {
    match t {
        Type::Tuple(es) => es.iter().for_each(push),
        Type::FnPtr { params, ret } => {
            params.iter().for_each(&mut *push);
            push(ret)
        }
        Type::Map { key, value } => {
            push(key);
            push(value)
        }
        Type::Slice { elem: inner, .. }
        | Type::Option(inner)
        | Type::Vec(inner)
        | Type::Array { elem: inner, .. }
        | Type::Ptr { pointee: inner, .. }
        | Type::Ref { inner, .. } => push(inner),
        Type::Prim(_)
        | Type::Unit
        | Type::Never
        | Type::Str
        | Type::String
        | Type::Class(_)
        | Type::PassThru(_)
        | Type::Dyn { .. } => {}
    }
}

/// Whether a type keeps within [`MAX_TYPE_DEPTH`] and [`MAX_TYPE_SIZE`].
pub fn check_type(t: &Type) -> Result<(), TypeLimit> {
    measure(t, MAX_TYPE_DEPTH, MAX_TYPE_SIZE, type_children)
}

/// Whether a written type keeps within [`MAX_TYPE_DEPTH`] and [`MAX_TYPE_SIZE`].
pub fn check_type_expr(t: &TypeExpr) -> Result<(), TypeLimit> {
    measure(t, MAX_TYPE_DEPTH, MAX_TYPE_SIZE, |t, push| match t {
        TypeExpr::Tuple(es) => es.iter().for_each(push),
        TypeExpr::FnPtr { params, ret } => {
            params.iter().for_each(&mut *push);
            push(ret)
        }
        TypeExpr::Map { key, value } => {
            push(key);
            push(value)
        }
        TypeExpr::Applied { args, .. } => args.iter().for_each(push),
        TypeExpr::Slice { elem: inner, .. }
        | TypeExpr::Option(inner)
        | TypeExpr::Vec(inner)
        | TypeExpr::Array { elem: inner, .. }
        | TypeExpr::Ptr { pointee: inner, .. }
        | TypeExpr::Ref { inner, .. } => push(inner),
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
    })
}

/// How many levels a pattern nests: a name or `_` is one, `(a, b)` two.
fn pattern_depth(p: &Pattern) -> Result<(), TypeLimit> {
    measure(p, MAX_TYPE_DEPTH, usize::MAX, |p, push| {
        if let Pattern::Tuple(ps) = p {
            ps.iter().for_each(push)
        }
    })
}

/// The message of a written type past a limit, at the type.
pub fn written_type_message(limit: TypeLimit) -> String {
    let what = match limit {
        TypeLimit::Depth => "type nested too deeply",
        TypeLimit::Size => "type too large",
    };
    format!("{what}: {}", &limit.note()["note: ".len()..])
}

/// The message of an instance whose generic arguments pass a limit: "reached the
/// type-length limit while instantiating `grow::<((..., ...), ...)>`".
pub fn instantiating(limit: &str, function: &str, type_args: &[Type]) -> String {
    let args: Vec<String> = type_args.iter().map(shortened).collect();
    format!(
        "reached the {limit} while instantiating `{function}::<{}>`",
        args.join(", ")
    )
}

/// The note on a generic function past [`MAX_INSTANTIATION_DEPTH`].
pub fn instantiation_depth_note(function: &str) -> String {
    format!(
        "note: jitclass instantiates a generic function at most {MAX_INSTANTIATION_DEPTH} levels deep within its own instances; `{function}` calls itself with ever-changing generic arguments, which never ends"
    )
}

/// A note on a type that grew past a limit in a generic function.
pub const GROWING_TYPES_NOTE: &str = "note: a generic function that calls itself with ever-growing types never finishes instantiating (rustc rejects it too)";

/// A type as Rust spells it, shortened past its first few parts (`...` for the rest), as
/// rustc shortens long types in its messages: the full spelling of a type that doubled at
/// every instantiation would not fit in memory.
pub fn shortened(t: &Type) -> String {
    const WHOLE: usize = 16;
    const SHOWN: usize = 8;
    if measure(t, WHOLE, WHOLE, type_children).is_ok() {
        return t.to_string();
    }
    let mut out = String::new();
    write_shortened(t, &mut SHOWN.clone(), &mut out);
    out
}

/// Writes `t` with `budget` parts left; each part written takes one, and parts past the
/// budget are written `...` (a list's third and later ones as one `...`), so the output
/// is short and the recursion shallow whatever the type.
fn write_shortened(t: &Type, budget: &mut usize, out: &mut String) {
    if *budget == 0 {
        out.push_str("...");
        return;
    }
    *budget -= 1;
    let list = |items: &[&Type], budget: &mut usize, out: &mut String| {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if *budget == 0 && i >= 2 {
                out.push_str("...");
                break;
            }
            write_shortened(item, budget, out);
        }
    };
    match t {
        Type::Tuple(es) => {
            out.push('(');
            list(&es.iter().collect::<Vec<_>>(), budget, out);
            if es.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Type::Slice { elem, mutable } => {
            out.push_str(if *mutable { "&mut [" } else { "&[" });
            write_shortened(elem, budget, out);
            out.push(']');
        }
        Type::Option(inner) => {
            out.push_str("Option<");
            write_shortened(inner, budget, out);
            out.push('>');
        }
        Type::Vec(elem) => {
            out.push_str("Vec<");
            write_shortened(elem, budget, out);
            out.push('>');
        }
        Type::Map { key, value } => {
            out.push_str("HashMap<");
            write_shortened(key, budget, out);
            out.push_str(", ");
            write_shortened(value, budget, out);
            out.push('>');
        }
        Type::Ptr { pointee, mutable } => {
            out.push_str(if *mutable { "*mut " } else { "*const " });
            write_shortened(pointee, budget, out);
        }
        Type::Ref { inner, mutable } => {
            out.push_str(if *mutable { "&mut " } else { "&" });
            write_shortened(inner, budget, out);
        }
        Type::FnPtr { params, ret } => {
            out.push_str("extern \"C\" fn(");
            list(&params.iter().collect::<Vec<_>>(), budget, out);
            out.push(')');
            if **ret != Type::Unit {
                out.push_str(" -> ");
                write_shortened(ret, budget, out);
            }
        }
        leaf => {
            let _ = write!(out, "{leaf}");
        }
    }
}

thread_local! {
    /// How many types or patterns are being decoded, one inside the other.
    static DECODING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Decodes a type or pattern with `decode`, refusing one nested deeper than
/// [`MAX_TYPE_DEPTH`]: decoding recurses once per level, and only a corrupt IR nests
/// deeper (the macro checks what it encodes).
pub(crate) fn decode_nested<'de, D: serde::Deserializer<'de>, T>(
    deserializer: D,
    decode: impl FnOnce(D) -> Result<T, D::Error>,
) -> Result<T, D::Error> {
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            DECODING.with(|d| d.set(d.get() - 1));
        }
    }
    let depth = DECODING.with(|d| {
        d.set(d.get() + 1);
        d.get()
    });
    let _leave = Leave;
    if depth > MAX_TYPE_DEPTH {
        return Err(serde::de::Error::custom(format!(
            "a type or pattern nested deeper than {MAX_TYPE_DEPTH} levels"
        )));
    }
    decode(deserializer)
}

/// The first place where a function's IR passes a limit: an expression nested deeper
/// than [`MAX_NESTING`], a pattern nested deeper than [`MAX_TYPE_DEPTH`], or a written
/// type past the type limits. The macro reports it at the token; the runtime refuses an
/// IR that passes one (the macro never emits such an IR).
pub fn check_fn(ir: &FnIr) -> Result<(), Diagnostic> {
    let type_at = |t: &TypeExpr, loc: LocId| {
        check_type_expr(t).map_err(|limit| Diagnostic::limit(loc, written_type_message(limit)))
    };
    type_at(&ir.ret, ir.ret_loc)?;
    for p in &ir.params {
        type_at(&p.ty, p.loc)?;
    }
    if let Some(deep) = too_deep(ir) {
        return Err(Diagnostic::limit(
            ir.expr(deep).loc,
            format!(
                "expression nested too deeply: jitclass supports at most {MAX_NESTING} levels of nested expressions"
            ),
        )
        .note("help: bind parts of it to variables with `let`, or move them into another function"));
    }
    let pattern_at = |p: &Pattern, loc: LocId| {
        pattern_depth(p).map_err(|_| {
            Diagnostic::limit(
                loc,
                format!(
                    "pattern nested too deeply: jitclass supports types, and so patterns, nested at most {MAX_TYPE_DEPTH} levels deep"
                ),
            )
        })
    };
    for e in &ir.exprs {
        match &e.kind {
            ExprKind::Cast(_, t) | ExprKind::Intrinsic { ty: t, .. } => type_at(t, e.loc)?,
            ExprKind::ObjMode { inputs, output, .. } => {
                for t in inputs.iter().chain(std::iter::once(output)) {
                    type_at(t, e.loc)?;
                }
            }
            ExprKind::IfLetSome { pattern, .. } => pattern_at(pattern, e.loc)?,
            ExprKind::Block(b) => {
                for stmt in &b.stmts {
                    if let Stmt::Let {
                        pattern, ty, loc, ..
                    } = stmt
                    {
                        pattern_at(pattern, *loc)?;
                        if let Some(t) = ty {
                            type_at(t, *loc)?;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The first expression (in a depth-first walk from the body) nested deeper than
/// [`MAX_NESTING`]. Iterative, so it measures any depth; an expression reached twice
/// (or a cycle in a corrupt IR) is walked again only when reached deeper.
fn too_deep(ir: &FnIr) -> Option<ExprId> {
    let mut reached = vec![0usize; ir.exprs.len()];
    let mut stack = vec![(ir.body, 1)];
    while let Some((id, depth)) = stack.pop() {
        if depth > MAX_NESTING {
            return Some(id);
        }
        if reached[id.index()] >= depth {
            continue;
        }
        reached[id.index()] = depth;
        // Pushed in reverse, so the walk visits children in evaluation order.
        let mut children = Vec::new();
        ir.expr(id).kind.for_each_child(|c| children.push(c));
        stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::PrimTy;

    fn pair(t: Type) -> Type {
        Type::Tuple(vec![t.clone(), t])
    }

    fn nested_options(levels: usize) -> Type {
        (1..levels).fold(Type::Prim(PrimTy::U8), |t, _| Type::Option(Box::new(t)))
    }

    #[test]
    fn type_limits_count_levels_and_parts() {
        assert_eq!(check_type(&nested_options(MAX_TYPE_DEPTH)), Ok(()));
        assert_eq!(
            check_type(&nested_options(MAX_TYPE_DEPTH + 1)),
            Err(TypeLimit::Depth)
        );
        // 2^10 - 1 = 1023 parts, then 2047.
        let t9 = (0..9).fold(Type::Prim(PrimTy::U8), |t, _| pair(t));
        assert_eq!(check_type(&t9), Ok(()));
        assert_eq!(check_type(&pair(t9)), Err(TypeLimit::Size));
    }

    #[test]
    fn long_types_print_shortened_like_rustc() {
        let doubled = (0..20).fold(Type::Prim(PrimTy::U8), |t, _| pair(t));
        assert_eq!(
            shortened(&doubled),
            "((((((((..., ...), ...), ...), ...), ...), ...), ...), ...)"
        );
        assert_eq!(
            shortened(&nested_options(200)),
            "Option<Option<Option<Option<Option<Option<Option<Option<...>>>>>>>>"
        );
        let wide = Type::Tuple(vec![Type::F64; 1000]);
        assert_eq!(shortened(&wide), "(f64, f64, f64, f64, f64, f64, f64, ...)");
        // Short types print whole.
        let t = Type::Tuple(vec![Type::F64, Type::Option(Box::new(Type::BOOL))]);
        assert_eq!(shortened(&t), "(f64, Option<bool>)");
        assert_eq!(
            instantiating("recursion limit", "grow", &[t]),
            "reached the recursion limit while instantiating `grow::<(f64, Option<bool>)>`"
        );
    }
}

/// Long and deep bodies through the macro-time pipeline: lowering on a stack sized for
/// syn (as the macros run it), the checks on a small thread's own stack.
#[cfg(all(test, feature = "lower"))]
mod deep_program_tests {
    use super::*;

    /// Lowers `fn f(x: i64) -> i64 { body }` and runs the macro-time checks on a thread
    /// with a 512 KiB stack: the messages of the errors found.
    fn check(body: String) -> Vec<String> {
        std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || {
                let source = format!("fn f(x: i64) -> i64 {{ {body} }}");
                let lowered = crate::stack::with_stack_of(1 << 30, || {
                    let item: syn::ItemFn = syn::parse_str(&source).expect("parses");
                    crate::lower::lower_fn(&item)
                        .map(|l| l.ir)
                        .map_err(|e| e.iter().map(|e| e.to_string()).collect::<Vec<_>>())
                });
                match lowered {
                    Err(errors) => errors,
                    Ok(ir) => {
                        assert_eq!(ir.validate(), Ok(()));
                        crate::check_at_macro_time(&ir)
                            .diagnostics
                            .iter()
                            .map(|d| d.message.clone())
                            .collect()
                    }
                }
            })
            .unwrap()
            .join()
            .unwrap()
    }

    /// `if x == 0 { 0 } else if x == 1 { 1 } ... else { n }`: `n` ifs, each nested in
    /// the one before; the deepest expression is `n + 3` levels down (the body's block,
    /// the ifs, the last branch's block and literal).
    fn else_if_chain(n: usize) -> String {
        let mut s: String = (0..n)
            .map(|i| format!("if x == {i} {{ {i} }} else "))
            .collect();
        s.push_str(&format!("{{ {n} }}"));
        s
    }

    #[test]
    fn nesting_up_to_the_limit_is_checked_without_overflowing() {
        assert_eq!(check(else_if_chain(MAX_NESTING - 3)), Vec::<String>::new());
        let sum: String = (0..5000).map(|i| format!(" + {i}")).collect();
        assert_eq!(check(format!("x{sum}")), Vec::<String>::new());
        let lets: String = (0..1000).map(|i| format!("let v{i} = x + {i}; ")).collect();
        assert_eq!(check(format!("{lets} v999")), Vec::<String>::new());
    }

    #[test]
    fn nesting_past_the_limit_is_an_error() {
        let errors = check(else_if_chain(MAX_NESTING - 2));
        assert_eq!(
            errors,
            [format!(
                "expression nested too deeply: jitclass supports at most {MAX_NESTING} levels of nested expressions\nhelp: bind parts of it to variables with `let`, or move them into another function"
            )]
        );
    }

    #[test]
    fn written_types_past_the_limits_are_errors() {
        let deep = (1..=MAX_TYPE_DEPTH).fold("i64".to_string(), |t, _| format!("Option<{t}>"));
        assert_eq!(
            check(format!("let y: {deep} = None; x")),
            ["type nested too deeply: jitclass supports types nested at most 64 levels deep"]
        );
        let pattern = (1..=MAX_TYPE_DEPTH).fold("a".to_string(), |p, _| format!("({p},)"));
        assert_eq!(
            check(format!("let {pattern} = x; x")),
            [
                "pattern nested too deeply: jitclass supports types, and so patterns, nested at most 64 levels deep"
            ]
        );
    }
}

#[cfg(test)]
mod corrupt_ir_tests {
    use super::*;
    use crate::ir::{Expr, ExprKind, FnIr, LocId, Pattern, UnOp};

    /// On a 256 KiB thread, so that a recursion past the limits would overflow.
    fn on_small_stack<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    fn decoding_refuses_types_and_patterns_nested_too_deeply() {
        // `Option<Option<...<()>>>` 100,000 levels deep: variant 5 (`Option`) over and
        // over, then variant 1 (`Unit`).
        let mut bytes = vec![5u8; 100_000];
        bytes.push(1);
        let err = on_small_stack(move || postcard::from_bytes::<TypeExpr>(&bytes).unwrap_err());
        assert!(matches!(err, postcard::Error::SerdeDeCustom), "{err:?}");
        // `((((_,),),),)`: variant 2 (`Tuple`) with one element, over and over.
        let mut bytes: Vec<u8> = [2u8, 1].repeat(100_000);
        bytes.push(1);
        let err = on_small_stack(move || postcard::from_bytes::<Pattern>(&bytes).unwrap_err());
        assert!(matches!(err, postcard::Error::SerdeDeCustom), "{err:?}");
        // Within the limits, both decode.
        let t = (1..MAX_TYPE_DEPTH).fold(TypeExpr::Unit, |t, _| TypeExpr::Option(Box::new(t)));
        let bytes = postcard::to_allocvec(&t).unwrap();
        assert_eq!(postcard::from_bytes::<TypeExpr>(&bytes).unwrap(), t);
    }

    fn ir_with(exprs: Vec<ExprKind>) -> FnIr {
        FnIr {
            name: "f".into(),
            generics: Vec::new(),
            params: Vec::new(),
            ret: TypeExpr::Unit,
            ret_loc: LocId(0),
            loc: LocId(0),
            body: crate::ir::ExprId(exprs.len() as u32 - 1),
            exprs: exprs
                .into_iter()
                .map(|kind| Expr {
                    kind,
                    loc: LocId(0),
                })
                .collect(),
            locals: Vec::new(),
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

    #[test]
    fn validation_refuses_an_ir_nested_too_deeply_or_in_a_cycle() {
        // `-(-(...(-())))`, 100,000 levels: each expression negates the one before.
        let mut exprs = vec![ExprKind::Lit(crate::ir::Lit::Unit)];
        for i in 0..100_000 {
            exprs.push(ExprKind::Unary(UnOp::Neg, crate::ir::ExprId(i)));
        }
        let ir = ir_with(exprs);
        let err = on_small_stack(move || ir.validate().unwrap_err());
        assert!(err.starts_with("expression nested too deeply"), "{err}");
        // An expression that is its own operand (only a corrupt IR has one).
        let ir = ir_with(vec![ExprKind::Unary(UnOp::Neg, crate::ir::ExprId(0))]);
        let err = ir.validate().unwrap_err();
        assert!(err.starts_with("expression nested too deeply"), "{err}");
        // At the limit: valid.
        let mut exprs = vec![ExprKind::Lit(crate::ir::Lit::Unit)];
        for i in 0..MAX_NESTING as u32 - 1 {
            exprs.push(ExprKind::Unary(UnOp::Neg, crate::ir::ExprId(i)));
        }
        assert_eq!(ir_with(exprs).validate(), Ok(()));
    }
}
