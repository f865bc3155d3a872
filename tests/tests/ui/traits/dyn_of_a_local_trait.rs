// A trait object of a trait declared in the jit body: the item is refused, and so is the
// trait object, each at its token, with no follow-up "cannot find trait `Local`".
use jitclass::jit;

#[jit]
fn area() -> f64 {
    trait Local {
        fn area(&self) -> f64;
    }
    let s: Option<Box<dyn Local>> = None;
    if s.is_some() { 1.0 } else { 0.0 }
}

fn main() {
    let _ = area;
}
