//! Review of the 16-byte trait object, continued: unmanaged instances (`unsafe_cast`)
//! boxed, moved by `Vec` methods, lent as `&dyn`/`&mut dyn` (lending blocks), as `self`,
//! through a panic mid-loop, and instances Rust made passed by value and as slices.

use super::*;

/// Unmanaged instances in a `Vec` moved by its methods, in an `Option` and beside a
/// clone of their handle.
#[jit]
fn unmanaged_shuffled(at: *mut u8, n: i64) -> f64 {
    let mut v: Vec<Box<dyn Area>> = Vec::new();
    for i in 0..n {
        v.push(Box::new(unsafe { unsafe_cast::<Sum>(at) }));
        v.push(Box::new(Sum {
            total: i as f64,
            n: 0,
        }));
    }
    let last = v.len() - 1;
    v.swap(0, last);
    let r = v.remove(0);
    v.insert(1, r);
    let mut s = v.swap_remove(2);
    s.grow(1.0);
    let mut kept: Option<Box<dyn Area>> = Some(s);
    let mut t = 0.0;
    for s in &mut v {
        s.grow(0.25);
        t += s.area();
    }
    let p = v.pop();
    v.truncate(3);
    let alias = unsafe { unsafe_cast::<Sum>(at) };
    let again = alias.clone();
    let mut d: Box<dyn Area> = Box::new(again);
    d.grow(2.0);
    t += alias.total;
    if let Some(b) = p {
        t += b.area();
    }
    if kept.is_some() {
        t += 0.5;
    }
    v.clear();
    kept = None;
    t + v.len() as f64 + if kept.is_none() { 1.0 } else { 0.0 }
}

mod unmanaged_twin {
    use super::rust::{Area, Sum, cast};

    pub fn unmanaged_shuffled(at: *mut u8, n: i64) -> f64 {
        // One `&mut` stands for every jit handle to the memory: each use goes through it.
        let mem = unsafe { cast(at) };
        // The order of the jit `Vec` as indices: `None` is the unmanaged instance.
        let mut v: Vec<Option<Sum>> = Vec::new();
        for i in 0..n {
            v.push(None);
            v.push(Some(Sum {
                total: i as f64,
                n: 0,
            }));
        }
        let last = v.len() - 1;
        v.swap(0, last);
        let r = v.remove(0);
        v.insert(1, r);
        let mut s = v.swap_remove(2);
        let grow = |x: &mut Option<Sum>, mem: &mut Sum, k: f64| match x {
            Some(s) => s.grow(k),
            None => mem.grow(k),
        };
        let area = |x: &Option<Sum>, mem: &Sum| match x {
            Some(s) => s.area(),
            None => mem.area(),
        };
        grow(&mut s, mem, 1.0);
        let mut kept = Some(s);
        let mut t = 0.0;
        for s in &mut v {
            grow(s, mem, 0.25);
            t += area(s, mem);
        }
        let p = v.pop();
        v.truncate(3);
        mem.grow(2.0);
        t += mem.total;
        if let Some(b) = p {
            t += area(&b, mem);
        }
        if kept.is_some() {
            t += 0.5;
        }
        v.clear();
        kept = None;
        t + v.len() as f64 + if kept.is_none() { 1.0 } else { 0.0 }
    }
}

/// `&mut dyn` of an unmanaged local made again in a loop: one lending block each.
#[jit]
fn lent_in_loop(at: *mut u8, n: i64) -> f64 {
    let mut s = unsafe { unsafe_cast::<Sum>(at) };
    let mut t = 0.0;
    for i in 0..n {
        let d: &mut dyn Area = &mut s;
        d.grow(i as f64);
        let r: &dyn Area = &s;
        t += r.area();
    }
    t
}

/// `&dyn` of `self` in a method of an unmanaged instance.
#[jit]
fn self_as_dyn(at: *mut u8, k: f64) -> f64 {
    let mut s = unsafe { unsafe_cast::<Sum>(at) };
    s.via_dyn(k) + s.via_dyn(k + 1.0)
}

