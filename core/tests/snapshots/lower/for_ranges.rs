// `for` over ranges: `ForRange` with the bounds, inclusive or not, the step and the
// order (`.rev()` before or after `.step_by(k)`).
fn ranges(n: usize) -> usize {
    let mut s = 0;
    for i in 0..n {
        s += i;
    }
    for i in 1..=n {
        s += i;
    }
    for i in (0..n).rev() {
        s += i;
    }
    for i in (0..n).step_by(2) {
        s += i;
    }
    for i in (0..=n).rev().step_by(3) {
        s += i;
    }
    for i in (0..n).step_by(4).rev() {
        s += i;
    }
    for _ in 0..3 {
        s += 1;
    }
    s
}
