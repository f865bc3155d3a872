// `len()` of an array whose element type is still a literal's (`{float}`) resolves: it
// does not depend on the element.
fn fill(k: f64) -> f64 {
    let mut a = [0.0; 4];
    for i in 0..a.len() {
        a[i] = i as f64 * k;
    }
    let e = [1; 3].is_empty();
    if e { 0.0 } else { a[3] }
}
