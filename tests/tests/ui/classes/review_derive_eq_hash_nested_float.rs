use jitclass::jitclass;

#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct P {
    a: Option<f64>,
    b: Vec<f32>,
    c: (i64, f64),
}

fn main() {}
