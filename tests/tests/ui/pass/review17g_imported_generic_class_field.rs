//! A generic class brought in by `use` and named with arguments (`vals: St<T>` in a
//! generic class's field, `St<T>` in a generic fn's parameter, `St<i64>` in a fn's):
//! rustc builds it, and so does jitclass (it named its hidden family item: "cannot find
//! module or crate `__JitclassFamily_St`").
mod inner {
    use jitclass::jitclass;

    #[jitclass]
    pub struct St<T> {
        pub items: Vec<T>,
    }
}

mod outer {
    use super::inner::St;
    use jitclass::{jit, jitclass};

    #[jitclass]
    pub struct Acc<T> {
        pub vals: St<T>,
        pub n: i64,
    }

    #[jit]
    pub fn size<T>(s: St<T>) -> usize {
        s.items.len()
    }

    #[jit]
    pub fn size_i64(s: St<i64>) -> usize {
        s.items.len()
    }
}

fn main() {}
