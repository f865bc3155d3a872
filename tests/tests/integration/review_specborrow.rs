//! Review probes of the String borrow checks in generic bodies (`S = String`): each valid
//! body rustc accepts runs as rustc's build of it does; each body rustc refuses is refused at
//! the first call with rustc's error code and the user's variable.

// The bodies are the user forms probed, written as users write them.
#![allow(
    clippy::single_char_add_str,
    clippy::let_and_return,
    clippy::useless_vec
)]

use crate::{balanced_since, memory_test, panic_message};
use jitclass::jit;
use std::fmt::Write;

#[jit]
fn lens(v: &str, s: String) -> usize {
    v.len() * 10 + s.len()
}

#[jit]
fn push_other<S>(s: S, t: S) -> S {
    let mut s = s;
    s.push_str(&t);
    s
}

#[allow(unused_mut, unused_variables)]
fn push_other_rs(s: String, t: String) -> String {
    let mut s = s;
    s.push_str(&t);
    s
}

#[jit]
fn len_then_push<S>(s: S, t: S) -> S {
    let mut s = s;
    let n = s.len();
    s.push_str("x");
    write!(s, "{}", n).unwrap();
    s
}

#[allow(unused_mut, unused_variables)]
fn len_then_push_rs(s: String, t: String) -> String {
    let mut s = s;
    let n = s.len();
    s.push_str("x");
    write!(s, "{}", n).unwrap();
    s
}

#[jit]
fn add_clone<S>(s: S, t: S) -> S {
    let mut s = s;
    s = s.clone() + "x";
    s
}

#[allow(unused_mut, unused_variables)]
fn add_clone_rs(s: String, t: String) -> String {
    let mut s = s;
    s = s.clone() + "x";
    s
}

// `t.clone()`: formatting the parameter `t` of the unbounded `S` itself is rustc's E0277
// at build time (tests/ui/formatting/format_unbounded_generic.rs); so in `write_len`.
#[jit]
fn format_reassign<S>(s: S, t: S) -> S {
    let mut s = s;
    s = format!("{}{}", s, t.clone());
    s
}

#[allow(unused_mut, unused_variables)]
fn format_reassign_rs(s: String, t: String) -> String {
    let mut s = s;
    s = format!("{}{}", s, t.clone());
    s
}

#[jit]
fn push_clone<S>(s: S, t: S) -> S {
    let mut s = s;
    s.push_str(&s.clone());
    s
}

#[allow(unused_mut, unused_variables)]
fn push_clone_rs(s: String, t: String) -> String {
    let mut s = s;
    s.push_str(&s.clone());
    s
}

#[jit]
fn copy_then_push<S>(s: S, t: S) -> S {
    let mut s = s;
    let u = s.as_str().to_string();
    s.push_str(&u);
    s
}

#[allow(unused_mut, unused_variables)]
fn copy_then_push_rs(s: String, t: String) -> String {
    let mut s = s;
    let u = s.as_str().to_string();
    s.push_str(&u);
    s
}

#[jit]
fn loop_break_before_change<S>(s: S, t: S) -> S {
    let mut s = s;
    let mut n = 0;
    for c in s.chars() {
        if c == 'b' {
            break;
        }
        n += 1;
    }
    write!(s, "{}", n).unwrap();
    s
}

#[allow(unused_mut, unused_variables)]
fn loop_break_before_change_rs(s: String, t: String) -> String {
    let mut s = s;
    let mut n = 0;
    for c in s.chars() {
        if c == 'b' {
            break;
        }
        n += 1;
    }
    write!(s, "{}", n).unwrap();
    s
}

#[jit]
fn loop_other_text<S>(s: S, t: S) -> S {
    let mut s = s;
    for w in t.split_whitespace() {
        s.push_str(w);
        s.push('|');
    }
    s
}

#[allow(unused_mut, unused_variables)]
fn loop_other_text_rs(s: String, t: String) -> String {
    let mut s = s;
    for w in t.split_whitespace() {
        s.push_str(w);
        s.push('|');
    }
    s
}

#[jit]
fn shadow_trim<S>(s: S, t: S) -> S {
    let s = s.trim().to_string();
    let mut s = s;
    s.push('!');
    s
}

#[allow(unused_mut, unused_variables)]
fn shadow_trim_rs(s: String, t: String) -> String {
    let s = s.trim().to_string();
    let mut s = s;
    s.push('!');
    s
}

