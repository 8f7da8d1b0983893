//! The RON parser's errors in plain Dutch, at the place a person would
//! look. No English sentence of the parser and no Rust type name reaches
//! the counsellor: every error has a Dutch text here, and an unknown one a
//! general Dutch sentence.

/// The Dutch name of a struct of the case model, as a person calls it.
fn dutch_struct(name: &str) -> Option<&'static str> {
    Some(match name {
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
        "Scenario" => "een scenario",
        "Thresholds" => "de drempels",
        "Institution" => "de instelling",
        "Calendar" => "de kalender",
        _ => return None,
    })
}

/// ` in <Dutch name>`, or nothing for a name without one.
fn within(outer: &Option<String>) -> String {
    outer
        .as_deref()
        .and_then(|o| {
            // A struct variant is named `Enum::Variant` by serde.
            let last = o.rsplit("::").next().unwrap_or(o);
            dutch_struct(last).or_else(|| change_dutch(last))
        })
        .map(|d| format!(" in {d}"))
        .unwrap_or_default()
}

fn one_of(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Dutch name of a kind of scenario change.
fn change_dutch(variant: &str) -> Option<&'static str> {
    Some(match variant {
        "PutProgramme" => "een opleiding in een scenario",
        "PutYear" => "een academiejaar in een scenario",
        "RemoveYear" => "een weggelaten academiejaar",
        "PutEnrolment" => "een inschrijving in een scenario",
        "SetEnrolment" => "de gegevens van een inschrijving in een scenario",
        "RemoveEnrolment" => "een weggelaten inschrijving",
        "PutUnit" => "een opleidingsonderdeel in een scenario",
        "RemoveUnit" => "een weggelaten opleidingsonderdeel",
        "SetResult" => "een resultaat in een scenario",
        "Tolerate" => "een tolerantie in een scenario",
        "WithdrawUnit" => "een uitschrijving uit een onderdeel in een scenario",
        "SetSummaries" => "samenvattingslijnen in een scenario",
        "SetEvents" => "diploma's in een scenario",
        "SetAsOf" => "het jaar waartoe gerekend wordt, in een scenario",
        _ => return None,
    })
}

/// The Dutch label of an enum type and the Dutch name of one of its values.
fn enum_dutch(outer: &str, variant: &str) -> Option<(&'static str, &'static str)> {
    use crate::model::{Contract, Period, PeriodSystem, ProgrammeKind, UnitKind};
    fn find<T: std::fmt::Debug + Copy>(
        all: &[T],
        variant: &str,
        dutch: impl Fn(T) -> &'static str,
    ) -> Option<&'static str> {
        all.iter()
            .find(|c| format!("{c:?}") == variant)
            .map(|c| dutch(*c))
    }
    match outer {
        "Contract" => Some((
            "voor het contracttype",
            find(&Contract::ALL, variant, Contract::dutch)?,
        )),
        "Period" => Some((
            "voor de onderwijsperiode",
            find(&Period::ALL, variant, Period::dutch)?,
        )),
        "ProgrammeKind" => Some((
            "voor de soort opleiding",
            find(&ProgrammeKind::ALL, variant, ProgrammeKind::dutch)?,
        )),
        "UnitKind" => Some((
            "voor de soort opleidingsonderdeel",
            find(
                &[UnitKind::Regular, UnitKind::Bachelorproef, UnitKind::Stage],
                variant,
                UnitKind::dutch,
            )?,
        )),
        "PeriodSystem" => Some((
            "voor het onderwijsperiodesysteem",
            find(
                &[
                    PeriodSystem::Year,
                    PeriodSystem::Semester,
                    PeriodSystem::Modules,
                ],
                variant,
                PeriodSystem::dutch,
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
        "Event" => Some((
            "voor een diploma (events)",
            match variant {
                "MasterDiploma" => "masterdiploma in dat academiejaar",
                "Hbo5Diploma" => "HBO5-diploma in dat academiejaar",
                _ => return None,
            },
        )),
        "Chance" => Some((
            "voor de examenkans",
            match variant {
                "First" => "eerste kans",
                "Second" => "tweede kans",
                _ => return None,
            },
        )),
        "Change" => Some(("voor een wijziging in een scenario", change_dutch(variant)?)),
        _ => None,
    }
}

/// What the parser found, in Dutch (the `found` of an invalid value).
fn found_dutch(found: &str) -> String {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_string())
    };
    if let Some(v) = quoted("the boolean ") {
        return format!("{v} (waar of onwaar)");
    }
    if let Some(v) = quoted("the unsigned integer ")
        .or_else(|| quoted("the signed integer "))
        .or_else(|| quoted("the floating point number "))
    {
        return format!("het getal {v}");
    }
    if let Some(v) = quoted("the UTF-8 character ") {
        return format!("het teken '{v}'");
    }
    if let Some(v) = found.strip_prefix("the string ") {
        return format!("de tekst {v}");
    }
    if let Some(v) = found.strip_prefix("the byte string ") {
        return format!("de bytetekst {v}");
    }
    match found {
        "a unit value" => "()".to_string(),
        "an optional value" => "een optionele waarde".to_string(),
        "a sequence" => "een lijst [ ... ]".to_string(),
        "a map" => "een map { ... }".to_string(),
        "a newtype struct" | "an enum" | "a unit variant" | "a newtype variant"
        | "a tuple variant" | "a struct variant" => "een naam of blok".to_string(),
        _ => "deze waarde".to_string(),
    }
}

