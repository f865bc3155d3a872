//! Control flow: `if`, loops, labels, early returns, and divergence in the middle of
//! expressions.

use crate::balanced_since;
use crate::fixtures::{RCell, take3};
use jitclass::jit;
use std::panic::catch_unwind;

#[jit]
fn classify(x: i64) -> i64 {
    if x < 0 {
        -1
    } else if x == 0 {
        0
    } else {
        1
    }
}

#[jit]
fn abs_statement(x: i64) -> i64 {
    let mut y = x;
    if y < 0 {
        y = -y;
    }
    y
}

#[jit]
fn collatz_steps(mut n: u64) -> u32 {
    let mut steps = 0;
    while n != 1 {
        if n % 2 == 0 {
            n /= 2;
        } else {
            n = 3 * n + 1;
        }
        steps += 1;
    }
    steps
}

#[jit]
fn first_square_above(limit: i64) -> i64 {
    let mut i = 0;
    loop {
        if i * i > limit {
            break i;
        }
        i += 1;
    }
}

#[jit]
fn sum_range(a: i32, b: i32) -> i32 {
    let mut s = 0;
    for i in a..b {
        s += i;
    }
    s
}

#[jit]
fn sum_inclusive(a: u8, b: u8) -> u32 {
    let mut s = 0u32;
    for i in a..=b {
        s += i as u32;
    }
    s
}

#[jit]
fn count_inclusive_full_range() -> u32 {
    let mut n = 0u32;
    for _ in 0u8..=255 {
        n += 1;
    }
    n
}

#[jit]
fn skip_odd_stop_at(limit: i64, stop: i64) -> i64 {
    let mut s = 0;
    for i in 0..limit {
        if i % 2 == 1 {
            continue;
        }
        if i == stop {
            break;
        }
        s += i;
    }
    s
}

#[jit]
fn labeled(n: i64) -> i64 {
    let mut count = 0;
    'outer: for i in 0..n {
        for j in 0..n {
            if j > i {
                continue 'outer;
            }
            if i + j > 6 {
                break 'outer;
            }
            count += 1;
        }
    }
    count
}

#[jit]
fn early_return(x: i64) -> i64 {
    if x > 10 {
        return 10;
    }
    let mut y = x;
    while y < 100 {
        if y == 7 {
            return -7;
        }
        y += 3;
    }
    y
}

#[jit]
fn block_expression(x: i64) -> i64 {
    let y = {
        let a = x * 2;
        a + 1
    };
    y * 10
}

#[jit]
fn loop_variable_is_a_copy(n: i64) -> i64 {
    let mut total = 0;
    for mut i in 0..n {
        total += i;
        i += 100;
        total += i - 100;
    }
    total
}

#[jit]
fn empty_range(a: i64, b: i64) -> i64 {
    let mut n = 0;
    for _ in a..b {
        n += 1;
    }
    for _ in a..=b {
        n += 10;
    }
    n
}

#[jit]
fn while_with_break(limit: i32) -> i32 {
    let mut i = 0;
    while true {
        i += 1;
        if i >= limit {
            break;
        }
    }
    i
}

#[jit]
fn nested_if_value(a: bool, b: bool) -> i32 {
    let x = if a {
        if b { 1 } else { 2 }
    } else if b {
        3
    } else {
        4
    };
    x
}

#[jit]
fn diverging_branch(x: i64) -> i64 {
    let y = if x > 0 { x } else { return 0 };
    y + 1
}

#[test]
fn if_else_as_expression_and_statement() {
    assert_eq!((classify(-5), classify(0), classify(9)), (-1, 0, 1));
    assert_eq!(abs_statement(-3), 3);
    assert_eq!(abs_statement(3), 3);
    assert_eq!(nested_if_value(true, true), 1);
    assert_eq!(nested_if_value(true, false), 2);
    assert_eq!(nested_if_value(false, true), 3);
    assert_eq!(nested_if_value(false, false), 4);
    assert_eq!(diverging_branch(5), 6);
    assert_eq!(diverging_branch(-5), 0);
}

