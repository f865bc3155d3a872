use jitclass::{jit, jitclass};

#[jitclass]
pub struct Rows {
    rows: Vec<Option<Vec<f64>>>,
    tags: Vec<(u8, Option<bool>)>,
}

#[jitclass]
impl Rows {
    pub fn new() -> Rows {
        Rows {
            rows: vec![None, Some(vec![1.0])],
            tags: vec![(1, None), (2, Some(true))],
        }
    }
    pub fn lens(&self) -> usize {
        let mut n = 0;
        for r in &self.rows {
            match r {
                Some(w) => {
                    for x in w {
                        n += 1;
                        let _ = x;
                    }
                }
                None => n += 100,
            }
        }
        n
    }
    pub fn total(&self) -> f64 {
        let mut s = 0.0;
        for r in &self.rows {
            if let Some(w) = r {
                for x in w {
                    s += x;
                }
            }
        }
        s
    }
}

#[jit]
fn through_mut(v: &mut Vec<Vec<f64>>) -> usize {
    let mut n = 0;
    for x in v {
        n += 1;
    }
    n
}

#[jit]
fn through_ref(v: &Vec<Vec<f64>>) -> usize {
    let mut n = 0;
    for x in v {
        n += x.len();
    }
    n
}

#[jit]
fn caller() -> (Vec<Vec<f64>>, usize, usize) {
    let mut v = vec![vec![1.0], vec![]];
    let a = through_mut(&mut v);
    let b = through_ref(&v);
    (v, a, b)
}

#[jit]
fn gen_mut<T: Clone>(v: &mut Vec<Vec<T>>, x: T) -> usize {
    let mut n = 0;
    for w in v {
        n += 1;
    }
    n
}

#[jit]
fn gen_contains<T: PartialEq>(v: Vec<T>, x: T) -> (bool, bool) {
    let w = v.clone();
    (v.contains(&x), v == w)
}

#[jit]
fn gen_clone<T: Clone>(t: T) -> (T, T) {
    (t.clone(), t)
}

#[jit]
fn gen_first<T: Clone>(v: Vec<T>, d: T) -> T {
    let f = v.first();
    if let Some(x) = f {
        return x.clone();
    }
    d
}

#[jit]
fn ret_mid(v: Vec<(Vec<f64>, Vec<f64>)>, k: usize) -> Vec<f64> {
    let mut i = 0;
    for (a, b) in v {
        if i == k {
            return a;
        }
        if b.len() > 5 {
            panic!("long b");
        }
        i += 1;
    }
    Vec::new()
}

fn main() {
    let before = jitclass::stats();
    let r = Rows::new();
    println!(
        "rows {:?} tags {:?} total {}",
        r.rows(),
        r.tags(),
        r.total()
    );
    println!("lens {} {}", r.lens(), r.lens());
    println!("total again {} rows {:?}", r.total(), r.rows());
    r.set_rows(vec![Some(vec![2.0, 3.0]), None]);
    r.set_tags(vec![(9, Some(false))]);
    println!(
        "rows {:?} tags {:?} total {}",
        r.rows(),
        r.tags(),
        r.total()
    );
    let mut v = vec![vec![1.0], vec![]];
    let n = through_mut(&mut v);
    println!("through_mut n={} v={:?} expect 3 [[1,1],[1]]", n, v);
    println!("through_ref {} v={:?}", through_ref(&v), v);
    println!("caller {:?} expect ([[1,1],[1]],3,3)", caller());
    let mut g = vec![vec![1u8], vec![]];
    println!("gen_mut {} {:?}", gen_mut(&mut g, 7u8), g);
    let mut g2: Vec<Vec<Option<Vec<f64>>>> = vec![vec![None]];
    println!(
        "gen_mut2 {} {:?}",
        gen_mut(&mut g2, Some(vec![f64::NAN])),
        g2
    );
    println!(
        "gen_contains {:?} expect (false,false)",
        gen_contains(vec![Some(vec![f64::NAN])], Some(vec![f64::NAN]))
    );
    println!(
        "gen_contains {:?} expect (true,true)",
        gen_contains(vec![(1u8, -0.0f64, 3u16)], (1u8, 0.0, 3u16))
    );
    println!(
        "gen_contains {:?} expect (false,true)",
        gen_contains(Vec::<Vec<bool>>::new(), vec![])
    );
    println!("gen_clone {:?}", gen_clone((1, Some(vec![vec![2.0]]))));
    println!("gen_clone {:?}", gen_clone(vec![(Some(vec![1u8]), 2.0f64)]));
    println!(
        "gen_first {:?}",
        gen_first(vec![vec![1.0], vec![2.0]], vec![])
    );
    println!("gen_first {:?}", gen_first(vec![Some(vec![1.0])], None));
    println!(
        "ret_mid {:?}",
        ret_mid(
            vec![
                (vec![1.0], vec![]),
                (vec![2.0], vec![3.0]),
                (vec![4.0], vec![0.0; 9])
            ],
            1
        )
    );
    println!(
        "ret_mid {:?}",
        std::panic::catch_unwind(|| ret_mid(
            vec![
                (vec![1.0], vec![]),
                (vec![2.0], vec![0.0; 9]),
                (vec![4.0], vec![])
            ],
            5
        ))
        .is_err()
    );
    drop((r, v, g, g2));
    println!(
        "stats before {:?}\nstats after  {:?}",
        before,
        jitclass::stats()
    );
}
