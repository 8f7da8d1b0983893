//! The rules core: pure functions from a case and the rule parameters to
//! figures with their trace. No terminal, no files.
//!
//! Every provision has its own function whose doc comment quotes the
//! article; every figure carries the lines that explain it.

mod code;
mod compare;
mod countdown;
mod efficiency;
mod facts;
mod grades;
mod keys;
mod ledger;
mod limits;
mod merit;
mod msg;
mod outcome;
mod ratio;
mod rebuild;
mod reconcile;
mod smallest;
mod switch;
mod targets;
#[cfg(test)]
mod testkit;
mod tolerance;
mod trace;
mod validate;

pub use code::{Code, Severity};
pub use compare::{Cell, CompareRow, Quantity, column_differs, compare, programmes_in_use};
pub use countdown::{EnrolmentCountdown, Moment, countdown, year_of};
pub use facts::uses_leerkrediet;
pub use grades::{best_of_chances, is_credit, round_composite, unit_result};
pub use msg::*;
pub use outcome::*;
pub use ratio::{Ratio, hundredths_dutch, percent_or_dash};
pub use trace::{Article, Line, Name, name};

use crate::model::{AcademicYear, Case, Date, ProgrammeKind};
use crate::params::Params;

/// The `as_of` year: the override, else the case's own, else its last year.
/// An `as_of` before the last year of the case is refused.
pub fn resolve_as_of(
    case: &Case,
    override_year: Option<AcademicYear>,
) -> Result<Option<AcademicYear>, String> {
    let last = case.last_year();
    let chosen = override_year.or(case.as_of).or(last);
    if let (Some(c), Some(l)) = (chosen, last)
        && c < l
    {
        return Err(format!(
            "as_of {c} ligt vóór het laatste academiejaar van het dossier ({l}); kies {l} of later"
        ));
    }
    // A case with only an opening balance still has a year; the ledger
    // reaches at least the opening year.
    let opening = case.opening.as_ref().map(|o| o.year);
    Ok(chosen.max(opening))
}

/// The `as_of` year when no one can be asked: the case's own, or its last
/// year when that lies later (a scenario may add years after the case's
/// `as_of`).
pub fn effective_as_of(case: &Case) -> Option<AcademicYear> {
    resolve_as_of(case, None).unwrap_or_else(|_| case.last_year())
}

/// Computes every figure of a case up to `as_of` (see [`resolve_as_of`]),
/// judging every year as over.
pub fn compute(case: &Case, params: &Params, as_of: Option<AcademicYear>) -> Outcome {
    compute_on(case, params, as_of, None)
}

