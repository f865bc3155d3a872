use jitclass::jit;

#[jit]
fn shorten(s: String) -> String {
    let mut s = s;
    s.shrink_to_fit();
    s.make_ascii_uppercase();
    s
}

fn main() {}
