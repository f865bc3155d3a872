// Panic messages: literal pieces around `{}` and `{:?}` holes, by position, by index and
// by name; `unreachable!` prefixes its message.
fn fail(x: i32, y: f64) -> i32 {
    if x == 0 {
        panic!();
    }
    if x == 1 {
        panic!("plain");
    }
    if x == 2 {
        panic!("x = {}, y = {:?}", x, y);
    }
    if x == 3 {
        panic!("{1} then {0} then {1}", x, y);
    }
    if x == 4 {
        panic!("named {x} and {{braces}}");
    }
    if x == 5 {
        unreachable!();
    }
    unreachable!("x was {}", x)
}
