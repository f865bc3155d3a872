// Operators on borrowed primitives: std compares two references or two values, not one
// of each (E0308), and `x += &x` borrows `x` mutably while `&x` lives (E0502); disjoint
// fields are fine. A borrow of anything but a primitive stays refused.
struct S {
    n: i64,
    k: i64,
}

fn compare(a: i64, b: i64) -> bool {
    a == &b
}

fn compare_left(a: i64, b: i64) -> bool {
    &a < b
}

fn add_itself(mut a: i64) -> i64 {
    a += &a;
    a
}

fn fields(mut s: S) -> i64 {
    s.n += &s.k;
    s.n += &s.n;
    s.n
}

fn borrowed_vec(a: i64, v: Vec<i64>) -> i64 {
    a * &v
}
