//! Parameters dated by academic year, each with its article, in the way
//! OpenFisca keeps dated parameters with their references: a value applies
//! from an academic year (and up to one, or open-ended).

use serde::{Deserialize, Serialize};

use crate::model::AcademicYear;

/// One value and the academic years it applies to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Valid<T> {
    /// The first academic year it applies to.
    pub from: AcademicYear,
    /// The last academic year it applies to; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<AcademicYear>,
    pub value: T,
    /// The file it was read from (filled in by the loader).
    #[serde(skip)]
    pub source: String,
}

impl<T> Valid<T> {
    /// Whether it applies to `year`.
    pub fn covers(&self, year: AcademicYear) -> bool {
        self.from <= year && self.to.is_none_or(|t| year <= t)
    }

    /// Whether two validities share a year.
    pub fn overlaps(&self, other: &Valid<T>) -> bool {
        let end = |v: &Valid<T>| v.to.map_or(i32::MAX, |t| t.0);
        self.from.0 <= end(other) && other.from.0 <= end(self)
    }

    /// `2017-2018` or `2017-2018 – 2019-2020` or `2008-2009 – heden`.
    pub fn span(&self) -> String {
        match self.to {
            Some(t) if t == self.from => t.to_string(),
            Some(t) => format!("{} – {t}", self.from),
            None => format!("{} – heden", self.from),
        }
    }
}

/// A parameter: its article and its values over the years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dated<T> {
    /// The provision it comes from, e.g. `Art. 8.1 §1`.
    pub article: String,
    pub values: Vec<Valid<T>>,
}

/// Which value applies to a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InForce<'a, T> {
    /// A value whose validity covers the year.
    Exact(&'a Valid<T>),
    /// No value covers the year; the nearest one (the latest before it,
    /// else the earliest after it) stands in.
    Nearest(&'a Valid<T>),
}

impl<'a, T> InForce<'a, T> {
    /// The value that applies.
    pub fn valid(self) -> &'a Valid<T> {
        match self {
            InForce::Exact(v) | InForce::Nearest(v) => v,
        }
    }
}

impl<T: PartialEq> Dated<T> {
    /// The value in force for `year`, or the nearest one; `None` only when
    /// there is no value at all.
    pub fn in_force(&self, year: AcademicYear) -> Option<InForce<'_, T>> {
        if let Some(v) = self.values.iter().find(|v| v.covers(year)) {
            return Some(InForce::Exact(v));
        }
        let before = self
            .values
            .iter()
            .filter(|v| v.to.is_some_and(|t| t < year))
            .max_by_key(|v| v.to);
        let after = self
            .values
            .iter()
            .filter(|v| v.from > year)
            .min_by_key(|v| v.from);
        before.or(after).map(InForce::Nearest)
    }

    /// Adds the values of another definition of the same parameter. A year
    /// covered twice with different values is a conflict: the message
    /// names both sources.
    pub fn merge(&mut self, other: Dated<T>) -> Result<(), String> {
        for v in other.values {
            if let Some(old) = self.values.iter().find(|o| o.overlaps(&v)) {
                if old.value == v.value && old.from == v.from && old.to == v.to {
                    continue;
                }
                return Err(format!(
                    "de waarde voor {} overlapt met die voor {} uit {}; een academiejaar heeft maar één waarde",
                    v.span(),
                    old.span(),
                    old.source
                ));
            }
            self.values.push(v);
        }
        self.values.sort_by_key(|v| v.from);
        Ok(())
    }

    /// Records the file every value came from.
    pub fn from_file(mut self, file: &str) -> Dated<T> {
        for v in &mut self.values {
            v.source = file.to_string();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(from: i32, to: Option<i32>, value: i32) -> Valid<i32> {
        Valid {
            from: AcademicYear(from),
            to: to.map(AcademicYear),
            value,
            source: "test".into(),
        }
    }

    #[test]
    fn the_value_in_force_or_the_nearest() {
        let d = Dated {
            article: "Art. 1".into(),
            values: vec![valid(2015, Some(2016), 1), valid(2018, None, 2)],
        };
        assert!(matches!(d.in_force(AcademicYear(2015)), Some(InForce::Exact(v)) if v.value == 1));
        assert!(matches!(d.in_force(AcademicYear(2030)), Some(InForce::Exact(v)) if v.value == 2));
        assert!(
            matches!(d.in_force(AcademicYear(2017)), Some(InForce::Nearest(v)) if v.value == 1)
        );
        assert!(
            matches!(d.in_force(AcademicYear(2010)), Some(InForce::Nearest(v)) if v.value == 1)
        );
    }

    #[test]
    fn overlapping_values_conflict_and_new_years_merge() {
        let mut d = Dated {
            article: "Art. 1".into(),
            values: vec![valid(2017, Some(2017), 1)],
        };
        assert!(
            d.merge(Dated {
                article: "Art. 1".into(),
                values: vec![valid(2018, Some(2018), 3)]
            })
            .is_ok()
        );
        assert_eq!(d.values.len(), 2);
        let err = d
            .merge(Dated {
                article: "Art. 1".into(),
                values: vec![valid(2016, None, 4)],
            })
            .unwrap_err();
        assert!(err.contains("overlapt"), "{err}");
    }
}
