//! The "Waarom?" of a figure as rows: where it starts, each trace line
//! with its article and amount, and where it arrives, so that the amounts
//! shown add up to the figure on screen.

use crate::model::AcademicYear;
use crate::rules::{Ledger, LedgerRow, Line};

/// One row of a "Waarom?" view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhyRow {
    /// A section heading: a year, a scenario's column.
    Heading(String),
    /// A figure the explanation starts from or arrives at.
    Figure { label: String, amount: i64 },
    /// A trace line: its article, amount and sentence.
    Trace(Line),
    /// A remark of the interface (there is nothing to explain yet).
    Remark(String),
}

/// Trace lines as they are; with a total when they move an amount.
pub fn lines(lines: &[Line]) -> Vec<WhyRow> {
    let mut rows: Vec<WhyRow> = lines.iter().cloned().map(WhyRow::Trace).collect();
    if lines.iter().any(|l| l.amount.is_some_and(|a| a != 0)) {
        rows.push(WhyRow::Figure {
            label: "samen".into(),
            amount: lines.iter().filter_map(|l| l.amount).sum(),
        });
    }
    rows
}

/// Lines that frame themselves (a compare column's: the start of a
/// balance as an amount, then year headings and movements): the start is
/// shown as where the story begins and the total as where it arrives.
pub fn lines_from(lines: &[Line]) -> Vec<WhyRow> {
    use crate::rules::{ExplainMsg, Msg};
    let mut rows = Vec::new();
    let mut started = false;
    for l in lines {
        match &l.msg {
            Msg::Explain(ExplainMsg::Start { .. }) => {
                rows.push(WhyRow::Figure {
                    label: l.msg.to_string(),
                    amount: l.amount.unwrap_or(0),
                });
                started = true;
            }
            Msg::Explain(ExplainMsg::Year { .. }) => rows.push(WhyRow::Heading(
                l.msg.to_string().trim_start_matches("── ").to_string(),
            )),
            _ => rows.push(WhyRow::Trace(l.clone())),
        }
    }
    let total: i64 = lines.iter().filter_map(|l| l.amount).sum();
    if started {
        // From the start through every movement to the figure.
        rows.push(WhyRow::Figure {
            label: "Einde".into(),
            amount: total,
        });
    } else if lines.iter().any(|l| l.amount.is_some_and(|a| a != 0)) {
        rows.push(WhyRow::Figure {
            label: "samen".into(),
            amount: total,
        });
    }
    rows
}

/// One ledger row: its start, its movements and its end (8.1 §2: `end =
/// start + rebuild − taken + refunded + acquired + bonus + master`).
pub fn ledger_row(r: &LedgerRow) -> Vec<WhyRow> {
    let mut rows = vec![
        WhyRow::Figure {
            label: format!("Begin {}", r.year),
            amount: r.start,
        },
        WhyRow::Remark(ledger_sentence(r)),
    ];
    rows.extend(r.lines.iter().cloned().map(WhyRow::Trace));
    rows.push(WhyRow::Figure {
        label: format!("Einde {}", r.year),
        amount: r.end,
    });
    rows
}

/// A ledger row said in one sentence: `In 2017-2018 begon het
/// leerkrediet op 200; 60 SP opgenomen, 30 SP terug; het eindigde op 170.`
pub fn ledger_sentence(r: &LedgerRow) -> String {
    let mut parts = vec![format!("{} SP opgenomen", r.taken)];
    for (n, what) in [
        (r.refunded, "terug na uitschrijving of schrapping"),
        (r.acquired, "terug voor credits"),
        (r.bonus, "bonus"),
        (r.rebuild, "heropbouw"),
        (r.master, "na het masterdiploma"),
    ] {
        if n != 0 {
            parts.push(format!("{n} SP {what}"));
        }
    }
    format!(
        "In {} begon het leerkrediet op {}; {}; het eindigde op {}.",
        r.year,
        r.start,
        crate::dutch::listing(&parts),
        r.end
    )
}

/// Where the ledger starts, said for a person.
fn start_label(ledger: &Ledger, first: AcademicYear) -> String {
    if ledger.from_opening {
        format!("Beginsaldo bij de start van {first} (Mijn Burgerprofiel)")
    } else {
        format!("Leerkrediet bij de eerste inschrijving in {first} (Art. 8.1 §1)")
    }
}

/// The whole story of the balance: the start, every year's movements, and
/// the balance.
pub fn balance(ledger: &Ledger) -> Vec<WhyRow> {
    let Some(first) = ledger.rows.first() else {
        return vec![
            WhyRow::Remark("Nog geen academiejaar in het dossier.".into()),
            WhyRow::Figure {
                label: "Saldo".into(),
                amount: ledger.balance,
            },
        ];
    };
    let mut rows = vec![WhyRow::Figure {
        label: start_label(ledger, first.year),
        amount: first.start,
    }];
    for r in &ledger.rows {
        rows.push(WhyRow::Heading(format!(
            "{} (van {} naar {})",
            r.year, r.start, r.end
        )));
        rows.extend(r.lines.iter().cloned().map(WhyRow::Trace));
    }
    rows.push(WhyRow::Figure {
        label: "Saldo".into(),
        amount: ledger.balance,
    });
    rows
}

/// Whether the amounts add up: from each figure, the trace amounts that
/// follow lead to the next figure. Used by the tests of every demo case.
pub fn adds_up(rows: &[WhyRow]) -> bool {
    let mut at: Option<i64> = None;
    for r in rows {
        match r {
            WhyRow::Figure { label, amount } if label == "samen" => {
                let sum: i64 = rows
                    .iter()
                    .filter_map(|r| match r {
                        WhyRow::Trace(l) => l.amount,
                        _ => None,
                    })
                    .sum();
                if sum != *amount {
                    return false;
                }
            }
            WhyRow::Figure { amount, .. } => {
                if at.is_some_and(|a| a != *amount) {
                    return false;
                }
                at = Some(*amount);
            }
            WhyRow::Trace(l) => {
                if let (Some(a), Some(x)) = (at.as_mut(), l.amount) {
                    *a += x;
                }
            }
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Article, LedgerMsg, Msg};

    fn trace(amount: i64) -> WhyRow {
        WhyRow::Trace(Line::amount(
            Article::par("8.1", 2),
            amount,
            Msg::from(LedgerMsg::NoBonusCreditContract),
        ))
    }

    fn figure(amount: i64) -> WhyRow {
        WhyRow::Figure {
            label: "x".into(),
            amount,
        }
    }

    #[test]
    fn a_story_adds_up_only_when_its_amounts_do() {
        assert!(adds_up(&[
            figure(140),
            trace(-60),
            trace(54),
            trace(54),
            figure(188)
        ]));
        assert!(!adds_up(&[figure(140), trace(-60), trace(54), figure(188)]));
        assert!(!adds_up(&[
            trace(3),
            WhyRow::Figure {
                label: "samen".into(),
                amount: 4
            }
        ]));
    }
}
