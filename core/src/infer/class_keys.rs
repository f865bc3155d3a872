//! Instances as map keys: a class is a key jit code hashes when its struct derives
//! `PartialEq`, `Eq` and `Hash` (the map's hashing and comparison are those derives, field
//! by field, `runtime/src/map.rs`) and every field is one the map can hash.

use super::{Infer, Mode};
use crate::ClassKey;
use crate::map_methods;
use crate::types::Type;

impl Infer<'_> {
    /// Why a map cannot hash keys of type `k` that holds an instance, as the note of
    /// `bad_key`; `None` if it can, or if `k` holds no instance (`is_key_type` judges
    /// those), or at macro time (where rustc's shadow checks the bounds).
    pub(super) fn instance_key_note(&self, k: &Type) -> Option<String> {
        if self.mode == Mode::MacroTime {
            return None;
        }
        let mut seen = Vec::new();
        self.key_part_note(k, &mut seen)
    }

    fn key_part_note(&self, t: &Type, seen: &mut Vec<usize>) -> Option<String> {
        match t {
            Type::Class(class) => self.class_key_note(class, seen),
            Type::Tuple(es) => es.iter().find_map(|e| self.key_part_note(e, seen)),
            Type::Option(e) | Type::Array { elem: e, .. } => self.key_part_note(e, seen),
            _ => None,
        }
    }

    fn class_key_note(&self, class: &ClassKey, seen: &mut Vec<usize>) -> Option<String> {
        if seen.contains(&class.id) {
            return None;
        }
        seen.push(class.id);
        let name = &class.name;
        let derives = self.callees.derives(class);
        let missing: Vec<&str> = ["Eq", "Hash"]
            .into_iter()
            .filter(|t| !derives.iter().any(|d| d == t))
            .collect();
        if !missing.is_empty() {
            let bounds: String = missing
                .iter()
                .map(|t| format!("\n        `{name}: {t}`"))
                .collect();
            return Some(format!(
                "note: the following trait bounds were not satisfied:{bounds}\nhelp: jit code hashes the instances of classes that `#[derive(PartialEq, Eq, Hash)]` (it does not call hand-written impls of these traits)"
            ));
        }
        let fields = self.callees.fields(class).ok()?;
        fields.iter().find_map(|f| {
            if let Some(note) = self.key_part_note(&f.ty, seen) {
                return Some(note);
            }
            (!hashable_field(&f.ty)).then(|| {
                format!(
                    "note: jit code does not hash an instance of `{name}` yet: its field `{}` is a `{}`\nhelp: jit code hashes fields of integer types, `bool`, `char`, `String`, and tuples, arrays, `Option`s and classes of them",
                    f.name, f.ty
                )
            })
        })
    }
}

/// Whether a map's hashing reads a field of type `t` (an instance's fields are judged by
/// `class_key_note`).
fn hashable_field(t: &Type) -> bool {
    match t {
        Type::Class(_) => true,
        Type::Tuple(es) => es.iter().all(hashable_field),
        Type::Option(e) | Type::Array { elem: e, .. } => hashable_field(e),
        _ => map_methods::is_key_type(t),
    }
}
