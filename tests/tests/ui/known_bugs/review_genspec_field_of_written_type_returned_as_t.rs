// A method of `impl<T> C<T>` returns `self.n` (an `i64` field) as `T`: typed per
// instantiation it runs for `C<i64>` (as it did before methods that cannot duck-type got
// rustc's check), but `shadow/duck.rs` cannot see the field's type, takes `self.n` as a
// whole value of `T`, and the shadow refuses it (E0308), as rustc would.
use jitclass::jitclass;

#[jitclass]
pub struct C<T> {
    pub v: T,
    pub n: i64,
}

#[jitclass]
impl<T> C<T> {
    pub fn new(v: T) -> Self {
        C { v, n: 3 }
    }

    pub fn count_as_t(&self) -> T {
        self.n
    }
}

fn main() {
    assert_eq!(C::new(1_i64).count_as_t(), 3);
}
