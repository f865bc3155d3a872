use jitclass::{jit, jitclass};

#[jitclass]
pub struct Holder {
    data: Vec<f64>,
}

#[jitclass]
impl Holder {
    pub fn new() -> Holder {
        Holder {
            data: vec![1.0, 2.0],
        }
    }
}

// 1: match binding kept while pushing (E0502)
#[jit]
fn g1<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    match v.first() {
        Some(x) => {
            v.push(1);
            *x
        }
        None => 0,
    }
}

// 2: copied reference
#[jit]
fn g2<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    let g = f;
    v.push(1);
    g.copied().unwrap_or(0)
}

// 3: iter_mut loop while live
#[jit]
fn g3<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    for x in v.iter_mut() {
        *x += 1;
    }
    *f.unwrap()
}

// 4: for x in &mut v while live
#[jit]
fn g4<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.last();
    for x in &mut v {
        *x += 1;
    }
    *f.unwrap()
}

// 5: &mut Vec param aliased with & of same
#[jit]
fn both(x: &mut Vec<f64>, y: &Vec<f64>) -> f64 {
    x.push(1.0);
    y[y.len() - 1]
}

#[jit]
fn g5<T>(_t: T) -> f64 {
    let mut v = vec![0.0];
    both(&mut v, &v)
}

// 6: &mut field aliased with &mut instance
#[jit]
fn upd(h: &mut Holder, v: &mut Vec<f64>) -> f64 {
    h.data.clear();
    v.push(1.0);
    v[0]
}

#[jit]
fn g6<T>(_t: T) -> f64 {
    let mut h = Holder::new();
    upd(&mut h, &mut h.data)
}

// 7: move out of &mut Vec into a field (E0507)
#[jit]
fn g7<T>(v: &mut Vec<f64>, h: &mut Holder, _t: T) {
    h.data = *v;
}

// 8: while let with last
#[jit]
fn g8<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let mut s = 0;
    while let Some(x) = v.last() {
        v.pop();
        s += *x;
    }
    s
}

// 9: reference kept in a tuple
#[jit]
fn g9<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.get(0).unwrap();
    v.clear();
    *f
}

// 10: reference through a clone into sort
#[jit]
fn g10<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    v.sort();
    *f.unwrap()
}

// 11: change through a &mut Vec function call
#[jit]
fn pushit(v: &mut Vec<i64>) {
    v.push(1);
}

#[jit]
fn g11<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    pushit(&mut v);
    *f.unwrap()
}

// 12: if let with else using v
#[jit]
fn g12<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    if let Some(x) = v.last() {
        v.push(2);
        return *x;
    }
    0
}

fn main() {}
