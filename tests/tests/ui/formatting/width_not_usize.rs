use jitclass::jit;

#[jit]
fn width_of_i32(a: i32, w: i32) -> String {
    format!("{:>1$}", a, w)
}

#[jit]
fn named_width_of_f64(a: i32, w: f64) -> String {
    format!("{a:w$}")
}

fn main() {}
