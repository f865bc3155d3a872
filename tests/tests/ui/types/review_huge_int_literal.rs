use jitclass::jit;

#[jit]
fn huge() -> u64 {
    let x = 340282366920938463463374607431768211456;
    x
}

fn main() {}
