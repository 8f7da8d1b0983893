//! The generatiestudent who changes programme (OER 8.1 §9, 12.1, 1.1.31).

use crate::model::{AcademicYear, Case, Contract, ProgrammeKind};
use crate::params::Params;

use super::code::Code;
use super::facts::{Findings, YearFacts};
use super::msg::SwitchMsg;
use super::outcome::Switch;
use super::trace::{Article, Line, name};

/// OER 8.1 §9.
const ARTICLE: Article = Article::par("8.1", 9);

/// Whether the student is a generatiestudent in a year.
///
/// OER 1.1.31: "Een student die zich, in een bepaald academiejaar, voor het
/// eerst inschrijft met een diplomacontract voor een professioneel of
/// academisch gerichte bachelor in het Vlaamse hoger onderwijs. Het statuut
/// van generatiestudent geldt voor dat volledige academiejaar."
///
/// Stated per year in the case, or derived when the case holds the whole
/// history (no opening balance).
pub fn is_generation_student(case: &Case, years: &[YearFacts], year: AcademicYear) -> bool {
    if let Some(stated) = years
        .iter()
        .find(|y| y.year == year)
        .and_then(|y| y.source.generation_student)
    {
        return stated;
    }
    if case.opening.is_some() {
        return false;
    }
    let bachelor_diploma = |y: &YearFacts| {
        y.enrolments.iter().any(|e| {
            e.contract == Contract::Diploma
                && case.programmes[e.programme].kind == ProgrammeKind::Bachelor
        }) || y.summaries.iter().any(|s| {
            s.contract == Contract::Diploma
                && case.programmes[s.programme].kind == ProgrammeKind::Bachelor
        })
    };
    years.iter().find(|y| bachelor_diploma(y)).map(|y| y.year) == Some(year)
}

/// The refund for a generatiestudent's change of programme.
///
/// OER 8.1 §9: "Met behoud van de toepassing van de bepalingen in §5 wordt
/// bij een generatiestudent die in de loop van hetzelfde academiejaar
/// verandert van opleiding: het aantal opgenomen studiepunten opnieuw
/// toegevoegd … als de student verandert voor 1 december …; de helft van
/// het aantal opgenomen studiepunten, afgerond naar het bovenliggende geheel
/// getal, … als de student verandert tussen 1 december en 15 maart …; het
/// aantal opgenomen studiepunten afgetrokken … als de student verandert na
/// 15 maart."
///
/// Interpretation (RULES.md §2.4): the date that counts is the enrolment in
/// the new programme; the base is the SP of the programme left that still
/// count as taken after §2.3 and have no exam result yet.
pub fn switch_refund(
    params: &Params,
    year: AcademicYear,
    base: i64,
    enrolled: crate::model::Date,
) -> (i64, Line) {
    let t = params.decree(year);
    let full_before = t.switch_full_before.in_year(year);
    let half_until = t.switch_half_until.in_year(year);
    let (refund, msg) = match (full_before, half_until) {
        (Some(fb), _) if enrolled < fb => (base, SwitchMsg::Full { before: fb, base }),
        (Some(fb), Some(hu)) if enrolled <= hu => (
            (base + 1) / 2,
            SwitchMsg::Half {
                from: fb,
                until: hu,
                enrolled,
                base,
            },
        ),
        (_, hu) => (
            0,
            SwitchMsg::Nothing {
                after: hu.unwrap_or(enrolled),
                enrolled,
                base,
            },
        ),
    };
    (
        refund,
        Line::amount(ARTICLE, refund, msg.into()).interpreted(),
    )
}

/// Derives the changes of programme in a year: a programme the student
/// withdrew from, and another whose enrolment date is on or after that
/// withdrawal (RULES.md §2.4).
pub fn switches(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    yf: &YearFacts,
    found: &mut Findings,
) -> Vec<(Switch, Line)> {
    let generation = is_generation_student(case, years, yf.year);
    let mut out = Vec::new();
    for from in &yf.enrolments {
        let Some(withdrawn) = from.withdrawn else {
            continue;
        };
        let to = yf
            .enrolments
            .iter()
            .filter(|e| e.programme != from.programme && e.enrolled >= withdrawn)
            .min_by_key(|e| e.enrolled);
        let Some(to) = to else { continue };
        let from_p = &case.programmes[from.programme];
        let to_p = &case.programmes[to.programme];
        let base: i64 = from
            .units
            .iter()
            .filter(|u| u.ledger_taken && !u.refunded && !u.examined)
            .map(|u| i64::from(u.sp))
            .sum();
        let (refund, line) = if generation && from.contract == Contract::Diploma && from.uses_lk {
            switch_refund(params, yf.year, base, to.enrolled)
        } else if !generation {
            if yf.source.generation_student.is_none() && case.opening.is_some() {
                found.warn(
                    Code::GenerationStudentUnknown,
                    Some(yf.year),
                    SwitchMsg::GenerationUnknown {
                        from: name(&from_p.name),
                        to: name(&to_p.name),
                        year: yf.year,
                    },
                );
            }
            (
                0,
                Line::amount(
                    ARTICLE,
                    0,
                    SwitchMsg::NotGeneration {
                        from: name(&from_p.name),
                        to: name(&to_p.name),
                        year: yf.year,
                    }
                    .into(),
                ),
            )
        } else {
            (
                0,
                Line::amount(
                    ARTICLE,
                    0,
                    SwitchMsg::NotDiploma {
                        from: name(&from_p.name),
                        to: name(&to_p.name),
                    }
                    .into(),
                ),
            )
        };
        out.push((
            Switch {
                year: yf.year,
                from: from_p.id.clone(),
                to: to_p.id.clone(),
                withdrawn,
                enrolled: to.enrolled,
                generation_student: generation,
                base,
                refund,
            },
            line,
        ));
    }
    out
}
