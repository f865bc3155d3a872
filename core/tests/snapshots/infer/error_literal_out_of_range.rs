// Integer literals that do not fit their type.
fn small() -> u8 {
    256
}

fn negative() -> u32 {
    let x: u32 = -1;
    x
}

fn signed() -> i8 {
    let y = 128i8;
    y
}
