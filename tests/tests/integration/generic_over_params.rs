//! Generic classes over generic parameters, each program compared with rustc's build of
//! the same source: a generic `#[jit] fn` over an instantiation with its own parameter
//! (`fn size<T>(s: Bag<T>)`), a generic class's field that is another generic class over
//! its parameters (`first: Slot<T>`, `all: Vec<Slot<T>>`), a generic class named without
//! type arguments and inferred from its use (`Bag::new()`, `Pair { a: 1i64, b: 2.5 }`),
//! and, inside a generic impl, another instantiation written without arguments
//! (`Cmp { x: bool, .. }` in `impl<T> Cmp<T>`), from jit code and from Rust.

use crate::{assert_no_leaks, memory_test, panic_message};

/// The same source as jit code (`jitclass`, `jit`) and as plain Rust (`allow(dead_code)`;
/// the twin's classes derive `Clone`, as a class value is cloned as a counted reference).
macro_rules! program {
    ($class:meta, $jit:meta, $twin:meta) => {
        #[$class]
        #[$twin]
        pub struct Bag<T> {
            items: Vec<T>,
        }

        #[$class]
        impl<T: Copy> Bag<T> {
            pub fn new() -> Self {
                Bag { items: Vec::new() }
            }

            pub fn push(&mut self, x: T) {
                self.items.push(x);
            }

            pub fn len(&self) -> usize {
                self.items.len()
            }

            pub fn peek(&self) -> Option<T> {
                match self.items.last() {
                    Some(x) => Some(*x),
                    None => None,
                }
            }

            pub fn get(&self, i: usize) -> T {
                self.items[i]
            }
        }

        #[$jit]
        pub fn size<T: Copy>(s: Bag<T>) -> usize {
            s.len()
        }

        #[$jit]
        pub fn top<T: Copy>(s: Bag<T>) -> Option<T> {
            s.peek()
        }

        #[$jit]
        pub fn make<T: Copy>(x: T) -> Bag<T> {
            let mut s = Bag::<T>::new();
            s.push(x);
            s
        }

        #[$jit]
        pub fn fill<T: Copy>(mut s: Bag<T>, x: T, n: i64) -> Bag<T> {
            let mut i = 0;
            while i < n {
                s.push(x);
                i += 1;
            }
            s
        }

        /// Reads past the end after filling: rustc's index panic, mid-way through.
        #[$jit]
        pub fn past_the_end<T: Copy>(x: T, n: i64) -> T {
            let s = fill(make(x), x, n);
            let kept = make(x);
            let last = s.get(s.len());
            let _ = kept.len();
            last
        }

        /// The generic fns called from jit code: `T` inferred from the arguments.
        #[$jit]
        pub fn generic_fns_from_jit() -> i64 {
            let mut s = Bag::<i64>::new();
            s.push(3);
            s.push(4);
            let s = fill(s, 5, 2);
            let m = make(2.5_f64);
            let t = match top(s.clone()) {
                Some(x) => x,
                None => 0,
            };
            let f = match top(m.clone()) {
                Some(x) => x,
                None => 0.0,
            };
            size(s) as i64 * 1000 + t * 100 + size(m) as i64 * 10 + (f * 2.0) as i64
        }

        #[$class]
        #[$twin]
        pub struct Slot<T> {
            pub v: T,
        }

        #[$class]
        impl<T: Copy> Slot<T> {
            pub fn new(v: T) -> Self {
                Slot { v }
            }

            pub fn get(&self) -> T {
                self.v
            }
        }

        /// Fields that are another generic class over the parameter.
        #[$class]
        #[$twin]
        pub struct Shelf<T> {
            pub first: Slot<T>,
            pub all: Vec<Slot<T>>,
        }

        #[$class]
        impl<T: Copy> Shelf<T> {
            pub fn new(first: Slot<T>) -> Self {
                Shelf {
                    first,
                    all: Vec::new(),
                }
            }

            pub fn add(&mut self, v: T) {
                self.all.push(Slot::<T>::new(v));
            }

            /// `Slot` without arguments, inferred as `Slot<T>` from the push.
            pub fn add_inferred(&mut self, v: T) {
                self.all.push(Slot::new(v));
            }

            pub fn count(&self) -> usize {
                self.all.len() + 1
            }

            pub fn first_value(&self) -> T {
                self.first.get()
            }

            pub fn last_value(&self) -> T {
                if self.all.is_empty() {
                    self.first.get()
                } else {
                    self.all[self.all.len() - 1].get()
                }
            }

            pub fn slot(&self, i: usize) -> Slot<T> {
                Slot::<T>::new(self.all[i].get())
            }
        }

        #[$jit]
        pub fn shelves_from_jit() -> f64 {
            let mut s = Shelf::<f64>::new(Slot::<f64>::new(0.5));
            s.add(1.5);
            s.add_inferred(2.5);
            let mut i = Shelf::<i64>::new(Slot::<i64>::new(7));
            i.add(8);
            s.first_value()
                + s.last_value() * 10.0
                + s.count() as f64 * 100.0
                + (i.last_value() + i.first.get()) as f64 * 1000.0
        }

        /// A generic fn over a class whose field is another generic class.
        #[$jit]
        pub fn shelf_sum<T: Copy>(s: Shelf<T>) -> usize {
            s.all.len() + size(make(s.first.get()))
        }

        #[$class]
        #[$twin]
        pub struct Pair<A, B> {
            pub a: A,
            pub b: B,
        }

        #[$jit]
        pub fn takes_f64s(s: Bag<f64>) -> i64 {
            s.len() as i64
        }

        /// Generic classes named without type arguments, inferred from their use.
        #[$jit]
        pub fn inferred_from_use() -> i64 {
            let mut s = Bag::new();
            s.push(1_i64);
            s.push(2);
            let p = Pair { a: 10_i64, b: 2.5 };
            let t: Bag<f64> = Bag::new();
            let n = takes_f64s(Bag::new());
            let mut late = Bag::new();
            let size_before = late.len() as i64;
            late.push(true);
            let q = Pair {
                a: make(3_u8),
                b: Pair { a: 1_i8, b: false },
            };
            s.get(1) * 1000
                + p.a * 100
                + (p.b * 2.0) as i64
                + t.len() as i64
                + n
                + size_before
                + late.len() as i64 * 10
                + q.a.get(0) as i64 * 10000
                + q.b.a as i64 * 100000
        }

        /// A generic fn building a generic class without arguments from its parameter.
        #[$jit]
        pub fn pair_of<T: Copy>(x: T, y: T) -> Pair<T, Bag<T>> {
            let mut b = Bag::new();
            b.push(y);
            Pair { a: x, b }
        }

        #[$class]
        #[$twin]
        pub struct Cmp<T> {
            pub x: T,
            pub y: T,
        }

        #[$class]
        impl<T: Copy + PartialOrd> Cmp<T> {
            pub fn new(x: T, y: T) -> Self {
                Cmp { x, y }
            }

            /// Another instantiation, by a literal without arguments: `Cmp<bool>`.
            pub fn ordered(&self) -> Cmp<bool> {
                Cmp {
                    x: self.x < self.y,
                    y: self.y < self.x,
                }
            }

            /// Another instantiation, by its constructor without arguments.
            pub fn flags(&self) -> Cmp<bool> {
                Cmp::new(self.x < self.y, self.x == self.y)
            }

            /// `Self` is `Cmp<T>`.
            pub fn swapped(&self) -> Self {
                Self::new(self.y, self.x)
            }
        }

        #[$jit]
        pub fn other_instantiations_from_jit() -> i64 {
            let c = Cmp::new(1.5_f64, 0.5);
            let o = c.ordered();
            let f = c.swapped().flags();
            let n = Cmp::<i64>::new(2, 2).flags();
            o.x as i64 + o.y as i64 * 10 + f.x as i64 * 100 + f.y as i64 * 1000 + n.y as i64 * 10000
        }

        #[$class]
        #[$twin]
        pub struct Stack<T> {
            items: Vec<T>,
        }

        #[$class]
        impl<T> Stack<T> {
            pub fn new() -> Self {
                Stack { items: Vec::new() }
            }

            pub fn push(&mut self, x: T) {
                self.items.push(x);
            }

            pub fn len(&self) -> usize {
                self.items.len()
            }
        }

        /// Sizes of the stacks of a stack.
        #[$jit]
        pub fn inner_sizes<T>(s: Stack<Stack<T>>) -> usize {
            let mut n = 0;
            for inner in &s.items {
                n = n * 10 + inner.len();
            }
            n
        }

        /// Three levels: `Stack<Stack<Stack<i64>>>`.
        #[$jit]
        pub fn deep_from_jit() -> usize {
            let mut a = Stack::<i64>::new();
            a.push(1);
            a.push(2);
            let mut b = Stack::new();
            b.push(a);
            b.push(Stack::<i64>::new());
            let mut deep = Stack::<Stack<Stack<i64>>>::new();
            deep.push(b);
            deep.len() * 1000 + inner_sizes(deep.items[0].clone())
        }
    };
}

