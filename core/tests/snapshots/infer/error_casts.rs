// Casts rustc refuses: to and from `bool`, non-primitive, pointers to floats, function
// pointers.
extern "C" fn id(x: f64) -> f64 {
    x
}

fn float_to_bool(x: f64) -> bool {
    x as bool
}

fn bool_to_float(b: bool) -> f64 {
    b as f64
}

fn tuple_to_int(t: (i32, i32)) -> i32 {
    t as i32
}

fn pointer_to_float(p: *const f64) -> f32 {
    p as f32
}

fn fn_pointer_to_int() -> usize {
    let f = id as extern "C" fn(f64) -> f64;
    f as usize
}
