//! The yearly leerkrediet ledger (OER 8.1 §1–§3, §6–§7, §11; FAQ).

use crate::model::{AcademicYear, Case, Contract, Event};
use crate::params::Params;

use super::facts::{EnrolmentFacts, Findings, Scope, YearFacts};
use super::limits::enrolment_limits;
use super::msg::{LedgerMsg, NoLeerkrediet};
use super::outcome::{Ledger, LedgerRow, Switch};
use super::rebuild::Rebuilds;
use super::switch::{is_generation_student, switches};
use super::trace::{Article, Line, Name, name};

/// The first year of the ledger: the opening year, or the first year with an
/// enrolment from 2008-2009 on (8.1 §1: "Sinds het academiejaar 2008-2009
/// krijgt elke student bij inschrijving een eenmalig individueel
/// leerkrediet van 140 studiepunten.").
pub fn first_year(case: &Case, params: &Params, years: &[YearFacts]) -> Option<AcademicYear> {
    if let Some(o) = &case.opening {
        return Some(o.year);
    }
    years
        .iter()
        .filter(|y| y.year >= params.decree(y.year).first_ledger_year)
        .find(|y| !y.enrolments.is_empty() || !y.summaries.is_empty())
        .map(|y| y.year)
}

fn codes(units: &[&super::facts::UnitFacts]) -> Vec<Name> {
    units.iter().map(|u| u.code.clone()).collect()
}

/// How a withdrawn unit ends in the ledger.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Withdrawn {
    /// Removed under 11.6 in time: refunded.
    Removal,
    /// Withdrawn on or before the grensdatum: refunded.
    InTime,
    /// Withdrawn in time under creditcontract: not refunded (8.1 §7).
    CreditContract,
    /// Withdrawn after the grensdatum: lost.
    Late,
}

impl Withdrawn {
    fn of(u: &super::facts::UnitFacts) -> Option<Withdrawn> {
        let w = u.withdrawal?;
        Some(match (u.refunded, w.removal, w.in_time) {
            (true, true, _) => Withdrawn::Removal,
            (true, false, _) => Withdrawn::InTime,
            (false, _, true) => Withdrawn::CreditContract,
            (false, _, false) => Withdrawn::Late,
        })
    }
}

