use jitclass::jitclass;
use std::ops::Neg;

#[jitclass]
struct Money {
    cents: i64,
}

#[jitclass]
impl Neg for Money {
    type Output = Money;
    #[getter]
    fn neg(self) -> Money {
        Money { cents: -self.cents }
    }
}

fn main() {}
