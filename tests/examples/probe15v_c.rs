use jitclass::jit;

#[jit]
fn a(v: &Vec<(i32, Option<Vec<f64>>)>) -> f64 {
    let mut s = 0.0;
    for (k, o) in v {
        if let Some(w) = o {
            for x in w {
                s += x;
            }
        }
    }
    s
}

#[jit]
fn b(v: &Vec<(i32, Option<Vec<f64>>)>) -> f64 {
    let mut s = 0.0;
    for (k, o) in v {
        s += *k as f64;
    }
    s
}

#[jit]
fn c(v: &Vec<(i32, Option<Vec<f64>>)>) -> f64 {
    let mut s = 0.0;
    for (k, o) in v {
        if let Some(w) = o {
            s += 1000.0;
            for x in w {
                s += *k as f64;
            }
        }
    }
    s
}

#[jit]
fn d(v: Vec<(i32, Option<Vec<f64>>)>) -> f64 {
    let mut s = 0.0;
    for (k, o) in &v {
        if let Some(w) = o {
            for x in w {
                s += x * *k as f64;
            }
        }
    }
    s
}

#[jit]
fn e(v: Vec<(i32, Option<Vec<f64>>)>) -> f64 {
    let mut s = 0.0;
    for (k, o) in v {
        if let Some(w) = o {
            for x in w {
                s += x * k as f64;
            }
        }
    }
    s
}

fn main() {
    let v = vec![(2, Some(vec![1.0, 0.5])), (5, None), (-1, Some(vec![4.0]))];
    println!("a {} expect 5.5", a(&v));
    println!("b {} expect 6", b(&v));
    println!("c {} expect 2000+4-1=2003", c(&v));
    println!("d {} expect -1", d(v.clone()));
    println!("e {} expect -1", e(v.clone()));
}
