//! Arrays: copy semantics, inference and sorting against rustc.

use super::*;

// ---- (2) arrays: copy semantics against rustc ----

// `for e in a` with `a[i] = ..` in the body: rustc accepts (the loop iterates a copy);
// jitclass refuses it in a non-generic body (`tests/ui/arrays/review_for_by_value_then_assign.rs`),
// so the probe is generic, where jitclass checks the body itself.
#[jit]
fn arr_for_by_value_mutating<T>(x: i64, _t: T) -> i64 {
    let mut a = [x, 2, 3, 4];
    let mut s = 0;
    for e in a {
        a[3] = 100;
        a[1] = 50;
        s = s * 10 + e;
    }
    s + a[3]
}

#[allow(unused_assignments)]
fn arr_for_by_value_mutating_rs<T>(x: i64, _t: T) -> i64 {
    let mut a = [x, 2, 3, 4];
    let mut s = 0;
    for e in a {
        a[3] = 100;
        a[1] = 50;
        s = s * 10 + e;
    }
    s + a[3]
}

twice!(arr_swap_literal, arr_swap_literal_rs, fn(x: i64) -> [i64; 3] {
    let mut a = [x, 2, 3];
    a = [a[1], a[0], a[2] + a[0]];
    a
});

twice!(arr_nested_copy, arr_nested_copy_rs, fn(x: i64) -> i64 {
    let mut m = [[x, 2], [3, 4]];
    let row = m[0];
    m[0][0] = 7;
    let mut n = m;
    n[1][1] = 99;
    row[0] * 1000 + m[0][0] * 100 + m[1][1] * 10 + n[0][0]
});

twice!(arr_in_tuple, arr_in_tuple_rs, fn(x: i64) -> i64 {
    let t = ([x, 2], [3, 4]);
    let mut u = t;
    u.0[1] = 9;
    let o = Some(u.1);
    u.1[0] = 8;
    t.0[1] * 10000 + u.0[1] * 1000 + o.unwrap()[0] * 100 + u.1[0] * 10
});

twice!(arr_unwrapped_into_let, arr_unwrapped_into_let_rs, fn(x: i64) -> i64 {
    let o = Some([x, 2]);
    let mut w = o.unwrap();
    w[1] = 77;
    w[0] + w[1] + o.unwrap()[1]
});

twice!(arr_option_if_let, arr_option_if_let_rs, fn(x: i64) -> i64 {
    let o = Some([x, 2, 3]);
    let mut got = 0;
    if let Some(mut b) = o {
        b[0] = 42;
        got = b[0];
    }
    match o {
        Some(a) => a[0] + got,
        None => -1,
    }
});

#[jit]
fn ra_mutate_param(mut a: [i64; 3]) -> i64 {
    a[0] = 99;
    a[0]
}

twice!(arr_by_value_param, arr_by_value_param_rs, fn(x: i64) -> i64 {
    let a = [x, 2, 3];
    let r = ra_mutate_param(a);
    r + a[0]
});

twice!(arr_eq, arr_eq_rs, fn(x: f64) -> (bool, bool, bool) {
    let a = [x, 0.0, -0.0];
    let b = [x, -0.0, 0.0];
    let m = [1, 2, 3];
    let n = [1, 2, 4];
    (a == b, m == n, a != b)
});

twice!(arr_iter_mut_and_ref, arr_iter_mut_and_ref_rs, fn(x: i64) -> i64 {
    let mut a = [x, 2, 3];
    for e in &mut a {
        *e *= 2;
    }
    for e in a.iter_mut() {
        *e += 1;
    }
    let mut s = 0;
    for e in &a {
        s = s * 100 + e;
    }
    for e in a.iter() {
        s += e;
    }
    s
});

twice!(arr_of_tuples_sorted_copy, arr_of_tuples_sorted_copy_rs, fn(x: i64) -> i64 {
    let mut a = [(x, 1.0), (2, 2.0), (1, 3.0)];
    let b = a;
    a[0].0 = 50;
    let mut s = 0;
    for p in b {
        s = s * 100 + p.0;
    }
    s + a[0].0
});

