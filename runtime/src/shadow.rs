//! The items of the *shadow*: the never-called copy of every jit body whose type parameters
//! all have a written bound (every non-generic one too), in which rustc type-checks the
//! body over the real types (class handles, `PassThru`s, jit fns' glue), with its own
//! messages, moves and borrows. Nothing here runs: every function body
//! is unreachable, and the types are only reachable through `jitclass::__private`.
//!
//! How the macros write a body for rustc (the lowering of the jit language to Rust):
//!
//! - `e.name` on a handle is the place `e[Field(key)]`: each class has a never-called
//!   `Index<Field<K>>` (and `IndexMut`) impl, and `K` is a key struct the jit fn's shadow
//!   declares per name, whose `KeyFor<C>` impl goes through a per-name trait with
//!   `#[diagnostic::on_unimplemented]` ("no field or property `name` on type `C`"). The
//!   class's fields and `#[getter]`s are its [`Member`]s, its fields alone
//!   [`MemberMut`]s (places), by the [`Name`] of the member (a hash of its text).
//!   `e.name = value` is `*set(&mut e, Field(key)) = value`, through [`Settable`]: the
//!   fields and `#[setter]`s; `e.name += value` is `*place(&mut e, Field(key)) += value`,
//!   through `MemberMut`: the fields.
//! - In a method body, `self.field` is a real place of a *view*: a struct local to the
//!   impl block with the class's fields (typed through `Member`), hosting the block's
//!   methods; `self` as a value is [`this`], and `self` as the receiver of a method of
//!   another block [`this_ref`] / [`this_mut`].
//! - A struct literal `C { f: e, .. }` checks each value against its field's type through a
//!   [`Probe`] (silent for names `C` does not have), and the names against the handle
//!   itself, whose fields are the class's; each field's value is [`never`], a call that
//!   returns as far as rustc knows, so the borrow checker still checks the rest of the
//!   body (a literal without fields is `C { ..never() }`).
//! - `base[i]` on anything but a slice known at macro time is `base[JitIndex(i)]`: a class's
//!   jit `Index` impl gives its handle a never-called `Index<JitIndex<I>>`; slices
//!   and `Vec`s have real ones, which forward to std's (arrays get theirs from std's
//!   `Index<I> for [T; N]`, through the slice's).

use std::marker::PhantomData;
use std::ops::{Deref, Index, IndexMut};

/// A field or property name, by the hash of its text (`jitclass_core::member_hash`).
pub struct Name<const H: u64>;

/// The index of `e[Field(key)]`, the place of the member `key` names.
pub struct Field<K> {
    _key: K,
}

/// `Field(key)`: a function, not the struct's constructor, so that rustc suggests no
/// wrapping of other indices in it.
#[allow(non_snake_case)]
pub const fn Field<K>(key: K) -> Field<K> {
    Field { _key: key }
}

/// A key struct of a shadow: the [`Name`] it stands for.
pub trait FieldKey {
    /// `Name<H>`.
    type N;
}

/// A key struct that names a member of `C`, with the member's type. Implemented by the
/// shadow through its per-name message trait.
pub trait KeyFor<C> {
    /// The member's type.
    type T;
}

/// `Self` has the field or `#[getter]` property `N`, of type `T`.
pub trait Member<N> {
    /// The member's type.
    type T;
}

/// `Self`'s member `N` is a field: a place, which `e.name += x` and `&mut self` methods
/// of its value may change in place.
pub trait MemberMut<N> {
    /// The field's type.
    type T;
}

/// `Self`'s member `N` can be assigned (`e.name = value`): a field, or a `#[setter]`
/// property, taking a `T`.
pub trait Settable<N> {
    /// The type assigned.
    type T;
}

// Through a `&mut C` parameter, a field is a place and may be assigned, as through the
// instance; through a `&C` it is neither (the per-name trait's message then names `&C`).
impl<N, C: MemberMut<N>> MemberMut<N> for &mut C {
    type T = C::T;
}

impl<N, C: Settable<N>> Settable<N> for &mut C {
    type T = C::T;
}

