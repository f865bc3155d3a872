use jitclass::jitclass;

#[jitclass]
struct Gauge {
    reads: i64,
}

#[jitclass]
impl Gauge {
    #[getter]
    fn touch(&self) {}
}

fn main() {}
