//! Review of issue 17's generic classes: probes from the public API, each compared with
//! rustc's build of the same code on a plain generic struct.

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::{JitClass, Payload, jit, jitclass};
use std::collections::HashMap;

#[jitclass]
pub struct Box1<T> {
    pub item: T,
    pub items: Vec<T>,
}

#[jitclass]
impl<T> Box1<T> {
    pub fn new(item: T) -> Self {
        Box1 {
            item,
            items: Vec::new(),
        }
    }

    pub fn keep(&mut self, x: T) {
        self.items.push(x);
    }

    pub fn count(&self) -> usize {
        self.items.len()
    }

    pub fn swap_item(&mut self, x: T) -> T {
        let old = self.items.pop();
        self.items.push(x);
        match old {
            Some(o) => o,
            None => panic!("empty"),
        }
    }
}

#[jitclass]
pub struct Pt {
    pub x: f64,
}

#[jitclass]
impl Pt {
    pub fn new(x: f64) -> Pt {
        Pt { x }
    }
}

#[test]
fn ok_string_as_type_argument() {
    let _m = memory_test();
    {
        let mut b = Box1::new(String::from("a"));
        b.keep("b".to_string());
        b.keep("c".to_string());
        assert_eq!(b.count(), 2);
        assert_eq!(b.item(), "a");
        assert_eq!(b.items(), vec!["b".to_string(), "c".to_string()]);
        b.set_item("z".to_string());
        assert_eq!(b.item(), "z");
        assert_eq!(b.swap_item("y".into()), "c");
    }
    assert_no_leaks();
}

#[test]
fn ok_map_and_vec_as_type_argument() {
    let _m = memory_test();
    {
        let mut m = HashMap::new();
        m.insert(1_i64, 2_i64);
        let mut b = Box1::new(m.clone());
        b.keep(HashMap::new());
        assert_eq!(b.item(), m);
        let mut v = Box1::new(vec![1_u8, 2]);
        v.keep(vec![3]);
        assert_eq!(v.items(), vec![vec![3_u8]]);
    }
    assert_no_leaks();
}

#[test]
fn ok_class_arguments_are_dropped() {
    let _m = memory_test();
    {
        let p = Pt::new(1.0);
        let mut b = Box1::new(p.clone());
        b.keep(Pt::new(2.0));
        b.keep(p.clone());
        assert_eq!(Pt::strong_count(&p), Some(3));
        let old = b.swap_item(Pt::new(3.0));
        assert_eq!(old.x(), 1.0);
        drop(old);
        assert_eq!(Pt::strong_count(&p), Some(2));
        b.set_item(Pt::new(4.0));
        assert_eq!(b.item().x(), 4.0);
        drop(b);
        assert_eq!(Pt::strong_count(&p), Some(1));
    }
    assert_no_leaks();
}

#[test]
fn ok_nested_instantiations() {
    let _m = memory_test();
    {
        let inner = Box1::new(5_i64);
        let mut outer = Box1::new(inner.clone());
        outer.keep(Box1::new(6));
        assert_eq!(outer.item().item(), 5);
        assert_eq!(outer.items()[0].item(), 6);
        let mut deep = Box1::new(Box1::new(Box1::new(String::from("x"))));
        deep.keep(Box1::new(Box1::new("y".into())));
        assert_eq!(deep.item().item().item(), "x");
        let pair = PairG::new(Box1::new(1_i8), String::from("s"));
        assert_eq!(pair.a().item(), 1);
        assert_eq!(pair.b(), "s");
    }
    assert_no_leaks();
}

#[jitclass]
pub struct PairG<A, B> {
    pub a: A,
    pub b: B,
}

#[jitclass]
impl<A, B> PairG<A, B> {
    pub fn new(a: A, b: B) -> Self {
        PairG { a, b }
    }
}

