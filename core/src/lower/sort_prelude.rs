//! The prelude of the sort methods: the algorithms `sort.rs` splices a call's receiver and
//! comparator into, written as Rust syntax that lowers to ordinary jit code (see `sort.rs`
//! for why they only copy and swap, and compare before they write).

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote_spanned};

/// Elements up to this many are insertion-sorted.
const SMALL: usize = 20;

/// Swaps `s[i]` and `s[j]` (compares nothing, so it cannot be interrupted).
fn swap(s: &TokenStream, i: TokenStream, j: TokenStream, at: Span) -> TokenStream {
    quote_spanned!(at=> {
        let __jitclass_i = #i;
        let __jitclass_j = #j;
        let __jitclass_t = #s[__jitclass_i];
        #s[__jitclass_i] = #s[__jitclass_j];
        #s[__jitclass_j] = __jitclass_t;
    })
}

/// Insertion sort of `s[lo..hi]` by adjacent swaps: stable, and a panicking comparator
/// leaves a permutation.
fn insertion_sort(s: &TokenStream, lo: TokenStream, hi: TokenStream, at: Span) -> TokenStream {
    let sw = swap(
        s,
        quote_spanned!(at=> __jitclass_b),
        quote_spanned!(at=> __jitclass_b - 1),
        at,
    );
    quote_spanned!(at=> {
        let __jitclass_lo: usize = #lo;
        let __jitclass_hi: usize = #hi;
        let mut __jitclass_a = __jitclass_lo + 1;
        while __jitclass_a < __jitclass_hi {
            let mut __jitclass_b = __jitclass_a;
            while __jitclass_b > __jitclass_lo
                && __jitclass_less!(#s[__jitclass_b], #s[__jitclass_b - 1])
            {
                #sw
                __jitclass_b -= 1;
            }
            __jitclass_a += 1;
        }
    })
}

/// Heapsort of `s[lo..hi]` (Rust's own shape: build the heap, then take the root).
fn heapsort(s: &TokenStream, at: Span) -> TokenStream {
    let take_root = swap(
        s,
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_lo + __jitclass_end),
        at,
    );
    let sift = swap(
        s,
        quote_spanned!(at=> __jitclass_lo + __jitclass_node),
        quote_spanned!(at=> __jitclass_lo + __jitclass_child),
        at,
    );
    quote_spanned!(at=> {
        let mut __jitclass_start = (__jitclass_hi - __jitclass_lo) / 2;
        let mut __jitclass_end = __jitclass_hi - __jitclass_lo;
        loop {
            if __jitclass_start > 0 {
                __jitclass_start -= 1;
            } else if __jitclass_end > 1 {
                __jitclass_end -= 1;
                #take_root
            } else {
                break;
            }
            let mut __jitclass_node = __jitclass_start;
            loop {
                let mut __jitclass_child = 2 * __jitclass_node + 1;
                if __jitclass_child >= __jitclass_end {
                    break;
                }
                if __jitclass_child + 1 < __jitclass_end
                    && __jitclass_less!(
                        #s[__jitclass_lo + __jitclass_child],
                        #s[__jitclass_lo + __jitclass_child + 1]
                    )
                {
                    __jitclass_child += 1;
                }
                if !__jitclass_less!(
                    #s[__jitclass_lo + __jitclass_node],
                    #s[__jitclass_lo + __jitclass_child]
                ) {
                    break;
                }
                #sift
                __jitclass_node = __jitclass_child;
            }
        }
    })
}

