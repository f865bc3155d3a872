// A method's constant named as the glue names array lengths, beside an array length:
// rustc builds it.
use jitclass::jitclass;

#[jitclass]
pub struct Gauge {
    pub v: i64,
}

#[jitclass]
impl Gauge {
    pub fn new(v: i64) -> Gauge {
        Gauge { v }
    }

    #[allow(non_upper_case_globals)]
    pub fn window(&self) -> i64 {
        const array_length_0: usize = 2;
        let a = [self.v; 3];
        (a.len() + array_length_0) as i64
    }
}

fn main() {
    assert_eq!(Gauge::new(1).window(), 5);
}
