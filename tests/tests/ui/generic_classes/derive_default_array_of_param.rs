// `#[derive(Default)]` on a generic class with an array of a parameter's type: jit code
// cannot build `[A::default(), ..]` yet, and says so at the field.
use jitclass::jitclass;

#[jitclass]
#[derive(Default)]
pub struct Row<A> {
    cells: [A; 3],
}

fn main() {}
