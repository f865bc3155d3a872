// A parameter of an unbounded `T` hidden by a local in an inner block only is formatted
// after the block: rustc refuses it (E0277 at the argument), as jitclass does.
use jitclass::jit;

#[jit]
fn inner_block_only<T>(x: T, n: i64) -> String {
    {
        let x = n;
        let _ = x;
    }
    format!("{}", x)
}

fn main() {
    let _ = inner_block_only(true, 1);
}
