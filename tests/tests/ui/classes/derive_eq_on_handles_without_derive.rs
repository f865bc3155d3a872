use jitclass::jitclass;

#[jitclass]
pub struct Key {
    id: u32,
}

#[jitclass]
impl Key {
    pub fn new(id: u32) -> Key {
        Key { id }
    }
}

fn main() {
    // Without `#[derive(PartialEq)]` handles have no `==` (identity is `Key::ptr_eq`).
    assert!(Key::new(1) == Key::new(1));
}
