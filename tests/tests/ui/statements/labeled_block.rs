use jitclass::jit;

#[jit]
fn early(x: i64) -> i64 {
    let y = 'done: {
        if x < 0 {
            break 'done 0;
        }
        x
    };
    y
}

fn main() {}
