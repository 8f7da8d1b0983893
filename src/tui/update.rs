//! The pure `update`: one action changes the App; work with files is
//! returned as effects for the runner.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::backend::crossterm::to_input_request;

use crate::model::Case;

use super::action::{Action, Command, Effect, Opened};
use super::app::{App, Document, ListEntry, Overlay, Pane, Question, Screen, Status, Target, Why};
use super::demo;
use super::editing;
use super::form::{FieldKind, FormTarget};
use super::rows::{
    StudentRow, WithdrawalRow, figure_items, student_rows, unit_rows, withdrawal_rows,
};
use super::whatif;

/// The action of a key press in the app's present state.
pub fn key_action(app: &App, key: KeyEvent) -> Option<Action> {
    match &app.overlay {
        Overlay::Form(form) => {
            let choice = form
                .fields
                .get(form.focus)
                .is_some_and(|f| matches!(f.kind, FieldKind::Choice(_) | FieldKind::Bool));
            return Some(match key.code {
                KeyCode::Esc => Action::Cmd(Command::Cancel),
                KeyCode::Enter => Action::Submit,
                KeyCode::Tab | KeyCode::Down => Action::FieldNext,
                KeyCode::BackTab | KeyCode::Up => Action::FieldPrev,
                KeyCode::Left if choice => Action::Cycle(-1),
                KeyCode::Right if choice => Action::Cycle(1),
                _ => Action::Input(to_input_request(&Event::Key(key))?),
            });
        }
        Overlay::Confirm(_) => {
            return match key.code {
                KeyCode::Char('j' | 'J' | 'y' | 'Y') => Some(Action::Answer(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Answer(false)),
                _ => None,
            };
        }
        Overlay::Compare(_) => {
            return match key.code {
                KeyCode::Esc | KeyCode::Char('q' | 'c') => Some(Action::Cmd(Command::Cancel)),
                KeyCode::Down | KeyCode::Char('j') => Some(Action::Cmd(Command::Down)),
                KeyCode::Up | KeyCode::Char('k') => Some(Action::Cmd(Command::Up)),
                KeyCode::Enter | KeyCode::Char('w') => Some(Action::Cmd(Command::Why)),
                _ => None,
            };
        }
        Overlay::Help | Overlay::Why(_) => {
            return match key.code {
                KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | '?' | 'w') => {
                    Some(Action::Cmd(Command::Cancel))
                }
                KeyCode::Down | KeyCode::Char('j') => Some(Action::Cmd(Command::Down)),
                KeyCode::Up | KeyCode::Char('k') => Some(Action::Cmd(Command::Up)),
                _ => None,
            };
        }
        Overlay::None => {}
    }
    if let Screen::LoadError { .. } = app.screen {
        return match key.code {
            KeyCode::Esc | KeyCode::Enter => Some(Action::Cmd(Command::Cancel)),
            KeyCode::Char('q') => Some(Action::Cmd(Command::Quit)),
            _ => None,
        };
    }
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(Action::Cmd(Command::Quit));
    }
    app.keymap.command(app.context(), &key).map(Action::Cmd)
}

fn info(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status {
        text: text.into(),
        error: false,
    });
}

fn error(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status {
        text: text.into(),
        error: true,
    });
}

/// Applies an edit to what is shown. On the baseline the edit changes the
/// baseline; in a scenario it is recorded as the scenario's changes
/// (`diff` against the baseline). The old case goes on the undo stack and
/// every figure is recomputed.
fn edit(app: &mut App, f: impl FnOnce(&mut Case) -> Result<(), String>) -> Result<(), String> {
    let params = app.params.clone();
    let doc = app.doc.as_mut().ok_or("geen dossier open")?;
    let mut shown = doc.case.clone();
    f(&mut shown)?;
    if shown == doc.case {
        return Ok(());
    }
    let mut base = doc.base.clone();
    match doc.active {
        Some(i) => {
            if shown.student != doc.case.student || shown.opening != doc.case.opening {
                return Err("de student en het beginsaldo wijzig je in de basis, niet in een scenario ([ of ] kiest)".into());
            }
            if doc
                .case
                .programmes
                .iter()
                .any(|p| shown.programme(&p.id).is_none())
            {
                return Err("in een scenario kan een opleiding niet verdwijnen".into());
            }
            base.scenarios[i].changes = crate::model::diff_scenario(&doc.base, &shown);
        }
        None => {
            shown.scenarios = std::mem::take(&mut base.scenarios);
            base = shown;
        }
    }
    let old = std::mem::replace(&mut doc.base, base);
    doc.undo.push(old);
    doc.redo.clear();
    doc.refresh(&params);
    clamp(app);
    Ok(())
}

