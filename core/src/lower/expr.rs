//! Expressions other than control flow, calls and macros: literals, operators,
//! assignments, casts, tuples, indexing, fields, struct literals and `&self.field`.

use super::types::TypePos;
use super::{Lowerer, span, strip_parens};
use crate::ir::*;
use crate::types::PrimTy;
use proc_macro2::Span;
use syn::spanned::Spanned;

impl Lowerer {
    pub(super) fn expr(&mut self, e: &syn::Expr) -> ExprId {
        crate::stack::deep(|| self.expr_unguarded(e))
    }

    fn expr_unguarded(&mut self, e: &syn::Expr) -> ExprId {
        let span = span::of(e);
        match e {
            syn::Expr::Lit(l) => self.lit(&l.lit, false),
            syn::Expr::Paren(p) => self.expr(&p.expr),
            syn::Expr::Group(g) => self.expr(&g.expr),
            syn::Expr::Path(p) => self.path_expr(p),
            syn::Expr::Unary(u) => self.unary(u),
            syn::Expr::Binary(b) => self.binary(b),
            syn::Expr::Assign(a) => {
                let place = self.expr(&a.left);
                let value = self.expr(&a.right);
                self.push(ExprKind::Assign(place, value), a.eq_token.span)
            }
            syn::Expr::Cast(c) => {
                let inner = self.expr(&c.expr);
                match self.lower_written_type(&c.ty, TypePos::Other) {
                    Ok(TypeExpr::Prim(p)) => {
                        self.push(ExprKind::Cast(inner, TypeExpr::Prim(p)), span)
                    }
                    Ok(t @ TypeExpr::Generic(_)) => self.push(ExprKind::Cast(inner, t), span),
                    Ok(TypeExpr::Infer) => self.push(ExprKind::Cast(inner, TypeExpr::Infer), span),
                    Ok(t @ TypeExpr::Ptr { .. }) => self.push(ExprKind::Cast(inner, t), span),
                    // `f as extern "C" fn(f64) -> f64`: a function named as a value, to its
                    // pointer type (what Rust writes to pass one to a generic parameter).
                    Ok(t @ TypeExpr::FnPtr { .. }) => self.push(ExprKind::Cast(inner, t), span),
                    Ok(_) => self.invalid(
                        c.ty.span(),
                        "`as` casts convert between primitive types only (numbers and `bool`)",
                    ),
                    Err(err) => {
                        self.errors.push(err);
                        inner
                    }
                }
            }
            syn::Expr::Block(b) => {
                if let Some(label) = &b.label {
                    return self
                        .invalid(label.span(), "labeled blocks are not supported in jit code");
                }
                self.block_expr(&b.block)
            }
            syn::Expr::Unsafe(u) => {
                // Only the memory-control functions (`unsafe_cast`, ...) need one.
                self.unsafe_depth += 1;
                let block = self.block_expr(&u.block);
                self.unsafe_depth -= 1;
                block
            }
            syn::Expr::If(i) => self.if_expr(i),
            syn::Expr::While(w) => self.while_expr(w),
            syn::Expr::Loop(l) => self.loop_expr(l, span),
            syn::Expr::ForLoop(f) => self.for_expr(f),
            syn::Expr::Break(b) => self.break_expr(b, span),
            syn::Expr::Continue(c) => self.continue_expr(c, span),
            syn::Expr::Return(r) => {
                if self.closure_depth > 0 {
                    return self.invalid(
                        r.return_token.span,
                        "`return` in the closure of a sort is not supported in jit code\nnote: make the closure's result its last expression",
                    );
                }
                let value = r.expr.as_ref().map(|v| self.expr(v));
                self.push(ExprKind::Return(value), span)
            }
            syn::Expr::Tuple(t) => {
                if t.elems.is_empty() {
                    return self.push(ExprKind::Lit(Lit::Unit), span);
                }
                let elems = t.elems.iter().map(|e| self.expr(e)).collect();
                self.push(ExprKind::Tuple(elems), span)
            }
            syn::Expr::Field(f) => {
                // Auto-deref, as Rust's field access: `x.0` on the variable of a `&mut`
                // loop (or a map's `get_mut`) is `(*x).0`, the element's part in place.
                let base = match self.deref_elem(&f.base, f.base.span()) {
                    Some(element) => element,
                    None => self.expr(&f.base),
                };
                match &f.member {
                    syn::Member::Unnamed(index) => {
                        self.push(ExprKind::TupleField(base, index.index), index.span)
                    }
                    syn::Member::Named(name) => {
                        self.push(ExprKind::Field(base, name.to_string()), name.span())
                    }
                }
            }
            syn::Expr::Index(i) => {
                // Auto-deref, as Rust's indexing: `x[0]` on the variable of a `&mut` loop
                // (or a map's `get_mut`) indexes the element in place.
                let base = match self.deref_elem(&i.expr, i.expr.span()) {
                    Some(element) => element,
                    None => self.expr(&i.expr),
                };
                if let syn::Expr::Range(r) = &*i.index {
                    return self.invalid(
                        r.span(),
                        "sub-slicing (`xs[a..b]`) is not supported in jit code",
                    );
                }
                let index = self.expr(&i.index);
                let id = self.push(ExprKind::Index(base, index), span);
                self.index_brackets.push((id, i.bracket_token.span.join()));
                id
            }
            syn::Expr::Call(c) => self.call(c),
            syn::Expr::MethodCall(m) => self.method_call(m),
            syn::Expr::Macro(m) => self.macro_call(&m.mac),
            syn::Expr::Closure(c) => self.invalid(
                c.or1_token.span,
                "closures are not supported in jit code here; write a separate `#[jit] fn`\nnote: jit code takes a closure only as the argument of the sort methods (`sort_by`, `sort_unstable_by`, `sort_by_key`, `select_nth_unstable_by`, ...)",
            ),
            syn::Expr::Reference(r) => self.reference(r),
            syn::Expr::Array(a) => self.array_list(a),
            syn::Expr::Repeat(r) => self.array_repeat(r),
            syn::Expr::Struct(s) => self.struct_lit(s),
            syn::Expr::Match(m) => self.match_expr(m),
            syn::Expr::Let(l) => self.invalid(
                l.let_token.span,
                "`let` patterns are supported as the whole condition of `if let` / `while let`",
            ),
            syn::Expr::Range(r) => self.invalid(
                r.span(),
                "ranges are only supported as the iterator of a `for` loop in jit code\nnote: `for i in a..b`, `a..=b`, also with `.rev()` and `.step_by(k)`",
            ),
            syn::Expr::Try(t) => self.invalid(
                t.question_token.span,
                "the `?` operator is not supported in jit code",
            ),
            syn::Expr::Async(a) => {
                self.invalid(a.async_token.span, "`async` is not supported in jit code")
            }
            syn::Expr::Await(a) => {
                self.invalid(a.await_token.span, "`.await` is not supported in jit code")
            }
            _ => self.invalid(span, "unsupported expression in jit code"),
        }
    }