#[test]
fn ok_layouts_against_rustc() {
    macro_rules! same {
        ($a:ty, $b:ty) => {
            assert_eq!(
                jitclass::sizeof::<PairG<$a, $b>>(),
                std::mem::size_of::<Payload<PairG<$a, $b>>>(),
                "{}",
                stringify!(PairG<$a, $b>)
            );
            assert_eq!(
                jitclass::alignof::<PairG<$a, $b>>(),
                std::mem::align_of::<Payload<PairG<$a, $b>>>(),
                "{}",
                stringify!(PairG<$a, $b>)
            );
        };
    }
    same!(i8, String);
    same!(bool, Vec<i64>);
    same!((i8, i64), Option<i32>);
    same!(Option<u8>, char);
    same!([i16; 3], u64);
    same!(Pt, i8);
    same!(Option<Pt>, Option<f64>);
    same!(i8, Box1<i8>);
    same!(i8, HashMap<i64, i64>);
    same!((), i8);
    same!(Option<bool>, (bool, u8));
}

#[jit]
fn nested_in_jit(n: i64) -> i64 {
    let mut outer = Box1::<Box1<i64>>::new(Box1::<i64>::new(n));
    outer.keep(Box1::<i64>::new(n * 2));
    let mut total = outer.item.item;
    for b in outer.items.iter() {
        total += b.item;
    }
    total
}

#[test]
fn ok_nested_in_jit_code() {
    let _m = memory_test();
    assert_eq!(nested_in_jit(4), 12);
    assert_no_leaks();
}

mod one {
    use jitclass::jitclass;

    #[jitclass]
    pub struct Cell<T> {
        pub v: T,
    }

    #[jitclass]
    impl<T> Cell<T> {
        pub fn new(v: T) -> Self {
            Cell { v }
        }

        pub fn tag(&self) -> i64 {
            1
        }
    }
}

mod two {
    use jitclass::jitclass;

    #[jitclass]
    pub struct Cell<T> {
        pub v: T,
        pub w: T,
    }

    #[jitclass]
    impl<T> Cell<T> {
        pub fn new(v: T) -> Self {
            Cell { v, w: v }
        }

        pub fn tag(&self) -> i64 {
            2
        }
    }
}

#[test]
fn ok_same_name_in_two_modules() {
    let _m = memory_test();
    {
        let a = one::Cell::new(1_i64);
        let b = two::Cell::new(1_i64);
        assert_eq!(a.tag(), 1);
        assert_eq!(b.tag(), 2);
        assert_eq!(b.w(), 1);
        assert!(!std::ptr::eq(
            one::Cell::<i64>::class_info(),
            two::Cell::<i64>::class_info()
        ));
    }
    assert_no_leaks();
}

#[test]
fn ok_first_use_from_two_threads() {
    let _m = memory_test();
    std::thread::scope(|s| {
        let hs: Vec<_> = (0..4)
            .map(|i| {
                s.spawn(move || {
                    let mut b = Box1::new(i as u16);
                    b.keep(3);
                    (
                        b.count(),
                        b.item(),
                        Box1::<u16>::class_info() as *const _ as usize,
                    )
                })
            })
            .collect();
        let rs: Vec<_> = hs.into_iter().map(|h| h.join().unwrap()).collect();
        for (i, r) in rs.iter().enumerate() {
            assert_eq!((r.0, r.1), (1, i as u16));
            assert_eq!(r.2, rs[0].2);
        }
    });
    assert_no_leaks();
}

#[jitclass]
pub struct Lst<T> {
    pub value: T,
    pub next: Option<Lst<T>>,
}

#[jitclass]
impl<T> Lst<T> {
    pub fn new(value: T, next: Option<Lst<T>>) -> Self {
        Lst { value, next }
    }
}

#[jit]
fn long_list(n: i64) -> Lst<i64> {
    let mut l = Lst::<i64>::new(0, None);
    for i in 1..n {
        l = Lst::<i64>::new(i, Some(l));
    }
    l
}

