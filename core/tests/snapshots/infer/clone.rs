// `.clone()`, Rust's `Clone`: a builtin on every jit type but `&mut [T]` (a copy, or
// another reference to an instance), unless the class has a function named `clone`.
struct P {
    x: f64,
    next: Option<P>,
}

impl P {
    fn again(&self) -> (P, Option<P>) {
        (self.clone(), self.next.clone())
    }
}

struct Own {
    v: i64,
}

impl Own {
    fn clone(&self) -> Own {
        Own { v: self.v + 1 }
    }
}

fn values(x: f64, t: (i64, bool), s: &[f64], p: P) -> (f64, (i64, bool), usize, P) {
    let y = 1.5.clone();
    (x.clone() + y, t.clone(), s.clone().len(), p.clone())
}

fn own(o: Own) -> Own {
    o.clone()
}

fn not_on_mut_slices(s: &mut [f64]) {
    let t = s.clone();
}
