// Struct literals: unknown, repeated and missing fields.
struct P {
    x: f64,
    y: f64,
    z: f64,
}

fn unknown() -> P {
    P { x: 1.0, y: 2.0, z: 3.0, w: 4.0 }
}

fn repeated() -> P {
    P { x: 1.0, x: 2.0, y: 3.0, z: 4.0 }
}

fn missing_one() -> P {
    P { x: 1.0, y: 2.0 }
}

fn missing_two() -> P {
    P { x: 1.0 }
}
