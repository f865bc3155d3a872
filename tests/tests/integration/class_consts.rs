//! Associated constants of classes (`#[jitclass] impl Circle { pub const UNIT: f64 = 1.0; }`),
//! read as `Self::UNIT` and `Circle::UNIT` in the class's methods, in another class's and
//! in `#[jit]` fns, and as `Circle::UNIT` from Rust; compared with rustc's build of the
//! same impl on a plain struct. Also `const` items at module level and in bodies, of each
//! type jit code reads constants of.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};

const LIMIT: u8 = 200;
const GREETING: &str = "héllo";
const MARK: char = 'é';

#[jitclass]
pub struct Circle {
    pub r: f64,
}

/// A plain struct with the same constants and method bodies, for rustc's answers.
pub struct CircleRs {
    r: f64,
}

/// The same impl block on the class and on the plain struct.
macro_rules! circle_impl {
    ($($attr:meta)?; $ty:ident) => {
        $(#[$attr])?
        impl $ty {
            /// The unit radius.
            pub const UNIT: f64 = 1.0;
            pub const SIDES: usize = 4;
            pub const SMALL: i8 = -128;
            pub const BIG: u64 = u64::MAX - 1;
            pub const HALF: f32 = 0.5;
            pub const ROUND: bool = true;
            pub const LETTER: char = 'π';
            pub const NAME: &'static str = "círculo";
            /// Defined from another constant of the impl and from a module's.
            pub const DOUBLE: f64 = Self::UNIT * 2.0 + LIMIT as f64;

            pub fn new(r: f64) -> $ty {
                $ty { r }
            }

            pub fn unit() -> $ty {
                $ty { r: Self::UNIT }
            }

            pub fn area(&self) -> f64 {
                let mut s = 0.0;
                for _ in 0..Self::SIDES {
                    s += self.r * self.r * Self::DOUBLE;
                }
                if Self::ROUND {
                    s += Self::HALF as f64 + Self::SMALL as f64 + (Self::BIG % 1000) as f64;
                }
                s
            }

            pub fn label(&self) -> (usize, bool, u32) {
                let mut n = Self::NAME.len() * 10;
                for _ in GREETING.chars() {
                    n += 1;
                }
                let starts = Self::NAME.starts_with('c') && GREETING.ends_with('o');
                (n, starts, Self::LETTER as u32 + MARK as u32)
            }

            pub fn corners(&self) -> [f64; Self::SIDES] {
                [self.r; Self::SIDES]
            }
        }
    };
}

circle_impl!(jitclass; Circle);

/// An operator's method and a property read the constants too.
#[jitclass]
impl std::ops::Add for Circle {
    type Output = Circle;
    fn add(self, o: Circle) -> Circle {
        Circle::new(self.r + o.r + Self::UNIT * Circle::SIDES as f64)
    }
}

#[jitclass]
impl Circle {
    #[getter]
    pub fn sides(&self) -> usize {
        Self::SIDES
    }
}
circle_impl!(; CircleRs);

/// Another class whose methods read `Circle`'s constants by the class's name.
#[jitclass]
pub struct Ring {
    pub inner: Circle,
}

#[jitclass]
impl Ring {
    pub fn new() -> Ring {
        Ring {
            inner: Circle::new(Circle::UNIT),
        }
    }

    pub fn width(&self) -> f64 {
        self.inner.r * Circle::DOUBLE + Circle::SIDES as f64
    }
}

#[jit]
fn from_a_fn(k: f64) -> (f64, usize, bool, char, i8, u64, f32) {
    let c = Circle::unit();
    (
        c.r * k * Circle::UNIT,
        Circle::SIDES,
        Circle::ROUND,
        Circle::LETTER,
        Circle::SMALL,
        Circle::BIG,
        Circle::HALF,
    )
}

#[jit]
fn name_len() -> usize {
    let mut n = Circle::NAME.len();
    for _ in Circle::NAME.chars() {
        n += 1;
    }
    n
}

#[jit]
fn module_and_local_consts(x: i64) -> (i64, u8, bool) {
    const STEP: i64 = 3;
    const WIDE: u8 = LIMIT / 4;
    let mut s = x;
    for _ in 0..STEP {
        s += STEP * (WIDE as i64);
    }
    (s, LIMIT, GREETING.len() == 6 && GREETING.starts_with('h'))
}

#[test]
fn associated_constants_read_in_jit_code_are_rusts() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        for r in [0.0, 1.5, -2.0] {
            let (c, rs) = (Circle::new(r), CircleRs::new(r));
            assert_eq!(c.area(), rs.area());
            assert_eq!(c.label(), rs.label());
            assert_eq!(c.corners(), rs.corners());
        }
        assert_eq!(Circle::unit().r(), CircleRs::unit().r);
        assert_eq!((Circle::new(1.0) + Circle::new(2.0)).r(), 1.0 + 2.0 + 4.0);
        assert_eq!(Circle::unit().sides(), 4);
        assert_eq!(Ring::new().width(), 1.0 * CircleRs::DOUBLE + 4.0);
        assert_eq!(from_a_fn(3.0), (3.0, 4, true, 'π', -128, u64::MAX - 1, 0.5));
        assert_eq!(name_len(), "círculo".len() + 7);
        assert_eq!(module_and_local_consts(1), (1 + 3 * 3 * 50, 200, true));
    }
    assert!(balanced_since(&before));
}

#[test]
fn associated_constants_are_rusts_on_the_handle() {
    // Real associated items of the handle type, usable in Rust's own constant contexts.
    const AREA_SIDES: [u8; Circle::SIDES] = [0; Circle::SIDES];
    assert_eq!(AREA_SIDES.len(), CircleRs::SIDES);
    assert_eq!(Circle::UNIT, CircleRs::UNIT);
    assert_eq!(Circle::DOUBLE, 202.0);
    assert_eq!(Circle::NAME, "círculo");
    assert_eq!(Circle::LETTER, 'π');
    assert_eq!(Circle::BIG, u64::MAX - 1);
}
