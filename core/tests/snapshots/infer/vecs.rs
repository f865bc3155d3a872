// `Vec<T>`: construction, methods with std's signatures, indexing, loops over `&v`,
// `&mut v` and `v.iter()` lowered to counted loops over the indices.
struct Body {
    x: f64,
}

impl Body {
    fn new(x: f64) -> Body {
        Body { x }
    }
}

struct World {
    bodies: Vec<Body>,
}

impl World {
    fn step(&mut self, dt: f64) {
        for i in 0..self.bodies.len() {
            self.bodies[i].x += dt;
        }
    }
}

fn build(n: usize) -> Vec<f64> {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(i as f64);
    }
    let w = vec![1.5; 3];
    let mut u: Vec<i64> = Vec::with_capacity(4);
    u.push(7);
    u.insert(0, 1);
    let last = u.pop();
    if v.contains(&2.0) && last.is_some() && w == vec![1.5, 1.5, 1.5] {
        v[0] += 10.0;
    }
    v
}

fn sum(v: &Vec<f64>) -> f64 {
    let mut s = 0.0;
    for x in v {
        s += x;
    }
    s
}

fn total(v: Vec<f64>) -> f64 {
    let mut s = 0.0;
    for &x in &v {
        s += x;
    }
    for x in v.iter() {
        s += *x;
    }
    s
}

fn double(mut v: Vec<f64>) -> Vec<f64> {
    for x in &mut v {
        *x *= 2.0;
    }
    v
}

fn accessors(v: Vec<f64>, i: usize) -> f64 {
    v.first().copied().unwrap_or(0.0) + v.get(i).cloned().unwrap_or(1.0)
}