// Each `#[jit] fn`'s `dispatcher()` is there for tests that count compilations.
#[allow(dead_code)]
mod jitted {
    use jitclass::{jit, jitclass};
    program!(jitclass, jit, allow(dead_code));
}

#[allow(clippy::new_without_default, clippy::len_without_is_empty)]
mod native {
    program!(allow(dead_code), allow(dead_code), derive(Clone));
}

#[test]
fn generic_fns_over_an_instantiation_from_jit_code() {
    let _m = memory_test();
    assert_eq!(
        jitted::generic_fns_from_jit(),
        native::generic_fns_from_jit()
    );
    assert_no_leaks();
}

#[test]
fn generic_fns_over_an_instantiation_from_rust() {
    let _m = memory_test();
    {
        let mut j = jitted::Bag::<i64>::new();
        let mut n = native::Bag::<i64>::new();
        j.push(7);
        n.push(7);
        let j = jitted::fill(j, 9, 3);
        let n = native::fill(n, 9, 3);
        assert_eq!(jitted::size(j.clone()), native::size(n.clone()));
        assert_eq!(jitted::top(j.clone()), native::top(n.clone()));
        let (jb, nb) = (jitted::make(true), native::make(true));
        assert_eq!(
            (jitted::size(jb.clone()), jitted::top(jb)),
            (native::size(nb.clone()), native::top(nb))
        );
        let (jf, nf) = (jitted::make(1.5_f32), native::make(1.5_f32));
        assert_eq!(jitted::top(jf), native::top(nf));
        // One specialisation per instantiation it was called with (`Bag<i64>`, `Bag<bool>`).
        assert_eq!(jitted::size::dispatcher().compile_count(), 2);
    }
    assert_no_leaks();
}

