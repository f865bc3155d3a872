//! `HashMap<K, V>` and `HashSet<K>` (a map whose values are `!`, `Type::set`):
//! construction, their methods (`crate::map_methods`, std's signatures),
//! what a map may hold, and the places `m[slot]` the lowering makes of the references
//! `entry(k).or_insert(v)` and `get_mut(&k)` return (`lower/maps.rs`).

use super::deferred::Deferred;
use super::unify::{Ty, VarKind};
use super::{Infer, Resolution, diagnostics};
use crate::diag::Diagnostic;
use crate::ir::{ExprId, ExprKind, LocId};
use crate::map_methods::{self, MapMethod, MapTy, hidden};
use crate::methods::Builtin;
use crate::string_methods::StringMethod;
use crate::types::PrimTy;

impl Infer<'_> {
    /// `HashMap::new()` / `HashMap::with_capacity(n)` (the lowering's `NEW` call on `()`);
    /// `None` for other calls.
    pub(super) fn map_new(&mut self, id: ExprId, method: &str, args: &[ExprId]) -> Option<Ty> {
        if method != hidden::NEW && method != hidden::SET_NEW {
            return None;
        }
        for a in args {
            let t = self.expr(*a);
            let aloc = self.loc(*a);
            self.coerce_at(&t, &Ty::Prim(PrimTy::Usize), aloc);
        }
        let key = self.fresh(VarKind::General);
        let value = if method == hidden::SET_NEW {
            Ty::Never
        } else {
            self.fresh(VarKind::General)
        };
        self.deferred
            .push(Deferred::MapTypes(id, key.clone(), value.clone(), false));
        self.record_resolution(id, Resolution::Builtin(Builtin::Map(MapMethod::New)));
        Some(Ty::Map(Box::new(key), Box::new(value)))
    }

    /// `m.get(&k).copied()` / `.cloned()`: the value copied at once, as one operation
    /// resolved on the outer call, given the map's type `rt` (walked by the caller);
    /// `None` if `outer_receiver` is not `get` on a map.
    pub(super) fn map_copied_get(
        &mut self,
        id: ExprId,
        outer_receiver: ExprId,
        method: &str,
        rt: &Ty,
    ) -> Option<Ty> {
        let ExprKind::MethodCall {
            method: accessor,
            args,
            ..
        } = &self.ir.expr(outer_receiver).kind
        else {
            return None;
        };
        if accessor != "get" || args.len() != 1 {
            return None;
        }
        let Ty::Map(key, value) = self.resolve(rt) else {
            return None;
        };
        if *value == Ty::Never {
            // A set has no `get` (the usual path says so).
            return None;
        }
        self.expr(args[0]);
        self.key_ref_arg(args[0], &key);
        self.deferred.push(Deferred::MapTypes(
            id,
            (*key).clone(),
            (*value).clone(),
            true,
        ));
        self.expr_types[outer_receiver.index()] =
            Ty::Option(Box::new(Ty::Ref(value.clone(), false)));
        if method == "copied" {
            self.deferred.push(Deferred::VecCopy(id, (*value).clone()));
        }
        self.record_resolution(id, Resolution::Builtin(Builtin::Map(MapMethod::GetCopied)));
        Some(Ty::Option(value))
    }

    /// `m.name(args)` on a `HashMap<key, value>`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn map_method(
        &mut self,
        id: ExprId,
        receiver: ExprId,
        (key, value): (&Ty, &Ty),
        method: &str,
        args: &[ExprId],
        arg_types: &[Ty],
    ) -> Ty {
        let loc = self.loc(id);
        let set = self.resolve(value) == Ty::Never;
        let Some(sig) = map_methods::lookup(method, set) else {
            let shown = self.show(&Ty::Map(Box::new(key.clone()), Box::new(value.clone())));
            self.diags.push(if set {
                no_set_method(loc, method, &shown)
            } else {
                no_map_method(loc, method, &shown)
            });
            return Ty::Unknown;
        };
        if sig.mutates {
            self.check_mutable_receiver(receiver, methods_user_name(method));
        }
        if method == hidden::ENTRY_SLOT || method == hidden::FIND_SLOT {
            // The reference they make re-reads its map at each use: a getter's map would
            // be a new one each time (`lower/maps.rs`).
            self.not_a_property_receiver(receiver, methods_user_name(method));
        }
        let of = |t: MapTy| -> Ty {
            match t {
                MapTy::Key => key.clone(),
                MapTy::KeyRef => Ty::Ref(Box::new(key.clone()), false),
                MapTy::Value => value.clone(),
                MapTy::Usize => Ty::Prim(PrimTy::Usize),
                MapTy::Bool => Ty::Prim(PrimTy::Bool),
                MapTy::Unit => Ty::Unit,
                MapTy::OptionValue => Ty::Option(Box::new(value.clone())),
                MapTy::EntryRef => Self::ty_of_type(&map_methods::entry_ref_type()),
                MapTy::OptionEntryRef => {
                    Ty::Option(Box::new(Self::ty_of_type(&map_methods::entry_ref_type())))
                }
            }
        };
        let ret = of(sig.ret);
        if sig.params.len() != args.len() {
            self.diags.push(diagnostics::builtin_wrong_argument_count(
                loc,
                method,
                sig.params.len(),
                args.len(),
            ));
            return ret;
        }
        for ((a, at), p) in args.iter().zip(arg_types).zip(sig.params) {
            if *p == MapTy::KeyRef {
                self.key_ref_arg(*a, key);
                continue;
            }
            self.coerce_arg(*a, at, &of(*p));
        }
        // `len`, `is_empty` and `clear` need nothing of `K` in std either.
        let hashes = !matches!(
            sig.method,
            MapMethod::Len | MapMethod::IsEmpty | MapMethod::Clear
        );
        self.deferred
            .push(Deferred::MapTypes(id, key.clone(), value.clone(), hashes));
        if sig.method == MapMethod::EntrySlot {
            self.deferred.push(Deferred::EntryKeyText(id));
        }
        self.record_resolution(id, Resolution::Builtin(Builtin::Map(sig.method)));
        ret
    }

    /// `m.ENTRY_SLOT(k, v)` (resolved): refined to [`MapMethod::EntrySlotByText`] when
    /// `k` is `w.to_string()`, `w.to_owned()` or `String::from(w)` of a `&str` `w` (the
    /// map's key is then `String`), so codegen searches by `w` and makes the `String`
    /// only for a new key.
    pub(super) fn entry_by_text(&mut self, id: ExprId) {
        let ExprKind::MethodCall { args, .. } = &self.ir.expr(id).kind else {
            return;
        };
        let Some(&key) = args.first() else {
            return;
        };
        if !matches!(
            self.resolutions[key.index()],
            Some(Resolution::Builtin(Builtin::String(StringMethod::FromStr)))
        ) {
            return;
        }
        let ExprKind::MethodCall {
            receiver,
            args: from,
            ..
        } = &self.ir.expr(key).kind
        else {
            return;
        };
        // `String::from(w)`'s text is its argument, the methods' their receiver.
        let text = from.first().copied().unwrap_or(*receiver);
        if self.resolve(&self.expr_types[text.index()].clone()) != Ty::Str
            || !matches!(
                self.resolutions[id.index()],
                Some(Resolution::Builtin(Builtin::Map(MapMethod::EntrySlot)))
            )
        {
            return;
        }
        // A refinement of the resolution recorded when the call was typed.
        self.resolutions[id.index()] = Some(Resolution::Builtin(Builtin::Map(
            MapMethod::EntrySlotByText,
        )));
    }

    /// An argument written `&k` where std takes `&Q` (here `&K`), or a `&str` searching
    /// a `String`-keyed map (std's `String: Borrow<str>`).
    fn key_ref_arg(&mut self, a: ExprId, key: &Ty) {
        if let ExprKind::AddrOf {
            place,
            mutable: false,
        } = self.ir.expr(a).kind
        {
            let pt = self.expr_types[place.index()].clone();
            if self.resolve(&pt) == Ty::Str && self.resolve(key) == Ty::String {
                // `m.get(&w)` with `w: &str`: `Q = &str`, which `String` does not borrow
                // as (rustc's E0277).
                self.diags.push(
                    Diagnostic::new(
                        self.loc(a),
                        "the trait bound `String: Borrow<&str>` is not satisfied",
                    )
                    .note("help: search by the `&str` itself: `m.get(w)`"),
                );
                return;
            }
            self.coerce_at(&pt, key, self.loc(place));
        } else if self.resolve(key) == Ty::String
            && self.resolve(&self.expr_types[a.index()].clone()) == Ty::Str
        {
            // `m.get(w)`, `m.get("x")`, `m.get(s.as_str())`: `Q = str`.
        } else {
            let at = self.expr_types[a.index()].clone();
            let found = self.show(&at);
            let expected = format!("&{}", self.show(key));
            self.diags.push(diagnostics::expected_reference_argument(
                self.loc(a),
                &expected,
                &found,
            ));
        }
    }

    /// `m[slot]`: the value of the entry the lowering's `slot` expression found; `m[i]`
    /// with the hidden index of a borrowed loop (`for (k, v) in &m`, `m.values_mut()`):
    /// the entry `(K, V)`; `Unknown` (after an error) for any other index of a map.
    /// A set's `s[i]` is its key, with the hidden index of a borrowed loop only.
    pub(super) fn map_index(&mut self, id: ExprId, index: ExprId, (key, value): (Ty, Ty)) -> Ty {
        let set = self.resolve(&value) == Ty::Never;
        if self.is_map_slot(index) {
            // On a set, `entry`/`get_mut` was refused already.
            return if set { Ty::Unknown } else { value };
        }
        if let ExprKind::Local(l) = self.ir.expr(index).kind
            && self.ir.local(l).name == crate::ir::LOOP_INDEX
        {
            if !set {
                return Ty::Tuple(vec![key, value]);
            }
            // A set's keys are never places: a changed key would sit where its old hash
            // put it.
            if !self.is_shared_loop(l) {
                let shown = self.show(&Ty::Map(Box::new(key), Box::new(value)));
                self.diags.push(Diagnostic::new(
                    self.loc(id),
                    format!("`&mut {shown}` is not an iterator"),
                ).note("note: a set's keys cannot change in place: `for k in &s` reads them, `s.remove(&k)` and `s.insert(k)` change the set"));
                return Ty::Unknown;
            }
            return key;
        }
        if set {
            let shown = self.show(&Ty::Map(Box::new(key), Box::new(value)));
            self.diags.push(Diagnostic::new(
                self.loc(id),
                format!("cannot index into a value of type `{shown}`"),
            ));
            return Ty::Unknown;
        }
        let shown = self.show(&self.expr_types[index.index()].clone());
        self.diags.push(map_not_indexable(self.loc(id), &shown));
        Ty::Unknown
    }

    /// Whether `index` is the index of a borrowed loop that binds each element by value
    /// (`for x in &v`: its body starts with `let x = v[index]`), not as a place.
    fn is_shared_loop(&self, index: crate::ir::LocalId) -> bool {
        self.ir.exprs.iter().any(|e| match &e.kind {
            ExprKind::ForRange { var, body, .. } if *var == index => {
                matches!(&self.ir.expr(*body).kind, ExprKind::Block(b) if matches!(
                    b.stmts.first(),
                    Some(crate::ir::Stmt::Let { init: Some(init), .. })
                        if matches!(self.ir.expr(*init).kind, ExprKind::Index(_, i)
                            if matches!(self.ir.expr(i).kind, ExprKind::Local(l) if l == index))
                ))
            }
            _ => false,
        })
    }

    /// Whether `e` is a position the lowering computed for `m[slot]`.
    fn is_map_slot(&self, e: ExprId) -> bool {
        match &self.ir.expr(e).kind {
            ExprKind::MethodCall { method, .. } if method == hidden::ENTRY_SLOT => true,
            // `m.FIND_SLOT(&k).unwrap()`.
            ExprKind::MethodCall {
                receiver, method, ..
            } if matches!(method.as_str(), "unwrap" | "expect") => matches!(
                &self.ir.expr(*receiver).kind,
                ExprKind::MethodCall { method, .. } if method == hidden::FIND_SLOT
            ),
            ExprKind::Local(l) => self.ir.locals[l.index()].name == hidden::SLOT_LOCAL,
            ExprKind::Block(b) => b.tail.is_some_and(|t| self.is_map_slot(t)),
            _ => false,
        }
    }

    /// A map's key and value types, once final: keys std hashes (`hashes`: the operation
    /// needs `K: Hash + Eq`), values jit code can store.
    pub(super) fn check_map_types(&mut self, id: ExprId, key: &Ty, value: &Ty, hashes: bool) {
        let loc = self.loc(id);
        // What a `Vec` may hold: no slices, `&str`s or references, which live only as
        // long as a call, also not inside a tuple or an `Option`. Judged where the map is
        // made (its other methods have the same type).
        let made_here = matches!(&self.ir.expr(id).kind,
            ExprKind::MethodCall { method, .. } if method == hidden::NEW);
        // (A set's values are `!`: none exist.)
        if made_here
            && let Some(v) = self.concrete(value)
            && !super::vec::vec_elem_ok(&v)
        {
            self.diags.push(Diagnostic::new(
                loc,
                format!("`{v}` cannot be a value of a `HashMap` in jit code"),
            ));
        }
        let Some(k) = self.concrete(key) else {
            return;
        };
        let note = if !hashes {
            None
        } else if !instance_key_shape(&k) {
            Some(None)
        } else {
            self.instance_key_note(&k).map(Some)
        };
        if let Some(note) = note {
            let shown = self.show(&Ty::Map(
                Box::new(Self::ty_of_type(&k)),
                Box::new(value.clone()),
            ));
            let method = match &self.ir.expr(id).kind {
                ExprKind::MethodCall { method, .. } if method == "copied" || method == "cloned" => {
                    "get"
                }
                ExprKind::MethodCall { method, .. } => methods_user_name(method),
                _ => "new",
            };
            let method = method.to_string();
            self.diags.push(bad_key(loc, &method, &shown, &k, note));
        }
    }
}