/// A key struct that names a member of `C` that can be assigned. Implemented by the
/// shadow through its per-name message trait, for the names it assigns.
pub trait SetKey<C> {
    /// The type assigned.
    type T;
}

/// A key struct that names a field of `C` (a place, which a compound assignment or a
/// `&mut self` method changes in place). Implemented by the shadow through its per-name
/// message trait, for the names it changes in place.
pub trait PlaceKey<C> {
    /// The field's type.
    type T;
}

/// `e.name += value`: `*place(&mut e, Field(key)) += value`, a field of `e`: a
/// `#[getter]` property is not a place.
#[allow(clippy::mut_from_ref)]
pub fn place<C, K: PlaceKey<C>>(_instance: &mut C, _key: Field<K>) -> &mut K::T {
    unreachable!("the shadow of a jit body is never called")
}

/// `e.name = value`: `*set(&mut e, Field(key)) = value`, a place of the type the field
/// or the `#[setter]` takes (which may differ from the `#[getter]`'s).
#[allow(clippy::mut_from_ref)]
pub fn set<C, K: SetKey<C>>(_instance: &mut C, _key: Field<K>) -> &mut K::T {
    unreachable!("the shadow of a jit body is never called")
}

/// The view hosting the methods of one impl block: its class.
pub trait View {
    /// The class whose fields the view has.
    type Class;
}

/// A value of any type where the shadow needs one that jit code never builds (the handle
/// of a struct literal). A call that returns as far as rustc knows: an `unreachable!()`
/// there would make the rest of the body dead code, whose moves and borrows rustc's
/// borrow checker never checks (a `Vec` reassigned inside its own `for s in &v` loop
/// after a `Box::new(Circle { .. })` went unreported).
pub fn never<T>() -> T {
    unreachable!("the shadow of a jit body is never called")
}

/// A struct literal written without type arguments (`Wrap { item: s }`) and its values
/// (computed before, into locals that `values` takes):
/// rustc types `literal` from what the code around it expects, as it types the user's
/// literal, before `values` puts each value into its field's slot, so that a value of the
/// wrong type is rustc's E0308 at the value (not a literal of other type arguments).
pub fn literal<C>(literal: C, values: impl FnOnce(&C)) -> C {
    let _ = values;
    literal
}

/// `self` used as a value in a method: another reference to the instance.
pub fn this<V: View>(_view: &V) -> V::Class {
    unreachable!("the shadow of a jit body is never called")
}

/// `self` through a `&self` (or immutable `self`) receiver, for calling a method of
/// another impl block: a `&mut self` method then needs a mutable receiver, as in Rust.
pub fn this_ref<V: View>(_view: &V) -> &V::Class {
    unreachable!("the shadow of a jit body is never called")
}

/// `self` through a `&mut self` receiver, for calling a method of another impl block.
pub fn this_mut<V: View>(_view: &mut V) -> &mut V::Class {
    unreachable!("the shadow of a jit body is never called")
}

/// The type check of one value of a struct literal `C { name: value }`: `probe.slot()` is
/// a place of the field's type if `C` has a member named by `K`, and of any type
/// otherwise (the literal itself reports the unknown name, once).
pub struct Probe<C, K>(PhantomData<fn() -> (C, K)>);

impl<C, K> Probe<C, K> {
    /// The probe of member `K` of `C`.
    pub const fn new() -> Self {
        Probe(PhantomData)
    }

    /// The probe of member `K` of the class of `literal`: a struct literal written
    /// without type arguments (`Pair { a: 1i64, b: 2.0 }`), whose type arguments rustc
    /// infers from the values the probes' slots take.
    pub const fn of(_literal: &C) -> Self {
        Probe(PhantomData)
    }
}

impl<C, K> Default for Probe<C, K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C, K: FieldKey> Probe<C, K>
where
    C: Member<K::N>,
{
    /// A place of the member's type.
    #[allow(clippy::mut_from_ref)]
    pub fn slot<'a>(&self) -> &'a mut <C as Member<K::N>>::T {
        unreachable!("the shadow of a jit body is never called")
    }
}

