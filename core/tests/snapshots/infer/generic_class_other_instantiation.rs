//@ instantiate: flipped::<i64>
//@ instantiate: literal::<i64>
// In `impl<T> Cmp2<T>`, `Self` is `Cmp2<T>`, but `Cmp2` written without arguments is
// `Cmp2<_>`, inferred from its fields or arguments as rustc does: here `Cmp2<bool>`.
struct Cmp2<T> {
    x: T,
    n: i64,
}

impl<T> Cmp2<T> {
    fn new(x: T) -> Self {
        Cmp2 { x, n: 0 }
    }

    fn flipped(&self) -> bool {
        let other = Cmp2::new(true);
        other.x
    }

    fn literal(&self) -> i64 {
        let other = Cmp2 { x: true, n: 1 };
        let same = Self::new(self.x);
        other.n + same.n
    }
}
