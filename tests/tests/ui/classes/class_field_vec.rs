use jitclass::jitclass;

#[jitclass]
struct Samples {
    values: Vec<f64>,
}

fn main() {}
