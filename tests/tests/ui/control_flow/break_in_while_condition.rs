use jitclass::jit;

#[jit]
fn first_even(xs: &[i64]) -> i64 {
    let mut i = 0;
    loop {
        while {
            if i >= xs.len() {
                break;
            }
            xs[i] % 2 != 0
        } {
            i += 1;
        }
        return i as i64;
    }
}

fn main() {}
