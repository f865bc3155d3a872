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
    pub fn total(&self) -> f64 {
        let mut s = 0.0;
        for x in &self.data {
            s += x;
        }
        s
    }
}

#[jit]
fn stash<T>(v: &mut Vec<f64>, h: Holder, _t: T) {
    let mut h = h;
    h.data = v;
    v.push(5.0);
}

#[jit]
fn stash2<T>(v: &mut Vec<f64>, h: Holder, _t: T) {
    let mut h = h;
    let w = v;
    h.data = w;
}

fn main() {
    let before = jitclass::stats();
    let h = Holder::new();
    let mut v = vec![1.0; 3];
    stash(&mut v, h.clone(), 0);
    println!("v {:?} h {:?}", v, h.data());
    v.push(9.0);
    v.clear();
    v.shrink_to_fit();
    let _junk = vec![123.0f64; 4];
    println!("h total {} data {:?}", h.total(), h.data());
    let h2 = Holder::new();
    let mut v2 = vec![2.0; 2];
    stash2(&mut v2, h2.clone(), 0);
    drop(v2);
    let _junk = vec![7.0f64; 2];
    println!("h2 {:?}", h2.data());
    drop((h, h2, v, _junk));
    println!("stats {:?}", jitclass::stats().since(&before));
}
