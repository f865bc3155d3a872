use jitclass::{jit, jitclass};

#[jit]
fn sum17(
    a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64, h: i64, i: i64,
    j: i64, k: i64, l: i64, m: i64, n: i64, o: i64, p: i64, q: i64,
) -> i64 {
    a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q
}

#[jitclass]
struct Acc {
    total: i64,
}

// Both the parameter count and the body are reported, in one build.
#[jitclass]
impl Acc {
    fn add17(
        &mut self, a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64, h: i64,
        i: i64, j: i64, k: i64, l: i64, m: i64, n: i64, o: i64, p: i64, q: i64,
    ) {
        let s = String::new();
        self.total += a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q;
    }
}

fn main() {
    let _: i64 = sum17(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
}
