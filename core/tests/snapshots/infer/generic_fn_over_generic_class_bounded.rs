//@ instantiate: total::<Item>
// A generic fn over a generic class's instantiation with its own bounded parameter: the
// class's field of type `T` is a value of the bounded `T`, whose trait gives its methods.
trait Price {
    fn price(&self) -> f64;
}

struct Item {
    cents: i64,
}

impl Item {
    fn price(&self) -> f64 {
        -1.0
    }
}

impl Price for Item {
    fn price(&self) -> f64 {
        self.cents as f64 / 100.0
    }
}

struct Cart<T> {
    item: T,
    count: i64,
}

fn total<T: Price>(c: Cart<T>) -> f64 {
    c.item.price() * c.count as f64
}
