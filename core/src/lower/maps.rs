//! `HashMap` syntax: the type `HashMap<K, V>` (also `std::collections::HashMap<K, V>` and
//! `std::collections::hash_map::HashMap<K, V>`), `HashMap::new()`,
//! `HashMap::with_capacity(n)`, and the references into a map that jit code has as places:
//!
//! ```text
//! *m.entry(k).or_insert(v) += 1          =>  m[m.ENTRY_SLOT(k, v)] += 1
//! m.entry(k).or_insert_with(f).push(x)   =>  m[{ let k0 = k;
//!                                                let s = if let Some(s) = m.FIND_SLOT(&k0) { s }
//!                                                        else { m.ENTRY_SLOT(k0, f()) };
//!                                                s }].push(x)
//! let c = m.entry(k).or_insert(v); *c    =>  let s = m.ENTRY_SLOT(k, v); m[s]
//! if let Some(x) = m.get_mut(&k) { *x }  =>  if let Some(s) = m.FIND_SLOT(&k) { m[s] }
//! *m.get_mut(&k).unwrap()                =>  m[m.FIND_SLOT(&k).unwrap()]
//! ```
//!
//! `ENTRY_SLOT` and `FIND_SLOT` (`map_methods::hidden`, names users cannot write) give
//! a reference to the key's entry (its position and the map's generation,
//! `map_methods::entry_ref_type`); `m[slot]` is the entry's value, read and written
//! through the entry code after a bounds check and, for a reference not used at once, a
//! check of the generation (`compiler/codegen/maps.rs`, `map_refs.rs`), so no pointer
//! into the table outlives an operation and no stale reference names another key. As for a `for x in &mut v` loop, `m` is
//! re-read at each use, so it must be a place (a local, a field). These forms are
//! intercepted by name on any receiver, as the sorts are (a class method named `entry`
//! or `get_mut` is called as `Class::entry(..)` there); inference refuses them on anything
//! but a map.

use super::vecs::{ElemRef, is_place};
use super::{Lowerer, span, strip_parens};
use crate::ir::*;
use crate::map_methods::hidden;
use syn::spanned::Spanned;

/// `entry(k).or_insert(v)` / `.or_insert_with(f)`, taken apart.
struct EntryChain<'a> {
    map: &'a syn::Expr,
    key: &'a syn::Expr,
    default: Default<'a>,
    at: proc_macro2::Span,
}

enum Default<'a> {
    /// `or_insert(v)`: evaluated before the lookup, as Rust evaluates arguments.
    Value(&'a syn::Expr),
    /// `or_insert_with(f)`: called only if the key is absent.
    With(&'a syn::Expr),
}

/// `m.entry(k).or_insert(v)` or `.or_insert_with(f)`; `None` for other syntax.
fn entry_chain(outer: &syn::ExprMethodCall) -> Option<EntryChain<'_>> {
    let syn::Expr::MethodCall(entry) = strip_parens(&outer.receiver) else {
        return None;
    };
    if entry.method != "entry" || entry.args.len() != 1 || outer.args.len() != 1 {
        return None;
    }
    let default = match outer.method.to_string().as_str() {
        "or_insert" => Default::Value(&outer.args[0]),
        "or_insert_with" => Default::With(&outer.args[0]),
        _ => return None,
    };
    Some(EntryChain {
        map: strip_parens(&entry.receiver),
        key: &entry.args[0],
        default,
        at: outer.method.span(),
    })
}

/// `m.get_mut(&k)`: the map and the key's place; `None` for other syntax.
fn get_mut_call(e: &syn::Expr) -> Option<(&syn::Expr, &syn::Expr, proc_macro2::Span)> {
    let syn::Expr::MethodCall(m) = strip_parens(e) else {
        return None;
    };
    if m.method != "get_mut" || m.args.len() != 1 || m.turbofish.is_some() {
        return None;
    }
    Some((strip_parens(&m.receiver), &m.args[0], m.method.span()))
}

impl Lowerer {
    /// `HashMap::new()`, `HashMap::with_capacity(n)`; `None` if `path` is not an
    /// associated function path of `HashMap`.
    pub(super) fn map_call(&mut self, path: &syn::Path, c: &syn::ExprCall) -> Option<ExprId> {
        collection_call(self, path, c, "HashMap", is_map_path, hidden::NEW)
    }

    /// `m.entry(k).or_insert(v)` / `.or_insert_with(f)` (also under `*`): the place of
    /// the entry's value; `None` for other syntax.
    pub(super) fn map_entry(&mut self, e: &syn::Expr) -> Option<ExprId> {
        let syn::Expr::MethodCall(m) = strip_parens(e) else {
            return None;
        };
        self.map_entry_call(m)
    }