/// Changes the saved case directly (scenarios), with undo.
fn change_base(app: &mut App, f: impl FnOnce(&mut Case)) {
    let params = app.params.clone();
    let Some(doc) = app.doc.as_mut() else { return };
    let mut base = doc.base.clone();
    f(&mut base);
    if base != doc.base {
        doc.undo.push(std::mem::replace(&mut doc.base, base));
        doc.redo.clear();
    }
    doc.refresh(&params);
    clamp(app);
}

fn refresh(app: &mut App) {
    let params = app.params.clone();
    if let Some(doc) = app.doc.as_mut() {
        doc.refresh(&params);
    }
    clamp(app);
}

/// Adds a scenario that turns the baseline into `shown`, and shows it.
fn new_scenario(app: &mut App, name: String, note: String, shown: &Case) {
    let Some(doc) = &app.doc else { return };
    let changes = crate::model::diff_scenario(&doc.base, shown);
    let mut unique = name.clone();
    let mut n = 2;
    while doc.base.scenario(&unique).is_some() {
        unique = format!("{name} ({n})");
        n += 1;
    }
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
    info(
        app,
        format!(
            "Scenario «{unique}»: alle cijfers zijn die van het scenario; [ toont de basis, c vergelijkt."
        ),
    );
}

/// Opens the comparison of the baseline with the scenario shown (and the
/// next one), or with the first two scenarios.
fn compare(app: &mut App) {
    let Some(doc) = &app.doc else { return };
    let n = doc.base.scenarios.len();
    if n == 0 {
        info(
            app,
            "Nog geen scenario's: maak er een met S, of met een wat-als-toets (X, G, T, O, N).",
        );
        return;
    }
    let first = doc.active.unwrap_or(0);
    let picked: Vec<usize> = [first, (first + 1) % n]
        .into_iter()
        .take(n.min(2))
        .collect();
    let base_outcome = super::app::outcome_of(&doc.base, &app.params);
    let outcomes: Vec<crate::rules::Outcome> = picked
        .iter()
        .map(|&i| {
            super::app::outcome_of(
                &crate::model::apply_scenario(&doc.base, &doc.base.scenarios[i]).0,
                &app.params,
            )
        })
        .collect();
    let mut all = vec![&base_outcome];
    all.extend(outcomes.iter());
    let mut titles = vec!["basis".to_string()];
    titles.extend(picked.iter().map(|&i| doc.base.scenarios[i].name.clone()));
    app.overlay = Overlay::Compare(super::app::CompareView {
        titles,
        rows: crate::rules::compare(&all),
        selected: 0,
    });
}

/// Writes the student report next to the case (or in the data directory).
fn export(app: &mut App) -> Vec<Effect> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    let scenario = doc.scenario_name().map(str::to_string);
    let stem = doc
        .path
        .as_ref()
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| {
            crate::store::suggest_file_name(&doc.base.student.name)
                .trim_end_matches(".ron")
                .to_string()
        });
    let dir = doc
        .path
        .as_ref()
        .and_then(|p| p.parent())
        .map(|p| p.to_path_buf())
        .unwrap_or_else(|| app.data_dir.clone());
    match crate::report::report_html(&doc.base, &app.params, scenario.as_deref(), app.today) {
        Ok(contents) => vec![Effect::Export {
            path: dir.join(format!("{stem}-verslag.html")),
            contents,
        }],
        Err(e) => {
            error(app, e);
            Vec::new()
        }
    }
}

/// Keeps every selection inside its pane's rows.
fn clamp(app: &mut App) {
    let n = [
        app.nav_rows().len(),
        unit_rows(app).len(),
        withdrawal_rows(app).len(),
        student_rows(app).len(),
        app.doc
            .as_ref()
            .map_or(0, |d| figure_items(&d.outcome).len()),
    ];
    let s = &mut app.sel;
    s.nav = s.nav.min(n[0].saturating_sub(1));
    s.units = s.units.min(n[1].saturating_sub(1));
    s.results = s.results.min(n[1].saturating_sub(1));
    s.withdrawals = s.withdrawals.min(n[2].saturating_sub(1));
    s.student = s.student.min(n[3].saturating_sub(1));
    s.figures = s.figures.min(n[4].saturating_sub(1));
}

