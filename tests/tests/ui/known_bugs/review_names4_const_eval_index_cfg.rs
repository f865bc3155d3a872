// Constants whose evaluation fails in an `Index` impl's method and in a `#[cfg]`'d
// method: each named by its method, as rustc names it.
use jitclass::jitclass;

#[jitclass]
pub struct Gauge {
    v: i64,
}

#[jitclass]
impl Gauge {
    #[cfg(not(any()))]
    pub fn scaled(&self) -> i64 {
        const K: u8 = 255 + 1;
        self.v * K as i64
    }
}

#[jitclass]
impl std::ops::Index<usize> for Gauge {
    type Output = i64;
    fn index(&self, i: usize) -> &i64 {
        const L: usize = 0 - 1;
        let _ = i + L;
        &self.v
    }
}

fn main() {}
