// Unsupported syntax is an error at its token; lowering goes on and reports every one.
fn f(x: i32) -> i32 {
    let c = |y: i32| y + 1;
    let s = "text";
    let a = [1, 2, 3];
    let r = x?;
    break;
    match x {
        0 => 1,
        _ => 2,
    }
}