/// Partitions `s[lo..hi]` (more than `SMALL` elements) around the median of three, in
/// place, without branches on the comparisons (Lomuto's scheme: each element is read,
/// compared, then swapped into place, so a panicking comparator leaves a permutation);
/// its value is the pivot's final index. When the pivot equals the previous pivot just
/// left of the range (every element of the range is at least that one), the range is
/// split into elements equal to the pivot, which are done, and greater ones (pdqsort's
/// answer to many duplicates).
fn partition(s: &TokenStream, at: Span) -> TokenStream {
    let sw = |i: TokenStream, j: TokenStream| swap(s, i, j, at);
    let mid_lo = sw(
        quote_spanned!(at=> __jitclass_mid),
        quote_spanned!(at=> __jitclass_lo),
    );
    let last_mid = sw(
        quote_spanned!(at=> __jitclass_hi - 1),
        quote_spanned!(at=> __jitclass_mid),
    );
    let pivot_first = sw(
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_mid),
    );
    let pivot_home = sw(
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_store - 1),
    );
    quote_spanned!(at=> {
        let __jitclass_mid = __jitclass_lo + (__jitclass_hi - __jitclass_lo) / 2;
        if __jitclass_less!(#s[__jitclass_mid], #s[__jitclass_lo]) {
            #mid_lo
        }
        if __jitclass_less!(#s[__jitclass_hi - 1], #s[__jitclass_mid]) {
            #last_mid
            if __jitclass_less!(#s[__jitclass_mid], #s[__jitclass_lo]) {
                #mid_lo
            }
        }
        #pivot_first
        let __jitclass_p = #s[__jitclass_lo];
        let __jitclass_equal = __jitclass_lo > 0
            && !__jitclass_less!(#s[__jitclass_lo - 1], __jitclass_p);
        let mut __jitclass_store = __jitclass_lo + 1;
        let mut __jitclass_i = __jitclass_lo + 1;
        if __jitclass_equal {
            while __jitclass_i < __jitclass_hi {
                let __jitclass_x = #s[__jitclass_i];
                let __jitclass_goes_left = !__jitclass_less!(__jitclass_p, __jitclass_x);
                #s[__jitclass_i] = #s[__jitclass_store];
                #s[__jitclass_store] = __jitclass_x;
                __jitclass_store += __jitclass_goes_left as usize;
                __jitclass_i += 1;
            }
        } else {
            while __jitclass_i < __jitclass_hi {
                let __jitclass_x = #s[__jitclass_i];
                let __jitclass_goes_left = __jitclass_less!(__jitclass_x, __jitclass_p);
                #s[__jitclass_i] = #s[__jitclass_store];
                #s[__jitclass_store] = __jitclass_x;
                __jitclass_store += __jitclass_goes_left as usize;
                __jitclass_i += 1;
            }
        }
        #pivot_home
        (__jitclass_store - 1, __jitclass_equal)
    })
}

/// `2 * floor(log2 n)`: the partitioning depth past which heapsort takes over.
fn depth_limit(at: Span) -> TokenStream {
    quote_spanned!(at=> {
        let mut __jitclass_m = __jitclass_n;
        let mut __jitclass_d = 0usize;
        while __jitclass_m > 1 {
            __jitclass_m /= 2;
            __jitclass_d += 2;
        }
        __jitclass_d
    })
}

/// `sort_unstable*`: introsort with an explicit stack of ranges.
pub(super) fn unstable_sort(s: &TokenStream, at: Span) -> TokenStream {
    let small = insertion_sort(
        s,
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_hi),
        at,
    );
    let heap = heapsort(s, at);
    let part = partition(s, at);
    let limit = depth_limit(at);
    let small_n = SMALL;
    quote_spanned!(at=>
        let __jitclass_n = #s.len();
        if __jitclass_n > 1 {
            let mut __jitclass_stack = Vec::new();
            __jitclass_stack.push((0usize, __jitclass_n, #limit));
            loop {
                let __jitclass_top = __jitclass_stack.pop();
                if __jitclass_top.is_none() {
                    break;
                }
                let (__jitclass_lo, __jitclass_hi, __jitclass_depth) = __jitclass_top.unwrap();
                if __jitclass_hi - __jitclass_lo <= #small_n {
                    #small
                } else if __jitclass_depth == 0 {
                    #heap
                } else {
                    let (__jitclass_at, __jitclass_all_equal) = #part;
                    // Left of an equal pivot are only its equals: nothing left to sort.
                    if !__jitclass_all_equal {
                        __jitclass_stack.push((__jitclass_lo, __jitclass_at, __jitclass_depth - 1));
                    }
                    __jitclass_stack.push((__jitclass_at + 1, __jitclass_hi, __jitclass_depth - 1));
                }
            }
        }
    )
}

