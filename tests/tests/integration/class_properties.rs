//! `#[getter]` and `#[setter]` properties: read and assigned in jit code and from Rust,
//! and never places.

use jitclass::{jit, jitclass};

// ---- properties --------------------------------------------------------------------------

#[jitclass]
pub struct Rect {
    w: f64,
    h: f64,
}

#[jitclass]
impl Rect {
    pub fn new(w: f64, h: f64) -> Rect {
        Rect { w, h }
    }

    #[getter]
    pub fn area(&self) -> f64 {
        self.w * self.h
    }

    /// Keeps the area, changing the width.
    #[setter]
    pub fn set_width(&mut self, w: f64) {
        let area = self.area;
        self.w = w;
        self.h = area / w;
    }

    #[getter]
    pub fn width(&self) -> f64 {
        self.w
    }
}

#[jit]
fn reshape(r: Rect, w: f64) -> f64 {
    let mut r = r;
    r.width = w;
    r.h + r.area + r.width
}

#[test]
fn getters_and_setters_are_properties_in_jit_code() {
    let _memory = crate::memory_test();
    let r = Rect::new(2.0, 8.0);
    assert_eq!(r.area(), 16.0);
    assert_eq!(reshape(r.clone(), 4.0), 4.0 + 16.0 + 4.0);
    assert_eq!((r.w(), r.h()), (4.0, 4.0));
    r.set_width(8.0);
    assert_eq!((r.width(), r.h()), (8.0, 2.0));
    drop(r);
    crate::assert_no_leaks();
}

// ---- properties are not places -----------------------------------------------------------

#[jitclass]
pub struct Prop {
    w: f64,
}

#[jitclass]
impl Prop {
    pub fn new(w: f64) -> Prop {
        Prop { w }
    }

    #[getter]
    pub fn width(&self) -> f64 {
        self.w
    }

    #[setter]
    pub fn set_width(&mut self, w: f64) {
        self.w = w;
    }

    #[getter]
    pub fn area(&self) -> f64 {
        self.w * self.w
    }
}

// Generic, so that jitclass checks them at the first call (rustc checks the same bodies
// written without generics at build time: `tests/ui/classes/property_*.rs`).
#[jit]
fn property_compound<T>(w: T) -> f64 {
    let mut p = Prop::new(w);
    p.width += 1.0;
    p.width
}

#[jit]
fn assign_getter_only<T>(w: T) -> f64 {
    let mut p = Prop::new(w);
    p.area = 1.0;
    p.w
}

/// Before the fix, both panicked in codegen ("no entry found for key") instead of
/// reporting a type error.
#[test]
fn fixed_properties_used_as_places_are_type_errors() {
    let e = property_compound::dispatcher()
        .compile(&[jitclass::Type::F64])
        .unwrap_err();
    assert!(
        e.to_string().contains(
            "`width` is a `#[getter]` property, not a field: it cannot be assigned in place"
        ),
        "{e}"
    );
    let e = assign_getter_only::dispatcher()
        .compile(&[jitclass::Type::F64])
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("`area` is a `#[getter]` property, not a field: it cannot be assigned"),
        "{e}"
    );
    crate::assert_no_leaks();
}
