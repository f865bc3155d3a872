//! The descriptor every `#[jit] trait` registers for trait objects in jit code (issue 17,
//! `jitclass::__private::TRAITS`): found by the trait's identity, with the classes its
//! signatures name resolved beside the trait, and a Rust type that is not a class
//! accepted in a signature (the trait is a real Rust trait, which Rust types implement
//! too), only without a class.

use jitclass::{jit, jitclass};

#[jitclass]
pub struct Tile {
    side: f64,
}

#[jitclass]
impl Tile {
    fn new(side: f64) -> Tile {
        Tile { side }
    }
}

/// A plain Rust type: a trait method may name it.
pub struct Label(pub String);

#[jit]
pub trait Tiled {
    fn tile(&self) -> Tile;
    fn label(&self) -> Label;
    fn area(&self) -> f64;
}

/// Implemented by a Rust type, through rustc alone.
impl Tiled for Label {
    fn tile(&self) -> Tile {
        Tile::new(self.0.len() as f64)
    }
    fn label(&self) -> Label {
        Label(self.0.clone())
    }
    fn area(&self) -> f64 {
        self.tile().side() * self.tile().side()
    }
}

fn descriptor(name: &str) -> &'static jitclass::__private::TraitInfo {
    let mut found = jitclass::__private::TRAITS
        .iter()
        .copied()
        .filter(|t| t.name == name && t.id.contains("trait_descriptors.rs"));
    let info = found.next().expect("the trait registers its descriptor");
    assert!(found.next().is_none(), "one descriptor per trait");
    info
}

#[test]
fn a_jit_trait_registers_its_descriptor_with_its_classes_resolved() {
    let info = descriptor("Tiled");
    assert!(info.id.starts_with("integration::Tiled@"), "{}", info.id);
    // `Tile` then `Label`, in the order the signatures name them.
    assert_eq!(info.classes.len(), 2);
    let tile = (info.classes[0])().expect("`Tile` is a class");
    assert_eq!(tile.name(), "Tile");
    assert!((info.classes[1])().is_none(), "`Label` is no class");
    assert!(info.opaques.is_empty());
    // The trait still works for Rust's own types.
    assert_eq!(Label("abc".into()).area(), 9.0);
    crate::assert_no_leaks();
}
