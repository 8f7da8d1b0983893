//! Case files: RON text to [`Case`] and back, with errors that say where
//! (`FILE:LINE:COL: message`) in Dutch.
//!
//! - `read`: from disk — regular files only, bounded in size, a
//!   byte-order mark accepted;
//! - `dutch`: the parser's errors in Dutch;
//! - `comments`: whether a file holds comments a save would drop.

mod comments;
mod dutch;
mod read;

pub use comments::has_comments;
pub use read::{Loaded, MAX_BYTES, decode, load, load_case, read_regular};

use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::model::{Case, FORMAT};

/// A file that could not be read as what it should hold.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    /// The file.
    pub file: PathBuf,
    /// Line, from 1 (0 when the error is not in the text, e.g. unreadable).
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
    /// What is wrong and what is allowed, in Dutch.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file.display(),
                self.line,
                self.col,
                self.message
            )
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_default_extension(Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Parses RON text of any parameter or case type, naming FILE:LINE:COL on
/// failure.
pub fn parse_ron<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    options().from_str(text).map_err(|e| {
        let (line, col, message) =
            dutch::refine(text, &e.code, e.span.start.line, e.span.start.col);
        ParseError {
            file: file.to_path_buf(),
            line,
            col,
            message,
        }
    })
}

/// The place of the first `key:` in the text (a field name, outside
/// comments and strings), for errors found after parsing (1:1 when it is
/// not there).
pub fn place_of(text: &str, key: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or(line);
        let mut in_string = false;
        let mut escaped = false;
        for (at, c) in code.char_indices() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            if c == '"' {
                in_string = true;
                continue;
            }
            let before_ok = code[..at]
                .chars()
                .next_back()
                .is_none_or(|b| !(b.is_alphanumeric() || b == '_'));
            if before_ok
                && code[at..].starts_with(key)
                && code[at + key.len()..].trim_start().starts_with(':')
            {
                return (i + 1, code[..at].chars().count() + 1);
            }
        }
    }
    (1, 1)
}

/// Reads a case from its text.
pub fn parse_case(file: &Path, text: &str) -> Result<Case, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let case: Case = parse_ron(file, text)?;
    if case.format != FORMAT {
        let (line, col) = place_of(text, "format");
        return Err(ParseError {
            file: file.to_path_buf(),
            line,
            col,
            message: format!(
                "dossierformaat {} wordt niet ondersteund; deze versie van traject leest formaat {FORMAT}",
                case.format
            ),
        });
    }
    Ok(case)
}

/// The first line of every case file this program writes.
pub const HEADER: &str =
    "// traject: dossier van een student (formaat 1). Zie README.md voor de velden.\n";

/// Any value as pretty RON in the case-file style.
pub fn to_ron<T: Serialize>(value: &T) -> String {
    let config = PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false)
        .separate_tuple_members(false);
    options()
        .to_string_pretty(value, config)
        .expect("a case always serializes")
}

/// A case as the text of a case file: stable (the same case gives the same
/// bytes) and readable back into the same case.
pub fn case_to_string(case: &Case) -> String {
    let mut s = String::from(HEADER);
    s.push_str(&to_ron(case));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_named_in_dutch() {
        let text = "(format: 1, student: (name: \"A\"), colour: 3)";
        let e = parse_case(Path::new("x.ron"), text).unwrap_err();
        assert!(e.message.contains("onbekend veld `colour`"), "{e}");
        assert_eq!((e.line, e.file.to_str().unwrap()), (1, "x.ron"));
    }

    #[test]
    fn a_newer_format_is_refused_where_it_stands() {
        let text = "(\n    format: 2,\n    student: (name: \"A\"),\n)";
        let e = parse_case(Path::new("x.ron"), text).unwrap_err();
        assert_eq!((e.line, e.col), (2, 5));
        assert!(e.message.contains("formaat 2"));
    }

    #[test]
    fn a_field_is_found_where_it_stands() {
        let text =
            "(format: 1, student: (name: \"as_of: x\"), // as_of: y\n  as_of: \"2016-2017\")";
        assert_eq!(place_of(text, "as_of"), (2, 3));
        assert_eq!(
            place_of("(format: 1, as_of: \"2016-2017\")", "as_of"),
            (1, 13)
        );
        assert_eq!(place_of("(format: 1)", "as_of"), (1, 1));
    }
}