/// SP taken and returned by withdrawals for one enrolment.
///
/// OER 8.1 §2: "Bij elke inschrijving in een academiejaar wordt het aantal
/// studiepunten waarvoor een student zich heeft ingeschreven (opgenomen
/// studiepunten) in dat academiejaar afgetrokken van het saldo …"
/// OER 8.1 §6: "… de uiterste datum van uitschrijving … enkel mogelijk tot
/// aan de grensdata vermeld in §4. Bij uitschrijving na deze grensdata kan
/// het leerkrediet niet meer worden teruggegeven."
/// OER 8.1 §7: "Uitschrijvingen voor opleidingsonderdelen door studenten
/// onder creditcontract geven geen wijzigingen in het aantal opgenomen
/// studiepunten."
/// OER 11.6: "… die het schrappen van een opleidingsonderdeel inhoudt, dan
/// wordt de student voor dit opleidingsonderdeel uitgeschreven met
/// teruggave leerkrediet."
fn taken_and_refunds(case: &Case, e: &EnrolmentFacts, lines: &mut Vec<Line>) -> (i64, i64) {
    let p = &case.programmes[e.programme];
    let exempt: Vec<&_> = e.units.iter().filter(|u| u.exempt).collect();
    if !e.uses_lk {
        let why = match e.contract {
            Contract::Exam => NoLeerkrediet::ExamContract,
            _ => NoLeerkrediet::Kind(p.kind),
        };
        lines.push(Line::amount(
            Article::par("8.1", 1),
            0,
            LedgerMsg::NoLeerkrediet {
                programme: name(&p.name),
                why,
            }
            .into(),
        ));
        return (0, 0);
    }
    let taken = e.ledger_taken() as i64;
    lines.push(Line::amount(
        Article::par("8.1", 2),
        -taken,
        LedgerMsg::Taken {
            programme: name(&p.name),
            contract: e.contract,
            sp: taken,
        }
        .into(),
    ));
    if !exempt.is_empty() {
        let n: i64 = exempt.iter().map(|u| i64::from(u.sp)).sum();
        lines.push(Line::amount(
            Article::par("8.1", 1),
            0,
            LedgerMsg::Exempted {
                codes: codes(&exempt),
                sp: n,
            }
            .into(),
        ));
    }
    let mut refunded = 0;
    // Only units that took leerkrediet have a withdrawal: the facts give
    // none to an exempt unit, and this enrolment uses leerkrediet.
    let withdrawn: Vec<&_> = e.units.iter().filter(|u| u.withdrawal.is_some()).collect();
    // Group by outcome so each line reads as one sentence.
    for group in [
        Withdrawn::Removal,
        Withdrawn::InTime,
        Withdrawn::CreditContract,
        Withdrawn::Late,
    ] {
        let us: Vec<&_> = withdrawn
            .iter()
            .copied()
            .filter(|u| Withdrawn::of(u) == Some(group))
            .collect();
        if us.is_empty() {
            continue;
        }
        let n: i64 = us.iter().map(|u| i64::from(u.sp)).sum();
        let date = us[0].withdrawal.expect("withdrawn").date;
        let on_the_day = us
            .iter()
            .any(|u| u.withdrawal.map(|w| w.date) == u.grensdatum);
        let codes = codes(&us);
        lines.push(match group {
            Withdrawn::Removal => Line::amount(
                Article::art("11.6"),
                n,
                LedgerMsg::Removed { codes, sp: n }.into(),
            )
            .interpreted_if(on_the_day),
            Withdrawn::InTime => Line::amount(
                Article::par("8.1", if e.withdrawn.is_some() { 6 } else { 5 }),
                n,
                LedgerMsg::WithdrawnInTime { date, codes, sp: n }.into(),
            )
            .interpreted_if(on_the_day),
            Withdrawn::CreditContract => Line::amount(
                Article::par("8.1", 7),
                0,
                LedgerMsg::WithdrawnCreditContract { codes, sp: n }.into(),
            )
            .interpreted(),
            Withdrawn::Late => Line::amount(
                Article::par("8.1", 6),
                0,
                LedgerMsg::WithdrawnLate { date, codes, sp: n }.into(),
            ),
        });
        if matches!(group, Withdrawn::Removal | Withdrawn::InTime) {
            refunded += n;
        }
    }
    (taken, refunded)
}

