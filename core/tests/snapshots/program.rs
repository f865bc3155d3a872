//! A case file as a program: its items lowered as the macros lower them, and the
//! `Callees` that inference asks about them (the runtime's `RefSignatures`, answered from
//! the case's own functions, classes, methods and `#[jit] trait`s instead of dispatchers
//! and registries). A `trait` item is a `#[jit] trait`, and `impl Trait for Class` of one
//! registers its functions as that trait's.

mod families;

use crate::render;
use families::Refs;
use jitclass_core::infer::{
    self, CalleeSig, Callees, DynTraitSig, FieldSig, FnKind, MethodSig, Mode, TraitOf,
    concrete_type,
};
use jitclass_core::ir::{
    ClassIr, ClassRefId, FnIr, ForeignFn, OpaqueRefId, RefId, TraitDispatch, TraitIr, TraitRefId,
    TypeExpr, print_class, print_fn,
};
use jitclass_core::lower::types::{TypePos, TypeScope, lower_type};
use jitclass_core::lower::{self, Lowered, MethodContext};
use jitclass_core::{ClassKey, Diagnostic, OpaqueKey, TraitKey, Type};
use std::cell::RefCell;

/// The lowering case: every item's IR, or its errors.
pub fn lower_case(source: &str) -> String {
    let case = Case::parse(source);
    let mut out = Vec::new();
    for item in &case.items {
        out.push(match &item.lowered {
            Ok(Lowering::Fn(l)) => print_fn(&l.ir, None),
            Ok(Lowering::Class(class)) => print_class(class),
            Ok(Lowering::Trait(_)) => continue,
            Err(errors) => format!("{}:\n{errors}", item.title),
        });
    }
    out.join("\n")
}

/// The inference case: every function's typed IR, or its diagnostics.
pub fn infer_case(source: &str) -> String {
    let case = Case::parse(source);
    let mut out = Vec::new();
    for item in &case.items {
        let lowered = match &item.lowered {
            Ok(Lowering::Fn(l)) => l,
            Ok(Lowering::Class(class)) => {
                out.push(print_class(class));
                continue;
            }
            Ok(Lowering::Trait(_)) => continue,
            Err(errors) => {
                out.push(format!("{} does not lower:\n{errors}", item.title));
                continue;
            }
        };
        let ir = &lowered.ir;
        if ir.foreign.is_some() {
            // A C function has no body to infer; its callers read its signature.
            out.push(print_fn(ir, None));
            continue;
        }
        let diagnostics_of = |diagnostics: Vec<Diagnostic>| {
            let mut text = format!("{}:\n", item.title);
            for d in diagnostics {
                text.push_str(&render::error(
                    source,
                    lowered.spans[d.loc.index()],
                    &d.message,
                    &d.notes,
                ));
            }
            text
        };
        if case.macro_time {
            let check = jitclass_core::check_at_macro_time(ir);
            out.push(if check.diagnostics.is_empty() {
                format!("{}: checked at macro time\n", item.title)
            } else {
                diagnostics_of(check.diagnostics)
            });
            continue;
        }
        let type_args = if ir.generics.is_empty() {
            Vec::new()
        } else {
            match case
                .instantiations
                .iter()
                .find(|(name, _)| *name == ir.name)
            {
                Some((_, args)) => args.iter().map(|a| case.written_type(a)).collect(),
                None => {
                    out.push(format!(
                        "{} is generic: printed, not inferred (`//@ instantiate: {}::<..>` infers it)\n{}",
                        item.title,
                        ir.name,
                        print_fn(ir, None)
                    ));
                    continue;
                }
            }
        };
        let init = jitclass_core::init::check(ir);
        if !init.is_empty() {
            out.push(diagnostics_of(init));
            continue;
        }
        let callees = CaseCallees {
            case: &case,
            ir,
            type_args: &type_args,
        };
        out.push(
            match infer::infer(ir, &type_args, &callees, Mode::Runtime) {
                Ok(typed) => print_fn(ir, Some(&typed)),
                Err(diagnostics) => diagnostics_of(diagnostics),
            },
        );
    }
    out.join("\n")
}

