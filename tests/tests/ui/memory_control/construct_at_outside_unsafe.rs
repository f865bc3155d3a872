use jitclass::{construct_at, jit, jitclass};

#[jitclass]
struct Agg {
    total: f64,
}

#[jitclass]
impl Agg {
    fn new() -> Agg {
        Agg { total: 0.0 }
    }
}

#[jit]
fn init(buf: *mut u8) -> f64 {
    let a = construct_at::<Agg>(buf, Agg::new());
    a.total
}

fn main() {}
