//! Rule parameters as data, dated by academic year: the decree's
//! leerkrediet rules and, per institution, its exam regulation, calendars
//! with grensdata, lists of units without tolerance and caps per group
//! (OER 8.1 §4, 18.3 §1 f–g). The shipped set is `assets/rules/`,
//! embedded; a user directory adds years and institutions. The rules core
//! asks for the value in force in the year it computes.

mod dated;
mod groups;
mod institution;
mod load;

pub use dated::{Dated, InForce, Valid};
pub use groups::{Decree, DecreeFile, Entry, Oer, OerFile, Resolved};
pub use institution::{
    Calendar, Department, GrensdataRow, InstitutionFile, InstitutionRules, ListedUnit,
    NoToleranceList, OerYear, StandIn, ToleranceGroup,
};
pub use load::{ParamsError, load_dir, load_only};

use serde::{Deserialize, Serialize};

use crate::model::{AcademicYear, Date, Period, PeriodSystem, Programme};
use institution::YearTable;
pub use institution::same_name;

/// A day of the year without the year, e.g. 1 December. A rules file
/// that names a day no year has (month 13, 31 April, day 0) is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RawMonthDay")]
pub struct MonthDay {
    /// Month 1–12.
    pub month: u32,
    /// Day of the month.
    pub day: u32,
}

/// [`MonthDay`] as a file writes it, before the check.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMonthDay {
    month: u32,
    day: u32,
}

impl TryFrom<RawMonthDay> for MonthDay {
    type Error = String;

    fn try_from(r: RawMonthDay) -> Result<MonthDay, String> {
        // 2000 is a leap year: 29 February is a day of the year.
        match chrono::NaiveDate::from_ymd_opt(2000, r.month, r.day) {
            Some(_) => Ok(MonthDay {
                month: r.month,
                day: r.day,
            }),
            None => Err(format!(
                "(month: {}, day: {}) is geen bestaande dag: month loopt van 1 tot 12 en day moet in die maand bestaan",
                r.month, r.day
            )),
        }
    }
}

impl MonthDay {
    /// This day inside an academic year.
    pub fn in_year(self, year: AcademicYear) -> Option<Date> {
        year.date_of(self.month, self.day)
    }
}

/// The three thresholds of the degree of merit (OER 18.4), in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeritPercents {
    /// Onderscheiding from this percentage.
    pub onderscheiding: u32,
    /// Grote onderscheiding from this percentage.
    pub grote: u32,
    /// Grootste onderscheiding from this percentage.
    pub grootste: u32,
}

/// The academic years the resolved tables hold; years outside take the
/// nearest end.
const TABLE_FIRST: AcademicYear = AcademicYear(1990);
const TABLE_LAST: AcademicYear = AcademicYear(2080);

/// All rule parameters, merged and resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    /// The decree's parameters with every dated value.
    pub decree_file: DecreeFile,
    decree_years: YearTable<Decree>,
    /// Every institution with rules; one of them is the home institution.
    pub institutions: Vec<InstitutionRules>,
    home: usize,
    /// Every file read, in the order read (built-in ones first).
    pub sources: Vec<String>,
}

impl Params {
    /// The decree's leerkrediet rules in force in `year`.
    pub fn decree(&self, year: AcademicYear) -> &Decree {
        self.decree_years.get(year)
    }

    /// The institution whose regulation a case is judged by.
    pub fn home(&self) -> &InstitutionRules {
        &self.institutions[self.home]
    }

    /// The home institution's regulation in force in `year`.
    pub fn oer(&self, year: AcademicYear) -> &Oer {
        self.home().oer(year)
    }

    /// The short name of the home institution, as a sentence uses it.
    pub fn home_name(&self) -> &str {
        &self.home().short
    }

    /// The institution a case names (`None`: the home institution), if
    /// its rules are known.
    pub fn institution(&self, name: Option<&str>) -> Option<&InstitutionRules> {
        match name {
            None => Some(self.home()),
            Some(n) => self.institutions.iter().find(|i| i.is_named(n)),
        }
    }

    /// The rules of a programme's institution, if known.
    pub fn rules_of(&self, programme: &Programme) -> Option<&InstitutionRules> {
        self.institution(programme.institution.as_deref())
    }

