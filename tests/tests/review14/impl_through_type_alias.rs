//! BUG (review of issue 14): `#[jitclass] impl Alias { .. }` where `type Alias = Real;`
//! (an inherent impl through a type alias, which Rust allows and jitclass built before) is
//! now rejected with "cannot find macro `Alias` in this scope" (twice) and "cannot find
//! type `__JitclassView`", an internal name: the impl block's view is declared by the
//! class's macro, `Alias!(@view ..)`, which exists only under the class's own name (and
//! its `use` renames), not under a type alias. Built without the shadow, this runs.
use jitclass::jitclass;

#[jitclass]
pub struct Real {
    n: i64,
}

#[jitclass]
impl Real {
    pub fn new(n: i64) -> Real {
        Real { n }
    }
}

type Alias = Real;

#[jitclass]
impl Alias {
    pub fn get(&self) -> i64 {
        self.n
    }
}

fn main() {
    assert_eq!(Real::new(4).get(), 4);
}
