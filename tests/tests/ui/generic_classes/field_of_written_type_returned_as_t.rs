// A method of `impl<T> C<T>` returns `self.n` (an `i64` field) as `T`: rustc's E0308
// "expected type parameter `T`, found `i64`" at `self.n`, for every `T` (the caller
// chooses it), though `C<i64>` alone would have the types line up.
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