fn rows_in(app: &App, pane: Pane) -> usize {
    match pane {
        Pane::Navigator => app.nav_rows().len(),
        Pane::Units | Pane::Results => unit_rows(app).len(),
        Pane::Withdrawals => withdrawal_rows(app).len(),
        Pane::Student => student_rows(app).len(),
        Pane::Figures => app
            .doc
            .as_ref()
            .map_or(0, |d| figure_items(&d.outcome).len()),
    }
}

fn selected_mut(app: &mut App, pane: Pane) -> &mut usize {
    match pane {
        Pane::Navigator => &mut app.sel.nav,
        Pane::Units => &mut app.sel.units,
        Pane::Results => &mut app.sel.results,
        Pane::Withdrawals => &mut app.sel.withdrawals,
        Pane::Student => &mut app.sel.student,
        Pane::Figures => &mut app.sel.figures,
    }
}

fn open_form(app: &mut App, target: FormTarget) {
    if let Some(doc) = &app.doc {
        let form = editing::build(target, doc, &app.params, app.today);
        app.overlay = Overlay::Form(Box::new(form));
    }
}

fn selected_unit(app: &App) -> Option<(usize, usize, usize)> {
    let rows = unit_rows(app);
    let i = if app.focus == Pane::Results {
        app.sel.results
    } else {
        app.sel.units
    };
    rows.get(i).copied()
}

fn why(app: &mut App) {
    let Some(doc) = &app.doc else { return };
    let o = &doc.outcome;
    let w = match app.focus {
        Pane::Figures => figure_items(o)
            .get(app.sel.figures)
            .map(|f| (f.title.clone(), f.lines.clone())),
        Pane::Units | Pane::Results | Pane::Withdrawals => {
            let unit = match app.focus {
                Pane::Withdrawals => match withdrawal_rows(app).get(app.sel.withdrawals) {
                    Some(WithdrawalRow::Unit(y, e, u)) => Some((*y, *e, *u)),
                    _ => None,
                },
                _ => selected_unit(app),
            };
            match unit {
                Some((y, e, u)) => {
                    let year = &doc.case.years[y];
                    let en = &year.enrolments[e];
                    let code = &en.units[u].code;
                    o.unit(year.year, &en.programme, code).map(|uo| {
                        let mut lines = uo.lines.clone();
                        if lines.is_empty() {
                            lines.push(crate::rules::Line::note(
                                "",
                                "Nog niets te verklaren: geen resultaat, geen uitschrijving.",
                            ));
                        }
                        (
                            format!("{} {} ({})", code, en.units[u].name, year.year),
                            lines,
                        )
                    })
                }
                None => None,
            }
        }
        Pane::Navigator | Pane::Student => app
            .context_year()
            .and_then(|y| o.ledger_row(y))
            .map(|r| (format!("Leerkrediet {}", r.year), r.lines.clone())),
    };
    match w {
        Some((title, lines)) => {
            app.overlay = Overlay::Why(Why {
                title,
                lines,
                scroll: 0,
            })
        }
        None => info(app, "Selecteer een cijfer om het te laten uitleggen."),
    }
}

fn add(app: &mut App) {
    let Some(doc) = &app.doc else { return };
    let case = &doc.case;
    match app.focus {
        Pane::Navigator => match app.context_enrolment() {
            Some((y, _)) if !case.programmes.is_empty() => open_form(
                app,
                FormTarget::Enrolment {
                    year: y,
                    enrolment: None,
                },
            ),
            Some(_) => error(app, "Voeg eerst een opleiding toe in het paneel Student."),
            None => open_form(app, FormTarget::Year { year: None }),
        },
        Pane::Units | Pane::Results => match app.context_enrolment() {
            Some((y, Some(e))) => open_form(
                app,
                FormTarget::Unit {
                    year: y,
                    enrolment: e,
                    unit: None,
                },
            ),
            _ => error(
                app,
                "Kies eerst een inschrijving (paneel Jaren, a voegt er een toe).",
            ),
        },
        Pane::Student => {
            let row = student_rows(app).get(app.sel.student).copied();
            match row {
                Some(StudentRow::Event(_) | StudentRow::NewEvent) => {
                    open_form(app, FormTarget::Event { index: None })
                }
                _ => open_form(app, FormTarget::Programme { index: None }),
            }
        }
        Pane::Withdrawals | Pane::Figures => {}
    }
}