#[jit]
fn loop_change_then_break<S>(s: S, t: S) -> S {
    let mut s = s;
    for c in s.chars() {
        if c == 'b' {
            s.push('!');
            break;
        }
    }
    s
}

#[allow(unused_mut, unused_variables)]
fn loop_change_then_break_rs(s: String, t: String) -> String {
    let mut s = s;
    for c in s.chars() {
        if c == 'b' {
            s.push('!');
            break;
        }
    }
    s
}

#[jit]
fn loop_change_then_return<S>(s: S, t: S) -> S {
    let mut s = s;
    for c in s.chars() {
        if c == 'b' {
            s.push('?');
            return s;
        }
    }
    s.push('.');
    s
}

#[allow(unused_mut, unused_variables)]
fn loop_change_then_return_rs(s: String, t: String) -> String {
    let mut s = s;
    for c in s.chars() {
        if c == 'b' {
            s.push('?');
            return s;
        }
    }
    s.push('.');
    s
}

#[jit]
fn loop_over_clone<S>(s: S, t: S) -> S {
    let mut s = s;
    for w in s.clone().split_whitespace() {
        s.push_str(w);
    }
    s
}

#[allow(unused_mut, unused_variables)]
fn loop_over_clone_rs(s: String, t: String) -> String {
    let mut s = s;
    for w in s.clone().split_whitespace() {
        s.push_str(w);
    }
    s
}

#[jit]
fn loop_shadowed_inside<S>(s: S, t: S) -> S {
    let mut out = t;
    for c in s.chars() {
        let mut s = String::new();
        s.push(c);
        s.push(c);
        out.push_str(&s);
    }
    out
}

#[allow(unused_mut, unused_variables)]
fn loop_shadowed_inside_rs(s: String, t: String) -> String {
    let mut out = t;
    for c in s.chars() {
        let mut s = String::new();
        s.push(c);
        s.push(c);
        out.push_str(&s);
    }
    out
}

#[jit]
fn tuple_fields<S>(s: S, t: S) -> S {
    let mut p = (s, t);
    p.0.push_str(&p.1);
    p.0
}

#[allow(unused_mut, unused_variables)]
fn tuple_fields_rs(s: String, t: String) -> String {
    let mut p = (s, t);
    p.0.push_str(&p.1);
    p.0
}

#[jit]
fn vec_elems<S>(s: S, t: S) -> S {
    let mut v = vec![s, t];
    let u = v[1].clone();
    v[0].push_str(&u);
    v[0].clone()
}

#[allow(unused_mut, unused_variables)]
fn vec_elems_rs(s: String, t: String) -> String {
    let mut v = vec![s, t];
    let u = v[1].clone();
    v[0].push_str(&u);
    v[0].clone()
}

#[jit]
fn vec_a<S>(s: S, t: S) -> S {
    let v = vec![s, t];
    v[0].clone()
}

#[allow(unused_mut, unused_variables)]
fn vec_a_rs(s: String, t: String) -> String {
    let v = vec![s, t];
    v[0].clone()
}

#[jit]
fn vec_b<S>(s: S, t: S) -> S {
    let mut v = vec![s, t];
    v[0].push_str("x");
    v[0].clone()
}

#[allow(unused_mut, unused_variables)]
fn vec_b_rs(s: String, t: String) -> String {
    let mut v = vec![s, t];
    v[0].push_str("x");
    v[0].clone()
}

#[jit]
fn vec_c<S>(s: S, t: S) -> S {
    let v = vec![s, t];
    let u = v[1].clone();
    u
}

#[allow(unused_mut, unused_variables)]
fn vec_c_rs(s: String, t: String) -> String {
    let v = vec![s, t];
    let u = v[1].clone();
    u
}

#[jit]
fn write_len<S>(s: S, t: S) -> S {
    let mut s = s;
    write!(s, "{}{}", t.clone(), s.len()).unwrap();
    s
}

#[allow(unused_mut, unused_variables)]
fn write_len_rs(s: String, t: String) -> String {
    let mut s = s;
    write!(s, "{}{}", t.clone(), s.len()).unwrap();
    s
}

#[jit]
fn lend_then_move_other<S>(s: S, t: S) -> S {
    let n = lens(s.as_str(), t.clone());
    let m = lens(s.clone().as_str(), s);
    let mut out = t;
    write!(out, "{}", n + m).unwrap();
    out
}

