use jitclass::jit;

// Each `let` doubles the type: `l10` has 2,047 parts, past the limit of 1,024, and `l30`
// would have two billion (the check stops the growth without building them).
#[jit]
fn doubling(x: u8) -> u8 {
    let l1 = (x, x);
    let l2 = (l1, l1);
    let l3 = (l2, l2);
    let l4 = (l3, l3);
    let l5 = (l4, l4);
    let l6 = (l5, l5);
    let l7 = (l6, l6);
    let l8 = (l7, l7);
    let l9 = (l8, l8);
    let l10 = (l9, l9);
    let l11 = (l10, l10);
    let l12 = (l11, l11);
    let l13 = (l12, l12);
    let l14 = (l13, l13);
    let l15 = (l14, l14);
    let l16 = (l15, l15);
    let l17 = (l16, l16);
    let l18 = (l17, l17);
    let l19 = (l18, l18);
    let l20 = (l19, l19);
    let l21 = (l20, l20);
    let l22 = (l21, l21);
    let l23 = (l22, l22);
    let l24 = (l23, l23);
    let l25 = (l24, l24);
    let l26 = (l25, l25);
    let l27 = (l26, l26);
    let l28 = (l27, l27);
    let l29 = (l28, l28);
    let l30 = (l29, l29);
    l30.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0
}

fn main() {}
