// A consuming loop over a set field names the shadow's `jitclass::shadow::Elements`
// instead of the set the user wrote. rustc builds it (`a` is owned); jitclass refuses to
// move a container out of a field, and should say so at build time in its own words
// ("cannot move out of a field", as for a map at the first call).
use jitclass::{jit, jitclass};
use std::collections::HashSet;

#[jitclass]
pub struct Seen {
    pub ids: HashSet<u32>,
}

#[jit]
fn consume_set_field(a: Seen) -> u32 {
    let mut t = 0;
    for k in a.ids {
        t += k;
    }
    t
}

fn main() {}
