//! Bounds through layers of generic jit fns, over a generic class's parameter, and beside plain Rust traits.

use super::*;

// ---- Bounds through several layers of generic jit fns. ----

#[jit]
pub trait Weigh {
    fn weight(&self) -> i64;
}

#[jit]
pub trait Tag {
    fn tag(&self) -> i64 {
        7
    }
}

#[jitclass]
pub struct Heavy {
    w: i64,
}

#[jitclass]
impl Heavy {
    pub fn make(w: i64) -> Heavy {
        Heavy { w }
    }
}

#[jitclass]
impl Weigh for Heavy {
    fn weight(&self) -> i64 {
        self.w
    }
}

#[jit]
fn layer3<V>(xs: &[V]) -> i64
where
    V: Weigh + Tag,
{
    let mut t = 0;
    for x in xs {
        t += x.weight() * x.tag();
    }
    t
}

#[jitclass]
impl Tag for Heavy {}

/// A middle layer whose bounds give the callee's: rustc builds it. One whose bounds do not
/// (`U: Weigh` calling `layer3`) is refused at build time, as rustc does (E0277 `U: Tag`,
/// ui case `traits/middle_layer_missing_bound`; it used to build and fail at the first
/// call with "no function or method named `tag`").
#[jit]
fn layer2<U: Weigh + Tag>(xs: &[U]) -> i64 {
    layer3(xs)
}

mod rust_layers {
    pub trait Weigh {
        fn weight(&self) -> i64;
    }
    pub trait Tag {
        fn tag(&self) -> i64 {
            7
        }
    }
    pub struct Heavy {
        pub w: i64,
    }
    impl Weigh for Heavy {
        fn weight(&self) -> i64 {
            self.w
        }
    }
    impl Tag for Heavy {}
    pub fn layer3<V: Weigh + Tag>(xs: &[V]) -> i64 {
        let mut t = 0;
        for x in xs {
            t += x.weight() * x.tag();
        }
        t
    }
    pub fn layer2<U: Weigh + Tag>(xs: &[U]) -> i64 {
        layer3(xs)
    }
}

#[test]
fn fixed_bounds_through_a_middle_layer() {
    let _m = memory_test();
    {
        let hs = [Heavy::make(2), Heavy::make(3)];
        let rust = [rust_layers::Heavy { w: 2 }, rust_layers::Heavy { w: 3 }];
        assert_eq!(layer2(&hs), rust_layers::layer2(&rust));
    }
    assert_no_leaks();
}

// ---- A generic class over a bounded parameter. ----

#[jit]
pub trait Price {
    fn price(&self) -> i64;
}

#[jitclass]
pub struct Item {
    p: i64,
}

#[jitclass]
impl Item {
    pub fn make(p: i64) -> Item {
        Item { p }
    }
    // An inherent function of the trait function's name.
    pub fn price(&self) -> i64 {
        -self.p
    }
}

#[jitclass]
impl Price for Item {
    fn price(&self) -> i64 {
        self.p * 2
    }
}

#[jitclass]
pub struct Cart<T> {
    item: T,
}

#[jitclass]
impl<T: Price> Cart<T> {
    pub fn of(item: T) -> Self {
        Cart { item }
    }
    /// rustc: `T: Price` reaches `Price::price` only.
    pub fn total(&self) -> i64 {
        self.item.price() * 2
    }
    /// By path through the impl's bound.
    pub fn total_by_path(&self) -> i64 {
        T::price(&self.item) + <T as Price>::price(&self.item) * 10
    }
}

/// Elements of a slice of a bounded parameter's values.
#[jit]
fn prices_of<T: Price>(xs: &[T]) -> i64 {
    xs[0].price() + xs[1].price() * 10
}

/// A bounded value through a tuple, a `let`, a generic fn's result and a `Vec<T>`: still
/// of type `T`.
#[jit]
fn price_moved<T: Price>(a: T, k: i64) -> i64 {
    let pair = (a, k);
    let b = same(pair.0);
    let v = vec![b];
    v[0].price() * pair.1
}

#[jit]
fn same<U: Price>(x: U) -> U {
    x
}

