//! Fixed arrays `[T; N]`: literals, what an array may hold and how large it may be, and
//! indexes that rustc's `unconditional_panic` lint rejects (a constant past the end).

use super::deferred::Deferred;
use super::unify::{Ty, VarKind};
use super::{Infer, diagnostics};
use crate::ir::{ArrayInit, ArrayLen, BinOp, ExprId, ExprKind, Lit};
use crate::limits::MAX_ARRAY_LEN;
use crate::types::Type;

impl Infer<'_> {
    /// `[a, b, c]` / `[value; N]`: every element has the first one's type.
    pub(super) fn array_lit(&mut self, id: ExprId, init: &ArrayInit) -> Ty {
        let elem = self.fresh(VarKind::General);
        for e in init.operands() {
            let t = self.expr(e);
            let loc = self.loc(e);
            self.coerce_at(&t, &elem, loc);
        }
        self.deferred
            .push(Deferred::ArrayElem(id, elem.clone(), init.len()));
        Ty::Array(Box::new(elem), init.len())
    }

    /// Deferred: an array's elements are values jit code stores in arrays, the array keeps
    /// within the limits of `array_type_error` (once its length is known: a constant's is
    /// not at macro time), and `[value; N]` copies a `Copy` value if `N > 1`, as Rust
    /// requires (E0277).
    pub(super) fn check_array_elem(&mut self, id: ExprId, elem: &Ty, len: ArrayLen) {
        let Some(t) = self.concrete(elem) else {
            return;
        };
        if let ExprKind::Array(ArrayInit::Repeat { value, .. }) = &self.ir.expr(id).kind
            && len.known().is_none_or(|n| n > 1)
            && let Some(not_copy) = not_copy(&t)
        {
            let outer = (not_copy != t).then(|| t.to_string());
            self.diags.push(diagnostics::repeat_not_copy(
                self.loc(*value),
                &not_copy.to_string(),
                outer.as_deref(),
            ));
            return;
        }
        let array = Type::Array {
            elem: Box::new(t),
            len: len.known().unwrap_or(0),
        };
        if let Some(d) = array_type_error(&array) {
            self.diags.push(diagnostics::array_type(self.loc(id), d));
        }
    }

    /// Every array type among the parameters' and locals' types is supported (a literal's
    /// is checked where it is made).
    pub(super) fn check_local_arrays(&mut self) {
        for (t, decl) in self.local_types.iter().zip(&self.ir.locals) {
            if let Some(t) = t
                && let Some(t) = self.concrete(t)
                && let Some(d) = array_type_error(&t)
            {
                self.diags.push(diagnostics::array_type(decl.loc, d));
                return;
            }
        }
    }

    /// Deferred: `a == b` on arrays compares elements that jit code compares: numbers,
    /// `bool`, raw and function pointers (not yet tuples, `Option`s or nested arrays).
    pub(super) fn check_array_eq(&mut self, id: ExprId, op: BinOp, t: &Ty, elem: &Ty) {
        if let Some(e) = self.concrete(elem)
            && !matches!(e, Type::Prim(_) | Type::Ptr { .. } | Type::FnPtr { .. })
        {
            let shown = self.show(t);
            self.diags.push(
                diagnostics::binary_not_applicable(self.loc(id), op, &shown).note(
                    "note: jit code compares arrays of numbers, `bool` and pointers; compare the elements one by one",
                ),
            );
        }
    }

    /// `array[i]` with a constant `i` past the end: rustc's deny-by-default lint.
    pub(super) fn check_constant_index(&mut self, index: ExprId, len: u64) {
        if let ExprKind::Lit(Lit::Int(i, _)) = &self.ir.expr(index).kind
            && *i >= 0
            && i128::from(len) <= *i
        {
            self.diags.push(diagnostics::constant_index_out_of_bounds(
                self.loc(index),
                len,
                *i,
            ));
        }
    }
}

/// What is wrong with the arrays inside `t`, if anything: an element type jitclass does
/// not store in arrays yet, an array longer than `MAX_ARRAY_LEN`, or a value larger than
/// Rust allows (`isize::MAX` bytes).
pub fn array_type_error(t: &Type) -> Option<ArrayTypeError> {
    let mut found = None;
    visit_arrays(t, &mut |elem, len| {
        if found.is_some() {
            return;
        }
        if !array_elem_ok(elem) {
            found = Some(ArrayTypeError::Elem(elem.to_string()));
        } else if len > MAX_ARRAY_LEN {
            found = Some(ArrayTypeError::TooLong(format!("[{elem}; {len}]"), len));
        }
    });
    if found.is_none() && bytes_in(t) > isize::MAX as u64 {
        found = Some(ArrayTypeError::TooBig(t.to_string()));
    }
    found
}

