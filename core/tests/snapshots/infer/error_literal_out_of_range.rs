// Integer literals that do not fit their type.
fn small() -> u8 {
    256
}

fn negative() -> u32 {
    let x: u32 = -1;
    x
}

fn signed() -> i8 {
    let y = 128i8;
    y
}

// Float literals that round to infinity in their type (rustc's `overflowing_literals`);
// `1e39` fits `f64`, `1e-400` rounds to zero, and constants are not literals.
fn float_default() -> f64 {
    let fits: f64 = 1e39 + 1e-400 + f64::INFINITY;
    fits + 1e400
}

fn float_suffixed() -> f64 {
    -1e400_f64
}

fn float_from_use() -> f32 {
    let y: f32 = 1e39;
    y + 3.4e38
}

fn float_cast() -> f32 {
    1e39 as f32
}
