// Bare literals whose values leave or branch, as rustc builds them: `return` in a `match`, a
// labelled `break` out of nested loops, `continue`, nested bare literals, in a generic
// method of the class and a generic fn (values computed before the literal, outside the
// shadow's closure).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[jitclass]
impl<A: Clone, B: Clone> Pair<A, B> {
    pub fn swapped(&self) -> Pair<B, A> {
        Pair { a: self.b.clone(), b: self.a.clone() }
    }
}

#[jit]
fn first_of(o: Option<i64>, k: i64) -> Option<i64> {
    let p = Pair { a: match o { Some(x) => x, None => return None }, b: k };
    Some(p.a + p.b)
}

#[jit]
fn labelled(n: i64) -> i64 {
    let mut found = -1;
    'outer: for i in 0..n {
        for j in 0..n {
            let p = Pair {
                a: if i * j == 6 { break 'outer } else { i },
                b: if j == 0 { continue } else { j },
            };
            found = p.a * 10 + p.b;
        }
    }
    found
}

#[jit]
fn nested<T: Clone>(x: T, k: i64) -> Pair<Pair<T, i64>, i64> {
    Pair { a: Pair { a: x.clone(), b: k }, b: k + 1 }
}

#[jit]
fn run() -> f64 {
    let n = nested(2.5_f64, 3);
    let s = Pair { a: 1_i64, b: 2.0 }.swapped();
    n.a.a + n.a.b as f64 + n.b as f64 + s.a + s.b as f64
}

fn main() {
    assert_eq!(first_of(Some(4), 2), Some(6));
    assert_eq!(first_of(None, 2), None);
    assert_eq!(labelled(5), 22);
    assert_eq!(run(), 2.5 + 3.0 + 4.0 + 2.0 + 1.0);
}