/// The ledger from its first year to `as_of`, with the switches found.
pub fn ledger(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    as_of: Option<AcademicYear>,
    remaining: &dyn Fn(usize, AcademicYear) -> i64,
    found: &mut Findings,
) -> (Ledger, Vec<Switch>) {
    let mut bonus_granted = case
        .opening
        .as_ref()
        .map_or(0, |o| i64::from(o.bonus_granted));
    let mut balance = case.opening.as_ref().map_or_else(
        || {
            first_year(case, params, years)
                .map_or(140, |y| i64::from(params.decree(y).initial_balance))
        },
        |o| i64::from(o.balance),
    );
    let mut rows = Vec::new();
    let mut all_switches = Vec::new();
    let (Some(first), Some(last)) = (first_year(case, params, years), as_of) else {
        return (
            Ledger {
                rows,
                balance,
                bonus_granted,
                from_opening: case.opening.is_some(),
            },
            all_switches,
        );
    };
    let mut rebuilds = Rebuilds::from_case(case, first);
    let mut year = first;
    while year <= last {
        let t = params.decree(year);
        let yf = years.iter().find(|y| y.year == year);
        let enrolled = yf.is_some_and(|y| !y.enrolments.is_empty() || !y.summaries.is_empty());
        let start = balance;
        let mut lines = Vec::new();
        if rows.is_empty() && case.opening.is_none() {
            lines.push(Line::amount(
                Article::par("8.1", 1),
                0,
                LedgerMsg::FirstEnrolment {
                    initial: i64::from(t.initial_balance),
                }
                .into(),
            ));
        }

        // 1. rebuild
        let rebuild = rebuilds.at_start(case, t, year, enrolled, balance, &mut lines);
        balance += rebuild;

        // 2. taken and refunded
        let (mut taken, mut refunded, mut acquired, mut diploma_acquired) =
            (0i64, 0i64, 0i64, 0i64);
        // SP of units without a final result yet (RULES.md §7).
        let (mut pending, mut pending_diploma) = (0i64, 0i64);
        let mut generation = false;
        if let Some(yf) = yf {
            generation = is_generation_student(case, years, year);
            for e in &yf.enrolments {
                let (tk, rf) = taken_and_refunds(case, e, &mut lines);
                taken += tk;
                refunded += rf;
            }
            for s in &yf.summaries {
                let p = &case.programmes[s.programme];
                if s.uses_lk {
                    taken += s.taken as i64;
                    lines.push(Line::amount(
                        Article::par("8.1", 2),
                        -(s.taken as i64),
                        LedgerMsg::SummaryTaken {
                            programme: name(&p.name),
                            contract: s.contract,
                            sp: s.taken as i64,
                        }
                        .into(),
                    ));
                } else {
                    lines.push(Line::amount(
                        Article::par("8.1", 1),
                        0,
                        LedgerMsg::SummaryWithout {
                            programme: name(&p.name),
                            contract: s.contract,
                        }
                        .into(),
                    ));
                }
            }
            for (sw, line) in switches(case, params, years, yf, found) {
                refunded += sw.refund;
                lines.push(line);
                all_switches.push(sw);
            }
            enrolment_limits(
                &Scope {
                    case,
                    params,
                    years,
                },
                yf,
                (balance, taken),
                remaining,
                found,
                &mut lines,
            );

            // 3. acquired
            for e in yf.enrolments.iter().filter(|e| e.uses_lk) {
                let credited: Vec<&_> = e
                    .units
                    .iter()
                    .filter(|u| u.credit && u.ledger_taken)
                    .collect();
                let n: i64 = credited.iter().map(|u| i64::from(u.sp)).sum();
                let failed: i64 = e
                    .units
                    .iter()
                    .filter(|u| u.failed && u.ledger_taken)
                    .map(|u| i64::from(u.sp))
                    .sum();
                acquired += n;
                if e.contract == Contract::Diploma {
                    diploma_acquired += n;
                }
                let open: i64 = e
                    .units
                    .iter()
                    .filter(|u| u.pending && u.ledger_taken)
                    .map(|u| i64::from(u.sp))
                    .sum();
                pending += open;
                if e.contract == Contract::Diploma {
                    pending_diploma += open;
                }
                if n > 0 || failed > 0 {
                    let p = &case.programmes[e.programme];
                    lines.push(Line::amount(
                        Article::par("8.1", 2),
                        n,
                        LedgerMsg::Acquired {
                            programme: name(&p.name),
                            sp: n,
                            lost: failed,
                        }
                        .into(),
                    ));
                }
            }
            for s in yf.summaries.iter().filter(|s| s.uses_lk && s.acquired > 0) {
                acquired += s.acquired as i64;
                if s.contract == Contract::Diploma {
                    diploma_acquired += s.acquired as i64;
                }
                lines.push(Line::amount(
                    Article::par("8.1", 2),
                    s.acquired as i64,
                    LedgerMsg::SummaryAcquired {
                        programme: name(&case.programmes[s.programme].name),
                        sp: s.acquired as i64,
                    }
                    .into(),
                ));
            }
        } else {
            lines.push(Line::amount(
                Article::par("8.1", 2),
                0,
                LedgerMsg::NotEnrolled { year }.into(),
            ));
        }
        balance += -taken + refunded + acquired;

        // 4. bonus (8.1 §3)
        let granted_before = bonus_granted;
        let bonus = bonus(
            t.bonus_sp,
            &rebuilds,
            diploma_acquired,
            &mut bonus_granted,
            acquired,
            &mut lines,
        );
        balance += bonus;
        // The ceiling while results are pending: every pending unit a
        // credit, with the bonus that would bring.
        let bonus_if_all = if rebuilds.any_applied || diploma_acquired + pending_diploma <= 0 {
            0
        } else {
            (diploma_acquired + pending_diploma)
                .min((i64::from(t.bonus_sp) - granted_before).max(0))
        };
        let if_all_pass = pending + bonus_if_all - bonus;

        // 5. master diploma (8.1 §11)
        let mut master = 0;
        if case
            .events
            .iter()
            .any(|e| matches!(e, Event::MasterDiploma(y) if *y == year))
        {
            master = -i64::from(t.master_deduction);
            balance += master;
            lines.push(Line::amount(
                Article::par("8.1", 11),
                master,
                LedgerMsg::MasterDiploma {
                    year,
                    deduction: i64::from(t.master_deduction),
                }
                .into(),
            ));
            rebuilds.after_master(t, year, balance, &mut lines);
        }
        if !enrolled {
            rebuilds.after_gap_year(case, t, year, balance, &mut lines);
        }

        if pending > 0 {
            lines.push(Line::amount(
                Article::par("8.1", 2),
                0,
                LedgerMsg::Provisional {
                    pending,
                    bonus: bonus_if_all - bonus,
                    end_if_all_pass: balance + if_all_pass,
                }
                .into(),
            ));
        }
        rows.push(LedgerRow {
            year,
            enrolled,
            generation_student: generation,
            start,
            rebuild,
            taken,
            refunded,
            acquired,
            bonus,
            master,
            end: balance,
            provisional: pending > 0,
            pending_sp: pending,
            end_if_all_pass: balance + if_all_pass,
            bonus_room: if rebuilds.any_applied {
                0
            } else {
                (i64::from(t.bonus_sp) - bonus_granted).max(0)
            },
            lines,
        });
        year = year.next();
    }
    (
        Ledger {
            rows,
            balance,
            bonus_granted,
            from_opening: case.opening.is_some(),
        },
        all_switches,
    )
}

