//! Trait-object probes against rustc's build; instances from Rust boxed in jit code; panics mid-loop.

use super::*;

twins! {
    mod twin;

    /// `*g = Box::new(..)` through the variable of `for g in &mut v`.
    fn replace_in_mut_loop(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Disk { r: i as f64 }));
        }
        for g in &mut v {
            *g = Box::new(Sq { side: g.area() });
        }
        let mut t = 0.0;
        for s in &v {
            t += s.area() + s.twice();
        }
        t
    }

    /// pop, remove, swap, insert, index assignment, truncate, clear.
    fn vec_ops(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            if i % 2 == 0 {
                v.push(Box::new(Disk { r: i as f64 }));
            } else {
                v.push(Box::new(Sq { side: i as f64 }));
            }
        }
        let mut t = 0.0;
        if let Some(last) = v.pop() {
            t += last.area();
        }
        let r = v.remove(1);
        t += r.area() * 10.0;
        v.swap(0, 2);
        v.insert(1, Box::new(Sq { side: 0.5 }));
        v[0] = Box::new(Disk { r: 0.25 });
        v[2].grow(3.0);
        v.truncate(4);
        for i in 0..v.len() {
            t += v[i].area() * (i as f64 + 1.0);
        }
        v.clear();
        t + v.len() as f64
    }

    /// `Option<Box<dyn Fig>>`: matched, assigned, matched by value.
    fn option_boxes(x: f64) -> f64 {
        let o: Option<Box<dyn Fig>> = Some(Box::new(Disk { r: x }));
        let n: Option<Box<dyn Fig>> = None;
        let mut t = 0.0;
        if let Some(s) = o {
            t += s.area();
        }
        if n.is_none() {
            t += 1.0;
        }
        let mut p: Option<Box<dyn Fig>> = None;
        if p.is_none() {
            p = Some(Box::new(Sq { side: x }));
        }
        if x > 1.0 {
            p = Some(Box::new(Sq { side: x + 1.0 }));
        }
        match p {
            Some(mut s) => t + s.bump(),
            None => t,
        }
    }

    /// A default `&mut self` method through the vtable calling required ones.
    fn defaults_through_box(x: f64) -> f64 {
        let mut a: Box<dyn Fig> = Box::new(Disk { r: x });
        let mut b: Box<dyn Fig> = Box::new(Sq { side: x });
        a.bump() + b.bump() + a.bump() + b.twice()
    }

    /// One class boxed as each of two traits.
    fn two_traits(x: f64) -> f64 {
        let f: Box<dyn Fig> = Box::new(Disk { r: x });
        let n: Box<dyn Named> = Box::new(Disk { r: x });
        let m: Vec<Box<dyn Named>> = vec![Box::new(Sq { side: 1.0 }), Box::new(Disk { r: 1.0 })];
        let mut t = f.area() + n.id() as f64;
        for k in &m {
            t += k.id() as f64 * 100.0;
        }
        t
    }

    /// A class with a `Vec` and a `String` field in a box, changed through it.
    fn bag_in_box(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            let mut xs = Vec::new();
            xs.push(i as f64);
            v.push(Box::new(Bag { xs, name: String::from("bag") }));
            v.push(Box::new(Disk { r: 1.0 }));
        }
        for g in &mut v {
            g.grow(0.5);
        }
        let mut t = 0.0;
        for s in &v {
            t += s.area();
        }
        t
    }

    /// Coercion sites: if and match branches, a block, a tuple, `vec!`, insert.
    fn coercion_sites(k: i64, d: Disk, s: Sq) -> f64 {
        let a: Box<dyn Fig> = if k > 0 { Box::new(Disk { r: 1.0 }) } else { Box::new(Sq { side: 2.0 }) };
        let o: Option<i64> = if k == 0 { None } else { Some(k) };
        let b: Box<dyn Fig> = match o {
            None => Box::new(Sq { side: 3.0 }),
            Some(_) => { let s = Sq { side: 1.5 }; Box::new(s) }
        };
        let t: (Box<dyn Fig>, f64) = (Box::new(Disk { r: 2.0 }), 1.0);
        let r: &dyn Fig = &d;
        let r2: &dyn Fig = &s;
        let mut v: Vec<Box<dyn Fig>> = vec![a, b];
        v.insert(0, t.0);
        v.push(Box::new(Sq { side: 0.25 }));
        let mut total = r.area() + r2.twice() + t.1;
        for x in &v {
            total += x.area();
        }
        total
    }

    /// The loop variable moved, dropped, kept past the iteration.
    fn loop_var_escapes(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Disk { r: i as f64 }));
        }
        let mut keep = None;
        let mut t = 0.0;
        for s in &v {
            let u = s;
            t += u.area();
            if s.area() > 2.0 {
                keep = Some(s);
            }
        }
        match keep {
            Some(s) => t + s.area(),
            None => t,
        }
    }

    /// `for s in v` consuming, left by `break`: the rest are dropped.
    fn consuming_break(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Sq { side: i as f64 }));
        }
        let mut t = 0.0;
        for s in v {
            if s.area() > 10.0 {
                break;
            }
            t += s.area();
        }
        t
    }

    /// `while let Some(s) = v.pop()`.
    fn pop_all(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Sq { side: i as f64 }));
            v.push(Box::new(Disk { r: i as f64 }));
        }
        let mut t = 0.0;
        while let Some(mut s) = v.pop() {
            t += s.bump();
        }
        t
    }

    /// A `Vec` of `Vec`s of boxes, read by nested borrowed loops.
    fn nested_vecs(n: i64) -> f64 {
        let mut g: Vec<Vec<Box<dyn Fig>>> = Vec::new();
        for i in 0..n {
            let mut row: Vec<Box<dyn Fig>> = Vec::new();
            row.push(Box::new(Disk { r: i as f64 }));
            row.push(Box::new(Sq { side: i as f64 }));
            g.push(row);
        }
        let mut t = 0.0;
        for row in &g {
            for s in row {
                t += s.area();
            }
        }
        t
    }

    /// Shadowing the `Vec` inside its own loop, and reassigning it after.
    fn shadowed_in_loop(n: i64) -> f64 {
        let mut v: Vec<Box<dyn Fig>> = Vec::new();
        for i in 0..n {
            v.push(Box::new(Sq { side: i as f64 }));
        }
        let mut t = 0.0;
        for s in &v {
            let v: Vec<Box<dyn Fig>> = vec![Box::new(Disk { r: 2.0 })];
            t += s.area() + v[0].area();
        }
        v = Vec::new();
        v.push(Box::new(Disk { r: 1.0 }));
        for s in v.iter() {
            t += s.area();
        }
        t
    }

    /// The `Vec` of a loop built by a block expression (a hidden container).
    fn temporary_container(n: i64) -> f64 {
        let mut t = 0.0;
        for s in &{
            let mut w: Vec<Box<dyn Fig>> = Vec::new();
            for i in 0..n {
                w.push(Box::new(Disk { r: i as f64 }));
            }
            w
        } {
            t += s.area();
        }
        t
    }
}

