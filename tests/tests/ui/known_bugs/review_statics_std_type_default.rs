// `Vec::<i64>::default()` and `String::default()` in jit code: rustc builds them (empty
// values); jitclass refuses them at build time, though `DefaultOf` builds both.
use jitclass::jit;

#[jit]
fn std_type_defaults(n: i64) -> (usize, usize) {
    let mut v = Vec::<i64>::default();
    let s = String::default();
    v.push(n);
    (v.len(), s.len())
}

fn main() {
    assert_eq!(std_type_defaults(1), (1, 0));
}
