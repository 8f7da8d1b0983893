//! Comparing the figures of the baseline with any number of scenarios: one
//! row per figure, one cell per outcome (the first is the baseline), each
//! cell with the trace lines that explain its own value.

use crate::dutch::signed;
use crate::model::AcademicYear;
use crate::rules::{
    Article, ExplainMsg, Line, Outcome, ProgrammeOutcome, Ratio, hundredths_dutch, percent_or_dash,
};

/// What a cell holds, so that its difference with the baseline can be said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// The figure does not exist in this outcome (`—`).
    Missing,
    /// Whole SP, or a count.
    Whole(i64),
    /// A percentage in tenths of a percent, as shown (`None`: undefined).
    Percent(Option<i64>),
    /// Hundredths of an SP (tolerance credit).
    Hundredths(i64),
    /// Yes or no (a warning given or not).
    Flag(bool),
    /// A word (a degree of merit).
    Word,
}

/// One figure in one outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The value as shown.
    pub text: String,
    pub quantity: Quantity,
    /// The trace lines of this value alone; where they carry amounts, the
    /// amounts add up to the value.
    pub lines: Vec<Line>,
}

impl Cell {
    fn missing() -> Cell {
        Cell {
            text: "—".into(),
            quantity: Quantity::Missing,
            lines: Vec::new(),
        }
    }

    fn new(text: impl Into<String>, quantity: Quantity, lines: Vec<Line>) -> Cell {
        Cell {
            text: text.into(),
            quantity,
            lines,
        }
    }
}

/// One figure across the compared outcomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRow {
    /// What the figure is, in Dutch, as the row shows it (indented under
    /// its heading).
    pub label: String,
    /// The same, whole (with its programme), for a title.
    pub title: String,
    /// A heading (a programme's name): no values.
    pub heading: bool,
    /// One of the figures a summary always shows (balance, progress,
    /// tolerance left, degree), whether it differs or not.
    pub headline: bool,
    /// The value in each outcome; the first is the baseline.
    pub cells: Vec<Cell>,
    /// Whether any value differs from the baseline's.
    pub differs: bool,
}

impl CompareRow {
    /// Whether the value of outcome `i` differs from the baseline's.
    pub fn differs_at(&self, i: usize) -> bool {
        match (self.cells.first(), self.cells.get(i)) {
            (Some(a), Some(b)) => a.text != b.text,
            _ => false,
        }
    }

    /// The difference of outcome `i` with the baseline, as shown in a
    /// difference column: `+12`, `-6,0`, `+10,0 pp`, `nieuw`, `weg`; empty
    /// when the values are the same.
    pub fn delta(&self, i: usize) -> String {
        if !self.differs_at(i) {
            return String::new();
        }
        let (a, b) = (self.cells[0].quantity, self.cells[i].quantity);
        match (a, b) {
            (Quantity::Whole(x), Quantity::Whole(y)) => signed(y - x),
            (Quantity::Hundredths(x), Quantity::Hundredths(y)) => {
                let d = y - x;
                format!("{}{}", if d > 0 { "+" } else { "" }, hundredths_dutch(d))
            }
            (Quantity::Percent(Some(x)), Quantity::Percent(Some(y))) => {
                let d = y - x;
                let sign = if d > 0 {
                    "+"
                } else if d < 0 {
                    "-"
                } else {
                    ""
                };
                let a = d.unsigned_abs();
                format!("{sign}{},{} pp", a / 10, a % 10)
            }
            (Quantity::Missing | Quantity::Percent(None), _) => "nieuw".into(),
            (_, Quantity::Missing | Quantity::Percent(None)) => "weg".into(),
            (Quantity::Flag(false), Quantity::Flag(true)) => "nieuw".into(),
            (Quantity::Flag(true), Quantity::Flag(false)) => "vervalt".into(),
            _ => "anders".into(),
        }
    }
}

/// Whether any row shows a difference between outcome `i` and the baseline.
pub fn column_differs(rows: &[CompareRow], i: usize) -> bool {
    rows.iter().any(|r| r.differs_at(i))
}

