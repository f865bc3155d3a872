use jitclass::jit;

#[jit]
fn skip_first(n: i64) -> i64 {
    let mut s = 0;
    for i in (0..n).skip(1) {
        s += i;
    }
    s
}

#[jit]
fn twice_reversed(n: i64) -> i64 {
    let mut s = 0;
    for i in (0..n).rev().rev() {
        s += i;
    }
    s
}

#[jit]
fn rev_with_argument(n: i64) -> i64 {
    let mut s = 0;
    for i in (0..n).rev(2) {
        s += i;
    }
    s
}

fn main() {}
