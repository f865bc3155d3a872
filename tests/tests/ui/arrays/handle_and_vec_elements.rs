use jitclass::{jitclass, PassThru};

#[jitclass]
pub struct Lists {
    pub items: [Vec<f64>; 2],
}

#[jitclass]
pub struct Handles {
    pub names: [PassThru<String>; 2],
}

fn main() {}
