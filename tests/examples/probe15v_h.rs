use jitclass::jit;

#[jit]
fn g7<T>(v: Vec<i64>, _t: T) -> usize {
    let mut v = v;
    for x in v {
        v.push(x);
    }
    0
}

#[jit]
fn g9<T>(v: Vec<i64>, _t: T) -> i64 {
    let f = v.first();
    let mut s = 0;
    for x in v {
        s += x;
    }
    s + *f.unwrap()
}

#[jit]
fn g10<T>(v: Vec<Vec<i64>>, _t: T) -> usize {
    let mut n = 0;
    for w in &v {
        for x in w {
            n += 1;
        }
    }
    n + v.len()
}

fn main() {}