/// `select_nth_unstable*(k)`: std's panic past the end, then introselect.
pub(super) fn select_nth(s: &TokenStream, k: &syn::Expr, at: Span) -> TokenStream {
    let small = insertion_sort(
        s,
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_hi),
        at,
    );
    let heap = heapsort(s, at);
    let part = partition(s, at);
    let limit = depth_limit(at);
    let small_n = SMALL;
    let k = k.to_token_stream();
    quote_spanned!(at=>
        let __jitclass_k: usize = #k;
        let __jitclass_n = #s.len();
        if __jitclass_k >= __jitclass_n {
            panic!(
                "partition_at_index index {} greater than length of slice {}",
                __jitclass_k, __jitclass_n
            );
        }
        let mut __jitclass_lo = 0usize;
        let mut __jitclass_hi = __jitclass_n;
        let mut __jitclass_depth = #limit;
        while __jitclass_hi - __jitclass_lo > #small_n {
            if __jitclass_depth == 0 {
                #heap
                __jitclass_lo = __jitclass_hi;
                break;
            }
            __jitclass_depth -= 1;
            let (__jitclass_at, __jitclass_all_equal) = #part;
            if __jitclass_at == __jitclass_k || (__jitclass_all_equal && __jitclass_k < __jitclass_at) {
                __jitclass_lo = __jitclass_hi;
                break;
            }
            if __jitclass_k < __jitclass_at {
                __jitclass_hi = __jitclass_at;
            } else {
                __jitclass_lo = __jitclass_at + 1;
            }
        }
        #small
    )
}

