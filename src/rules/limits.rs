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

#[cfg(test)]
mod tests {
    use crate::model::{Contract, Programme, ProgrammeKind, Summary, Year};
    use crate::rules::testkit::*;

    /// A case opening in 2017-2018 with `balance`, enrolling for `units`.
    fn enrol(balance: i32, units: Vec<crate::model::Unit>) -> Vec<&'static str> {
        let c = opened(
            2017,
            balance,
            vec![year(2017, vec![enrolment("CH", units)])],
        );
        warnings(&run(&c))
            .into_iter()
            .filter(|w| w.starts_with("enrolment-"))
            .collect()
    }

    /// OER 8.1 §10: at most the balance may be taken (a balance of 30 allows
    /// 30 SP, not 31); a balance of 0 or less is refused. Warnings only.
    #[test]
    fn art_8_1_par10_at_most_the_balance_and_refusal_at_zero() {
        let mut thirty_one = units("U", 4, 6, None);
        thirty_one.push(unit("U4", 7, None));
        let table: Vec<(i32, Vec<crate::model::Unit>, Vec<&str>)> = vec![
            (30, units("U", 5, 6, None), vec![]),
            (30, thirty_one, vec!["enrolment-exceeds-balance"]),
            (6, units("U", 1, 6, None), vec![]),
            (5, units("U", 1, 6, None), vec!["enrolment-exceeds-balance"]),
            (1, units("U", 1, 6, None), vec!["enrolment-exceeds-balance"]),
            (0, units("U", 1, 6, None), vec!["enrolment-refused"]),
            (-4, units("U", 1, 6, None), vec!["enrolment-refused"]),
        ];
        for (balance, us, expected) in table {
            assert_eq!(enrol(balance, us), expected, "balance {balance}");
        }
    }

    /// OER 8.1 §10 counts only enrolments that use leerkrediet: an
    /// examencontract with a balance of 0 is not refused.
    #[test]
    fn art_8_1_par10_an_examencontract_is_never_limited() {
        let mut e = enrolment("CH", units("U", 5, 6, None));
        e.contract = Contract::Exam;
        let c = opened(2017, 0, vec![year(2017, vec![e])]);
        let o = run(&c);
        assert!(!warnings(&o).iter().any(|w| w.starts_with("enrolment-")));
        assert_eq!(o.ledger.rows[0].taken, 0);
    }

    /// OER 8.1 §10 exception: the two previous years must be at AP; a year
    /// at another institution breaks the row.
    #[test]
    fn art_8_1_par10_exception_needs_both_previous_years_at_ap() {
        let summary = |programme: &str, taken: u32| {
            vec![Summary {
                programme: programme.into(),
                contract: Contract::Diploma,
                taken,
                acquired: taken,
                exempted: 0,
                tolerated: 0,
            }]
        };
        for (elsewhere, expected) in [
            (false, "enrolment-exception"),
            (true, "enrolment-exceeds-balance"),
        ] {
            let mut y15 = Year::new(crate::model::AcademicYear(2015));
            y15.summaries = summary(if elsewhere { "KU" } else { "CH" }, 90);
            let mut y16 = Year::new(crate::model::AcademicYear(2016));
            y16.summaries = summary("CH", 150);
            let y17 = year(2017, vec![enrolment("CH", units("U", 5, 6, Some(12)))]);
            let mut c = opened(2017, 20, vec![y15, y16, y17]);
            let mut ku = Programme::new("KU", "Chemie KU Leuven", ProgrammeKind::Bachelor, 180);
            ku.institution = Some("KU Leuven".into());
            c.programmes.push(ku);
            let o = run(&c);
            let limits: Vec<&str> = warnings(&o)
                .into_iter()
                .filter(|w| w.starts_with("enrolment-"))
                .collect();
            assert_eq!(limits, vec![expected], "elsewhere {elsewhere}");
        }
    }

    /// OER 8.1 §10 exception: the SP still missing for the diploma are the
    /// programme's size less what is acquired, exempted and tolerated (the
    /// summaries of the earlier years count all three): 90 + 30 acquired
    /// and 30 exempted, or 30 tolerated, leave 30 of 180 — the exception;
    /// without them 60 are missing.
    #[test]
    fn art_8_1_par10_exception_counts_exempted_and_tolerated_sp_as_done() {
        for (exempted, tolerated, expected) in [
            (0, 0, "enrolment-exceeds-balance"),
            (30, 0, "enrolment-exception"),
            (0, 30, "enrolment-exception"),
            (18, 12, "enrolment-exception"),
            (18, 6, "enrolment-exceeds-balance"),
        ] {
            let mut y15 = Year::new(crate::model::AcademicYear(2015));
            y15.summaries = vec![summary("CH", 90, 90)];
            let mut y16 = Year::new(crate::model::AcademicYear(2016));
            y16.summaries = vec![Summary {
                exempted,
                tolerated,
                ..summary("CH", 60 - exempted, 30)
            }];
            let y17 = year(2017, vec![enrolment("CH", units("U", 5, 6, None))]);
            let o = run(&opened(2017, 20, vec![y15, y16, y17]));
            let limits: Vec<&str> = warnings(&o)
                .into_iter()
                .filter(|w| w.starts_with("enrolment-"))
                .collect();
            assert_eq!(
                limits,
                vec![expected],
                "exempted {exempted}, tolerated {tolerated}"
            );
        }
    }
}
