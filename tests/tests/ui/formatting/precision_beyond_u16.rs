use jitclass::jit;

#[jit]
fn precision_beyond_usize(a: i32) -> String {
    format!("{:.99999999999999999999999}", a)
}

#[jit]
fn precision_above_u16(a: f64) -> String {
    format!("{:.65536}", a)
}

// A generic body has no shadow for rustc to read its format strings: jit code reports
// rustc's message itself, at the format string.
#[jit]
fn generic_width_above_u16<T: std::fmt::Display>(a: T) -> String {
    format!("{:70000}", a)
}

fn main() {}