/// Whether a programme of an outcome has anything to show: a unit, SP
/// from a summary line, or progress made before the opening. A programme
/// only listed, or enrolled in without any unit yet, has no table.
fn programme_in_use(o: &Outcome, p: &ProgrammeOutcome) -> bool {
    // SP acquired (on a summary line too) are part of the progress done.
    o.units.iter().any(|u| *u.programme == *p.id)
        || p.years.iter().any(|y| y.taken > 0)
        || p.progress.done() > 0
}

/// The programmes of an outcome that have something to show, in order.
pub fn programmes_in_use(o: &Outcome) -> Vec<&ProgrammeOutcome> {
    o.programmes
        .iter()
        .filter(|p| programme_in_use(o, p))
        .collect()
}

/// The programme `id` of an outcome, when it is in use.
fn in_use<'a>(o: &'a Outcome, id: &str) -> Option<&'a ProgrammeOutcome> {
    o.programme(id).filter(|p| programme_in_use(o, p))
}

/// A percentage in tenths, rounded half up as [`Ratio::percent_1_dutch`].
fn tenths(r: Ratio) -> i64 {
    let n = u128::from(r.num) * 1_000;
    let d = u128::from(r.den);
    i64::try_from((2 * n + d) / (2 * d)).unwrap_or(i64::MAX)
}

fn percent(r: Option<Ratio>, lines: Vec<Line>) -> Cell {
    Cell::new(percent_or_dash(r), Quantity::Percent(r.map(tenths)), lines)
}

fn push(
    rows: &mut Vec<CompareRow>,
    label: String,
    title: String,
    headline: bool,
    cells: Vec<Cell>,
) {
    if cells.iter().all(|c| c.quantity == Quantity::Missing) {
        return;
    }
    let differs = cells.iter().any(|c| c.text != cells[0].text);
    rows.push(CompareRow {
        label,
        title,
        heading: false,
        headline,
        cells,
        differs,
    });
}

fn heading(rows: &mut Vec<CompareRow>, label: String, n: usize) {
    rows.push(CompareRow {
        title: label.clone(),
        label,
        heading: true,
        headline: false,
        cells: vec![Cell::new("", Quantity::Word, Vec::new()); n],
        differs: false,
    });
}

/// The explanation of a balance: the start of the first year, then every
/// year's lines; the amounts add up to the end of `upto`.
fn balance_lines(o: &Outcome, upto: AcademicYear) -> Vec<Line> {
    let rows: Vec<_> = o.ledger.rows.iter().filter(|r| r.year <= upto).collect();
    let mut lines = Vec::new();
    if let Some(first) = rows.first() {
        lines.push(Line::amount(
            Article::NONE,
            first.start,
            ExplainMsg::Start {
                year: first.year,
                balance: first.start,
            }
            .into(),
        ));
    }
    for r in rows {
        lines.push(Line::note(
            Article::NONE,
            ExplainMsg::Year {
                year: r.year,
                start: r.start,
                end: r.end,
            }
            .into(),
        ));
        lines.extend(r.lines.iter().cloned());
    }
    lines
}

/// The explanation of one year's end: its start, then its lines.
fn year_end_lines(r: &crate::rules::LedgerRow) -> Vec<Line> {
    let mut lines = vec![Line::amount(
        Article::NONE,
        r.start,
        ExplainMsg::Start {
            year: r.year,
            balance: r.start,
        }
        .into(),
    )];
    lines.extend(r.lines.iter().cloned());
    lines
}

fn sorted<T: Ord + Clone>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = items.collect();
    v.sort();
    v.dedup();
    v
}

/// Removes a heading that no row followed.
fn close_group(rows: &mut Vec<CompareRow>) {
    if rows.last().is_some_and(|r| r.heading) {
        rows.pop();
    }
}

