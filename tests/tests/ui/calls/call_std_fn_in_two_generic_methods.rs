// `std::mem::take` (not a jit fn) called in two methods of a generic class's impl: each
// call is refused naming `take`, as in a non-generic impl
// (`calls/call_std_fn_in_two_methods.rs`).
use jitclass::jitclass;

#[jitclass]
pub struct Bag<T> {
    values: Vec<T>,
}

#[jitclass]
impl<T: Copy> Bag<T> {
    pub fn drain(&mut self) -> i64 {
        let v = std::mem::take(&mut self.values);
        v.len() as i64
    }

    pub fn finalize(&mut self) -> i64 {
        let v = std::mem::take(&mut self.values);
        v.len() as i64
    }
}

fn main() {}
