use jitclass::jitclass;
use std::ops::Add;

#[jitclass]
struct Money {
    cents: i64,
}

#[jitclass]
impl Add for Money {
    type Output = Money;
    fn plus(self, other: Money) -> Money {
        Money { cents: self.cents + other.cents }
    }
}

fn main() {}
