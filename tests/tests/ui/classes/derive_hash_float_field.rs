use jitclass::jitclass;

#[jitclass]
#[derive(Hash)]
pub struct Reading {
    id: u32,
    value: f64,
}

fn main() {}
