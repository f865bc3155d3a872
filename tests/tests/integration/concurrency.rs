use jitclass::jit;
use std::sync::{Arc, Barrier};

#[jit]
fn racy_first_call(x: i64) -> i64 {
    let mut s = 0;
    for i in 0..x {
        s += i * i;
    }
    s
}

#[jit]
fn generic_racy<T>(x: T) -> T {
    x * x
}

#[test]
fn eight_threads_first_call_compile_once() {
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let b = Arc::clone(&barrier);
            std::thread::spawn(move || {
                b.wait();
                racy_first_call(1000)
            })
        })
        .collect();
    let results: Vec<i64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let expected: i64 = (0..1000i64).map(|i| i * i).sum();
    assert!(results.iter().all(|r| *r == expected), "{results:?}");
    assert_eq!(racy_first_call::dispatcher().compile_count(), 1);
}

#[test]
fn generic_first_calls_race_and_compiled_code_runs_everywhere() {
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|t: i32| {
            let b = Arc::clone(&barrier);
            std::thread::spawn(move || {
                b.wait();
                let mut acc = 0.0;
                for i in 0..1000 {
                    acc += generic_racy(i as f64) + generic_racy(t) as f64;
                }
                acc
            })
        })
        .collect();
    for (t, h) in handles.into_iter().enumerate() {
        let expected: f64 = (0..1000).map(|i| (i * i) as f64 + (t * t) as f64).sum();
        assert_eq!(h.join().unwrap(), expected);
    }
    assert_eq!(generic_racy::dispatcher().compile_count(), 2);
}
