//! The rows each pane shows, derived from the case (never stored).

use crate::dutch::signed;
use crate::rules::{Ledger, LedgerRow, Line, Outcome, Target, hundredths_dutch, percent_or_dash};

use super::app::App;
use super::explain::{self, WhyRow};

/// A row of the withdrawals pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WithdrawalRow {
    /// A programme enrolment of the year: `(year, enrolment)`.
    Enrolment(usize, usize),
    /// A unit of the context enrolment: `(year, enrolment, unit)`.
    Unit(usize, usize, usize),
}

/// A row of the student pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StudentRow {
    Student,
    Opening,
    /// A programme's progress before the opening year.
    EarlierProgress(usize),
    Event(usize),
    NewEvent,
    Programme(usize),
    NewProgramme,
}

/// The units of the context enrolment, as `(year, enrolment, unit)`.
pub fn unit_rows(app: &App) -> Vec<(usize, usize, usize)> {
    let (Some(doc), Some((y, Some(e)))) = (&app.doc, app.context_enrolment()) else {
        return Vec::new();
    };
    (0..doc.case.years[y].enrolments[e].units.len())
        .map(|u| (y, e, u))
        .collect()
}

/// The rows of the withdrawals pane.
pub fn withdrawal_rows(app: &App) -> Vec<WithdrawalRow> {
    let (Some(doc), Some((y, context))) = (&app.doc, app.context_enrolment()) else {
        return Vec::new();
    };
    let mut rows: Vec<WithdrawalRow> = (0..doc.case.years[y].enrolments.len())
        .map(|e| WithdrawalRow::Enrolment(y, e))
        .collect();
    if let Some(e) = context {
        rows.extend(
            (0..doc.case.years[y].enrolments[e].units.len()).map(|u| WithdrawalRow::Unit(y, e, u)),
        );
    }
    rows
}

/// The rows of the student pane.
pub fn student_rows(app: &App) -> Vec<StudentRow> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    let mut rows = vec![StudentRow::Student, StudentRow::Opening];
    if doc.case.opening.is_some() {
        rows.extend((0..doc.case.programmes.len()).map(StudentRow::EarlierProgress));
    }
    rows.extend((0..doc.case.events.len()).map(StudentRow::Event));
    rows.push(StudentRow::NewEvent);
    rows.extend((0..doc.case.programmes.len()).map(StudentRow::Programme));
    rows.push(StudentRow::NewProgramme);
    rows
}

/// How a figure is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureKind {
    Heading,
    Figure,
    /// A goal of the year in progress ("wat moet je nog halen?").
    Target,
    Warning,
    /// A refused enrolment (8.1 §10): stands out most.
    Refusal,
    Error,
}

/// Where a figure's explanation comes from. The rows are built only when
/// the "Waarom?" opens ([`Why::rows`]): a case with 50 000 units has some
/// 16 000 figures, and building every explanation on each keystroke would
/// cost more than computing them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why<'a> {
    /// Trace lines of the outcome, with their total.
    Lines(&'a [Line]),
    /// Trace lines made for this item (a warning's, an error's).
    Owned(Vec<Line>),
    /// The whole story of the balance, from its start.
    Balance(&'a Ledger),
    /// One year of the ledger, from its start to its end.
    LedgerRow(&'a LedgerRow),
    /// Every goal of the year in progress.
    Targets(&'a [Target]),
}

impl Why<'_> {
    /// The rows of the "Waarom?" view.
    pub fn rows(&self) -> Vec<WhyRow> {
        match self {
            Why::Lines(lines) => explain::lines(lines),
            Why::Owned(lines) => explain::lines(lines),
            Why::Balance(ledger) => explain::balance(ledger),
            Why::LedgerRow(row) => explain::ledger_row(row),
            Why::Targets(targets) => explain::lines(
                &targets
                    .iter()
                    .flat_map(|t| t.lines.iter().cloned())
                    .collect::<Vec<_>>(),
            ),
        }
    }
}

impl<'a> From<&'a Vec<Line>> for Why<'a> {
    fn from(lines: &'a Vec<Line>) -> Self {
        Why::Lines(lines)
    }
}

impl From<Vec<Line>> for Why<'_> {
    fn from(lines: Vec<Line>) -> Self {
        Why::Owned(lines)
    }
}

