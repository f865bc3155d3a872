//! syn AST -> IR lowering (macro time only).
//!
//! Every unsupported construct becomes a `syn::Error` at its own token; lowering goes on
//! after an error (with a placeholder expression) so that one compilation reports all of
//! them. Names are resolved here: locals to `LocalId`s with Rust's shadowing rules, loop
//! labels to the loop expression, called paths to `RefId`s that the glue resolves.
//!
//! `mod.rs` holds the entry points' results and the lowerer's state; each concern has its
//! file: `item.rs` (functions, methods, classes, signatures), `scope.rs` (names, blocks,
//! loop frames), `expr.rs`, `control.rs`, `call.rs` (calls and paths), `macros.rs` (the
//! panic family), `objmode.rs`, `consts.rs`, `types.rs` (written types), `format.rs`
//! (format strings), `ranges.rs` (`for` over ranges), `span.rs` (expression spans).

mod arrays;
mod bare_qualified;
mod call;
mod constants;
mod consts;
mod control;
mod defaults;
mod dyn_types;
mod elem_refs;
mod expr;
mod format;
mod format_macro;
mod generic_class;
mod item;
mod macros;
mod maps;
mod objmode;
mod owned_strings;
mod passthru_calls;
mod ranges;
mod scope;
mod search;
mod sets;
mod sort;
mod sort_prelude;
mod span;
mod std_sort;
mod strings;
mod trait_calls;
mod trait_item;
mod turbofish;
pub use trait_calls::{bounds as type_param_bounds, is_std_trait};
pub mod types;
mod unsized_params;
mod vecs;
mod write_macro;

pub use constants::{ConstKind, LoweredConst};
pub use control::is_range_loop;
pub use generic_class::type_params;
pub(crate) use item::is_c_scalar;
pub use item::{
    LoweredClass, MethodContext, lower_class, lower_fn, lower_foreign_fn, lower_method,
};
pub use objmode::{ObjModeBlock, is_objmode};
pub use strings::is_text_loop;
pub use trait_item::{LoweredTrait, lower_trait};

use crate::ir::*;
use proc_macro2::Span;
use scope::LoopFrame;
use types::TypeScope;

/// A lowered function: the IR, the span of every `LocId`, the path of every `RefId` and
/// `ClassRefId`, and the `Class::name` paths of associated calls (for rustc to check).
pub struct Lowered {
    /// The function's IR.
    pub ir: FnIr,
    /// The span of each `LocId`.
    pub spans: Vec<Span>,
    /// The path of each `RefId`, for the glue to resolve.
    pub ref_paths: Vec<syn::Path>,
    /// The path of each `ClassRefId`, for the glue to resolve.
    pub class_paths: Vec<syn::Path>,
    /// The path of each `TraitRefId`, for the glue to resolve.
    pub trait_paths: Vec<syn::Path>,
    /// The calls of trait functions by a path rustc resolves in a generic fn's check
    /// (`<S as Shape>::area(..)`, `S::area(..)`), as written (the check never evaluates
    /// the arguments): it reports a missing function, one of two bounds (E0034), or a
    /// wrong count of arguments (E0061), at build time.
    pub trait_fn_calls: Vec<syn::ExprCall>,
    /// The `Class::name` paths of associated calls, for rustc to check.
    pub assoc_paths: Vec<syn::Path>,
    /// The paths of jit fns called with a turbofish (`sides_of::<S>`), as written (`Self`
    /// spelled out), for rustc to check the count (E0107) and bounds (E0277) of its
    /// arguments in a generic fn's check (a shadow checks the call itself).
    pub turbofish_paths: Vec<syn::Path>,
    /// The Rust types of the `PassThru<T>`s the function names, by `OpaqueRefId`.
    pub opaque_types: Vec<syn::Type>,
    /// The `objmode!` blocks, by index, for the glue to compile as Rust.
    pub objmodes: Vec<ObjModeBlock>,
    /// The `objmode!` paths as written, for rustc to resolve (`path!(@check)`).
    pub macro_paths: Vec<syn::Path>,
    /// Each struct literal's class path (at the literal's path token) and field names, for
    /// rustc to check against the class's handle, which has the class's fields.
    pub literals: Vec<(syn::Path, Vec<syn::Ident>)>,
    /// Each `base[index]` expression, with the span of its brackets: the shadow copy of
    /// the body writes an index whose base may be a class instance as rustc can check it,
    /// and finds it by these spans.
    pub index_brackets: Vec<(ExprId, Span)>,
    /// Each method call `r.m(..)`, with the span of its parentheses: the glue's checks of
    /// calls on bounded values write the call with the user's spans, so that rustc's
    /// suggestions rewrite exactly `r.m(..)`.
    pub method_parens: Vec<(ExprId, Span)>,
    /// The span of each parameter's written type (of `self`, its token), by parameter:
    /// the glue's checks of calls on bounded values declare their receiver with it, so
    /// that rustc's help (`&S` -> `&mut S`) rewrites the user's signature.
    pub param_type_spans: Vec<Span>,
    /// Differently written `PassThru<T>` types the body uses as one (indices into
    /// `opaque_types`), for rustc to compare: set from `check_at_macro_time`.
    pub opaque_equalities: Vec<(u32, u32)>,
    /// The `base[index]` expressions whose base is a slice: set from
    /// `check_at_macro_time` (see `MacroTimeCheck::slice_indexes`).
    pub slice_indexes: Vec<ExprId>,
    /// The `for` tokens of the loops over a name that borrows a `Vec` (`for x in v` with
    /// `v` a `&Vec<T>` / `&mut Vec<T>` / `&[T]` / `&mut [T]` parameter, or the variable of an outer borrowed
    /// loop): Rust's own loops over references, which the shadow keeps as written.
    pub borrowed_name_loops: Vec<Span>,
    /// The `for x in v` loops over a `Vec`, which consume it: set from
    /// `check_at_macro_time` (see `MacroTimeCheck::consuming_loops`).
    pub consuming_loops: Vec<ExprId>,
    /// The constants rustc evaluates (array lengths, `const` items, paths to constants),
    /// by `ConstId` (`constants.rs`).
    pub consts: Vec<LoweredConst>,
}