twice!(arr_sort, arr_sort_rs, fn(x: i64) -> [i64; 5] {
    let mut a = [x, 5, 1, 4, 2];
    a.sort();
    a
});

twice!(arr_sort_by, arr_sort_by_rs, fn(x: i64) -> [i64; 5] {
    let mut a = [x, 5, 1, 4, 2];
    a.sort_by(|p, q| q.cmp(p));
    a
});

twice!(arr_bsearch, arr_bsearch_rs, fn(x: i64) -> usize {
    let a: [i64; 5] = [1, 2, 2, 2, 5];
    a.binary_search(&x).unwrap_or_else(|i| i + 100)
});

twice!(arr_select, arr_select_rs, fn(x: i64) -> i64 {
    let mut a = [x, 5, 1, 4, 2];
    a.select_nth_unstable(2);
    a[2]
});

twice!(inf_a, inf_a_rs, fn(x: i64) -> i64 {
    let o = Some([x, 2]);
    o.unwrap()[0]
});

twice!(inf_b, inf_b_rs, fn(x: i64) -> i64 {
    let o = Some([x, 2]);
    let w = o.unwrap();
    w[0]
});

twice!(inf_c, inf_c_rs, fn(x: i64) -> i64 {
    let t = ([x, 2], [3, 4]);
    let o = Some(t.1);
    o.unwrap()[0]
});

twice!(inf_d, inf_d_rs, fn(x: i64) -> i64 {
    let t = ([x, 2], [3, 4]);
    let u = t;
    u.0[1] + t.1[0]
});

/// An array literal of integer literals inside a tuple, moved into `Some` and read back:
/// rustc infers `i64` from the use, and so does jitclass (`Option`'s methods are found
/// while its `T` is still open; it once failed at the first call with an internal error).
#[test]
fn ok_integer_array_from_a_tuple_in_an_option_is_inferred() {
    let _memory = crate::memory_test();
    assert_eq!(inf_c(5), inf_c_rs(5));
    assert_eq!(arr_in_tuple(5), arr_in_tuple_rs(5));
}

#[test]
fn ok_integer_arrays_in_options_and_tuples_are_inferred() {
    let _memory = crate::memory_test();
    for x in [-1, 5] {
        assert_eq!(inf_a(x), inf_a_rs(x));
        assert_eq!(inf_b(x), inf_b_rs(x));
        assert_eq!(inf_d(x), inf_d_rs(x));
    }
}

#[test]
fn ok_array_values_match_rust() {
    let _memory = crate::memory_test();
    for x in [-3i64, 0, 1, 2, 7] {
        assert_eq!(
            arr_for_by_value_mutating(x, 0u8),
            arr_for_by_value_mutating_rs(x, 0u8),
            "for by value {x}"
        );
        assert_eq!(
            arr_swap_literal(x),
            arr_swap_literal_rs(x),
            "swap literal {x}"
        );
        assert_eq!(arr_nested_copy(x), arr_nested_copy_rs(x), "nested {x}");
        assert_eq!(
            arr_unwrapped_into_let(x),
            arr_unwrapped_into_let_rs(x),
            "unwrap let {x}"
        );
        assert_eq!(arr_option_if_let(x), arr_option_if_let_rs(x), "option {x}");
        assert_eq!(arr_by_value_param(x), arr_by_value_param_rs(x), "param {x}");
        assert_eq!(
            arr_iter_mut_and_ref(x),
            arr_iter_mut_and_ref_rs(x),
            "iter {x}"
        );
        assert_eq!(
            arr_of_tuples_sorted_copy(x),
            arr_of_tuples_sorted_copy_rs(x),
            "tuples {x}"
        );
        assert_eq!(arr_bsearch(x), arr_bsearch_rs(x), "bsearch {x}");
    }
    for x in [0.0, -0.0, f64::NAN, 1.0] {
        assert_eq!(arr_eq(x), arr_eq_rs(x), "eq {x}");
    }
}

