//! Array lengths and values that name constants: `const` items outside the function and
//! in its body, and expressions of them (`[f64; N * 2]`), compiled by jitclass and by
//! rustc from the same tokens, results compared; class fields of such arrays against
//! rustc's `#[repr(C)]` layout.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass};

const N: usize = 4;
/// A constant defined from another.
const TWICE: usize = N * 2;
const SCALE: f64 = 0.5;
const BIAS: i64 = -3;
const ON: bool = true;
const SMALL: f32 = 0.25;

mod sizes {
    pub const ROWS: usize = 3;
}

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(module_consts, module_consts_rs, fn(k: f64) -> [f64; N] {
    let mut a = [0.0; N];
    let b: [f64; TWICE] = [SCALE; TWICE];
    let c = [1.0f64; N + 1];
    let d = [[2.0f64; N]; sizes::ROWS];
    for i in 0..N {
        a[i] = k * i as f64 + b[i * 2] + c[i + 1] + d[sizes::ROWS - 1][i];
    }
    a
});

twice!(local_consts, local_consts_rs, fn(x: i64) -> i64 {
    // Used before it is declared, as Rust allows for items; defined from another one.
    let a = [x; LEN];
    const K: usize = 2;
    const LEN: usize = K * N + 1;
    let mut s = 0;
    for i in 0..LEN {
        s += a[i] * i as i64;
    }
    {
        // An inner block's constant shadows the outer one.
        const K: usize = 5;
        let b = [1i64; K];
        s += b.len() as i64 * 100;
    }
    s + K as i64 + BIAS
});

twice!(const_values, const_values_rs, fn(x: f64) -> f64 {
    const HALF: f64 = 0.5;
    let mut s = x * SCALE + HALF + SMALL as f64 + f64::DIGITS as f64;
    if ON {
        s += BIAS as f64;
    }
    let n = N;
    s + n as f64 + TWICE as f64 + i8::MAX as f64
});

twice!(array_params, array_params_rs, fn(a: [i32; N], m: [[u8; N]; 2]) -> ([i32; TWICE], u8) {
    let mut out = [0; TWICE];
    for i in 0..N {
        out[i] = a[i];
        out[i + N] = a[i] * m[1][i] as i32;
    }
    (out, m[0][N - 1])
});

#[jit]
fn repeated<T>(x: T) -> [T; N] {
    [x; N]
}

/// A generic body, which rustc does not check: its `const` item is evaluated once, where
/// the glue hoisted it.
#[jit]
fn last_of_three<T>(x: T, y: T) -> T {
    const K: usize = N - 1;
    let mut a = [x; K];
    a[K - 1] = y;
    a[K - 1]
}

#[test]
fn array_lengths_and_values_from_constants_are_rusts() {
    for k in [0.0, 1.5, -2.0] {
        assert_eq!(module_consts(k), module_consts_rs(k));
        assert_eq!(const_values(k), const_values_rs(k));
    }
    for x in [0, 7, -4] {
        assert_eq!(local_consts(x), local_consts_rs(x));
    }
    let m = [[1, 2, 3, 4], [5, 6, 7, 8]];
    assert_eq!(
        array_params([1, -2, 3, 4], m),
        array_params_rs([1, -2, 3, 4], m)
    );
    assert_eq!(repeated(2.5), [2.5; N]);
    assert_eq!(repeated(7u8), [7; N]);
    assert_eq!(last_of_three(1.5, 2.5), 2.5);
    assert_eq!(last_of_three(1u16, 9), 9);
    assert_no_leaks();
}

/// A ring buffer sized by a constant, with a method whose local array is sized by an
/// associated constant of the class (`Self::` spelled out in the glue).
#[jitclass]
pub struct Ring {
    pub data: [f64; N],
    pub marks: [[bool; 2]; TWICE],
    pub head: usize,
    pub len: usize,
}

impl Ring {
    const WINDOW: usize = 3;
}

#[jitclass]
impl Ring {
    pub fn new() -> Ring {
        Ring {
            data: [0.0; N],
            marks: [[false; 2]; TWICE],
            head: 0,
            len: 0,
        }
    }

    pub fn push(&mut self, x: f64) {
        // A method's own `const` item, hoisted into a type of the method's.
        const MARK: usize = 2;
        self.data[self.head] = x;
        self.marks[self.head * MARK][0] = true;
        self.head = (self.head + 1) % N;
        if self.len < N {
            self.len += 1;
        }
    }

    /// The mean of the last `WINDOW` values pushed.
    pub fn recent_mean(&self) -> f64 {
        let mut last = [0.0; Self::WINDOW];
        for i in 0..Self::WINDOW {
            last[i] = self.data[(self.head + N - 1 - i) % N];
        }
        let mut s = 0.0;
        for x in last {
            s += x;
        }
        s / Ring::WINDOW as f64
    }
}

#[test]
fn class_fields_sized_by_constants() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let mut r = Ring::new();
        for x in [1.0, 2.0, 3.0, 4.0, 5.0, 6.0] {
            r.push(x);
        }
        assert_eq!(r.data(), [5.0, 6.0, 3.0, 4.0]);
        assert_eq!(r.len(), N);
        assert_eq!(r.recent_mean(), (6.0 + 5.0 + 4.0) / 3.0);
        assert_eq!(r.marks()[2], [true, false]);
        assert_eq!(r.marks()[1], [false, false]);
    }
    assert!(balanced_since(&before));
}

#[test]
fn fields_sized_by_constants_have_rusts_repr_c_layout() {
    use jitclass::Payload;
    use std::mem::{align_of, offset_of, size_of};
    #[repr(C)]
    struct Expected {
        data: [f64; N],
        marks: [[bool; 2]; TWICE],
        head: usize,
        len: usize,
    }
    assert_eq!(size_of::<Payload<Ring>>(), size_of::<Expected>());
    assert_eq!(align_of::<Payload<Ring>>(), align_of::<Expected>());
    assert_eq!(
        [
            offset_of!(Payload<Ring>, data),
            offset_of!(Payload<Ring>, marks),
            offset_of!(Payload<Ring>, head),
            offset_of!(Payload<Ring>, len),
        ],
        [
            offset_of!(Expected, data),
            offset_of!(Expected, marks),
            offset_of!(Expected, head),
            offset_of!(Expected, len),
        ]
    );
    // jitclass's own layout (what LLVM gets), which it checks against rustc's.
    let fields = <Ring as jitclass::JitClass>::class_info()
        .field_layouts()
        .expect("laid out");
    let shown: Vec<String> = fields
        .iter()
        .map(|f| format!("{}: {} @ {}", f.name, f.ty, f.offset))
        .collect();
    assert_eq!(
        shown,
        [
            "data: [f64; 4] @ 0",
            "marks: [[bool; 2]; 8] @ 32",
            "head: usize @ 48",
            "len: usize @ 56"
        ]
    );
}