/// What was expected, in Dutch (the `expected` of an invalid value, a
/// serde visitor's text).
fn expected_dutch(expected: &str) -> String {
    let integer = [
        "u8", "u16", "u32", "u64", "u128", "i8", "i16", "i32", "i64", "i128", "usize", "isize",
    ];
    if integer.contains(&expected) || expected.contains("integer") {
        return "een geheel getal".to_string();
    }
    if let Some(name) = expected.strip_prefix("struct ") {
        let last = name.rsplit("::").next().unwrap_or(name);
        return dutch_struct(last)
            .or_else(|| change_dutch(last))
            .map(|d| format!("{d} tussen haakjes ( ... )"))
            .unwrap_or_else(|| "een blok tussen haakjes ( ... )".to_string());
    }
    if let Some(name) = expected
        .strip_prefix("struct variant ")
        .or_else(|| expected.strip_prefix("tuple variant "))
        .or_else(|| expected.strip_prefix("newtype variant "))
    {
        let last = name.rsplit("::").next().unwrap_or(name);
        return change_dutch(last)
            .map(|d| format!("{d}, met zijn waarden tussen haakjes"))
            .unwrap_or_else(|| "een naam met zijn waarden tussen haakjes".to_string());
    }
    if expected.starts_with("enum ") {
        return "een van de toegelaten namen (zie README.md)".to_string();
    }
    match expected {
        "a string" | "a borrowed string" | "string" => {
            "tekst tussen aanhalingstekens, bv. \"Chemie\"".to_string()
        }
        "a boolean" | "bool" => "true of false".to_string(),
        "a character" | "char" => "één teken".to_string(),
        "f32" | "f64" | "a float" => "een getal".to_string(),
        "option" => "een waarde".to_string(),
        "unit" => "()".to_string(),
        _ if expected.starts_with("a sequence") || expected.starts_with("tuple") => {
            "een lijst [ ... ]".to_string()
        }
        _ if expected.starts_with("a map") => "een map { ... }".to_string(),
        // The case model's own visitors say what they expect in Dutch.
        _ if expected.starts_with("een ") || expected.starts_with("tekst") => expected.to_string(),
        _ => "een andere soort waarde".to_string(),
    }
}

