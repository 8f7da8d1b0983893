//! Reconciliation with the official balance (Mijn Burgerprofiel): the
//! difference with the computed ledger and the lines that could explain it.

use crate::model::Case;

use super::code::Code;
use super::facts::Findings;
use super::msg::ReconcileMsg;
use super::outcome::{Ledger, Reconciliation};
use super::trace::{Article, Line};

/// Compares every recorded official balance with the end of its ledger row.
pub fn reconcile(case: &Case, ledger: &Ledger, found: &mut Findings) -> Vec<Reconciliation> {
    let mut out = Vec::new();
    for y in case.years.iter().filter(|y| y.official_balance.is_some()) {
        let official = i64::from(y.official_balance.expect("filtered"));
        let Some(row) = ledger.rows.iter().find(|r| r.year == y.year) else {
            continue;
        };
        let difference = official - row.end;
        let mut lines = vec![Line::note(
            Article::PORTAL,
            ReconcileMsg::Compared {
                year: y.year,
                official,
                computed: row.end,
            }
            .into(),
        )];
        if difference != 0 {
            let higher = difference.is_positive();
            // Lines of this year or earlier that would make up the difference
            // had the official database not counted them (a deduction for a
            // higher official balance, an addition for a lower one).
            let exact: Vec<&Line> = ledger
                .rows
                .iter()
                .filter(|r| r.year <= y.year)
                .flat_map(|r| r.lines.iter())
                .filter(|l| l.amount == Some(-difference))
                .collect();
            let possible = |l: &Line, same_amount: bool| Line {
                msg: ReconcileMsg::Possible {
                    same_amount,
                    msg: Box::new(l.msg.clone()),
                }
                .into(),
                ..l.clone()
            };
            for l in &exact {
                lines.push(possible(l, true));
            }
            // This year's lines that move the balance the other way than the
            // official figure, or explain a loss or a bonus not given.
            let candidates = row.lines.iter().filter(|l| {
                !exact.contains(l)
                    && match l.amount {
                        Some(0) => {
                            higher
                                && l.article.art == "8.1"
                                && matches!(l.article.par, Some(3 | 6 | 7 | 9 | 10))
                        }
                        Some(a) => a.is_negative() == higher,
                        None => false,
                    }
            });
            let candidates: Vec<Line> = candidates.map(|l| possible(l, false)).collect();
            lines.extend(candidates);
            let hint = if higher {
                ReconcileMsg::OfficialHigher { sp: difference }
            } else {
                ReconcileMsg::OfficialLower { sp: -difference }
            };
            lines.push(Line::note(Article::art("8.1"), hint.into()));
            found.warn(
                Code::OfficialBalanceDiffers,
                Some(y.year),
                ReconcileMsg::Differs {
                    year: y.year,
                    official,
                    computed: row.end,
                },
            );
        }
        out.push(Reconciliation {
            year: y.year,
            official,
            computed: row.end,
            lines,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::model::AcademicYear;
    use crate::rules::Line;
    use crate::rules::msg::{Msg, ReconcileMsg};
    use crate::rules::testkit::*;

    /// 2017-2018: 60 SP, 54 acquired (188); 2018-2019: 30 SP, all acquired,
    /// the last 6 bonus SP (194). The official balance of 2018-2019 is
    /// recorded as `official`.
    fn lines(official: i32) -> Vec<Line> {
        let mut first = units("P", 9, 6, Some(12));
        first.push(unit("F", 6, Some(5)));
        let mut c = case(vec![
            year(2017, vec![enrolment("CH", first)]),
            year(2018, vec![enrolment("CH", units("Q", 5, 6, Some(12)))]),
        ]);
        c.years[1].official_balance = Some(official);
        let o = run(&c);
        assert_eq!(o.ledger_row(AcademicYear(2018)).unwrap().end, 194);
        o.reconciliation.into_iter().next().unwrap().lines
    }

    /// The possible explanations: (same amount, amount) of each, and the
    /// hint at the end.
    fn explained(lines: &[Line]) -> (Vec<(bool, Option<i64>)>, Option<ReconcileMsg>) {
        let mut possible = Vec::new();
        let mut hint = None;
        for l in lines {
            match &l.msg {
                Msg::Reconcile(ReconcileMsg::Possible { same_amount, msg }) => {
                    // The line keeps what it explains inside, not in place.
                    assert!(!matches!(**msg, Msg::Reconcile(_)));
                    possible.push((*same_amount, l.amount));
                }
                Msg::Reconcile(
                    m @ (ReconcileMsg::OfficialHigher { .. } | ReconcileMsg::OfficialLower { .. }),
                ) => hint = Some(m.clone()),
                _ => {}
            }
        }
        (possible, hint)
    }

    /// Official 60 higher: the 60 SP taken in 2017-2018 (an earlier year)
    /// have exactly that amount; this year's deduction is a candidate too.
    #[test]
    fn a_higher_official_balance_points_at_deductions_of_this_year_and_before() {
        let (possible, hint) = explained(&lines(254));
        assert_eq!(hint, Some(ReconcileMsg::OfficialHigher { sp: 60 }));
        assert!(possible.contains(&(true, Some(-60))), "{possible:?}");
        assert!(possible.contains(&(false, Some(-30))), "{possible:?}");
        assert!(
            possible.iter().all(|(_, a)| a.is_none_or(|a| a <= 0)),
            "{possible:?}"
        );
    }

    /// Official 6 lower: the bonus of 6 has that amount; this year's other
    /// additions (30 acquired) are candidates, no deduction is.
    #[test]
    fn a_lower_official_balance_points_at_additions() {
        let (possible, hint) = explained(&lines(188));
        assert_eq!(hint, Some(ReconcileMsg::OfficialLower { sp: 6 }));
        assert!(possible.contains(&(true, Some(6))), "{possible:?}");
        assert!(possible.contains(&(false, Some(30))), "{possible:?}");
        assert!(
            possible.iter().all(|(_, a)| a.is_none_or(|a| a >= 0)),
            "{possible:?}"
        );
    }

    #[test]
    fn an_equal_official_balance_needs_no_explanation() {
        let (possible, hint) = explained(&lines(194));
        assert!(possible.is_empty() && hint.is_none());
    }

    /// An opening in 2017-2018 with the bonus used up, and 60 SP of which
    /// 48 acquired: -60 + 48, and a bonus line of 0 (8.1 §3, none left).
    fn without_bonus(official: i32) -> Vec<(bool, Option<i64>)> {
        let mut us = units("P", 8, 6, Some(12));
        us.extend(units("F", 2, 6, Some(5)));
        let mut c = opened(2017, 140, vec![year(2017, vec![enrolment("CH", us)])]);
        c.years[0].official_balance = Some(official);
        let o = run(&c);
        assert_eq!(o.ledger_row(AcademicYear(2017)).unwrap().end, 128);
        explained(&o.reconciliation[0].lines).0
    }

    /// OER 8.1 §3: a bonus not given (a line of 0) can explain only a
    /// higher official balance, not a lower one. Kills both `&&` → `||` in
    /// the zero-amount candidates of `reconcile`.
    #[test]
    fn art_8_1_3_a_bonus_not_given_explains_only_a_higher_official_balance() {
        assert_eq!(without_bonus(118), vec![(false, Some(48))]);
        assert_eq!(
            without_bonus(138),
            vec![(false, Some(-60)), (false, Some(0))]
        );
    }
}
