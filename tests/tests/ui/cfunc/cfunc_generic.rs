use jitclass::jit;

#[jit]
extern "C" fn twice<T>(x: T) -> T {
    x + x
}

fn main() {}
