//! Known bug: `m.get(&k).unwrap().clone()` of a `HashMap<i64, String>` is refused as "a
//! reference into a `Vec` of `String` (`Vec::get`) is not supported in jit code yet";
//! rustc builds it (`m.get(&k).cloned().unwrap()` works).
use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn read_back(n: i64) -> String {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(n, String::from("v"));
    m.get(&n).unwrap().clone()
}

fn main() {
    assert_eq!(read_back(1), "v");
}
