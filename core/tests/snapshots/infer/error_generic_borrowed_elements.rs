// Generic bodies (which rustc never checks): a name that is a `&T` in Rust (the element
// of `for e in &v`, what `Some(w)` binds on one, a `let` copy of either) stays a
// reference: moved into a `mut` local it changes nothing behind it (E0596), passed where
// the value is expected it is a mismatch (E0308), and a copy of a number element read
// after the `Vec` changed keeps it borrowed (E0502). `s += &s` borrows `s` twice (E0502).
//@ instantiate: through_loop_element::<f64>
//@ instantiate: through_option_binding::<f64>
//@ instantiate: read_after_push::<f64>
//@ instantiate: read_copy_after_push::<f64>
//@ instantiate: add_itself::<f64>
//@ instantiate: iter_mut_while_referenced::<f64>
//@ instantiate: mut_loop_while_referenced::<f64>
//@ instantiate: mut_loop_after_reference::<f64>
//@ instantiate: copies_and_references::<f64>
fn eat(x: Vec<f64>) -> usize {
    let mut x = x;
    x.push(1.0);
    x.len()
}

fn through_loop_element<T>(v: Vec<(i32, Vec<f64>)>, _t: T) -> Vec<(i32, Vec<f64>)> {
    for (k, w) in &v {
        let mut w2 = w;
        w2.push(*k as f64);
    }
    v
}

fn through_option_binding<T>(v: Vec<Option<Vec<f64>>>, _t: T) -> usize {
    let mut n = 0;
    for o in &v {
        if let Some(w) = o {
            n += eat(w);
        }
    }
    n
}

fn read_after_push<T>(v: Vec<i64>, x: T) -> (i64, T) {
    let mut v = v;
    let mut got = 0;
    for e in &v {
        let y = e;
        if *e == 2 {
            v.push(9);
            got = y + 0;
            break;
        }
    }
    (got, x)
}

fn read_copy_after_push<T>(v: Vec<i64>, x: T) -> (i64, T) {
    let mut v = v;
    let mut got = 0;
    for e in &v {
        let y = *e;
        if *e == 2 {
            v.push(9);
            got = y + 0;
            break;
        }
    }
    (got, x)
}

fn add_itself<T>(s: String, x: T) -> (String, T) {
    let mut s = s;
    s += &s;
    (s, x)
}

fn iter_mut_while_referenced<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    for x in v.iter_mut() {
        *x += 1;
    }
    *f.unwrap()
}

fn mut_loop_while_referenced<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    for x in &mut v {
        *x += 1;
    }
    *f.unwrap()
}

fn mut_loop_after_reference<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = *v.first().unwrap();
    for x in &mut v {
        *x += f;
    }
    v[0]
}

fn copies_and_references<T>(v: Vec<Vec<f64>>, _t: T) -> f64 {
    let mut n = 0.0;
    for w in &v {
        let w2 = w;
        n += sum(w2) + first(w2) + pass(w2).len() as f64;
        for x in w2 {
            n += *x;
        }
    }
    n
}

fn sum(w: &Vec<f64>) -> f64 {
    let mut n = 0.0;
    for x in w {
        n += *x;
    }
    n
}

fn first(w: &[f64]) -> f64 {
    w[0]
}

fn pass<U>(u: U) -> U {
    u
}
