//! Errors as a reader checks them: the message, then the source line with a caret under
//! the token the error points at, then the notes.

use proc_macro2::Span;

/// An error at `span` of `source`, with its notes (`help: ..`, `note: ..`) after it.
pub fn error(source: &str, span: Span, message: &str, notes: &[String]) -> String {
    let start = span.start();
    let end = span.end();
    let mut out = format!("error: {message}\n");
    let line_text = source
        .lines()
        .nth(start.line.saturating_sub(1))
        .unwrap_or("");
    let number = start.line.to_string();
    let pad = " ".repeat(number.len());
    let width = if end.line == start.line && end.column > start.column {
        end.column - start.column
    } else {
        1
    };
    out.push_str(&format!("{pad}--> {}:{}\n", start.line, start.column + 1));
    out.push_str(&format!("{number} | {}\n", line_text.trim_end()));
    out.push_str(&format!(
        "{pad} | {}{}\n",
        " ".repeat(start.column),
        "^".repeat(width)
    ));
    for note in notes {
        out.push_str(note);
        out.push('\n');
    }
    out
}

/// The errors of a lowering, each at its token (a `syn::Error` holds one or more).
pub fn syn_errors(source: &str, errors: Vec<syn::Error>) -> String {
    let mut out = String::new();
    for error in errors.into_iter().flat_map(|e| e.into_iter()) {
        let message = error.to_string();
        let mut lines = message.lines();
        let first = lines.next().unwrap_or("").to_string();
        let notes: Vec<String> = lines.map(str::to_string).collect();
        out.push_str(&self::error(source, error.span(), &first, &notes));
    }
    out
}
