// Uses of moved `Vec`s: jitclass's own check, which also covers generic bodies.
fn after_let() -> usize {
    let v = vec![1, 2];
    let w = v;
    v.len() + w.len()
}

fn in_loop(n: usize) -> usize {
    let v = vec![1.0];
    let mut keep = Vec::new();
    for _ in 0..n {
        keep.push(v);
    }
    keep.len()
}

fn reassigned_is_fine(n: usize) -> usize {
    let mut v = vec![1.0];
    let mut keep = Vec::new();
    for _ in 0..n {
        keep.push(v);
        v = Vec::new();
    }
    keep.len() + v.len()
}

fn borrows_are_fine(v: Vec<i64>) -> i64 {
    let n = v.len() as i64;
    let first = v[0];
    let same = v == v.clone();
    let mut s = 0;
    for x in &v {
        s += x;
    }
    if same { n + first + s } else { 0 }
}

fn moved_on_one_path(c: bool) -> usize {
    let v: Vec<u8> = Vec::new();
    if c {
        let w = v;
        w.len();
    }
    v.len()
}

struct Holder {
    data: Vec<f64>,
}

impl Holder {
    fn take(&self) -> usize {
        let d = self.data;
        d.len()
    }

    fn in_place(&mut self) -> f64 {
        self.data.push(1.0);
        let n = self.data.len();
        let copy = self.data.clone();
        self.data[0] + copy[n - 1]
    }
}

fn out_of_index(grid: Vec<Vec<i32>>) -> usize {
    let row = grid[0];
    row.len()
}