    /// The regulation in force in `year` for a programme: its
    /// institution's, or the home institution's when its own is unknown.
    pub fn oer_of(&self, programme: &Programme, year: AcademicYear) -> &Oer {
        self.rules_of(programme).unwrap_or(self.home()).oer(year)
    }

    /// Whether a programme is at the home institution.
    pub fn is_home(&self, programme: &Programme) -> bool {
        self.rules_of(programme)
            .is_some_and(|i| std::ptr::eq(i, self.home()))
    }

    /// The institution's name of a programme, for a person.
    pub fn institution_name<'a>(&'a self, programme: &'a Programme) -> &'a str {
        match (&programme.institution, self.rules_of(programme)) {
            (_, Some(i)) => &i.name,
            (Some(n), None) => n,
            (None, None) => "",
        }
    }

    /// The department of a programme: its own, or its institution's default.
    pub fn department_of<'a>(&'a self, programme: &'a Programme) -> &'a str {
        match (&programme.department, self.rules_of(programme)) {
            (Some(d), _) => d,
            (None, Some(i)) => &i.default_department,
            (None, None) => "",
        }
    }

    /// The home institution's calendar of a year, if one is known.
    pub fn calendar(&self, year: AcademicYear) -> Option<&Calendar> {
        self.home().calendar(year)
    }

    /// First and last day of an academic year: the calendar's, or else
    /// 1 September to 30 September of the next calendar year (a loose span,
    /// used only to catch dates typed in the wrong year).
    pub fn year_span(&self, year: AcademicYear) -> (Date, Date) {
        match self.calendar(year) {
            Some(c) => (c.start, c.end),
            None => (
                Date::ymd(year.0, 9, 1).expect("1 September exists"),
                Date::ymd(year.0 + 1, 9, 30).expect("30 September exists"),
            ),
        }
    }

    /// The calendar's grensdatum for a period in a programme (OER 8.1 §4):
    /// the row of the programme's system, for modules the row of its
    /// department.
    pub fn calendar_grensdatum(
        &self,
        year: AcademicYear,
        programme: &Programme,
        period: Period,
    ) -> Option<Date> {
        let rules = self.rules_of(programme)?;
        let calendar = rules.calendar(year)?;
        let (system, index) = match period {
            Period::Year => (PeriodSystem::Year, 0),
            Period::S1 => (PeriodSystem::Semester, 0),
            Period::S2 => (PeriodSystem::Semester, 1),
            Period::M1 => (PeriodSystem::Modules, 0),
            Period::M2 => (PeriodSystem::Modules, 1),
            Period::M3 => (PeriodSystem::Modules, 2),
            Period::M4 => (PeriodSystem::Modules, 3),
        };
        let department = self.department_of(programme);
        let rows = || calendar.grensdata.iter().filter(|r| r.system == system);
        let row = rows()
            .find(|r| {
                r.department
                    .as_deref()
                    .is_some_and(|d| same_name(d, department))
            })
            .or_else(|| rows().find(|r| r.department.is_none()))?;
        row.dates.get(index).copied()
    }

    /// The listing of a unit without tolerance (18.3 §1 f) in `year`.
    pub fn no_tolerance_listing(
        &self,
        year: AcademicYear,
        programme: &Programme,
        unit: &str,
    ) -> Option<&ListedUnit> {
        self.rules_of(programme)?.no_tolerance_listing(
            year,
            self.department_of(programme),
            &programme.name,
            unit,
        )
    }

    /// Every unit on the lists without tolerance of a programme in `year`.
    pub fn no_tolerance_units(
        &self,
        year: AcademicYear,
        programme: &Programme,
    ) -> Vec<&ListedUnit> {
        match self.rules_of(programme) {
            Some(r) => r.no_tolerance_units(year, self.department_of(programme), &programme.name),
            None => Vec::new(),
        }
    }

    /// The tolerance groups (18.3 §1 g) a unit belongs to in `year`.
    pub fn tolerance_groups<'a>(
        &'a self,
        year: AcademicYear,
        programme: &'a Programme,
        unit: &'a str,
    ) -> Vec<&'a ToleranceGroup> {
        match self.rules_of(programme) {
            Some(r) => r
                .tolerance_groups(year, self.department_of(programme), &programme.name, unit)
                .collect(),
            None => Vec::new(),
        }
    }
}

impl Default for Params {
    /// The embedded parameters of `assets/rules/`.
    fn default() -> Params {
        load::embedded()
    }
}
