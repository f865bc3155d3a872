use jitclass::jitclass;

struct Plain {
    x: f64,
}

#[jitclass]
struct Holder {
    inner: Plain,
}

fn main() {}
