// `self == o` with `o: C` by value compares a `&C` with a `C`: rustc's E0277, as for the
// same Rust (review of generic shadows).
use jitclass::jitclass;

#[jitclass]
#[derive(PartialEq)]
pub struct Qt {
    pub x: f64,
}

#[jitclass]
impl Qt {
    pub fn same(&self, o: Qt) -> bool {
        self == o
    }
}

fn main() {}
