//! Reconciliation with the official balance (Mijn Burgerprofiel): the
//! difference with the computed ledger and the lines that could explain it.

use crate::model::Case;

use super::facts::Findings;
use super::outcome::{Ledger, Reconciliation};
use super::trace::{Line, sp};

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
            "Mijn Burgerprofiel",
            format!(
                "Officieel saldo na {}: {official}; traject berekent {}: {}.",
                y.year,
                row.end,
                if difference == 0 {
                    "gelijk".to_string()
                } else {
                    format!("verschil {:+}", difference)
                }
            ),
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
            for l in &exact {
                lines.push(Line {
                    article: l.article,
                    amount: l.amount,
                    interpretation: l.interpretation,
                    text: format!("Mogelijke verklaring (zelfde bedrag): {}", l.text),
                });
            }
            // This year's lines that move the balance the other way than the
            // official figure, or explain a loss or a bonus not given.
            let candidates = row.lines.iter().filter(|l| {
                !exact.contains(l)
                    && match l.amount {
                        Some(0) => {
                            difference > 0
                                && matches!(
                                    l.article,
                                    "Art. 8.1 §3"
                                        | "Art. 8.1 §6"
                                        | "Art. 8.1 §7"
                                        | "Art. 8.1 §9"
                                        | "Art. 8.1 §10"
                                )
                        }
                        Some(a) => (a > 0) == (difference < 0),
                        None => false,
                    }
            });
            for l in candidates {
                lines.push(Line {
                    article: l.article,
                    amount: l.amount,
                    interpretation: l.interpretation,
                    text: format!("Mogelijke verklaring: {}", l.text),
                });
            }
            let hint = if difference > 0 {
                format!(
                    "Het officiële saldo is {} hoger: kijk na of een uitschrijving of schrapping vroeger (op of vóór de grensdatum) werd verwerkt, of een overstap als generatiestudent, of een credit die traject niet kent.",
                    sp(difference)
                )
            } else {
                format!(
                    "Het officiële saldo is {} lager: kijk na of alle credits al verwerkt zijn (resultaten van de tweede kans komen later), of een uitschrijving na de grensdatum viel, of de bonus al eerder gebruikt werd.",
                    sp(-difference)
                )
            };
            lines.push(Line::note("Art. 8.1", hint));
            found.warn(
                "official-balance-differs",
                "Art. 8.1",
                Some(y.year),
                format!(
                    "Het officiële saldo na {} ({official}) verschilt met {:+} van het berekende ({}).",
                    y.year, difference, row.end
                ),
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