const BONUS: Article = Article::par("8.1", 3);

/// The one-time bonus.
///
/// OER 8.1 §3: "De eerste 60 verworven studiepunten door een student onder
/// diplomacontract worden eenmalig dubbel aangerekend." FAQ: they may be
/// spread over years, programmes and institutions; after a rebuild there
/// is no bonus any more (Interpretation, RULES.md §2.6; 8.1 §13).
fn bonus(
    cap: u32,
    rebuilds: &Rebuilds,
    diploma_acquired: i64,
    granted: &mut i64,
    acquired: i64,
    lines: &mut Vec<Line>,
) -> i64 {
    let cap = i64::from(cap);
    if diploma_acquired <= 0 {
        if acquired > 0 {
            lines.push(Line::amount(
                BONUS,
                0,
                LedgerMsg::NoBonusCreditContract.into(),
            ));
        }
        return 0;
    }
    if rebuilds.any_applied {
        lines.push(Line::amount(BONUS, 0, LedgerMsg::NoBonusAfterRebuild.into()).interpreted());
        return 0;
    }
    let b = diploma_acquired.min((cap - *granted).max(0));
    if b == 0 {
        lines.push(Line::amount(
            BONUS,
            0,
            LedgerMsg::NoBonusLeft { cap }.into(),
        ));
        return 0;
    }
    *granted += b;
    lines.push(Line::amount(
        BONUS,
        b,
        LedgerMsg::Bonus {
            cap,
            sp: b,
            granted: *granted,
        }
        .into(),
    ));
    b
}

#[cfg(test)]
mod tests {
    use crate::model::{AcademicYear, Contract, ProgrammeKind, UnitWithdrawal};
    use crate::rules::testkit::*;

    /// The FAQ's worked example (8.1 §2, §3): first enrolment, 60 SP, 54
    /// acquired, one 6-SP unit failed: 140 − 60 = 80, 80 + 54 + 54 = 188.
    #[test]
    fn art_8_1_par2_par3_the_faq_example() {
        let mut us = units("A", 9, 6, Some(12));
        us.push(unit("F", 6, Some(7)));
        let o = run(&case(vec![year(2017, vec![enrolment("CH", us)])]));
        assert!(errors(&o).is_empty(), "{:?}", o.errors);
        let r = &o.ledger.rows[0];
        assert_eq!(
            (r.start, r.taken, r.refunded, r.acquired, r.bonus, r.end),
            (140, 60, 0, 54, 54, 188)
        );
        assert_eq!(o.ledger.bonus_granted, 54);
    }

    /// OER 8.1 §3: the first 60 SP acquired under diplomacontract count
    /// double once, spread over years: 42, then 18, then nothing.
    #[test]
    fn art_8_1_par3_bonus_of_sixty_spread_over_years() {
        let mut y1 = units("A", 7, 6, Some(12));
        y1.extend(units("F", 3, 6, Some(5)));
        let mut y2 = units("B", 5, 6, Some(12));
        y2.extend(units("G", 5, 6, Some(5)));
        let y3 = units("C", 10, 6, Some(12));
        let o = run(&case(vec![
            year(2015, vec![enrolment("CH", y1)]),
            year(2016, vec![enrolment("CH", y2)]),
            year(2017, vec![enrolment("CH", y3)]),
        ]));
        let got: Vec<(i64, i64, i64)> = o
            .ledger
            .rows
            .iter()
            .map(|r| (r.acquired, r.bonus, r.end))
            .collect();
        assert_eq!(got, vec![(42, 42, 164), (30, 18, 152), (60, 0, 152)]);
        assert_eq!(o.ledger.bonus_granted, 60);
    }

