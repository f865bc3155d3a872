use jitclass::jitclass;

#[jitclass]
struct View {
    first: &'static f64,
}

fn main() {}
