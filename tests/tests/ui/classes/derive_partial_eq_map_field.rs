use jitclass::jitclass;
use std::collections::HashMap;

#[jitclass]
#[derive(PartialEq, Default)]
pub struct Index {
    id: u32,
    counts: HashMap<u32, u64>,
}

fn main() {}