/// The state of lowering one function: the arenas of its IR as they grow, the names in
/// scope, and the errors so far.
#[derive(Default)]
struct Lowerer {
    exprs: Vec<Expr>,
    locals: Vec<LocalDecl>,
    refs: Vec<ItemRef>,
    ref_paths: Vec<syn::Path>,
    spans: Vec<Span>,
    /// The names in scope, one list per scope: locals and a block's `const` items.
    scopes: Vec<Vec<(String, constants::Binding)>>,
    loops: Vec<LoopFrame>,
    /// `if let None = ..` expressions, whose `then` code sits in the `else` slot.
    none_first: Vec<ExprId>,
    scope: TypeScope,
    assoc_paths: Vec<syn::Path>,
    /// See `Lowered::turbofish_paths`.
    turbofish_paths: Vec<syn::Path>,
    /// See `Lowered::trait_fn_calls`.
    trait_fn_calls: Vec<syn::ExprCall>,
    /// See `FnIr::trait_owners`.
    trait_owners: Vec<(crate::ir::ClassRefId, crate::ir::TraitRefId)>,
    /// The trait bounds of the function's type parameters (`trait_calls::bounds`).
    bounds: Vec<(String, Vec<syn::Path>)>,
    /// The last segments of every trait bounding each type parameter, the standard
    /// library's included (`trait_calls::bound_names`).
    bound_names: Vec<(String, Vec<String>)>,
    literals: Vec<(syn::Path, Vec<syn::Ident>)>,
    index_brackets: Vec<(ExprId, Span)>,
    method_parens: Vec<(ExprId, Span)>,
    /// How many `unsafe` blocks enclose the expression being lowered.
    unsafe_depth: usize,
    /// In a method: how it takes `self`.
    self_receiver: Option<Receiver>,
    objmodes: Vec<ObjModeBlock>,
    macro_paths: Vec<syn::Path>,
    /// The variables of `for` loops over borrowed containers (`vecs.rs`).
    elem_refs: std::collections::HashMap<LocalId, vecs::ElemRef>,
    /// The names that are `&T`s in Rust which jit code holds as values: what a shared
    /// borrowed loop binds to its element or its parts (not `x` of `for &x in &v`), the
    /// names `Some(w)` binds on one of those, and the variable of `for x in w` over one
    /// (`vecs.rs`, `elem_refs.rs`, `control.rs`; read by `call.rs`'s `method_arg`).
    reference_names: std::collections::HashSet<LocalId>,
    /// The `&Vec<T>` / `&[T]` (`false`), `&mut Vec<T>` and `&mut [T]` (`true`)
    /// parameters: `for x in v` over one borrows its elements (`vecs.rs`).
    vec_ref_params: std::collections::HashMap<LocalId, bool>,
    /// See `Lowered::borrowed_name_loops`.
    borrowed_name_loops: Vec<Span>,
    /// The locals holding the `Option<&T>` of `v.first()` & co. (`elem_refs.rs`).
    elem_ref_options: std::collections::HashSet<LocalId>,
    /// The `o.unwrap()` calls written `*o.unwrap()`: values, not references.
    derefs: std::collections::HashSet<ExprId>,
    /// Inside a sort's prelude: how `__jitclass_less!(x, y)` compares (`sort.rs`).
    comparator: Option<sort::Comparator>,
    /// How many sort closures enclose the expression being lowered (`return` in one is
    /// refused).
    closure_depth: usize,
    /// The locals of sort closures bound to an `Ordering` (`let o = a.cmp(b);`).
    ordering_locals: std::collections::HashSet<LocalId>,
    /// The `m.get_mut(&k)` scrutinees of `if let` / `match`, and their maps (`maps.rs`).
    get_mut_scrutinees: std::collections::HashMap<ExprId, Box<syn::Expr>>,
    /// See `FnIr::explicit_generics` (`turbofish.rs`).
    explicit_generics: Vec<(ExprId, Vec<TypeExpr>)>,
    /// See `FnIr::part_loops` (`vecs.rs`).
    part_loops: Vec<crate::ir::PartLoop>,
    errors: Vec<syn::Error>,
}

impl Lowerer {
    fn error(&mut self, span: Span, message: impl std::fmt::Display) {
        self.errors.push(syn::Error::new(span, message));
    }

    fn loc(&mut self, span: Span) -> LocId {
        self.spans.push(span);
        LocId(self.spans.len() as u32 - 1)
    }

    fn push(&mut self, kind: ExprKind, span: Span) -> ExprId {
        let loc = self.loc(span);
        self.exprs.push(Expr { kind, loc });
        ExprId(self.exprs.len() as u32 - 1)
    }

    /// A placeholder after an error, so that lowering can go on.
    fn invalid(&mut self, span: Span, message: impl std::fmt::Display) -> ExprId {
        self.error(span, message);
        self.push(ExprKind::Lit(Lit::Unit), span)
    }
}

/// The expression inside parentheses and invisible groups.
fn strip_parens(e: &syn::Expr) -> &syn::Expr {
    match e {
        syn::Expr::Paren(p) => strip_parens(&p.expr),
        syn::Expr::Group(g) => strip_parens(&g.expr),
        e => e,
    }
}
