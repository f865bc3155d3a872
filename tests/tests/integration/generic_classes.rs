//! Generic classes (`#[jitclass] struct Stack<T>`, `#[jitclass] impl<T> Stack<T>`): each
//! instantiation is its own class with its own payload layout, compiled at first use;
//! compared with rustc's build of the same impl on a plain generic struct.

use crate::{assert_no_leaks, memory_test};
use jitclass::{JitClass, jitclass};

#[jitclass]
pub struct Stack<T> {
    items: Vec<T>,
    top: Option<T>,
    pushes: i64,
}

/// A plain struct with the same fields and method bodies, for rustc's answers.
pub struct StackRs<T> {
    items: Vec<T>,
    top: Option<T>,
    pushes: i64,
}

/// The same impl block on the class and on the plain struct.
macro_rules! stack_impl {
    ($($attr:meta)?; $ty:ident) => {
        $(#[$attr])?
        impl<T: Copy> $ty<T> {
            pub fn new() -> Self {
                $ty { items: Vec::new(), top: None, pushes: 0 }
            }

            pub fn push(&mut self, x: T) {
                self.items.push(x);
                self.top = Some(x);
                self.pushes += 1;
            }

            pub fn pop(&mut self) -> Option<T> {
                let last = self.items.pop();
                self.top = match self.items.last() {
                    Some(t) => Some(*t),
                    None => None,
                };
                last
            }

            pub fn len(&self) -> usize {
                self.items.len()
            }

            pub fn peek(&self) -> Option<T> {
                self.top
            }

            pub fn pushed_twice(&mut self, x: T) -> usize {
                self.push(x);
                self.push(x);
                self.len()
            }
        }
    };
}

stack_impl!(jitclass; Stack);
stack_impl!(; StackRs);

#[test]
fn a_generic_class_is_used_from_rust_as_rustc_builds_it() {
    let _m = memory_test();
    {
        let mut s = Stack::<f64>::new();
        let mut r = StackRs::<f64>::new();
        s.push(1.5);
        r.push(1.5);
        assert_eq!(s.pushed_twice(2.5), r.pushed_twice(2.5));
        assert_eq!(s.peek(), r.peek());
        assert_eq!(s.pop(), r.pop());
        assert_eq!(s.len(), r.len());
        assert_eq!(s.pushes(), r.pushes);
        assert_eq!(s.items(), r.items);
        assert_eq!(s.top(), r.top);
    }
    assert_no_leaks();
}

#[test]
fn inference_picks_the_instantiation_as_rustc_does() {
    let _m = memory_test();
    {
        let mut s = Stack::new();
        s.push(7_i8);
        s.push(-3);
        let mut r = StackRs::new();
        r.push(7_i8);
        r.push(-3);
        assert_eq!(s.pop(), r.pop());
        assert_eq!(s.pop(), r.pop());
        assert_eq!(s.pop(), r.pop());
        assert_eq!(s.pop(), None);
    }
    assert_no_leaks();
}

#[test]
fn each_instantiation_is_its_own_class_with_its_own_layout() {
    let _m = memory_test();
    let f = Stack::<f64>::class_info();
    let b = Stack::<bool>::class_info();
    assert!(!std::ptr::eq(f, b));
    assert!(std::ptr::eq(f, Stack::<f64>::class_info()));
    assert_eq!(
        jitclass::sizeof::<Stack<f64>>(),
        std::mem::size_of::<jitclass::Payload<Stack<f64>>>()
    );
    assert_ne!(
        std::mem::size_of::<jitclass::Payload<Stack<f64>>>(),
        std::mem::size_of::<jitclass::Payload<Stack<bool>>>()
    );
    let layouts = b.field_layouts().expect("the fields decode");
    assert_eq!(layouts[1].offset, std::mem::offset_of!(jitclass::Payload<Stack<bool>>, top));
    assert_eq!(layouts[2].offset, std::mem::offset_of!(jitclass::Payload<Stack<bool>>, pushes));
    {
        let mut s = Stack::<bool>::new();
        s.push(true);
        assert_eq!(s.pop(), Some(true));
        assert_eq!(format!("{:?}", Stack::<i64>::new()).split(' ').next(), Some("Stack"));
    }
    assert_no_leaks();
}
