//! Class code the shadow once refused although Rust allows it (review of issue 14): each
//! runs as rustc's build of the same code does.

use jitclass::{jit, jitclass};

#[jitclass]
pub struct Tally {
    value: i64,
}

#[jitclass]
impl Tally {
    pub fn new(value: i64) -> Tally {
        Tally { value }
    }

    pub fn get(&self) -> i64 {
        self.value
    }

    pub fn bump(&mut self) {
        self.value += 1;
    }

    /// `Self::m(self)` and `Class::m(self)`, through `&mut self`.
    pub fn bump_by_path(&mut self) -> i64 {
        Self::bump(self);
        Tally::bump(self);
        Tally::get(self)
    }

    /// A `&self` method by path through `&self`.
    pub fn get_by_path(&self) -> i64 {
        Self::get(self) * 10
    }
}

#[test]
fn fixed_path_calls_with_self_as_receiver() {
    let _memory = crate::memory_test();
    {
        let mut t = Tally::new(1);
        assert_eq!(t.bump_by_path(), 3);
        assert_eq!(t.get_by_path(), 30);
        assert_eq!(t.get(), 3);
    }
    crate::assert_no_leaks();
}

#[jitclass]
pub struct Held {
    x: f64,
}

#[jitclass]
impl Held {
    pub fn new(x: f64) -> Held {
        Held { x }
    }

    pub fn bump(&mut self) {
        self.x += 1.0;
    }
}

#[jitclass]
pub struct Holder {
    b: Held,
}

#[jitclass]
impl Holder {
    pub fn new(x: f64) -> Holder {
        Holder { b: Held::new(x) }
    }

    #[getter]
    pub fn held(&self) -> Held {
        self.b.clone()
    }

    /// The getter's value mutated through `&mut self`.
    pub fn bump_held(&mut self) -> f64 {
        self.held.bump();
        self.held.x *= 2.0;
        self.b.x
    }
}

/// The getter returns another reference to `o.b`: both changes land in it.
#[jit]
fn mutate_through_getter(mut o: Holder) -> f64 {
    o.held.x += 1.0;
    o.held.bump();
    o.b.x
}

#[test]
fn fixed_a_getters_value_is_mutated_through_a_mutable_base() {
    let _memory = crate::memory_test();
    assert_eq!(mutate_through_getter(Holder::new(1.0)), 3.0);
    {
        let mut h = Holder::new(1.0);
        assert_eq!(h.bump_held(), 4.0);
    }
    crate::assert_no_leaks();
}
