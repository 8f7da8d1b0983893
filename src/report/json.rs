//! The object of `traject check --json` (shared/spec/CHECK-JSON.md).

use serde::Serialize;

use crate::model::FORMAT;
use crate::rules::{self, Outcome, Ratio};

#[derive(Serialize)]
pub struct JsonLine {
    pub article: String,
    pub amount: i64,
    pub interpretation: bool,
    pub text: String,
}

#[derive(Serialize)]
pub struct JsonNote {
    pub article: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    pub interpretation: bool,
    pub text: String,
}

#[derive(Serialize)]
pub struct JsonRow {
    pub year: String,
    pub enrolled: bool,
    pub generation_student: bool,
    pub start: i64,
    pub rebuild: i64,
    pub taken: i64,
    pub refunded: i64,
    pub acquired: i64,
    pub bonus: i64,
    pub master: i64,
    pub end: i64,
    pub provisional: bool,
    pub pending_sp: i64,
    pub end_if_all_pass: i64,
    pub lines: Vec<JsonLine>,
}

#[derive(Serialize)]
pub struct JsonLedger {
    pub balance: i64,
    pub bonus_granted: i64,
    pub years: Vec<JsonRow>,
}

#[derive(Serialize)]
pub struct JsonProgress {
    pub year: String,
    pub taken: u64,
    pub acquired: u64,
    pub efficiency: Option<f64>,
    pub binding_conditions_possible: bool,
    pub provisional: bool,
}

#[derive(Serialize)]
pub struct JsonProgrammeYear {
    pub year: String,
    pub taken: u64,
    pub acquired: u64,
    pub efficiency: Option<f64>,
    pub cumulative_efficiency: Option<f64>,
    pub automatic_individual_trajectory: Option<bool>,
    pub provisional: bool,
}

#[derive(Serialize)]
pub struct JsonDone {
    pub credited: u64,
    pub exempted: u64,
    pub tolerated: u64,
    pub done: u64,
}

#[derive(Serialize)]
pub struct JsonVerdict {
    pub year: String,
    pub code: String,
    pub unit: String,
    pub sp: u32,
    pub grade: String,
    pub tolerated: bool,
    pub tolerable: bool,
    pub fails: Vec<&'static str>,
    pub provisional: bool,
    pub lines: Vec<JsonNote>,
}

#[derive(Serialize)]
pub struct JsonTolerance {
    pub available: f64,
    pub used: u64,
    pub remaining: f64,
    pub units: Vec<JsonVerdict>,
}

#[derive(Serialize)]
pub struct JsonMerit {
    pub percentage: Option<f64>,
    pub degree: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub provisional: bool,
}

#[derive(Serialize)]
pub struct JsonProgramme {
    pub id: String,
    pub programme: String,
    pub kind: &'static str,
    pub size: u32,
    pub years: Vec<JsonProgrammeYear>,
    pub progress: JsonDone,
    pub tolerance: Option<JsonTolerance>,
    pub passed: bool,
    pub merit: Option<JsonMerit>,
}

#[derive(Serialize)]
pub struct JsonWarning {
    pub code: &'static str,
    pub title: &'static str,
    pub article: String,
    pub year: Option<String>,
    pub message: String,
}

#[derive(Serialize)]
pub struct JsonError {
    pub code: &'static str,
    pub title: &'static str,
    #[serde(rename = "where")]
    pub place: String,
    pub message: String,
}

#[derive(Serialize)]
pub struct JsonReconciliation {
    pub year: String,
    pub official: i64,
    pub computed: i64,
    pub difference: i64,
    pub lines: Vec<JsonNote>,
}

/// A goal of the year in progress (RULES.md §7).
#[derive(Serialize)]
pub struct JsonTarget {
    pub goal: &'static str,
    pub article: String,
    pub year: String,
    pub programme: Option<String>,
    pub need_sp: u64,
    pub pending_sp: u64,
    pub reachable: bool,
    pub units: Vec<String>,
    pub message: String,
}

/// The whole object.
#[derive(Serialize)]
pub struct CheckJson {
    pub format: u32,
    pub as_of: Option<String>,
    pub today: Option<String>,
    pub leerkrediet: JsonLedger,
    pub study_progress: Vec<JsonProgress>,
    pub programmes: Vec<JsonProgramme>,
    pub warnings: Vec<JsonWarning>,
    pub errors: Vec<JsonError>,
    /// Recorded official balances against the ledger (added to the contract).
    pub reconciliation: Vec<JsonReconciliation>,
    /// What must still be obtained in the year in progress.
    pub targets: Vec<JsonTarget>,
}

fn note(l: &rules::Line) -> JsonNote {
    JsonNote {
        article: l.article.to_string(),
        amount: l.amount,
        interpretation: l.interpretation,
        text: l.msg.to_string(),
    }
}

fn pct(r: Option<Ratio>) -> Option<f64> {
    r.map(Ratio::percent_2)
}