    /// As [`Lowerer::map_entry`], on the outer call.
    pub(super) fn map_entry_call(&mut self, m: &syn::ExprMethodCall) -> Option<ExprId> {
        if let syn::Expr::MethodCall(entry) = strip_parens(&m.receiver)
            && entry.method == "entry"
            && matches!(
                m.method.to_string().as_str(),
                "or_default" | "and_modify" | "or_insert_with_key"
            )
        {
            return Some(self.invalid(
                m.method.span(),
                format!(
                    "`Entry::{}` is not supported in jit code yet: jit code has `entry(k).or_insert(v)` and `entry(k).or_insert_with(f)` (`or_insert(0)` for a number's default)",
                    m.method
                ),
            ));
        }
        let chain = entry_chain(m)?;
        let Some(slot) = self.entry_slot(&chain) else {
            return Some(self.push(ExprKind::Lit(Lit::Unit), chain.at));
        };
        let base = self.expr(chain.map);
        Some(self.push(ExprKind::Index(base, slot), chain.at))
    }

    /// `m.entry(k).or_insert(v);` / `.or_insert_with(f);` as a statement: the entry's
    /// position (inserting it if absent), dropped; its value is neither read nor moved.
    /// `None` for other syntax.
    pub(super) fn map_entry_discarded(&mut self, e: &syn::Expr) -> Option<ExprId> {
        let syn::Expr::MethodCall(m) = strip_parens(e) else {
            return None;
        };
        let chain = entry_chain(m)?;
        Some(match self.entry_slot(&chain) {
            Some(slot) => slot,
            None => self.push(ExprKind::Lit(Lit::Unit), chain.at),
        })
    }

    /// `*m.get_mut(&k).unwrap()` (or `.expect(..)`): the place of the entry's value;
    /// `None` for other syntax.
    pub(super) fn map_get_mut_unwrapped(&mut self, e: &syn::Expr) -> Option<ExprId> {
        let syn::Expr::MethodCall(m) = strip_parens(e) else {
            return None;
        };
        let unwraps = (m.method == "unwrap" && m.args.is_empty())
            || (m.method == "expect" && m.args.len() == 1);
        if !unwraps {
            return None;
        }
        let (map, key, at) = get_mut_call(&m.receiver)?;
        if !self.check_map_place(map) {
            return Some(self.push(ExprKind::Lit(Lit::Unit), at));
        }
        let find = self.find_slot(map, key, at);
        let args = m.args.iter().map(|a| self.expr(a)).collect();
        let slot = self.push(
            ExprKind::MethodCall {
                receiver: find,
                method: m.method.to_string(),
                args,
            },
            m.method.span(),
        );
        let base = self.expr(map);
        Some(self.push(ExprKind::Index(base, slot), at))
    }

    /// `let c = m.entry(k).or_insert(v);`: the statement binding the entry's position,
    /// with `c` standing for the place `m[slot]` (`*c`, `c.push(x)`); `None` for other
    /// syntax.
    pub(super) fn map_entry_let(&mut self, local: &syn::Local) -> Option<Stmt> {
        let init = local.init.as_ref()?;
        let syn::Expr::MethodCall(m) = strip_parens(&init.expr) else {
            return None;
        };
        let chain = entry_chain(m)?;
        let syn::Pat::Ident(pi) = &local.pat else {
            self.error(
                local.pat.span(),
                "jit code binds the reference `entry(..).or_insert(..)` returns to a name: `let c = m.entry(k).or_insert(0);`",
            );
            return Some(Stmt::Expr(self.push(ExprKind::Lit(Lit::Unit), chain.at)));
        };
        let loc = self.loc(local.span());
        let container = self.place_container(chain.map);
        let slot = self.entry_slot(&chain);
        let slot_local = self.declare(hidden::SLOT_LOCAL, false, loc);
        let name_loc = self.loc(pi.ident.span());
        let var = self.declare(&pi.ident.to_string(), false, name_loc);
        self.elem_refs.insert(
            var,
            ElemRef::Place {
                container,
                index: slot_local,
                field: None,
            },
        );
        Some(Stmt::Let {
            pattern: Pattern::Bind(slot_local),
            ty: None,
            init: slot,
            loc,
        })
    }