#[jit]
fn prices_in_jit(p: i64) -> i64 {
    let items = vec![Item::make(p), Item::make(p + 1)];
    let cart = Cart::<Item>::of(Item::make(p));
    prices_of(&items) + cart.total() * 1000 + price_moved(Item::make(p), 100000)
}

mod rust_cart {
    pub trait Price {
        fn price(&self) -> i64;
    }
    pub struct Item {
        p: i64,
    }
    impl Item {
        pub fn make(p: i64) -> Item {
            Item { p }
        }
        #[allow(dead_code)]
        pub fn price(&self) -> i64 {
            -self.p
        }
    }
    impl Price for Item {
        fn price(&self) -> i64 {
            self.p * 2
        }
    }
    pub struct Cart<T> {
        item: T,
    }
    impl<T: Price> Cart<T> {
        pub fn of(item: T) -> Self {
            Cart { item }
        }
        pub fn total(&self) -> i64 {
            self.item.price() * 2
        }
        pub fn total_by_path(&self) -> i64 {
            T::price(&self.item) + <T as Price>::price(&self.item) * 10
        }
    }
    pub fn prices_of<T: Price>(xs: &[T]) -> i64 {
        xs[0].price() + xs[1].price() * 10
    }
    // As the jit fn writes it (jit code has `Vec`s, not arrays of classes by value).
    #[allow(clippy::useless_vec)]
    pub fn price_moved<T: Price>(a: T, k: i64) -> i64 {
        let pair = (a, k);
        let b = same(pair.0);
        let v = vec![b];
        v[0].price() * pair.1
    }
    pub fn same<U: Price>(x: U) -> U {
        x
    }
    pub fn prices_in_jit(p: i64) -> i64 {
        let items = vec![Item::make(p), Item::make(p + 1)];
        let cart = Cart::<Item>::of(Item::make(p));
        prices_of(&items) + cart.total() * 1000 + price_moved(Item::make(p), 100000)
    }
}

/// In `impl<T: Price> Cart<T>`, `self.item.price()` is rustc's `Price::price` (12); jit
/// code typed the body per instantiation and took `Item`'s inherent `price` (-6), a
/// silently wrong answer (the bounded-receiver rule covered fn parameters and `for`
/// variables only, by syntax, not fields of a generic class; it is now by type).
#[test]
fn fixed_a_generic_class_over_a_bound_calls_the_traits_function() {
    let _m = memory_test();
    {
        let c = Cart::of(Item::make(3));
        let rc = rust_cart::Cart::of(rust_cart::Item::make(3));
        // rustc: 6 + 6.
        assert_eq!(c.total(), 12);
        assert_eq!(c.total(), rc.total());
        assert_eq!(c.total_by_path(), rc.total_by_path());
        assert_eq!(
            price_moved(Item::make(3), 7),
            rust_cart::price_moved(rust_cart::Item::make(3), 7)
        );
        let items = [Item::make(3), Item::make(4)];
        let rust_items = [rust_cart::Item::make(3), rust_cart::Item::make(4)];
        assert_eq!(prices_of(&items), rust_cart::prices_of(&rust_items));
        assert_eq!(prices_in_jit(3), rust_cart::prices_in_jit(3));
    }
    assert_no_leaks();
}

// ---- A bound on a plain Rust trait beside a `#[jit] trait`. ----

/// Not a `#[jit] trait`: jit code sees none of its impls, rustc checks calls from Rust.
pub trait Plain {
    fn plain(&self) -> i64;
}

impl Plain for Item {
    fn plain(&self) -> i64 {
        1
    }
}

#[jit]
fn plain_and_price<T: Plain + Price>(x: T) -> i64 {
    x.price()
}

#[jit]
fn plain_and_price_in_jit(p: i64) -> i64 {
    plain_and_price(Item::make(p))
}

/// A bound's trait is told by identity through its companion macro; a plain Rust trait
/// has none and still bounds the fn (rustc: `Price::price`, 2p).
#[test]
fn a_plain_rust_trait_bound_beside_a_jit_trait() {
    let _m = memory_test();
    assert_eq!(plain_and_price(Item::make(4)), 8);
    assert_eq!(plain_and_price_in_jit(4), 8);
    assert_eq!(Item::make(4).plain(), 1);
    assert_no_leaks();
}