fn methods_user_name(method: &str) -> &str {
    match method {
        hidden::ENTRY_SLOT => "entry",
        hidden::FIND_SLOT => "get_mut",
        m => m,
    }
}

/// A method jit code's `HashMap` does not have.
fn no_map_method(loc: LocId, method: &str, receiver: &str) -> Diagnostic {
    let d = match method {
        "entry" => Diagnostic::new(
            loc,
            "`HashMap::entry` is supported in jit code as `m.entry(k).or_insert(v)` and `m.entry(k).or_insert_with(f)`, used at once or bound by `let`",
        ),
        "get_mut" => Diagnostic::new(
            loc,
            "`HashMap::get_mut` is supported in jit code as `if let Some(x) = m.get_mut(&k)`, in a `match`, and as `*m.get_mut(&k).unwrap()`",
        ),
        "keys" | "values" | "values_mut" | "iter" | "iter_mut" => Diagnostic::new(
            loc,
            format!(
                "`HashMap::{method}` is supported in jit code as the iterable of a `for` loop: `for x in m.{method}() {{ .. }}`"
            ),
        ),
        m if map_methods::UNSUPPORTED_STD_METHODS.contains(&m) => Diagnostic::new(
            loc,
            format!("`HashMap::{method}` is not supported in jit code yet"),
        ),
        _ => Diagnostic::new(
            loc,
            format!(
                "no method named `{method}` found for struct `{receiver}` in the current scope"
            ),
        ),
    };
    d.note(format!(
        "note: the methods of `HashMap` in jit code are: {}; and the references `m.entry(k).or_insert(v)`, `m.entry(k).or_insert_with(f)` and `m.get_mut(&k)`",
        map_methods::names(false).join(", ")
    ))
}

