//@ instantiate: bad::<f64>
//@ instantiate: ok::<f64>
//@ instantiate: bad_loop::<f64>
//@ instantiate: bad_assign::<f64>
fn bad<T>(mut v: Vec<T>, x: T) -> usize {
    let f = v.first();
    v.push(x);
    if f.is_some() { 1 } else { 0 }
}

fn ok<T>(mut v: Vec<T>, x: T) -> usize {
    let f = v.first();
    let n = if f.is_some() { 1 } else { 0 };
    v.push(x);
    if let Some(y) = v.last() {
        let _ = y;
    }
    let z = *v.first().unwrap();
    v.push(z);
    n
}

fn bad_loop<T>(mut v: Vec<T>, x: T) -> usize {
    let f = v.first();
    let mut n = 0;
    for _i in 0..3 {
        if let Some(_y) = f {
            n += 1;
        }
        v.push(x);
    }
    n
}

fn bad_assign<T>(mut v: Vec<T>, x: T) -> usize {
    if let Some(y) = v.get(0) {
        v[0] = x;
        let _ = y;
    }
    0
}
