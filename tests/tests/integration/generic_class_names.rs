//! How jit code may name a generic class, each program compared with rustc's build of the
//! same source: imported by `use` (also renamed) and written with arguments (`St<T>` in a
//! field and a generic fn's parameter, `St<i64>`), and with arguments written as `_`
//! (`Stack<_>`, `Stack::<_>::new()`, `Pair::<i64, _> { .. }`), which rustc infers.

use crate::{assert_no_leaks, memory_test};

/// The same source as jit code (`jitclass`, `jit`) and as plain Rust (`allow(dead_code)`;
/// the twin's classes derive `Clone`, as a class value is cloned as a counted reference).
macro_rules! program {
    ($class:meta, $jit:meta, $twin:meta) => {
        pub mod inner {
            #[$class]
            #[$twin]
            pub struct St<T> {
                pub items: Vec<T>,
            }

            #[$class]
            impl<T: Copy> St<T> {
                pub fn new() -> Self {
                    St { items: Vec::new() }
                }

                pub fn push(&mut self, x: T) {
                    self.items.push(x);
                }

                pub fn len(&self) -> usize {
                    self.items.len()
                }
            }

            #[$class]
            #[$twin]
            pub struct Pair<A, B> {
                pub a: A,
                pub b: B,
            }
        }

        pub mod outer {
            use super::inner::St;
            use super::inner::St as Renamed;

            #[$class]
            #[$twin]
            pub struct Acc<T> {
                pub vals: St<T>,
                pub n: i64,
            }

            #[$jit]
            pub fn size<T>(s: St<T>) -> usize {
                s.items.len()
            }

            #[$jit]
            pub fn size_i64(s: Renamed<i64>) -> usize {
                s.items.len()
            }

            #[$jit]
            pub fn through_acc(k: i64) -> i64 {
                let mut s = St::<i64>::new();
                for i in 0..k {
                    s.push(i);
                }
                let acc = Acc { vals: s, n: 3 };
                (size(acc.vals.clone()) as i64) * 100 + size_i64(acc.vals.clone()) as i64 + acc.n
            }
        }

        pub mod underscores {
            use super::inner::{Pair, St};

            #[$jit]
            pub fn underscores() -> i64 {
                let mut s: St<_> = St::new();
                s.push(1_i16);
                let mut t = St::<_>::new();
                t.push(2.5);
                t.push(3.5);
                let p = Pair::<i64, _> { a: 1, b: 2.5 };
                let q: Pair<_, f64> = Pair { a: 4_i64, b: p.b };
                s.len() as i64 + t.len() as i64 * 10 + p.a * 100 + q.a * 1000
            }
        }
    };
}

// Each `#[jit] fn`'s `dispatcher()` is there for tests that count compilations.
#[allow(dead_code)]
mod jitted {
    // Full paths: the program's modules do not see an import here.
    program!(jitclass::jitclass, jitclass::jit, allow(dead_code));
}

mod native {
    program!(allow(dead_code), allow(dead_code), derive(Clone));
}

#[test]
fn a_generic_class_imported_and_named_with_arguments() {
    let _m = memory_test();
    for k in [0, 1, 4] {
        assert_eq!(jitted::outer::through_acc(k), native::outer::through_acc(k));
    }
    assert_no_leaks();
}

#[test]
fn a_generic_class_named_with_underscore_arguments() {
    let _m = memory_test();
    assert_eq!(
        jitted::underscores::underscores(),
        native::underscores::underscores()
    );
    assert_no_leaks();
}