fn edit_selected(app: &mut App) {
    match app.focus {
        Pane::Navigator => match app.nav_rows().get(app.sel.nav) {
            Some(Target::Year(y)) => open_form(app, FormTarget::Year { year: Some(*y) }),
            Some(Target::Enrolment(y, e)) => open_form(
                app,
                FormTarget::Enrolment {
                    year: *y,
                    enrolment: Some(*e),
                },
            ),
            Some(Target::Summary(y, s)) => open_form(
                app,
                FormTarget::Summary {
                    year: *y,
                    summary: Some(*s),
                },
            ),
            _ => open_form(app, FormTarget::Year { year: None }),
        },
        Pane::Units => match selected_unit(app) {
            Some((y, e, u)) => open_form(
                app,
                FormTarget::Unit {
                    year: y,
                    enrolment: e,
                    unit: Some(u),
                },
            ),
            None => add(app),
        },
        Pane::Results => {
            if let Some((y, e, u)) = selected_unit(app) {
                open_form(
                    app,
                    FormTarget::Results {
                        year: y,
                        enrolment: e,
                        unit: u,
                    },
                )
            }
        }
        Pane::Withdrawals => match withdrawal_rows(app).get(app.sel.withdrawals) {
            Some(WithdrawalRow::Enrolment(y, e)) => open_form(
                app,
                FormTarget::Enrolment {
                    year: *y,
                    enrolment: Some(*e),
                },
            ),
            Some(WithdrawalRow::Unit(y, e, u)) => open_form(
                app,
                FormTarget::UnitWithdrawal {
                    year: *y,
                    enrolment: *e,
                    unit: *u,
                },
            ),
            None => {}
        },
        Pane::Student => match student_rows(app).get(app.sel.student) {
            Some(StudentRow::Student) => open_form(app, FormTarget::Student),
            Some(StudentRow::Opening) => open_form(app, FormTarget::Opening),
            Some(StudentRow::EarlierProgress(p)) => {
                open_form(app, FormTarget::EarlierProgress { programme: *p })
            }
            Some(StudentRow::Event(i)) => open_form(app, FormTarget::Event { index: Some(*i) }),
            Some(StudentRow::NewEvent) => open_form(app, FormTarget::Event { index: None }),
            Some(StudentRow::Programme(i)) => {
                open_form(app, FormTarget::Programme { index: Some(*i) })
            }
            Some(StudentRow::NewProgramme) => open_form(app, FormTarget::Programme { index: None }),
            None => {}
        },
        Pane::Figures => why(app),
    }
}

fn delete_target(app: &App) -> Option<Target> {
    match app.focus {
        Pane::Navigator => app.nav_rows().get(app.sel.nav).cloned(),
        Pane::Units => selected_unit(app).map(|(y, e, u)| Target::Unit(y, e, u)),
        Pane::Withdrawals => match withdrawal_rows(app).get(app.sel.withdrawals)? {
            WithdrawalRow::Unit(y, e, u) => Some(Target::UnitWithdrawal(*y, *e, *u)),
            WithdrawalRow::Enrolment(..) => None,
        },
        Pane::Student => match student_rows(app).get(app.sel.student)? {
            StudentRow::Event(i) => Some(Target::Event(*i)),
            StudentRow::Programme(i) => Some(Target::Programme(*i)),
            _ => None,
        },
        _ => None,
    }
}

fn delete(case: &mut Case, target: &Target) -> Result<(), String> {
    match *target {
        Target::Year(y) => {
            case.years.remove(y);
        }
        Target::Enrolment(y, e) => {
            case.years[y].enrolments.remove(e);
        }
        Target::Summary(y, s) => {
            case.years[y].summaries.remove(s);
        }
        Target::Unit(y, e, u) => {
            case.years[y].enrolments[e].units.remove(u);
        }
        Target::UnitWithdrawal(y, e, u) => {
            case.years[y].enrolments[e].units[u].withdrawal = None;
        }
        Target::Event(i) => {
            case.events.remove(i);
        }
        Target::Programme(i) => {
            let id = case.programmes[i].id.clone();
            if let Some(y) = case.years.iter().find(|y| {
                y.enrolments.iter().any(|e| e.programme == id)
                    || y.summaries.iter().any(|s| s.programme == id)
            }) {
                return Err(format!(
                    "{} is nog in gebruik in {}; verwijder eerst die inschrijving",
                    case.programmes[i].name, y.year
                ));
            }
            case.programmes.remove(i);
        }
    }
    Ok(())
}

