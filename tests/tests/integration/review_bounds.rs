//! Review of bounded type parameters (issue 17, bounds review): method resolution on
//! values of a bounded parameter, bounds by trait identity, the build-time E0277 of a
//! middle layer, each compared with rustc's build of the same code, memory balanced.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

// ---- Bounds on std's derivable traits (a trait and a derive macro of one name). ----

#[jit]
fn bigger_copy<T: Copy + PartialOrd>(a: T, b: T) -> T {
    if a > b { a } else { b }
}

#[jit]
fn bigger_where<T>(a: T, b: T) -> T
where
    T: PartialOrd + Copy,
{
    if a < b { b } else { a }
}

#[jit]
fn bigger_in_jit(a: i64, b: f64) -> f64 {
    bigger_copy(a, 3) as f64 + bigger_where(b, 0.5)
}

#[test]
fn std_trait_bounds_on_numbers() {
    let _m = memory_test();
    assert_eq!(bigger_copy(2i64, 5), 5);
    assert_eq!(bigger_copy(2.5f64, 1.0), 2.5);
    assert_eq!(bigger_where(7i64, 5), 7);
    assert_eq!(bigger_in_jit(4, 0.25), 4.5);
    assert_no_leaks();
}

// ---- A renamed bound, a bound through a module path, an inherent twin. ----

pub mod shapes {
    use jitclass::jit;
    #[jit]
    pub trait Shape {
        fn area(&self) -> i64;
        fn twice(&self) -> i64 {
            self.area() * 2
        }
    }
}

use shapes::Shape as Form;

#[jitclass]
pub struct Tile {
    s: i64,
}

#[jitclass]
impl Tile {
    pub fn make(s: i64) -> Tile {
        Tile { s }
    }
    pub fn area(&self) -> i64 {
        -1
    }
    pub fn twice(&self) -> i64 {
        -2
    }
}

#[jitclass]
impl Form for Tile {
    fn area(&self) -> i64 {
        self.s * self.s
    }
}

#[jit]
fn area_renamed<S: Form>(s: S) -> i64 {
    s.area() + s.twice() * 10
}

#[jit]
fn area_by_module_path<S: shapes::Shape>(xs: &[S]) -> i64 {
    let mut t = 0;
    for x in xs {
        t += x.area();
    }
    t + xs[0].twice() * 100
}

#[jit]
fn area_of_vec<S: Form>(v: Vec<S>) -> i64 {
    let mut t = 0;
    for x in v.iter() {
        t += x.area();
    }
    for x in &v {
        t += x.twice() * 10;
    }
    t
}

#[jit]
fn area_renamed_in_jit(k: i64) -> i64 {
    let tiles = vec![Tile::make(k), Tile::make(k + 1)];
    area_renamed(Tile::make(k)) + area_by_module_path(&tiles) * 1000
}

mod rust_tile {
    pub trait Shape {
        fn area(&self) -> i64;
        fn twice(&self) -> i64 {
            self.area() * 2
        }
    }
    pub struct Tile {
        pub s: i64,
    }
    #[allow(dead_code)]
    impl Tile {
        pub fn area(&self) -> i64 {
            -1
        }
        pub fn twice(&self) -> i64 {
            -2
        }
    }
    impl Shape for Tile {
        fn area(&self) -> i64 {
            self.s * self.s
        }
    }
    pub fn area_renamed<S: Shape>(s: S) -> i64 {
        s.area() + s.twice() * 10
    }
    pub fn area_by_module_path<S: Shape>(xs: &[S]) -> i64 {
        let mut t = 0;
        for x in xs {
            t += x.area();
        }
        t + xs[0].twice() * 100
    }
    pub fn area_of_vec<S: Shape>(v: Vec<S>) -> i64 {
        let mut t = 0;
        for x in v.iter() {
            t += x.area();
        }
        for x in &v {
            t += x.twice() * 10;
        }
        t
    }
    pub fn area_renamed_in_jit(k: i64) -> i64 {
        let tiles = vec![Tile { s: k }, Tile { s: k + 1 }];
        area_renamed(Tile { s: k }) + area_by_module_path(&tiles) * 1000
    }
}

#[test]
fn renamed_and_module_path_bounds_reach_the_trait() {
    let _m = memory_test();
    {
        use rust_tile::Tile as R;
        assert_eq!(
            area_renamed(Tile::make(3)),
            rust_tile::area_renamed(R { s: 3 })
        );
        let ts = [Tile::make(2), Tile::make(3)];
        let rs = [R { s: 2 }, R { s: 3 }];
        assert_eq!(
            area_by_module_path(&ts),
            rust_tile::area_by_module_path(&rs)
        );
        assert_eq!(
            area_of_vec(vec![Tile::make(2), Tile::make(3)]),
            rust_tile::area_of_vec(vec![R { s: 2 }, R { s: 3 }])
        );
        assert_eq!(area_renamed_in_jit(3), rust_tile::area_renamed_in_jit(3));
    }
    assert_no_leaks();
}

// ---- A generic class under `where T: A + B` (`Outer<Inner<T>>` fields are refused at
// the field: a generic class over a generic parameter is not supported yet). ----

