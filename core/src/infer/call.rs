//! Calls: of jit fns and declared C functions (`f(x)`, with fresh variables for the
//! callee's generic arguments), through function pointers, of functions named as values,
//! of class functions (`v.m(x)`, `V::f(x)`) and builtin methods (`x.sqrt()`), of the
//! memory-control intrinsics, and of `objmode!` blocks.
//!
//! A call's generic arguments are recorded in its resolution as variables, made concrete
//! at the end; at macro time an unknown callee's call has the `Unknown` type.

use super::class::ClassFn;
use super::diagnostics;
use super::unify::{Ty, VarKind};
use super::{CalleeSig, Infer, Resolution};
use crate::diag::Diagnostic;
use crate::ir::{ClassRefId, ExprId, ExprKind, Intrinsic, LocId, Receiver, RefId, TypeExpr};
use crate::methods::{self, Builtin};
use crate::types::PrimTy;

impl Infer<'_> {
    /// `f(args)`: a jit fn or a declared C function.
    pub(super) fn call(&mut self, id: ExprId, callee: RefId, args: &[ExprId]) -> Ty {
        let loc = self.loc(id);
        let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        let sig = match self.callees.signature(callee) {
            Ok(Some(sig)) => sig,
            Ok(None) => return Ty::Unknown,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                return Ty::Unknown;
            }
        };
        if sig.is_unsafe && !self.ir.refs[callee.index()].in_unsafe {
            self.diags
                .push(diagnostics::unsafe_call_outside_unsafe(loc, &sig.name));
        }
        if sig.params.len() != args.len() {
            self.diags.push(diagnostics::wrong_argument_count(
                loc,
                &format!("function `{}`", sig.name),
                sig.params.len(),
                args.len(),
            ));
            return Ty::Unknown;
        }
        let Some(leading) = self.call_generics(id, "function", sig.generics, &[]) else {
            return Ty::Unknown;
        };
        let (ret, type_args) = self.instantiate(&sig, args, &arg_types, &leading);
        self.record_bound_checks(&sig, args, &type_args, loc);
        self.record_resolution(id, Resolution::Call { type_args });
        ret
    }

    /// Checks the arguments of a call against `sig`, with `leading` for the callee's
    /// first generics (a generic class's, `applied.rs`) and fresh variables for the
    /// others; gives its result type and the call's generic arguments.
    fn instantiate(
        &mut self,
        sig: &CalleeSig,
        args: &[ExprId],
        arg_types: &[Ty],
        leading: &[Ty],
    ) -> (Ty, Vec<Ty>) {
        let mut generics: Vec<Ty> = leading.iter().take(sig.generics).cloned().collect();
        while generics.len() < sig.generics {
            let v = self.fresh(VarKind::General);
            generics.push(v);
        }
        for ((a, at), pt) in args.iter().zip(arg_types).zip(&sig.params) {
            let pty = self.ty_of_expr_type_with(pt, Some(&generics));
            self.coerce_arg(*a, at, &pty);
        }
        let ret = self.ty_of_expr_type_with(&sig.ret, Some(&generics));
        (ret, generics)
    }

    /// `f(args)` through a function pointer.
    pub(super) fn call_indirect(&mut self, callee: ExprId, args: &[ExprId], loc: LocId) -> Ty {
        let ct = self.expr(callee);
        let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        match self.resolve(&ct) {
            Ty::FnPtr(params, ret) => {
                if params.len() != args.len() {
                    self.diags.push(diagnostics::wrong_argument_count(
                        loc,
                        "this function",
                        params.len(),
                        args.len(),
                    ));
                    return *ret;
                }
                for ((a, at), pt) in args.iter().zip(&arg_types).zip(&params) {
                    let aloc = self.loc(*a);
                    self.coerce_at(at, pt, aloc);
                }
                *ret
            }
            Ty::Unknown => Ty::Unknown,
            Ty::Var(v) if self.var_kind(v) == VarKind::General => Ty::Unknown,
            other => {
                let shown = self.show(&other);
                self.diags
                    .push(diagnostics::not_a_function(self.loc(callee), &shown));
                Ty::Unknown
            }
        }
    }

    /// A function named as a value: a C function pointer of its signature.
    pub(super) fn fn_ref(&mut self, item: RefId, loc: LocId) -> Ty {
        let sig = match self.callees.signature(item) {
            Ok(Some(sig)) => sig,
            Ok(None) => return Ty::Unknown,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                return Ty::Unknown;
            }
        };
        let name = &sig.name;
        if sig.generics > 0 {
            self.diags.push(diagnostics::generic_fn_as_value(loc, name));
            return Ty::Unknown;
        }
        if !sig.extern_c {
            self.diags.push(diagnostics::rust_fn_as_value(loc, name));
            return Ty::Unknown;
        }
        if sig.is_unsafe {
            self.diags.push(diagnostics::unsafe_fn_as_value(loc, name));
            return Ty::Unknown;
        }
        let params = sig
            .params
            .iter()
            .map(|p| self.ty_of_expr_type_with(p, Some(&[])))
            .collect();
        let ret = self.ty_of_expr_type_with(&sig.ret, Some(&[]));
        Ty::FnPtr(params, Box::new(ret))
    }

    /// A call of a class function, its receiver (if any) being the first argument.
    pub(super) fn call_target(
        &mut self,
        id: ExprId,
        f: ClassFn,
        args: &[ExprId],
        arg_types: &[Ty],
    ) -> Ty {
        self.call_target_with(id, f, args, arg_types, &[])
    }

    /// `call_target`, with `leading` the first generic arguments (`instantiate`).
    pub(super) fn call_target_with(
        &mut self,
        id: ExprId,
        f: ClassFn,
        args: &[ExprId],
        arg_types: &[Ty],
        leading: &[Ty],
    ) -> Ty {
        let loc = self.loc(id);
        let m = &f.sig;
        let sig = &m.sig;
        if sig.params.len() != args.len() {
            let (expected, supplied) = match m.receiver {
                // `v.m(a)`: the receiver is not counted, as rustc does not count it.
                Some(_) if matches!(self.ir.expr(id).kind, ExprKind::MethodCall { .. }) => {
                    (sig.params.len() - 1, args.len() - 1)
                }
                _ => (sig.params.len(), args.len()),
            };
            self.diags.push(diagnostics::wrong_argument_count(
                loc,
                &format!("`{}`", sig.name),
                expected,
                supplied,
            ));
            return Ty::Unknown;
        }
        let what = match (m.receiver, &self.ir.expr(id).kind) {
            (Some(_), _) => "method",
            (None, ExprKind::AssocCall { .. }) => "associated function",
            (None, _) => "function",
        };
        let Some(leading) = self.call_generics(id, what, sig.generics, leading) else {
            return Ty::Unknown;
        };
        let (ret, type_args) = self.instantiate(sig, args, arg_types, &leading);
        let call = f.call;
        self.record_resolution(id, Resolution::ClassCall { call, type_args });
        ret
    }

    /// `Class::name(args)`.
    pub(super) fn assoc_call(
        &mut self,
        id: ExprId,
        class: ClassRefId,
        name: &str,
        args: &[ExprId],
    ) -> Ty {
        let loc = self.loc(id);
        let mut arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        let class_t = self.class_ty(class, loc);
        // `Stack::new()`: the family's function, its class's arguments inferred.
        let (key, leading) = match self.resolve(&class_t) {
            Ty::Class(key) => (key, Vec::new()),
            Ty::Applied(family, args) => (family, args),
            _ => return Ty::Unknown,
        };
        let Some(f) = self.lookup_method(&key, name, loc, None, false) else {
            return Ty::Unknown;
        };
        self.receiver_argument(&f, name, args, &mut arg_types);
        // A method by path (`Self::get(self)`) returns what `self.get()` does.
        let receiver = f.sig.receiver.and(arg_types.first().cloned());
        let declared = f.sig.declared_ret.clone();
        let ret = self.call_target_applied(id, f, (args, &arg_types), &leading);
        match receiver {
            Some(r) => self.member_type(&r, declared.as_ref(), ret),
            None => ret,
        }
    }

    /// `receiver.method(args)`: a function of the receiver's class, or a builtin method.
    pub(super) fn method_call(
        &mut self,
        id: ExprId,
        receiver: ExprId,
        method: &str,
        args: &[ExprId],
    ) -> Ty {
        let loc = self.loc(id);
        if let Some(t) = self.map_new(id, method, args) {
            return t;
        }
        if let Some(t) = self.string_new(id, method, args) {
            return t;
        }
        if let Some(t) = self.copied_accessor(id, receiver, method, args) {
            return t;
        }
        let rt = self.expr(receiver);
        if method == crate::vec_methods::LEND_DURING_SORT {
            // The hidden handle the receiver is evaluated into (`lower/sort.rs`), typed
            // before the block that uses it.
            if let Some(&sorted) = args.get(1) {
                self.sorted_handle(receiver, &rt, sorted);
            }
        }
        let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        if method == crate::vec_methods::LEND_DURING_SORT {
            // The sort's block (`lower/sort.rs`) checked the receiver already; codegen
            // lends a `Vec` and runs the block alone for a slice or an array.
            self.record_resolution(
                id,
                Resolution::Builtin(Builtin::Vec(crate::vec_methods::VecMethod::LendDuringSort)),
            );
            return Ty::Unit;
        }
        let recv = match self.resolve(&rt) {
            // Every number is `Clone`: rustc takes `1.5.clone()` as it is.
            Ty::Var(v)
                if self.var_kind(v) != VarKind::General && is_builtin_clone(method, args) =>
            {
                self.record_resolution(id, Resolution::Builtin(Builtin::Clone));
                return rt;
            }
            Ty::Var(v) if self.var_kind(v) != VarKind::General => {
                let int = self.var_kind(v) == VarKind::Int;
                self.diags
                    .push(diagnostics::ambiguous_numeric_receiver(loc, method, int));
                return Ty::Unknown;
            }
            _ => match self.known_receiver(&rt, self.loc(receiver)) {
                None => return Ty::Unknown,
                Some(t) => t,
            },
        };
        if let Some(written) = self.ir.explicit_generics_of(id)
            && let Some(refused) = self.std_method_turbofish(&recv, method, written.len(), loc)
        {
            self.diags.push(refused);
            return Ty::Unknown;
        }
        if method == crate::string_methods::hidden::WRITE_TARGET {
            return self.write_target(id, receiver, &recv);
        }
        // What `write!` appends to a destination `WRITE_TARGET` refused: said once, there.
        if !matches!(recv, Ty::String)
            && (method == crate::string_methods::hidden::WRITE_PIECE
                || method == crate::string_methods::hidden::PUSH_FORMATTED)
        {
            return Ty::Unknown;
        }
        if method == crate::string_methods::hidden::WRITE_PIECE {
            return self.string_method(id, receiver, "push_str", args, &arg_types);
        }
        if !matches!(recv, Ty::Str | Ty::String)
            && let Some(written) = crate::str_methods::written_method(method)
        {
            if let Some(written) = written {
                self.text_method_of_other(loc, written, &recv);
            }
            return Ty::Unknown;
        }
        if let Some(t) = self.lend_call(id, receiver, &recv, method, args) {
            return t;
        }
        if let Some(t) = self.dyn_method_call(id, receiver, &recv, method, args, &arg_types) {
            return t;
        }
        let recv = self.instantiation_defining(recv, method);
        // A generic class whose arguments are not all known yet: its family's functions.
        let (class_key, leading) = match &recv {
            Ty::Class(key) => (Some(key.clone()), Vec::new()),
            Ty::Applied(family, args) => (Some(family.clone()), args.clone()),
            _ => (None, Vec::new()),
        };
        if let Some(key) = &class_key
            && (!is_builtin_clone(method, args) || self.class_has_function(key, method))
        {
            if method.starts_with(' ') {
                let shown = self.show(&recv);
                self.diags.push(diagnostics::comparison_not_supported(
                    loc,
                    methods::user_name(method),
                    &shown,
                ));
                return Ty::Unknown;
            }
            let bounds = self.bounded_receiver(&rt);
            let Some(f) = self.lookup_method(key, method, loc, bounds.as_deref(), true) else {
                return Ty::Unknown;
            };
            if f.sig.receiver.is_none() {
                let shown = self.show(&recv);
                self.diags
                    .push(diagnostics::associated_fn_as_method(loc, &shown, method));
                return Ty::Unknown;
            }
            if f.sig.receiver == Some(Receiver::RefMut) {
                self.check_mutable_receiver(receiver, method);
            }
            let mut all_args = vec![receiver];
            all_args.extend_from_slice(args);
            let mut all_types = vec![rt.clone()];
            all_types.extend(arg_types);
            let declared = f.sig.declared_ret.clone();
            let ret = self.call_target_applied(id, f, (&all_args, &all_types), &leading);
            return self.member_type(&rt, declared.as_ref(), ret);
        }
        if let Some(t) = self.string_join(id, &recv, method, args, &arg_types) {
            return t;
        }
        if let Ty::Vec(elem) = &recv {
            return self.vec_method(id, receiver, elem, method, args, &arg_types);
        }
        if let Ty::Map(key, value) = &recv {
            return self.map_method(id, receiver, (key, value), method, args, &arg_types);
        }
        if let Ty::PassThru(key) = &recv
            && !is_builtin_clone(method, args)
        {
            self.diags.push(diagnostics::passthru_misuse(
                loc,
                &format!("method named `{method}`"),
                &key.name,
            ));
            return Ty::Unknown;
        }
        if is_builtin_clone(method, args) && !matches!(recv, Ty::Slice(_, true) | Ty::Ref(_, true))
        {
            // Whatever the parts not known yet turn out to be (`(x, None).clone()`); a
            // `Vec` inside is copied deeply (`codegen/clones.rs`).
            self.record_resolution(id, Resolution::Builtin(Builtin::Clone));
            return rt;
        }
        if let Ty::String = &recv {
            return self.string_method(id, receiver, method, args, &arg_types);
        }
        if method == "to_string" && args.is_empty() && self.is_displayed_scalar(&recv) {
            self.record_resolution(
                id,
                Resolution::Builtin(Builtin::String(
                    crate::string_methods::StringMethod::Display,
                )),
            );
            return Ty::String;
        }
        if let Ty::Str = &recv {
            if crate::string_methods::lookup_on_str(method).is_some() {
                return self.string_method(id, receiver, method, args, &arg_types);
            }
            return self.str_method(id, method, args, &arg_types, &crate::types::Type::Str);
        }
        let concrete = match self.concrete(&recv) {
            Some(t) => t,
            None => {
                return match &recv {
                    Ty::Option(inner) => self
                        .open_option_method(id, inner, method, args, &arg_types)
                        .unwrap_or(Ty::Unknown),
                    Ty::Array(..) | Ty::Slice(..) => self
                        .open_slice_method(id, method, args)
                        .unwrap_or(Ty::Unknown),
                    _ => Ty::Unknown,
                };
            }
        };
        let Some(sig) = methods::lookup(&concrete, method) else {
            if method.starts_with(' ') {
                self.diags.push(diagnostics::comparison_not_available(
                    loc, method, &concrete,
                ));
                return Ty::Unknown;
            }
            self.diags.push(diagnostics::no_builtin_method(
                loc,
                method,
                &concrete,
                &methods::receiver_description(&concrete),
                &methods::names_for(&concrete),
            ));
            return Ty::Unknown;
        };
        if sig.params.len() != args.len() {
            self.diags.push(diagnostics::builtin_wrong_argument_count(
                loc,
                method,
                sig.params.len(),
                args.len(),
            ));
            return Self::ty_of_type(&sig.ret);
        }
        for ((a, at), pt) in args.iter().zip(&arg_types).zip(&sig.params) {
            let aloc = self.loc(*a);
            self.coerce_at(at, &Self::ty_of_type(pt), aloc);
        }
        if let (Builtin::Option(methods::OptionMethod::Copied), Ty::Option(inner)) =
            (sig.builtin, &recv)
        {
            // `copied` needs `T: Copy`.
            self.deferred
                .push(super::deferred::Deferred::VecCopy(id, (**inner).clone()));
        }
        self.record_resolution(id, Resolution::Builtin(sig.builtin));
        Self::ty_of_type(&sig.ret)
    }

    /// `a.len()` / `a.is_empty()` on an array or slice whose element type is not known
    /// yet (`[0.0; 4]` is `[{float}; 4]` until the literal defaults): they do not depend
    /// on it.
    fn open_slice_method(&mut self, id: ExprId, method: &str, args: &[ExprId]) -> Option<Ty> {
        let placeholder = crate::types::Type::Slice {
            elem: Box::new(crate::types::Type::Unit),
            mutable: false,
        };
        let sig = methods::lookup(&placeholder, method)?;
        if !args.is_empty() || !matches!(sig.builtin, Builtin::SliceLen | Builtin::SliceIsEmpty) {
            return None;
        }
        self.record_resolution(id, Resolution::Builtin(sig.builtin));
        Some(Self::ty_of_type(&sig.ret))
    }

    /// `sizeof::<T>()`, `unsafe_cast::<T>(ptr)`, `construct_at::<T>(ptr, v)`,
    /// `destroy_at::<T>(ptr)`.
    pub(super) fn intrinsic(
        &mut self,
        id: ExprId,
        which: Intrinsic,
        ty: &TypeExpr,
        args: &[ExprId],
    ) -> Ty {
        let loc = self.loc(id);
        let arg_types: Vec<Ty> = args.iter().map(|a| self.expr(*a)).collect();
        let t = self.ty_of_expr_type(ty, loc);
        let byte_ptr = Ty::Ptr(Box::new(Ty::Prim(PrimTy::U8)), true);
        let sizes = matches!(which, Intrinsic::SizeOf | Intrinsic::AlignOf);
        match self.resolve(&t) {
            Ty::Class(_) | Ty::Unknown | Ty::Var(_) => {}
            Ty::Prim(_) if sizes => {}
            // A generic body's type at macro time (`(T, u8)`): rustc checks the written
            // type against `JitLayout` in the glue, naming `T`.
            other if self.mentions_unknown(&other) => {}
            other if sizes => {
                // As Rust's `sizeof<T: JitLayout>`, in its words: a class or a primitive.
                // rustc checks what Rust callers pass a generic fn (its glue asks
                // `T: JitLayout`), not what generic jit code passes.
                let shown = self.show(&other);
                self.diags.push(diagnostics::no_jit_layout(loc, &shown));
            }
            other => {
                let shown = self.show(&other);
                self.diags.push(diagnostics::intrinsic_needs_class(
                    loc,
                    which.name(),
                    &shown,
                ));
            }
        }
        if let Some(first) = args.first() {
            let floc = self.loc(*first);
            self.coerce_at(&arg_types[0], &byte_ptr, floc);
        }
        match which {
            Intrinsic::SizeOf | Intrinsic::AlignOf => Ty::Prim(PrimTy::Usize),
            Intrinsic::UnsafeCast => t,
            Intrinsic::ConstructAt => {
                let vloc = self.loc(args[1]);
                self.coerce_at(&arg_types[1], &t, vloc);
                t
            }
            Intrinsic::DestroyAt => Ty::Unit,
        }
    }

    /// An `objmode!` block: its inputs are checked against their declared types, its
    /// output is its declared type.
    pub(super) fn obj_mode(
        &mut self,
        loc: LocId,
        args: &[ExprId],
        inputs: &[TypeExpr],
        output: &TypeExpr,
    ) -> Ty {
        for (a, t) in args.iter().zip(inputs) {
            let at = self.expr(*a);
            let it = self.ty_of_expr_type(t, loc);
            let aloc = self.loc(*a);
            self.coerce_at(&at, &it, aloc);
        }
        self.ty_of_expr_type(output, loc)
    }
}

/// `x.clone()`: Rust's `Clone`, which every jit type but `&mut` slices implements; a
/// class's own `fn clone(&self)` takes precedence, as an inherent method does in Rust.
fn is_builtin_clone(method: &str, args: &[ExprId]) -> bool {
    method == "clone" && args.is_empty()
}