struct Case {
    items: Vec<CaseItem>,
    /// `//@ macro-time`: infer as the macro does.
    macro_time: bool,
    /// `//@ instantiate: f::<T, ..>`: generic arguments for `f`, as written.
    instantiations: Vec<(String, Vec<syn::Type>)>,
    /// The members of the generic classes made so far (`families.rs`).
    members: RefCell<Vec<(ClassKey, Vec<Type>)>>,
    /// `(class, trait)` of each `impl Trait for Class` of a case's trait.
    trait_impls: Vec<(String, String)>,
}

struct CaseItem {
    /// How the snapshot names the item (`fn f`, `V::norm`, `struct V`).
    title: String,
    /// The lowering, or its errors rendered.
    lowered: Result<Lowering, String>,
    /// Where inference finds a function: by name, or as a class's function.
    role: Role,
}

enum Lowering {
    Fn(Box<Lowered>),
    Class(ClassIr),
    Trait(TraitIr),
}

enum Role {
    /// A `#[jit] fn` (`extern_c`: `extern "C"`) or a declared C function (`foreign`).
    Fn { extern_c: bool, foreign: bool },
    /// A function of a class's impl, under the name the runtime registers it by
    /// (`norm`, `Add::add`).
    ClassFn {
        class: String,
        name: String,
        kind: FnKind,
        /// The `#[jit] trait` whose impl defines it.
        of_trait: Option<String>,
    },
    /// A class, with its type parameters' names.
    Class { name: String, generics: Vec<String> },
    /// A `#[jit] trait`: its impls are `Case::trait_impls`.
    Trait(String),
}

