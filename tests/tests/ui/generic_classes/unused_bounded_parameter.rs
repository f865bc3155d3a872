use jitclass::jitclass;

// rustc's E0392 for each, its help as rustc gives it for a bounded parameter (no
// "const parameter" help) and an unbounded one.

#[jitclass]
pub struct U<T: Copy, V> {
    pub v: i64,
}

fn main() {}