/// Computes every figure of a case up to `as_of` as things stand on
/// `today`: the academic year `today` falls in is the year in progress,
/// whose units without a final result are pending (RULES.md §7).
pub fn compute_on(
    case: &Case,
    params: &Params,
    as_of: Option<AcademicYear>,
    today: Option<Date>,
) -> Outcome {
    let mut found = facts::Findings::default();
    validate::case_level(case, params, &mut found);
    let years = facts::year_facts(case, params, today, &mut found);
    let as_of = as_of.or_else(|| effective_as_of(case));

    let histories: Vec<efficiency::History> = (0..case.programmes.len())
        .map(|p| efficiency::history(case, &years, p))
        .collect();

    // Tolerance first: the ledger's exception (8.1 §10) needs the SP still
    // missing, tolerances included.
    let mut tolerances = Vec::new();
    for (pi, p) in case.programmes.iter().enumerate() {
        let applies = p.kind == ProgrammeKind::Bachelor && params.rules_of(p).is_some();
        if !applies {
            tolerance::refuse_outside_bachelor(case, params, &years, pi, &mut found);
        }
        tolerances.push(
            applies.then(|| {
                tolerance::tolerance(case, params, &years, pi, &histories[pi], &mut found)
            }),
        );
    }

    let remaining = |pi: usize, year: AcademicYear| -> i64 {
        let h = &histories[pi];
        let before = year.prev();
        let mut done = h.cumulative(before, |f| f.acquired + f.exempted + f.summary_tolerated);
        if let Some((_, accepted)) = &tolerances[pi] {
            done += accepted.sp_upto(Some(before));
        }
        // RULES.md §2.5: never below 0 (credits may exceed the size).
        (i64::from(case.programmes[pi].size) - done as i64).max(0)
    };
    let (ledger, switches) = ledger::ledger(case, params, &years, as_of, &remaining, &mut found);
    let study_progress = efficiency::study_progress(params, &years, &mut found);
    let reconciliation = reconcile::reconcile(case, &ledger, &mut found);

    let mut programmes = Vec::new();
    for (pi, p) in case.programmes.iter().enumerate() {
        let h = &histories[pi];
        let (tolerance, accepted) = match tolerances[pi].take() {
            Some((t, a)) => (Some(t), a),
            None => (None, tolerance::Accepted::default()),
        };
        let tolerated_detail = accepted.sp_upto(None);
        let progress = merit::progress(h, tolerated_detail);
        let passed = progress.done() >= u64::from(p.size) && p.size > 0;
        let pending = |y: &facts::YearFacts| {
            y.enrolments
                .iter()
                .any(|e| e.programme == pi && e.pending() > 0)
        };
        let merit = if passed {
            merit::merit(case, params, &years, pi, h, &accepted, &mut found).map(|mut m| {
                m.provisional = years.iter().any(pending);
                m
            })
        } else {
            None
        };
        let tolerance = tolerance.map(|mut t| {
            for v in &mut t.units {
                v.provisional = years.iter().any(|y| y.year == v.year && pending(y));
            }
            t
        });
        programmes.push(ProgrammeOutcome {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind,
            size: p.size,
            years: efficiency::programme_years(case, params, &years, pi, h),
            lines: merit::progress_lines(&p.name, p.size, &progress),
            progress,
            tolerance,
            passed,
            merit,
        });
    }

    let cumulative = |pi: usize, year: AcademicYear| {
        let h = &histories[pi];
        (
            h.cumulative(year, |f| f.acquired),
            h.cumulative(year, |f| f.taken),
        )
    };
    let targets = targets::targets(
        case,
        params,
        &years,
        &ledger,
        &study_progress,
        &programmes,
        &cumulative,
    );

    let units = unit_outcomes(case, years, &programmes);
    validate::re_enrolment(case, &units, &mut found);

    let mut warnings = found.warnings;
    warnings.sort_by(|a, b| (a.year, a.code.key()).cmp(&(b.year, b.code.key())));
    Outcome {
        as_of,
        today,
        ledger,
        study_progress,
        programmes,
        units,
        unit_order: UnitOrder::default(),
        switches,
        reconciliation,
        targets,
        warnings,
        errors: found.errors,
    }
}

/// A unit's whole explanation: how its result came about, its withdrawal,
/// exemption or pending state, and for a failed unit its tolerance verdict.
pub fn explain_unit(case: &Case, params: &Params, outcome: &Outcome, u: &UnitOutcome) -> Vec<Line> {
    let mut lines = facts::unit_lines(case, params, outcome.today, u.year, &u.programme, &u.code);
    lines.extend(outcome.verdict_lines(u));
    lines
}

/// Every unit's outcome, with the tolerated ones marked.
fn unit_outcomes(
    case: &Case,
    years: Vec<facts::YearFacts>,
    programmes: &[ProgrammeOutcome],
) -> Vec<UnitOutcome> {
    let ids: Vec<Name> = case.programmes.iter().map(|p| name(&p.id)).collect();
    // Each programme's verdicts come in the order its failed units are
    // walked here (year, enrolment, unit): one cursor per programme.
    let mut cursors = vec![0usize; programmes.len()];
    let mut out = Vec::with_capacity(
        years
            .iter()
            .map(|y| y.enrolments.iter().map(|e| e.units.len()).sum::<usize>())
            .sum(),
    );
    for yf in years {
        for e in yf.enrolments {
            let verdicts = programmes[e.programme]
                .tolerance
                .as_ref()
                .map(|t| t.units.as_slice())
                .unwrap_or(&[]);
            for u in e.units {
                let cursor = &mut cursors[e.programme];
                let verdict = verdicts
                    .get(*cursor)
                    .filter(|v| v.year == yf.year && *v.code == *u.code);
                if verdict.is_some() {
                    *cursor += 1;
                }
                let mut status = u.status;
                if verdict.is_some_and(|v| v.tolerated) {
                    status = UnitStatus::Tolerated;
                }
                out.push(UnitOutcome {
                    year: yf.year,
                    programme: ids[e.programme].clone(),
                    code: u.code,
                    sp: u.sp,
                    grensdatum: u.grensdatum,
                    first: u.result.first,
                    final_mark: u.result.final_mark,
                    status,
                });
            }
        }
    }
    out
}
