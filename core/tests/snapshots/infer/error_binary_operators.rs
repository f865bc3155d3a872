// Binary operators on types that have none, on classes without the impl, and on a class
// whose one impl takes another right operand (rustc then checks the operand), or whose
// impls all take other right operands.
struct K {
    v: f64,
}

impl Add<f64> for K {
    fn add(self, o: f64) -> K {
        K { v: self.v + o }
    }
}

struct L {
    v: f64,
}

impl AddAssign<f64> for L {
    fn add_assign(&mut self, o: f64) {
        self.v += o;
    }
}

impl AddAssign<i64> for L {
    fn add_assign(&mut self, o: i64) {
        self.v += o as f64;
    }
}

fn add_bools(a: bool, b: bool) -> bool {
    a + b
}

fn add_classes(a: L, b: L) -> L {
    a + b
}

fn add_other_rhs(a: K, b: K) -> K {
    a + b
}

fn compound(mut a: K, b: K) {
    a += b;
}

fn shift_float(a: f64) -> f64 {
    a << 2
}

fn compound_other_rhs(mut a: L, b: L) {
    a += b;
}

fn compare_classes(a: L, b: L) -> bool {
    a < b
}
