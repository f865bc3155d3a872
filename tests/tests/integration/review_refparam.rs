//! Adversarial probes of `&C` / `&mut C` / `&S` parameters: ownership, aliasing, leaks.

use jitclass::{jit, jitclass};

#[jitclass]
pub struct QItem {
    v: i64,
}

#[jitclass]
impl QItem {
    pub fn new(v: i64) -> QItem {
        QItem { v }
    }
    pub fn get(&self) -> i64 {
        self.v
    }
}

#[jitclass]
pub struct QBox {
    child: Option<QItem>,
    all: Vec<QItem>,
}

#[jitclass]
impl QBox {
    pub fn new() -> QBox {
        QBox {
            child: None,
            all: Vec::new(),
        }
    }
}

#[jit]
pub trait QGet {
    fn val(&self) -> i64;
}

#[jitclass]
impl QGet for QItem {
    fn val(&self) -> i64 {
        self.v
    }
}
