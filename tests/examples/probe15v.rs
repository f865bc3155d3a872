use jitclass::{jit, jitclass};

#[jitclass]
pub struct Holder {
    data: Vec<f64>,
    pads: Vec<(u8, f64, u16)>,
}

#[jitclass]
impl Holder {
    pub fn new() -> Holder {
        Holder {
            data: vec![1.0, 2.0],
            pads: Vec::new(),
        }
    }
}

#[jit]
fn pad(v: Vec<(u8, f64, u16)>) -> Vec<(u8, f64, u16)> {
    let mut v = v;
    for i in 0..v.len() {
        v[i].0 += 1;
        v[i].1 *= 2.0;
        v[i].2 += 3;
    }
    v.push((7, 0.5, 9));
    v
}

#[jit]
fn pad_ref(v: &Vec<(u8, f64, u16)>) -> f64 {
    let mut s = 0.0;
    for t in v {
        s += t.0 as f64 + t.1 + t.2 as f64 * 100.0;
    }
    s
}

#[jit]
fn pad_mut(v: &mut Vec<(u8, f64, u16)>) {
    v.push((1, 2.0, 3));
    v[0].2 = 77;
}

#[jit]
fn eqs(a: Vec<f64>, b: Vec<f64>, x: f64) -> (bool, bool, bool) {
    (a == b, a != b, a.contains(&x))
}

#[jit]
fn eq_opt(a: Vec<Option<f64>>, b: Vec<Option<f64>>) -> (bool, bool) {
    (a == b, a != b)
}

#[jit]
fn eq_nested(
    a: Vec<Option<Vec<f64>>>,
    b: Vec<Option<Vec<f64>>>,
    x: Option<Vec<f64>>,
) -> (bool, bool, bool) {
    (a == b, a != b, a.contains(&x))
}

#[jit]
fn eq_tup(a: Vec<(u8, f64, u16)>, b: Vec<(u8, f64, u16)>) -> (bool, bool) {
    (a == b, a != b)
}

#[jit]
fn eq_vv(a: Vec<Vec<f64>>, b: Vec<Vec<f64>>, x: Vec<f64>) -> (bool, bool, bool) {
    (a == b, a != b, a.contains(&x))
}

#[jit]
fn flags(v: Vec<bool>, o: Vec<Option<bool>>) -> (Vec<bool>, Vec<Option<bool>>, usize) {
    let mut v = v;
    let mut o = o;
    let n = v.len() + o.len();
    v.push(true);
    o.push(Some(false));
    o.push(None);
    (v, o, n)
}

#[jit]
fn clone_opt(t: (i32, Option<Vec<f64>>)) -> ((i32, Option<Vec<f64>>), (i32, Option<Vec<f64>>)) {
    let c = t.clone();
    let mut t = t;
    t.1 = None;
    t.0 = 0;
    (t, c)
}

#[jit]
fn consume_panic(rows: Vec<Vec<f64>>, stop: usize) -> f64 {
    let mut s = 0.0;
    let mut i = 0;
    for row in rows {
        if i == stop {
            panic!("stop at {}", i);
        }
        s += row.len() as f64;
        i += 1;
    }
    s
}

#[jit]
fn mut_panic(v: &mut Vec<Vec<f64>>, stop: usize) {
    v.push(vec![1.0]);
    v[0].push(5.0);
    if v.len() > stop {
        panic!("too long");
    }
}

#[jit]
fn mut_panic_opt(v: &mut Vec<Option<f64>>) {
    v.push(Some(1.0));
    v.remove(0);
    panic!("boom");
}

#[jit]
fn destruct(v: Vec<(Vec<f64>, (u8, Option<i32>))>) -> f64 {
    let mut s = 0.0;
    for (a, (b, c)) in v {
        s += a.len() as f64 + b as f64;
        if let Some(c) = c {
            s += c as f64;
        }
        if b == 3 {
            break;
        }
    }
    s
}

#[jit]
fn upd(h: Holder, v: &mut Vec<f64>) -> f64 {
    let mut h = h;
    h.data = vec![5.0];
    v.push(1.0);
    v.len() as f64
}

#[jit]
fn shared_upd() -> (Vec<f64>, f64) {
    let mut h = Holder::new();
    let mut h2 = h.clone();
    let n = upd(h.clone(), &mut h2.data);
    (h.data.clone(), n)
}

#[jit]
fn sl(h: Holder, xs: &[f64]) -> f64 {
    let mut h = h;
    h.data = vec![];
    let z = vec![7.0; 2];
    xs[0] + z[0]
}

