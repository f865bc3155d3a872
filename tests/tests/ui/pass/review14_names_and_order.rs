//! A class named like a prelude derive beside that derive; an impl block before its
//! struct, the class used from a child module through a glob import (review of issue 14).
#![allow(dead_code)]
use jitclass::jitclass;
#[jitclass]
pub struct Hash { n: i64 }
#[jitclass]
impl Hash {
    pub fn get(&self) -> i64 { self.n }
}
#[derive(Hash, PartialEq, Eq)]
struct Key(i64);

#[jitclass]
impl Later {
    pub fn get(&self) -> i64 { self.n }
    pub fn make() -> Later { Later { n: 1 } }
}
#[jitclass]
pub struct Later { n: i64 }
mod child {
    use super::*;
    use jitclass::jit;
    #[jit]
    pub fn f(l: Later) -> i64 { l.n + l.get() }
}
fn main() {}
