//! Review of trait objects in jit code (issue 17): each probe written once and built twice
//! (`twins!`: a `#[jit]` fn over the classes, and rustc's build over `rust`'s structs),
//! with the memory runtime balanced after each, also after a panic.

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{jit, jitclass};

#[jit]
pub trait Fig {
    fn area(&self) -> f64;
    fn grow(&mut self, k: f64);
    fn twice(&self) -> f64 {
        self.area() * 2.0
    }
    fn bump(&mut self) -> f64 {
        self.grow(1.0);
        self.twice()
    }
}

#[jit]
pub trait Named {
    fn id(&self) -> i64;
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Fig for Disk {
    fn area(&self) -> f64 {
        assert!(self.r >= 0.0, "negative radius {}", self.r);
        3.0 * self.r * self.r
    }
    fn grow(&mut self, k: f64) {
        self.r += k;
    }
}

#[jitclass]
impl Named for Disk {
    fn id(&self) -> i64 {
        1
    }
}

#[jitclass]
pub struct Sq {
    side: f64,
}

#[jitclass]
impl Fig for Sq {
    fn area(&self) -> f64 {
        self.side * self.side
    }
    fn grow(&mut self, k: f64) {
        self.side *= k;
    }
    fn twice(&self) -> f64 {
        self.side * 4.0
    }
}

#[jitclass]
impl Named for Sq {
    fn id(&self) -> i64 {
        2
    }
}

/// A class with managed fields.
#[jitclass]
pub struct Bag {
    xs: Vec<f64>,
    name: String,
}

#[jitclass]
impl Fig for Bag {
    fn area(&self) -> f64 {
        let mut t = self.name.len() as f64;
        for x in &self.xs {
            t += *x;
        }
        t
    }
    fn grow(&mut self, k: f64) {
        self.xs.push(k);
        self.name.push('g');
    }
}

mod rust {
    pub trait Fig {
        fn area(&self) -> f64;
        fn grow(&mut self, k: f64);
        fn twice(&self) -> f64 {
            self.area() * 2.0
        }
        fn bump(&mut self) -> f64 {
            self.grow(1.0);
            self.twice()
        }
    }
    pub trait Named {
        fn id(&self) -> i64;
    }
    pub struct Disk {
        pub r: f64,
    }
    impl Fig for Disk {
        fn area(&self) -> f64 {
            assert!(self.r >= 0.0, "negative radius {}", self.r);
            3.0 * self.r * self.r
        }
        fn grow(&mut self, k: f64) {
            self.r += k;
        }
    }
    impl Named for Disk {
        fn id(&self) -> i64 {
            1
        }
    }
    pub struct Sq {
        pub side: f64,
    }
    impl Fig for Sq {
        fn area(&self) -> f64 {
            self.side * self.side
        }
        fn grow(&mut self, k: f64) {
            self.side *= k;
        }
        fn twice(&self) -> f64 {
            self.side * 4.0
        }
    }
    impl Named for Sq {
        fn id(&self) -> i64 {
            2
        }
    }
    pub struct Bag {
        pub xs: Vec<f64>,
        pub name: String,
    }
    impl Fig for Bag {
        fn area(&self) -> f64 {
            let mut t = self.name.len() as f64;
            for x in &self.xs {
                t += *x;
            }
            t
        }
        fn grow(&mut self, k: f64) {
            self.xs.push(k);
            self.name.push('g');
        }
    }
}

/// A parameter boxed, and changed through the box: the caller's other handle sees it.
#[jit]
fn box_param(c: Disk) -> f64 {
    let mut b: Box<dyn Fig> = Box::new(c);
    b.grow(2.0);
    b.area()
}

#[jit]
fn mk_sq(side: f64) -> Sq {
    Sq { side }
}

#[jit]
fn mk_disk(r: f64) -> Disk {
    Disk { r }
}

macro_rules! twins {
    (mod $m:ident; $($(#[$doc:meta])* fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty $body:block)*) => {
        $(
            $(#[$doc])*
            #[jit]
            fn $name($($p: $t),*) -> $r $body
        )*
        mod $m {
            #![allow(clippy::vec_init_then_push, clippy::needless_range_loop, unused_mut, unused_imports)]
            use super::rust::{Bag, Disk, Fig, Named, Sq};
            $(
                $(#[$doc])*
                pub fn $name($($p: $t),*) -> $r $body
            )*
        }
    };
}

mod more_probes;
mod probes;
mod self_lent;
