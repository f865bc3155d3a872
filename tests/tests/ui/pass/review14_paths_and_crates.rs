//! Programs that must keep compiling with the shadow (review of issue 14): classes in
//! nested modules, impl blocks in other modules than the struct and by path, `use`
//! renames, two classes of one name, raw-identifier fields, `Self` in signatures and
//! types, a class of another crate (fields, properties, methods, literal), cfg'd fields and
//! methods, a type alias in a jit fn's signature.
#![allow(dead_code)]
use jitclass::{jit, jitclass};
use jitclass_fixtures::{Tally, doubled_count};

mod shapes {
    use jitclass::jitclass;
    #[jitclass]
    pub struct Counter { pub count: i64, pub r#type: i64, pub ticks: i64 }

    pub mod deeper {
        use jitclass::jitclass;
        #[jitclass]
        pub struct Counter { pub other: f64 }
    }
}

mod impls {
    use jitclass::jitclass;
    use super::shapes::Counter;
    #[jitclass]
    impl Counter {
        pub fn new() -> Counter { Counter { count: 0, r#type: 1, ticks: 0 } }
        pub fn tick(&mut self) -> i64 { self.count += self.r#type; self.ticks += 1; self.count }
        pub fn get(&self) -> i64 { self.count }
    }
}

#[jitclass]
impl shapes::Counter {
    pub fn tick2(&mut self) -> i64 { self.tick(); self.tick(); let t: Self = self.clone(); t.get() }
    pub fn make() -> Option<Self> { Some(Self::new()) }
    pub fn pair(&self) -> (Self, i64) { (self.clone(), self.count) }
}

#[jitclass]
impl shapes::deeper::Counter {
    pub fn new(o: f64) -> Self { shapes::deeper::Counter { other: o } }
    pub fn with(&self, c: shapes::Counter) -> f64 { self.other + c.count as f64 }
}

use shapes::Counter as C;
use shapes::deeper::Counter as D;

#[jit]
fn renamed(mut c: C, d: D) -> f64 {
    c.tick();
    c.r#type = 3;
    let t = c.ticks;
    d.with(c) + d.other + t as f64
}

#[jit]
fn renamed_new() -> i64 {
    let mut c = C::new();
    c.tick2()
}

#[jit]
fn literal_renamed() -> i64 {
    let c = C { count: 1, r#type: 2, ticks: 3 };
    c.count
}

#[jit]
fn fixtures(mut t: Tally) -> f64 {
    t.add(2.0);
    t.total += 1.0;
    let h = t.half;
    let n = doubled_count(t.clone());
    let u = Tally::new();
    h + t.mean() + n as f64 + u.count as f64
}

#[jit]
fn fixtures_literal() -> f64 {
    let t = jitclass_fixtures::Tally { total: 1.0, count: 1 };
    t.total
}

#[jitclass]
pub struct WithCfg {
    a: i64,
    #[cfg(test)]
    b: i64,
}
#[jitclass]
impl WithCfg {
    pub fn get_a(&self) -> i64 { self.a }
    #[cfg(test)]
    pub fn b(&self) -> i64 { self.b }
}

#[cfg(not(test))]
#[jit]
fn cfgd(w: WithCfg) -> i64 { w.a }

type Alias = WithCfg;
#[jit]
fn via_alias(w: Alias) -> i64 { w.a }

fn main() {}
