//! Comparing the figures of the baseline with one or two scenarios.

use crate::rules::{Line, Outcome, hundredths_dutch, percent_or_dash};

/// One figure across the compared outcomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRow {
    /// What the figure is, in Dutch.
    pub label: String,
    /// Its value in each outcome (`—` where it does not exist).
    pub values: Vec<String>,
    /// Whether any value differs from the first (the baseline).
    pub differs: bool,
    /// The trace lines of the figure in each outcome.
    pub lines: Vec<Vec<Line>>,
}

fn push(rows: &mut Vec<CompareRow>, label: String, cells: Vec<(String, Vec<Line>)>) {
    let differs = cells.iter().any(|(v, _)| *v != cells[0].0);
    let (values, lines) = cells.into_iter().unzip();
    rows.push(CompareRow {
        label,
        values,
        differs,
        lines,
    });
}

/// Every figure of the outcomes side by side; the first outcome is the
/// baseline.
pub fn compare(outcomes: &[&Outcome]) -> Vec<CompareRow> {
    let mut rows = Vec::new();
    if outcomes.is_empty() {
        return rows;
    }
    push(
        &mut rows,
        "Leerkrediet: saldo".into(),
        outcomes
            .iter()
            .map(|o| {
                (
                    o.ledger.balance.to_string(),
                    o.ledger
                        .rows
                        .last()
                        .map(|r| r.lines.clone())
                        .unwrap_or_default(),
                )
            })
            .collect(),
    );
    let mut years: Vec<_> = outcomes
        .iter()
        .flat_map(|o| o.ledger.rows.iter().map(|r| r.year))
        .collect();
    years.sort();
    years.dedup();
    for y in &years {
        let row = |o: &Outcome| o.ledger_row(*y).cloned();
        type Field = (&'static str, fn(&crate::rules::LedgerRow) -> i64);
        let fields: [Field; 7] = [
            ("opbouw", |r| r.rebuild),
            ("opgenomen", |r| -r.taken),
            ("terug", |r| r.refunded),
            ("verworven", |r| r.acquired),
            ("bonus", |r| r.bonus),
            ("master", |r| r.master),
            ("einde", |r| r.end),
        ];
        for (name, f) in fields {
            let cells: Vec<(String, Vec<Line>)> = outcomes
                .iter()
                .map(|o| match row(o) {
                    Some(r) => (f(&r).to_string(), r.lines.clone()),
                    None => ("—".into(), Vec::new()),
                })
                .collect();
            // Only the end always; the movements where they are not all 0.
            if name == "einde" || cells.iter().any(|(v, _)| v != "0" && v != "—") {
                push(&mut rows, format!("{y} {name}"), cells);
            }
        }
    }
    let mut ids: Vec<String> = outcomes
        .iter()
        .flat_map(|o| o.programmes.iter().map(|p| p.id.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    for id in &ids {
        let name = outcomes
            .iter()
            .find_map(|o| o.programme(id).map(|p| p.name.clone()))
            .unwrap_or_default();
        let mut pyears: Vec<_> = outcomes
            .iter()
            .filter_map(|o| o.programme(id))
            .flat_map(|p| p.years.iter().map(|y| y.year))
            .collect();
        pyears.sort();
        pyears.dedup();
        for y in pyears {
            let cell = |o: &Outcome, cumulative: bool| match o
                .programme(id)
                .and_then(|p| p.years.iter().find(|x| x.year == y))
            {
                Some(x) => (
                    percent_or_dash(if cumulative {
                        x.cumulative
                    } else {
                        x.efficiency
                    }),
                    x.lines.clone(),
                ),
                None => ("—".into(), Vec::new()),
            };
            push(
                &mut rows,
                format!("{name} {y} SE"),
                outcomes.iter().map(|o| cell(o, false)).collect(),
            );
            push(
                &mut rows,
                format!("{name} {y} SE cumulatief"),
                outcomes.iter().map(|o| cell(o, true)).collect(),
            );
        }
        let tol = |o: &Outcome| o.programme(id).and_then(|p| p.tolerance.clone());
        if outcomes.iter().any(|o| tol(o).is_some()) {
            push(
                &mut rows,
                format!("{name} tolerantie over"),
                outcomes
                    .iter()
                    .map(|o| match tol(o) {
                        Some(t) => (
                            format!(
                                "{} van {}",
                                hundredths_dutch(t.remaining_hundredths()),
                                hundredths_dutch(t.available_hundredths)
                            ),
                            t.lines.clone(),
                        ),
                        None => ("—".into(), Vec::new()),
                    })
                    .collect(),
            );
        }
        push(
            &mut rows,
            format!("{name} klaar (credit + vrijstelling + tolerantie)"),
            outcomes
                .iter()
                .map(|o| match o.programme(id) {
                    Some(p) => (
                        format!("{} van {}", p.progress.done(), p.size),
                        p.lines.clone(),
                    ),
                    None => ("—".into(), Vec::new()),
                })
                .collect(),
        );
        if outcomes
            .iter()
            .any(|o| o.programme(id).is_some_and(|p| p.merit.is_some()))
        {
            push(
                &mut rows,
                format!("{name} graad van verdienste"),
                outcomes
                    .iter()
                    .map(|o| match o.programme(id).and_then(|p| p.merit.as_ref()) {
                        Some(m) => (
                            m.degree
                                .map(|d| d.dutch().to_string())
                                .unwrap_or_else(|| "geen".into()),
                            m.lines.clone(),
                        ),
                        None => ("—".into(), Vec::new()),
                    })
                    .collect(),
            );
        }
    }
    let mut warnings: Vec<(Option<crate::model::AcademicYear>, &'static str)> = outcomes
        .iter()
        .flat_map(|o| o.warnings.iter().map(|w| (w.year, w.code.key())))
        .collect();
    warnings.sort();
    warnings.dedup();
    for (year, code) in warnings {
        let title = crate::rules::Code::ALL
            .iter()
            .find(|c| c.key() == code)
            .map_or(code, |c| crate::dutch::title(*c));
        let label = match year {
            Some(y) => format!("⚠ {title} {y}"),
            None => format!("⚠ {title}"),
        };
        push(
            &mut rows,
            label,
            outcomes
                .iter()
                .map(|o| {
                    match o
                        .warnings
                        .iter()
                        .find(|w| w.year == year && w.code.key() == code)
                    {
                        Some(w) => ("ja".to_string(), vec![w.line()]),
                        None => ("nee".to_string(), Vec::new()),
                    }
                })
                .collect(),
        );
    }
    push(
        &mut rows,
        "fouten in het dossier".into(),
        outcomes
            .iter()
            .map(|o| {
                (
                    o.errors.len().to_string(),
                    o.errors.iter().map(|e| e.line()).collect(),
                )
            })
            .collect(),
    );
    rows
}
