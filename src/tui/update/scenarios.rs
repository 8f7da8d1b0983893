//! Scenarios from quick what-ifs, adopting one into the baseline, the
//! comparison view and the report export.

use super::*;
use crate::rules::{CompareRow, Outcome};
use crate::tui::app::{CompareView, outcome_of};

/// At most this many differences are named in the status line.
const NAMED: usize = 2;

/// What a new scenario changes against the case it was made from, for the
/// status line: the first differences with their values, then how many
/// more; `None` when no figure changes.
fn effect(before: &Outcome, after: &Outcome) -> Option<String> {
    // Figures that were there before and changed; a programme the
    // scenario adds brings new rows that say nothing by themselves.
    let rows: Vec<CompareRow> = crate::rules::compare(&[before, after])
        .into_iter()
        .filter(|r| r.differs && r.cells[0].quantity != crate::rules::Quantity::Missing)
        .collect();
    // A year's end equal to the balance says the same twice.
    let mut seen: Vec<(String, String)> = Vec::new();
    let rows: Vec<CompareRow> = rows
        .into_iter()
        .filter(|r| {
            let key = (r.cells[0].text.clone(), r.cells[1].text.clone());
            let new = !(r.title.starts_with("Leerkrediet") && seen.contains(&key));
            seen.push(key);
            new
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = rows
        .iter()
        .take(NAMED)
        .map(|r| {
            // A new error says what it is.
            if r.title == "Fouten in het dossier"
                && let Some(e) = after.errors.iter().find(|e| {
                    !before
                        .errors
                        .iter()
                        .any(|b| b.code == e.code && b.place == e.place)
                })
            {
                return format!("nieuwe fout ({}): {}", e.place, e.msg);
            }
            let delta = r.delta(1);
            let delta = if delta.starts_with(['+', '-']) {
                format!(" ({delta})")
            } else {
                String::new()
            };
            format!(
                "{} {} → {}{delta}",
                r.title, r.cells[0].text, r.cells[1].text
            )
        })
        .collect();
    if rows.len() > NAMED {
        let more = rows.len() - NAMED;
        parts.push(format!(
            "en nog {more} {}",
            if more == 1 { "cijfer" } else { "cijfers" }
        ));
    }
    let last = parts.pop().unwrap_or_default();
    Some(if parts.is_empty() {
        last
    } else if last.starts_with("en nog") {
        format!("{} {last}", parts.join("; "))
    } else {
        format!("{}; {last}", parts.join("; "))
    })
}

/// Adds a scenario that turns the baseline into `shown`, shows it, and says
/// in the status line what it changes (or why it changes nothing).
pub(super) fn new_scenario(
    app: &mut App,
    name: String,
    note: String,
    shown: &Case,
    what: Option<&whatif::WhatIf>,
) {
    let Some(doc) = &app.doc else { return };
    let changes = crate::model::diff_scenario(&doc.base, shown);
    let mut unique = name.clone();
    let mut n = 2;
    while doc.base.scenario(&unique).is_some() {
        unique = format!("{name} ({n})");
        n += 1;
    }
    let on_top = doc
        .scenario_name()
        .map(|s| format!(" (bovenop scenario «{s}»)"))
        .unwrap_or_default();
    let before = doc.outcome.clone();
    let scenario = crate::model::Scenario {
        name: unique.clone(),
        note,
        changes,
    };
    change_base(app, |base| base.scenarios.push(scenario));
    if let Some(doc) = app.doc.as_mut() {
        doc.active = Some(doc.base.scenarios.len() - 1);
    }
    refresh(app);
    let Some(doc) = &app.doc else { return };
    let text = if what == Some(&whatif::WhatIf::Empty) {
        format!(
            "Scenario «{unique}»: wat u nu wijzigt, blijft in dit scenario; [ toont de basis, c vergelijkt."
        )
    } else {
        match effect(&before, &doc.outcome) {
            Some(changes) => format!("Scenario «{unique}»{on_top}: {changes}. c vergelijkt."),
            None => format!(
                "Scenario «{unique}»{on_top} verandert niets: {}.",
                whatif::why_no_effect(what, &before, &doc.case, &doc.outcome)
            ),
        }
    };
    let hint = match what {
        Some(whatif::WhatIf::Switch { year, .. }) => doc.case.years[*year]
            .enrolments
            .iter()
            .find(|e| e.units.is_empty())
            .map(|e| {
                format!(
                    " Voeg in dit scenario de opleidingsonderdelen van {} toe (Jaren: kies de inschrijving, dan a in Onderdelen).",
                    e.programme
                )
            })
            .unwrap_or_default(),
        _ => String::new(),
    };
    info(app, format!("{text}{hint}"));
}

/// Opens the comparison of the baseline with every scenario; the column of
/// the scenario shown is selected.
pub(super) fn compare(app: &mut App) {
    let Some(doc) = &app.doc else { return };
    if doc.base.scenarios.is_empty() {
        info(
            app,
            "Nog geen scenario's: maak er een met S, of met een wat-als-toets (X, G, T, O, N).",
        );
        return;
    }
    let base_outcome = outcome_of(&doc.base, &app.params, doc.today);
    let mut outcomes = Vec::new();
    let mut stale = vec![0];
    for s in &doc.base.scenarios {
        let (case, gone) = crate::model::apply_scenario(&doc.base, s);
        outcomes.push(outcome_of(&case, &app.params, doc.today));
        stale.push(gone.len());
    }
    let mut all = vec![&base_outcome];
    all.extend(outcomes.iter());
    let mut titles = vec!["basis".to_string()];
    titles.extend(doc.base.scenarios.iter().map(|s| s.name.clone()));
    let rows = crate::rules::compare(&all);
    let selected = rows.iter().position(|r| !r.heading).unwrap_or(0);
    app.overlay = Overlay::Compare(CompareView {
        titles,
        stale,
        rows,
        selected,
        column: doc.active.map_or(1, |i| i + 1),
    });
}

/// The keys of the comparison: rows, columns, and the explanation of one
/// cell.
pub(super) fn compare_command(app: &mut App, c: Command) {
    let Overlay::Compare(v) = &mut app.overlay else {
        return;
    };
    let next_row = |v: &CompareView, down: bool| {
        let mut i = v.selected;
        loop {
            let j = if down {
                i + 1
            } else {
                match i.checked_sub(1) {
                    Some(j) => j,
                    None => return v.selected,
                }
            };
            match v.rows.get(j) {
                Some(r) if r.heading => i = j,
                Some(_) => return j,
                None => return v.selected,
            }
        }
    };
    match c {
        Command::Down => v.selected = next_row(v, true),
        Command::Up => v.selected = next_row(v, false),
        Command::Top => v.selected = v.rows.iter().position(|r| !r.heading).unwrap_or(0),
        Command::Bottom => v.selected = v.rows.iter().rposition(|r| !r.heading).unwrap_or(0),
        Command::NextPane => v.column = (v.column + 1).min(v.titles.len() - 1),
        Command::PrevPane => v.column = v.column.saturating_sub(1),
        Command::Why => {
            let Some(row) = v.rows.get(v.selected) else {
                return;
            };
            let Some(cell) = row.cells.get(v.column) else {
                return;
            };
            // A column's explanation is its own: from where it starts to
            // its figure.
            let mut rows = crate::tui::explain::lines_from(&cell.lines);
            if rows.is_empty() {
                rows.push(WhyRow::Remark(
                    if cell.text == "—" {
                        "Dit cijfer bestaat niet in deze kolom."
                    } else {
                        "Niets te verklaren."
                    }
                    .into(),
                ));
            }
            let base = if v.column > 0 {
                format!(" (basis: {})", row.cells[0].text)
            } else {
                String::new()
            };
            let column = if v.column == 0 {
                "basis".to_string()
            } else {
                format!("{} «{}»", v.column, v.titles[v.column])
            };
            let back = Box::new(v.clone());
            app.overlay = Overlay::Why(Why {
                title: format!("{} · {column}: {}{base}", row.title, cell.text),
                rows,
                scroll: 0,
                back: Some(back),
            });
        }
        _ => app.overlay = Overlay::None,
    }
}

/// Asks whether to make the scenario shown the baseline.
fn ask_adopt(app: &mut App) {
    match app.doc.as_ref().and_then(|d| d.active) {
        Some(index) => super::edits::ask(app, Question::Adopt(index)),
        None => info(
            app,
            "De basis is al de werkelijke geschiedenis; kies met ] het scenario dat u wilt overnemen.",
        ),
    }
}

/// Makes scenario `index` the baseline: its changes become the real
/// history, it leaves the list, the other scenarios stay changes on top of
/// the new baseline. Undo takes it back.
pub(super) fn adopt(app: &mut App, index: usize) {
    let Some(name) = app
        .doc
        .as_ref()
        .and_then(|d| d.base.scenarios.get(index))
        .map(|s| s.name.clone())
    else {
        return;
    };
    change_base(app, |base| {
        let s = base.scenarios.remove(index);
        let (mut adopted, _) = crate::model::apply_scenario(base, &s);
        adopted.scenarios = std::mem::take(&mut base.scenarios);
        *base = adopted;
    });
    if let Some(doc) = app.doc.as_mut() {
        doc.active = None;
    }
    refresh(app);
    info(
        app,
        format!(
            "Scenario «{name}» is nu de basis (de werkelijke geschiedenis); ongedaan maken kan met u."
        ),
    );
}

/// Writes the student report next to the case (or in the data directory),
/// as HTML and as Markdown.
pub(super) fn export(app: &mut App) -> Vec<Effect> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    let scenario = doc.scenario_name().map(str::to_string);
    let slug = |name: &str| {
        crate::store::suggest_file_name(name)
            .trim_end_matches(".ron")
            .to_string()
    };
    let mut stem = doc
        .path
        .as_ref()
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| slug(&doc.base.student.name));
    stem.push_str("-verslag");
    if let Some(s) = &scenario {
        stem.push('-');
        stem.push_str(&slug(s));
    }
    let dir = doc
        .path
        .as_ref()
        .and_then(|p| p.parent())
        .map(|p| p.to_path_buf())
        .unwrap_or_else(|| app.data_dir.clone());
    let s = scenario.as_deref();
    let written = crate::report::report_html(&doc.base, &app.params, s, app.today).and_then(|h| {
        crate::report::report_markdown(&doc.base, &app.params, s, app.today).map(|m| (h, m))
    });
    match written {
        Ok((html, md)) => {
            app.exported.clear();
            vec![
                Effect::Export {
                    path: dir.join(format!("{stem}.html")),
                    contents: html,
                },
                Effect::Export {
                    path: dir.join(format!("{stem}.md")),
                    contents: md,
                },
            ]
        }
        Err(e) => {
            error(app, e);
            Vec::new()
        }
    }
}