/// Every figure of the outcomes side by side, under headings; the first
/// outcome is the baseline.
pub fn compare(outcomes: &[&Outcome]) -> Vec<CompareRow> {
    let mut rows = Vec::new();
    if outcomes.is_empty() {
        return rows;
    }
    let n = outcomes.len();
    heading(&mut rows, "Leerkrediet".into(), n);
    push(
        &mut rows,
        "  saldo".into(),
        "Leerkrediet: saldo".into(),
        true,
        outcomes
            .iter()
            .map(|o| {
                let lines = match o.ledger.rows.last() {
                    Some(last) => balance_lines(o, last.year),
                    None => Vec::new(),
                };
                Cell::new(
                    o.ledger.balance.to_string(),
                    Quantity::Whole(o.ledger.balance),
                    lines,
                )
            })
            .collect(),
    );
    let years = sorted(
        outcomes
            .iter()
            .flat_map(|o| o.ledger.rows.iter().map(|r| r.year)),
    );
    for y in &years {
        push(
            &mut rows,
            format!("  einde {y}"),
            format!("Leerkrediet einde {y}"),
            false,
            outcomes
                .iter()
                .map(|o| match o.ledger_row(*y) {
                    Some(r) => {
                        Cell::new(r.end.to_string(), Quantity::Whole(r.end), year_end_lines(r))
                    }
                    None => Cell::missing(),
                })
                .collect(),
        );
    }
    close_group(&mut rows);
    heading(&mut rows, "Studievoortgang (Art. 13.1)".into(), n);
    let progress_years = sorted(
        outcomes
            .iter()
            .flat_map(|o| o.study_progress.iter().map(|p| p.year)),
    );
    for y in &progress_years {
        push(
            &mut rows,
            format!("  {y}"),
            format!("Studievoortgang {y} (Art. 13.1)"),
            false,
            outcomes
                .iter()
                .map(|o| match o.study_progress.iter().find(|p| p.year == *y) {
                    Some(p) => percent(p.efficiency, p.lines.clone()),
                    None => Cell::missing(),
                })
                .collect(),
        );
    }
    close_group(&mut rows);
    // Programmes in the order the outcomes list them, those in use only.
    let mut ids: Vec<String> = Vec::new();
    for o in outcomes {
        for p in programmes_in_use(o) {
            if !ids.contains(&p.id) {
                ids.push(p.id.clone());
            }
        }
    }
    for id in &ids {
        let (name, size) = outcomes
            .iter()
            .find_map(|o| in_use(o, id).map(|p| (p.name.clone(), p.size)))
            .unwrap_or_default();
        heading(&mut rows, format!("{name} ({size} SP)"), n);
        let pyears = sorted(
            outcomes
                .iter()
                .filter_map(|o| in_use(o, id))
                .flat_map(|p| p.years.iter().map(|y| y.year)),
        );
        for y in pyears {
            for (short, long, cumulative) in
                [("SE", "SE", false), ("SE cum.", "SE cumulatief", true)]
            {
                push(
                    &mut rows,
                    format!("  {short} {y}"),
                    format!("{name}: {long} {y}"),
                    false,
                    outcomes
                        .iter()
                        .map(|o| {
                            match in_use(o, id).and_then(|p| p.years.iter().find(|x| x.year == y)) {
                                Some(x) => percent(
                                    if cumulative {
                                        x.cumulative
                                    } else {
                                        x.efficiency
                                    },
                                    x.lines.clone(),
                                ),
                                None => Cell::missing(),
                            }
                        })
                        .collect(),
                );
            }
        }
        push(
            &mut rows,
            "  klaar".into(),
            format!("{name}: klaar (credit + vrijstelling + tolerantie)"),
            true,
            outcomes
                .iter()
                .map(|o| match in_use(o, id) {
                    Some(p) => Cell::new(
                        format!("{} van {}", p.progress.done(), p.size),
                        Quantity::Whole(p.progress.done() as i64),
                        p.lines.clone(),
                    ),
                    None => Cell::missing(),
                })
                .collect(),
        );
        push(
            &mut rows,
            "  tolerantie over".into(),
            format!("{name}: tolerantiekrediet over"),
            true,
            outcomes
                .iter()
                .map(|o| match in_use(o, id).and_then(|p| p.tolerance.as_ref()) {
                    Some(t) => Cell::new(
                        format!(
                            "{} van {}",
                            hundredths_dutch(t.remaining_hundredths()),
                            hundredths_dutch(t.available_hundredths)
                        ),
                        Quantity::Hundredths(t.remaining_hundredths()),
                        t.lines.clone(),
                    ),
                    None => Cell::missing(),
                })
                .collect(),
        );
        push(
            &mut rows,
            "  graad".into(),
            format!("{name}: graad van verdienste"),
            true,
            outcomes
                .iter()
                .map(|o| match in_use(o, id).and_then(|p| p.merit.as_ref()) {
                    Some(m) => Cell::new(
                        m.degree
                            .map(|d| d.dutch().to_string())
                            .unwrap_or_else(|| "geen".into()),
                        Quantity::Word,
                        m.lines.clone(),
                    ),
                    None => Cell::missing(),
                })
                .collect(),
        );
        close_group(&mut rows);
    }
    heading(&mut rows, "Waarschuwingen en fouten".into(), n);
    let warnings = sorted(
        outcomes
            .iter()
            .flat_map(|o| o.warnings.iter().map(|w| (w.year, w.code.key()))),
    );
    for (year, code) in warnings {
        let found = |o: &&Outcome| -> Option<crate::rules::Warning> {
            o.warnings
                .iter()
                .find(|w| w.year == year && w.code.key() == code)
                .cloned()
        };
        let Some(first) = outcomes.iter().find_map(found) else {
            continue;
        };
        push(
            &mut rows,
            format!("  ⚠ {}", crate::dutch::title(first.code)),
            match year {
                Some(y) => format!("Waarschuwing {y}"),
                None => "Waarschuwing".into(),
            },
            false,
            outcomes
                .iter()
                .map(|o| match found(o) {
                    Some(w) => Cell::new("ja", Quantity::Flag(true), vec![w.line()]),
                    None => Cell::new(
                        "nee",
                        Quantity::Flag(false),
                        vec![Line::note(
                            Article::NONE,
                            ExplainMsg::NotHere(Box::new(first.msg.clone())).into(),
                        )],
                    ),
                })
                .collect(),
        );
    }
    if outcomes.iter().any(|o| !o.errors.is_empty()) {
        push(
            &mut rows,
            "  ✗ fouten in het dossier".into(),
            "Fouten in het dossier".into(),
            false,
            outcomes
                .iter()
                .map(|o| {
                    let k = o.errors.len();
                    Cell::new(
                        match k {
                            0 => "geen".to_string(),
                            1 => "1 fout".to_string(),
                            k => format!("{k} fouten"),
                        },
                        Quantity::Whole(k as i64),
                        o.errors.iter().map(|e| e.line()).collect(),
                    )
                })
                .collect(),
        );
    }
    close_group(&mut rows);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Case, Mark, Scenario, apply_scenario};
    use crate::params::Params;

    fn w01() -> Case {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/W01.ron");
        crate::casefile::load_case(std::path::Path::new(path)).unwrap()
    }

    fn outcome(case: &Case) -> Outcome {
        crate::rules::compute(
            case,
            &Params::default(),
            crate::rules::effective_as_of(case),
        )
    }

    fn of(case: &Case, s: &Scenario) -> Outcome {
        outcome(&apply_scenario(case, s).0)
    }

    #[test]
    fn each_column_explains_its_own_balance_and_its_lines_add_up_to_it() {
        let case = w01();
        let base = outcome(&case);
        let scenarios: Vec<Outcome> = case.scenarios.iter().map(|s| of(&case, s)).collect();
        let mut all = vec![&base];
        all.extend(scenarios.iter());
        let rows = compare(&all);
        for row in rows.iter().filter(|r| r.title.starts_with("Leerkrediet")) {
            for cell in &row.cells {
                if let Quantity::Whole(v) = cell.quantity {
                    let sum: i64 = cell.lines.iter().filter_map(|l| l.amount).sum();
                    assert_eq!(sum, v, "{}: {:?}", row.title, cell.lines);
                }
            }
        }
        let balance = rows
            .iter()
            .find(|r| r.title == "Leerkrediet: saldo")
            .unwrap();
        assert_eq!(
            balance
                .cells
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["188", "200", "188", "182"]
        );
        assert_eq!(balance.delta(1), "+12");
        assert_eq!(balance.delta(2), "");
        assert_eq!(balance.delta(3), "-6");
    }

    #[test]
    fn wherever_an_explanation_carries_amounts_they_add_up_to_its_cell() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "ron") {
                continue;
            }
            let case = crate::casefile::load_case(&path).unwrap();
            let base = outcome(&case);
            let scenarios: Vec<Outcome> = case.scenarios.iter().map(|s| of(&case, s)).collect();
            let mut all = vec![&base];
            all.extend(scenarios.iter());
            for row in compare(&all) {
                for cell in &row.cells {
                    if !cell.lines.iter().any(|l| l.amount.is_some_and(|a| a != 0)) {
                        continue;
                    }
                    let sum: i64 = cell.lines.iter().filter_map(|l| l.amount).sum();
                    assert_eq!(
                        cell.quantity,
                        Quantity::Whole(sum),
                        "{}: {}: {:?}",
                        path.display(),
                        row.title,
                        cell.lines
                    );
                }
            }
        }
    }

    #[test]
    fn differences_are_said_per_kind_of_figure() {
        let case = w01();
        let base = outcome(&case);
        let september = of(&case, &case.scenarios[0]);
        let tolerated = of(&case, &case.scenarios[1]);
        let rows = compare(&[&base, &september, &tolerated]);
        let row = |title: &str| rows.iter().find(|r| r.title == title).unwrap();
        assert_eq!(row("Chemie: SE 2017-2018").delta(1), "+10,0 pp");
        assert_eq!(row("Chemie: tolerantiekrediet over").delta(2), "-6,0");
        assert_eq!(
            row("Chemie: klaar (credit + vrijstelling + tolerantie)").delta(2),
            "+6"
        );
        assert!(column_differs(&rows, 1) && column_differs(&rows, 2));
        // No errors anywhere: no row of errors.
        assert!(!rows.iter().any(|r| r.title == "Fouten in het dossier"));
    }

    #[test]
    fn a_scenario_without_effect_differs_nowhere_and_unused_programmes_have_no_rows() {
        let mut case = w01();
        case.programmes.push(crate::model::Programme::new(
            "VG",
            "Vastgoed",
            crate::model::ProgrammeKind::Bachelor,
            180,
        ));
        let same = Scenario {
            name: "hetzelfde".into(),
            note: String::new(),
            changes: vec![crate::model::Change::SetResult {
                year: AcademicYear(2017),
                programme: "CH".into(),
                code: "CH-FYS".into(),
                chance: crate::model::Chance::First,
                mark: Some(Mark::whole(13)),
            }],
        };
        let base = outcome(&case);
        let rows = compare(&[&base, &of(&case, &same)]);
        assert!(!column_differs(&rows, 1));
        assert!(!rows.iter().any(|r| r.label.contains("Vastgoed")));
    }

    fn row_of(quantities: &[(&str, Quantity)]) -> CompareRow {
        CompareRow {
            label: "x".into(),
            title: "x".into(),
            heading: false,
            headline: false,
            cells: quantities
                .iter()
                .map(|(t, q)| Cell::new(*t, *q, Vec::new()))
                .collect(),
            differs: true,
        }
    }

    /// The difference column: a sign only for a real difference, in
    /// percentage points with one decimal.
    #[test]
    fn a_percentage_difference_has_its_sign() {
        let p = |t: i64| (t.to_string(), Quantity::Percent(Some(t)));
        let texts: Vec<(String, Quantity)> = vec![p(500), p(620), p(455), p(501)];
        let cells: Vec<(&str, Quantity)> = texts.iter().map(|(t, q)| (t.as_str(), *q)).collect();
        let row = row_of(&cells);
        assert_eq!(row.delta(1), "+12,0 pp");
        assert_eq!(row.delta(2), "-4,5 pp");
        assert_eq!(row.delta(3), "+0,1 pp");
        let same = row_of(&[
            ("50,0 %", Quantity::Percent(Some(500))),
            ("50,0 % ", Quantity::Percent(Some(500))),
        ]);
        assert_eq!(same.delta(1), "0,0 pp");
        let h = row_of(&[
            ("1", Quantity::Hundredths(100)),
            ("2", Quantity::Hundredths(-50)),
        ]);
        assert_eq!(h.delta(1), "-1,5");
    }

    /// A programme has a table in the comparison when it has units, SP
    /// taken or acquired on a summary line, or progress before the
    /// opening; one only listed has none.
    #[test]
    fn only_programmes_with_something_to_show_are_compared() {
        use crate::model::{EarlierProgress, Programme, ProgrammeKind, Summary};
        use crate::rules::testkit::*;
        let in_use = |c: &Case| -> Vec<String> {
            programmes_in_use(&run(c))
                .iter()
                .map(|p| p.id.to_string())
                .collect()
        };
        let summary = |taken: u32, acquired: u32| Summary {
            programme: "VG".into(),
            contract: Default::default(),
            taken,
            acquired,
            exempted: 0,
            tolerated: 0,
        };
        let base = || {
            let mut c = case(vec![
                year(2016, vec![]),
                year(2017, vec![enrolment("CH", units("U", 2, 6, Some(12)))]),
            ]);
            c.programmes.push(Programme::new(
                "VG",
                "Vastgoed",
                ProgrammeKind::Bachelor,
                180,
            ));
            c
        };
        // Only listed, or on a summary line of 0 SP.
        assert_eq!(in_use(&base()), vec!["CH"]);
        let mut c = base();
        c.years[0].summaries.push(summary(0, 0));
        assert_eq!(in_use(&c), vec!["CH"]);
        // A summary line taking SP, or one acquiring SP.
        for (taken, acquired) in [(6, 0), (0, 6)] {
            let mut c = base();
            c.years[0].summaries.push(summary(taken, acquired));
            assert_eq!(in_use(&c), vec!["CH", "VG"], "{taken}/{acquired}");
        }
        // Progress stated at the opening.
        let mut c = base();
        c.years.remove(0);
        c.opening = Some(crate::model::Opening {
            year: crate::model::AcademicYear(2017),
            balance: 140,
            bonus_granted: 0,
            rebuilds: vec![],
            progress: vec![EarlierProgress {
                programme: "VG".into(),
                taken: 12,
                acquired: 12,
                exempted: 0,
                tolerated: 0,
            }],
        });
        assert_eq!(in_use(&c), vec!["CH", "VG"]);
    }

    /// The difference column names what appears or goes: a figure that
    /// only one side has is "nieuw" or "weg", a warning that comes is
    /// "nieuw", one that goes "vervalt".
    #[test]
    fn a_figure_or_warning_that_comes_or_goes_is_named() {
        let table = [
            (Quantity::Missing, Quantity::Whole(3), "nieuw"),
            (
                Quantity::Percent(None),
                Quantity::Percent(Some(500)),
                "nieuw",
            ),
            (Quantity::Whole(3), Quantity::Missing, "weg"),
            (Quantity::Percent(Some(500)), Quantity::Percent(None), "weg"),
            (Quantity::Flag(false), Quantity::Flag(true), "nieuw"),
            (Quantity::Flag(true), Quantity::Flag(false), "vervalt"),
            (Quantity::Word, Quantity::Word, "anders"),
        ];
        for (a, b, word) in table {
            assert_eq!(
                row_of(&[("a", a), ("b", b)]).delta(1),
                word,
                "{a:?} → {b:?}"
            );
        }
    }

    /// Two cases of Chemie: 2016 and 2017 with credits, the second with a
    /// fail in 2017; `warn` adds warnings (code, year) to an outcome.
    fn two_years(fail: bool) -> Outcome {
        use crate::rules::testkit::*;
        let grade = if fail { 5 } else { 12 };
        let mut y17 = units("B", 4, 6, Some(12));
        y17.push(unit("F", 6, Some(grade)));
        run(&case(vec![
            year(2016, vec![enrolment("CH", units("A", 5, 6, Some(12)))]),
            year(2017, vec![enrolment("CH", y17)]),
        ]))
    }

    fn warn(mut o: Outcome, list: &[(crate::rules::Code, i32)]) -> Outcome {
        for (code, y) in list {
            o.warnings.push(crate::rules::Warning {
                code: *code,
                year: Some(AcademicYear(*y)),
                msg: crate::rules::msg::LedgerMsg::NoBonusAfterRebuild.into(),
            });
        }
        o
    }

    /// The comparison's shape: a heading per group (with no values), the
    /// rows under it, each row marked when a value differs from the
    /// baseline's; a group with no rows (no warnings anywhere) has no
    /// heading either. Each year's study progress is that year's own.
    #[test]
    fn rows_come_under_headings_and_say_whether_they_differ() {
        let (base, failed) = (two_years(false), two_years(true));
        let rows = compare(&[&base, &failed]);
        let headings: Vec<&str> = rows
            .iter()
            .filter(|r| r.heading)
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(
            headings,
            [
                "Leerkrediet",
                "Studievoortgang (Art. 13.1)",
                "Chemie (180 SP)"
            ]
        );
        assert!(
            rows.iter()
                .filter(|r| r.heading)
                .all(|r| r.cells.iter().all(|c| c.text.is_empty()))
        );
        assert_eq!(rows[0].label, "Leerkrediet");
        let row = |title: &str| rows.iter().find(|r| r.title == title).expect(title);
        let texts = |title: &str| -> Vec<String> {
            row(title).cells.iter().map(|c| c.text.clone()).collect()
        };
        assert_eq!(
            texts("Studievoortgang 2016-2017 (Art. 13.1)"),
            ["100,0 %", "100,0 %"]
        );
        assert_eq!(
            texts("Studievoortgang 2017-2018 (Art. 13.1)"),
            ["100,0 %", "80,0 %"]
        );
        assert!(!row("Studievoortgang 2016-2017 (Art. 13.1)").differs);
        assert!(row("Studievoortgang 2017-2018 (Art. 13.1)").differs);
        assert!(!row("Leerkrediet einde 2016-2017").differs);
        assert!(row("Leerkrediet: saldo").differs);
    }

    /// A warning row is one (year, code): each outcome says "ja" only for
    /// that code in that year — not the same code in another year, nor
    /// another code in the same year.
    #[test]
    fn a_warning_row_is_one_code_in_one_year() {
        use crate::rules::Code::{BindingConditions, EnrolmentRefused};
        let base = warn(two_years(false), &[(BindingConditions, 2016)]);
        let other = warn(
            two_years(false),
            &[(BindingConditions, 2017), (EnrolmentRefused, 2016)],
        );
        let rows = compare(&[&base, &other]);
        let warnings: Vec<(String, Vec<String>)> = rows
            .iter()
            .skip_while(|r| r.label != "Waarschuwingen en fouten")
            .skip(1)
            .map(|r| {
                (
                    r.title.clone(),
                    r.cells.iter().map(|c| c.text.clone()).collect(),
                )
            })
            .collect();
        let t = |y: &str, a: &str, b: &str| (format!("Waarschuwing {y}"), vec![a.into(), b.into()]);
        assert_eq!(
            warnings,
            vec![
                t("2016-2017", "ja", "nee"),
                t("2016-2017", "nee", "ja"),
                t("2017-2018", "nee", "ja"),
            ]
        );
    }
}
