use jitclass::jit;

#[jit]
fn precision_beyond_usize(a: i32) -> String {
    format!("{:.99999999999999999999999}", a)
}

fn main() {}
