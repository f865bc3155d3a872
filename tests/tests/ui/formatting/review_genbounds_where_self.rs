// Review of the format check: a method's `where Self: Sized` does not hide its formatting
// of an unbounded `T` behind "cannot find type `Self`" (E0411): rustc's E0277 at `x`.
use jitclass::jitclass;

#[jitclass]
pub struct Holder<T> {
    pub v: T,
}

#[jitclass]
impl<T> Holder<T> {
    pub fn shown(&self, x: T) -> String
    where
        Self: Sized,
    {
        format!("{}", x)
    }
}

fn main() {}
