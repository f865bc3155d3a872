use jitclass::jitclass;

/// `B` is named only inside the class's own name, which rustc calls unused too.
#[jitclass]
pub struct Node<A: Copy, B> {
    pub v: A,
    pub next: Option<Node<A, B>>,
}

fn main() {}
