// Slices lent to a call: nothing else in the call may change, move or reach what they
// point into (rustc's E0502/E0505; jitclass checks it in every body).
fn total(xs: &[f64]) -> f64 {
    xs.len() as f64
}

fn both(xs: &[f64], ys: &mut [f64]) -> f64 {
    xs.len() as f64 + ys.len() as f64
}

fn take(xs: &[f64], v: Vec<f64>) -> f64 {
    xs.len() as f64 + v.len() as f64
}

fn shared_twice_is_fine(v: Vec<f64>) -> f64 {
    both(&v, &mut vec![1.0]) + total(&v[..v.len()])
}

fn mutable_beside_shared(mut v: Vec<f64>) -> f64 {
    both(&v, &mut v)
}

fn moved_while_lent(v: Vec<f64>) -> f64 {
    take(&v, v)
}

fn extend_from_itself(mut v: Vec<f64>) {
    v.extend_from_slice(&v);
}

fn not_mut(v: Vec<f64>) -> f64 {
    let w = vec![1.0];
    both(&w, &mut v)
}

struct Holder {
    a: Vec<f64>,
    b: Vec<f64>,
}

impl Holder {
    fn fields_apart(&mut self) -> f64 {
        self.a.extend_from_slice(&self.b);
        both(&self.a, &mut self.b)
    }

    fn beside_an_instance(&self, other: Holder) -> f64 {
        self.reach(&self.a, other)
    }

    fn reach(&self, xs: &[f64], other: Holder) -> f64 {
        xs.len() as f64 + other.a.len() as f64
    }

    fn two_instances(&mut self, other: Holder) {
        self.a.extend_from_slice(&other.a);
    }
}
