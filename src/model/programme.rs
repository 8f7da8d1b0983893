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
    /// Four modules; their grensdata follow the programme's department.
    /// (`ModulesWT` and `ModulesMC` of earlier files are read as this.)
    #[serde(alias = "ModulesWT", alias = "ModulesMC")]
    Modules,
}

impl PeriodSystem {
    /// The Dutch name shown to a person.
    pub fn dutch(self) -> &'static str {
        match self {
            PeriodSystem::Year => "jaar",
            PeriodSystem::Semester => "semester",
            PeriodSystem::Modules => "4 modules",
        }
    }

    /// Every system, in the order a form offers them.
    pub const ALL: [PeriodSystem; 3] = [
        PeriodSystem::Year,
        PeriodSystem::Semester,
        PeriodSystem::Modules,
    ];
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
    /// Institution (instelling); absent: the home institution of the rule
    /// parameters. Its regulation's consequences (11.3 §3, 18.2–18.3)
    /// apply only where its rules are known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// Department (departement), e.g. `"WT"`; absent: the institution's
    /// default. Picks the list of units without tolerance (OER 18.3 §1 f)
    /// and the grensdata of modules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Teaching-period system.
    #[serde(default)]
    pub system: PeriodSystem,
    /// An academic rather than a professional bachelor (11.3 §3 covers only
    /// professional bachelors).
    #[serde(default, skip_serializing_if = "is_false")]
    pub academic: bool,
    /// The tolerance base counts only from the regulation's legacy year on
    /// (OER 18.2 §2: the student was enrolled in this programme before
    /// 2013-2014). `tolerance_from_2013` in earlier files.
    #[serde(
        default,
        skip_serializing_if = "is_false",
        alias = "tolerance_from_2013"
    )]
    pub tolerance_legacy_base: bool,
}

impl Programme {
    /// A programme with the defaults a form starts from.
    pub fn new(id: &str, name: &str, kind: ProgrammeKind, size: u32) -> Programme {
        Programme {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            size,
            institution: None,
            department: None,
            system: PeriodSystem::Year,
            academic: false,
            tolerance_legacy_base: false,
        }
    }
}