    fn lit(&mut self, lit: &syn::Lit, negate: bool) -> ExprId {
        let span = lit.span();
        let lit = match lit {
            syn::Lit::Int(i) => {
                let suffix = i.suffix();
                let prim = if suffix.is_empty() {
                    None
                } else {
                    PrimTy::from_name(suffix)
                };
                if !suffix.is_empty() && prim.is_none() {
                    return self.invalid(span, format!("unsupported literal suffix `{suffix}`"));
                }
                if let Some(p) = prim.filter(|p| p.is_float()) {
                    match (i.base10_parse::<f64>(), i.base10_parse::<f32>()) {
                        (Ok(v64), Ok(v32)) => {
                            let v = FloatLit::written(v64, v32, &i.to_string());
                            Lit::Float(if negate { v.negated() } else { v }, Some(p))
                        }
                        (Err(e), _) | (_, Err(e)) => return self.invalid(span, e),
                    }
                } else if prim == Some(PrimTy::Bool) {
                    return self.invalid(span, "invalid suffix `bool` on an integer literal");
                } else {
                    match i.base10_parse::<u128>() {
                        Ok(v) if v <= i128::MAX as u128 => {
                            let v = v as i128;
                            Lit::Int(if negate { -v } else { v }, prim)
                        }
                        _ => return self.invalid(span, "integer literal is too large"),
                    }
                }
            }
            syn::Lit::Float(f) => {
                let suffix = f.suffix();
                let prim = match suffix {
                    "" => None,
                    "f32" => Some(PrimTy::F32),
                    "f64" => Some(PrimTy::F64),
                    other => {
                        return self.invalid(span, format!("unsupported literal suffix `{other}`"));
                    }
                };
                match (f.base10_parse::<f64>(), f.base10_parse::<f32>()) {
                    (Ok(v64), Ok(v32)) => {
                        let v = FloatLit::written(v64, v32, &f.to_string());
                        Lit::Float(if negate { v.negated() } else { v }, prim)
                    }
                    (Err(e), _) | (_, Err(e)) => return self.invalid(span, e),
                }
            }
            syn::Lit::Bool(b) => {
                if negate {
                    return self.invalid(span, "cannot apply unary operator `-` to type `bool`");
                }
                Lit::Bool(b.value)
            }
            syn::Lit::Str(s) if !negate => Lit::Str(s.value()),
            syn::Lit::ByteStr(b) if !negate => Lit::ByteStr(b.value()),
            syn::Lit::Str(_) => {
                return self.invalid(span, "cannot apply unary operator `-` to type `&str`");
            }
            syn::Lit::ByteStr(_) => {
                return self.invalid(span, "cannot apply unary operator `-` to type `&[u8; N]`");
            }
            syn::Lit::CStr(_) => {
                return self.invalid(span, "C string literals are not supported in jit code");
            }
            syn::Lit::Char(c) => {
                if negate {
                    return self.invalid(span, "cannot apply unary operator `-` to type `char`");
                }
                Lit::Char(c.value())
            }
            syn::Lit::Byte(b) => {
                if negate {
                    return self.invalid(span, "cannot apply unary operator `-` to type `u8`");
                }
                Lit::Int(i128::from(b.value()), Some(PrimTy::U8))
            }
            _ => return self.invalid(span, "unsupported literal in jit code"),
        };
        self.push(ExprKind::Lit(lit), span)
    }