/// A method panics through a trait object in the middle of a loop over boxes, managed
/// and unmanaged, with an `Option` of a box and a lent `&mut dyn` live.
#[jit]
fn panics_mid_loop(at: *mut u8, bad: f64) -> f64 {
    let mut v: Vec<Box<dyn Area>> = Vec::new();
    for i in 0..6 {
        if i % 2 == 0 {
            v.push(Box::new(unsafe { unsafe_cast::<Sum>(at) }));
        } else {
            v.push(Box::new(Gen { v: i, k: 1.0 }));
        }
    }
    let kept: Option<Box<dyn Area>> = Some(Box::new(unsafe { unsafe_cast::<Sum>(at) }));
    let mut s = unsafe { unsafe_cast::<Sum>(at) };
    let d: &mut dyn Area = &mut s;
    d.grow(1.0);
    let mut t = 0.0;
    for i in 0..v.len() {
        v[i].grow(if i == 2 { bad } else { 1.0 });
        t += v[i].area();
    }
    if let Some(b) = kept {
        t += b.area();
    }
    t
}

#[test]
fn unmanaged_boxes_move_through_vec_methods_options_and_clones() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let (mut j, mut r) = (payload(), payload());
    let (jp, rp) = (j.as_mut_ptr().cast::<u8>(), r.as_mut_ptr().cast::<u8>());
    for n in [2, 3, 5] {
        assert_eq!(
            unmanaged_shuffled(jp, n),
            unmanaged_twin::unmanaged_shuffled(rp, n),
            "n = {n}"
        );
        assert_eq!(read(&j), read(&r));
    }
    assert_eq!(lent_in_loop(jp, 100), {
        let mem = unsafe { rust::cast(rp) };
        let mut t = 0.0;
        for i in 0..100 {
            rust::Area::grow(&mut *mem, i as f64);
            t += rust::Area::area(&*mem);
        }
        t
    });
    assert_eq!(read(&j), read(&r));
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[test]
fn self_of_an_unmanaged_instance_as_a_trait_object() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let (mut j, mut r) = (payload(), payload());
    let (jp, rp) = (j.as_mut_ptr().cast::<u8>(), r.as_mut_ptr().cast::<u8>());
    let expected = {
        let mem = unsafe { rust::cast(rp) };
        let mut via = |k: f64| {
            rust::Area::grow(&mut *mem, k);
            let a = rust::Area::area(&*mem);
            a + a * 2.0
        };
        via(1.5) + via(2.5)
    };
    assert_eq!(self_as_dyn(jp, 1.5), expected);
    assert_eq!(read(&j), read(&r));
    // From Rust, on a managed and an unmanaged instance.
    let mut managed = Sum::new_for_review(0.0);
    assert_eq!(managed.via_dyn(2.0), (2.0 + 1.0) * 3.0);
    // SAFETY: a zeroed payload of `Sum` that outlives the instance.
    let mut unmanaged = unsafe { unsafe_cast::<Sum>(jp) };
    let (t, n) = read(&j);
    assert_eq!(unmanaged.via_dyn(1.0), (t + 1.0 + (n + 1) as f64) * 3.0);
    drop((managed, unmanaged));
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[test]
fn a_panic_mid_loop_releases_every_box_and_lending_block() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let mut j = payload();
    let jp = j.as_mut_ptr().cast::<u8>();
    let message = panic_message(|| panics_mid_loop(jp, 5000.0));
    assert!(message.contains("too big"), "{message}");
    assert!(balanced_since(&before));
    // Without the panic: six grows of one, the unmanaged ones all on one payload.
    let mut r = payload();
    let rp = r.as_mut_ptr().cast::<u8>();
    let expected = {
        let mem = unsafe { rust::cast(rp) };
        // What the panicking call had done: one lent grow, then v[0]'s (unmanaged).
        mem.total = 2.0;
        mem.n = 2;
        let mut gens = [1, 3, 5].map(|v| rust::Gen { v, k: 1.0 });
        rust::Area::grow(&mut *mem, 1.0);
        let mut t = 0.0;
        for i in 0..6 {
            if i % 2 == 0 {
                rust::Area::grow(&mut *mem, 1.0);
                t += rust::Area::area(&*mem);
            } else {
                rust::Area::grow(&mut gens[i / 2], 1.0);
                t += rust::Area::area(&gens[i / 2]);
            }
        }
        t + rust::Area::area(&*mem)
    };
    assert_eq!(panics_mid_loop(jp, 1.0), expected);
    assert_eq!(read(&j), read(&r));
    assert!(balanced_since(&before));
    assert_no_leaks();
}

