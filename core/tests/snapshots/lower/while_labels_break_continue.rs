// `break` and `continue` name the loop they leave, labeled or not; `break value` from a
// `loop`; `&&` and `||` evaluate their right operand in a region of its own.
fn search(xs: &[i64], wanted: i64) -> i64 {
    let mut i = 0;
    let found = 'outer: loop {
        while i < xs.len() && !(xs[i] == wanted || wanted < 0) {
            i += 1;
            if xs[i] == 0 {
                continue;
            }
            if xs[i] < 0 {
                break 'outer -1;
            }
        }
        break i as i64;
    };
    found
}
