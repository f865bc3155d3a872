use jitclass::jit;

/// Doubles the tokens in brackets once per `double`, then makes them the body of a jit
/// fn: 13 doublings give an `else if` chain of 8,192 branches, which nests deeper than
/// jitclass's 8,192 levels (the body's block and the last branch add levels).
macro_rules! else_if_chain {
    ([$($chain:tt)*]) => {
        #[jit]
        fn deep(x: u32) -> u32 {
            $($chain)* { 0 }
        }
    };
    ([$($chain:tt)*] double $($rest:tt)*) => {
        else_if_chain!([$($chain)* $($chain)*] $($rest)*);
    };
}

else_if_chain!([if x == 1 { 1 } else]
    double double double double double double double double double double double double double);

fn main() {}