#[test]
fn while_and_loop_with_break_value() {
    assert_eq!(collatz_steps(27), 111);
    assert_eq!(first_square_above(50), 8);
    assert_eq!(while_with_break(5), 5);
}

#[test]
fn for_ranges() {
    assert_eq!(sum_range(0, 10), 45);
    assert_eq!(sum_range(-3, 3), -3);
    assert_eq!(sum_inclusive(1, 10), 55);
    assert_eq!(sum_inclusive(250, 255), (250..=255u32).sum());
    assert_eq!(count_inclusive_full_range(), 256);
    assert_eq!(empty_range(5, 5), 10);
    assert_eq!(empty_range(6, 5), 0);
    assert_eq!(loop_variable_is_a_copy(4), 12);
}

#[test]
fn break_continue_labels_and_early_return() {
    assert_eq!(skip_odd_stop_at(100, 8), 2 + 4 + 6);
    let mut count = 0;
    'outer: for i in 0..10 {
        for j in 0..10 {
            if j > i {
                continue 'outer;
            }
            if i + j > 6 {
                break 'outer;
            }
            count += 1;
        }
    }
    assert_eq!(labeled(10), count);
    assert_eq!(early_return(50), 10);
    assert_eq!(early_return(1), -7);
    assert_eq!(early_return(2), 101);
    assert_eq!(block_expression(4), 90);
    crate::assert_no_leaks();
}

#[jit]
fn let_of_a_diverging_value(c: bool) -> i64 {
    if c {
        let _never = return 1;
    }
    2
}

#[test]
fn a_binding_of_a_diverging_expression_needs_no_type() {
    assert_eq!(let_of_a_diverging_value(true), 1);
    assert_eq!(let_of_a_diverging_value(false), 2);
}

// ---- probes: divergence in the middle of expressions ------------------------------------

#[jit]
fn diverge_mid(mode: i64, n: i64) -> i64 {
    let mut total = 0;
    let keep = RCell::new(1);
    for i in 0..n {
        total += take3(
            RCell::new(i),
            keep.clone(),
            if mode == 1 && i == 2 {
                return total;
            } else if mode == 2 && i == 1 {
                continue;
            } else if mode == 3 && i == 3 {
                break;
            } else {
                1
            },
        );
        let t = (RCell::new(5), if mode == 4 { 10 / (i - 2) } else { 0 });
        total += t.1;
    }
    total
}

#[test]
#[allow(clippy::identity_op)] // Expected values spell out the computation (`0 + 1 + 2`).
fn ok_diverge_mid_expression() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(diverge_mid(0, 5), (0 + 1 + 2 + 3 + 4) + 5 * 2);
    assert_eq!(diverge_mid(1, 5), 2 + 3);
    assert_eq!(diverge_mid(2, 5), (0 + 2 + 3 + 4) + 4 * 2);
    assert_eq!(diverge_mid(3, 5), (0 + 1 + 2) + 3 * 2);
    let r = catch_unwind(|| diverge_mid(4, 5));
    assert!(r.is_err());
    assert!(balanced_since(&before));
}

#[jit]
fn break_value_mid(n: i64) -> i64 {
    let mut total = 0;
    for i in 0..n {
        let c = loop {
            let t = (
                RCell::new(i),
                if i % 2 == 0 { break RCell::new(100) } else { 1 },
            );
            break t.0;
        };
        total += c.value;
    }
    total
}

#[test]
fn ok_break_value_mid() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(break_value_mid(4), 100 + 1 + 100 + 3);
    assert!(balanced_since(&before));
}

#[jit]
fn assert_mid(x: i64) -> i64 {
    let a = RCell::new(1);
    let t = (a, RCell::new(2), {
        assert!(x > 0, "x must be positive: {}", x);
        x
    });
    t.0.value + t.1.value + t.2
}

#[test]
fn ok_assert_mid() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(assert_mid(3), 6);
    assert!(catch_unwind(|| assert_mid(-1)).is_err());
    assert!(balanced_since(&before));
}