    /// `if let Some(x) = m.get_mut(&k)`: the scrutinee `m.FIND_SLOT(&k)`, with `Some(x)`
    /// binding the entry's position and `x` standing for the place `m[slot]`; `None` for
    /// other syntax.
    pub(super) fn map_get_mut_scrutinee(&mut self, e: &syn::Expr) -> Option<ExprId> {
        let (map, key, at) = get_mut_call(e)?;
        if !self.check_map_place(map) {
            return Some(self.push(ExprKind::Lit(Lit::Unit), at));
        }
        let find = self.find_slot(map, key, at);
        self.get_mut_scrutinees.insert(find, Box::new(map.clone()));
        Some(find)
    }

    /// The pattern `x` of `Some(x)` on a `get_mut` scrutinee: the hidden position local,
    /// and `x` an element reference to `m[slot]`.
    pub(super) fn get_mut_pattern(
        &mut self,
        inner: &syn::Pat,
        scrutinee: ExprId,
    ) -> Option<Pattern> {
        let map = self.get_mut_scrutinees.get(&scrutinee)?.clone();
        let container = self.place_container(&map);
        let syn::Pat::Ident(pi) = inner else {
            self.error(
                inner.span(),
                "jit code binds the reference `get_mut` returns to a name: `if let Some(x) = m.get_mut(&k) { *x += 1 }`",
            );
            return Some(Pattern::Wild);
        };
        let loc = self.loc(pi.ident.span());
        let slot_local = self.declare(hidden::SLOT_LOCAL, false, loc);
        let var = self.declare(&pi.ident.to_string(), false, loc);
        self.elem_refs.insert(
            var,
            ElemRef::Place {
                container,
                index: slot_local,
                field: None,
            },
        );
        Some(Pattern::Bind(slot_local))
    }

    /// `m.FIND_SLOT(&k)`.
    fn find_slot(&mut self, map: &syn::Expr, key: &syn::Expr, at: proc_macro2::Span) -> ExprId {
        let receiver = self.expr(map);
        let key = self.call_arg(key);
        self.push(
            ExprKind::MethodCall {
                receiver,
                method: hidden::FIND_SLOT.into(),
                args: vec![key],
            },
            at,
        )
    }

    /// A map re-read at each use must be a place.
    fn check_map_place(&mut self, map: &syn::Expr) -> bool {
        if is_place(map) {
            return true;
        }
        self.error(
            map.span(),
            "jit code takes references into a `HashMap` named by a variable or a field (`m.entry(k)`, `self.counts.get_mut(&k)`)",
        );
        false
    }

    /// The position of the chain's entry, inserted if absent; `None` after an error.
    fn entry_slot(&mut self, chain: &EntryChain<'_>) -> Option<ExprId> {
        if !self.check_map_place(chain.map) {
            return None;
        }
        let at = chain.at;
        match chain.default {
            Default::Value(v) => {
                let receiver = self.expr(chain.map);
                let key = self.expr(chain.key);
                let value = self.expr(v);
                Some(self.push(
                    ExprKind::MethodCall {
                        receiver,
                        method: hidden::ENTRY_SLOT.into(),
                        args: vec![key, value],
                    },
                    at,
                ))
            }
            Default::With(f) => {
                if let syn::Expr::Closure(c) = strip_parens(f)
                    && !c.inputs.is_empty()
                {
                    self.error(
                        c.or1_token.span(),
                        "closure is expected to take 0 arguments: `or_insert_with(|| ..)`",
                    );
                    return None;
                }
                Some(self.slot_block(chain))
            }
        }
    }

