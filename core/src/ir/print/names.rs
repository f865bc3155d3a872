//! How written types print: the names their class, generic and opaque references stand for.

use crate::ir::TypeExpr;

/// What the names in written types refer to.
pub(super) struct Names<'a> {
    pub(super) generics: &'a [String],
    pub(super) classes: &'a [String],
    pub(super) class_args: &'a [Vec<TypeExpr>],
    pub(super) opaques: &'a [String],
}

impl Names<'_> {
    /// A class reference: its name as written, with the arguments it stands for when
    /// they are not written on it (`Self` of a generic class is `Stack<T>`).
    pub(super) fn class(&self, i: usize) -> String {
        let Some(shown) = self.classes.get(i) else {
            return format!("c{i}?");
        };
        match self.class_args.get(i) {
            Some(args) if !args.is_empty() && !shown.ends_with('>') => {
                format!("{shown}<{}>", self.list(args))
            }
            _ => shown.clone(),
        }
    }

    /// A written type, spelled as in Rust, with class and opaque types by their names.
    pub(super) fn ty(&self, t: &TypeExpr) -> String {
        let name = |names: &[String], i: usize, prefix: char| {
            names
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("{prefix}{i}?"))
        };
        match t {
            TypeExpr::Prim(p) => p.to_string(),
            TypeExpr::Unit => "()".to_string(),
            TypeExpr::Str => "&str".to_string(),
            TypeExpr::String => "String".to_string(),
            TypeExpr::Tuple(parts) if parts.len() == 1 => format!("({},)", self.ty(&parts[0])),
            TypeExpr::Tuple(parts) => format!("({})", self.list(parts)),
            TypeExpr::Slice { elem, mutable } => {
                format!("&{}[{}]", if *mutable { "mut " } else { "" }, self.ty(elem))
            }
            TypeExpr::Generic(i) => name(self.generics, *i as usize, 'T'),
            TypeExpr::Option(inner) => format!("Option<{}>", self.ty(inner)),
            TypeExpr::Vec(elem) => format!("Vec<{}>", self.ty(elem)),
            TypeExpr::Map { key, value } if **value == TypeExpr::Never => {
                format!("HashSet<{}>", self.ty(key))
            }
            TypeExpr::Never => "!".into(),
            TypeExpr::Map { key, value } => {
                format!("HashMap<{}, {}>", self.ty(key), self.ty(value))
            }
            TypeExpr::Array { elem, len } => format!("[{}; {len}]", self.ty(elem)),
            TypeExpr::Class(c) => self.class(c.index()),
            TypeExpr::PassThru(o) => format!("PassThru<{}>", name(self.opaques, o.index(), 'o')),
            TypeExpr::Dyn { trait_ref, pointer } => {
                let object = format!("dyn t{}", trait_ref.0);
                match pointer {
                    crate::types::DynPointer::Box => format!("Box<{object}>"),
                    crate::types::DynPointer::Ref => format!("&{object}"),
                    crate::types::DynPointer::RefMut => format!("&mut {object}"),
                }
            }
            TypeExpr::Ptr { pointee, mutable } => format!(
                "*{} {}",
                if *mutable { "mut" } else { "const" },
                self.ty(pointee)
            ),
            TypeExpr::Ref { inner, mutable } => {
                format!("&{}{}", if *mutable { "mut " } else { "" }, self.ty(inner))
            }
            TypeExpr::FnPtr { params, ret } => match &**ret {
                TypeExpr::Unit => format!("extern \"C\" fn({})", self.list(params)),
                ret => format!("extern \"C\" fn({}) -> {}", self.list(params), self.ty(ret)),
            },
            TypeExpr::Concrete(t) => t.to_string(),
            TypeExpr::Applied { family, args } => format!("{}<{}>", family.name, self.list(args)),
            TypeExpr::Infer => "_".to_string(),
        }
    }

    pub(super) fn list(&self, types: &[TypeExpr]) -> String {
        types
            .iter()
            .map(|t| self.ty(t))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