/// What a target is called in a question.
fn describe(app: &App, target: &Target) -> String {
    let Some(doc) = &app.doc else {
        return String::new();
    };
    let c = &doc.case;
    match *target {
        Target::Year(y) => format!(
            "academiejaar {} met al zijn inschrijvingen",
            c.years[y].year
        ),
        Target::Enrolment(y, e) => format!(
            "de inschrijving in {} in {}",
            c.years[y].enrolments[e].programme, c.years[y].year
        ),
        Target::Summary(y, s) => format!(
            "de samenvattingslijn {} in {}",
            c.years[y].summaries[s].programme, c.years[y].year
        ),
        Target::Unit(y, e, u) => {
            let u = &c.years[y].enrolments[e].units[u];
            format!("opleidingsonderdeel {} {}", u.code, u.name)
        }
        Target::UnitWithdrawal(y, e, u) => format!(
            "de uitschrijving van {}",
            c.years[y].enrolments[e].units[u].code
        ),
        Target::Event(_) => "deze gebeurtenis".to_string(),
        Target::Programme(i) => format!("opleiding {}", c.programmes[i].name),
    }
}

/// The question text of a confirmation.
pub fn question_text(app: &App, q: &Question) -> String {
    match q {
        Question::Delete(t) => format!("{} verwijderen?", describe(app, t)),
        Question::QuitUnsaved => "Er zijn niet-bewaarde wijzigingen. Toch stoppen?".to_string(),
        Question::LeaveUnsaved => {
            "Er zijn niet-bewaarde wijzigingen. Toch naar de dossierlijst?".to_string()
        }
    }
}

fn open_document(app: &mut App, doc: Document) {
    app.doc = Some(doc);
    app.screen = Screen::Editor;
    app.focus = Pane::Navigator;
    app.detail = Pane::Units;
    let list = app.sel.list;
    app.sel = Default::default();
    app.sel.list = list;
    app.overlay = Overlay::None;
    clamp(app);
}

fn move_selection(app: &mut App, c: Command) {
    if app.screen == Screen::CaseList {
        let n = app.visible_list().len();
        let s = &mut app.sel.list;
        *s = step(*s, n, c);
        return;
    }
    let pane = app.focus;
    let n = rows_in(app, pane);
    let s = selected_mut(app, pane);
    *s = step(*s, n, c);
    if pane == Pane::Navigator {
        clamp(app);
    }
}

fn step(i: usize, n: usize, c: Command) -> usize {
    let last = n.saturating_sub(1);
    match c {
        Command::Up => i.saturating_sub(1),
        Command::Down => (i + 1).min(last),
        Command::Top => 0,
        _ => last,
    }
}

fn submit(app: &mut App) -> Vec<Effect> {
    let Overlay::Form(form) = &mut app.overlay else {
        return Vec::new();
    };
    let values = match form.values() {
        Ok(v) => v,
        Err(e) => {
            form.message = Some(e);
            return Vec::new();
        }
    };
    let target = form.target.clone();
    if target == FormTarget::SaveAs {
        let name = values[0].text();
        let name = if name.ends_with(".ron") {
            name
        } else {
            format!("{name}.ron")
        };
        if name.contains('/') {
            form.message = Some("alleen een bestandsnaam, zonder map".into());
            return Vec::new();
        }
        let path = crate::store::unique_path(&app.data_dir, &name);
        app.overlay = Overlay::None;
        return save_to(app, path);
    }
    if let FormTarget::WhatIf(w) = &target {
        let Some(doc) = &app.doc else {
            return Vec::new();
        };
        match whatif::apply(w, &values, &doc.case) {
            Ok((name, shown)) => {
                let note = if *w == whatif::WhatIf::Empty {
                    values[1].text()
                } else {
                    String::new()
                };
                app.overlay = Overlay::None;
                new_scenario(app, name, note, &shown);
            }
            Err(e) => {
                if let Overlay::Form(form) = &mut app.overlay {
                    form.message = Some(e);
                }
            }
        }
        return Vec::new();
    }
    if let FormTarget::Scenario { index } = target {
        app.overlay = Overlay::None;
        change_base(app, |base| {
            if values[2].bool() {
                base.scenarios.remove(index);
            } else {
                base.scenarios[index].name = values[0].text();
                base.scenarios[index].note = values[1].text();
            }
        });
        if values[2].bool() {
            if let Some(doc) = app.doc.as_mut() {
                doc.active = None;
            }
            refresh(app);
            info(app, "Scenario verwijderd; u maakt het ongedaan.");
        }
        return Vec::new();
    }
    match edit(app, |case| editing::apply(&target, &values, case)) {
        Ok(()) => {
            app.overlay = Overlay::None;
            info(app, "Gewijzigd; alle cijfers zijn herberekend.");
        }
        Err(e) => {
            if let Overlay::Form(form) = &mut app.overlay {
                form.message = Some(e);
            }
        }
    }
    Vec::new()
}