/// A method jit code's `HashSet` does not have.
impl Infer<'_> {
    /// Whether `element` is the entry a loop over `s.keys()` / `s.values()` reads
    /// (`FnIr::part_loops`) on a set, which has neither: rustc's E0599 at the method.
    pub(super) fn set_has_no_part(&mut self, element: ExprId) -> bool {
        let Some(part) = self.ir.part_loops.iter().find(|p| p.element == element) else {
            return false;
        };
        let ExprKind::Index(container, _) = self.ir.expr(element).kind else {
            return false;
        };
        let container = match self.resolve(&self.expr_types[container.index()].clone()) {
            Ty::Ref(inner, _) => self.resolve(&inner),
            t => t,
        };
        let Ty::Map(_, value) = &container else {
            return false;
        };
        if self.resolve(value) != Ty::Never {
            return false;
        }
        let shown = self.show(&container);
        self.diags.push(
            Diagnostic::new(
                part.loc,
                format!(
                    "no method named `{}` found for struct `HashSet<T, S, A>` in the current scope",
                    part.method
                ),
            )
            .note(format!("note: method not found in `{shown}`")),
        );
        true
    }
}

fn no_set_method(loc: LocId, method: &str, receiver: &str) -> Diagnostic {
    let d = match methods_user_name(method) {
        "iter" => Diagnostic::new(
            loc,
            "`HashSet::iter` is supported in jit code as the iterable of a `for` loop: `for k in s.iter() { .. }`",
        ),
        m if map_methods::UNSUPPORTED_STD_SET_METHODS.contains(&m) => Diagnostic::new(
            loc,
            format!("`HashSet::{m}` is not supported in jit code yet"),
        ),
        m => Diagnostic::new(
            loc,
            format!("no method named `{m}` found for struct `{receiver}` in the current scope"),
        ),
    };
    d.note(format!(
        "note: the methods of `HashSet` in jit code are: {}",
        map_methods::names(true).join(", ")
    ))
}