impl Case {
    fn parse(source: &str) -> Case {
        let file = syn::parse_file(source).unwrap_or_else(|e| panic!("the case parses: {e}"));
        let mut case = Case {
            items: Vec::new(),
            macro_time: false,
            instantiations: Vec::new(),
            members: RefCell::new(Vec::new()),
            trait_impls: Vec::new(),
        };
        let traits: Vec<String> = file
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Trait(t) => Some(t.ident.to_string()),
                _ => None,
            })
            .collect();
        for line in source.lines() {
            let Some(directive) = line.trim().strip_prefix("//@") else {
                continue;
            };
            match directive.trim().split_once(':') {
                None if directive.trim() == "macro-time" => case.macro_time = true,
                Some(("instantiate", path)) => case.instantiations.push(instantiation(path.trim())),
                _ => panic!("unknown directive `{line}`"),
            }
        }
        let errors = |e: Vec<syn::Error>| render::syn_errors(source, e);
        for item in &file.items {
            match item {
                syn::Item::Fn(f) => case.items.push(CaseItem {
                    title: format!("fn {}", f.sig.ident),
                    lowered: lower::lower_fn(f)
                        .map(|l| Lowering::Fn(Box::new(l)))
                        .map_err(errors),
                    role: Role::Fn {
                        extern_c: f.sig.abi.is_some(),
                        foreign: false,
                    },
                }),
                syn::Item::Struct(s) => case.items.push(CaseItem {
                    title: format!("struct {}", s.ident),
                    lowered: lower::lower_class(s)
                        .map(|l| Lowering::Class(l.ir))
                        .map_err(errors),
                    role: Role::Class {
                        name: s.ident.to_string(),
                        generics: s
                            .generics
                            .type_params()
                            .map(|tp| tp.ident.to_string())
                            .collect(),
                    },
                }),
                syn::Item::Trait(t) => case.items.push(CaseItem {
                    title: format!("trait {}", t.ident),
                    lowered: Ok(Lowering::Trait(lower::lower_trait(t).ir)),
                    role: Role::Trait(t.ident.to_string()),
                }),
                syn::Item::Impl(imp) => {
                    let jit_trait = imp.trait_.as_ref().and_then(|(_, path, _)| {
                        let name = path.segments.last()?.ident.to_string();
                        traits.contains(&name).then_some(name)
                    });
                    let items = impl_fns(imp, jit_trait.as_deref(), &errors);
                    if let (Some(t), Some(item)) = (&jit_trait, items.first())
                        && let Role::ClassFn { class, .. } = &item.role
                    {
                        case.trait_impls.push((class.clone(), t.clone()));
                    }
                    case.items.extend(items);
                }
                syn::Item::ForeignMod(m) => {
                    for f in &m.items {
                        let syn::ForeignItem::Fn(f) = f else {
                            panic!("only functions in `extern` blocks");
                        };
                        let foreign = ForeignFn {
                            symbol: f.sig.ident.to_string(),
                            safe: false,
                        };
                        case.items.push(CaseItem {
                            title: format!("extern fn {}", f.sig.ident),
                            lowered: lower::lower_foreign_fn(f, foreign)
                                .map(|l| Lowering::Fn(Box::new(l)))
                                .map_err(errors),
                            role: Role::Fn {
                                extern_c: true,
                                foreign: true,
                            },
                        });
                    }
                }
                other => panic!("unsupported item in a case: {}", quote::quote!(#other)),
            }
        }
        case
    }

    /// The classes of the case, in order; a class's key is its position (from 1).
    fn classes(&self) -> impl Iterator<Item = (&str, &CaseItem)> {
        self.items.iter().filter_map(|item| match &item.role {
            Role::Class { name, .. } => Some((name.as_str(), item)),
            _ => None,
        })
    }

    /// A type of an `//@ instantiate:` line, resolved among the case's classes.
    fn written_type(&self, ty: &syn::Type) -> Type {
        let mut scope = TypeScope::default();
        let te = lower_type(ty, &mut scope, TypePos::Param).expect("a jit type");
        let refs = Refs {
            classes: &scope.classes,
            class_args: &scope.class_args,
            opaques: &scope.opaques,
        };
        concrete_type(&self.resolve(&te, refs, &[]), &[]).expect("a concrete type")
    }

    /// The class a reference names as written (`Stack<i64>`: the family `Stack`).
    fn class_key(&self, written: &str) -> Option<ClassKey> {
        let path = written.split('<').next().unwrap_or(written);
        let path = path.strip_suffix("::").unwrap_or(path);
        let name = path.rsplit("::").next().unwrap_or(path);
        let position = self.classes().position(|(n, _)| n == name)?;
        Some(ClassKey {
            id: position + 1,
            name: name.to_string(),
        })
    }

    /// The `#[jit] trait`s of the case, in order; a trait's key is its position (from
    /// 1001) and its identity its name.
    fn traits(&self) -> impl Iterator<Item = (&str, &TraitIr)> {
        self.items
            .iter()
            .filter_map(|item| match (&item.role, &item.lowered) {
                (Role::Trait(name), Ok(Lowering::Trait(ir))) => Some((name.as_str(), ir)),
                _ => None,
            })
    }

    /// A class's IR (a member's is its family's).
    fn class_ir(&self, key: &ClassKey) -> Option<&ClassIr> {
        let key = self.family(key).map_or(key.clone(), |(f, _)| f);
        match &self.classes().nth(key.id.checked_sub(1)?)?.1.lowered {
            Ok(Lowering::Class(class)) => Some(class),
            _ => None,
        }
    }

    /// A function's signature as its callers see it.
    /// Of a generic class's function, `class_args` are the member's arguments (bound to
    /// the leading generics, as the runtime's `callee_signature`); none for a family's
    /// (its generics leading, `Self` applied to them).
    fn signature(
        &self,
        ir: &FnIr,
        extern_c: bool,
        foreign: bool,
        class_args: &[Type],
    ) -> CalleeSig {
        let refs = Refs {
            classes: &ir.classes,
            class_args: &ir.class_args,
            opaques: &ir.opaques,
        };
        let resolve =
            |t: &TypeExpr| families::bind_leading(&self.resolve(t, refs, class_args), class_args);
        CalleeSig {
            name: ir.name.clone(),
            generics: ir.generics.len() - class_args.len(),
            params: ir.params.iter().map(|p| resolve(&p.ty)).collect(),
            ret: resolve(&ir.ret),
            extern_c,
            is_unsafe: foreign,
            bounds: Vec::new(),
        }
    }
}

