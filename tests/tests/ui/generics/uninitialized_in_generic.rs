use jitclass::jit;

// Generic bodies are not type-checked by rustc, but definite initialisation is still
// checked at macro time: `x` is unassigned when `flag` is false.
#[jit]
fn pick<T>(flag: bool, v: T) -> T {
    let x;
    if flag {
        x = v;
    }
    x
}

fn main() {}