/// `sort*`: a stable quicksort through a buffer (driftsort's answer to random data):
/// each pass scatters a range into the buffer, elements before the pivot to its front
/// and the others to its back (in reverse), without a branch on the comparison, then
/// copies them back in order; only the scatter compares, and it reads the slice and
/// writes the buffer, so the slice holds every element whenever the comparator runs. A
/// pivot that is the range's least element splits off its equals instead (which are
/// done). Past a depth of `2 log2 n` a range is merge-sorted (bottom-up, runs of 20).
pub(super) fn stable_sort(s: &TokenStream, at: Span) -> TokenStream {
    let small_n = SMALL;
    let small = insertion_sort(
        s,
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_hi),
        at,
    );
    let merge = merge_sort(s, at);
    let limit = depth_limit(at);
    let scatter = |goes_left: TokenStream| {
        quote_spanned!(at=> {
            let mut __jitclass_left = 0usize;
            let mut __jitclass_i = __jitclass_lo;
            while __jitclass_i < __jitclass_hi {
                let __jitclass_x = #s[__jitclass_i];
                let __jitclass_goes_left: bool = #goes_left;
                let __jitclass_right = __jitclass_i - __jitclass_lo - __jitclass_left;
                let __jitclass_to = if __jitclass_goes_left {
                    __jitclass_lo + __jitclass_left
                } else {
                    __jitclass_hi - 1 - __jitclass_right
                };
                __jitclass_buf[__jitclass_to] = __jitclass_x;
                __jitclass_left += __jitclass_goes_left as usize;
                __jitclass_i += 1;
            }
            __jitclass_left
        })
    };
    let less_than_pivot =
        scatter(quote_spanned!(at=> __jitclass_less!(__jitclass_x, __jitclass_p)));
    let equal_to_pivot =
        scatter(quote_spanned!(at=> !__jitclass_less!(__jitclass_p, __jitclass_x)));
    quote_spanned!(at=>
        let __jitclass_n = #s.len();
        if __jitclass_n > 1 {
            let mut __jitclass_buf = Vec::with_capacity(__jitclass_n);
            if __jitclass_n > #small_n {
                let mut __jitclass_c = 0usize;
                while __jitclass_c < __jitclass_n {
                    __jitclass_buf.push(#s[__jitclass_c]);
                    __jitclass_c += 1;
                }
            }
            let mut __jitclass_stack = Vec::new();
            __jitclass_stack.push((0usize, __jitclass_n, #limit));
            loop {
                let __jitclass_top = __jitclass_stack.pop();
                if __jitclass_top.is_none() {
                    break;
                }
                let (__jitclass_lo, __jitclass_hi, __jitclass_depth) = __jitclass_top.unwrap();
                if __jitclass_hi - __jitclass_lo <= #small_n {
                    #small
                } else if __jitclass_depth == 0 {
                    #merge
                } else {
                    // The median of three by index (nothing moves: the sort is stable).
                    let __jitclass_a = __jitclass_lo;
                    let __jitclass_b = __jitclass_lo + (__jitclass_hi - __jitclass_lo) / 2;
                    let __jitclass_c = __jitclass_hi - 1;
                    let __jitclass_ab = __jitclass_less!(#s[__jitclass_a], #s[__jitclass_b]);
                    let __jitclass_ac = __jitclass_less!(#s[__jitclass_a], #s[__jitclass_c]);
                    let mut __jitclass_pivot = __jitclass_a;
                    if __jitclass_ab == __jitclass_ac {
                        let __jitclass_bc = __jitclass_less!(#s[__jitclass_b], #s[__jitclass_c]);
                        __jitclass_pivot = if __jitclass_bc != __jitclass_ab {
                            __jitclass_c
                        } else {
                            __jitclass_b
                        };
                    }
                    let __jitclass_p = #s[__jitclass_pivot];
                    let mut __jitclass_left = #less_than_pivot;
                    let __jitclass_equals = __jitclass_left == 0;
                    if __jitclass_equals {
                        __jitclass_left = #equal_to_pivot;
                    }
                    // Back in order: the front as written, the back reversed.
                    let mut __jitclass_o = __jitclass_lo;
                    while __jitclass_o < __jitclass_lo + __jitclass_left {
                        #s[__jitclass_o] = __jitclass_buf[__jitclass_o];
                        __jitclass_o += 1;
                    }
                    let mut __jitclass_from = __jitclass_hi;
                    while __jitclass_o < __jitclass_hi {
                        __jitclass_from -= 1;
                        #s[__jitclass_o] = __jitclass_buf[__jitclass_from];
                        __jitclass_o += 1;
                    }
                    let __jitclass_mid = __jitclass_lo + __jitclass_left;
                    if !__jitclass_equals {
                        __jitclass_stack.push((__jitclass_lo, __jitclass_mid, __jitclass_depth - 1));
                    }
                    __jitclass_stack.push((__jitclass_mid, __jitclass_hi, __jitclass_depth - 1));
                }
            }
        }
    )
}

/// Bottom-up merge sort of `s[lo..hi]` with the buffer `__jitclass_buf`: runs of `SMALL`
/// insertion-sorted, then each pair of runs merged (branch-free) into the buffer and
/// copied back, skipped where the pair is already in order.
fn merge_sort(s: &TokenStream, at: Span) -> TokenStream {
    let small_n = SMALL;
    let runs = insertion_sort(
        s,
        quote_spanned!(at=> __jitclass_r),
        quote_spanned!(at=> (__jitclass_r + #small_n).min(__jitclass_hi)),
        at,
    );
    quote_spanned!(at=> {
        let mut __jitclass_r = __jitclass_lo;
        while __jitclass_r < __jitclass_hi {
            #runs
            __jitclass_r += #small_n;
        }
        let mut __jitclass_w = #small_n;
        while __jitclass_w < __jitclass_hi - __jitclass_lo {
            let mut __jitclass_start = __jitclass_lo;
            while __jitclass_start + __jitclass_w < __jitclass_hi {
                let __jitclass_mid = __jitclass_start + __jitclass_w;
                let __jitclass_end = (__jitclass_mid + __jitclass_w).min(__jitclass_hi);
                if __jitclass_less!(#s[__jitclass_mid], #s[__jitclass_mid - 1]) {
                    let mut __jitclass_a = __jitclass_start;
                    let mut __jitclass_b = __jitclass_mid;
                    let mut __jitclass_o = __jitclass_start;
                    while __jitclass_a < __jitclass_mid && __jitclass_b < __jitclass_end {
                        // Branch-free: both candidates read, the comparison picks one.
                        let __jitclass_x = #s[__jitclass_a];
                        let __jitclass_y = #s[__jitclass_b];
                        let __jitclass_take = __jitclass_less!(__jitclass_y, __jitclass_x);
                        __jitclass_buf[__jitclass_o] =
                            if __jitclass_take { __jitclass_y } else { __jitclass_x };
                        __jitclass_b += __jitclass_take as usize;
                        __jitclass_a += 1 - __jitclass_take as usize;
                        __jitclass_o += 1;
                    }
                    while __jitclass_a < __jitclass_mid {
                        __jitclass_buf[__jitclass_o] = #s[__jitclass_a];
                        __jitclass_a += 1;
                        __jitclass_o += 1;
                    }
                    while __jitclass_b < __jitclass_end {
                        __jitclass_buf[__jitclass_o] = #s[__jitclass_b];
                        __jitclass_b += 1;
                        __jitclass_o += 1;
                    }
                    let mut __jitclass_o = __jitclass_start;
                    while __jitclass_o < __jitclass_end {
                        #s[__jitclass_o] = __jitclass_buf[__jitclass_o];
                        __jitclass_o += 1;
                    }
                }
                __jitclass_start = __jitclass_end;
            }
            __jitclass_w *= 2;
        }
    })
}
