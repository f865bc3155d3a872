//@ instantiate: new::<i64>
//@ instantiate: first::<i64>
// A generic class's fields may be other generic classes over its parameters, its own
// among them; a member's fields are those classes' members for its arguments.
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

    fn first(&self) -> T {
        self.inner.v
    }
}

fn use_outer() -> i64 {
    let o = Outer::new(Inner { v: 5i64 });
    let mut total = o.first() + o.inner.v;
    for i in &o.all {
        total += i.v;
    }
    if let Some(n) = o.next.clone() {
        total += n.inner.v;
    }
    total
}

fn open_until_the_end() -> f64 {
    let mut o = Outer { inner: Inner { v: 1.0 }, all: Vec::new(), next: None };
    o.all.push(Inner { v: 2.0 });
    let first = o.all[0].v;
    first + o.inner.v
}