fn save_to(app: &mut App, path: std::path::PathBuf) -> Vec<Effect> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    vec![Effect::Save {
        path,
        contents: crate::casefile::case_to_string(&doc.base),
    }]
}

fn command(app: &mut App, c: Command) -> Vec<Effect> {
    // Overlays first.
    match &mut app.overlay {
        Overlay::Help => {
            if matches!(c, Command::Cancel | Command::Help | Command::Quit) {
                app.overlay = Overlay::None;
            }
            return Vec::new();
        }
        Overlay::Why(w) => {
            match c {
                Command::Down => w.scroll = w.scroll.saturating_add(1),
                Command::Up => w.scroll = w.scroll.saturating_sub(1),
                _ => app.overlay = Overlay::None,
            }
            return Vec::new();
        }
        Overlay::Form(_) => {
            if c == Command::Cancel {
                app.overlay = Overlay::None;
                info(app, "Geannuleerd; er is niets gewijzigd.");
            }
            return Vec::new();
        }
        Overlay::Confirm(_) => return Vec::new(),
        Overlay::Compare(v) => {
            match c {
                Command::Down => v.selected = (v.selected + 1).min(v.rows.len().saturating_sub(1)),
                Command::Up => v.selected = v.selected.saturating_sub(1),
                Command::Why => {
                    if let Some(row) = v.rows.get(v.selected) {
                        let mut lines = Vec::new();
                        for (title, ls) in v.titles.iter().zip(&row.lines) {
                            lines.push(crate::rules::Line::note("", format!("── {title}:")));
                            lines.extend(ls.iter().cloned());
                        }
                        app.overlay = Overlay::Why(Why {
                            title: row.label.clone(),
                            lines,
                            scroll: 0,
                        });
                    }
                }
                _ => app.overlay = Overlay::None,
            }
            return Vec::new();
        }
        Overlay::None => {}
    }
    match c {
        Command::Help => app.overlay = Overlay::Help,
        Command::Up | Command::Down | Command::Top | Command::Bottom => move_selection(app, c),
        Command::Quit => {
            if app.doc.as_ref().is_some_and(Document::dirty) && app.screen == Screen::Editor {
                app.overlay = Overlay::Confirm(Question::QuitUnsaved);
            } else {
                app.quit = true;
                return vec![Effect::Quit];
            }
        }
        Command::Cancel => match app.screen {
            Screen::LoadError { .. } => app.screen = Screen::CaseList,
            Screen::Editor if app.doc.as_ref().is_some_and(Document::dirty) => {
                app.overlay = Overlay::Confirm(Question::LeaveUnsaved);
            }
            Screen::Editor => return close(app),
            Screen::CaseList => {}
        },
        Command::OpenSelected => {
            let entry = app.visible_list().get(app.sel.list).cloned().cloned();
            match entry {
                Some(ListEntry::New) => new_case(app),
                Some(ListEntry::Demo(i)) => match demo::load(i, &app.params) {
                    Ok(doc) => {
                        open_document(app, doc);
                        info(
                            app,
                            "Demodossier geopend; Ctrl-s bewaart een kopie in de gegevensmap.",
                        );
                    }
                    Err(e) => error(app, e),
                },
                Some(ListEntry::File { path, .. }) => return vec![Effect::Open(path)],
                None => {}
            }
        }
        Command::NewCase => new_case(app),
        Command::Demos => {
            app.demos_only = !app.demos_only;
            app.sel.list = 0;
        }
        _ if app.screen != Screen::Editor => {}
        Command::NextPane | Command::PrevPane => {
            let i = Pane::ORDER
                .iter()
                .position(|p| *p == app.focus)
                .unwrap_or(0);
            let n = Pane::ORDER.len();
            let next = if c == Command::NextPane {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            app.focus = Pane::ORDER[next];
            if app.focus.is_detail() {
                app.detail = app.focus;
            }
        }
        Command::Edit => edit_selected(app),
        Command::Add => add(app),
        Command::Delete => match delete_target(app) {
            Some(t) => app.overlay = Overlay::Confirm(Question::Delete(t)),
            None => info(app, "Hier valt niets te verwijderen."),
        },
        Command::Undo | Command::Redo => {
            let params = app.params.clone();
            if let Some(doc) = app.doc.as_mut() {
                let (from, to) = if c == Command::Undo {
                    (&mut doc.undo, &mut doc.redo)
                } else {
                    (&mut doc.redo, &mut doc.undo)
                };
                match from.pop() {
                    Some(case) => {
                        to.push(std::mem::replace(&mut doc.base, case));
                        doc.refresh(&params);
                        clamp(app);
                        info(
                            app,
                            if c == Command::Undo {
                                "Ongedaan gemaakt."
                            } else {
                                "Opnieuw gedaan."
                            },
                        );
                    }
                    None => info(
                        app,
                        if c == Command::Undo {
                            "Niets om ongedaan te maken."
                        } else {
                            "Niets om opnieuw te doen."
                        },
                    ),
                }
            }
        }
        Command::Save => {
            let path = app.doc.as_ref().and_then(|d| d.path.clone());
            return match path {
                Some(p) => save_to(app, p),
                None => {
                    open_form(app, FormTarget::SaveAs);
                    Vec::new()
                }
            };
        }
        Command::Why => why(app),
        Command::ToggleTolerance => {
            if let Some((y, e, u)) = selected_unit(app) {
                let _ = edit(app, |case| {
                    let unit = &mut case.years[y].enrolments[e].units[u];
                    unit.tolerated = !unit.tolerated;
                    Ok(())
                });
            }
        }
        Command::AddYear => open_form(app, FormTarget::Year { year: None }),
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
        Command::Compare => compare(app),
        Command::Export => return export(app),
        Command::WhatIfWithdraw => {
            let target = match app.focus {
                Pane::Navigator => match app.nav_rows().get(app.sel.nav) {
                    Some(Target::Enrolment(y, e)) => Some(whatif::WhatIf::WithdrawProgramme {
                        year: *y,
                        enrolment: *e,
                    }),
                    _ => None,
                },
                Pane::Units => selected_unit(app).map(|(y, e, u)| whatif::WhatIf::WithdrawUnit {
                    year: y,
                    enrolment: e,
                    unit: u,
                }),
                Pane::Withdrawals => match withdrawal_rows(app).get(app.sel.withdrawals) {
                    Some(WithdrawalRow::Enrolment(y, e)) => {
                        Some(whatif::WhatIf::WithdrawProgramme {
                            year: *y,
                            enrolment: *e,
                        })
                    }
                    Some(WithdrawalRow::Unit(y, e, u)) => Some(whatif::WhatIf::WithdrawUnit {
                        year: *y,
                        enrolment: *e,
                        unit: *u,
                    }),
                    None => None,
                },
                _ => None,
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
                let (name, shown) = whatif::tolerate(&doc.case, y, e, u);
                new_scenario(app, name, String::new(), &shown);
            }
        }
        Command::WhatIfSwitch => {
            let target = match app.focus {
                Pane::Navigator => match app.nav_rows().get(app.sel.nav) {
                    Some(Target::Enrolment(y, e)) => Some((*y, *e)),
                    _ => None,
                },
                Pane::Withdrawals => match withdrawal_rows(app).get(app.sel.withdrawals) {
                    Some(WithdrawalRow::Enrolment(y, e)) => Some((*y, *e)),
                    _ => None,
                },
                _ => None,
            };
            match target {
                Some((year, enrolment))
                    if app
                        .doc
                        .as_ref()
                        .is_some_and(|d| d.case.programmes.len() > 1) =>
                {
                    open_form(
                        app,
                        FormTarget::WhatIf(whatif::WhatIf::Switch { year, enrolment }),
                    )
                }
                Some(_) => error(
                    app,
                    "Voeg eerst de andere opleiding toe (paneel Student, in de basis).",
                ),
                None => info(app, "Kies een inschrijving in Jaren of Uitschrijvingen."),
            }
        }
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
                    Ok((name, shown)) => new_scenario(app, name, String::new(), &shown),
                    Err(msg) => error(app, msg),
                },
                _ => info(app, "Kies een inschrijving."),
            }
        }
        Command::AddSummary => match app.context_enrolment() {
            Some((y, _))
                if app
                    .doc
                    .as_ref()
                    .is_some_and(|d| !d.case.programmes.is_empty()) =>
            {
                open_form(
                    app,
                    FormTarget::Summary {
                        year: y,
                        summary: None,
                    },
                )
            }
            _ => error(app, "Voeg eerst een academiejaar en een opleiding toe."),
        },
        Command::AddPart => {
            if let Some((y, e, u)) = selected_unit(app) {
                open_form(
                    app,
                    FormTarget::AddPart {
                        year: y,
                        enrolment: e,
                        unit: u,
                    },
                );
            }
        }
    }
    Vec::new()
}

