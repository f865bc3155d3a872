// Fields that do not exist, on instances (with their fields), on other types, on tuples.
struct F {
    a: i32,
}

struct Empty {}

fn on_class(f: F) -> i32 {
    f.b
}

fn on_empty(e: Empty) -> i32 {
    e.a
}

fn on_float(x: f64) -> f64 {
    x.re
}

fn tuple_index(t: (i32, i32)) -> i32 {
    t.2
}
