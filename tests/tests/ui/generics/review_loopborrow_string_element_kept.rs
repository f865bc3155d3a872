// In a generic body, `let y = e;` of the element of `for e in &v` over a `Vec<String>` is
// a `&String` into `v`: a change of `v` while `y` is read afterwards is refused, as rustc
// refuses it (E0502), even on a path leaving the loop.
use jitclass::jit;

#[jit]
fn kept_past_clear<T>(v: Vec<String>, x: T) -> (String, T) {
    let mut v = v;
    let mut out = String::new();
    for e in &v {
        let y = e;
        if y.len() > 1 {
            v.clear();
            out = y.clone();
            break;
        }
    }
    (out, x)
}

fn main() {}
