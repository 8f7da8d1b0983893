//! The scenarios in `traject check`: each one's changes, the ones that no
//! longer apply, and its result (CHECK-JSON.md, "scenarios"), or in text
//! what it changes against the baseline.

use std::fmt::Write;

use serde::Serialize;

use crate::model::{AcademicYear, Case, Date, Scenario, apply_scenario};
use crate::params::Params;
use crate::rules::{Outcome, compare, compute_on, effective_as_of, resolve_as_of};

use super::json::{CheckJson, check_json};

/// One scenario in `check --json --all-scenarios`.
#[derive(Serialize)]
pub struct ScenarioJson {
    pub name: String,
    /// Every change, as a Dutch description.
    pub changes: Vec<String>,
    /// The changes (of `changes`) whose year, programme or unit is no
    /// longer in the baseline.
    pub stale: Vec<String>,
    /// The object of the scenario, without scenarios of its own.
    pub result: CheckJson,
}

/// The case as a scenario sees it, the changes that do not apply, and its
/// figures. An `as_of` before a year the scenario adds runs to that year.
pub fn scenario_outcome(
    case: &Case,
    params: &Params,
    scenario: &Scenario,
    as_of: Option<AcademicYear>,
    today: Option<Date>,
) -> (Case, Vec<String>, Outcome) {
    let (view, stale) = apply_scenario(case, scenario);
    let as_of = resolve_as_of(&view, as_of).unwrap_or_else(|_| effective_as_of(&view));
    let outcome = compute_on(&view, params, as_of, today);
    (view, stale, outcome)
}

/// Every scenario of the case, for `--all-scenarios`.
pub fn scenarios_json(
    case: &Case,
    params: &Params,
    as_of: Option<AcademicYear>,
    today: Option<Date>,
) -> Vec<ScenarioJson> {
    case.scenarios
        .iter()
        .map(|s| {
            let (_, stale, o) = scenario_outcome(case, params, s, as_of, today);
            ScenarioJson {
                name: s.name.clone(),
                changes: s.changes.iter().map(|c| c.dutch()).collect(),
                stale,
                result: check_json(&o),
            }
        })
        .collect()
}

/// `1 wijziging`, `3 wijzigingen`.
fn changes(n: usize) -> String {
    super::student::count(n, "wijziging", "wijzigingen")
}

/// The changes of a scenario, one a line, the stale ones marked.
fn change_lines(out: &mut String, scenario: &Scenario, stale: &[String], indent: &str) {
    for c in &scenario.changes {
        let d = c.dutch();
        let gone = if stale.contains(&d) {
            "  (past niet meer op de basis)"
        } else {
            ""
        };
        let _ = writeln!(out, "{indent}- {d}{gone}");
    }
}

/// The header of `check --scenario NAME`: which scenario, its changes and
/// the ones that no longer apply.
pub fn scenario_header(scenario: &Scenario, stale: &[String]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "SCENARIO «{}» ({}; de basis blijft ongewijzigd)",
        scenario.name,
        changes(scenario.changes.len())
    );
    if !scenario.note.is_empty() {
        let _ = writeln!(s, "  notitie: {}", scenario.note);
    }
    change_lines(&mut s, scenario, stale, "  ");
    let _ = writeln!(s);
    s
}

/// The scenarios after the baseline's summary: per scenario its changes
/// and every figure that differs from the baseline, or that none does.
pub fn scenarios_text(
    case: &Case,
    params: &Params,
    base: &Outcome,
    as_of: Option<AcademicYear>,
    today: Option<Date>,
) -> String {
    let mut s = String::new();
    let n = case.scenarios.len();
    let _ = writeln!(
        s,
        "\nSCENARIO'S: {}",
        if n == 0 {
            "geen".to_string()
        } else {
            super::student::count(n, "scenario", "scenario's")
        }
    );
    for sc in &case.scenarios {
        let (_, stale, o) = scenario_outcome(case, params, sc, as_of, today);
        let _ = writeln!(s, "«{}» ({})", sc.name, changes(sc.changes.len()));
        change_lines(&mut s, sc, &stale, "    ");
        let rows: Vec<_> = compare(&[base, &o])
            .into_iter()
            .filter(|r| r.differs)
            .collect();
        if rows.is_empty() {
            let _ = writeln!(s, "  geen verschil met de basis");
        }
        for r in rows {
            let delta = r.delta(1);
            let line = if r.title.starts_with("Waarschuwing") {
                format!(
                    "⚠ {}: {}",
                    if delta == "nieuw" { "nieuw" } else { "vervalt" },
                    r.label.trim().trim_start_matches("⚠ ")
                )
            } else {
                format!(
                    "{} {} → {}{}",
                    r.title,
                    r.cells[0].text,
                    r.cells[1].text,
                    if delta.starts_with(['+', '-']) {
                        format!(" ({delta})")
                    } else {
                        String::new()
                    }
                )
            };
            let _ = writeln!(s, "  {line}");
        }
    }
    s
}
