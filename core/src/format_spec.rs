//! The spec of one `format!` placeholder (`{:*>8.3x}`): std's grammar parsed at macro time
//! (`lower/format.rs`), packed into the flags word a jit body passes to the runtime's
//! formatting helper (`runtime/src/format.rs`), which unpacks it and has std format.

/// `<`, `^`, `>` or none (each type's default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Align {
    /// None written: the type's default.
    #[default]
    Unknown,
    /// `<`
    Left,
    /// `^`
    Center,
    /// `>`
    Right,
}

/// The formatting trait a placeholder names: `{}`, `{:?}`, `{:x}`, ...
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Kind {
    /// `{}`
    #[default]
    Display,
    /// `{:?}`
    Debug,
    /// `{:x}`
    LowerHex,
    /// `{:X}`
    UpperHex,
    /// `{:b}`
    Binary,
    /// `{:o}`
    Octal,
    /// `{:e}`
    LowerExp,
    /// `{:E}`
    UpperExp,
}

impl Kind {
    const ALL: [Kind; 8] = [
        Kind::Display,
        Kind::Debug,
        Kind::LowerHex,
        Kind::UpperHex,
        Kind::Binary,
        Kind::Octal,
        Kind::LowerExp,
        Kind::UpperExp,
    ];

    /// The spec's type letters: `""`, `"?"`, `"x"`, ...
    pub fn letters(self) -> &'static str {
        match self {
            Kind::Display => "",
            Kind::Debug => "?",
            Kind::LowerHex => "x",
            Kind::UpperHex => "X",
            Kind::Binary => "b",
            Kind::Octal => "o",
            Kind::LowerExp => "e",
            Kind::UpperExp => "E",
        }
    }

    /// std's trait behind the letters, as rustc names it in E0277.
    pub fn trait_name(self) -> &'static str {
        match self {
            Kind::Display => "std::fmt::Display",
            Kind::Debug => "Debug",
            Kind::LowerHex => "LowerHex",
            Kind::UpperHex => "UpperHex",
            Kind::Binary => "Binary",
            Kind::Octal => "Octal",
            Kind::LowerExp => "LowerExp",
            Kind::UpperExp => "UpperExp",
        }
    }

    fn from_letters(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.letters() == s)
    }
}

/// A width or precision: absent, written, or read from an argument (`1$`, `name$`, `*`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Count {
    /// Not written.
    #[default]
    Implied,
    /// Written as digits.
    Is(usize),
    /// `1$`: the positional argument.
    Index(usize),
    /// `name$`: a named argument or captured variable.
    Named(String),
    /// `.*`: the next positional argument, before the value's.
    Star,
    /// Digits that do not fit std's `u16` (`fmt::rt::Count::Is`), as written: rustc's
    /// error, which the shadow of a non-generic body gets at the digits themselves.
    OutOfRange(String),
}

/// One placeholder's spec, as std's `format_spec` grammar reads it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Spec {
    /// `None`: a space.
    pub fill: Option<char>,
    /// `<`, `^`, `>`.
    pub align: Align,
    /// `+`.
    pub plus: bool,
    /// `-` (std ignores it).
    pub minus: bool,
    /// `#`.
    pub alternate: bool,
    /// `0`.
    pub zero: bool,
    /// The minimum width.
    pub width: Count,
    /// `.n`, `.n$`, `.*`.
    pub precision: Count,
    /// The trait.
    pub kind: Kind,
}

/// The flag bits of [`Spec::pack`] (the runtime reads them back with [`Packed::unpack`]).
const PLUS: u32 = 1 << 2;
const ALTERNATE: u32 = 1 << 3;
const ZERO: u32 = 1 << 4;
const HAS_PRECISION: u32 = 1 << 5;
const KIND_SHIFT: u32 = 8;

/// What the runtime needs of a spec besides the fill, width and precision values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // `Spec`'s fields of the same names.
pub struct Packed {
    pub align: Align,
    pub plus: bool,
    pub alternate: bool,
    pub zero: bool,
    pub has_precision: bool,
    pub kind: Kind,
}

impl Packed {
    /// The word [`Spec::pack`] made.
    pub fn unpack(word: u32) -> Packed {
        Packed {
            align: [Align::Unknown, Align::Left, Align::Center, Align::Right][(word & 3) as usize],
            plus: word & PLUS != 0,
            alternate: word & ALTERNATE != 0,
            zero: word & ZERO != 0,
            has_precision: word & HAS_PRECISION != 0,
            kind: Kind::ALL[((word >> KIND_SHIFT) as usize).min(Kind::ALL.len() - 1)],
        }
    }
}

impl Spec {
    /// The flags as one word (`-` is std's no-op, so not kept; the width is always passed,
    /// as 0 when implied, which pads nothing).
    pub fn pack(&self) -> u32 {
        let align = match self.align {
            Align::Unknown => 0,
            Align::Left => 1,
            Align::Center => 2,
            Align::Right => 3,
        };
        let kind = Kind::ALL.iter().position(|k| *k == self.kind).unwrap_or(0) as u32;
        align
            | if self.plus { PLUS } else { 0 }
            | if self.alternate { ALTERNATE } else { 0 }
            | if self.zero { ZERO } else { 0 }
            | if self.precision != Count::Implied {
                HAS_PRECISION
            } else {
                0
            }
            | kind << KIND_SHIFT
    }