fn hundredths(h: i64) -> f64 {
    h as f64 / 100.0
}

/// Builds the JSON object from an outcome.
pub fn check_json(o: &Outcome) -> CheckJson {
    CheckJson {
        format: FORMAT,
        as_of: o.as_of.map(|y| y.to_string()),
        today: o.today.map(|d| d.to_string()),
        leerkrediet: JsonLedger {
            balance: o.ledger.balance,
            bonus_granted: o.ledger.bonus_granted,
            years: o
                .ledger
                .rows
                .iter()
                .map(|r| JsonRow {
                    year: r.year.to_string(),
                    enrolled: r.enrolled,
                    generation_student: r.generation_student,
                    start: r.start,
                    rebuild: r.rebuild,
                    taken: r.taken,
                    refunded: r.refunded,
                    acquired: r.acquired,
                    bonus: r.bonus,
                    master: r.master,
                    end: r.end,
                    provisional: r.provisional,
                    pending_sp: r.pending_sp,
                    end_if_all_pass: r.end_if_all_pass,
                    lines: r
                        .lines
                        .iter()
                        .map(|l| JsonLine {
                            article: l.article.to_string(),
                            amount: l.amount.unwrap_or(0),
                            interpretation: l.interpretation,
                            text: l.msg.to_string(),
                        })
                        .collect(),
                })
                .collect(),
        },
        study_progress: o
            .study_progress
            .iter()
            .map(|p| JsonProgress {
                year: p.year.to_string(),
                taken: p.taken,
                acquired: p.acquired,
                efficiency: pct(p.efficiency),
                binding_conditions_possible: p.binding_conditions_possible,
                provisional: p.provisional,
            })
            .collect(),
        programmes: o.programmes.iter().map(programme).collect(),
        warnings: o
            .warnings
            .iter()
            .map(|w| JsonWarning {
                code: w.code.key(),
                title: crate::dutch::title(w.code),
                article: w.article().to_string(),
                year: w.year.map(|y| y.to_string()),
                message: w.msg.to_string(),
            })
            .collect(),
        reconciliation: o
            .reconciliation
            .iter()
            .map(|r| JsonReconciliation {
                year: r.year.to_string(),
                official: r.official,
                computed: r.computed,
                difference: r.difference(),
                lines: r.lines.iter().map(note).collect(),
            })
            .collect(),
        targets: o
            .targets
            .iter()
            .map(|t| JsonTarget {
                goal: t.goal.key(),
                article: t.goal.article().to_string(),
                year: t.year.to_string(),
                programme: t.programme.as_ref().map(|(_, n)| n.clone()),
                need_sp: t.need_sp,
                pending_sp: t.pending_sp,
                reachable: t.reachable,
                units: t.units.clone(),
                message: t
                    .lines
                    .first()
                    .map(|l| l.msg.to_string())
                    .unwrap_or_default(),
            })
            .collect(),
        errors: o
            .errors
            .iter()
            .map(|e| JsonError {
                code: e.code.key(),
                title: crate::dutch::title(e.code),
                place: e.place.to_string(),
                message: e.msg.to_string(),
            })
            .collect(),
    }
}

fn programme(p: &rules::ProgrammeOutcome) -> JsonProgramme {
    JsonProgramme {
        id: p.id.clone(),
        programme: p.name.clone(),
        kind: p.kind.key(),
        size: p.size,
        years: p
            .years
            .iter()
            .map(|y| JsonProgrammeYear {
                year: y.year.to_string(),
                taken: y.taken,
                acquired: y.acquired,
                efficiency: pct(y.efficiency),
                cumulative_efficiency: pct(y.cumulative),
                automatic_individual_trajectory: y.automatic_trajectory,
                provisional: y.provisional,
            })
            .collect(),
        progress: JsonDone {
            credited: p.progress.credited,
            exempted: p.progress.exempted,
            tolerated: p.progress.tolerated,
            done: p.progress.done(),
        },
        tolerance: p.tolerance.as_ref().map(|t| JsonTolerance {
            available: hundredths(t.available_hundredths),
            used: t.used,
            remaining: hundredths(t.remaining_hundredths()),
            units: t
                .units
                .iter()
                .map(|v| JsonVerdict {
                    year: v.year.to_string(),
                    code: v.code.clone(),
                    unit: v.unit.clone(),
                    sp: v.sp,
                    grade: v.grade.clone(),
                    tolerated: v.tolerated,
                    tolerable: v.tolerable(),
                    fails: v.fails.iter().map(|c| c.key()).collect(),
                    provisional: v.provisional,
                    lines: v.lines.iter().map(note).collect(),
                })
                .collect(),
        }),
        passed: p.passed,
        merit: p.merit.as_ref().map(|m| JsonMerit {
            percentage: m.average.map(Ratio::percent_2),
            degree: m.degree.map(|d| d.dutch()),
            reason: m.reason.as_ref().map(crate::dutch::merit_reason),
            provisional: m.provisional,
        }),
    }
}
