// Jit code holds the `Option<&T>` of `first`/`last`/`get` as the element's value; an
// element holding a `Vec` would then have another owner, so that is refused.
use jitclass::jit;

#[jit]
fn f(grid: Vec<Vec<f64>>) -> usize {
    let row = grid.first();
    row.unwrap().len()
}

fn main() {}