/// The functions of an impl block, with the context the macro lowers them in.
fn impl_fns(
    imp: &syn::ItemImpl,
    jit_trait: Option<&str>,
    errors: &dyn Fn(Vec<syn::Error>) -> String,
) -> Vec<CaseItem> {
    let syn::Type::Path(self_ty) = &*imp.self_ty else {
        panic!("impl blocks are for classes named by a path");
    };
    let class = self_ty
        .path
        .segments
        .last()
        .expect("a segment")
        .ident
        .to_string();
    let operator = imp
        .trait_
        .as_ref()
        .filter(|_| jit_trait.is_none())
        .map(|(_, path, _)| path.segments.last().expect("a segment").ident.to_string());
    let by_value = matches!(
        operator.as_deref(),
        Some("Add" | "Sub" | "Mul" | "Div" | "Rem" | "Neg")
    );
    // As the macro: `Self` is the class's path without arguments, and a generic impl's
    // parameters are the leading generics of each of its functions.
    let mut self_path = self_ty.path.clone();
    if let Some(last) = self_path.segments.last_mut() {
        last.arguments = syn::PathArguments::None;
    }
    let generics: Vec<String> = imp
        .generics
        .type_params()
        .map(|tp| tp.ident.to_string())
        .collect();
    let cx = MethodContext {
        self_path: &self_path,
        self_by_value: by_value,
        class_by_ref: operator.is_some(),
        returns_place: match operator.as_deref() {
            Some("Index") => Some(false),
            Some("IndexMut") => Some(true),
            _ => None,
        },
        generics: &generics,
        impl_generics: Some(&imp.generics),
        trait_scope: None,
    };
    let mut items = Vec::new();
    for it in &imp.items {
        let syn::ImplItem::Fn(f) = it else {
            panic!("only functions in impl blocks");
        };
        let fn_name = f.sig.ident.to_string();
        let name = match &operator {
            Some(op) => format!("{op}::{fn_name}"),
            None => fn_name.clone(),
        };
        let kind = if f.attrs.iter().any(|a| a.path().is_ident("getter")) {
            FnKind::Getter
        } else if f.attrs.iter().any(|a| a.path().is_ident("setter")) {
            FnKind::Setter
        } else {
            FnKind::Plain
        };
        items.push(CaseItem {
            title: format!("{class}::{name}"),
            lowered: lower::lower_method(&f.sig, &f.block, &cx)
                .map(|l| Lowering::Fn(Box::new(l)))
                .map_err(errors),
            role: Role::ClassFn {
                class: class.clone(),
                name,
                kind,
                of_trait: jit_trait.map(str::to_string),
            },
        });
    }
    items
}

/// `f::<T, ..>` of an `//@ instantiate:` line: the name and the types as written.
fn instantiation(path: &str) -> (String, Vec<syn::Type>) {
    let path: syn::Path = syn::parse_str(path).expect("`name::<types>`");
    let last = path.segments.last().expect("a segment");
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        panic!("`//@ instantiate: name::<types>`");
    };
    let types = args
        .args
        .iter()
        .map(|arg| match arg {
            syn::GenericArgument::Type(ty) => ty.clone(),
            _ => panic!("type arguments only"),
        })
        .collect();
    (last.ident.to_string(), types)
}

/// A `PassThru<T>`'s key: at run time a hash of `T`'s `TypeId`, here of its name.
fn opaque_key(written: &str) -> OpaqueKey {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    written.hash(&mut hasher);
    OpaqueKey {
        id: hasher.finish(),
        name: written.to_string(),
    }
}

/// What the case's items tell inference about the function `ir` refers to.
struct CaseCallees<'a> {
    case: &'a Case,
    ir: &'a FnIr,
    /// The specialisation inferred (`Self`'s arguments leading in a generic class's
    /// function).
    type_args: &'a [Type],
}

impl CaseCallees<'_> {
    fn lowered_fns(&self) -> impl Iterator<Item = (&FnIr, &Role)> {
        self.case
            .items
            .iter()
            .filter_map(|item| match &item.lowered {
                Ok(Lowering::Fn(l)) => Some((&l.ir, &item.role)),
                _ => None,
            })
    }
}