#[test]
fn ok_long_list_drop() {
    let _m = memory_test();
    {
        let l = long_list(100_000);
        assert_eq!(l.value(), 99_999);
    }
    assert_no_leaks();
}

#[jitclass]
pub struct Maxer<T> {
    pub a: T,
    pub b: T,
}

#[jitclass]
impl<T> Maxer<T> {
    pub fn new(a: T, b: T) -> Self {
        Maxer { a, b }
    }

    pub fn bigger(&self) -> bool {
        self.a > self.b
    }
}

#[test]
fn ok_unbounded_compare_of_class_argument() {
    let _m = memory_test();
    {
        let m = Maxer::new(Pt::new(1.0), Pt::new(2.0));
        let message = panic_message(|| m.bigger());
        assert!(message.contains("T = Pt"), "{message}");
        assert!(Maxer::new(String::from("b"), "a".into()).bigger());
    }
    assert_no_leaks();
}

#[test]
fn ok_panic_during_first_compile_then_use() {
    let _m = memory_test();
    {
        let m = Maxer::new(vec![Pt::new(1.0)], vec![]);
        let _ = panic_message(|| m.bigger());
        let _ = panic_message(|| m.bigger());
        assert_eq!(m.a().len(), 1);
    }
    assert_no_leaks();
}

#[test]
fn ok_debug_of_instantiation() {
    let _m = memory_test();
    {
        let p = PairG::new(String::from("q\""), Some(1_i8));
        let s = format!("{p:?}");
        assert!(s.contains("\"q\\\"\""), "{s}");
        assert!(s.contains("Some(1)"), "{s}");
    }
    assert_no_leaks();
}

#[test]
fn ok_same_named_classes_as_arguments() {
    let _m = memory_test();
    {
        let mut a = Box1::new(one::Cell::new(1_i64));
        let mut b = Box1::new(two::Cell::new(2_i64));
        a.keep(one::Cell::new(3));
        b.keep(two::Cell::new(4));
        assert_eq!((a.count(), b.count()), (1, 1));
        assert_eq!(a.item().tag(), 1);
        assert_eq!(b.item().w(), 2);
        assert_eq!(b.items()[0].w(), 4);
        assert!(!std::ptr::eq(
            Box1::<one::Cell<i64>>::class_info(),
            Box1::<two::Cell<i64>>::class_info()
        ));
    }
    assert_no_leaks();
}

// A method of an impl with an unbounded parameter that calls another impl's bounded
// method (E0599) or moves `self.v: T` out of `&self` (E0507) is refused at build time, as
// rustc refuses it: the body uses no value of `T` but as a whole value, so rustc checks
// it (`tests/ui/generic_classes/unbounded_impl_bounded_method_and_move_out.rs`).

#[jitclass]
pub struct Boom<T> {
    pub items: Vec<T>,
}

#[jitclass]
impl<T> Boom<T> {
    pub fn new() -> Self {
        Boom { items: Vec::new() }
    }

    pub fn push_then_panic(&mut self, x: T, y: T) -> usize {
        let mut local = Vec::new();
        local.push(y);
        self.items.push(x);
        if self.items.len() > 0 {
            panic!("boom {}", local.len());
        }
        local.len()
    }
}

#[test]
fn ok_panic_in_generic_method_releases_locals() {
    let _m = memory_test();
    {
        let mut b = Boom::<Pt>::new();
        let message = panic_message(|| b.push_then_panic(Pt::new(1.0), Pt::new(2.0)));
        assert!(message.starts_with("boom 1"), "{message}");
        assert_eq!(b.items().len(), 1);
        let mut s = Boom::<Option<String>>::new();
        let message = panic_message(|| s.push_then_panic(Some("a".into()), None));
        assert!(message.starts_with("boom 1"), "{message}");
    }
    assert_no_leaks();
}