#[allow(unused_mut, unused_variables)]
fn lend_then_move_other_rs(s: String, t: String) -> String {
    let n = lens(s.as_str(), t.clone());
    let m = lens(s.clone().as_str(), s);
    let mut out = t;
    write!(out, "{}", n + m).unwrap();
    out
}

#[jit]
fn nested_loops_other<S>(s: S, t: S) -> S {
    let mut out = t.clone();
    for a in t.split_whitespace() {
        for c in s.chars() {
            out.push(c);
        }
        out.push_str(a);
    }
    out
}

#[allow(unused_mut, unused_variables)]
fn nested_loops_other_rs(s: String, t: String) -> String {
    let mut out = t.clone();
    for a in t.split_whitespace() {
        for c in s.chars() {
            out.push(c);
        }
        out.push_str(a);
    }
    out
}

#[jit]
fn substring_of_clone<S>(s: S, t: S) -> S {
    let mut s = s;
    s.push_str(&s.clone()[1..]);
    s
}

#[allow(unused_mut, unused_variables)]
fn substring_of_clone_rs(s: String, t: String) -> String {
    let mut s = s;
    s.push_str(&s.clone()[1..]);
    s
}

#[jit]
fn loop_reads_s<S>(s: S, t: S) -> S {
    let mut out = t;
    for c in s.chars() {
        if s.len() > 2 {
            out.push(c);
        }
    }
    out
}

#[allow(unused_mut, unused_variables)]
fn loop_reads_s_rs(s: String, t: String) -> String {
    let mut out = t;
    for c in s.chars() {
        if s.len() > 2 {
            out.push(c);
        }
    }
    out
}

#[jit]
fn loop_assigns_other_from_s<S>(s: S, t: S) -> S {
    let mut t = t;
    for c in s.chars() {
        t = s.clone();
        t.push(c);
    }
    t
}

#[allow(unused_mut, unused_variables)]
fn loop_assigns_other_from_s_rs(s: String, t: String) -> String {
    let mut t = t;
    for c in s.chars() {
        t = s.clone();
        t.push(c);
    }
    t
}

#[jit]
fn loop_continue<S>(s: S, t: S) -> S {
    let mut out = t;
    for w in s.split(' ') {
        if w.is_empty() {
            continue;
        }
        out.push_str(w);
    }
    out
}

#[allow(unused_mut, unused_variables)]
fn loop_continue_rs(s: String, t: String) -> String {
    let mut out = t;
    for w in s.split(' ') {
        if w.is_empty() {
            continue;
        }
        out.push_str(w);
    }
    out
}

#[jit]
fn mutual_push<S>(s: S, t: S) -> S {
    let mut s = s;
    let mut t = t;
    s.push_str(&t);
    t.push_str(&s);
    s + &t
}

#[allow(unused_mut, unused_variables)]
fn mutual_push_rs(s: String, t: String) -> String {
    let mut s = s;
    let mut t = t;
    s.push_str(&t);
    t.push_str(&s);
    s + &t
}

#[jit]
fn add_assign_other<S>(s: S, t: S) -> S {
    let mut s = s;
    s += &t;
    s += &s.clone();
    s
}

#[allow(unused_mut, unused_variables)]
fn add_assign_other_rs(s: String, t: String) -> String {
    let mut s = s;
    s += &t;
    s += &s.clone();
    s
}

#[jit]
fn change_after_loop_in_outer<S>(s: S, t: S) -> S {
    let mut s = s;
    let mut n = 0;
    for a in t.chars() {
        for c in s.chars() {
            if c == a {
                n += 1;
            }
        }
        s.push(a);
    }
    write!(s, "{}", n).unwrap();
    s
}

#[allow(unused_mut, unused_variables)]
fn change_after_loop_in_outer_rs(s: String, t: String) -> String {
    let mut s = s;
    let mut n = 0;
    for a in t.chars() {
        for c in s.chars() {
            if c == a {
                n += 1;
            }
        }
        s.push(a);
    }
    write!(s, "{}", n).unwrap();
    s
}

#[jit]
fn break_outer_after_change<S>(s: S, t: S) -> S {
    let mut s = s;
    'outer: for a in t.chars() {
        for c in s.chars() {
            if c == a {
                s.push('#');
                break 'outer;
            }
        }
    }
    s
}

