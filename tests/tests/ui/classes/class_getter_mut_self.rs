use jitclass::jitclass;

#[jitclass]
struct Gauge {
    reads: i64,
}

#[jitclass]
impl Gauge {
    #[getter]
    fn value(&mut self) -> i64 {
        self.reads += 1;
        self.reads
    }
}

fn main() {}