/// A box of an instance Rust made (managed or unmanaged), passed by value.
#[jit]
fn box_param(c: Sum, k: f64) -> f64 {
    let mut b: Box<dyn Area> = Box::new(c);
    b.grow(k);
    b.area()
}

/// `&dyn` of the elements of a slice of handles Rust made, some unmanaged.
#[jit]
fn lend_elements(xs: &[Sum], k: f64) -> f64 {
    let mut t = 0.0;
    for i in 0..xs.len() {
        let r: &dyn Area = &xs[i];
        t += r.area() * k;
    }
    t
}

#[test]
fn boxes_of_instances_rust_made_and_of_their_slices() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let mut j = payload();
    let jp = j.as_mut_ptr().cast::<u8>();
    // SAFETY: a zeroed payload of `Sum` that outlives every handle over it.
    let unmanaged = unsafe { unsafe_cast::<Sum>(jp) };
    assert_eq!(box_param(unmanaged.clone(), 2.0), 2.0 + 1.0);
    assert_eq!(read(&j), (2.0, 1));
    assert_eq!(box_param(Sum::new_for_review(1.0), 2.0), 3.0 + 1.0);
    let xs = vec![
        Sum::new_for_review(4.0),
        unmanaged.clone(),
        Sum::new_for_review(0.5),
    ];
    assert_eq!(lend_elements(&xs, 2.0), (4.0 + 3.0 + 0.5) * 2.0);
    drop((xs, unmanaged));
    assert!(balanced_since(&before));
    assert_no_leaks();
}

/// The lending block through every way a trait object is copied, lent and replaced:
/// `&dyn` copies, `&*b`, `b.as_ref()`, `b.as_mut()`, `&**s` in a loop, a box reassigned
/// and an `Option` replaced in a loop, many times.
#[jit]
fn lent_every_way(at: *mut u8, n: i64) -> f64 {
    let mut s = unsafe { unsafe_cast::<Sum>(at) };
    let r: &dyn Area = &s;
    let r2 = r;
    let r3 = r2;
    let mut t = r.area() + r2.area() + r3.area();
    let mut b: Box<dyn Area> = Box::new(unsafe { unsafe_cast::<Sum>(at) });
    b.as_mut().grow(1.0);
    let m: &mut dyn Area = &mut *b;
    m.grow(1.0);
    let l2: &dyn Area = &*b;
    t += b.as_ref().area() + l2.area();
    let mut v: Vec<Box<dyn Area>> = Vec::new();
    let mut slot: Option<Box<dyn Area>> = None;
    for i in 0..n {
        b = Box::new(unsafe { unsafe_cast::<Sum>(at) });
        b.grow(0.5);
        slot = Some(Box::new(unsafe { unsafe_cast::<Sum>(at) }));
        if i % 100 == 0 {
            v.push(Box::new(unsafe { unsafe_cast::<Sum>(at) }));
            v.push(Box::new(Gen { v: i, k: 1.0 }));
        }
    }
    for e in &v {
        let l: &dyn Area = &**e;
        t += l.area();
    }
    if let Some(x) = slot {
        t += x.area();
    }
    s.grow(2.0);
    t + b.area()
}

#[test]
fn lending_blocks_of_copies_borrows_and_replacements_balance() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let (mut j, mut r) = (payload(), payload());
    let (jp, rp) = (j.as_mut_ptr().cast::<u8>(), r.as_mut_ptr().cast::<u8>());
    let n = 1000;
    let expected = {
        let mem = unsafe { rust::cast(rp) };
        use rust::Area;
        let mut t = 3.0 * mem.area();
        mem.grow(1.0);
        mem.grow(1.0);
        t += 2.0 * mem.area();
        let mut gens = 0;
        for i in 0..n {
            mem.grow(0.5);
            if i % 100 == 0 {
                gens += 1;
            }
        }
        // The `Vec` holds `gens` boxes of the memory and `gens` of area one.
        t += gens as f64 * (mem.area() + 1.0);
        t += mem.area();
        mem.grow(2.0);
        t + mem.area()
    };
    assert_eq!(lent_every_way(jp, n), expected);
    assert_eq!(read(&j), read(&r));
    assert!(balanced_since(&before));
    assert_no_leaks();
}