/// One selectable line of the figures pane, with its explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureItem<'a> {
    pub kind: FigureKind,
    pub text: String,
    /// Title of the "Waarom?" view.
    pub title: String,
    /// Its explanation (built when asked for).
    pub why: Why<'a>,
    /// The units it is about (a goal's smallest set), highlighted in the
    /// units pane while it is selected.
    pub units: Vec<(crate::model::AcademicYear, String)>,
}

/// `17-18` for 2017-2018, where a pane is narrow.
fn short_year(y: crate::model::AcademicYear) -> String {
    format!(
        "{:02}-{:02}",
        y.0.rem_euclid(100),
        (y.0 + 1).rem_euclid(100)
    )
}

fn item<'a>(
    kind: FigureKind,
    text: String,
    title: String,
    lines: impl Into<Why<'a>>,
) -> FigureItem<'a> {
    FigureItem {
        kind,
        text,
        title,
        why: lines.into(),
        units: Vec::new(),
    }
}

/// Every figure of the outcome, in the order the pane shows them.
pub fn figure_items(o: &Outcome) -> Vec<FigureItem<'_>> {
    let mut v = Vec::new();
    // Mid-year, what must still be obtained comes first (RULES.md §7).
    if !o.targets.is_empty() {
        v.push(item(
            FigureKind::Heading,
            "Wat moet nog gehaald worden?".into(),
            "Wat moet nog gehaald worden?".into(),
            Why::Targets(&o.targets),
        ));
        // Name the programme only when goals of several programmes show.
        let several = o
            .targets
            .iter()
            .filter_map(|t| t.programme.as_ref())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            > 1;
        for t in &o.targets {
            let what = if t.reachable {
                format!("{} SP ({})", t.need_sp, t.units.join(", "))
            } else {
                "niet meer haalbaar".to_string()
            };
            let programme = t
                .programme
                .as_ref()
                .map(|(_, n)| format!(" ({n})"))
                .unwrap_or_default();
            let shown = if several { programme.as_str() } else { "" };
            v.push(FigureItem {
                kind: FigureKind::Target,
                text: format!("• {}{shown}: {what}", crate::dutch::goal_short(t.goal)),
                title: format!("{}{programme} {}", crate::dutch::goal(t.goal), t.year),
                why: Why::Lines(&t.lines),
                units: t.units.iter().map(|c| (t.year, c.clone())).collect(),
            });
        }
    }
    let provisional = o.ledger.rows.last().is_some_and(|r| r.provisional);
    v.push(FigureItem {
        kind: FigureKind::Heading,
        text: match o.ledger.rows.last() {
            Some(r) if provisional => format!(
                "Leerkrediet: {}, voorlopig (tot {})",
                o.ledger.balance, r.end_if_all_pass
            ),
            _ => format!("Leerkrediet: saldo {}", o.ledger.balance),
        },
        title: "Leerkrediet: saldo".into(),
        why: Why::Balance(&o.ledger),
        units: Vec::new(),
    });
    // The ledger as a table under column headers: the year, its start,
    // what was taken, given back, acquired, the bonus, and its end.
    if !o.ledger.rows.is_empty() {
        v.push(FigureItem {
            kind: FigureKind::Heading,
            text: format!(
                "{:<5} {:>5} {:>5} {:>5} {:>5} {:>5}  {}",
                "jaar", "begin", "opg.", "terug", "verw.", "bonus", "einde"
            ),
            title: "Leerkrediet: saldo".into(),
            why: Why::Balance(&o.ledger),
            units: Vec::new(),
        });
    }
    for r in &o.ledger.rows {
        let mut text = format!(
            "{:<5} {:>5} {:>5} {:>5} {:>5} {:>5}",
            short_year(r.year),
            r.start,
            signed(-r.taken),
            signed(r.refunded),
            signed(r.acquired),
            signed(r.bonus)
        );
        if r.rebuild != 0 {
            text.push_str(&format!(" opb {}", signed(r.rebuild)));
        }
        if r.master != 0 {
            text.push_str(&format!(" ma {}", r.master));
        }
        text.push_str(&format!(" = {}", r.end));
        if !r.enrolled {
            text.push_str(" (niet ingeschr.)");
        }
        if r.provisional {
            text.push_str(&format!(" ≤{}", r.end_if_all_pass));
        }
        v.push(FigureItem {
            kind: FigureKind::Figure,
            text,
            title: format!("Leerkrediet {}", r.year),
            why: Why::LedgerRow(r),
            units: Vec::new(),
        });
    }
    for p in &o.study_progress {
        v.push(item(
            if p.binding_conditions_possible && !p.provisional {
                FigureKind::Warning
            } else {
                FigureKind::Figure
            },
            format!(
                "{} SE alle opl. {}/{} {}{}",
                short_year(p.year),
                p.acquired,
                p.taken,
                percent_or_dash(p.efficiency),
                if p.provisional { " voorl." } else { "" }
            ),
            format!("Studievoortgang {}", p.year),
            &p.lines,
        ));
    }
    // A programme without anything to show (listed, or enrolled in without
    // units yet) has no table.
    for p in crate::rules::programmes_in_use(o) {
        v.push(item(
            FigureKind::Heading,
            format!(
                "{} ({} SP): {} van {} klaar",
                p.name,
                p.size,
                p.progress.done(),
                p.size
            ),
            format!("Voortgang {}", p.name),
            &p.lines,
        ));
        for y in &p.years {
            v.push(item(
                FigureKind::Figure,
                format!(
                    "{} SE {} cum. {}{}{}",
                    short_year(y.year),
                    percent_or_dash(y.efficiency),
                    percent_or_dash(y.cumulative),
                    match y.automatic_trajectory {
                        Some(true) => " traject: ja",
                        Some(false) => " traject: nee",
                        None => "",
                    },
                    if y.provisional { " voorl." } else { "" }
                ),
                format!("Studie-efficiëntie {} {}", p.name, y.year),
                &y.lines,
            ));
        }
        if let Some(t) = &p.tolerance {
            v.push(item(
                FigureKind::Figure,
                format!(
                    "Tolerantie {}/{} SP, {} over",
                    t.used,
                    hundredths_dutch(t.available_hundredths),
                    hundredths_dutch(t.remaining_hundredths())
                ),
                format!("Tolerantiekrediet {}", p.name),
                &t.lines,
            ));
            for u in &t.units {
                let verdict = format!(
                    "{}{}",
                    crate::dutch::verdict_short(u),
                    if u.provisional { " voorl." } else { "" }
                );
                v.push(item(
                    FigureKind::Figure,
                    format!("  {} {} ({}): {verdict}", u.code, u.sp, u.grade),
                    format!("Tolerantie {} {} ({})", u.code, u.unit, u.year),
                    &u.lines,
                ));
            }
        }
        if let Some(m) = &p.merit {
            v.push(item(
                FigureKind::Figure,
                format!(
                    "Graad: {} {}",
                    percent_or_dash(m.average),
                    m.degree
                        .map(|d| d.dutch().to_string())
                        .or_else(|| m.reason.as_ref().map(crate::dutch::merit_reason))
                        .unwrap_or_default()
                ),
                format!("Graad van verdienste {}", p.name),
                &m.lines,
            ));
        }
    }
    for r in &o.reconciliation {
        v.push(item(
            if r.difference() == 0 {
                FigureKind::Figure
            } else {
                FigureKind::Warning
            },
            format!(
                "{} officieel {} / berekend {}{}",
                short_year(r.year),
                r.official,
                r.computed,
                if r.difference() == 0 {
                    String::from(" ✓")
                } else {
                    format!(" ({:+})", r.difference())
                }
            ),
            format!("Afstemming met Mijn Burgerprofiel {}", r.year),
            &r.lines,
        ));
    }
    for w in &o.warnings {
        let year = w.year.map(|y| format!("{y} ")).unwrap_or_default();
        let (kind, mark) = match w.code.severity() {
            crate::rules::Severity::Refusal => (FigureKind::Refusal, "‼"),
            crate::rules::Severity::Info => (FigureKind::Figure, "ℹ"),
            _ => (FigureKind::Warning, "⚠"),
        };
        v.push(item(
            kind,
            format!("{mark} {year}{}", crate::dutch::title(w.code)),
            crate::dutch::title(w.code).to_string(),
            vec![w.line()],
        ));
    }
    for e in &o.errors {
        v.push(item(
            FigureKind::Error,
            format!("✗ {}: {}", e.place, crate::dutch::title(e.code)),
            format!("Fout in het dossier: {}", e.place),
            vec![e.line()],
        ));
    }
    v
}