#[jit]
/// `&mut dyn Fig` used twice, then the instance read.
fn mut_ref_twice(mut d: Disk) -> f64 {
    let m: &mut dyn Fig = &mut d;
    m.grow(1.0);
    m.grow(2.0);
    let t = m.bump();
    t + d.area()
}

mod twin_mut {
    use super::rust::{Disk, Fig};

    pub fn mut_ref_twice(mut d: Disk) -> f64 {
        let m: &mut dyn Fig = &mut d;
        m.grow(1.0);
        m.grow(2.0);
        let t = m.bump();
        t + d.area()
    }
}

#[test]
fn ok_trait_object_probes_are_rusts() {
    let _memory = memory_test();
    assert_eq!(replace_in_mut_loop(5), twin::replace_in_mut_loop(5));
    assert_eq!(vec_ops(7), twin::vec_ops(7));
    assert_eq!(option_boxes(1.5), twin::option_boxes(1.5));
    assert_eq!(defaults_through_box(1.5), twin::defaults_through_box(1.5));
    assert_eq!(two_traits(2.0), twin::two_traits(2.0));
    assert_eq!(bag_in_box(4), twin::bag_in_box(4));
    for k in 0..4 {
        let rust = twin::coercion_sites(k, rust::Disk { r: 3.0 }, rust::Sq { side: 4.0 });
        assert_eq!(coercion_sites(k, mk_disk(3.0), mk_sq(4.0)), rust, "{k}");
    }
    assert_eq!(
        mut_ref_twice(mk_disk(1.0)),
        twin_mut::mut_ref_twice(rust::Disk { r: 1.0 })
    );
    assert_eq!(loop_var_escapes(5), twin::loop_var_escapes(5));
    assert_eq!(consuming_break(8), twin::consuming_break(8));
    assert_eq!(pop_all(5), twin::pop_all(5));
    assert_eq!(nested_vecs(4), twin::nested_vecs(4));
    assert_eq!(shadowed_in_loop(3), twin::shadowed_in_loop(3));
    assert_eq!(temporary_container(3), twin::temporary_container(3));
    assert_no_leaks();
}

#[test]
fn ok_instances_from_rust_boxed_in_jit_code() {
    let _memory = memory_test();
    {
        let d = mk_disk(1.0);
        let keep = d.clone();
        assert_eq!(box_param(d), 27.0);
        assert_eq!(keep.r(), 3.0);
    }
    assert_no_leaks();
}

#[test]
fn ok_panics_mid_loop_release_everything() {
    let _memory = memory_test();
    // Disk { r: -1.0 } panics in area; the loop of replace_in_mut_loop calls area on each.
    let rust = panic_message(|| twin::vec_ops(3));
    let jit = panic_message(|| vec_ops(3));
    assert_eq!(rust.lines().next(), jit.lines().next());
    assert_no_leaks();
}
