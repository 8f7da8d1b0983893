//! Course units (opleidingsonderdelen) of an enrolment, with their results.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::mark::Mark;

/// The teaching period (onderwijsperiode) in which a unit is scheduled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Period {
    /// The whole year.
    #[default]
    Year,
    /// Semester 1.
    S1,
    /// Semester 2.
    S2,
    /// Module 1 (four-module system).
    M1,
    /// Module 2.
    M2,
    /// Module 3.
    M3,
    /// Module 4.
    M4,
}

impl Period {
    /// The Dutch name shown to a person.
    pub fn dutch(self) -> &'static str {
        match self {
            Period::Year => "jaar",
            Period::S1 => "semester 1",
            Period::S2 => "semester 2",
            Period::M1 => "module 1",
            Period::M2 => "module 2",
            Period::M3 => "module 3",
            Period::M4 => "module 4",
        }
    }

    /// Every period, in the order a form offers them.
    pub const ALL: [Period; 7] = [
        Period::Year,
        Period::S1,
        Period::S2,
        Period::M1,
        Period::M2,
        Period::M3,
        Period::M4,
    ];
}

/// Kind of unit; the Bachelorproef and the Stage can never be tolerated
/// (OER 18.3 §1 e).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnitKind {
    /// An ordinary unit.
    #[default]
    Regular,
    /// The Bachelorproef.
    Bachelorproef,
    /// The Stage (internship).
    Stage,
}

impl UnitKind {
    /// The Dutch name shown to a person.
    pub fn dutch(self) -> &'static str {
        match self {
            UnitKind::Regular => "gewoon",
            UnitKind::Bachelorproef => "Bachelorproef",
            UnitKind::Stage => "Stage",
        }
    }
}

/// Leaving a single unit during the year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitWithdrawal {
    /// Date of the withdrawal (uitschrijving) or of the request for removal.
    pub date: Date,
    /// Removed through an approved change of the contract's content
    /// (OER 11.6), which returns leerkrediet under any contract.
    #[serde(default, skip_serializing_if = "is_false")]
    pub removal: bool,
}

/// A part (deelopleidingsonderdeel) of a composite unit (OER 17.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Name of the part, e.g. `"Theorie"`.
    pub name: String,
    /// Weight in the unit's weighted average.
    #[serde(default = "one")]
    pub weight: u32,
    /// Result in the first exam chance, to one decimal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Mark>,
    /// Result in the second exam chance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second: Option<Mark>,
}

fn one() -> u32 {
    1
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// A course unit (opleidingsonderdeel) in an enrolment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable identity, unique within the year and programme, e.g. `"CH-AC1"`.
    pub code: String,
    /// Name, e.g. `"Analytische chemie 1"`.
    pub name: String,
    /// Studiepunten (whole, at least 3: OER 3.3).
    pub sp: u32,
    /// Teaching period; picks the default grensdatum.
    #[serde(default, skip_serializing_if = "is_default")]
    pub period: Period,
    /// Grensdatum from the ECTS-fiche when it differs from the calendar's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grensdatum: Option<Date>,
    /// Regular, Bachelorproef or Stage.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: UnitKind,
    /// Non-numeric result (geslaagd / niet geslaagd) per the ECTS-fiche.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pass_fail: bool,
    /// Exempted (vrijstelling): no exam, no grade, no leerkrediet.
    #[serde(default, skip_serializing_if = "is_false")]
    pub exempt: bool,
    /// Parts of a composite unit; empty for a simple unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// Result in the first exam chance (simple units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Mark>,
    /// Result in the second exam chance (simple units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second: Option<Mark>,
    /// The student chose to tolerate this failed unit (OER 18.3).
    #[serde(default, skip_serializing_if = "is_false")]
    pub tolerated: bool,
    /// Withdrawal from this unit alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<UnitWithdrawal>,
}

impl Unit {
    /// A new unit with the defaults a form starts from.
    pub fn new(code: &str, name: &str, sp: u32) -> Unit {
        Unit {
            code: code.to_string(),
            name: name.to_string(),
            sp,
            period: Period::Year,
            grensdatum: None,
            kind: UnitKind::Regular,
            pass_fail: false,
            exempt: false,
            parts: Vec::new(),
            first: None,
            second: None,
            tolerated: false,
            withdrawal: None,
        }
    }

    /// Whether the unit is composite (has parts).
    pub fn is_composite(&self) -> bool {
        !self.parts.is_empty()
    }

    /// Whether any exam result was entered for the unit or one of its parts.
    pub fn has_result(&self) -> bool {
        self.first.is_some()
            || self.second.is_some()
            || self
                .parts
                .iter()
                .any(|p| p.first.is_some() || p.second.is_some())
    }
}
