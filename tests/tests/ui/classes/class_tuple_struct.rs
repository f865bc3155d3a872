use jitclass::jitclass;

#[jitclass]
struct Meters(f64);

fn main() {}
