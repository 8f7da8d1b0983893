//! Case files: RON text to [`Case`] and back, with errors that say where
//! (`FILE:LINE:COL: message`) in Dutch.

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

fn dutch_struct(name: &str) -> String {
    let d = match name {
        "Case" => "het dossier",
        "Student" => "student",
        "Opening" => "opening (beginsaldo)",
        "RebuildUse" => "rebuilds",
        "EarlierProgress" => "progress (eerdere voortgang)",
        "Programme" => "een opleiding",
        "Year" => "een academiejaar",
        "Enrolment" => "een inschrijving",
        "Summary" => "een samenvattingslijn",
        "Unit" => "een opleidingsonderdeel",
        "UnitWithdrawal" => "withdrawal (uitschrijving)",
        "Part" => "een deel",
        other => return format!("`{other}`"),
    };
    d.to_string()
}

fn one_of(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A ron error in plain Dutch, saying what is allowed where it can.
fn dutch_message(e: &ron::Error) -> String {
    use ron::Error as E;
    let within = |outer: &Option<String>| {
        outer
            .as_deref()
            .map(|o| format!(" in {}", dutch_struct(o)))
            .unwrap_or_default()
    };
    match e {
        E::Message(m) => m.clone(),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "onbekend veld `{found}`{}; toegelaten velden: {}",
            within(outer),
            one_of(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("het verplichte veld `{field}` ontbreekt{}", within(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("het veld `{field}` staat er twee keer{}", within(outer))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let outer = outer.as_deref().unwrap_or_default();
            match enum_dutch(outer, expected.first().copied().unwrap_or_default()) {
                Some((label, _)) => format!(
                    "onbekende waarde `{found}` {label}; toegelaten: {}",
                    expected
                        .iter()
                        .map(|v| match enum_dutch(outer, v) {
                            Some((_, d)) => format!("`{v}` ({d})"),
                            None => format!("`{v}`"),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None => format!(
                    "onbekende waarde `{found}` in `{outer}`; toegelaten: {}",
                    one_of(expected)
                ),
            }
        }
        E::ExpectedInteger | E::InvalidIntegerDigit { .. } => {
            "verwacht een geheel getal (zonder decimalen)".to_string()
        }
        E::IntegerOutOfBounds => {
            "dit getal valt buiten wat toegelaten is (negatief of te groot)".to_string()
        }
        E::ExpectedString | E::ExpectedStringEnd => {
            "verwacht tekst tussen aanhalingstekens, bv. \"Chemie\"".to_string()
        }
        E::ExpectedComma => "verwacht een komma tussen twee velden of elementen".to_string(),
        E::ExpectedArray => "verwacht een lijst tussen vierkante haken [ ... ]".to_string(),
        E::ExpectedArrayEnd => "verwacht `]` of een komma in de lijst".to_string(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "verwacht een blok tussen haakjes ( ... )".to_string()
        }
        E::ExpectedStructLikeEnd => "verwacht `)` of een komma in het blok".to_string(),
        E::ExpectedBoolean => "verwacht true of false".to_string(),
        E::Eof => "het bestand houdt onverwacht op (ontbreekt er een sluithaakje?)".to_string(),
        E::TrailingCharacters => "er staat nog tekst na het einde van het dossier".to_string(),
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            "een commentaar wordt niet afgesloten".to_string()
        }
        E::InvalidValueForType { expected, found } => {
            format!("ongeldige waarde {found}: verwacht {expected}")
        }
        E::UnexpectedChar(c) => format!("onverwacht teken `{c}`"),
        E::ExpectedIdentifier => {
            "verwacht een veldnaam of `)`; ontbreekt er een sluithaakje `)` vóór deze plaats?"
                .to_string()
        }
        other => format!("ongeldige RON: {other}"),
    }
}

/// The Dutch label of an enum type and the Dutch name of one of its values.
fn enum_dutch(outer: &str, variant: &str) -> Option<(&'static str, &'static str)> {
    use crate::model::{Contract, Period, PeriodSystem, ProgrammeKind, UnitKind};
    let find = |names: Vec<(String, &'static str)>| {
        names
            .into_iter()
            .find(|(n, _)| n == variant)
            .map(|(_, d)| d)
    };
    match outer {
        "Contract" => Some((
            "voor het contracttype",
            find(
                Contract::ALL
                    .iter()
                    .map(|c| (format!("{c:?}"), c.dutch()))
                    .collect(),
            )?,
        )),
        "Period" => Some((
            "voor de onderwijsperiode",
            find(
                Period::ALL
                    .iter()
                    .map(|c| (format!("{c:?}"), c.dutch()))
                    .collect(),
            )?,
        )),
        "ProgrammeKind" => Some((
            "voor de soort opleiding",
            find(
                ProgrammeKind::ALL
                    .iter()
                    .map(|c| (format!("{c:?}"), c.dutch()))
                    .collect(),
            )?,
        )),
        "UnitKind" => Some((
            "voor de soort opleidingsonderdeel",
            find(
                [UnitKind::Regular, UnitKind::Bachelorproef, UnitKind::Stage]
                    .iter()
                    .map(|c| (format!("{c:?}"), c.dutch()))
                    .collect(),
            )?,
        )),
        "PeriodSystem" => Some((
            "voor het onderwijsperiodesysteem",
            find(
                [
                    PeriodSystem::Year,
                    PeriodSystem::Semester,
                    PeriodSystem::Modules,
                ]
                .iter()
                .map(|c| (format!("{c:?}"), c.dutch()))
                .collect(),
            )?,
        )),
        "RebuildKind" => Some((
            "voor de soort heropbouw",
            match variant {
                "Master" => "na een masterdiploma",
                "LeftHigherEducation" => "na het verlaten van het hoger onderwijs",
                "Hbo5" => "na een HBO5-diploma",
                _ => return None,
            },
        )),
        _ => None,
    }
}

/// Byte offset of a 1-based line and (character) column.
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

/// 1-based line and character column of a byte offset.
fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Skips white space and `//` comments from an offset.
fn skip_blank(text: &str, mut at: usize) -> usize {
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
        } else {
            return at;
        }
    }
}

/// Start of the number that ends just before `at` (digits, '.', ',', '-').
fn number_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while i > 0 && (bytes[i - 1].is_ascii_digit() || matches!(bytes[i - 1], b'.' | b',' | b'-')) {
        i -= 1;
    }
    i
}

/// A ron error in plain Dutch at the place a person would look, using the
/// text around it.
fn refine(text: &str, code: &ron::Error, line: usize, col: usize) -> (usize, usize, String) {
    use ron::Error as E;
    let at = offset_of(text, line, col);
    let here = |o: usize, m: String| {
        let (l, c) = position_of(text, o);
        (l, c, m)
    };
    if text.trim().is_empty() {
        return (
            1,
            1,
            "het bestand is leeg; een dossier begint met `(` en `format: 1,`".to_string(),
        );
    }
    match code {
        E::TrailingCharacters => {
            return here(skip_blank(text, at), dutch_message(code));
        }
        E::SuggestRawIdentifier(id) | E::InvalidIdentifier(id)
            if id.chars().all(|c| c.is_ascii_digit()) =>
        {
            let start = text[..at].rfind(id.as_str()).unwrap_or(at);
            if text[..start].ends_with(',') {
                return here(
                    number_start(text, start.saturating_sub(1)),
                    "schrijf een cijfer met een decimale punt, bv. 9.5 (niet 9,5)".to_string(),
                );
            }
        }
        E::ExpectedComma
            if text[at..].starts_with('.')
                && text[..at].ends_with(|c: char| c.is_ascii_digit()) =>
        {
            return here(
                number_start(text, at),
                "verwacht een geheel getal (zonder decimalen)".to_string(),
            );
        }
        E::ExpectedString | E::ExpectedStringEnd => {
            let token_at = skip_blank(text, at);
            let token: String = text[token_at..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            if token.contains('-') && token.starts_with(|c: char| c.is_ascii_digit()) {
                return here(
                    token_at,
                    "zet een academiejaar of datum tussen aanhalingstekens, bv. \"2017-2018\" of \"2017-10-23\"".to_string(),
                );
            }
        }
        _ => {}
    }
    if text[at..].trim().is_empty() || matches!(code, E::Eof) {
        return (
            line,
            col,
            "het bestand houdt onverwacht op (ontbreekt er een sluithaakje?)".to_string(),
        );
    }
    (line, col, dutch_message(code))
}

/// Parses RON text of any parameter or case type, naming FILE:LINE:COL on
/// failure.
pub fn parse_ron<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, ParseError> {
    options().from_str(text).map_err(|e| {
        let (line, col, message) = refine(text, &e.code, e.span.start.line, e.span.start.col);
        ParseError {
            file: file.to_path_buf(),
            line,
            col,
            message,
        }
    })
}

/// The place of the first `key:` in the text, for errors found after
/// parsing.
fn place_of(text: &str, key: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with(key) && trimmed[key.len()..].trim_start().starts_with(':') {
            return (i + 1, line.len() - trimmed.len() + 1);
        }
    }
    (1, 1)
}

/// Reads a case from its text.
pub fn parse_case(file: &Path, text: &str) -> Result<Case, ParseError> {
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

/// Reads a case file.
pub fn load_case(path: &Path) -> Result<Case, ParseError> {
    let bytes = std::fs::read(path).map_err(|e| ParseError {
        file: path.to_path_buf(),
        line: 0,
        col: 0,
        message: format!("kan het bestand niet lezen: {e}"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let upto = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
        let (line, col) = position_of(upto, upto.len());
        ParseError {
            file: path.to_path_buf(),
            line,
            col,
            message: "het bestand is geen geldige UTF-8-tekst".to_string(),
        }
    })?;
    parse_case(path, &text)
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
}
