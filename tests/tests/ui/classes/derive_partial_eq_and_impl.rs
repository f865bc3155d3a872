use jitclass::jitclass;

#[jitclass]
#[derive(PartialEq)]
pub struct Key {
    id: u32,
}

#[jitclass]
impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.id == other.id
    }
}

fn main() {}
