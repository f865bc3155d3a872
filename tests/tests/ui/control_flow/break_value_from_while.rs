use jitclass::jit;

#[jit]
fn find(n: i64) -> i64 {
    let mut i = 0;
    while i < n {
        if i * i > n {
            break i;
        }
        i += 1;
    }
    i
}

fn main() {}
