// A type that doubles at each `let` passes the type-size limit (1024 parts) at the
// eleventh: rustc's type-length limit, in its words.
fn doubling(a: i32) -> i32 {
    let b = (a, a);
    let c = (b, b);
    let d = (c, c);
    let e = (d, d);
    let f = (e, e);
    let g = (f, f);
    let h = (g, g);
    let i = (h, h);
    let j = (i, i);
    let k = (j, j);
    let l = (k, k);
    a
}
