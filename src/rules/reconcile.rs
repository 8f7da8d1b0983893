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
                            difference > 0
                                && l.article.art == "8.1"
                                && matches!(l.article.par, Some(3 | 6 | 7 | 9 | 10))
                        }
                        Some(a) => (a > 0) == (difference < 0),
                        None => false,
                    }
            });
            let candidates: Vec<Line> = candidates.map(|l| possible(l, false)).collect();
            lines.extend(candidates);
            let hint = if difference > 0 {
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
