//! Enrolment limits (OER 8.1 §10).

use crate::model::AcademicYear;

use super::code::Code;
use super::facts::{Findings, Scope, YearFacts};
use super::msg::{LimitMsg, Msg, StillMissing};
use super::trace::{Line, name};

/// Checks a year's enrolment against the balance after the year's rebuild.
///
/// OER 8.1 §10: "Een student kan zich inschrijven voor opleidingsonderdelen
/// onder diploma- of creditcontract voor ten hoogste het saldo van zijn
/// leerkrediet. De Artesis Plantijn Hogeschool Antwerpen weigert de
/// inschrijving van een student als hij een leerkrediet heeft dat kleiner
/// of gelijk is aan nul. … In afwijking van §10 alinea 1 en 2 wordt een
/// student die zonder onderbreking in de twee voorafgaande academiejaren was
/// ingeschreven aan de Artesis Plantijn Hogeschool Antwerpen en nog ten
/// hoogste 30 studiepunten moet opnemen om binnen één academiejaar het
/// diploma van de opleiding te behalen, toegelaten om gedurende één
/// academiejaar in te schrijven voor studiepunten waarvoor hij geen
/// leerkrediet heeft."
///
/// `remaining(programme, year)` gives the SP still missing for the diploma
/// at the start of `year`. These are warnings; the ledger keeps what was
/// entered.
pub fn enrolment_limits(
    scope: &Scope,
    yf: &YearFacts,
    (available, taken): (i64, i64),
    remaining: &dyn Fn(usize, AcademicYear) -> i64,
    found: &mut Findings,
    lines: &mut Vec<Line>,
) {
    let Scope {
        case,
        params,
        years,
    } = *scope;
    if taken == 0 {
        return;
    }
    let over = available <= 0 || taken > available;
    if !over {
        return;
    }
    let t = params.decree(yf.year);
    let y = yf.year;
    let at_home_in = |year: AcademicYear| {
        years.iter().find(|f| f.year == year).is_some_and(|f| {
            f.enrolments
                .iter()
                .map(|e| e.programme)
                .chain(f.summaries.iter().map(|s| s.programme))
                .any(|p| params.is_home(&case.programmes[p]))
        })
    };
    let uninterrupted = (1..=t.exception_years as i32).all(|k| at_home_in(AcademicYear(y.0 - k)));
    let lk_programmes: Vec<usize> = yf
        .enrolments
        .iter()
        .filter(|e| e.uses_lk && e.ledger_taken() > 0)
        .map(|e| e.programme)
        .chain(
            yf.summaries
                .iter()
                .filter(|s| s.uses_lk && s.taken > 0)
                .map(|s| s.programme),
        )
        .collect();
    let close = !lk_programmes.is_empty()
        && lk_programmes
            .iter()
            .all(|&p| (0..=i64::from(t.exception_sp)).contains(&remaining(p, y)));
    let home = name(params.home_name());
    let (code, msg) = if uninterrupted && close {
        let programmes = lk_programmes
            .iter()
            .map(|&p| StillMissing {
                programme: name(&case.programmes[p].name),
                sp: remaining(p, y),
            })
            .collect();
        (
            Code::EnrolmentException,
            LimitMsg::Exception {
                available,
                taken,
                home,
                years: t.exception_years,
                max_sp: t.exception_sp,
                programmes,
            },
        )
    } else if available <= 0 {
        (
            Code::EnrolmentRefused,
            LimitMsg::Refused { available, home },
        )
    } else {
        (
            Code::EnrolmentExceedsBalance,
            LimitMsg::Exceeds { taken, available },
        )
    };
    let msg = Msg::from(msg);
    let article = code.article().expect("a warning has its article");
    lines.push(Line::amount(article, 0, msg.clone()));
    found.warn(code, Some(y), msg);
}