    /// OER 8.1 §1–§3, §7: a creditcontract takes leerkrediet and returns
    /// credits but earns no bonus, and a withdrawal in time returns
    /// nothing; an examencontract and a bachelor-na-bachelor use none.
    #[test]
    fn art_8_1_par1_par7_contracts_and_programmes_without_leerkrediet() {
        let mut w = unit("W", 6, None);
        w.withdrawal = Some(UnitWithdrawal {
            date: d("2017-10-01"),
            removal: false,
        });
        let mut credit = enrolment("CH", vec![unit("A", 6, Some(12)), w]);
        credit.contract = Contract::Credit;
        let r = run(&case(vec![year(2017, vec![credit])])).ledger.rows[0].clone();
        assert_eq!(
            (r.taken, r.refunded, r.acquired, r.bonus, r.end),
            (12, 0, 6, 0, 134)
        );

        let mut exam = enrolment("CH", units("A", 5, 6, Some(12)));
        exam.contract = Contract::Exam;
        let r = run(&case(vec![year(2017, vec![exam])])).ledger.rows[0].clone();
        assert_eq!((r.start, r.taken, r.acquired, r.end), (140, 0, 0, 140));

        let mut c = case(vec![year(
            2017,
            vec![enrolment("CH", units("A", 5, 6, Some(12)))],
        )]);
        c.programmes[0].kind = ProgrammeKind::BachelorAfterBachelor;
        let r = run(&c).ledger.rows[0].clone();
        assert_eq!((r.taken, r.acquired, r.bonus, r.end), (0, 0, 0, 140));
    }

    /// OER 8.1 §11: −140 in the year of the master diploma, after the
    /// credits and the bonus of that year.
    #[test]
    fn art_8_1_par11_master_deduction_after_credits() {
        let mut c = opened(
            2017,
            150,
            vec![year(
                2017,
                vec![enrolment("CH", units("A", 5, 6, Some(12)))],
            )],
        );
        c.opening.as_mut().unwrap().bonus_granted = 50;
        master_diploma(&mut c, 2017);
        let r = run(&c).ledger.rows[0].clone();
        // 150 − 30 + 30 + 10 − 140 = 20.
        assert_eq!(
            (r.taken, r.acquired, r.bonus, r.master, r.end),
            (30, 30, 10, -140, 20)
        );
    }

    /// OER 8.1 §1: study history before 2008-2009 is ignored: the ledger
    /// starts at 140 with the first year from 2008-2009 on.
    #[test]
    fn art_8_1_par1_history_before_2008_is_ignored() {
        let o = run(&case(vec![
            year(2007, vec![enrolment("CH", units("A", 10, 6, Some(12)))]),
            year(2008, vec![enrolment("CH", units("B", 10, 6, Some(12)))]),
        ]));
        let first = &o.ledger.rows[0];
        assert_eq!(first.year, AcademicYear(2008));
        assert_eq!((first.start, first.bonus, first.end), (140, 60, 200));
    }

    /// OER 8.1 §12 in the ledger: a year without enrolment with a balance
    /// under 60 starts a rebuild from the next year; after a rebuild no
    /// bonus is granted any more (RULES.md §2.6).
    #[test]
    fn art_8_1_par12_gap_year_rebuild_and_no_bonus_after_it() {
        let mut c = opened(
            2015,
            30,
            vec![
                year(2015, vec![enrolment("CH", units("A", 1, 6, None))]),
                year(2017, vec![enrolment("CH", units("B", 2, 6, Some(12)))]),
            ],
        );
        c.opening.as_mut().unwrap().bonus_granted = 0;
        let rows = run(&c).ledger.rows;
        let got: Vec<(bool, i64, i64, i64)> = rows
            .iter()
            .map(|r| (r.enrolled, r.rebuild, r.bonus, r.end))
            .collect();
        // 2015: 30 − 6 = 24; 2016: no enrolment (24 < 60: §12 starts);
        // 2017: +10, −12 + 12, no bonus: 34.
        assert_eq!(
            got,
            vec![(true, 0, 0, 24), (false, 0, 0, 24), (true, 10, 0, 34)]
        );
    }

