use jitclass::jit;

#[jit]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[jit]
fn sum<T>(xs: &[T]) -> T {
    let mut acc = 0 as T;
    for i in 0..xs.len() {
        acc += xs[i];
    }
    acc
}

#[jit]
fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

#[test]
fn smoke() {
    assert_eq!(add(2, 3), 5);
    assert_eq!(sum(&[1.0f64, 2.0, 3.5]), 6.5);
    assert_eq!(sum(&[1i32, 2, 3]), 6);
    assert_eq!(fib(20), 6765);
    println!("{:?}", sum::dispatcher());
}
