//! The generatiestudent who changes programme (OER 8.1 §9, 12.1, 1.1.31).

use crate::model::{AcademicYear, Case, Contract, ProgrammeKind};
use crate::params::Params;

use super::facts::{Findings, YearFacts};
use super::outcome::Switch;
use super::trace::{Line, sp};

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
    let t = &params.thresholds;
    let full_before = t.switch_full_before.in_year(year);
    let half_until = t.switch_half_until.in_year(year);
    let (refund, text) = match (full_before, half_until) {
        (Some(fb), _) if enrolled < fb => (
            base,
            format!(
                "Generatiestudent die van opleiding verandert vóór {}: de {} die nog ingezet waren, komen volledig terug.",
                fb.dutch(),
                sp(base)
            ),
        ),
        (_, Some(hu)) if enrolled <= hu => (
            (base + 1) / 2,
            format!(
                "Generatiestudent die van opleiding verandert tussen 1 december en {} (nieuwe inschrijving op {}): de helft van {}, naar boven afgerond, komt terug.",
                hu.dutch(),
                enrolled.dutch(),
                sp(base)
            ),
        ),
        _ => (
            0,
            format!(
                "Generatiestudent die pas na 15 maart van opleiding verandert (nieuwe inschrijving op {}): de {} komen niet terug.",
                enrolled.dutch(),
                sp(base)
            ),
        ),
    };
    (
        refund,
        Line::amount("Art. 8.1 §9", refund, text).interpreted(),
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
                    "generation-student-unknown",
                    "Art. 8.1 §9",
                    Some(yf.year),
                    format!(
                        "Overstap van {} naar {} in {}: het dossier begint met een beginsaldo en zegt niet of de student dat jaar generatiestudent was; zonder dat gegeven geldt Art. 8.1 §9 niet (zet generation_student: true bij het jaar als het wel zo is)",
                        from_p.name, to_p.name, yf.year
                    ),
                );
            }
            (
                0,
                Line::amount(
                    "Art. 8.1 §9",
                    0,
                    format!(
                        "Overstap van {} naar {}: de student is in {} geen generatiestudent, dus er komt niets extra terug.",
                        from_p.name, to_p.name, yf.year
                    ),
                ),
            )
        } else {
            (
                0,
                Line::amount(
                    "Art. 8.1 §9",
                    0,
                    format!(
                        "Overstap van {} naar {}: de verlaten inschrijving liep niet onder een diplomacontract met leerkrediet, dus Art. 8.1 §9 geeft niets terug.",
                        from_p.name, to_p.name
                    ),
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
