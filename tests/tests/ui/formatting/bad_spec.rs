use jitclass::jit;

#[jit]
fn unknown_trait(a: i32) -> String {
    format!("{:q}", a)
}

#[jit]
fn unclosed(a: i32) -> String {
    format!("{:>8", a)
}

fn main() {}
