// Fixed arrays `[T; N]`: literals, indexing (a read, an element place, a nested one),
// `len()`, loops by value and over `&mut a` (a counted loop over the indices), a slice
// of an array lent to a call, `==`, an array field.
struct Grid {
    cells: [f64; 4],
}

impl Grid {
    fn bump(&mut self, i: usize) {
        self.cells[i] += 1.0;
    }
}

fn total(xs: &[f64]) -> f64 {
    let mut s = 0.0;
    for x in xs {
        s += x;
    }
    s
}

fn arrays(k: f64, i: usize) -> f64 {
    let mut a = [1.0, 2.0, k];
    let b = [0.5; 3];
    let mut m = [[0i32; 2]; 2];
    a[i] = 4.0;
    m[1][0] += 3;
    for x in &mut a {
        *x *= 2.0;
    }
    let mut s = 0.0;
    for x in b {
        s += x;
    }
    if a == b {
        s += 1.0;
    }
    s + total(&a[..2]) + a.len() as f64 + m[1][0] as f64
}
