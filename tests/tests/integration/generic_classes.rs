//! Generic classes (`#[jitclass] struct Stack<T>`, `#[jitclass] impl<T> Stack<T>`): each
//! instantiation is its own class with its own payload layout, compiled at first use;
//! compared with rustc's build of the same impl on a plain generic struct.

use crate::{assert_no_leaks, memory_test};
use jitclass::{JitClass, jit, jitclass};

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
    assert_eq!(
        layouts[1].offset,
        std::mem::offset_of!(jitclass::Payload<Stack<bool>>, top)
    );
    assert_eq!(
        layouts[2].offset,
        std::mem::offset_of!(jitclass::Payload<Stack<bool>>, pushes)
    );
    {
        let mut s = Stack::<bool>::new();
        s.push(true);
        assert_eq!(s.pop(), Some(true));
        assert_eq!(
            format!("{:?}", Stack::<i64>::new()).split(' ').next(),
            Some("Stack")
        );
    }
    assert_no_leaks();
}

#[jitclass]
pub struct Pair<A, B> {
    pub first: A,
    pub second: B,
}

pub struct PairRs<A, B> {
    pub first: A,
    pub second: B,
}

macro_rules! pair_impl {
    ($($attr:meta)?; $ty:ident) => {
        $(#[$attr])?
        impl<A: Copy, B: Copy> $ty<A, B> {
            pub fn new(first: A, second: B) -> Self {
                $ty { first, second }
            }

            pub fn swapped(&self) -> (B, A) {
                (self.second, self.first)
            }

            pub fn set_both(&mut self, first: A, second: B) {
                self.first = first;
                self.second = second;
            }
        }
    };
}

pair_impl!(jitclass; Pair);
pair_impl!(; PairRs);

#[test]
fn several_parameters_each_instantiation_laid_out_as_rustc_does() {
    let _m = memory_test();
    {
        let mut p = Pair::new(-5_i8, 2.25_f64);
        let mut r = PairRs::new(-5_i8, 2.25_f64);
        assert_eq!(p.swapped(), r.swapped());
        p.set_both(9, 0.5);
        r.set_both(9, 0.5);
        assert_eq!((p.first(), p.second()), (r.first, r.second));
        let q = Pair::<f64, i8>::new(1.0, 1);
        assert_eq!(q.swapped(), (1, 1.0));
        assert_eq!(
            jitclass::sizeof::<Pair<i8, f64>>(),
            std::mem::size_of::<PairRsRepr<i8, f64>>()
        );
        assert_eq!(jitclass::sizeof::<Pair<i8, f64>>(), 16);
        assert_eq!(jitclass::sizeof::<Pair<i8, i8>>(), 2);
        assert_eq!(jitclass::alignof::<Pair<i8, i16>>(), 2);
    }
    assert_no_leaks();
}

/// What rustc lays out for the same fields in C order.
#[repr(C)]
pub struct PairRsRepr<A, B> {
    first: A,
    second: B,
}

#[jitclass]
pub struct Node<T> {
    pub value: T,
    pub next: Option<Node<T>>,
}

#[jitclass]
impl<T: Copy> Node<T> {
    pub fn leaf(value: T) -> Self {
        Node { value, next: None }
    }

    pub fn cons(value: T, next: Node<T>) -> Self {
        Node {
            value,
            next: Some(next),
        }
    }

    pub fn len(&self) -> usize {
        match self.next.clone() {
            Some(n) => 1 + n.len(),
            None => 1,
        }
    }

    pub fn last(&self) -> T {
        let mut cur = self.next.clone();
        let mut value = self.value;
        while let Some(node) = cur {
            value = node.value;
            cur = node.next.clone();
        }
        value
    }
}

#[test]
fn a_generic_class_recurses_through_option_of_itself() {
    let _m = memory_test();
    {
        let list = Node::cons(1_i64, Node::cons(2, Node::leaf(3)));
        assert_eq!(list.len(), 3);
        assert_eq!(list.last(), 3);
        let next = list.next().expect("a next node");
        assert_eq!(next.value(), 2);
        let f = Node::cons(0.5_f32, Node::leaf(1.5));
        assert_eq!((f.len(), f.last()), (2, 1.5));
    }
    assert_no_leaks();
}

#[jitclass]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[test]
fn a_class_is_a_type_argument() {
    let _m = memory_test();
    {
        let mut s = Bag::<Point>::new();
        let p = Point::new(1.0, 2.0);
        s.put(p.clone());
        s.put(Point::new(3.0, 4.0));
        assert_eq!(s.len(), 2);
        let top = s.take().expect("a point");
        assert_eq!((top.x(), top.y()), (3.0, 4.0));
        // `p` here, and in the bag's vector.
        assert_eq!(Point::strong_count(&p), Some(2));
    }
    assert_no_leaks();
}

#[jitclass]
impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// A generic class over values that are not `Copy` (instances): moved in, moved out.
#[jitclass]
pub struct Bag<T> {
    items: Vec<T>,
}

#[jitclass]
impl<T> Bag<T> {
    pub fn new() -> Self {
        Bag { items: Vec::new() }
    }

    pub fn put(&mut self, x: T) {
        self.items.push(x);
    }

    pub fn take(&mut self) -> Option<T> {
        self.items.pop()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }
}

/// Bodies are typed per instantiation, as a generic `#[jit] fn`'s are (no bounds needed
/// for what the instantiation's types support).
#[jitclass]
pub struct Sum2<T> {
    a: T,
    b: T,
}

#[jitclass]
impl<T> Sum2<T> {
    pub fn new(a: T, b: T) -> Self {
        Sum2 { a, b }
    }

    pub fn total(&self) -> T {
        self.a + self.b
    }
}

#[test]
fn a_body_is_typed_per_instantiation_and_refused_for_types_it_does_not_fit() {
    let _m = memory_test();
    {
        assert_eq!(Sum2::new(2_u8, 3).total(), 5);
        assert_eq!(Sum2::new(0.25, 0.5).total(), 0.75);
        let s = Sum2::new(true, false);
        let message = crate::panic_message(|| s.total());
        assert!(message.contains("bool"), "{message}");
        assert!(message.contains("T = bool"), "{message}");
    }
    assert_no_leaks();
}

#[test]
fn a_panic_in_a_generic_method_releases_what_it_held() {
    let _m = memory_test();
    {
        let mut s = Bag::<Point>::new();
        s.put(Point::new(1.0, 1.0));
        let message = crate::panic_message(|| Div2::new(i64::MIN, -1).quotient());
        assert!(
            message.starts_with("attempt to divide with overflow"),
            "{message}"
        );
        assert_eq!(s.len(), 1);
    }
    assert_no_leaks();
}

#[jitclass]
pub struct Div2<T> {
    a: T,
    b: T,
}

#[jitclass]
impl<T> Div2<T> {
    pub fn new(a: T, b: T) -> Self {
        Div2 { a, b }
    }

    pub fn quotient(&self) -> T {
        self.a / self.b
    }
}

/// Jit code names instantiations: in signatures, locals, `Class::<T>::f` calls and as
/// another class's field.
#[jit]
fn filled(n: i64) -> Stack<i64> {
    let mut s = Stack::<i64>::new();
    for i in 0..n {
        s.push(i * i);
    }
    s
}

#[jit]
fn drained(mut s: Stack<i64>) -> i64 {
    let mut total = 0;
    while let Some(x) = s.pop() {
        total += x;
    }
    total
}

fn filled_rs(n: i64) -> StackRs<i64> {
    let mut s = StackRs::<i64>::new();
    for i in 0..n {
        s.push(i * i);
    }
    s
}

fn drained_rs(s: &mut StackRs<i64>) -> i64 {
    let mut total = 0;
    while let Some(x) = s.pop() {
        total += x;
    }
    total
}

#[jitclass]
pub struct History {
    pub values: Stack<f64>,
    pub labels: Pair<i8, f64>,
}

#[jitclass]
impl History {
    pub fn new() -> History {
        History {
            values: Stack::<f64>::new(),
            labels: Pair::<i8, f64>::new(1, 0.5),
        }
    }

    pub fn record(&mut self, x: f64) -> usize {
        self.values.push(x * self.labels.second);
        self.values.len()
    }
}

#[test]
fn jit_code_names_instantiations() {
    let _m = memory_test();
    {
        let s = filled(5);
        let mut r = filled_rs(5);
        assert_eq!(s.len(), r.len());
        assert_eq!(drained(s.clone()), drained_rs(&mut r));
        assert_eq!(s.len(), 0);
        let mut h = History::new();
        assert_eq!(h.record(4.0), 1);
        assert_eq!(h.record(2.0), 2);
        let mut values = h.values();
        assert_eq!(values.pop(), Some(1.0));
        assert_eq!(h.labels().first(), 1);
        let layouts = History::class_info().field_layouts().expect("decodes");
        assert_eq!(layouts[0].ty, Stack::<f64>::class_info().jit_type());
    }
    assert_no_leaks();
}
