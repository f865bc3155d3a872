use jitclass::{jit, jitclass};

#[jitclass]
struct Cell {
    v: i64,
}

#[jitclass]
impl Cell {
    fn new(v: i64) -> Cell {
        Cell { v }
    }
}

#[jit]
fn replace(c: Cell) -> i64 {
    c = Cell::new(2);
    c.v
}

fn main() {}
