// A generic jit fn called only from another generic jit fn over an unbounded parameter
// (a body the glue checks without a shadow), both written inside a `macro_rules!`
// expansion: rustc warns "function `ident` is never used", where its build of the same
// Rust warns nothing (main has it too: nothing in the glue uses the callee's fn item).
#![deny(dead_code)]

macro_rules! program {
    ($fa:meta) => {
        pub mod fns {
            #[$fa]
            pub fn ident<T>(x: T) -> T {
                x
            }
        }

        #[$fa]
        pub fn same<T>(x: T) -> T {
            fns::ident(x)
        }
    };
}

mod jitted {
    program!(jitclass::jit);
}

fn main() {
    assert_eq!(jitted::same(5_i64), 5);
}