/// Why an array type is refused.
#[derive(Debug)]
pub enum ArrayTypeError {
    /// The element type, which is not supported in arrays yet.
    Elem(String),
    /// The array, and its length past `MAX_ARRAY_LEN`.
    TooLong(String, u64),
    /// The type, whose values are larger than Rust allows.
    TooBig(String),
}

impl ArrayTypeError {
    /// The message and its note.
    pub fn message(&self) -> (String, &'static str) {
        match self {
            ArrayTypeError::Elem(elem) => (
                format!("arrays of `{elem}` are not supported in jit code"),
                "note: array elements are values: numbers, `bool`, tuples, `Option`s, raw and function pointers, class instances, `PassThru` handles, `Vec`s, or arrays of them",
            ),
            ArrayTypeError::TooLong(array, len) => (
                format!(
                    "array `{array}` is too long for jit code: it has {len} elements, the limit is {MAX_ARRAY_LEN}"
                ),
                "note: keep a buffer this large in a `Vec`",
            ),
            ArrayTypeError::TooBig(ty) => (
                format!("values of the type `{ty}` are too big for the target architecture"),
                "note: no Rust value is larger than `isize::MAX` bytes",
            ),
        }
    }
}

/// The size in bytes of a value of type `t`, as `layout::size_align` computes it but
/// saturating at `u64::MAX` (which `size_align`, for types within the limits, would
/// overflow).
fn bytes_in(t: &Type) -> u64 {
    fn size_align(t: &Type) -> (u64, u64) {
        let round =
            |offset: u64, align: u64| offset.checked_next_multiple_of(align).unwrap_or(u64::MAX);
        let c_struct = |fields: &[(u64, u64)]| {
            let (mut offset, mut max_align) = (0u64, 1u64);
            for (size, align) in fields {
                offset = round(offset, *align).saturating_add(*size);
                max_align = max_align.max(*align);
            }
            (round(offset, max_align), max_align)
        };
        match t {
            Type::Array { elem, len } => {
                let (size, align) = size_align(elem);
                (size.saturating_mul(*len), align)
            }
            Type::Tuple(es) => c_struct(&es.iter().map(size_align).collect::<Vec<_>>()),
            Type::Option(inner) => c_struct(&[(1, 1), size_align(inner)]),
            other => {
                let l = crate::layout::size_align(other);
                (l.size, l.align)
            }
        }
    }
    size_align(t).0
}

fn visit_arrays(t: &Type, f: &mut dyn FnMut(&Type, u64)) {
    if let Type::Array { elem, len } = t {
        f(elem, *len);
    }
    crate::limits::type_children(t, &mut |c| visit_arrays(c, f));
}

/// Whether `[t; N]` is supported: values (numbers, `bool`, tuples, `Option`s, raw and
/// function pointers, instances, handles, `Vec`s, and arrays of them).
fn array_elem_ok(t: &Type) -> bool {
    match t {
        Type::Prim(_)
        | Type::Ptr { .. }
        | Type::FnPtr { .. }
        | Type::Class(_)
        | Type::PassThru(_)
        | Type::Vec(_) => true,
        // Maps and `String`s are not array elements yet (nothing in an array's code
        // path knows them).
        Type::Map { .. } | Type::String => false,
        // Nor trait objects, yet.
        Type::Dyn { .. } => false,
        Type::Tuple(es) => es.iter().all(array_elem_ok),
        Type::Option(e) | Type::Array { elem: e, .. } => array_elem_ok(e),
        Type::Unit | Type::Never | Type::Slice { .. } | Type::Str | Type::Ref { .. } => false,
    }
}

/// The type inside `t` that makes it not `Copy`, if any: a counted reference (an instance,
/// a handle, a `Vec`), which Rust's `Clone` copies and jit code counts.
pub(super) fn not_copy(t: &Type) -> Option<Type> {
    match t {
        Type::Class(_) | Type::PassThru(_) | Type::Vec(_) | Type::String | Type::Map { .. } => {
            Some(t.clone())
        }
        // `&dyn T` is `Copy`, as any shared reference.
        Type::Dyn { pointer, .. } if *pointer != crate::types::DynPointer::Ref => Some(t.clone()),
        Type::Tuple(es) => es.iter().find_map(not_copy),
        Type::Option(e) | Type::Array { elem: e, .. } => not_copy(e),
        _ => None,
    }
}