/// Back to the case list; the runner lets go of the case's lock.
fn close(app: &mut App) -> Vec<Effect> {
    app.doc = None;
    app.screen = Screen::CaseList;
    app.lock_warning = None;
    vec![Effect::Close]
}

fn new_case(app: &mut App) {
    let case = Case::new("Nieuwe student");
    let doc = Document::new(case, None, false, "nieuw dossier".into(), &app.params);
    open_document(app, doc);
    app.focus = Pane::Student;
    app.detail = Pane::Student;
    open_form(app, FormTarget::Student);
}

/// The one update.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Cmd(c) => return command(app, c),
        Action::Input(req) => {
            if let Overlay::Form(f) = &mut app.overlay {
                f.input(req);
                f.message = None;
            }
        }
        Action::FieldNext | Action::FieldPrev | Action::Cycle(_) => {
            if let Overlay::Form(f) = &mut app.overlay {
                match action {
                    Action::FieldNext => f.next(),
                    Action::FieldPrev => f.prev(),
                    Action::Cycle(s) => {
                        let i = f.focus;
                        if let Some(field) = f.fields.get_mut(i) {
                            field.cycle(s);
                        }
                    }
                    _ => {}
                }
            }
        }
        Action::Submit => return submit(app),
        Action::Answer(yes) => {
            let Overlay::Confirm(q) = std::mem::replace(&mut app.overlay, Overlay::None) else {
                return Vec::new();
            };
            if !yes {
                info(app, "Niets gewijzigd.");
                return Vec::new();
            }
            match q {
                Question::Delete(t) => match edit(app, |case| delete(case, &t)) {
                    Ok(()) => info(app, "Verwijderd; u maakt het ongedaan."),
                    Err(e) => error(app, e),
                },
                Question::QuitUnsaved => {
                    app.quit = true;
                    return vec![Effect::Quit];
                }
                Question::LeaveUnsaved => return close(app),
            }
        }
        Action::Saved(Ok(path)) => {
            if let Some(doc) = app.doc.as_mut() {
                doc.saved = Some(doc.base.clone());
                doc.origin = path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                doc.path = Some(path.clone());
            }
            info(app, format!("Bewaard in {}.", path.display()));
        }
        Action::Exported(Ok(path)) => info(app, format!("Verslag geschreven: {}.", path.display())),
        Action::Exported(Err(e)) => error(app, format!("Verslag niet geschreven: {e}.")),
        Action::Saved(Err(e)) => error(
            app,
            format!(
                "Niet bewaard: {e}. Alles blijft in het geheugen; probeer opnieuw of kies een andere plaats."
            ),
        ),
        Action::Opened(opened) => match *opened {
            Opened::Case {
                case,
                path,
                lock_warning,
            } => {
                let origin = path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                let doc = Document::new(*case, Some(path), true, origin, &app.params);
                open_document(app, doc);
                app.lock_warning = lock_warning.clone();
                if let Some(w) = lock_warning {
                    error(
                        app,
                        format!(
                            "Let op: {w}. Wijzigingen van de ene kunnen die van de andere overschrijven."
                        ),
                    );
                }
            }
            Opened::Failed { path, message } => {
                app.screen = Screen::LoadError { path, message };
            }
        },
    }
    Vec::new()
}
