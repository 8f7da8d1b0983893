//! The case model: what a counsellor types in, as saved in a case file.
//!
//! A case holds the student, an optional opening balance, events, the
//! programmes and the academic years. Every field a person need not fill has
//! a default; unknown fields are refused.

mod date;
mod mark;
mod programme;
mod scenario;
mod unit;
mod year;

pub use date::{AcademicYear, Date};
pub use mark::{Mark, parse_tenths};
pub use programme::{PeriodSystem, Programme, ProgrammeKind};
pub use scenario::{Chance, Change, Scenario, apply as apply_scenario, diff as diff_scenario};
pub use unit::{Part, Period, Unit, UnitKind, UnitWithdrawal};
pub use year::{Contract, Enrolment, Summary, Year};

use serde::{Deserialize, Serialize};

/// The case-file format this version reads and writes.
pub const FORMAT: u32 = 1;

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// The student (student).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Student {
    /// Full name.
    pub name: String,
    /// Student number (studentennummer).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// Free notes of the counsellor.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// Which rebuild of leerkrediet (OER 8.1 §11–§13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RebuildKind {
    /// After a master diploma (8.1 §11).
    Master,
    /// After leaving higher education without a master (8.1 §12).
    LeftHigherEducation,
    /// Top-up after an HBO5 diploma (8.1 §13).
    Hbo5,
}

impl RebuildKind {
    /// The article that governs it.
    pub fn article(self) -> &'static str {
        match self {
            RebuildKind::Master => "Art. 8.1 §11",
            RebuildKind::LeftHigherEducation => "Art. 8.1 §12",
            RebuildKind::Hbo5 => "Art. 8.1 §13",
        }
    }
}

/// A rebuild already used before the opening year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RebuildUse {
    /// Which rebuild.
    pub kind: RebuildKind,
    /// Still running (+10 a year until 60) at the opening year.
    #[serde(default, skip_serializing_if = "is_default")]
    pub in_progress: bool,
}

/// A programme's progress before the opening year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierProgress {
    /// The programme's `id`.
    pub programme: String,
    /// SP taken (SE's sense: after withdrawals, exemptions excluded).
    #[serde(default)]
    pub taken: u32,
    /// SP acquired.
    #[serde(default)]
    pub acquired: u32,
    /// SP exempted.
    #[serde(default)]
    pub exempted: u32,
    /// SP tolerated.
    #[serde(default)]
    pub tolerated: u32,
}

/// The balance the official database gives at the start of a year
/// (beginsaldo), for a case that does not start at the first enrolment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// The year whose start the balance is.
    pub year: AcademicYear,
    /// The balance at the start of that year, before its rebuild.
    pub balance: i32,
    /// Bonus SP (8.1 §3) already granted, 0–60.
    #[serde(default)]
    pub bonus_granted: u32,
    /// Rebuilds already used or running.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rebuilds: Vec<RebuildUse>,
    /// Per programme the progress made before that year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<EarlierProgress>,
}

/// Something that happened to the student outside the units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// A master diploma obtained in this year (8.1 §11).
    MasterDiploma(AcademicYear),
    /// An HBO5 (hoger beroepsonderwijs) diploma obtained in this year (8.1 §13).
    Hbo5Diploma(AcademicYear),
}

/// A student's case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Case-file format version; this program writes [`FORMAT`].
    pub format: u32,
    /// The student.
    pub student: Student,
    /// The last academic year the ledger runs to; the last year of the case
    /// when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AcademicYear>,
    /// Opening balance, when the case does not hold the whole history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<Opening>,
    /// Diplomas that change the leerkrediet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// The programmes the student enrolled in.
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// The academic years, oldest first.
    #[serde(default)]
    pub years: Vec<Year>,
    /// What-if scenarios on top of these years.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
}

impl Case {
    /// Gives programme `old` the id `new` everywhere it is named: the
    /// programme itself, the years' enrolments and summary lines, the
    /// opening's earlier progress and every scenario's changes.
    pub fn rename_programme(&mut self, old: &str, new: &str) {
        for p in self.programmes.iter_mut().filter(|p| p.id == old) {
            p.id = new.to_string();
        }
        for y in &mut self.years {
            for e in y.enrolments.iter_mut().filter(|e| e.programme == old) {
                e.programme = new.to_string();
            }
            for s in y.summaries.iter_mut().filter(|s| s.programme == old) {
                s.programme = new.to_string();
            }
        }
        if let Some(o) = &mut self.opening {
            for p in o.progress.iter_mut().filter(|p| p.programme == old) {
                p.programme = new.to_string();
            }
        }
        for s in &mut self.scenarios {
            for c in &mut s.changes {
                c.rename_programme(old, new);
            }
        }
    }

    /// An empty case for a new student.
    pub fn new(name: &str) -> Case {
        Case {
            format: FORMAT,
            student: Student {
                name: name.to_string(),
                ..Student::default()
            },
            as_of: None,
            opening: None,
            events: Vec::new(),
            programmes: Vec::new(),
            years: Vec::new(),
            scenarios: Vec::new(),
        }
    }

    /// The programme with this id.
    pub fn programme(&self, id: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id == id)
    }

    /// The scenario with this name.
    pub fn scenario(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }

    /// The last academic year listed.
    pub fn last_year(&self) -> Option<AcademicYear> {
        self.years.iter().map(|y| y.year).max()
    }
}