impl Callees for CaseCallees<'_> {
    fn signature(&self, item: RefId) -> Result<Option<CalleeSig>, String> {
        let path = &self.ir.refs[item.index()].path;
        let name = path.rsplit("::").next().unwrap_or(path);
        self.lowered_fns()
            .find_map(|(ir, role)| match role {
                Role::Fn { extern_c, foreign } if ir.name == name => {
                    Some(self.case.signature(ir, *extern_c, *foreign, &[]))
                }
                _ => None,
            })
            .map(Some)
            .ok_or_else(|| format!("no function `{path}` in the case"))
    }

    /// As the runtime's: a generic class named without its arguments has no one class.
    fn class(&self, class: ClassRefId) -> Result<Option<ClassKey>, String> {
        match self.class_type(class)? {
            Some(TypeExpr::Concrete(Type::Class(key))) => Ok(Some(key)),
            _ => Err(format!(
                "the generic class `{}` is named without its type arguments",
                self.ir.classes[class.index()]
            )),
        }
    }

    fn class_type(&self, class: ClassRefId) -> Result<Option<TypeExpr>, String> {
        let written = &self.ir.classes[class.index()];
        self.case
            .class_key(written)
            .ok_or_else(|| format!("no class `{written}` in the case"))?;
        let refs = Refs {
            classes: &self.ir.classes,
            class_args: &self.ir.class_args,
            opaques: &self.ir.opaques,
        };
        let resolved = self
            .case
            .resolve(&TypeExpr::Class(class), refs, self.type_args);
        if resolved == TypeExpr::Infer {
            // A member past the depth limit: its error, as the runtime gives it.
            let key = self.case.class_key(written).expect("found above");
            let args = self.ir.class_args[class.index()]
                .iter()
                .map(|a| concrete_type(&self.case.resolve(a, refs, self.type_args), self.type_args))
                .collect::<Option<Vec<Type>>>()
                .unwrap_or_default();
            self.case.member(&key, &args)?;
        }
        Ok(Some(resolved))
    }

    fn family(&self, class: &ClassKey) -> Option<(ClassKey, Vec<Type>)> {
        self.case.family(class)
    }

    fn class_generics(&self, family: &ClassKey) -> Vec<String> {
        self.case.generic_names(family)
    }

    fn member(&self, family: &ClassKey, args: &[Type]) -> Result<Option<ClassKey>, String> {
        self.case.member(family, args).map(Some)
    }

    /// A field declared with the class's generics, its class references resolved (a
    /// family's and a member's alike).
    fn field_declared(&self, class: &ClassKey, field: usize) -> Option<TypeExpr> {
        let ir = self.case.class_ir(class)?;
        let refs = Refs {
            classes: &ir.classes,
            class_args: &ir.class_args,
            opaques: &ir.opaques,
        };
        Some(self.case.resolve(&ir.fields.get(field)?.ty, refs, &[]))
    }

    fn opaque(&self, opaque: OpaqueRefId) -> Option<OpaqueKey> {
        Some(opaque_key(&self.ir.opaques[opaque.index()]))
    }

    fn fields(&self, class: &ClassKey) -> Result<Vec<FieldSig>, String> {
        let ir = self
            .case
            .class_ir(class)
            .ok_or_else(|| format!("the class `{}` does not lower", class.name))?;
        let refs = Refs {
            classes: &ir.classes,
            class_args: &ir.class_args,
            opaques: &ir.opaques,
        };
        // A member's fields are its family's for its arguments; a family's are only
        // named (their types are `field_declared`'s).
        let args = self.case.family(class).map(|(_, args)| args);
        Ok(ir
            .fields
            .iter()
            .map(|f| FieldSig {
                name: f.name.clone(),
                ty: match &args {
                    Some(args) => concrete_type(&self.case.resolve(&f.ty, refs, args), args)
                        .expect("a member's field type is concrete"),
                    None if self.case.generics_of(class) > 0 => Type::Unit,
                    None => concrete_type(&self.case.resolve(&f.ty, refs, &[]), &[])
                        .expect("a field type is concrete"),
                },
            })
            .collect())
    }

    /// As the runtime's `ClassInfo::functions`: the inherent function `name`, else the
    /// functions of the one operator trait with a method `name` (`mul` finds `Mul::mul`).
    /// Of a member, its family's functions with the leading generics bound to its
    /// arguments; of a family, with them leading (`Self` applied to them).
    fn method(&self, class: &ClassKey, name: &str) -> Result<Vec<MethodSig>, String> {
        let (owner_name, class_args) = match self.case.family(class) {
            Some((family, args)) => (family.name, args),
            None => (class.name.clone(), Vec::new()),
        };
        let names = self.method_names(class);
        let suffix = format!("::{name}");
        let traits: Vec<&String> = names.iter().filter(|n| n.ends_with(&suffix)).collect();
        let registered = match traits.as_slice() {
            _ if names.iter().any(|n| n == name) => name,
            [one] => one.as_str(),
            _ => return Ok(Vec::new()),
        };
        Ok(self
            .lowered_fns()
            .filter_map(|(ir, role)| match role {
                Role::ClassFn {
                    class: owner,
                    name: candidate,
                    kind,
                    of_trait,
                } if *owner == owner_name && candidate == registered => Some(MethodSig {
                    sig: self.case.signature(ir, false, false, &class_args),
                    receiver: ir.receiver,
                    kind: *kind,
                    of_trait: of_trait.as_ref().map(|t| TraitOf {
                        name: t.clone(),
                        id: t.clone(),
                    }),
                    declared_ret: None,
                }),
                _ => None,
            })
            .collect())
    }

    fn trait_id(&self, t: TraitRefId) -> Option<String> {
        let written = &self.ir.traits[t.index()];
        Some(written.rsplit("::").next().unwrap_or(written).to_string())
    }

    fn dyn_trait_key(&self, t: TraitRefId) -> Option<TraitKey> {
        let name = self.trait_id(t)?;
        let position = self.case.traits().position(|(n, _)| n == name)?;
        Some(TraitKey {
            id: position + 1001,
            name,
        })
    }

    /// As the runtime's `TraitInfo::signature`: the classes of the signatures resolved.
    fn dyn_trait(&self, key: &TraitKey) -> Result<Option<DynTraitSig>, String> {
        let (name, ir) = self
            .case
            .traits()
            .nth(key.id - 1001)
            .ok_or_else(|| format!("no trait `{}` in the case", key.name))?;
        let mut ir = ir.clone();
        let no_args = vec![Vec::new(); ir.classes.len()];
        for m in &mut ir.methods {
            if let TraitDispatch::Vtable { params, ret, .. } = &mut m.dispatch {
                for t in params.iter_mut().chain([ret]) {
                    // A trait's declarations name classes without arguments.
                    let refs = Refs {
                        classes: &ir.classes,
                        class_args: &no_args,
                        opaques: &ir.opaques,
                    };
                    *t = self.case.resolve(t, refs, &[]);
                }
            }
        }
        Ok(Some(DynTraitSig {
            of_trait: TraitOf {
                name: name.to_string(),
                id: name.to_string(),
            },
            ir,
        }))
    }

    fn implements(&self, class: &ClassKey, trait_id: &str) -> Option<bool> {
        // A trait's identity is its name here; a trait the case does not declare is a
        // plain Rust trait, which inference does not judge.
        self.case.traits().any(|(n, _)| n == trait_id).then(|| {
            self.case
                .trait_impls
                .iter()
                .any(|(c, t)| *c == class.name && t == trait_id)
        })
    }

    fn method_names(&self, class: &ClassKey) -> Vec<String> {
        let class = self.case.family(class).map_or(class.clone(), |(f, _)| f);
        let mut names: Vec<String> = self
            .case
            .items
            .iter()
            .filter_map(|item| match &item.role {
                Role::ClassFn {
                    class: owner, name, ..
                } if *owner == class.name => Some(name.clone()),
                _ => None,
            })
            .collect();
        names.sort();
        names.dedup();
        names
    }
}
