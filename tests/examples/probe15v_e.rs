use jitclass::jit;

#[jit]
fn g3<T>(v: Vec<Option<Vec<f64>>>, _t: T) -> Vec<Option<Vec<f64>>> {
    for o in &v {
        if let Some(w) = o {
            w.push(1.0);
        }
    }
    v
}

#[jit]
fn g4<T>(v: Vec<Vec<f64>>, _t: T) -> Vec<Vec<f64>> {
    for w in &v {
        w.push(1.0);
    }
    v
}

fn main() {
    println!("{:?}", g3(vec![Some(vec![1.0]), None], 0));
    println!("{:?}", g4(vec![vec![1.0]], 0));
}