/// What a [`Probe`] of a name its class does not have derefs to.
pub struct UnknownMember;

impl UnknownMember {
    /// A place of any type.
    #[allow(clippy::mut_from_ref)]
    pub fn slot<'a, V>(&self) -> &'a mut V {
        unreachable!("the shadow of a jit body is never called")
    }
}

impl<C, K> Deref for Probe<C, K> {
    type Target = UnknownMember;
    fn deref(&self) -> &UnknownMember {
        &UnknownMember
    }
}

/// A jit fn (or declared C function) taking `N` arguments, which each one's glue
/// implements: a generic body with an unbounded parameter has no shadow, so the glue
/// checks the number of arguments of each of its calls with
/// `<f as TakesArguments<N>>::CHECKED` (rustc's help then names the implemented
/// `TakesArguments<M>`, the number the function takes).
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not take {N} argument(s)",
    label = "called with {N} argument(s)"
)]
pub trait TakesArguments<const N: usize> {
    /// Names the impl (a `bool`, so that `let _ = ..` binds no unit value).
    const CHECKED: bool = true;
}

/// What the callee getter instantiates its stand-in type parameter with (the parameter
/// named as the callee, which stands for a called name that is no jit fn): any number of
/// arguments passes, as the missing `JitFunction` impl is the error already.
pub struct NotJit;

impl<const N: usize> TakesArguments<N> for NotJit {}

/// The index of `base[JitIndex(i)]`: jit code's `base[i]` where `base` may be a class
/// instance (whose handle has no `Index<usize>` in Rust, see the `Index` impls of
/// `#[jitclass]`).
pub struct JitIndex<I> {
    index: I,
}

/// `JitIndex(i)`.
#[allow(non_snake_case)]
pub const fn JitIndex<I>(index: I) -> JitIndex<I> {
    JitIndex { index }
}

impl<T, I> Index<JitIndex<I>> for [T]
where
    [T]: Index<I>,
{
    type Output = <[T] as Index<I>>::Output;
    fn index(&self, i: JitIndex<I>) -> &Self::Output {
        &self[i.index]
    }
}

impl<T, I> IndexMut<JitIndex<I>> for [T]
where
    [T]: IndexMut<I>,
{
    fn index_mut(&mut self, i: JitIndex<I>) -> &mut Self::Output {
        &mut self[i.index]
    }
}

impl<T, I> Index<JitIndex<I>> for Vec<T>
where
    Vec<T>: Index<I>,
{
    type Output = <Vec<T> as Index<I>>::Output;
    fn index(&self, i: JitIndex<I>) -> &Self::Output {
        &self[i.index]
    }
}

impl<T, I> IndexMut<JitIndex<I>> for Vec<T>
where
    Vec<T>: IndexMut<I>,
{
    fn index_mut(&mut self, i: JitIndex<I>) -> &mut Self::Output {
        &mut self[i.index]
    }
}

impl<I> Index<JitIndex<I>> for String
where
    String: Index<I>,
{
    type Output = <String as Index<I>>::Output;
    fn index(&self, i: JitIndex<I>) -> &Self::Output {
        &self[i.index]
    }
}

/// `for x in e` over a tuple or a slice, as jit code runs it: over `elements(&e)`, the
/// elements by value (a copy, or another reference), leaving `e` as it was.
pub trait Elements {
    /// The element type.
    type Item;
    /// The iterator over the elements.
    type Iter: Iterator<Item = Self::Item>;
    /// The elements, by value.
    fn elements(self) -> Self::Iter;
}

impl<'a, T> Elements for &'a &[T] {
    type Item = T;
    type Iter = Values<'a, T>;
    fn elements(self) -> Self::Iter {
        Values(PhantomData)
    }
}

impl<'a, T> Elements for &'a &mut [T] {
    type Item = T;
    type Iter = Values<'a, T>;
    fn elements(self) -> Self::Iter {
        Values(PhantomData)
    }
}

