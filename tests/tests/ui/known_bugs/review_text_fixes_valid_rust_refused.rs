// Valid Rust around the text fixes that jit code refuses (rustc builds each): `out += s`
// with a loop's `&String`, `*x` of a by-value loop over a `&mut [i64]` parameter, and a
// `&mut` map loop whose key is `_`, and the key (a `&K`) of a `&mut` map loop formatted.
use jitclass::jit;
use std::collections::HashMap;
use std::fmt::Write;

#[jit]
fn append_a_loop_reference(v: &Vec<String>) -> String {
    let mut out = String::new();
    for s in v {
        out += s;
    }
    out
}

#[jit]
fn slice_loop(s: &mut [i64]) -> i64 {
    let mut t = 0;
    for x in s {
        t += *x;
    }
    t
}

#[jit]
fn write_map_values_unnamed_keys(n: i64) -> usize {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::new());
    for (_, t) in &mut m {
        write!(t, "{}", n).unwrap();
    }
    m.len()
}

#[jit]
fn write_a_mut_loop_key(n: i64) -> String {
    let mut m: HashMap<i64, String> = HashMap::new();
    m.insert(1, String::new());
    for (k, t) in &mut m {
        write!(t, "{}{}", k, n).unwrap();
    }
    m.get(&1).unwrap().clone()
}

fn main() {}
