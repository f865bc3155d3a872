// Each `let` declares a new local; a name means the latest one in scope, and a
// `let`'s own name comes into scope after its initialiser.
fn f(x: i32) -> i32 {
    let x = x + 1;
    let y = {
        let x = x * 2;
        x
    };
    let (a, _, mut b) = (x, y, 3);
    let c;
    c = a;
    b += c;
    b
}
