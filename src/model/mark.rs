//! An exam result as entered: a grade on 20 (whole for a course unit, to one
//! decimal for a part), or one of the codes of OER 15.5 and 17.1.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One exam result (examencijfer or code).
///
/// In a case file a grade is a number (`12`, or `9.4` for a part of a
/// composite unit); the codes are strings: `"afwezig"`, `"F"`,
/// `"geslaagd"`, `"niet geslaagd"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A grade on 20, in tenths (`94` is 9.4/20).
    Tenths(i32),
    /// Afwezig: absent (OER 15.5).
    Absent,
    /// Code F, fail (OER 15.5): the unit cannot be passed.
    Fail,
    /// Geslaagd: passed, for a unit with a non-numeric result (OER 17.1).
    Passed,
    /// Niet geslaagd: not passed, for a unit with a non-numeric result.
    NotPassed,
}

impl Mark {
    /// A whole grade on 20.
    pub fn whole(g: i32) -> Mark {
        Mark::Tenths(g * 10)
    }

    /// The whole grade, when this is a whole grade.
    pub fn whole_grade(self) -> Option<i32> {
        match self {
            Mark::Tenths(t) if t % 10 == 0 => Some(t / 10),
            _ => None,
        }
    }

    /// Whether the mark is a numeric grade.
    pub fn is_numeric(self) -> bool {
        matches!(self, Mark::Tenths(_))
    }

    /// Whether the mark is one of the pass/fail results.
    pub fn is_pass_fail(self) -> bool {
        matches!(self, Mark::Passed | Mark::NotPassed)
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Mark::Tenths(t) if t % 10 == 0 => write!(f, "{}", t / 10),
            Mark::Tenths(t) => {
                let sign = if t < 0 { "-" } else { "" };
                write!(f, "{sign}{}.{}", t.abs() / 10, t.abs() % 10)
            }
            Mark::Absent => f.write_str("afwezig"),
            Mark::Fail => f.write_str("F"),
            Mark::Passed => f.write_str("geslaagd"),
            Mark::NotPassed => f.write_str("niet geslaagd"),
        }
    }
}

/// Parses a decimal with at most one digit after the point into tenths,
/// exactly (no float involved).
pub fn parse_tenths(s: &str) -> Option<i32> {
    let s = s.trim();
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = match body.split_once(['.', ',']) {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || int.len() > 6 {
        return None;
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > 1 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = int.parse::<i32>().ok()? * 10 + frac.parse::<i32>().unwrap_or(0);
    Some(if neg { -t } else { t })
}

impl std::str::FromStr for Mark {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "afwezig" | "afw" | "a" => Ok(Mark::Absent),
            "f" | "fail" => Ok(Mark::Fail),
            "geslaagd" | "g" => Ok(Mark::Passed),
            "niet geslaagd" | "ng" => Ok(Mark::NotPassed),
            other => parse_tenths(other).map(Mark::Tenths).ok_or_else(|| {
                format!(
                    "ongeldig resultaat \"{s}\": toegelaten zijn een cijfer op 20 (hoogstens één \
                     decimaal), \"afwezig\", \"F\", \"geslaagd\" of \"niet geslaagd\""
                )
            }),
        }
    }
}

impl Serialize for Mark {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Mark::Tenths(t) if t % 10 == 0 => s.serialize_i64(i64::from(t / 10)),
            // A one-decimal value: the shortest float text is exactly "9.4".
            Mark::Tenths(t) => s.serialize_f64(f64::from(t) / 10.0),
            _ => s.collect_str(self),
        }
    }
}

struct MarkVisitor;

impl Visitor<'_> for MarkVisitor {
    type Value = Mark;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "een cijfer op 20 (bv. 12, of 9.4 voor een deel) of \"afwezig\", \"F\", \"geslaagd\", \"niet geslaagd\"",
        )
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Mark, E> {
        i32::try_from(v)
            .ok()
            .and_then(|g| g.checked_mul(10))
            .map(Mark::Tenths)
            .ok_or_else(|| E::custom(format!("cijfer {v} is veel te groot")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Mark, E> {
        self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Mark, E> {
        // The shortest text that reads back as `v` is the text the person
        // typed (for up to 15 significant digits), so it is parsed exactly.
        let text = format!("{v}");
        parse_tenths(&text).map(Mark::Tenths).ok_or_else(|| {
            E::custom(format!(
                "cijfer {text}: een cijfer heeft hoogstens één decimaal (bv. 9.4)"
            ))
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Mark, E> {
        v.parse().map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Mark {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MarkVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_parse_exactly() {
        assert_eq!(parse_tenths("9.4"), Some(94));
        assert_eq!(parse_tenths("9,5"), Some(95));
        assert_eq!(parse_tenths("12"), Some(120));
        assert_eq!(parse_tenths("12.0"), Some(120));
        assert_eq!(parse_tenths("9.45"), None);
        assert_eq!(parse_tenths("x"), None);
    }

    #[test]
    fn marks_display_as_a_person_reads_them() {
        assert_eq!(Mark::whole(9).to_string(), "9");
        assert_eq!(Mark::Tenths(94).to_string(), "9.4");
        assert_eq!(Mark::Absent.to_string(), "afwezig");
        assert_eq!(Mark::NotPassed.to_string(), "niet geslaagd");
    }

    #[test]
    fn marks_round_trip_through_ron() {
        for m in [
            Mark::whole(12),
            Mark::Tenths(94),
            Mark::Absent,
            Mark::Fail,
            Mark::Passed,
        ] {
            let s = ron::to_string(&m).unwrap();
            let back: Mark = ron::from_str(&s).unwrap();
            assert_eq!(back, m, "{s}");
        }
    }
}
