//! The one scanner of `format!` strings: literal text and the insides of placeholders.

/// A format string scanned: its literal pieces around placeholders (`{{`/`}}` unescaped)
/// and the text inside each placeholder's braces (`x:?` of `{x:?}`);
/// `pieces.len() == placeholders.len() + 1`.
#[derive(Debug, PartialEq, Eq)]
pub struct Scanned {
    /// The literal text before, between and after the placeholders.
    pub pieces: Vec<String>,
    /// The text inside each placeholder's braces, in order.
    pub placeholders: Vec<String>,
}

/// Splits `s` into literal pieces and placeholder insides. Errors are rustc's words
/// after "invalid format string: " (an unmatched `}`, an unclosed `{`).
pub fn scan(s: &str) -> Result<Scanned, String> {
    let mut pieces = vec![String::new()];
    let mut placeholders = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                pieces.last_mut().unwrap().push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                pieces.last_mut().unwrap().push('}');
            }
            '}' => {
                return Err(
                    "unmatched `}` in format string; write `}}` for a literal brace".into(),
                );
            }
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => inner.push(c),
                        None => {
                            return Err(
                                "unclosed `{` in format string; write `{{` for a literal brace"
                                    .into(),
                            );
                        }
                    }
                }
                placeholders.push(inner);
                pieces.push(String::new());
            }
            c => pieces.last_mut().unwrap().push(c),
        }
    }
    Ok(Scanned {
        pieces,
        placeholders,
    })
}

/// The argument a placeholder's inside names and its spec: `("x", "?")` of `x:?`,
/// `("", "")` of `{}` (the argument trimmed, the spec as written).
pub fn argument_and_spec(inside: &str) -> (&str, &str) {
    match inside.split_once(':') {
        Some((argument, spec)) => (argument.trim(), spec),
        None => (inside.trim(), ""),
    }
}

/// The identifiers the placeholders of `s` name (`{x}`, `{x:?}`), which `format_args!`
/// captures when no named argument has them; none when `s` does not scan.
pub fn captured_names(s: &str) -> Vec<String> {
    let Ok(scanned) = scan(s) else {
        return Vec::new();
    };
    scanned
        .placeholders
        .iter()
        .map(|inside| argument_and_spec(inside).0)
        .filter(|argument| {
            argument.starts_with(|c: char| c.is_alphabetic() || c == '_')
                && argument.chars().all(|c| c.is_alphanumeric() || c == '_')
                && *argument != "_"
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{argument_and_spec, captured_names, scan};

    #[test]
    fn pieces_and_placeholder_insides() {
        let scanned = scan("a {} b {x:?} {{c}}").unwrap();
        assert_eq!(scanned.pieces, vec!["a ", " b ", " {c}"]);
        assert_eq!(scanned.placeholders, vec!["", "x:?"]);
        assert!(scan("{").is_err());
        assert!(scan("}").is_err());
        assert_eq!(argument_and_spec(" y :>5"), ("y", ">5"));
    }

    #[test]
    fn captured_names_are_the_identifiers_of_placeholders() {
        assert_eq!(
            captured_names("{{x}} {a} {0} {} {b:?} {c:>5} {_d} {_}"),
            vec!["a", "b", "c", "_d"]
        );
        assert!(captured_names("{a").is_empty());
    }
}