#[jit]
fn shared_sl() -> f64 {
    let mut h = Holder::new();
    let h2 = h.clone();
    sl(h.clone(), &h2.data)
}

fn main() {
    let before = jitclass::stats();
    let v = vec![(1u8, 1.5, 2u16), (250, -0.0, 65000)];
    println!("pad {:?}", pad(v.clone()));
    println!("pad_ref {}", pad_ref(&v));
    let mut w = v.clone();
    pad_mut(&mut w);
    println!("pad_mut {:?}", w);
    let h = Holder::new();
    h.set_pads(v.clone());
    println!("pads field {:?}", h.pads());
    let n = f64::NAN;
    println!(
        "eqs nan {:?} expect (false,true,false)",
        eqs(vec![n], vec![n], n)
    );
    println!(
        "eqs -0 {:?} expect (true,false,true)",
        eqs(vec![-0.0], vec![0.0], 0.0)
    );
    println!(
        "eqs empty {:?} expect (true,false,false)",
        eqs(vec![], vec![], 0.0)
    );
    println!(
        "eq_opt {:?} expect (false,true)",
        eq_opt(vec![Some(n)], vec![Some(n)])
    );
    println!(
        "eq_opt {:?} expect (true,false)",
        eq_opt(vec![None, Some(-0.0)], vec![None, Some(0.0)])
    );
    println!(
        "eq_opt {:?} expect (false,true)",
        eq_opt(vec![None], vec![Some(0.0)])
    );
    println!(
        "eq_nested {:?} expect (false,true,false)",
        eq_nested(vec![Some(vec![n])], vec![Some(vec![n])], Some(vec![n]))
    );
    println!(
        "eq_nested {:?} expect (true,false,true)",
        eq_nested(
            vec![None, Some(vec![]), Some(vec![-0.0])],
            vec![None, Some(vec![]), Some(vec![0.0])],
            Some(vec![])
        )
    );
    println!(
        "eq_nested {:?} expect (false,true,false)",
        eq_nested(vec![None], vec![Some(vec![])], Some(vec![1.0]))
    );
    println!(
        "eq_nested {:?} expect (false,true,true)",
        eq_nested(
            vec![Some(vec![1.0])],
            vec![Some(vec![1.0, 2.0])],
            None.or(Some(vec![1.0]))
        )
    );
    println!(
        "eq_tup {:?} expect (false,true)",
        eq_tup(vec![(1, n, 2)], vec![(1, n, 2)])
    );
    println!(
        "eq_tup {:?} expect (true,false)",
        eq_tup(vec![(1, -0.0, 2)], vec![(1, 0.0, 2)])
    );
    println!(
        "eq_tup {:?} expect (false,true)",
        eq_tup(vec![(1, 0.0, 2)], vec![(1, 0.0, 3)])
    );
    println!(
        "eq_vv {:?} expect (false,true,false)",
        eq_vv(vec![vec![n]], vec![vec![n]], vec![n])
    );
    println!(
        "eq_vv {:?} expect (true,false,true)",
        eq_vv(vec![vec![]], vec![vec![]], vec![])
    );
    println!(
        "flags {:?}",
        flags(vec![true, false], vec![Some(true), None])
    );
    println!("clone_opt {:?}", clone_opt((3, Some(vec![1.0]))));
    let r = 0;
    let e =
        std::panic::catch_unwind(|| consume_panic(vec![vec![1.0], vec![2.0, 3.0], vec![4.0]], 1));
    println!("consume_panic {:?}", e.is_err());
    let mut m = vec![vec![0.0]];
    let e = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| mut_panic(&mut m, 1)));
    println!("mut_panic {:?} m={:?} expect [[0,5],[1]]", e.is_err(), m);
    let mut o = vec![None, Some(2.0)];
    let e = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| mut_panic_opt(&mut o)));
    println!(
        "mut_panic_opt {:?} o={:?} expect [Some(2), Some(1)]",
        e.is_err(),
        o
    );
    println!(
        "destruct {} expect {}",
        destruct(vec![
            (vec![1.0], (1, Some(10))),
            (vec![], (3, None)),
            (vec![2.0], (5, Some(1)))
        ]),
        1.0 + 1.0 + 10.0 + 3.0
    );
    let _ = std::panic::catch_unwind(shared_upd);
    println!("shared_sl {:?}", std::panic::catch_unwind(shared_sl));
    drop((v, w, h, r, m, o));
    println!(
        "stats before {:?}\nstats after  {:?}",
        before,
        jitclass::stats()
    );
}
