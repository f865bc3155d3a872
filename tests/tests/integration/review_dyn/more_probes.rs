//! More trait-object probes against rustc's build, with a panic while a `Vec` of boxes grows.

use super::*;

twins! {
    mod twin2;

    /// Sorting a `Vec` of boxes with a closure reading them through the vtable.
    fn sorted_boxes(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            if i % 2 == 0 {
                v.push(Box::new(Disk { r: (n - i) as f64 }));
            } else {
                v.push(Box::new(Sq { side: i as f64 }));
            }
        }
        v.sort_by(|a, b| a.area().partial_cmp(&b.area()).unwrap());
        let mut t = 0.0;
        for i in 0..v.len() {
            t += v[i].area() * (i as f64 + 1.0);
        }
        t
    }

    /// `Vec<(Box<dyn Fig>, i64)>`, read by a borrowed loop over tuples.
    fn tuples_of_boxes(n: i64) -> f64 {
        let mut v: Vec<(Box<dyn Fig>, i64)> = Vec::new();
        for i in 0..n {
            v.push((Box::new(Disk { r: i as f64 }), i));
        }
        let mut t = 0.0;
        for (s, k) in &v {
            t += s.area() * (*k as f64);
        }
        t
    }

    /// An early `return` from inside a borrowed loop over boxes.
    fn early_return(n: i64, stop: f64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Disk { r: i as f64 }));
        }
        let mut t = 0.0;
        for s in &v {
            if s.area() > stop {
                return t + s.twice();
            }
            t += s.area();
        }
        t
    }

    /// Many calls through the vtable in an uncounted loop.
    fn many_calls(n: i64, reps: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            if i % 3 == 0 {
                v.push(Box::new(Sq { side: (i % 5) as f64 }));
            } else {
                v.push(Box::new(Disk { r: (i % 7) as f64 }));
            }
        }
        let mut t = 0.0;
        for _ in 0..reps {
            for s in &v {
                t += s.twice();
            }
        }
        t
    }

    /// Boxes of a class with managed fields, made and dropped many times.
    fn bag_churn(n: i64) -> f64 {
        let mut t = 0.0;
        for i in 0..n {
            let mut b: Box<dyn Fig> = Box::new(Bag { xs: Vec::new(), name: String::from("b") });
            b.grow(i as f64);
            t += b.area();
        }
        t
    }

    /// Recursion: each frame with its own boxes.
    fn recurse(n: i64) -> f64 {
        let b: Box<dyn Fig> = Box::new(Disk { r: n as f64 });
        if n <= 0 {
            return b.area();
        }
        let v: Vec<Box<dyn Fig>> = vec![b, Box::new(Sq { side: 1.0 })];
        let mut t = recurse(n - 1);
        for s in &v {
            t += s.area();
        }
        t
    }
}

/// A `&mut self` method panicking through the vtable in a `for g in &mut v` loop.
#[jit]
fn grow_panics(n: i64) -> f64 {
    let mut v: Vec<Box<dyn Fig>> = Vec::new();
    for i in 0..n {
        v.push(Box::new(Bag {
            xs: Vec::new(),
            name: String::from("x"),
        }));
        v.push(Box::new(Disk { r: 1.0 - i as f64 }));
    }
    for g in &mut v {
        g.grow(0.5);
        let _ = g.area();
    }
    0.0
}

/// The uncounted loop in a generic body (counted there): the same results.
#[jit]
fn generic_loop<S: Fig + 'static>(s: S, n: i64) -> f64 {
    let mut v: Vec<Box<dyn Fig>> = Vec::new();
    v.push(Box::new(s));
    for i in 0..n {
        v.push(Box::new(Disk { r: i as f64 }));
    }
    let mut t = 0.0;
    for x in &v {
        t += x.twice();
    }
    t
}

#[test]
fn ok_more_trait_object_probes_are_rusts() {
    let _memory = memory_test();
    assert_eq!(sorted_boxes(9), twin2::sorted_boxes(9));
    assert_eq!(tuples_of_boxes(5), twin2::tuples_of_boxes(5));
    for stop in [-1.0, 5.0, 100.0] {
        assert_eq!(early_return(5, stop), twin2::early_return(5, stop));
    }
    assert_eq!(many_calls(1000, 1000), twin2::many_calls(1000, 1000));
    assert_eq!(bag_churn(100_000), twin2::bag_churn(100_000));
    assert_eq!(recurse(20), twin2::recurse(20));
    let jit = panic_message(|| grow_panics(4));
    assert!(jit.starts_with("negative radius -0.5"), "{jit}");
    assert_eq!(generic_loop(mk_sq(2.0), 5), 8.0 + 6.0 * 30.0);
    assert_no_leaks();
}