    fn unary(&mut self, u: &syn::ExprUnary) -> ExprId {
        let span = span::of_unary(u);
        match u.op {
            syn::UnOp::Neg(_) => {
                if let syn::Expr::Lit(l) = &*u.expr {
                    return self.lit_with_span(&l.lit, span);
                }
                let inner = self.operand(&u.expr);
                self.push(ExprKind::Unary(UnOp::Neg, inner), span)
            }
            syn::UnOp::Not(_) => {
                let inner = self.operand(&u.expr);
                self.push(ExprKind::Unary(UnOp::Not, inner), span)
            }
            syn::UnOp::Deref(d) => {
                if let Some(entry) = self.map_entry(&u.expr) {
                    return entry;
                }
                if let Some(value) = self.map_get_mut_unwrapped(&u.expr) {
                    return value;
                }
                if let Some(elem) = self.deref_elem(&u.expr, span) {
                    return elem;
                }
                if let Some(elem) = self.deref_unwrapped(&u.expr) {
                    return elem;
                }
                let message = self.deref_message(&u.expr);
                self.invalid(d.span, message)
            }
            _ => self.invalid(span, "unsupported unary operator in jit code"),
        }
    }

    /// Why `*operand` is refused: jit code has no dereference. `self` by value is a class
    /// instance, which rustc refuses to dereference (E0614); `self` by reference is one
    /// rustc dereferences, which jit code uses through its fields and methods instead.
    fn deref_message(&self, operand: &syn::Expr) -> String {
        let is_self =
            matches!(strip_parens(operand), syn::Expr::Path(p) if p.path.is_ident("self"));
        match self.self_receiver {
            Some(Receiver::Value) if is_self => {
                let class = self
                    .scope
                    .self_path
                    .as_ref()
                    .map(|p| quote::ToTokens::to_token_stream(p).to_string().replace(' ', ""))
                    .unwrap_or_else(|| "Self".into());
                format!("type `{class}` cannot be dereferenced")
            }
            Some(Receiver::Ref | Receiver::RefMut) if is_self => {
                "`*self` is not supported in jit code: use the instance through its fields and methods (`self.v *= 2.0`, `self.scale(2.0)`)".into()
            }
            // A `&C` / `&mut C` parameter is the instance itself (`LocalDecl::by_ref`), so
            // there is no caller's slot to replace it in: say that, not the `*x` forms.
            _ if self.by_ref_param(operand).is_some() => {
                let name = quote::ToTokens::to_token_stream(strip_parens(operand)).to_string();
                format!("`*{name}` is not supported in jit code: `{name}` is a reference parameter, and jit code neither replaces nor copies the value behind it\nhelp: use `{name}` itself: assign its fields (`{name}.field = ..`) and call its methods")
            }
            _ => "dereferencing (`*x`) is not supported here in jit code: `*x` is the element of a `for x in &v` / `&mut v` loop or of a reference from `v.first()`, `v.last()` or `v.get(i)` (`if let Some(x) = v.first()`, `*v.first().unwrap()`), and memory a raw pointer points to is viewed as a class: `unsafe { unsafe_cast::<T>(ptr) }`".into(),
        }
    }

