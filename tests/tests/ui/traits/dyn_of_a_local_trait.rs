// A trait object of a trait declared in the jit body: the item is refused at its token,
// with no follow-up "cannot find trait `Local`" at the trait object.
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