    /// Parses the text after `:` in a placeholder, as std's grammar:
    /// `[[fill]align][sign]['#']['0'][width]['.' precision]type`.
    pub fn parse(text: &str) -> Result<Spec, String> {
        let mut spec = Spec::default();
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        let align_of = |c: char| match c {
            '<' => Some(Align::Left),
            '^' => Some(Align::Center),
            '>' => Some(Align::Right),
            _ => None,
        };
        if chars.len() >= 2
            && let Some(a) = align_of(chars[1])
        {
            spec.fill = Some(chars[0]);
            spec.align = a;
            i = 2;
        } else if let Some(a) = chars.first().copied().and_then(align_of) {
            spec.align = a;
            i = 1;
        }
        match chars.get(i) {
            Some('+') => {
                spec.plus = true;
                i += 1;
            }
            Some('-') => {
                spec.minus = true;
                i += 1;
            }
            _ => {}
        }
        if chars.get(i) == Some(&'#') {
            spec.alternate = true;
            i += 1;
        }
        if chars.get(i) == Some(&'0') && !matches!(chars.get(i + 1), Some('$')) {
            spec.zero = true;
            i += 1;
        }
        let (width, next) = count(&chars, i);
        spec.width = width;
        i = next;
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                spec.precision = Count::Star;
                i += 1;
            } else {
                let (precision, next) = count(&chars, i);
                if precision == Count::Implied {
                    return Err(format!("expected a precision after `.` in `{{:{text}}}`"));
                }
                spec.precision = precision;
                i = next;
            }
        }
        let rest: String = chars[i..].iter().collect();
        match Kind::from_letters(rest.trim_end()) {
            Some(kind) => spec.kind = kind,
            None => {
                return Err(format!(
                    "unknown format trait `{rest}`\n= note: the only appropriate formatting traits are:\n        - ``, which uses the `Display` trait\n        - `?`, which uses the `Debug` trait\n        - `e`, which uses the `LowerExp` trait\n        - `E`, which uses the `UpperExp` trait\n        - `o`, which uses the `Octal` trait\n        - `x`, which uses the `LowerHex` trait\n        - `X`, which uses the `UpperHex` trait\n        - `b`, which uses the `Binary` trait"
                ));
            }
        }
        Ok(spec)
    }
}

/// A count at `chars[i..]`: digits, `digits$` or `name$`; where it ends.
fn count(chars: &[char], i: usize) -> (Count, usize) {
    let mut j = i;
    while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
        j += 1;
    }
    let word: String = chars[i..j].iter().collect();
    if chars.get(j) == Some(&'$') && !word.is_empty() {
        let c = match word.parse::<usize>() {
            Ok(n) => Count::Index(n),
            Err(_) => Count::Named(word),
        };
        return (c, j + 1);
    }
    let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return (Count::Implied, i);
    }
    let n: String = chars[i..i + digits].iter().collect();
    let count = match n.parse::<u16>() {
        Ok(n) => Count::Is(usize::from(n)),
        Err(_) => Count::OutOfRange(n),
    };
    (count, i + digits)
}

impl Count {
    /// rustc's error for a count written as digits beyond std's `u16`.
    pub fn out_of_range_message(digits: &str) -> String {
        format!(
            "invalid format string: integer `{digits}` does not fit into the type `u16` whose range is `0..=65535`"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn std_grammar() {
        let s = Spec::parse("*>+#08.3x").unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Align::Right);
        assert!(s.plus && s.alternate && s.zero);
        assert_eq!(s.width, Count::Is(8));
        assert_eq!(s.precision, Count::Is(3));
        assert_eq!(s.kind, Kind::LowerHex);
        let s = Spec::parse(">1$.*").unwrap();
        assert_eq!((s.width, s.precision), (Count::Index(1), Count::Star));
        let s = Spec::parse("w$.p$?").unwrap();
        assert_eq!(s.width, Count::Named("w".into()));
        assert_eq!(s.precision, Count::Named("p".into()));
        assert_eq!(s.kind, Kind::Debug);
        assert_eq!(Spec::parse("<").unwrap().align, Align::Left);
        assert_eq!(Spec::parse("<<").unwrap().fill, Some('<'));
        assert!(Spec::parse("q").is_err());
        assert!(Spec::parse(".").is_err());
        assert_eq!(Spec::parse("65535").unwrap().width, Count::Is(65535));
        let too_wide = Count::OutOfRange("65536".into());
        assert_eq!(Spec::parse("65536").unwrap().width, too_wide);
        let too_precise = Count::OutOfRange("99999999999999999999999".into());
        assert_eq!(
            Spec::parse(".99999999999999999999999").unwrap().precision,
            too_precise
        );
    }

    #[test]
    fn pack_round_trips() {
        for text in ["", "?", "+#08.3x", "^e", "<E", "b", "o", "X"] {
            let s = Spec::parse(text).unwrap();
            let p = Packed::unpack(s.pack());
            assert_eq!(p.align, s.align);
            assert_eq!(p.kind, s.kind);
            assert_eq!((p.plus, p.alternate, p.zero), (s.plus, s.alternate, s.zero));
            assert_eq!(p.has_precision, s.precision != Count::Implied);
        }
    }
}