    /// The `&C` / `&mut C` parameter (`Some(mutable)`) an operand names, if it names one.
    fn by_ref_param(&self, operand: &syn::Expr) -> Option<bool> {
        let syn::Expr::Path(p) = strip_parens(operand) else {
            return None;
        };
        let local = self.lookup(&p.path.get_ident()?.to_string())?;
        self.locals[local.index()].by_ref
    }

    /// A negated literal (`-5`), folded so that `-128i8` is in range.
    fn lit_with_span(&mut self, lit: &syn::Lit, span: Span) -> ExprId {
        let id = self.lit(lit, true);
        let loc = self.loc(span);
        self.exprs[id.index()].loc = loc;
        id
    }

    /// `s` added (`out += s`, `x + s`) where `s` is a `&T` in Rust held as the value (see
    /// `LocalDecl::added_reference`): `&s`, marked so that inference knows it was no `&`
    /// the user wrote.
    fn added_reference(&mut self, operand: &syn::Expr) -> Option<ExprId> {
        let (local, borrow) = self.borrowed_reference_name(operand)?;
        self.locals[local.index()].added_reference = true;
        Some(borrow)
    }

    /// A name that is a `&T` in Rust held as the value, compared with a written `&e`: the
    /// borrow of the name, read as the value by inference as any compared `&e` is.
    fn reference_operand(&mut self, operand: &syn::Expr) -> Option<ExprId> {
        self.borrowed_reference_name(operand)
            .map(|(_, borrow)| borrow)
    }

    /// `operand` if it is a name that is a `&T` in Rust held as the value: its local and
    /// `&name`.
    fn borrowed_reference_name(&mut self, operand: &syn::Expr) -> Option<(LocalId, ExprId)> {
        let syn::Expr::Path(p) = strip_parens(operand) else {
            return None;
        };
        let local = self.lookup(&p.path.get_ident()?.to_string())?;
        if !self.reference_names.contains(&local) {
            return None;
        }
        let span = operand.span();
        let place = self.push(ExprKind::Local(local), span);
        let borrow = self.push(
            ExprKind::AddrOf {
                place,
                mutable: false,
            },
            span,
        );
        Some((local, borrow))
    }

