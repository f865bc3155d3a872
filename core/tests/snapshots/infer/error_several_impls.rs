// Several impls of one operator: the right operand's type chooses; by name none is
// chosen. A literal that several impls could take chooses once it has its type (its
// default, `f64` or `i32`), so the operator's value cannot be used before that.
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

impl MulAssign<i64> for U2 {
    fn mul_assign(&mut self, k: i64) {
        self.v *= k as f64;
    }
}

impl MulAssign<u8> for U2 {
    fn mul_assign(&mut self, k: u8) {
        self.v *= k as f64;
    }
}

fn float_literal_takes_f64(a: U2) -> U2 {
    a * 2.0
}

fn literal_typed_later(a: U2) -> U2 {
    let k = 2.0;
    let b = a * k;
    let _narrow: f32 = k;
    b
}

fn value_used_before_the_choice(a: U2) -> f64 {
    (a * 2.0).v
}

fn int_literal_takes_i32(mut a: U2) {
    a *= 2;
}

fn int_literal_typed_by_use(mut a: U2) {
    let k = 2;
    a *= k;
    let _byte: u8 = k;
}

fn by_name(a: T2) -> T2 {
    T2::mul(a, 2.0)
}

fn by_operator(a: T2, b: T2) -> T2 {
    a * 2.0 * b
}
