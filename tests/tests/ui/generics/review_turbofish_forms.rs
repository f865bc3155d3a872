// Turbofish forms jit code refuses, each in rustc's words where rustc refuses them too.
use jitclass::jit;
use std::collections::HashMap;

#[jit]
fn fresh<T: Default>() -> T {
    T::default()
}

// A generic fn as a value (valid Rust, not jit code yet).
#[jit]
fn as_value() -> f64 {
    let g = fresh::<f64>;
    g()
}

// rustc's E0107.
#[jit]
fn with_lifetime() -> f64 {
    fresh::<'static, f64>()
}

// rustc's E0747.
#[jit]
fn with_constant() -> f64 {
    fresh::<3>()
}

// Valid Rust (`HashMap::get` has a type parameter): accepted, rustc checks the turbofish.
#[jit]
fn on_map_get(m: HashMap<i64, f64>) -> f64 {
    m.get::<i64>(&1).copied().unwrap_or(0.0)
}

// rustc's E0107: `Into::into` takes no generic argument of its own.
#[jit]
fn on_into(x: i32) -> f64 {
    x.into::<f64>()
}

fn main() {}