/// `for x in a` over an array: by value, as Rust 2021's `IntoIterator` for arrays (jit
/// arrays hold `Copy` elements only, so the array itself stays usable, as in Rust).
impl<'a, T, const N: usize> Elements for &'a [T; N] {
    type Item = T;
    type Iter = Values<'a, T>;
    fn elements(self) -> Self::Iter {
        Values(PhantomData)
    }
}

/// `for x in v` over a `Vec` whose type the macro did not know (a class's field, a
/// callee's result): its elements by value. (Where it knew, the shadow writes Rust's own
/// loop, which moves `v`; jitclass checks the moves of the others at the first call.)
impl<'a, T> Elements for &'a Vec<T> {
    type Item = T;
    type Iter = Values<'a, T>;
    fn elements(self) -> Self::Iter {
        Values(PhantomData)
    }
}

/// `for x in w` where `w` is a `&Vec<T>` (a binding by reference of a `match` or `if let`
/// over a borrowed `Option<Vec<T>>`): references to its elements, as Rust's loop over a
/// `&Vec<T>` (`*x` reads one; jit code holds each as the element's value).
impl<'v, T> Elements for &&'v Vec<T> {
    type Item = &'v T;
    type Iter = std::slice::Iter<'v, T>;
    fn elements(self) -> Self::Iter {
        self.iter()
    }
}

/// `for (k, v) in m` over a `HashMap` whose type the macro did not know (a class's
/// field): its entries by value. (jitclass checks the move of `m` at the first call.)
impl<'a, K: Clone, V: Clone> Elements for &'a std::collections::HashMap<K, V> {
    type Item = (K, V);
    type Iter =
        std::iter::Map<std::collections::hash_map::Iter<'a, K, V>, fn((&'a K, &'a V)) -> (K, V)>;
    fn elements(self) -> Self::Iter {
        self.iter().map(|(k, v)| (k.clone(), v.clone()))
    }
}

macro_rules! tuple_elements {
    ($n:literal: $($i:tt)+) => {
        impl<T: Clone> Elements for &($(tuple_elements!(@t $i),)+) {
            type Item = T;
            type Iter = std::array::IntoIter<T, $n>;
            fn elements(self) -> Self::Iter {
                [$(self.$i.clone()),+].into_iter()
            }
        }
    };
    (@t $i:tt) => { T };
}
tuple_elements!(1: 0);
tuple_elements!(2: 0 1);
tuple_elements!(3: 0 1 2);
tuple_elements!(4: 0 1 2 3);
tuple_elements!(5: 0 1 2 3 4);
tuple_elements!(6: 0 1 2 3 4 5);
tuple_elements!(7: 0 1 2 3 4 5 6);
tuple_elements!(8: 0 1 2 3 4 5 6 7);
tuple_elements!(9: 0 1 2 3 4 5 6 7 8);
tuple_elements!(10: 0 1 2 3 4 5 6 7 8 9);
tuple_elements!(11: 0 1 2 3 4 5 6 7 8 9 10);
tuple_elements!(12: 0 1 2 3 4 5 6 7 8 9 10 11);

/// The elements of a slice, an array or a `Vec` by value, as jit code reads them (a copy,
/// another reference to an instance), of any element type: a generic body's `for x in xs`
/// over `xs: &[S]` needs no `S: Clone` (jit code copies no instance). Never run.
pub struct Values<'a, T>(PhantomData<&'a [T]>);

impl<T> Iterator for Values<'_, T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        unreachable!("the shadow of a jit body is never called")
    }
}

/// `elements(&e)`: see [`Elements`].
pub fn elements<E: Elements>(e: E) -> E::Iter {
    e.elements()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_values() {
        // A slice's elements are typed as values of any element type (never run).
        fn by_value<T>(xs: &[T]) -> Option<T> {
            elements(&xs).next()
        }
        let _: fn(&[String]) -> Option<String> = by_value::<String>;
        assert_eq!(elements(&(1.5, 2.5, 3.0)).sum::<f64>(), 7.0);
    }

    #[test]
    fn slices_index_through_jit_index() {
        let mut xs = [1.0, 2.0];
        xs[JitIndex(1)] += 1.0;
        assert_eq!(xs[..][JitIndex(1usize)], 3.0);
    }
}
