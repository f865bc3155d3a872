use jitclass::jit;

#[jit]
fn eat(x: Vec<f64>) -> usize {
    let mut x = x;
    x.push(1.0);
    x.len()
}

#[jit]
fn g1<T>(v: Vec<Option<Vec<f64>>>, _t: T) -> (usize, Vec<Option<Vec<f64>>>) {
    let mut n = 0;
    for o in &v {
        if let Some(w) = o {
            n += eat(w);
        }
    }
    (n, v)
}

#[jit]
fn g2<T>(v: Vec<Vec<f64>>, _t: T) -> (usize, Vec<Vec<f64>>) {
    let mut n = 0;
    for w in &v {
        n += eat(w);
    }
    (n, v)
}

#[jit]
fn g3<T>(v: Vec<Option<Vec<f64>>>, _t: T) -> Vec<Option<Vec<f64>>> {
    for o in &v {
        if let Some(w) = o {
            let mut w2 = w;
            w2.push(1.0);
        }
    }
    v
}

#[jit]
fn g4<T>(v: Vec<(i32, Vec<f64>)>, _t: T) -> Vec<(i32, Vec<f64>)> {
    for (k, w) in &v {
        let mut w2 = w;
        w2.push(*k as f64);
    }
    v
}

fn main() {
    println!("{:?}", g1(vec![Some(vec![1.0]), None], 0));
    println!("{:?}", g2(vec![vec![1.0]], 0));
    println!("{:?}", g3(vec![Some(vec![1.0]), None], 0));
    println!("{:?}", g4(vec![(3, vec![1.0])], 0));
}
