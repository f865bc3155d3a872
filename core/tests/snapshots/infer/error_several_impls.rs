// Several impls of one operator: the right operand's type chooses; by name, or with an
// operand of either type, none is chosen.
struct T2 {
    v: f64,
}

impl Mul<f64> for T2 {
    fn mul(self, k: f64) -> T2 {
        T2 { v: self.v * k }
    }
}

impl Mul<T2> for T2 {
    fn mul(self, o: T2) -> T2 {
        T2 { v: self.v * o.v }
    }
}

struct U2 {
    v: f64,
}

impl Mul<f64> for U2 {
    fn mul(self, k: f64) -> U2 {
        U2 { v: self.v * k }
    }
}

impl Mul<f32> for U2 {
    fn mul(self, k: f32) -> U2 {
        U2 { v: self.v * k as f64 }
    }
}

fn ambiguous_operand(a: U2) -> U2 {
    a * 2.0
}

fn by_name(a: T2) -> T2 {
    T2::mul(a, 2.0)
}

fn by_operator(a: T2, b: T2) -> T2 {
    a * 2.0 * b
}