#[allow(unused_mut, unused_variables)]
fn break_outer_after_change_rs(s: String, t: String) -> String {
    let mut s = s;
    'outer: for a in t.chars() {
        for c in s.chars() {
            if c == a {
                s.push('#');
                break 'outer;
            }
        }
    }
    s
}

#[jit]
fn inner_loop_over_s_changes_after_break<S>(s: S, t: S) -> S {
    let mut s = s;
    for _a in t.chars() {
        for c in s.chars() {
            if c == 'b' {
                break;
            }
        }
        s.push('+');
    }
    s
}

#[allow(unused_mut, unused_variables)]
fn inner_loop_over_s_changes_after_break_rs(s: String, t: String) -> String {
    let mut s = s;
    for _a in t.chars() {
        for c in s.chars() {
            if c == 'b' {
                break;
            }
        }
        s.push('+');
    }
    s
}

#[jit]
fn view_kept_then_push<S>(s: S, t: S) -> S {
    let mut s = s;
    let r = s.as_str();
    s.push('x');
    let _ = t;
    r.to_string()
}

#[jit]
fn bytes_loop_push<S>(s: S, t: S) -> S {
    let mut s = s;
    for b in s.bytes() {
        if b > 0 {
            s.push('x');
        }
    }
    let _ = t;
    s
}

#[jit]
fn lines_loop_push<S>(s: S, t: S) -> S {
    let mut s = s;
    for l in s.lines() {
        s.push_str("x");
        let _ = l;
    }
    let _ = t;
    s
}

#[jit]
fn nested_inner_push<S>(s: S, t: S) -> S {
    let mut s = s;
    for a in t.chars() {
        for _c in s.chars() {
            s.push(a);
        }
    }
    s
}

#[jit]
fn push_sub_slice<S>(s: S, t: S) -> S {
    let mut s = s;
    s.push_str(&s[1..]);
    let _ = t;
    s
}

#[jit]
fn push_trim<S>(s: S, t: S) -> S {
    let mut s = s;
    s.push_str(s.trim());
    let _ = t;
    s
}

#[jit]
fn tuple_self_push<S>(s: S, t: S) -> S {
    let mut p = (s, t);
    p.0.push_str(&p.0);
    p.0
}

#[jit]
fn lend_ref_and_move<S>(s: S, t: S) -> S {
    let n = lens(&s, s);
    let mut t = t;
    write!(t, "{}", n).unwrap();
    t
}

#[jit]
fn push_word_then_break<S>(s: S, t: S) -> S {
    let mut s = s;
    for w in s.split_whitespace() {
        s.push_str(w);
        break;
    }
    let _ = t;
    s
}

#[jit]
fn view_kept_then_move<S>(s: S, t: S) -> S {
    let r = s.as_str();
    let u = s;
    let _ = t;
    r.to_string() + &u
}

#[jit]
fn char_indices_push<S>(s: S, t: S) -> S {
    let mut s = s;
    for (_i, c) in s.char_indices() {
        s.push(c);
    }
    let _ = t;
    s
}

#[jit]
fn view_kept_then_assign<S>(s: S, t: S) -> S {
    let mut s = s;
    let r = s.as_str();
    s = t;
    r.to_string() + &s
}

#[jit]
fn loop_assign_outer_then_inner_text<S>(s: S, t: S) -> S {
    let mut s = s;
    for a in t.chars() {
        for _c in s.chars() {
            s = t.clone();
            s.push(a);
        }
    }
    s
}

