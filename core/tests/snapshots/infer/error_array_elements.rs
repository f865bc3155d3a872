// `[x; N]` copies `x`: Rust requires `Copy` when `N > 1` (E0277), which instances and
// `Option`s of them are not; `[x; 1]` moves it, and a list literal takes each element.
struct Body {
    x: f64,
}

impl Body {
    fn new() -> Body {
        Body { x: 0.0 }
    }
}

fn three() -> usize {
    let a = [Body::new(); 3];
    let b: [Option<Body>; 2] = [None; 2];
    a.len() + b.len()
}

fn fine() -> f64 {
    let one = [Body::new(); 1];
    let list = [Body::new(), Body::new()];
    one[0].x + list[1].x
}
