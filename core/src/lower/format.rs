//! Format strings of `panic!` / `assert!` messages and `format!` in jit code: literal
//! pieces around placeholders, each with its spec (`crate::format_spec`).

use crate::format_spec::{Kind, Spec};

/// One placeholder of a format string.
#[derive(Debug, PartialEq)]
pub enum Placeholder {
    /// `{}` / `{:?}`: the next positional argument.
    Next,
    /// `{0}`, `{1:?}`: an explicit positional argument.
    Index(usize),
    /// `{name}`: a captured local variable.
    Named(String),
}

/// A parsed format string: literal pieces around placeholders, each with its spec.
pub type Parsed = (Vec<String>, Vec<(Placeholder, Spec)>);

/// Splits `s` into literal pieces and placeholders; `pieces.len() == placeholders.len() + 1`.
/// Errors are worded as rustc's: "invalid format string: .." except an unknown trait.
pub fn parse(s: &str) -> Result<Parsed, String> {
    parse_pieces(s).map_err(|message| {
        if message.starts_with("unknown format trait") {
            message
        } else {
            format!("invalid format string: {message}")
        }
    })
}

fn parse_pieces(s: &str) -> Result<Parsed, String> {
    let scanned = crate::format_string::scan(s)?;
    let mut holes = Vec::new();
    for inside in &scanned.placeholders {
        let (arg, spec) = crate::format_string::argument_and_spec(inside);
        let spec = Spec::parse(spec)?;
        let hole = if arg.is_empty() {
            Placeholder::Next
        } else if let Ok(i) = arg.parse::<usize>() {
            Placeholder::Index(i)
        } else if arg.chars().all(|c| c.is_alphanumeric() || c == '_') {
            Placeholder::Named(arg.to_string())
        } else {
            return Err(format!("invalid format argument `{arg}`"));
        };
        holes.push((hole, spec));
    }
    Ok((scanned.pieces, holes))
}

/// Whether a panic message can show `spec`: `{}` and `{:?}` only (the panic helper
/// formats its arguments itself).
pub fn plain_or_debug(spec: &Spec) -> bool {
    let kind = spec.kind;
    *spec
        == Spec {
            kind,
            ..Spec::default()
        }
        && matches!(kind, Kind::Display | Kind::Debug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_and_holes() {
        let (p, h) = parse("a {} b {:?} {{c}} {x}").unwrap();
        assert_eq!(p, vec!["a ", " b ", " {c} ", ""]);
        assert_eq!(
            h,
            vec![
                (Placeholder::Next, Spec::default()),
                (
                    Placeholder::Next,
                    Spec {
                        kind: Kind::Debug,
                        ..Spec::default()
                    }
                ),
                (Placeholder::Named("x".into()), Spec::default())
            ]
        );
        assert!(!plain_or_debug(&parse("{:.2}").unwrap().1[0].1));
        assert!(parse("{:q}").is_err());
        assert!(parse("{").is_err());
        assert!(parse("}").is_err());
    }
}