    /// `{ let k0 = k; let s = if let Some(s) = m.FIND_SLOT(&k0) { s } else {
    /// m.ENTRY_SLOT(k0, f()) }; s }`: `f` runs only when the key is absent.
    fn slot_block(&mut self, chain: &EntryChain<'_>) -> ExprId {
        let at = chain.at;
        let Default::With(f) = chain.default else {
            unreachable!("only `or_insert_with` builds a block")
        };
        self.scopes.push(Vec::new());
        let key_loc = self.loc(chain.key.span());
        let init = self.expr(chain.key);
        let key_local = self.declare(" map key", false, key_loc);
        let key_let = Stmt::Let {
            pattern: Pattern::Bind(key_local),
            ty: None,
            init: Some(init),
            loc: key_loc,
        };
        let key_ref = {
            let place = self.push(ExprKind::Local(key_local), at);
            self.push(
                ExprKind::AddrOf {
                    place,
                    mutable: false,
                },
                at,
            )
        };
        let receiver = self.expr(chain.map);
        let find = self.push(
            ExprKind::MethodCall {
                receiver,
                method: hidden::FIND_SLOT.into(),
                args: vec![key_ref],
            },
            at,
        );
        let loc = self.loc(at);
        self.scopes.push(Vec::new());
        let found = self.declare(hidden::SLOT_LOCAL, false, loc);
        let then_branch = self.push(ExprKind::Local(found), at);
        self.scopes.pop();
        let default = match strip_parens(f) {
            syn::Expr::Closure(c) => {
                // The body is lowered in place: what would leave the closure itself
                // would leave the function or its loop instead.
                if let Some((at, message)) = leaves_closure(&c.body) {
                    self.error(at, message);
                }
                self.expr(&c.body)
            }
            f => {
                let call: syn::Expr = syn::parse_quote_spanned!(f.span()=> #f());
                self.expr(&call)
            }
        };
        let receiver = self.expr(chain.map);
        let key = self.push(ExprKind::Local(key_local), at);
        let insert = self.push(
            ExprKind::MethodCall {
                receiver,
                method: hidden::ENTRY_SLOT.into(),
                args: vec![key, default],
            },
            at,
        );
        let slot = self.push(
            ExprKind::IfLetSome {
                pattern: Pattern::Bind(found),
                scrutinee: find,
                then_branch,
                else_branch: Some(insert),
            },
            at,
        );
        let slot_local = self.declare(hidden::SLOT_LOCAL, false, loc);
        let tail = self.push(ExprKind::Local(slot_local), at);
        self.scopes.pop();
        self.push(
            ExprKind::Block(Block {
                stmts: vec![
                    key_let,
                    Stmt::Let {
                        pattern: Pattern::Bind(slot_local),
                        ty: None,
                        init: Some(slot),
                        loc,
                    },
                ],
                tail: Some(tail),
            }),
            at,
        )
    }
}

/// The first `return`, or `break`/`continue` out of the closure, in an
/// `or_insert_with` closure's body, with its message; jit code lowers that body in place.
fn leaves_closure(body: &syn::Expr) -> Option<(proc_macro2::Span, String)> {
    struct Finder {
        loops: usize,
        /// Labels of the loops and blocks inside the closure.
        labels: Vec<String>,
        found: Option<(proc_macro2::Span, String)>,
    }
    impl Finder {
        fn found(&mut self, at: proc_macro2::Span, message: String) {
            self.found.get_or_insert((at, message));
        }
        /// Whether a `break`/`continue` with `label` stays in the closure.
        fn inside(&self, label: Option<&syn::Lifetime>) -> bool {
            match label {
                Some(l) => self.labels.contains(&l.ident.to_string()),
                None => self.loops > 0,
            }
        }
        fn enter(&mut self, label: Option<&syn::Label>) {
            self.loops += 1;
            self.labels
                .push(label.map_or(String::new(), |l| l.name.ident.to_string()));
        }
        fn leave(&mut self) {
            self.loops -= 1;
            self.labels.pop();
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
            self.found(
                r.return_token.span,
                "`return` in an `or_insert_with` closure is not supported in jit code: make the value the closure's last expression".into(),
            );
        }
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            if !self.inside(b.label.as_ref()) {
                self.found(
                    b.break_token.span,
                    "`break` inside of a closure\nnote: `break` cannot be used inside of a closure: it may be called after the loop".into(),
                );
            }
            syn::visit::visit_expr_break(self, b);
        }
        fn visit_expr_continue(&mut self, c: &'ast syn::ExprContinue) {
            if !self.inside(c.label.as_ref()) {
                self.found(
                    c.continue_token.span,
                    "`continue` inside of a closure\nnote: `continue` cannot be used inside of a closure: it may be called after the loop".into(),
                );
            }
        }
        fn visit_expr_for_loop(&mut self, l: &'ast syn::ExprForLoop) {
            self.visit_expr(&l.expr);
            self.enter(l.label.as_ref());
            self.visit_block(&l.body);
            self.leave();
        }
        fn visit_expr_while(&mut self, l: &'ast syn::ExprWhile) {
            self.visit_expr(&l.cond);
            self.enter(l.label.as_ref());
            self.visit_block(&l.body);
            self.leave();
        }
        fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
            self.enter(l.label.as_ref());
            self.visit_block(&l.body);
            self.leave();
        }
        fn visit_expr_block(&mut self, b: &'ast syn::ExprBlock) {
            if let Some(l) = &b.label {
                self.labels.push(l.name.ident.to_string());
                self.visit_block(&b.block);
                self.labels.pop();
            } else {
                self.visit_block(&b.block);
            }
        }
        // A nested closure's own `return` is its own (and refused where it is lowered).
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    }
    let mut finder = Finder {
        loops: 0,
        labels: Vec::new(),
        found: None,
    };
    syn::visit::Visit::visit_expr(&mut finder, body);
    finder.found
}

