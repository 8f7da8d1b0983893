//! Rule parameters as data: thresholds, calendars with grensdata, and the
//! institution's lists (OER 8.1 §4, 18.3 §1 f–g). The defaults ship in
//! `assets/rules/` and are embedded; a user directory may override them.

mod load;

pub use load::{ParamsError, load_dir};

use serde::{Deserialize, Serialize};

use crate::model::{AcademicYear, Date, Period, PeriodSystem, Programme};

/// A day of the year without the year, e.g. 1 December.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    /// Month 1–12.
    pub month: u32,
    /// Day of the month.
    pub day: u32,
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

/// Every number the rules use (see `assets/rules/thresholds.ron`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub initial_balance: i32,
    pub first_ledger_year: AcademicYear,
    pub bonus_sp: u32,
    pub master_deduction: i32,
    pub rebuild_step: i32,
    pub rebuild_target: i32,
    pub exception_sp: u32,
    pub exception_years: u32,
    pub switch_full_before: MonthDay,
    pub switch_half_until: MonthDay,
    pub pass_grade: i32,
    pub binding_conditions_percent: u32,
    pub trajectory_percent: u32,
    pub tolerance_percent: u32,
    pub tolerance_legacy_from: AcademicYear,
    pub tolerance_min_cumulative_percent: u32,
    pub tolerable_grades: Vec<i32>,
    pub tolerance_far_sp: u32,
    pub tolerance_far_cap: u32,
    pub merit_percents: MeritPercents,
    pub merit_coverage_percent: u32,
}

/// Grensdata per teaching-period system (one date per period).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grensdata {
    #[serde(default)]
    pub year: Vec<Date>,
    #[serde(default)]
    pub semester: Vec<Date>,
    #[serde(default)]
    pub modules_mc: Vec<Date>,
    #[serde(default)]
    pub modules_wt: Vec<Date>,
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
    pub grensdata: Grensdata,
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

/// The units of one programme that can never be tolerated (18.3 §1 f).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoToleranceList {
    pub department: String,
    pub programme: String,
    pub units: Vec<ListedUnit>,
}

/// A cap on the number of tolerances within a group of units (18.3 §1 g).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToleranceGroup {
    pub department: String,
    pub programme: String,
    /// Name of the group, shown in the verdict.
    pub name: String,
    pub units: Vec<String>,
    /// At most this many units of the group may be tolerated.
    pub max_units: u32,
}

/// The institution and its department lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    /// Names a case may use for this institution.
    pub names: Vec<String>,
    pub no_tolerance: Vec<NoToleranceList>,
    #[serde(default)]
    pub tolerance_groups: Vec<ToleranceGroup>,
}

/// All rule parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    pub thresholds: Thresholds,
    pub institution: Institution,
    /// Calendars, one per academic year.
    pub calendars: Vec<Calendar>,
}

/// Equal names, ignoring surrounding space and case (without allocating).
fn same_name(a: &str, b: &str) -> bool {
    a.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .eq(b.trim().chars().flat_map(char::to_lowercase))
}

impl Params {
    /// The calendar of a year, if one is known.
    pub fn calendar(&self, year: AcademicYear) -> Option<&Calendar> {
        self.calendars.iter().find(|c| c.year == year)
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

    /// The calendar's grensdatum for a period in a programme (OER 8.1 §4).
    pub fn calendar_grensdatum(
        &self,
        year: AcademicYear,
        programme: &Programme,
        period: Period,
    ) -> Option<Date> {
        let g = &self.calendar(year)?.grensdata;
        let (row, index) = match period {
            Period::Year => (&g.year, 0),
            Period::S1 => (&g.semester, 0),
            Period::S2 => (&g.semester, 1),
            Period::M1 | Period::M2 | Period::M3 | Period::M4 => {
                let index = match period {
                    Period::M1 => 0,
                    Period::M2 => 1,
                    Period::M3 => 2,
                    _ => 3,
                };
                match programme.system {
                    PeriodSystem::ModulesMC => (&g.modules_mc, index),
                    PeriodSystem::ModulesWT => (&g.modules_wt, index),
                    _ if same_name(&programme.department, "MC") => (&g.modules_mc, index),
                    _ => (&g.modules_wt, index),
                }
            }
        };
        row.get(index).copied()
    }

    /// The short name of this institution, as a sentence uses it (`AP`).
    pub fn home_name(&self) -> &str {
        self.institution.names.first().map_or("", String::as_str)
    }

    /// Whether a case's institution name is this institution.
    pub fn is_home(&self, institution: &str) -> bool {
        self.institution
            .names
            .iter()
            .any(|n| same_name(n, institution))
    }

    /// The listing of a unit without tolerance (18.3 §1 f), if it is listed.
    pub fn no_tolerance_listing(&self, programme: &Programme, unit: &str) -> Option<&ListedUnit> {
        self.institution
            .no_tolerance
            .iter()
            .filter(|l| {
                same_name(&l.department, &programme.department)
                    && same_name(&l.programme, &programme.name)
            })
            .flat_map(|l| l.units.iter())
            .find(|u| same_name(&u.name, unit))
    }

    /// The tolerance groups (18.3 §1 g) a unit belongs to.
    pub fn tolerance_groups<'a>(
        &'a self,
        programme: &'a Programme,
        unit: &'a str,
    ) -> impl Iterator<Item = &'a ToleranceGroup> + 'a {
        self.institution.tolerance_groups.iter().filter(move |g| {
            same_name(&g.department, &programme.department)
                && same_name(&g.programme, &programme.name)
                && g.units.iter().any(|u| same_name(u, unit))
        })
    }
}

impl Default for Params {
    /// The embedded parameters of `assets/rules/`.
    fn default() -> Params {
        load::embedded()
    }
}
