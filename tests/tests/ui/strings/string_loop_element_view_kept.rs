use jitclass::jit;

#[jit]
fn total(v: Vec<String>) -> usize {
    let mut n = 0;
    for s in &v {
        let t = s.trim();
        n += t.len();
    }
    n
}

fn main() {}
