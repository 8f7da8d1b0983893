//! An institution's rules: who it is, its departments, its regulation's
//! parameters by year, its calendars with grensdata, and its lists of
//! units without tolerance and caps per group of units.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::dated::Dated;
use super::groups::{Oer, OerFile};
use crate::model::{AcademicYear, Date, PeriodSystem};

/// A department (departement) of an institution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Its key as a case names it, e.g. `"WT"`.
    pub key: String,
    /// Its full name.
    pub name: String,
}

/// Who an institution is (`institution.ron`); a user file with the same
/// key adds names and lists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstitutionFile {
    /// The key of the institution (its directory name), e.g. `"AP"`.
    pub key: String,
    /// Its full name, e.g. `"AP Hogeschool"`.
    #[serde(default)]
    pub name: Option<String>,
    /// The short name a sentence uses, e.g. `"AP"`.
    #[serde(default)]
    pub short: Option<String>,
    /// The names a case may use for it (compared without regard to case).
    #[serde(default)]
    pub names: Vec<String>,
    /// The institution whose regulation a case is judged by when a
    /// programme names no institution.
    #[serde(default)]
    pub home: Option<bool>,
    /// The department of a programme that names none.
    #[serde(default)]
    pub default_department: Option<String>,
    #[serde(default)]
    pub departments: Vec<Department>,
    /// The title of the regulation in force, by year.
    #[serde(default)]
    pub regulation: Option<Dated<String>>,
    /// Units that can never be tolerated (18.3 §1 f).
    #[serde(default)]
    pub no_tolerance: Vec<NoToleranceList>,
    /// Caps on tolerances within a group of units (18.3 §1 g).
    #[serde(default)]
    pub tolerance_groups: Vec<ToleranceGroup>,
}

/// A unit on a department's list of units without tolerance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListedUnit {
    pub name: String,
    /// A restriction the regulation states, shown with the verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The units of one programme that can never be tolerated (18.3 §1 f),
/// for the years given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoToleranceList {
    pub department: String,
    pub programme: String,
    pub from: AcademicYear,
    #[serde(default)]
    pub to: Option<AcademicYear>,
    pub units: Vec<ListedUnit>,
}

/// A cap on the number of tolerances within a group of units (18.3 §1 g).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToleranceGroup {
    pub department: String,
    pub programme: String,
    pub from: AcademicYear,
    #[serde(default)]
    pub to: Option<AcademicYear>,
    /// Name of the group, shown in the verdict.
    pub name: String,
    pub units: Vec<String>,
    /// At most this many units of the group may be tolerated.
    pub max_units: u32,
}

/// The grensdata of one teaching-period system (OER 8.1 §4), one date per
/// period; for modules, per department.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrensdataRow {
    pub system: PeriodSystem,
    /// The department whose row it is (modules differ per department).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    pub dates: Vec<Date>,
}

/// One academic year's calendar (OER 1.1.1, 8.1 §4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub year: AcademicYear,
    /// First day of the academic year.
    pub start: Date,
    /// Last day of the academic year.
    pub end: Date,
    pub grensdata: Vec<GrensdataRow>,
}

/// The regulation of every year, resolved once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct YearTable<T> {
    first: i32,
    values: Vec<T>,
}

impl<T> YearTable<T> {
    pub(super) fn build(
        first: AcademicYear,
        last: AcademicYear,
        mut f: impl FnMut(AcademicYear) -> T,
    ) -> YearTable<T> {
        YearTable {
            first: first.0,
            values: (first.0..=last.0).map(|y| f(AcademicYear(y))).collect(),
        }
    }

    /// The entry of a year; years outside the table take its nearest end.
    pub(super) fn get(&self, year: AcademicYear) -> &T {
        let i = (year.0 - self.first).clamp(0, self.values.len() as i32 - 1);
        &self.values[i as usize]
    }
}

/// Which regulation year stands in for a year it does not cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OerYear {
    pub oer: Oer,
    /// The keys whose value comes from another year (no value covers this
    /// one), with the validity used.
    pub nearest: Vec<&'static str>,
    /// The regulation that stands in for this year, when none covers it.
    pub stand_in: Option<StandIn>,
}

/// A regulation standing in for a year it does not cover, named for the
/// trace line that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandIn {
    pub institution: Arc<str>,
    pub regulation: Arc<str>,
    /// The years it covers, as a person reads them.
    pub span: Arc<str>,
}