#[jit]
pub trait Cost {
    fn cost(&self) -> i64;
}

#[jit]
pub trait Label {
    fn label(&self) -> i64 {
        7
    }
}

#[jitclass]
pub struct Good {
    c: i64,
}

#[jitclass]
impl Good {
    pub fn make(c: i64) -> Good {
        Good { c }
    }
    pub fn cost(&self) -> i64 {
        -100
    }
    pub fn label(&self) -> i64 {
        -7
    }
}

#[jitclass]
impl Cost for Good {
    fn cost(&self) -> i64 {
        self.c + 1
    }
}

#[jitclass]
impl Label for Good {}

#[jitclass]
pub struct Inner<T> {
    item: T,
    spare: T,
    many: Vec<T>,
}

#[jitclass]
impl<T> Inner<T>
where
    T: Cost + Label + Clone,
{
    pub fn of(item: T, spare: T, many: Vec<T>) -> Self {
        Inner { item, spare, many }
    }
    /// An element of a `Vec<T>` field, a `for` over it, an `Option<T>` result.
    pub fn of_many(&self) -> i64 {
        let mut t = self.many[0].cost();
        for x in self.many.iter() {
            t += x.label() * 100;
        }
        t
    }
    pub fn first(&self) -> Option<T> {
        if self.many.is_empty() {
            None
        } else {
            Some(self.many[0].clone())
        }
    }
    pub fn of_first(&self) -> i64 {
        match self.first() {
            Some(x) => x.cost(),
            None => 0,
        }
    }
    pub fn of_get(&self) -> i64 {
        self.get().cost() + self.get().label() * 100 + Self::get(self).cost() * 10
    }
    /// `self` (a `&Inner<T>`, `Copy`) passed by path twice.
    pub fn self_by_path_twice(&self) -> i64 {
        Self::get(self).cost() + Inner::get(self).label() * 100
    }
    pub fn value(&self) -> i64 {
        self.item.cost() * 10 + self.item.label()
    }
    pub fn get(&self) -> T {
        self.item.clone()
    }
    pub fn deep(&self) -> i64 {
        let both = vec![self.item.clone(), self.spare.clone()];
        let pair = (self.spare.clone(), 3);
        let mut t = self.get().cost() + both[1].cost() * 100 + pair.0.label() * 10000;
        for x in both.iter() {
            t += x.cost() * 1000000;
        }
        t + self.value() * 100000000
    }
}

mod rust_nested {
    pub trait Cost {
        fn cost(&self) -> i64;
    }
    pub trait Label {
        fn label(&self) -> i64 {
            7
        }
    }
    #[derive(Clone, Copy)]
    pub struct Good {
        pub c: i64,
    }
    #[allow(dead_code)]
    impl Good {
        pub fn cost(&self) -> i64 {
            -100
        }
        pub fn label(&self) -> i64 {
            -7
        }
    }
    impl Cost for Good {
        fn cost(&self) -> i64 {
            self.c + 1
        }
    }
    impl Label for Good {}
    pub struct Inner<T> {
        pub item: T,
        pub spare: T,
        pub many: Vec<T>,
    }
    impl<T> Inner<T>
    where
        T: Cost + Label + Clone,
    {
        pub fn value(&self) -> i64 {
            self.item.cost() * 10 + self.item.label()
        }
        pub fn of_many(&self) -> i64 {
            let mut t = self.many[0].cost();
            for x in self.many.iter() {
                t += x.label() * 100;
            }
            t
        }
        pub fn first(&self) -> Option<T> {
            if self.many.is_empty() {
                None
            } else {
                Some(self.many[0].clone())
            }
        }
        pub fn of_first(&self) -> i64 {
            match self.first() {
                Some(x) => x.cost(),
                None => 0,
            }
        }
        pub fn of_get(&self) -> i64 {
            self.get().cost() + self.get().label() * 100 + Self::get(self).cost() * 10
        }
        pub fn self_by_path_twice(&self) -> i64 {
            Self::get(self).cost() + Inner::get(self).label() * 100
        }
        pub fn get(&self) -> T {
            self.item.clone()
        }
        pub fn deep(&self) -> i64 {
            let both = [self.item.clone(), self.spare.clone()];
            let pair = (self.spare.clone(), 3);
            let mut t = self.get().cost() + both[1].cost() * 100 + pair.0.label() * 10000;
            for x in both.iter() {
                t += x.cost() * 1000000;
            }
            t + self.value() * 100000000
        }
    }
}

