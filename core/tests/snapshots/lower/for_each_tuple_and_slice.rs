// `for` over anything but a range walks its elements: `ForEach` (a tuple or a slice).
fn sum(xs: &[f64], t: (f64, f64, f64)) -> f64 {
    let mut s = 0.0;
    for x in xs {
        s += x;
    }
    'elements: for x in t {
        if x < 0.0 {
            continue 'elements;
        }
        s += x;
    }
    s
}