    /// An operand `&e` of an operator other than `&&` / `||` (`a * &b`, `&a < &b`): std
    /// implements the operators of numbers, `bool` and `char` for their references too,
    /// so `&e` is a borrow that inference reads as the value (`infer/op.rs`'s
    /// `operand_value`), or refuses of anything else.
    fn operand(&mut self, e: &syn::Expr) -> ExprId {
        let syn::Expr::Reference(r) = strip_parens(e) else {
            return self.expr(e);
        };
        if r.mutability.is_some() || self.scope.ref_return.is_some() {
            return self.expr(e);
        }
        if let Some(part) = self.str_range(r) {
            return part;
        }
        let place = self.expr(&r.expr);
        self.push(
            ExprKind::AddrOf {
                place,
                mutable: false,
            },
            r.and_token.span,
        )
    }

    fn binary(&mut self, b: &syn::ExprBinary) -> ExprId {
        use syn::BinOp as B;
        let logical = matches!(b.op, B::And(_) | B::Or(_));
        // `x > &0.0` where `x` is a `&T` held as its value (`for x in s` over a `&[T]`):
        // Rust compares two references, so `x` is lent as the one it stands for.
        let compared_with_borrow = |e: &syn::Expr| {
            matches!(
                b.op,
                B::Eq(_) | B::Ne(_) | B::Lt(_) | B::Le(_) | B::Gt(_) | B::Ge(_)
            ) && matches!(strip_parens(e), syn::Expr::Reference(_))
        };
        let lhs = if logical {
            self.expr(&b.left)
        } else if compared_with_borrow(&b.right)
            && let Some(borrow) = self.reference_operand(&b.left)
        {
            borrow
        } else {
            self.operand(&b.left)
        };
        // `s + &t` / `s += &t` of a `String` `t`: a borrow, deref'd to `&str` (inference
        // refuses a borrow added to anything but a `String` or a number).
        let rhs = match b.op {
            B::Add(_) | B::AddAssign(_) => match self.added_reference(&b.right) {
                Some(borrow) => borrow,
                None => self.call_arg(&b.right),
            },
            _ if logical => self.expr(&b.right),
            _ if compared_with_borrow(&b.left)
                && let Some(borrow) = self.reference_operand(&b.right) =>
            {
                borrow
            }
            _ => self.operand(&b.right),
        };
        let span = b.op.span();
        let (op, compound) = match b.op {
            B::Add(_) => (BinOp::Add, false),
            B::Sub(_) => (BinOp::Sub, false),
            B::Mul(_) => (BinOp::Mul, false),
            B::Div(_) => (BinOp::Div, false),
            B::Rem(_) => (BinOp::Rem, false),
            B::And(_) => (BinOp::And, false),
            B::Or(_) => (BinOp::Or, false),
            B::BitXor(_) => (BinOp::BitXor, false),
            B::BitAnd(_) => (BinOp::BitAnd, false),
            B::BitOr(_) => (BinOp::BitOr, false),
            B::Shl(_) => (BinOp::Shl, false),
            B::Shr(_) => (BinOp::Shr, false),
            B::Eq(_) => (BinOp::Eq, false),
            B::Lt(_) => (BinOp::Lt, false),
            B::Le(_) => (BinOp::Le, false),
            B::Ne(_) => (BinOp::Ne, false),
            B::Ge(_) => (BinOp::Ge, false),
            B::Gt(_) => (BinOp::Gt, false),
            B::AddAssign(_) => (BinOp::Add, true),
            B::SubAssign(_) => (BinOp::Sub, true),
            B::MulAssign(_) => (BinOp::Mul, true),
            B::DivAssign(_) => (BinOp::Div, true),
            B::RemAssign(_) => (BinOp::Rem, true),
            B::BitXorAssign(_) => (BinOp::BitXor, true),
            B::BitAndAssign(_) => (BinOp::BitAnd, true),
            B::BitOrAssign(_) => (BinOp::BitOr, true),
            B::ShlAssign(_) => (BinOp::Shl, true),
            B::ShrAssign(_) => (BinOp::Shr, true),
            _ => return self.invalid(span, "unsupported binary operator in jit code"),
        };
        if compound {
            self.push(ExprKind::CompoundAssign(op, lhs, rhs), span)
        } else {
            self.push(ExprKind::Binary(op, lhs, rhs), span)
        }
    }

