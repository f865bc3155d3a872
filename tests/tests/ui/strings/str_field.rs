use jitclass::jitclass;

#[jitclass]
pub struct Name {
    text: &'static str,
}

fn main() {}
