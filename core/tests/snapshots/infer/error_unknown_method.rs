// Methods that do not exist: on primitives (with the list of what jit code has), on
// classes (with their functions), on function pointers, on ambiguous numbers.
struct W {
    f: extern "C" fn(f64) -> f64,
}

impl W {
    fn new() -> W {
        W { f: twice }
    }

    fn run(&self) -> f64 {
        self.f(1.0)
    }
}

extern "C" fn twice(x: f64) -> f64 {
    x * 2.0
}

fn on_float(x: f64) -> f64 {
    x.frobnicate()
}

fn on_class(w: W) -> f64 {
    w.missing()
}

fn associated_as_method(w: W) -> W {
    w.new()
}

fn ambiguous() -> f64 {
    let x = 2.0.sqrt();
    x
}

fn on_pointer(f: extern "C" fn(f64) -> f64) -> f64 {
    f.call(1.0)
}