    /// `&self.field` in `Index::index`, `&mut self.field` in `IndexMut::index_mut`: the
    /// only references jit code makes, to places that live as long as `self`.
    fn reference(&mut self, r: &syn::ExprReference) -> ExprId {
        let span = r.and_token.span;
        let mutable = r.mutability.is_some();
        let Some(expected) = self.scope.ref_return else {
            if let Some(part) = self.str_range(r) {
                return part;
            }
            return self.invalid(
                r.and_token.span,
                "borrowing (`&x`) is not supported in jit code; values are copied, and slices arrive as parameters",
            );
        };
        if mutable != expected {
            let want = if expected {
                "&mut self.field"
            } else {
                "&self.field"
            };
            return self.invalid(span, format!("this function returns `{want}`"));
        }
        let mut root = strip_parens(&r.expr);
        let mut fields = 0;
        loop {
            match root {
                syn::Expr::Field(f) => {
                    root = strip_parens(&f.base);
                    fields += 1;
                }
                syn::Expr::Path(p) if p.path.is_ident("self") && fields > 0 => break,
                _ => {
                    return self.invalid(
                        r.expr.span(),
                        "`index` and `index_mut` return a field of `self` (`&self.field`, `&mut self.field`), which lives as long as the instance",
                    );
                }
            }
        }
        let place = self.expr(&r.expr);
        self.push(ExprKind::AddrOf { place, mutable }, span)
    }

    /// `Class { field: value, .. }`.
    fn struct_lit(&mut self, s: &syn::ExprStruct) -> ExprId {
        let span = match &s.qself {
            Some(q) => q.lt_token.span,
            None => span::path(&s.path),
        };
        if s.qself.is_some() {
            return self.invalid(span, "qualified paths are not supported in struct literals");
        }
        if let Some(dots) = &s.dot2_token {
            self.error(
                dots.span(),
                "struct update syntax (`..base`) is not supported in jit code; write every field",
            );
        }
        let class = match self.scope.class_ref(&s.path) {
            Ok(c) => c,
            Err(e) => {
                self.errors.push(e);
                return self.push(ExprKind::Lit(Lit::Unit), span);
            }
        };
        let mut fields = Vec::new();
        let mut names = Vec::new();
        for fv in &s.fields {
            let value = self.expr(&fv.expr);
            match &fv.member {
                syn::Member::Named(name) => {
                    // The value's location is the field name, where errors about it point.
                    let loc = self.loc(name.span());
                    let value = if fv.colon_token.is_none() {
                        self.exprs[value.index()].loc = loc;
                        value
                    } else {
                        value
                    };
                    fields.push((name.to_string(), value));
                    names.push(name.clone());
                }
                syn::Member::Unnamed(i) => {
                    self.error(i.span, "`#[jitclass]` structs have named fields");
                }
            }
        }
        // The class's path (`Self` spelled out), at the literal's path token, where rustc
        // reports the literal's missing fields.
        let mut checked = self.scope.class_paths[class.index()].clone();
        let at = s.path.span();
        for segment in &mut checked.segments {
            segment.ident.set_span(at);
        }
        self.literals.push((checked, names));
        self.push(ExprKind::StructLit { class, fields }, s.path.span())
    }
}
