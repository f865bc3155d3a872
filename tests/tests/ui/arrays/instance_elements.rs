use jitclass::jitclass;

#[jitclass]
pub struct Counter {
    pub n: i64,
}

#[jitclass]
pub struct Pair {
    pub items: [Counter; 2],
}


fn main() {}
