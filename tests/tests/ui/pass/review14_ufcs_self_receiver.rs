//! Fixed (review of issue 14): a method calling another method of its class by path with
//! `self` as the receiver argument (`Self::bump(self)`, `Counter::get(self)`) builds, as in
//! Rust: the shadow writes that `self` as `&Counter` / `&mut Counter`, the receiver's type.
use jitclass::jitclass;

#[jitclass]
pub struct Counter {
    value: i64,
}

#[jitclass]
impl Counter {
    pub fn new(value: i64) -> Counter {
        Counter { value }
    }

    pub fn get(&self) -> i64 {
        self.value
    }

    pub fn bump(&mut self) {
        self.value += 1;
    }

    /// The same method by path, `&self` and `&mut self`.
    pub fn bump_by_path(&mut self) -> i64 {
        Self::bump(self);
        Counter::get(self)
    }

    pub fn get_by_path(&self) -> i64 {
        Self::get(self) + 1
    }
}

fn main() {
    let mut c = Counter::new(1);
    assert_eq!(c.bump_by_path(), 2);
    assert_eq!(c.get_by_path(), 3);
}
