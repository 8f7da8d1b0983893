//! Programmes (opleidingen) a student enrols in.

use serde::{Deserialize, Serialize};

/// What kind of programme it is; decides whether leerkrediet is used
/// (OER 8.1 §1) and which rules of tolerance and 11.3 §3 apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProgrammeKind {
    /// Initiële bachelor (professional or academic).
    Bachelor,
    /// Initiële master.
    Master,
    /// Bachelor-na-bachelor (banaba).
    BachelorAfterBachelor,
    /// Schakel- of voorbereidingsprogramma.
    Bridging,
    /// Postgraduaat.
    Postgraduate,
    /// Specifieke lerarenopleiding.
    TeacherTraining,
    /// Another programme without leerkrediet (e.g. a graduaatsopleiding).
    NoLeerkrediet,
}

impl ProgrammeKind {
    /// Whether a diplomacontract in this kind deploys leerkrediet (8.1 §1).
    pub fn uses_leerkrediet(self) -> bool {
        matches!(self, ProgrammeKind::Bachelor | ProgrammeKind::Master)
    }

    /// The key used in `check --json`.
    pub fn key(self) -> &'static str {
        match self {
            ProgrammeKind::Bachelor => "bachelor",
            ProgrammeKind::Master => "master",
            ProgrammeKind::BachelorAfterBachelor => "bachelor-na-bachelor",
            ProgrammeKind::Bridging => "schakelprogramma",
            ProgrammeKind::Postgraduate => "postgraduaat",
            ProgrammeKind::TeacherTraining => "specifieke-lerarenopleiding",
            ProgrammeKind::NoLeerkrediet => "zonder-leerkrediet",
        }
    }

    /// The Dutch name shown to a person.
    pub fn dutch(self) -> &'static str {
        match self {
            ProgrammeKind::Bachelor => "initiële bachelor",
            ProgrammeKind::Master => "initiële master",
            ProgrammeKind::BachelorAfterBachelor => "bachelor-na-bachelor",
            ProgrammeKind::Bridging => "schakel- of voorbereidingsprogramma",
            ProgrammeKind::Postgraduate => "postgraduaat",
            ProgrammeKind::TeacherTraining => "specifieke lerarenopleiding",
            ProgrammeKind::NoLeerkrediet => "opleiding zonder leerkrediet",
        }
    }

    /// Every kind, in the order a form offers them.
    pub const ALL: [ProgrammeKind; 7] = [
        ProgrammeKind::Bachelor,
        ProgrammeKind::Master,
        ProgrammeKind::BachelorAfterBachelor,
        ProgrammeKind::Bridging,
        ProgrammeKind::Postgraduate,
        ProgrammeKind::TeacherTraining,
        ProgrammeKind::NoLeerkrediet,
    ];
}

/// The teaching-period system (onderwijsperiodesysteem) of a programme,
/// which picks the row of the grensdata table (OER 8.1 §4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PeriodSystem {
    /// Jaarsysteem: one teaching period.
    #[default]
    Year,
    /// Two semesters.
    Semester,
    /// Four modules, department WT.
    ModulesWT,
    /// Four modules, department MC.
    ModulesMC,
}

impl PeriodSystem {
    /// The Dutch name shown to a person.
    pub fn dutch(self) -> &'static str {
        match self {
            PeriodSystem::Year => "jaar",
            PeriodSystem::Semester => "semester",
            PeriodSystem::ModulesWT => "4 modules (WT)",
            PeriodSystem::ModulesMC => "4 modules (MC)",
        }
    }
}

fn default_institution() -> String {
    "AP Hogeschool".to_string()
}

fn default_department() -> String {
    "WT".to_string()
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A programme (opleiding) the student enrolled in at some point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Short stable identity used by enrolments, e.g. `"CH"`.
    pub id: String,
    /// Name, e.g. `"Chemie"`.
    pub name: String,
    /// Kind of programme.
    pub kind: ProgrammeKind,
    /// Size (studieomvang) in SP, e.g. 180.
    pub size: u32,
    /// Institution; AP's consequences (11.3 §3, 18.2–18.3) apply only to
    /// programmes at AP.
    #[serde(default = "default_institution")]
    pub institution: String,
    /// Department (departement), e.g. `"WT"`; picks the list of units
    /// without tolerance (OER 18.3 §1 f).
    #[serde(default = "default_department")]
    pub department: String,
    /// Teaching-period system.
    #[serde(default)]
    pub system: PeriodSystem,
    /// An academic rather than a professional bachelor (11.3 §3 covers only
    /// professional bachelors).
    #[serde(default, skip_serializing_if = "is_false")]
    pub academic: bool,
    /// Tolerance base counted from 2013-2014 on (OER 18.2 §2): the student
    /// was enrolled in this programme before 2013-2014.
    #[serde(default, skip_serializing_if = "is_false")]
    pub tolerance_from_2013: bool,
}

impl Programme {
    /// A programme with the defaults a form starts from.
    pub fn new(id: &str, name: &str, kind: ProgrammeKind, size: u32) -> Programme {
        Programme {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            size,
            institution: default_institution(),
            department: default_department(),
            system: PeriodSystem::Year,
            academic: false,
            tolerance_from_2013: false,
        }
    }
}
