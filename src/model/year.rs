//! Academic years of a case: detailed enrolments and summary lines.

use serde::{Deserialize, Serialize};

use super::date::{AcademicYear, Date};
use super::unit::Unit;

/// Contract type (OER 11.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Contract {
    /// Diplomacontract.
    #[default]
    Diploma,
    /// Creditcontract.
    Credit,
    /// Examencontract.
    Exam,
}

impl Contract {
    /// The Dutch name shown to a person.
    pub fn dutch(self) -> &'static str {
        match self {
            Contract::Diploma => "diplomacontract",
            Contract::Credit => "creditcontract",
            Contract::Exam => "examencontract",
        }
    }

    /// Every contract type, in the order a form offers them.
    pub const ALL: [Contract; 3] = [Contract::Diploma, Contract::Credit, Contract::Exam];
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A detailed enrolment in one programme for one academic year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enrolment {
    /// The programme's `id`.
    pub programme: String,
    /// Contract type.
    #[serde(default, skip_serializing_if = "is_default")]
    pub contract: Contract,
    /// Enrolment date (inschrijvingsdatum); the first day of the academic
    /// year when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolled: Option<Date>,
    /// Withdrawal from the whole programme (uitschrijving, OER 12.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Date>,
    /// The course units in the contract.
    #[serde(default)]
    pub units: Vec<Unit>,
}

/// A year of one programme known only by its totals, as the official
/// "bewegingen" list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// The programme's `id`.
    pub programme: String,
    /// Contract type.
    #[serde(default, skip_serializing_if = "is_default")]
    pub contract: Contract,
    /// SP taken, net of refunds.
    pub taken: u32,
    /// SP acquired (credits).
    pub acquired: u32,
    /// SP exempted.
    #[serde(default, skip_serializing_if = "is_default")]
    pub exempted: u32,
    /// SP tolerated.
    #[serde(default, skip_serializing_if = "is_default")]
    pub tolerated: u32,
}

/// One academic year of the student's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Year {
    /// The academic year, `"2017-2018"`.
    pub year: AcademicYear,
    /// Generatiestudent this year (OER 1.1.31); derived from the history
    /// when not given and the case has no opening balance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation_student: Option<bool>,
    /// Binding conditions (bindende voorwaarden) were imposed for this
    /// year's enrolment (OER 13.1; input to 11.3 §3).
    #[serde(default, skip_serializing_if = "is_false")]
    pub binding_conditions: bool,
    /// The balance Mijn Burgerprofiel gives at the end of this year, to
    /// reconcile with the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_balance: Option<i32>,
    /// Detailed enrolments, one per programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enrolments: Vec<Enrolment>,
    /// Summary lines, one per programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summaries: Vec<Summary>,
}

impl Year {
    /// An empty year.
    pub fn new(year: AcademicYear) -> Year {
        Year {
            year,
            generation_student: None,
            binding_conditions: false,
            official_balance: None,
            enrolments: Vec::new(),
            summaries: Vec::new(),
        }
    }

    /// Whether the student had any enrolment in higher education this year.
    pub fn is_enrolled(&self) -> bool {
        !self.enrolments.is_empty() || !self.summaries.is_empty()
    }
}
