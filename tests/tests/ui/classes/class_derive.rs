use jitclass::jitclass;

#[jitclass]
#[derive(Clone, Debug)]
struct Point {
    x: f64,
}

fn main() {}
