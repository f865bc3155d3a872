//! The macros run on a stack sized for their input: syn parses, prints and drops syntax
//! trees by recursion, one level per level of nesting, and a long chain (a sum of
//! thousands of terms, an `else if` chain) nests as deep as it is long.
//!
//! The passes of `jitclass-core` grow their own stack as they recurse
//! (`jitclass_core::stack::deep`); syn's recursion has no such points, so the whole
//! expansion runs on a stack reserved for the deepest nesting the input could have: one
//! level per token at most.

/// Room for the expansion itself, whatever the input.
const BASE: usize = 16 << 20;

/// Stack per token: syn takes up to about 4 KiB per level of nesting in an unoptimised
/// build (measured: parsing, printing and dropping `- - - x`), and a level has at least
/// one token. Twice that, for safety.
const PER_TOKEN: usize = 8 << 10;

/// The most stack reserved (an input of a quarter of a million tokens).
const MAX: usize = 2 << 30;

/// Runs `expand(input)` on a stack deep enough for syn to handle `input`. The stack is
/// reserved address space: only what the recursion reaches is ever touched.
pub fn sized_for<R>(
    input: proc_macro2::TokenStream,
    expand: impl FnOnce(proc_macro2::TokenStream) -> R,
) -> R {
    let size = BASE
        .saturating_add(count_tokens(&input).saturating_mul(PER_TOKEN))
        .min(MAX);
    jitclass_core::stack::with_stack_of(size, || expand(input))
}

/// How many tokens `input` has, groups and their contents included (a loop, not a
/// recursion: groups nest as deep as the input does).
fn count_tokens(input: &proc_macro2::TokenStream) -> usize {
    let mut count = 0;
    let mut streams = vec![input.clone().into_iter()];
    while let Some(stream) = streams.last_mut() {
        match stream.next() {
            Some(proc_macro2::TokenTree::Group(g)) => {
                count += 1;
                streams.push(g.stream().into_iter());
            }
            Some(_) => count += 1,
            None => {
                streams.pop();
            }
        }
    }
    count
}
