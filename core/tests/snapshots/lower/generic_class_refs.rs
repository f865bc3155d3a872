// How a generic class is named: `Self` and the class applied to its own parameters have
// them as written arguments; the bare name outside `Self` has none (inferred from the
// uses); other arguments are written (a generic fn's own parameter among them).
struct Inner<T> {
    v: T,
}

struct Outer<T> {
    inner: Inner<T>,
    all: Vec<Inner<T>>,
    next: Option<Outer<T>>,
}

impl<T> Outer<T> {
    fn new(inner: Inner<T>) -> Self {
        Outer { inner, all: Vec::new(), next: None }
    }

    fn wrap(inner: Inner<T>) -> Outer<T> {
        Self::new(inner)
    }

    fn other() -> Outer<bool> {
        Outer::new(Inner { v: true })
    }
}

fn size<T>(s: Outer<T>) -> usize {
    s.all.len()
}

fn make<T>(x: T) -> Inner<T> {
    Inner::<T> { v: x }
}

fn nested<T>(x: Inner<Inner<T>>) -> Inner<T> {
    x.v
}