/// `m[i]` on a map, which jit code does not index (rustc's E0608 for a type without
/// `Index<i>`).
fn map_not_indexable(loc: LocId, index: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("cannot index into a `HashMap` with `{index}` in jit code"),
    )
    .note("help: use `m.get(&k)`, `*m.get(&k).unwrap()`, or `*m.entry(k).or_insert(v)`")
}

/// A key type jit code does not hash: rustc's E0599 for a method whose `K: Eq + Hash`
/// bounds do not hold.
/// `note` says why, if the key holds an instance (`class_keys.rs`).
fn bad_key(
    loc: LocId,
    method: &str,
    map: &str,
    key: &crate::types::Type,
    note: Option<String>,
) -> Diagnostic {
    let d = Diagnostic::new(
        loc,
        format!(
            "the method `{method}` exists for struct `{map}`, but its trait bounds were not satisfied"
        ),
    );
    if let Some(note) = note {
        d.note(note)
    } else if holds_str(key) {
        d.note(format!(
            "note: a map in jit code cannot keep `&str` keys (`{key}`): their text is borrowed only for the call\nhelp: use `String` keys, made with `w.to_string()`, and search them with `m.get(w)`"
        ))
    } else if matches!(key, crate::types::Type::Map { .. }) {
        // A map or a set is `Eq` (when its parts are) but never `Hash`, as rustc says.
        d.note(format!(
            "note: the following trait bounds were not satisfied:\n        `{key}: Hash`"
        ))
    } else if holds_float(key) {
        d.note(format!(
            "note: the following trait bounds were not satisfied:\n        `{key}: Eq`\n        `{key}: Hash`"
        ))
    } else {
        d.note(format!(
            "note: jit code hashes keys of integer types, `bool`, `char`, `String`, instances of classes that `#[derive(PartialEq, Eq, Hash)]` and tuples of them; `{key}` keys are not supported yet"
        ))
    }
}

/// Whether `t` is a key of the kinds a map hashes: those of `is_key_type`, instances, and
/// tuples of them (an instance's class is judged by `instance_key_note`).
fn instance_key_shape(t: &crate::types::Type) -> bool {
    match t {
        crate::types::Type::Class(_) => true,
        crate::types::Type::Tuple(es) => !es.is_empty() && es.iter().all(instance_key_shape),
        _ => map_methods::is_key_type(t),
    }
}

fn holds_str(t: &crate::types::Type) -> bool {
    match t {
        crate::types::Type::Str => true,
        crate::types::Type::Tuple(es) => es.iter().any(holds_str),
        _ => false,
    }
}

fn holds_float(t: &crate::types::Type) -> bool {
    match t {
        crate::types::Type::Prim(p) => p.is_float(),
        crate::types::Type::Tuple(es) => es.iter().any(holds_float),
        _ => false,
    }
}
