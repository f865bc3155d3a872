// Calls with the wrong number of arguments: jit fns, methods, builtins, class
// functions, function pointers.
struct A {
    v: i32,
}

impl A {
    fn new(v: i32) -> A {
        A { v }
    }

    fn get(&self) -> i32 {
        self.v
    }
}

extern "C" fn half(x: f64) -> f64 {
    x / 2.0
}

fn two(a: i32, b: i32) -> i32 {
    a + b
}

fn call_fn() -> i32 {
    two(1)
}

fn call_method(a: A) -> i32 {
    a.get(1)
}

fn call_builtin(x: f64) -> f64 {
    x.powi()
}

fn call_assoc() -> A {
    A::new(1, 2)
}

fn call_pointer() -> f64 {
    let f = half;
    f(1.0, 2.0)
}