/// `HashMap<K, V>` (also `std::collections::HashMap<K, V>`,
/// `std::collections::hash_map::HashMap<K, V>`); `None` for other paths.
pub(super) fn lower_map_type(
    path: &syn::Path,
    scope: &mut super::types::TypeScope,
) -> syn::Result<Option<TypeExpr>> {
    if !is_map_path(path) {
        return Ok(None);
    }
    let last = path.segments.last().expect("a `HashMap` path has segments");
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return Ok(None);
    };
    let [
        syn::GenericArgument::Type(key),
        syn::GenericArgument::Type(value),
    ] = args.args.iter().collect::<Vec<_>>()[..]
    else {
        return Err(syn::Error::new(
            args.span(),
            "`HashMap` takes two types in jit code: `HashMap<K, V>` (std's default hasher; no hasher parameter)",
        ));
    };
    let key = super::types::lower_type(key, scope, super::types::TypePos::Other)?;
    let value = super::types::lower_type(value, scope, super::types::TypePos::Other)?;
    Ok(Some(TypeExpr::Map {
        key: Box::new(key),
        value: Box::new(value),
    }))
}

/// Whether `path` names std's `HashMap`, with or without arguments on its last segment.
pub(super) fn is_map_path(path: &syn::Path) -> bool {
    one_path(
        path,
        &[
            &["HashMap"],
            &["std", "collections", "HashMap"],
            &["std", "collections", "hash_map", "HashMap"],
        ],
    )
}

/// `Owner::new()` / `Owner::with_capacity(n)` of a hashed collection (`owner` names it
/// in messages; `is_owner` recognises its paths): the hidden call `new_op` on `()`;
/// `None` if `path` is not an associated function path of the collection.
pub(super) fn collection_call(
    lw: &mut Lowerer,
    path: &syn::Path,
    c: &syn::ExprCall,
    owner: &str,
    is_owner: fn(&syn::Path) -> bool,
    new_op: &str,
) -> Option<ExprId> {
    let n = path.segments.len();
    if n < 2 {
        return None;
    }
    let owner_path = syn::Path {
        leading_colon: path.leading_colon,
        segments: path.segments.iter().take(n - 1).cloned().collect(),
    };
    if !is_owner(&owner_path) {
        return None;
    }
    let span = span::of(&c.func);
    if let Some(s) = path.segments.iter().find(|s| !s.arguments.is_none()) {
        let example = if owner == "HashMap" {
            "let m: HashMap<u32, i64> = HashMap::new();"
        } else {
            "let s: HashSet<u32> = HashSet::new();"
        };
        return Some(lw.invalid(
            s.arguments.span(),
            format!("explicit type arguments on `{owner}` are not supported in jit code: write the type on the `let` (`{example}`)"),
        ));
    }
    let func = path.segments[n - 1].ident.to_string();
    let args: Vec<ExprId> = match (func.as_str(), c.args.len()) {
        ("new", 0) => vec![],
        ("with_capacity", 1) => vec![lw.expr(&c.args[0])],
        ("new" | "with_capacity", _) => {
            let expected = usize::from(func == "with_capacity");
            return Some(lw.invalid(
                span,
                format!(
                    "this function takes {expected} argument{} but {} argument{} supplied",
                    if expected == 1 { "" } else { "s" },
                    c.args.len(),
                    if c.args.len() == 1 { " was" } else { "s were" }
                ),
            ));
        }
        _ => {
            return Some(lw.invalid(
                path.segments[n - 1].ident.span(),
                format!("`{owner}::{func}` is not supported in jit code yet: jit code makes {} with `{owner}::new()` and `{owner}::with_capacity(n)`", if owner == "HashMap" { "maps" } else { "sets" }),
            ));
        }
    };
    let unit = lw.push(ExprKind::Lit(Lit::Unit), span);
    Some(lw.push(
        ExprKind::MethodCall {
            receiver: unit,
            method: new_op.into(),
            args,
        },
        span,
    ))
}

/// Whether `path` is one of `paths` (segment names), with or without arguments on its
/// last segment only.
pub(super) fn one_path(path: &syn::Path, paths: &[&[&str]]) -> bool {
    let leading_args = path
        .segments
        .iter()
        .rev()
        .skip(1)
        .any(|s| !s.arguments.is_none());
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    !leading_args
        && paths
            .iter()
            .any(|p| p.len() == names.len() && p.iter().zip(&names).all(|(a, b)| a == b))
}