#[test]
fn review_specborrow_runs_push_other() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            push_other::<String>(s.into(), t.into()),
            push_other_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_len_then_push() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            len_then_push::<String>(s.into(), t.into()),
            len_then_push_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_add_clone() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            add_clone::<String>(s.into(), t.into()),
            add_clone_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_format_reassign() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            format_reassign::<String>(s.into(), t.into()),
            format_reassign_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_push_clone() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            push_clone::<String>(s.into(), t.into()),
            push_clone_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_copy_then_push() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            copy_then_push::<String>(s.into(), t.into()),
            copy_then_push_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_loop_break_before_change() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            loop_break_before_change::<String>(s.into(), t.into()),
            loop_break_before_change_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_loop_other_text() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            loop_other_text::<String>(s.into(), t.into()),
            loop_other_text_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_shadow_trim() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            shadow_trim::<String>(s.into(), t.into()),
            shadow_trim_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_loop_change_then_break() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            loop_change_then_break::<String>(s.into(), t.into()),
            loop_change_then_break_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_loop_change_then_return() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            loop_change_then_return::<String>(s.into(), t.into()),
            loop_change_then_return_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_loop_over_clone() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            loop_over_clone::<String>(s.into(), t.into()),
            loop_over_clone_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_loop_shadowed_inside() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            loop_shadowed_inside::<String>(s.into(), t.into()),
            loop_shadowed_inside_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_tuple_fields() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            tuple_fields::<String>(s.into(), t.into()),
            tuple_fields_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_vec_elems() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            vec_elems::<String>(s.into(), t.into()),
            vec_elems_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_vec_a() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            vec_a::<String>(s.into(), t.into()),
            vec_a_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_vec_b() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            vec_b::<String>(s.into(), t.into()),
            vec_b_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_vec_c() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            vec_c::<String>(s.into(), t.into()),
            vec_c_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_write_len() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            write_len::<String>(s.into(), t.into()),
            write_len_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_lend_then_move_other() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            lend_then_move_other::<String>(s.into(), t.into()),
            lend_then_move_other_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_nested_loops_other() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            nested_loops_other::<String>(s.into(), t.into()),
            nested_loops_other_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_substring_of_clone() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            substring_of_clone::<String>(s.into(), t.into()),
            substring_of_clone_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_loop_reads_s() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            loop_reads_s::<String>(s.into(), t.into()),
            loop_reads_s_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_loop_assigns_other_from_s() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            loop_assigns_other_from_s::<String>(s.into(), t.into()),
            loop_assigns_other_from_s_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_loop_continue() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            loop_continue::<String>(s.into(), t.into()),
            loop_continue_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_mutual_push() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            mutual_push::<String>(s.into(), t.into()),
            mutual_push_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_add_assign_other() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            add_assign_other::<String>(s.into(), t.into()),
            add_assign_other_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_change_after_loop_in_outer() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            change_after_loop_in_outer::<String>(s.into(), t.into()),
            change_after_loop_in_outer_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_break_outer_after_change() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            break_outer_after_change::<String>(s.into(), t.into()),
            break_outer_after_change_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_runs_inner_loop_over_s_changes_after_break() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (s, t) in [("ab cd", "xy"), ("abc", "b a"), ("hello world", "b")] {
        assert_eq!(
            inner_loop_over_s_changes_after_break::<String>(s.into(), t.into()),
            inner_loop_over_s_changes_after_break_rs(s.into(), t.into()),
            "{s:?} {t:?}"
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_specborrow_refuses_view_kept_then_push() {
    let _m = memory_test();
    let message = panic_message(|| view_kept_then_push(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0502") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_bytes_loop_push() {
    let _m = memory_test();
    let message = panic_message(|| bytes_loop_push(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0502") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_lines_loop_push() {
    let _m = memory_test();
    let message = panic_message(|| lines_loop_push(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0502") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_nested_inner_push() {
    let _m = memory_test();
    let message = panic_message(|| nested_inner_push(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0502") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_push_sub_slice() {
    let _m = memory_test();
    let message = panic_message(|| push_sub_slice(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0502") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_push_trim() {
    let _m = memory_test();
    let message = panic_message(|| push_trim(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0502") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_tuple_self_push() {
    let _m = memory_test();
    let message = panic_message(|| tuple_self_push(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0502") && message.contains("`p.0`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_lend_ref_and_move() {
    let _m = memory_test();
    let message = panic_message(|| lend_ref_and_move(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0505") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_push_word_then_break() {
    let _m = memory_test();
    let message = panic_message(|| push_word_then_break(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0502") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_view_kept_then_move() {
    let _m = memory_test();
    let message = panic_message(|| view_kept_then_move(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0505") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_char_indices_push() {
    let _m = memory_test();
    let message = panic_message(|| char_indices_push(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0502") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_view_kept_then_assign() {
    let _m = memory_test();
    let message =
        panic_message(|| view_kept_then_assign(String::from("ab cd"), String::from("xy")));
    assert!(
        ((message.contains("E0506") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}

#[test]
fn review_specborrow_refuses_loop_assign_outer_then_inner_text() {
    let _m = memory_test();
    let message = panic_message(|| {
        loop_assign_outer_then_inner_text(String::from("ab cd"), String::from("xy"))
    });
    assert!(
        ((message.contains("E0506") && message.contains("`s`"))
            || message.contains("cannot be kept in a local in a generic jit fn"))
            && message.contains("S = String"),
        "{message}"
    );
}