/// In `impl<T> Inner<T> where T: Cost + Label`, `self.many[0].cost()` of a field `many:
/// Vec<T>`, a `for` over it, and `self.get().cost()` / `self.first()` of functions
/// declared to return `T` / `Option<T>` (also by path, `Self::get(self)`) are rustc's
/// `Cost::cost` (705, 5, 733); jit code took `Good`'s inherent `cost`/`label` (-800,
/// -100, -1800), a silently wrong answer:
/// only fields declared exactly `T` were known to be of the bounded parameter.
#[test]
fn fixed_generic_class_vec_fields_and_results_reach_the_bounds() {
    let _m = memory_test();
    {
        let o = Inner::of(Good::make(2), Good::make(5), vec![Good::make(4)]);
        let r = rust_nested::Inner {
            item: rust_nested::Good { c: 2 },
            spare: rust_nested::Good { c: 5 },
            many: vec![rust_nested::Good { c: 4 }],
        };
        assert_eq!(o.value(), r.value());
        assert_eq!(o.of_many(), r.of_many());
        assert_eq!(o.of_first(), r.of_first());
        assert_eq!(o.of_get(), r.of_get());
        assert_eq!(o.deep(), r.deep());
    }
    assert_no_leaks();
}

/// `Self::get(self)` then `Inner::get(self)` in a `&self` method: `self` is a shared
/// reference, `Copy`, so rustc accepts it (703), and so does jit code (it failed at the
/// first call, "use of moved value: `self`" at the second `self`, for a class holding a
/// `Vec`: the move check tracked `self` as the instance).
#[test]
fn fixed_self_receiver_passed_by_path_twice() {
    let _m = memory_test();
    {
        let o = Inner::of(Good::make(2), Good::make(5), vec![Good::make(4)]);
        let r = rust_nested::Inner {
            item: rust_nested::Good { c: 2 },
            spare: rust_nested::Good { c: 5 },
            many: vec![rust_nested::Good { c: 4 }],
        };
        assert_eq!(o.self_by_path_twice(), r.self_by_path_twice());
    }
    assert_no_leaks();
}

// ---- A middle layer: calls that rustc accepts must build. ----

#[jit]
fn leaf<V: Cost>(v: V, k: i64) -> i64 {
    v.cost() * k
}

#[jit]
fn leaf_slices<A: Cost, B: Label>(a: &[A], b: &[B]) -> i64 {
    a[0].cost() + b[1].label() * 10
}

#[jit]
fn identity<V>(v: V) -> V {
    v
}

/// Calls with a bounded value beside a number, two slices of one parameter, and a value
/// through an unbounded generic fn: all valid Rust.
#[jit]
fn middle<U: Cost + Label>(u: U, xs: &[U]) -> i64 {
    leaf_slices(xs, xs) + leaf(identity(u), 3) * 100
}

#[jit]
fn middle_where<U>(xs: &[U]) -> i64
where
    U: Cost + Label,
{
    leaf_slices(xs, xs)
}

#[jit]
fn middle_in_jit(c: i64) -> i64 {
    let v = vec![Good::make(c), Good::make(c + 1)];
    middle(Good::make(c), &v) + middle_where(&v) * 1000000
}

#[test]
fn middle_layers_rustc_accepts() {
    let _m = memory_test();
    {
        let c = 2;
        // rustc: (c + 1) + 7 * 10 + (c + 1) * 3 * 100.
        let expected = (c + 1) + 70 + (c + 1) * 300;
        let v = vec![Good::make(c), Good::make(c + 1)];
        assert_eq!(middle(Good::make(c), &v), expected);
        assert_eq!(middle_in_jit(c), expected + ((c + 1) + 70) * 1000000);
    }
    assert_no_leaks();
}

// ---- A deep chain of generic fns builds and compiles in finite time. ----

#[jit]
fn chain1<A: Cost>(a: &[A]) -> i64 {
    a[0].cost()
}
#[jit]
fn chain2<A: Cost>(a: &[A]) -> i64 {
    chain1(a) + chain1(a)
}
#[jit]
fn chain3<A: Cost>(a: &[A]) -> i64 {
    chain2(a) + chain2(a)
}
#[jit]
fn chain4<A: Cost>(a: &[A]) -> i64 {
    chain3(a) + chain3(a)
}
#[jit]
fn chain5<A: Cost>(a: &[A]) -> i64 {
    chain4(a) + chain4(a)
}
#[jit]
fn chain6<A: Cost>(a: &[A]) -> i64 {
    chain5(a) + chain5(a)
}
#[jit]
fn chain7<A: Cost>(a: &[A]) -> i64 {
    chain6(a) + chain6(a)
}
#[jit]
fn chain8<A: Cost>(a: &[A]) -> i64 {
    chain7(a) + chain7(a)
}

#[test]
fn deep_generic_chain() {
    let _m = memory_test();
    assert_eq!(chain8(&[Good::make(1)]), 2 * 128);
    assert_no_leaks();
}

// ---- Bounded values inside an `Option` and a tuple parameter. ----

#[jit]
fn cost_of_option<S: Cost>(o: Option<S>, pair: (S, i64)) -> i64 {
    let a = match o {
        Some(x) => x.cost(),
        None => 0,
    };
    a + pair.0.cost() * pair.1
}

/// rustc: `Cost::cost` of each (3 + 6 * 10), never `Good`'s inherent `cost` (-100).
#[test]
fn bounded_values_in_an_option_and_a_tuple() {
    let _m = memory_test();
    assert_eq!(cost_of_option(Some(Good::make(2)), (Good::make(5), 10)), 63);
    assert_eq!(cost_of_option(None, (Good::make(5), 10)), 60);
    assert_no_leaks();
}
