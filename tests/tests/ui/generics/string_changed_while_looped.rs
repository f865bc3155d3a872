// In generic bodies (which rustc does not check) jitclass refuses, as rustc refuses the
// same code, a change of a `String` while a `for` loop over its text may go on, or while
// a view of the text is read afterwards (E0502). The loop's borrow ends on a path leaving
// it once nothing reads the text, as in rustc (`integration/loop_borrow_ends.rs`).
use jitclass::jit;

#[jit]
fn push_then_read_the_word<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    for w in s.split_whitespace() {
        if w == "b" {
            s.push_str(" and a longer tail");
            return (w.len(), x);
        }
    }
    (0, x)
}

#[jit]
fn push_then_go_on<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        if c == 'b' {
            s.push('!');
        }
    }
    (n, x)
}

#[jit]
fn keep_word_then_push<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let mut first = ("", 0);
    for w in s.split(' ') {
        first.0 = w;
        if w == "b" {
            s.push_str(" and a longer tail");
            break;
        }
    }
    (first.0.len(), x)
}

#[jit]
fn nested_loops_over_one_text<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let mut n = 0;
    for a in s.chars() {
        for b in s.chars() {
            n += 1;
            if a == b {
                s.push_str(" and a longer tail");
                break;
            }
        }
    }
    (n, x)
}

#[jit]
fn push_then_read_on_the_same_path<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let mut n = 0;
    for w in s.split(' ') {
        if w.len() == 1 {
            s.push_str(" and a longer tail");
        } else {
            break;
        }
        n += w.len();
    }
    (n, x)
}

#[jit]
fn break_value_borrows<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let n = loop {
        let mut found = 0;
        for w in s.split(' ') {
            if w == "b" {
                s.push_str(" and a longer tail");
                found = w.len();
                break;
            }
        }
        break found;
    };
    (n, x)
}

fn main() {}
