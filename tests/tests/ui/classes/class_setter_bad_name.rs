use jitclass::jitclass;

#[jitclass]
struct Rect {
    w: f64,
}

#[jitclass]
impl Rect {
    #[setter]
    fn width(&mut self, w: f64) {
        self.w = w;
    }
}

fn main() {}
