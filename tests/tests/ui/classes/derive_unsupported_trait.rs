use jitclass::jitclass;

#[jitclass]
#[derive(PartialEq, PartialOrd, Copy)]
pub struct Key {
    id: u32,
}

fn main() {}
