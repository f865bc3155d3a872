// Array lengths and values that name constants: each becomes an entry `kN` of the
// function's constants, which rustc evaluates in the glue; a local `const` item is
// renamed to its hoisted constant where another constant names it.
fn f(a: [f64; N]) -> [f64; N * 2] {
    const K: usize = N + 1;
    let b: [f64; K] = [0.0; K];
    let c = [1.0; config::M];
    let mut out = [a[0]; N * 2];
    out[0] = b[0] + c[0] * SCALE + K as f64;
    out
}

// In a method, `Self` is spelled out as the class.
struct Ring {
    data: [f64; CAP],
}

impl Ring {
    fn window(&self) -> f64 {
        let w = [0.0; Self::WINDOW];
        w[0] + self.data[0]
    }
}
