//! The valid neighbours of what generic bodies refuse as rustc does: a `&mut self` trait
//! method through `&mut S` / a loop over `&mut [S]`, and a `&S` stored or returned as
//! `s.clone()`, each compared with the same code built as plain Rust.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jit]
pub trait Bumps {
    fn bump(&mut self, by: i64);
    fn count(&self) -> i64;
}

#[jitclass]
pub struct Clicks {
    n: i64,
}

#[jitclass]
impl Clicks {
    pub fn new(n: i64) -> Clicks {
        Clicks { n }
    }
}

#[jitclass]
impl Bumps for Clicks {
    fn bump(&mut self, by: i64) {
        self.n += by;
    }
    fn count(&self) -> i64 {
        self.n
    }
}

#[jit]
fn bump_each<C: Bumps>(xs: &mut [C]) {
    for x in xs {
        x.bump(2);
    }
}

#[jit]
fn bump_one<S: Bumps>(s: &mut S) -> i64 {
    s.bump(5);
    s.count()
}

#[jit]
fn push_copy<S: Bumps + Clone>(v: &mut Vec<S>, s: &S) -> usize {
    v.push(s.clone());
    v.len()
}

#[jit]
fn copy_of<S: Bumps + Clone>(s: &S) -> S {
    s.clone()
}

#[jit]
fn run_receivers(k: i64) -> i64 {
    let mut v = vec![Clicks::new(k), Clicks::new(10)];
    bump_each(&mut v);
    let mut one = Clicks::new(1);
    let after = bump_one(&mut one);
    let len = push_copy(&mut v, &one) as i64;
    let copy = copy_of(&one);
    v[0].count() * 1000 + v[1].count() * 100 + after * 10 + len + copy.count()
}

/// The same program as plain Rust, where a class is a struct whose copy is shared, as a
/// jitclass instance is (its `clone` is another reference to it).
mod plain {
    use std::cell::Cell;
    use std::rc::Rc;

    pub trait Bumps {
        fn bump(&mut self, by: i64);
        fn count(&self) -> i64;
    }

    #[derive(Clone)]
    pub struct Clicks {
        n: Rc<Cell<i64>>,
    }

    impl Clicks {
        pub fn new(n: i64) -> Clicks {
            Clicks {
                n: Rc::new(Cell::new(n)),
            }
        }
    }

    impl Bumps for Clicks {
        fn bump(&mut self, by: i64) {
            self.n.set(self.n.get() + by);
        }
        fn count(&self) -> i64 {
            self.n.get()
        }
    }

    fn bump_each<C: Bumps>(xs: &mut [C]) {
        for x in xs {
            x.bump(2);
        }
    }

    fn bump_one<S: Bumps>(s: &mut S) -> i64 {
        s.bump(5);
        s.count()
    }

    fn push_copy<S: Bumps + Clone>(v: &mut Vec<S>, s: &S) -> usize {
        v.push(s.clone());
        v.len()
    }

    fn copy_of<S: Bumps + Clone>(s: &S) -> S {
        s.clone()
    }

    pub fn run_receivers(k: i64) -> i64 {
        let mut v = vec![Clicks::new(k), Clicks::new(10)];
        bump_each(&mut v);
        let mut one = Clicks::new(1);
        let after = bump_one(&mut one);
        let len = push_copy(&mut v, &one) as i64;
        let copy = copy_of(&one);
        v[0].count() * 1000 + v[1].count() * 100 + after * 10 + len + copy.count()
    }
}

#[test]
fn mut_receivers_and_clones_of_ref_params_run_as_rust() {
    let _memory = memory_test();
    for k in [0, 3, -4] {
        assert_eq!(run_receivers(k), plain::run_receivers(k));
    }
    assert_no_leaks();
}

/// From Rust: the generic fns over class handles change and copy the caller's instances.
#[test]
fn generic_mut_receivers_from_rust() {
    let _memory = memory_test();
    {
        let mut v = vec![Clicks::new(1), Clicks::new(2)];
        bump_each(&mut v);
        assert_eq!((v[0].count(), v[1].count()), (3, 4));
        let mut one = Clicks::new(7);
        assert_eq!(bump_one(&mut one), 12);
        assert_eq!(push_copy(&mut v, &one), 3);
        assert_eq!(copy_of(&one).count(), 12);
    }
    assert_no_leaks();
}