    /// OER 8.1 §2: the year's "acquired" line names what came back and what
    /// was lost; an enrolment with nothing acquired and nothing lost (its
    /// units still waiting for an exam) has no such line.
    #[test]
    fn art_8_1_par2_an_acquired_line_only_when_something_was_acquired_or_lost() {
        use crate::rules::msg::{LedgerMsg, Msg};
        let acquired_lines = |o: &crate::rules::Outcome| -> Vec<(u64, u64)> {
            o.ledger_row(AcademicYear(2017))
                .unwrap()
                .lines
                .iter()
                .filter_map(|l| match &l.msg {
                    Msg::Ledger(LedgerMsg::Acquired { sp, lost, .. }) => {
                        Some((*sp as u64, *lost as u64))
                    }
                    _ => None,
                })
                .collect()
        };
        // All six units waiting for their exams in January: no line.
        let waiting = case(vec![year(
            2017,
            vec![enrolment("CH", units("W", 6, 6, None))],
        )]);
        assert_eq!(acquired_lines(&run_on(&waiting, "2018-01-10")), vec![]);
        // Nothing acquired, 12 SP lost: a line of 0 that says so.
        let lost = case(vec![year(
            2017,
            vec![enrolment("CH", units("F", 2, 6, Some(5)))],
        )]);
        assert_eq!(acquired_lines(&run(&lost)), vec![(0, 12)]);
        // 12 acquired, nothing lost.
        let won = case(vec![year(
            2017,
            vec![enrolment("CH", units("P", 2, 6, Some(12)))],
        )]);
        assert_eq!(acquired_lines(&run(&won)), vec![(12, 0)]);
        // RULES.md §7: a provisional line while units wait, and only then.
        let provisional = |o: &crate::rules::Outcome| -> Vec<i64> {
            o.ledger_row(AcademicYear(2017))
                .unwrap()
                .lines
                .iter()
                .filter_map(|l| match &l.msg {
                    Msg::Ledger(LedgerMsg::Provisional { pending, .. }) => Some(*pending),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(provisional(&run_on(&waiting, "2018-01-10")), vec![36]);
        assert_eq!(
            provisional(&run_on(&waiting, "2018-10-01")),
            Vec::<i64>::new()
        );
        assert_eq!(provisional(&run(&won)), Vec::<i64>::new());
        // A summary line: its acquired SP have a line when there are any.
        let summary_lines = |acquired: u32| -> usize {
            let mut c = case(vec![year(2017, vec![])]);
            c.years[0].summaries.push(crate::model::Summary {
                programme: "CH".into(),
                contract: Contract::Diploma,
                taken: 12,
                acquired,
                exempted: 0,
                tolerated: 0,
            });
            run(&c)
                .ledger_row(AcademicYear(2017))
                .unwrap()
                .lines
                .iter()
                .filter(|l| matches!(l.msg, Msg::Ledger(LedgerMsg::SummaryAcquired { .. })))
                .count()
        };
        assert_eq!(summary_lines(0), 0);
        assert_eq!(summary_lines(6), 1);
    }

    /// OER 8.1 §3: credits under creditcontract earn no bonus, and the
    /// explanation says so when there were credits; with none, it is silent.
    #[test]
    fn art_8_1_par3_credits_under_creditcontract_say_why_there_is_no_bonus() {
        use crate::rules::msg::{LedgerMsg, Msg};
        let says_why = |grade: i32| -> (i64, bool) {
            let mut e = enrolment("CH", units("C", 2, 6, Some(grade)));
            e.contract = Contract::Credit;
            let o = run(&case(vec![year(2017, vec![e])]));
            let row = o.ledger_row(AcademicYear(2017)).unwrap();
            let line = row
                .lines
                .iter()
                .any(|l| matches!(l.msg, Msg::Ledger(LedgerMsg::NoBonusCreditContract)));
            (row.bonus, line)
        };
        assert_eq!(says_why(12), (0, true));
        assert_eq!(says_why(5), (0, false));
    }

    /// The ledger lines of a year, as "article | text".
    fn row_text(o: &crate::rules::Outcome, y: i32) -> Vec<String> {
        texts(&o.ledger_row(AcademicYear(y)).expect("the year's row").lines)
    }

    /// OER 8.1 §1: the ledger's first year says it starts at 140 — once, in
    /// that year only; a case that opens with a known balance has no such
    /// line.
    #[test]
    fn art_8_1_par1_the_first_enrolment_line_only_in_the_first_year() {
        use crate::rules::msg::{LedgerMsg, Msg};
        let firsts = |o: &crate::rules::Outcome| -> Vec<i32> {
            o.ledger
                .rows
                .iter()
                .filter(|r| {
                    r.lines
                        .iter()
                        .any(|l| matches!(l.msg, Msg::Ledger(LedgerMsg::FirstEnrolment { .. })))
                })
                .map(|r| r.year.0)
                .collect()
        };
        let years = || {
            vec![
                year(2016, vec![enrolment("CH", units("A", 2, 6, Some(12)))]),
                year(2017, vec![enrolment("CH", units("B", 2, 6, Some(12)))]),
            ]
        };
        assert_eq!(firsts(&run(&case(years()))), vec![2016]);
        assert_eq!(firsts(&run(&opened(2016, 100, years()))), Vec::<i32>::new());
    }

    /// OER 8.1 §2: a year counts as enrolled with an enrolment or with a
    /// summary of one elsewhere; a year entered without either is a year
    /// without enrolment (and with a balance under 60, 8.1 §12 starts a
    /// rebuild after it).
    #[test]
    fn art_8_1_par2_a_year_with_only_a_summary_is_enrolled_an_empty_one_not() {
        let mut only_summary = year(2016, vec![]);
        only_summary.summaries.push(summary("CH", 12, 12));
        let c = opened(
            2015,
            30,
            vec![
                year(2015, vec![enrolment("CH", units("A", 1, 6, Some(12)))]),
                only_summary,
                year(2017, vec![]),
                year(2018, vec![enrolment("CH", units("B", 1, 6, Some(12)))]),
            ],
        );
        let rows = run(&c).ledger.rows;
        let got: Vec<(i32, bool, i64, i64)> = rows
            .iter()
            .map(|r| (r.year.0, r.enrolled, r.rebuild, r.end))
            .collect();
        // 2015: 30 − 6 + 6 = 30; 2016: −12 + 12 = 30; 2017: nothing (30 <
        // 60); 2018: +10 rebuilt, −6 + 6: 40.
        assert_eq!(
            got,
            vec![
                (2015, true, 0, 30),
                (2016, true, 0, 30),
                (2017, false, 0, 30),
                (2018, true, 10, 40)
            ]
        );
    }

    /// OER 8.1 §1: why an enrolment uses no leerkrediet — an examencontract
    /// for its contract, a bachelor-na-bachelor for its kind.
    #[test]
    fn art_8_1_par1_the_no_leerkrediet_line_says_why() {
        use crate::rules::msg::{LedgerMsg, Msg, NoLeerkrediet};
        let why = |c: &crate::model::Case| -> Vec<NoLeerkrediet> {
            run(c).ledger.rows[0]
                .lines
                .iter()
                .filter_map(|l| match &l.msg {
                    Msg::Ledger(LedgerMsg::NoLeerkrediet { why, .. }) => Some(*why),
                    _ => None,
                })
                .collect()
        };
        let mut exam = enrolment("CH", units("A", 2, 6, Some(12)));
        exam.contract = Contract::Exam;
        assert_eq!(
            why(&case(vec![year(2017, vec![exam.clone()])])),
            vec![NoLeerkrediet::ExamContract]
        );
        let mut banaba = case(vec![year(
            2017,
            vec![enrolment("CH", units("A", 2, 6, None))],
        )]);
        banaba.programmes[0].kind = ProgrammeKind::BachelorAfterBachelor;
        assert_eq!(
            why(&banaba),
            vec![NoLeerkrediet::Kind(ProgrammeKind::BachelorAfterBachelor)]
        );
        // An examencontract in a bachelor-na-bachelor: the contract is why.
        banaba.years[0].enrolments[0].contract = Contract::Exam;
        assert_eq!(why(&banaba), vec![NoLeerkrediet::ExamContract]);
    }

    /// OER 8.1 §1, §5: exempted units take no leerkrediet and the line says
    /// which; a withdrawal in time names the units it returns. An exempt
    /// unit that is also withdrawn has nothing to return or lose: no
    /// withdrawal line for it.
    #[test]
    fn art_8_1_par5_exemption_and_withdrawal_lines_name_their_units() {
        let withdrawn = |code: &str, sp| {
            let mut u = unit(code, sp, None);
            u.withdrawal = Some(UnitWithdrawal {
                date: d("2017-10-01"),
                removal: false,
            });
            u
        };
        let mut vx = unit("VX", 3, None);
        vx.exempt = true;
        let mut vw = withdrawn("VW", 4);
        vw.exempt = true;
        let us = vec![
            unit("A", 6, Some(12)),
            vx,
            vw,
            withdrawn("W1", 5),
            withdrawn("W2", 6),
        ];
        let o = run(&case(vec![year(2017, vec![enrolment("CH", us)])]));
        let lines = row_text(&o, 2017);
        let expected = [
            "Art. 8.1 §1 | Vrijgesteld (VX en VW): 7 studiepunten zonder leerkrediet.",
            "Art. 8.1 §5 | Uitgeschreven op 01-10-2017 uiterlijk op de grensdatum van W1 en W2: \
             11 studiepunten terug.",
        ];
        for e in expected {
            assert!(lines.iter().any(|l| l == e), "{e}\nin {lines:#?}");
        }
        assert_eq!(
            lines.iter().filter(|l| l.contains("Uitgeschreven")).count(),
            1,
            "{lines:#?}"
        );
        let r = &o.ledger.rows[0];
        assert_eq!((r.taken, r.refunded, r.acquired), (17, 11, 6));
        // Without exemptions there is no exemption line.
        let plain = run(&case(vec![year(
            2017,
            vec![enrolment("CH", units("A", 2, 6, Some(12)))],
        )]));
        assert!(
            !row_text(&plain, 2017)
                .iter()
                .any(|l| l.contains("Vrijgesteld"))
        );
    }

    /// RULES.md §7 with 8.1 §3: while results are pending, the row's end if
    /// every pending unit passes adds those SP and the bonus they would
    /// still earn — only up to the bonus left (60 less what was granted
    /// before), and none at all after a rebuild.
    #[test]
    fn rules_7_the_end_if_all_pass_counts_the_bonus_still_left() {
        use crate::rules::msg::{LedgerMsg, Msg};
        let provisional = |o: &crate::rules::Outcome| -> (i64, i64, i64) {
            let r = o.ledger_row(AcademicYear(2017)).unwrap();
            let (bonus, end) = r
                .lines
                .iter()
                .find_map(|l| match &l.msg {
                    Msg::Ledger(LedgerMsg::Provisional {
                        bonus,
                        end_if_all_pass,
                        ..
                    }) => Some((*bonus, *end_if_all_pass)),
                    _ => None,
                })
                .expect("a provisional line");
            assert_eq!(end, r.end_if_all_pass);
            (r.end, bonus, end)
        };
        // 30 SP passed in January (30 bonus), 30 waiting: 140 − 60 + 30 +
        // 30 = 140; all passing adds 30 and the other 30 of the bonus.
        let mut us = units("P", 5, 6, Some(12));
        us.extend(units("W", 5, 6, None));
        let first = case(vec![year(2017, vec![enrolment("CH", us.clone())])]);
        assert_eq!(provisional(&run_on(&first, "2018-02-10")), (140, 30, 200));
        // 54 granted before: 6 left. 100 − 60 + 30 = 70; 70 + 30 + 6 = 106.
        let mut later = opened(2017, 100, vec![year(2017, vec![enrolment("CH", us)])]);
        later.opening.as_mut().unwrap().bonus_granted = 54;
        assert_eq!(provisional(&run_on(&later, "2018-02-10")), (76, 0, 106));
        // After a rebuild (8.1 §12), no bonus: 24 + 10 − 12 = 22, + 12.
        let mut rebuilt = opened(
            2015,
            30,
            vec![
                year(2015, vec![enrolment("CH", units("A", 1, 6, None))]),
                year(2017, vec![enrolment("CH", units("W", 2, 6, None))]),
            ],
        );
        rebuilt.opening.as_mut().unwrap().bonus_granted = 0;
        assert_eq!(provisional(&run_on(&rebuilt, "2018-02-10")), (22, 0, 34));
    }
}