#[test]
fn a_panic_mid_way_through_a_generic_fn_over_an_instantiation() {
    let _m = memory_test();
    let before = jitclass::stats();
    let jit = panic_message(|| jitted::past_the_end(1.5_f64, 2));
    let rust = panic_message(|| native::past_the_end(1.5_f64, 2));
    // Rust's message, then where in jit code.
    assert_eq!(jit.lines().next(), Some(rust.as_str()));
    assert!(jit.contains("(in jit fn `Bag::get`)"), "{jit}");
    assert!(crate::balanced_since(&before));
    assert_no_leaks();
}

#[test]
fn fields_of_another_generic_class_from_jit_code() {
    let _m = memory_test();
    assert_eq!(jitted::shelves_from_jit(), native::shelves_from_jit());
    assert_no_leaks();
}

#[test]
fn fields_of_another_generic_class_from_rust() {
    let _m = memory_test();
    {
        let mut j = jitted::Shelf::new(jitted::Slot::new(3_i32));
        let mut n = native::Shelf::new(native::Slot::new(3_i32));
        j.add(4);
        n.add(4);
        j.add_inferred(5);
        n.add_inferred(5);
        assert_eq!(j.count(), n.count());
        assert_eq!(j.first_value(), n.first_value());
        assert_eq!(j.last_value(), n.last_value());
        assert_eq!(j.slot(1).get(), n.slot(1).get());
        assert_eq!(j.first().v(), n.first.v);
        assert_eq!(j.all().len(), n.all.len());
        assert_eq!(jitted::shelf_sum(j.clone()), native::shelf_sum(n.clone()));
        // A slot taken from Rust is shared with the shelf, as a class value is.
        let first = j.first();
        first.set_v(30);
        assert_eq!(j.first_value(), 30);
    }
    assert_no_leaks();
}

#[test]
fn generic_classes_named_without_arguments_are_inferred() {
    let _m = memory_test();
    assert_eq!(jitted::inferred_from_use(), native::inferred_from_use());
    {
        let j = jitted::pair_of(1_u16, 2);
        let n = native::pair_of(1_u16, 2);
        assert_eq!((j.a(), j.b().get(0)), (n.a, n.b.get(0)));
    }
    assert_no_leaks();
}

#[test]
fn another_instantiation_without_arguments_in_a_generic_impl() {
    let _m = memory_test();
    assert_eq!(
        jitted::other_instantiations_from_jit(),
        native::other_instantiations_from_jit()
    );
    {
        let (j, n) = (jitted::Cmp::new(1_i64, 2), native::Cmp::new(1_i64, 2));
        let (jo, no) = (j.ordered(), n.ordered());
        assert_eq!((jo.x(), jo.y()), (no.x, no.y));
        let (jf, nf) = (j.flags(), n.flags());
        assert_eq!((jf.x(), jf.y()), (nf.x, nf.y));
    }
    assert_no_leaks();
}

#[test]
fn stacks_of_stacks() {
    let _m = memory_test();
    assert_eq!(jitted::deep_from_jit(), native::deep_from_jit());
    {
        let mut j = jitted::Stack::<jitted::Stack<u8>>::new();
        let mut n = native::Stack::<native::Stack<u8>>::new();
        let (mut ja, mut na) = (jitted::Stack::new(), native::Stack::new());
        ja.push(1_u8);
        na.push(1_u8);
        j.push(ja);
        n.push(na);
        j.push(jitted::Stack::new());
        n.push(native::Stack::new());
        assert_eq!(jitted::inner_sizes(j), native::inner_sizes(n));
    }
    assert_no_leaks();
}

