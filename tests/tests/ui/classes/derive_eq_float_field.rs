use jitclass::jitclass;

#[jitclass]
#[derive(PartialEq, Eq)]
pub struct Reading {
    id: u32,
    value: f64,
}

fn main() {}
