use jitclass::jit;

#[jit]
fn hex(x: f64) -> String {
    format!("{:x}", x)
}

// A generic body has no shadow: jit code says what rustc would, at the value.
#[jit]
fn generic_hex<T>(tag: T) -> String {
    format!("{:b} {:X}", 1.5, "text")
}

fn main() {}
