//! Calendar dates and academic years as they appear in a case file.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// The forms [`Date::parse_written`] accepts, as a message names them.
pub const WRITTEN_FORMS: &str = "DD-MM-JJJJ, D/M/JJJJ of JJJJ-MM-DD";

/// A calendar date, written in ISO form `2017-10-23` in a case file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    /// Builds a date; `None` when it does not exist.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// The date as the Dutch interface shows it: `23-10-2017`.
    pub fn dutch(self) -> String {
        self.0.format("%d-%m-%Y").to_string()
    }

    /// The short form, only where the full one does not fit (a narrow
    /// table column): `23-10-17`.
    pub fn short(self) -> String {
        self.0.format("%d-%m-%y").to_string()
    }

    /// A date as people write it: `25-09-2017`, `25/9/2017`, `25.9.2017`
    /// (day, month, year with the same separator twice) or ISO `2017-09-25`.
    /// Every date field of the interface reads dates with this; the case
    /// file keeps ISO ([`FromStr`]). The error is the Dutch message naming
    /// the accepted forms.
    pub fn parse_written(s: &str) -> Result<Date, String> {
        let t = s.trim();
        let refuse =
            |why: &str| format!("datum niet herkend: ‘{t}’{why} — schrijf {WRITTEN_FORMS}");
        let sep = t.chars().find(|c| !c.is_ascii_digit());
        let parts: Vec<&str> = match sep {
            Some(c @ ('-' | '/' | '.')) => t.split(c).collect(),
            _ => return Err(refuse("")),
        };
        let number = |p: &str, max_len: usize| {
            (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        let (year, month, day) = match parts.as_slice() {
            [y, m, d] if y.len() == 4 && sep == Some('-') => {
                (number(y, 4), number(m, 2), number(d, 2))
            }
            [d, m, y] if y.len() == 4 => (number(y, 4), number(m, 2), number(d, 2)),
            _ => return Err(refuse("")),
        };
        let (Some(year), Some(month), Some(day)) = (year, month, day) else {
            return Err(refuse(""));
        };
        let year = i32::try_from(year).map_err(|_| refuse(""))?;
        Date::ymd(year, month, day).ok_or_else(|| refuse(" (die dag bestaat niet)"))
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        (other.0 - self.0).num_days()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let well_formed = t.len() == 10
            && t.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !well_formed {
            return Err(format!(
                "ongeldige datum \"{s}\": schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2017-10-23"
            ));
        }
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Date)
            .map_err(|_| format!("ongeldige datum \"{s}\": die dag bestaat niet"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// An academic year (academiejaar), written `2017-2018`; stored as its first
/// calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AcademicYear(pub i32);

impl AcademicYear {
    /// The academic year that follows.
    pub fn next(self) -> AcademicYear {
        AcademicYear(self.0 + 1)
    }

    /// The academic year before.
    pub fn prev(self) -> AcademicYear {
        AcademicYear(self.0 - 1)
    }

    /// The academic year a date falls in, taking 1 September as its turn
    /// (used only where no calendar says better).
    pub fn of_date(d: Date) -> AcademicYear {
        if d.0.month() >= 9 {
            AcademicYear(d.0.year())
        } else {
            AcademicYear(d.0.year() - 1)
        }
    }

    /// The date with this month and day that falls inside this academic
    /// year (September–December in the first calendar year, January–August
    /// in the second).
    pub fn date_of(self, month: u32, day: u32) -> Option<Date> {
        let y = if month >= 9 { self.0 } else { self.0 + 1 };
        Date::ymd(y, month, day)
    }
}

impl fmt::Display for AcademicYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.0, self.0 + 1)
    }
}

impl FromStr for AcademicYear {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!(
                "ongeldig academiejaar \"{s}\": schrijf het als JJJJ-JJJJ, bijvoorbeeld 2017-2018"
            )
        };
        let (a, b) = s.trim().split_once('-').ok_or_else(bad)?;
        if a.len() != 4 || b.len() != 4 {
            return Err(bad());
        }
        let a: i32 = a.parse().map_err(|_| bad())?;
        let b: i32 = b.parse().map_err(|_| bad())?;
        if b != a + 1 {
            return Err(format!(
                "ongeldig academiejaar \"{s}\": het tweede jaartal moet het eerste plus één zijn"
            ));
        }
        Ok(AcademicYear(a))
    }
}

impl Serialize for AcademicYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AcademicYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn academic_year_round_trips() {
        let y: AcademicYear = "2017-2018".parse().unwrap();
        assert_eq!(y, AcademicYear(2017));
        assert_eq!(y.to_string(), "2017-2018");
        assert!("2017-2019".parse::<AcademicYear>().is_err());
        assert!("17-18".parse::<AcademicYear>().is_err());
    }

    #[test]
    fn dates_are_iso_and_checked() {
        assert_eq!(
            "2017-10-23".parse::<Date>().unwrap().to_string(),
            "2017-10-23"
        );
        assert!("23-10-2017".parse::<Date>().is_err());
        assert!(
            "2018-02-30"
                .parse::<Date>()
                .unwrap_err()
                .contains("bestaat niet")
        );
    }

    /// Every form a person writes, and what is refused (with the forms named).
    #[test]
    fn written_dates_in_every_form() {
        let d = Date::ymd(2017, 9, 25).unwrap();
        for s in [
            "25-09-2017",
            "25/9/2017",
            "25.9.2017",
            "2017-09-25",
            "2017-9-25",
            " 25/09/2017 ",
            "25-9-2017",
        ] {
            assert_eq!(Date::parse_written(s), Ok(d), "{s}");
        }
        assert_eq!(
            Date::parse_written("1/2/2018"),
            Ok(Date::ymd(2018, 2, 1).unwrap())
        );
        assert_eq!(
            Date::parse_written("31-02-2017").unwrap_err(),
            "datum niet herkend: ‘31-02-2017’ (die dag bestaat niet) — schrijf DD-MM-JJJJ, D/M/JJJJ of JJJJ-MM-DD"
        );
        for bad in [
            "",
            "25-09-17",
            "12-03-18",
            "25/09-2017",
            "2017/09/25",
            "2017.09.25",
            "25 09 2017",
            "25-13-2017",
            "0-9-2017",
            "a-b-cdef",
            "25--2017",
            "125-9-2017",
            "25-9-2017-1",
            "vandaag",
            "-1-9-2017",
        ] {
            let e = Date::parse_written(bad).unwrap_err();
            assert!(
                e.contains("DD-MM-JJJJ, D/M/JJJJ of JJJJ-MM-DD"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn a_date_is_shown_in_one_form() {
        assert_eq!(Date::ymd(2018, 3, 12).unwrap().dutch(), "12-03-2018");
        // What is shown reads back.
        let d = Date::ymd(2018, 3, 12).unwrap();
        assert_eq!(Date::parse_written(&d.dutch()), Ok(d));
    }

    #[test]
    fn date_of_places_months_in_the_right_calendar_year() {
        let y = AcademicYear(2017);
        assert_eq!(y.date_of(12, 1).unwrap().to_string(), "2017-12-01");
        assert_eq!(y.date_of(3, 15).unwrap().to_string(), "2018-03-15");
    }
}