/// An institution's rules, merged from every file and resolved per year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstitutionRules {
    pub key: String,
    pub name: String,
    pub short: String,
    pub names: Vec<String>,
    pub home: bool,
    pub default_department: String,
    pub departments: Vec<Department>,
    pub regulation: Dated<String>,
    pub oer_file: OerFile,
    pub no_tolerance: Vec<NoToleranceList>,
    pub tolerance_groups: Vec<ToleranceGroup>,
    pub calendars: Vec<Calendar>,
    pub(super) years: YearTable<OerYear>,
}

/// Equal names, ignoring surrounding space and case (without allocating).
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

fn in_years(from: AcademicYear, to: Option<AcademicYear>, year: AcademicYear) -> bool {
    from <= year && to.is_none_or(|t| year <= t)
}

impl InstitutionRules {
    /// The regulation's values in force in `year` (or the nearest ones).
    pub fn oer(&self, year: AcademicYear) -> &Oer {
        &self.years.get(year).oer
    }

    /// The keys whose value for `year` comes from another year.
    pub fn nearest(&self, year: AcademicYear) -> &[&'static str] {
        &self.years.get(year).nearest
    }

    /// The regulation that stands in for `year` when none covers it (the
    /// nearest one); `None` when the year has its own.
    pub fn stand_in(&self, year: AcademicYear) -> Option<&super::Valid<String>> {
        match self.regulation.in_force(year)? {
            super::InForce::Exact(_) => None,
            super::InForce::Nearest(v) => Some(v),
        }
    }

    /// The same, with the names a trace line shares (resolved once per
    /// year).
    pub fn stand_in_names(&self, year: AcademicYear) -> Option<&StandIn> {
        self.years.get(year).stand_in.as_ref()
    }

    /// Whether a case's institution name means this institution.
    pub fn is_named(&self, name: &str) -> bool {
        same_name(&self.key, name)
            || same_name(&self.name, name)
            || self.names.iter().any(|n| same_name(n, name))
    }

    /// The calendar of a year, if one is known.
    pub fn calendar(&self, year: AcademicYear) -> Option<&Calendar> {
        self.calendars.iter().find(|c| c.year == year)
    }

    /// The units a department's programme can never tolerate in `year`.
    pub fn no_tolerance_listing(
        &self,
        year: AcademicYear,
        department: &str,
        programme: &str,
        unit: &str,
    ) -> Option<&ListedUnit> {
        self.no_tolerance_units(year, department, programme)
            .into_iter()
            .find(|u| same_name(&u.name, unit))
    }

    /// Every unit on the lists of a department's programme in `year` (a
    /// year no list covers takes the nearest year's lists).
    pub fn no_tolerance_units(
        &self,
        year: AcademicYear,
        department: &str,
        programme: &str,
    ) -> Vec<&ListedUnit> {
        let lists = || {
            self.no_tolerance.iter().filter(|l| {
                same_name(&l.department, department) && same_name(&l.programme, programme)
            })
        };
        // The lists of the year; a year none covers takes the nearest year's
        // lists, as it takes the nearest regulation's values.
        let distance = |l: &NoToleranceList| {
            if in_years(l.from, l.to, year) {
                0
            } else if l.from > year {
                l.from.0 - year.0
            } else {
                year.0 - l.to.map_or(year.0, |t| t.0)
            }
        };
        let Some(nearest) = lists().map(distance).min() else {
            return Vec::new();
        };
        lists()
            .filter(|l| distance(l) == nearest)
            .flat_map(|l| l.units.iter())
            .collect()
    }

    /// The groups (18.3 §1 g) a unit belongs to in `year`.
    pub fn tolerance_groups<'a>(
        &'a self,
        year: AcademicYear,
        department: &'a str,
        programme: &'a str,
        unit: &'a str,
    ) -> impl Iterator<Item = &'a ToleranceGroup> + 'a {
        self.tolerance_groups.iter().filter(move |g| {
            in_years(g.from, g.to, year)
                && same_name(&g.department, department)
                && same_name(&g.programme, programme)
                && g.units.iter().any(|u| same_name(u, unit))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::same_name;

    #[test]
    fn names_compare_without_case_and_surrounding_space() {
        assert!(same_name(" Chemie ", "chemie"));
        assert!(same_name("Geïntegreerd lab (CH)", "GEÏNTEGREERD LAB (ch)"));
        assert!(!same_name("Chemie", "Chemie 2"));
    }
}
