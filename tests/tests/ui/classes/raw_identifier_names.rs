// Raw identifiers (`r#type`, `r#match`, `r#loop`, `r#in`) as field, fn and local names:
// jitclass's own messages print them as rustc does: a member with `r#` (E0609's "no field
// `r#match`"), a variable without (the borrow checker's "cannot assign twice to immutable
// variable `loop`", "use of moved value: `in`").
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Token {
    pub r#type: i64,
}

#[jit]
fn r#match(x: i64) -> i64 {
    x
}

#[jit]
fn twice() -> i64 {
    let r#loop = 1;
    r#loop = 2;
    r#loop
}

#[jit]
fn unknown(t: Token) -> i64 {
    t.r#match
}

#[jit]
fn moved(t: Token) -> i64 {
    let r#in = t;
    let _a = r#in;
    let _b = r#in;
    r#match(1)
}

#[jit]
fn unknown_assigned(mut t: Token) {
    t.r#match = 1;
}

fn main() {}