/// A chain of links, each holding a slot (another generic class over the parameter) and
/// the next link: jit code's `Option<Chain<T>>` is a counted reference, rustc's twin boxes.
mod chains {
    use jitclass::{jit, jitclass};

    #[jitclass]
    pub struct Chain<T> {
        pub slot: super::jitted::Slot<T>,
        pub next: Option<Chain<T>>,
    }

    #[jitclass]
    impl<T: Copy> Chain<T> {
        pub fn new(v: T, next: Option<Chain<T>>) -> Self {
            Chain {
                slot: super::jitted::Slot::<T>::new(v),
                next,
            }
        }

        pub fn len(&self) -> usize {
            match self.next.clone() {
                Some(n) => 1 + n.len(),
                None => 1,
            }
        }

        pub fn last(&self) -> T {
            match self.next.clone() {
                Some(n) => n.last(),
                None => self.slot.get(),
            }
        }
    }

    #[jit]
    pub fn chain_from_jit() -> i64 {
        let c = Chain::new(1_i64, Some(Chain::new(2, Some(Chain::new(3, None)))));
        c.len() as i64 * 10 + c.last()
    }

    pub struct ChainRs<T> {
        pub slot: super::native::Slot<T>,
        pub next: Option<Box<ChainRs<T>>>,
    }

    impl<T: Copy> ChainRs<T> {
        pub fn new(v: T, next: Option<ChainRs<T>>) -> Self {
            ChainRs {
                slot: super::native::Slot::<T>::new(v),
                next: next.map(Box::new),
            }
        }

        pub fn len(&self) -> usize {
            match &self.next {
                Some(n) => 1 + n.len(),
                None => 1,
            }
        }

        pub fn last(&self) -> T {
            match &self.next {
                Some(n) => n.last(),
                None => self.slot.get(),
            }
        }
    }

    pub fn chain_rust() -> i64 {
        let c = ChainRs::new(1_i64, Some(ChainRs::new(2, Some(ChainRs::new(3, None)))));
        c.len() as i64 * 10 + c.last()
    }
}

#[test]
fn a_recursive_class_whose_field_is_another_generic_class() {
    let _m = memory_test();
    assert_eq!(chains::chain_from_jit(), chains::chain_rust());
    {
        let j = chains::Chain::new(0.5_f32, Some(chains::Chain::new(1.5, None)));
        let n = chains::ChainRs::new(0.5_f32, Some(chains::ChainRs::new(1.5, None)));
        assert_eq!((j.len(), j.last()), (n.len(), n.last()));
        assert_eq!(j.slot().get(), n.slot.get());
    }
    assert_no_leaks();
}

/// Polymorphic recursion through a generic class: each instance calls the next with the
/// class over its own parameter (rustc stops such programs at its recursion limit).
mod polymorphic {
    use jitclass::jit;

    #[jit]
    pub fn nest<T>(n: i64, s: super::jitted::Stack<T>) -> i64 {
        if n == 0 {
            s.len() as i64
        } else {
            nest(
                n - 1,
                super::jitted::Stack::<super::jitted::Stack<T>>::new(),
            ) + 1
        }
    }

    /// Each instance doubles its type: `Pair<T, T>` for `T`.
    #[jit]
    pub fn double<T>(n: i64, s: super::jitted::Stack<T>) -> i64 {
        if n == 0 {
            s.len() as i64
        } else {
            double(
                n - 1,
                super::jitted::Stack::<super::jitted::Pair<T, T>>::new(),
            ) + 1
        }
    }
}

#[test]
fn polymorphic_recursion_through_a_generic_class_stops_at_the_limit() {
    let _m = memory_test();
    let before = jitclass::stats();
    let message = panic_message(|| polymorphic::nest(3, jitted::Stack::<i64>::new()));
    assert!(
        message.contains("reached the recursion limit while instantiating `nest::<Stack<Stack<"),
        "{message}"
    );
    assert_eq!(polymorphic::nest::dispatcher().compile_count(), 0);
    let message = panic_message(|| polymorphic::double(3, jitted::Stack::<i64>::new()));
    assert!(
        message.contains("reached the type-length limit while instantiating"),
        "{message}"
    );
    assert!(message.contains("ever-growing types"), "{message}");
    assert_eq!(polymorphic::double::dispatcher().compile_count(), 0);
    assert!(crate::balanced_since(&before));
    assert_no_leaks();
}