/// Which enrolment a what-if on the navigator or the withdrawals pane is
/// about.
fn selected_enrolment(app: &App) -> Option<(usize, usize)> {
    match app.focus {
        Pane::Navigator => match app.nav_rows().get(app.sel.nav) {
            Some(Target::Enrolment(y, e)) => Some((*y, *e)),
            _ => None,
        },
        Pane::Withdrawals => match withdrawal_rows(app).get(app.sel.withdrawals) {
            Some(WithdrawalRow::Enrolment(y, e)) => Some((*y, *e)),
            _ => None,
        },
        _ => None,
    }
}

/// The scenario commands: switching, making, adopting, comparing,
/// exporting, and the quick what-ifs.
pub(super) fn scenario_command(app: &mut App, c: Command) -> Vec<Effect> {
    match c {
        Command::PrevScenario | Command::NextScenario => {
            if let Some(doc) = app.doc.as_mut() {
                let n = doc.base.scenarios.len();
                // Positions: 0 = baseline, 1.. = scenarios.
                let pos = doc.active.map_or(0, |i| i + 1);
                let next = if c == Command::NextScenario {
                    (pos + 1) % (n + 1)
                } else {
                    (pos + n) % (n + 1)
                };
                doc.active = next.checked_sub(1);
                let label = doc
                    .scenario_name()
                    .map_or("de basis (werkelijke geschiedenis)".to_string(), |s| {
                        format!("scenario «{s}»")
                    });
                refresh(app);
                info(app, format!("Nu: {label}."));
            }
        }
        Command::NewScenario => open_form(app, FormTarget::WhatIf(whatif::WhatIf::Empty)),
        Command::EditScenario => match app.doc.as_ref().and_then(|d| d.active) {
            Some(index) => open_form(app, FormTarget::Scenario { index }),
            None => info(
                app,
                "De basis is geen scenario; kies er een met ] of maak er een met S.",
            ),
        },
        Command::AdoptScenario => ask_adopt(app),
        Command::Compare => compare(app),
        Command::Export => return export(app),
        Command::WhatIfWithdraw => {
            let target = match app.focus {
                Pane::Units => selected_unit(app).map(|(y, e, u)| whatif::WhatIf::WithdrawUnit {
                    year: y,
                    enrolment: e,
                    unit: u,
                }),
                Pane::Withdrawals => match withdrawal_rows(app).get(app.sel.withdrawals) {
                    Some(WithdrawalRow::Unit(y, e, u)) => Some(whatif::WhatIf::WithdrawUnit {
                        year: *y,
                        enrolment: *e,
                        unit: *u,
                    }),
                    _ => selected_enrolment(app).map(|(year, enrolment)| {
                        whatif::WhatIf::WithdrawProgramme { year, enrolment }
                    }),
                },
                _ => selected_enrolment(app)
                    .map(|(year, enrolment)| whatif::WhatIf::WithdrawProgramme { year, enrolment }),
            };
            match target {
                Some(w) => open_form(app, FormTarget::WhatIf(w)),
                None => info(app, "Kies een inschrijving of een opleidingsonderdeel."),
            }
        }
        Command::WhatIfGrade => match selected_unit(app) {
            Some((y, e, u)) => open_form(
                app,
                FormTarget::WhatIf(whatif::WhatIf::SecondChance {
                    year: y,
                    enrolment: e,
                    unit: u,
                }),
            ),
            None => info(app, "Kies een opleidingsonderdeel."),
        },
        Command::WhatIfTolerate => {
            if let (Some((y, e, u)), Some(doc)) = (selected_unit(app), &app.doc) {
                let year = &doc.case.years[y];
                let en = &year.enrolments[e];
                let unit = &en.units[u];
                let pending = doc
                    .outcome
                    .unit(year.year, &en.programme, &unit.code)
                    .is_some_and(|o| o.status == crate::rules::UnitStatus::Pending);
                if pending {
                    let code = unit.code.clone();
                    info(
                        app,
                        format!(
                            "{code} heeft nog geen eindresultaat: het jaar loopt nog, er is (nog) geen tekort om te tolereren."
                        ),
                    );
                    return Vec::new();
                }
                let (name, shown) = whatif::tolerate(&doc.case, y, e, u);
                new_scenario(app, name, String::new(), &shown, None);
            }
        }
        Command::WhatIfSwitch => match selected_enrolment(app) {
            Some((year, enrolment)) => open_form(
                app,
                FormTarget::WhatIf(whatif::WhatIf::Switch { year, enrolment }),
            ),
            None => info(app, "Kies een inschrijving in Jaren of Uitschrijvingen."),
        },
        Command::WhatIfNextYear => {
            let enrolment = match app.focus {
                Pane::Navigator | Pane::Units => {
                    app.context_enrolment().and_then(|(y, e)| e.map(|e| (y, e)))
                }
                _ => None,
            };
            match (enrolment, &app.doc) {
                (Some((y, e)), Some(doc)) => match whatif::next_year(&doc.case, &doc.outcome, y, e)
                {
                    Ok((name, shown)) => new_scenario(app, name, String::new(), &shown, None),
                    Err(msg) => error(app, msg),
                },
                _ => info(app, "Kies een inschrijving."),
            }
        }
        _ => {}
    }
    Vec::new()
}
