//! Unmanaged instances never outlive the call they were lent to: the places where a value
//! outlives its call (*sinks*) refuse them, with one message.
//!
//! An unmanaged instance (null meminfo: an SQLite aggregate's state, or one made by
//! `unsafe_cast` or `construct_at`) is valid only while the memory under it is, which
//! safe code cannot know beyond the call it was lent to. So no value holding one may
//! reach a sink:
//!
//! - a class field: a jit assignment (`v.f = x`, `v.f.0 = x`), a struct literal's field,
//!   a Rust setter (`v.set_f(x)`);
//! - memory the caller lent: a slice element (`xs[i] = x`), a place `index_mut` returns;
//! - an `objmode!` block's input (the block is Rust and may keep it);
//! - the result an entry point returns to its Rust caller.
//!
//! Locals, tuples and `Option`s inside a call are not sinks: they die with the call.
//!
//! Each sink checks the value before storing anything, and panics naming the class and
//! the sink (in jit code through the usual panic path, at the DSL token, which SQLite's
//! callbacks turn into an SQL error; in Rust at the caller). Copying the instance into a managed one instead would
//! silently break identity (`ptr_eq`, writes through the copy lost), while instances have
//! reference semantics everywhere else. Refusing at build time is not possible: any
//! method may run on a lent instance. The check is a null test of the meminfo of each
//! instance a stored value holds (outside `None`s, whose zeroed value is not an
//! instance), emitted only for types that hold a class.
//!
//! Generated code checks fields, lent memory and `objmode!` inputs
//! (`compiler::codegen::escape`); Rust checks setters (`Handle::set`) and the results of
//! entry points (`call_N`, which knows their Rust type, where compiled code may serve
//! several classes: `subtype.rs`) with [`refuse_unmanaged`]. All word the panic with
//! [`message`].

use crate::abi::JitType;

/// A place where a value outlives the call that made it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Sink<'a> {
    /// Field `field` of an instance of `class` (also a part of it: `v.f.0 = x`); the
    /// class is unnamed where compiled code may serve several classes (`subtype.rs`).
    Field {
        class: Option<&'a str>,
        field: &'a str,
    },
    /// An element of a slice the caller lent.
    SliceElement,
    /// An element of a `Vec`.
    VecElement,
    /// The place `class`'s `index_mut` returns.
    IndexMut { class: &'a str },
    /// An input of an `objmode!` block.
    ObjMode,
    /// The result returned to the Rust caller of a jit function.
    Return,
}

impl Sink<'_> {
    fn what_happens(&self) -> String {
        match self {
            Sink::Field {
                class: Some(class),
                field,
            } => format!("stored in field `{field}` of `{class}`"),
            Sink::Field { class: None, field } => format!("stored in field `{field}`"),
            Sink::SliceElement => "stored in a slice element".to_string(),
            Sink::VecElement => "stored in a `Vec`".to_string(),
            Sink::IndexMut { class } => format!("stored through `{class}`'s `index_mut`"),
            Sink::ObjMode => "passed to an `objmode!` block".to_string(),
            Sink::Return => "returned to Rust".to_string(),
        }
    }
}

/// The panic message of an unmanaged instance of `class` reaching `sink`.
pub(crate) fn message(class: &str, sink: &Sink<'_>) -> String {
    format!(
        "an unmanaged instance of `{class}` (over memory jitclass does not own: an SQLite \
         aggregate's state, or one made by `unsafe_cast` or `construct_at`) cannot be {}: \
         it lives only for the call it was lent to",
        sink.what_happens()
    )
}

/// Panics if `value`, about to be stored in `sink`, holds an unmanaged instance.
#[track_caller]
pub(crate) fn refuse_unmanaged<T: JitType>(value: &T, sink: Sink<'_>) {
    if let Some(class) = value.unmanaged_class() {
        panic!("{}", message(class, &sink));
    }
}
