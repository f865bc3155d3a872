use jitclass::jitclass;

#[jitclass]
#[derive(Eq, Hash)]
pub struct Key {
    id: u32,
}

fn main() {}
