use jitclass::jitclass;

#[jitclass]
struct Grid {
    w: i64,
}

#[jitclass]
impl Grid {
    #[getter]
    fn cell(&self, i: i64) -> i64 {
        i * self.w
    }
}

fn main() {}