/// A ron error in plain Dutch, saying what is allowed where it can.
pub(super) fn message(e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        // The case model's own messages (grades, dates, academic years)
        // are Dutch.
        E::Message(m) => m.clone(),
        E::Io(_) | E::Fmt => "het bestand kan niet gelezen worden".to_string(),
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
            let label = expected
                .iter()
                .find_map(|v| enum_dutch(outer, v))
                .map(|(label, _)| format!(" {label}"))
                .unwrap_or_default();
            format!(
                "onbekende waarde `{found}`{label}; toegelaten: {}",
                expected
                    .iter()
                    .map(|v| match enum_dutch(outer, v) {
                        Some((_, d)) => format!("`{v}` ({d})"),
                        None => format!("`{v}`"),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        E::ExpectedInteger | E::InvalidIntegerDigit { .. } => {
            "verwacht een geheel getal (zonder decimalen)".to_string()
        }
        E::IntegerOutOfBounds => {
            "dit getal valt buiten wat toegelaten is (negatief of te groot)".to_string()
        }
        E::ExpectedFloat => "verwacht een getal, bv. 12 of 9.4".to_string(),
        E::FloatUnderscore | E::UnderscoreAtBeginning => {
            "schrijf een getal zonder liggend streepje (_), bv. 12".to_string()
        }
        E::ExpectedString | E::ExpectedStringEnd => {
            "verwacht tekst tussen aanhalingstekens, bv. \"Chemie\"".to_string()
        }
        E::ExpectedByteString | E::ExpectedByteLiteral => {
            "verwacht gewone tekst tussen aanhalingstekens, bv. \"Chemie\"".to_string()
        }
        E::ExpectedChar => "verwacht één teken tussen enkele aanhalingstekens".to_string(),
        E::InvalidEscape(_) => {
            "ongeldig teken na \\ in de tekst; schrijf \\\\ voor een backslash en \\\" voor een aanhalingsteken".to_string()
        }
        E::ExpectedComma => "verwacht een komma tussen twee velden of elementen".to_string(),
        E::ExpectedArray => "verwacht een lijst tussen vierkante haken [ ... ]".to_string(),
        E::ExpectedArrayEnd => "verwacht `]` of een komma in de lijst".to_string(),
        E::ExpectedMap => "verwacht een map tussen accolades { ... }".to_string(),
        E::ExpectedMapColon => "verwacht een dubbele punt `:` na de veldnaam".to_string(),
        E::ExpectedMapEnd => "verwacht `}` of een komma".to_string(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "verwacht een blok tussen haakjes ( ... )".to_string()
        }
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => {
            "verwacht `)` of een komma in het blok".to_string()
        }
        E::ExpectedDifferentStructName { expected, found } => match dutch_struct(expected) {
            Some(d) => format!(
                "hier hoort {d}, geen `{found}`; laat de naam vóór het haakje `(` weg"
            ),
            None => format!("`{found}` hoort hier niet; laat de naam vóór het haakje `(` weg"),
        },
        E::ExpectedStructName(_) => "verwacht een blok tussen haakjes ( ... )".to_string(),
        E::ExpectedOption => "verwacht een waarde".to_string(),
        E::ExpectedUnit => "verwacht ()".to_string(),
        E::ExpectedBoolean => "verwacht true of false".to_string(),
        E::Eof => "het bestand houdt onverwacht op (ontbreekt er een sluithaakje?)".to_string(),
        E::TrailingCharacters => "er staat nog tekst na het einde van het dossier".to_string(),
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            "een commentaar wordt niet afgesloten (/* zonder */)".to_string()
        }
        E::InvalidValueForType { expected, found } => format!(
            "ongeldige waarde {}: verwacht {}",
            found_dutch(found),
            expected_dutch(expected)
        ),
        E::ExpectedDifferentLength { expected, found } => format!(
            "verwacht {}, maar er staan {found} waarden",
            expected_dutch(expected)
        ),
        E::UnexpectedChar(c) => format!("onverwacht teken `{}`", c.escape_debug()),
        E::ExpectedIdentifier => {
            "verwacht een veldnaam of `)`; ontbreekt er een sluithaakje `)` vóór deze plaats?"
                .to_string()
        }
        E::InvalidIdentifier(id) | E::SuggestRawIdentifier(id) => format!(
            "`{}` is hier geen geldige naam; schrijf een naam zonder aanhalingstekens uit de lijst van README.md, bv. Bachelor of Diploma",
            id.escape_debug()
        ),
        E::NoSuchExtension(_) | E::ExpectedAttribute | E::ExpectedAttributeEnd => {
            "een dossier gebruikt geen `#![enable(...)]`; laat die regel weg".to_string()
        }
        E::ExceededRecursionLimit => {
            "het dossier is te diep genest (te veel haakjes in elkaar)".to_string()
        }
        E::Utf8Error(_) => "het bestand is geen geldige UTF-8-tekst".to_string(),
        E::ExpectedRawValue | E::ExpectedRangeSyntax => {
            "deze schrijfwijze kent een dossier niet; zie README.md voor de velden".to_string()
        }
        // A newer ron may add errors: still Dutch, still placed.
        _ => "dit kan traject hier niet lezen; zie README.md voor de velden".to_string(),
    }
}

/// Byte offset of a 1-based line and (character) column.
pub(super) fn offset_of(text: &str, line: usize, col: usize) -> usize {
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
pub(super) fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
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

/// The number-like word at `at` (after blanks): digits, letters, `.`, `_`,
/// `+`, `-`; with its offset.
fn word_at(text: &str, at: usize) -> (usize, &str) {
    let start = skip_blank(text, at);
    let len = text[start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-')))
        .unwrap_or(text.len() - start);
    (start, &text[start..start + len])
}

/// A number that no field of a case can hold: not finite (`inf`, `NaN`) or
/// far too large; the Dutch message for it.
fn unrepresentable(word: &str) -> Option<String> {
    let bare = word.trim_start_matches(['+', '-']);
    let lower = bare.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        return Some(format!(
            "`{word}` is geen getal dat een dossier kent (oneindig of NaN); schrijf een gewoon getal, bv. 12"
        ));
    }
    let digits = bare.split(['.', 'e', 'E']).next().unwrap_or("");
    let exponent_huge = lower.split_once('e').is_some_and(|(_, e)| {
        e.trim_start_matches('+')
            .parse::<i32>()
            .is_ok_and(|e| e > 6)
    });
    if (digits.len() > 9 && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_'))
        || exponent_huge
    {
        return Some(format!(
            "het getal {word} is veel te groot; geen veld van een dossier kan het bevatten"
        ));
    }
    None
}

/// A ron error in plain Dutch at the place a person would look, using the
/// text around it: (line, column, message).
pub(super) fn refine(
    text: &str,
    code: &ron::Error,
    line: usize,
    col: usize,
) -> (usize, usize, String) {
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
    // A number no field can hold, whatever the parser made of it.
    if matches!(
        code,
        E::ExpectedInteger
            | E::InvalidIntegerDigit { .. }
            | E::IntegerOutOfBounds
            | E::ExpectedFloat
            | E::ExpectedString
            | E::ExpectedStringEnd
            | E::ExpectedBoolean
            | E::InvalidValueForType { .. }
            | E::Message(_)
            | E::SuggestRawIdentifier(_)
            | E::InvalidIdentifier(_)
            | E::ExpectedStructLike
            | E::ExpectedNamedStructLike(_)
            | E::ExpectedArray
    ) {
        // The parser stands at the start of the value, or just after it.
        let back = number_start(text, at);
        for from in [at, back] {
            let (start, word) = word_at(text, from);
            if let Some(m) = unrepresentable(word) {
                return here(start, m);
            }
        }
    }
    match code {
        E::TrailingCharacters => {
            return here(skip_blank(text, at), message(code));
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
            return here(
                start,
                format!(
                    "hier hoort een naam zonder aanhalingstekens (bv. Bachelor of Diploma), geen getal `{id}`"
                ),
            );
        }
        E::ExpectedIdentifier if text[skip_blank(text, at)..].starts_with('"') => {
            return here(
                skip_blank(text, at),
                "schrijf deze naam zonder aanhalingstekens, bv. kind: Bachelor (niet kind: \"Bachelor\")"
                    .to_string(),
            );
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
    (line, col, message(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_no_field_can_hold_are_named() {
        assert!(unrepresentable("inf").unwrap().contains("oneindig"));
        assert!(unrepresentable("-inf").is_some());
        assert!(unrepresentable("NaN").is_some());
        assert!(
            unrepresentable("99999999999999999999")
                .unwrap()
                .contains("veel te groot")
        );
        assert!(unrepresentable("1e400").is_some());
        assert_eq!(unrepresentable("12"), None);
        assert_eq!(unrepresentable("9.4"), None);
        assert_eq!(unrepresentable("180"), None);
        assert_eq!(unrepresentable("Bachelor"), None);
    }

    #[test]
    fn serde_texts_become_dutch() {
        assert_eq!(found_dutch("the boolean `true`"), "true (waar of onwaar)");
        assert_eq!(found_dutch("the unsigned integer `5`"), "het getal 5");
        assert_eq!(found_dutch("a sequence"), "een lijst [ ... ]");
        assert_eq!(found_dutch("something new"), "deze waarde");
        assert_eq!(expected_dutch("u32"), "een geheel getal");
        assert_eq!(
            expected_dutch("struct Unit"),
            "een opleidingsonderdeel tussen haakjes ( ... )"
        );
        assert_eq!(
            expected_dutch("a string"),
            "tekst tussen aanhalingstekens, bv. \"Chemie\""
        );
        assert_eq!(expected_dutch("whatever else"), "een andere soort waarde");
    }
}
