use jitclass::jitclass;

#[jitclass]
fn helper() -> i64 {
    1
}

fn main() {}
