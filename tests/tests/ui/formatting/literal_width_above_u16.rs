use jitclass::jit;

#[jit]
fn literal_too_wide(a: i32) -> String {
    format!("{:1000000000}", a)
}

#[jit]
fn width_beyond_usize(a: i32) -> String {
    format!("{:99999999999999999999999}", a)
}

fn main() {}
