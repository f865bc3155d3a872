use jitclass::jit;

#[jit]
fn a(v: Vec<Vec<f64>>) -> Vec<Vec<f64>> {
    let mut v = v;
    for x in &mut v {
        x.push(1.0);
    }
    for x in v.iter_mut() {
        x.push(2.0);
    }
    v
}

#[jit]
fn b(v: &Vec<Option<Vec<f64>>>) -> usize {
    let mut n = 0;
    for o in v {
        if let Some(w) = o {
            for x in w {
                if 0.0 + x > 0.0 {
                    n += 1;
                }
            }
        }
    }
    n
}

fn main() {
    println!("{:?}", a(vec![vec![]]));
    println!("{:?}", b(&vec![Some(vec![1.0, -1.0])]));
}