#[test]
fn ok_sorting_and_searching_arrays_match_rust() {
    let _memory = crate::memory_test();
    for x in [-3i64, 0, 3, 9] {
        assert_eq!(arr_sort(x), arr_sort_rs(x));
        assert_eq!(arr_sort_by(x), arr_sort_by_rs(x));
        assert_eq!(arr_select(x), arr_select_rs(x));
    }
}

// ---- (2) array fields ----

#[jitclass]
pub struct RaGrid {
    pub a: [i64; 3],
    pub pairs: [(i64, f64); 2],
}

#[jitclass]
impl RaGrid {
    pub fn new() -> RaGrid {
        RaGrid {
            a: [1, 2, 3],
            pairs: [(1, 1.0), (2, 2.0)],
        }
    }
    pub fn swap_by_literal(&mut self) {
        self.a = [self.a[1], self.a[0], self.a[2] + self.a[0]];
    }
    pub fn copy_then_mutate(&mut self) -> i64 {
        let c = self.a;
        self.a[0] = 50;
        c[0]
    }
    pub fn sort_field(&mut self) {
        self.a.sort_by(|x, y| y.cmp(x));
    }
}

#[test]
fn ok_array_fields_copy_and_sort() {
    let _m = memory_test();
    {
        let mut g = RaGrid::new();
        g.swap_by_literal();
        assert_eq!(g.a(), [2, 1, 4]);
        assert_eq!(g.copy_then_mutate(), 2);
        assert_eq!(g.a(), [50, 1, 4]);
        g.sort_field();
        assert_eq!(g.a(), [50, 4, 1]);
        assert_eq!(g.pairs(), [(1, 1.0), (2, 2.0)]);
    }
    assert_no_leaks();
}

// ---- (3) large arrays of tuples ----

#[jit]
fn ra_big_tuples(x: f64) -> f64 {
    let mut a = [(0.0f64, 0i64); 128];
    for i in 0..a.len() {
        a[i] = (x * i as f64, i as i64);
    }
    let b = a;
    let mut s = 0.0;
    for p in b {
        s += p.0 + p.1 as f64;
    }
    s
}

#[test]
fn ok_array_of_128_tuples() {
    let _memory = crate::memory_test();
    assert_eq!(ra_big_tuples(1.0), 2.0 * (127.0 * 128.0 / 2.0));
}

// ---- nested arrays, arrays of `Option`s, keys ----

twice!(nested_row_copy, nested_row_copy_rs, fn(i: usize, j: usize) -> i64 {
    let mut a = [[0i64; 4]; 4];
    a[0] = [1, 2, 3, 4];
    a[i] = a[j];
    a[j][0] = 9;
    a[i][0] * 10 + a[i][3]
});

twice!(options_in_array, options_in_array_rs, fn(x: f64) -> f64 {
    let mut a: [Option<f64>; 3] = [None; 3];
    a[1] = Some(x);
    let b = a;
    a[2] = Some(1.0);
    let mut s = 0.0;
    for o in b {
        if let Some(v) = o {
            s += v;
        }
    }
    s + a[2].unwrap()
});

twice!(negating_key, negating_key_rs, fn(mut v: Vec<i64>) -> i64 {
    v.sort_by_key(|x| -x);
    v[0]
});

#[test]
fn ok_nested_rows_options_in_arrays_and_keys_match_rust() {
    let _memory = crate::memory_test();
    for (i, j) in [(0, 0), (1, 0), (0, 1), (3, 3)] {
        assert_eq!(nested_row_copy(i, j), nested_row_copy_rs(i, j), "{i} {j}");
    }
    assert_eq!(options_in_array(2.5), options_in_array_rs(2.5));
    assert_eq!(
        negating_key(vec![3, -1, 7]),
        negating_key_rs(vec![3, -1, 7])
    );
    // Overflow in a key wraps, as documented for jit code (release semantics).
    assert_eq!(negating_key(vec![3, i64::MIN]), i64::MIN);
}
