use jitclass::jitclass;

#[jitclass]
pub struct Buffer<const N: usize> {
    values: [f64; N],
}

fn main() {}
