//! The pure `update`: one action changes the App; work with files is
//! returned as effects for the runner.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::backend::crossterm::to_input_request;

use crate::model::Case;

use super::action::{Action, Command, Effect, Opened};
use super::demo;
use super::editing;
use super::explain::{self, WhyRow};
use super::form::{FieldKind, FormTarget, Key};
use super::rows::{
    StudentRow, WithdrawalRow, figure_items, student_rows, unit_rows, withdrawal_rows,
};
use super::whatif;
use crate::tui::app::{
    App, Document, ListEntry, Overlay, Pane, Question, ReadOnly, Screen, Status, Target, Why,
};

mod dialogs;
mod edits;
mod keys;
mod paste;
mod review;
mod scenarios;

pub use edits::question_text;
use edits::*;
pub use keys::{event_action, key_action};
use review::*;
use scenarios::*;

pub(super) fn info(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status {
        text: text.into(),
        error: false,
    });
}

pub(super) fn error(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status {
        text: text.into(),
        error: true,
    });
}

/// Keeps every selection inside its pane's rows.
pub(super) fn clamp(app: &mut App) {
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

/// How many rows a pane has.
pub fn rows_in(app: &App, pane: Pane) -> usize {
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

pub(super) fn selected_mut(app: &mut App, pane: Pane) -> &mut usize {
    match pane {
        Pane::Navigator => &mut app.sel.nav,
        Pane::Units => &mut app.sel.units,
        Pane::Results => &mut app.sel.results,
        Pane::Withdrawals => &mut app.sel.withdrawals,
        Pane::Student => &mut app.sel.student,
        Pane::Figures => &mut app.sel.figures,
    }
}

pub(super) fn open_form(app: &mut App, target: FormTarget) {
    if let Some(doc) = &app.doc {
        let form = editing::build(target, doc, &app.params, app.today);
        app.overlay = Overlay::Form(Box::new(form));
    }
}

pub(super) fn selected_unit(app: &App) -> Option<(usize, usize, usize)> {
    let rows = unit_rows(app);
    let i = if app.focus == Pane::Results {
        app.sel.results
    } else {
        app.sel.units
    };
    rows.get(i).copied()
}

pub(super) fn open_document(app: &mut App, doc: Document) {
    app.doc = Some(doc);
    app.screen = Screen::Editor;
    app.focus = Pane::Navigator;
    app.detail = Pane::Units;
    let list = app.sel.list;
    app.sel = Default::default();
    app.sel.list = list;
    app.overlay = Overlay::None;
    clamp(app);
    land(app);
}

pub(super) fn move_selection(app: &mut App, c: Command) {
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

pub(super) fn step(i: usize, n: usize, c: Command) -> usize {
    let last = n.saturating_sub(1);
    match c {
        Command::Up => i.saturating_sub(1),
        Command::Down => (i + 1).min(last),
        Command::Top => 0,
        _ => last,
    }
}

pub(super) fn submit(app: &mut App) -> Vec<Effect> {
    if let Overlay::Paste(_) = app.overlay {
        paste::confirm(app);
        return Vec::new();
    }
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
        let name = values.text(Key::FileName);
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
                    values.text(Key::Note)
                } else {
                    String::new()
                };
                let w = w.clone();
                app.overlay = Overlay::None;
                new_scenario(app, name, note, &shown, Some(&w));
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
            if values.bool(Key::Delete) {
                base.scenarios.remove(index);
            } else {
                base.scenarios[index].name = values.text(Key::Name);
                base.scenarios[index].note = values.text(Key::Note);
            }
        });
        if values.bool(Key::Delete) {
            if let Some(doc) = app.doc.as_mut() {
                doc.active = None;
            }
            refresh(app);
            info(app, "Scenario verwijderd; ongedaan maken kan met u.");
        }
        return Vec::new();
    }
    let years_before: Vec<crate::model::AcademicYear> = app
        .doc
        .as_ref()
        .map(|d| d.case.years.iter().map(|y| y.year).collect())
        .unwrap_or_default();
    match edit(app, |case| editing::apply(&target, &values, case)) {
        Ok(()) => {
            app.overlay = Overlay::None;
            select_added(app, &target, &years_before);
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

/// After adding a year, an enrolment or a programme, the selection moves
/// to the new one.
fn select_added(app: &mut App, target: &FormTarget, years_before: &[crate::model::AcademicYear]) {
    let Some(doc) = &app.doc else { return };
    let case = &doc.case;
    let nav_target = match *target {
        FormTarget::Year { year: None } => case
            .years
            .iter()
            .position(|y| !years_before.contains(&y.year))
            .map(Target::Year),
        FormTarget::Enrolment {
            year,
            enrolment: None,
        } => case
            .years
            .get(year)
            .and_then(|y| y.enrolments.len().checked_sub(1))
            .map(|e| Target::Enrolment(year, e)),
        FormTarget::Programme { index: None } => {
            let last = case.programmes.len().checked_sub(1);
            if let Some(i) = last.and_then(|p| {
                student_rows(app)
                    .iter()
                    .position(|r| *r == StudentRow::Programme(p))
            }) {
                app.sel.student = i;
            }
            None
        }
        _ => None,
    };
    if let Some(t) = nav_target
        && let Some(i) = app.nav_rows().iter().position(|r| *r == t)
    {
        app.sel.nav = i;
        clamp(app);
    }
}

pub(super) fn save_to(app: &mut App, path: std::path::PathBuf) -> Vec<Effect> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    vec![Effect::Save {
        path,
        contents: crate::casefile::case_to_string(&doc.base),
        overwrite: false,
    }]
}

pub(super) fn command(app: &mut App, c: Command) -> Vec<Effect> {
    // Overlays first.
    match &mut app.overlay {
        Overlay::Help(scroll) => {
            match c {
                Command::Down => *scroll = scroll.saturating_add(1),
                Command::Up => *scroll = scroll.saturating_sub(1),
                Command::Cancel | Command::Help | Command::Quit => app.overlay = Overlay::None,
                _ => {}
            }
            return Vec::new();
        }
        Overlay::Why(w) => {
            match c {
                Command::Down => w.scroll = w.scroll.saturating_add(1),
                Command::Up => w.scroll = w.scroll.saturating_sub(1),
                _ => {
                    app.overlay = match w.back.take() {
                        Some(view) => Overlay::Compare(*view),
                        None => Overlay::None,
                    }
                }
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
        Overlay::Choice(_) => return Vec::new(),
        Overlay::Paste(_) => {
            paste::command(app, c);
            return Vec::new();
        }
        Overlay::Compare(_) => {
            compare_command(app, c);
            if matches!(app.overlay, Overlay::None) {
                // A question waiting for the comparison (a recovery).
                dialogs::next(app);
            }
            return Vec::new();
        }
        Overlay::None => {}
    }
    match c {
        Command::Help => app.overlay = Overlay::Help(0),
        Command::Up | Command::Down | Command::Top | Command::Bottom => move_selection(app, c),
        Command::Quit => {
            if app.doc.as_ref().is_some_and(Document::dirty) && app.screen == Screen::Editor {
                edits::ask(app, Question::QuitUnsaved);
            } else {
                app.quit = true;
                return vec![Effect::Quit];
            }
        }
        Command::Cancel => match app.screen {
            Screen::LoadError { .. } => app.screen = Screen::CaseList,
            // One layer at a time: a pane's focus goes back to Jaren first.
            Screen::Editor if app.focus != Pane::Navigator => {
                app.focus = Pane::Navigator;
                info(app, "Terug naar Jaren; Esc nog eens: naar de dossierlijst.");
            }
            Screen::Editor if app.doc.as_ref().is_some_and(Document::dirty) => {
                edits::ask(app, Question::LeaveUnsaved);
            }
            Screen::Editor => return close(app),
            Screen::CaseList => {}
        },
        Command::OpenSelected => {
            let entry = app.visible_list().get(app.sel.list).cloned().cloned();
            app.review.typing = false;
            app.review.open_at = entry
                .as_ref()
                .and_then(|e| app.overview_of(e))
                .map(|o| o.finding().clone());
            match entry {
                Some(ListEntry::New) => new_case(app),
                Some(ListEntry::Demo(i)) => open_demo(app, i),
                Some(ListEntry::File { path, .. }) => return vec![Effect::Open(path)],
                Some(ListEntry::Recovery { path, .. }) => return vec![Effect::OpenRecovery(path)],
                None => {}
            }
        }
        Command::NewCase => new_case(app),
        Command::Demos
        | Command::Filter
        | Command::SortNext
        | Command::SortReverse
        | Command::OnlyAttention
        | Command::OnlyErrors => review_command(app, c),
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
        Command::FocusYears
        | Command::FocusUnits
        | Command::FocusResults
        | Command::FocusWithdrawals
        | Command::FocusStudent
        | Command::FocusFigures => {
            let pane = match c {
                Command::FocusYears => Pane::Navigator,
                Command::FocusUnits => Pane::Units,
                Command::FocusResults => Pane::Results,
                Command::FocusWithdrawals => Pane::Withdrawals,
                Command::FocusStudent => Pane::Student,
                _ => Pane::Figures,
            };
            focus(app, pane);
        }
        Command::Edit => edit_selected(app),
        Command::Add => add(app),
        Command::Delete => match delete_target(app) {
            Some(t) => edits::ask(app, Question::Delete(t)),
            None if rows_in(app, app.focus) == 0 => info(
                app,
                format!("Niets om te verwijderen: {} is leeg.", app.focus.title()),
            ),
            None => info(
                app,
                format!(
                    "Niets om te verwijderen in {}: kies een regel die verwijderd kan worden.",
                    app.focus.title()
                ),
            ),
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
        Command::Save => return dialogs::request_save(app),
        Command::SaveAs => open_form(app, FormTarget::SaveAs),
        Command::Why => why(app),
        Command::ToggleTolerance => toggle_tolerance(app),
        Command::AddYear => open_form(app, FormTarget::Year { year: None }),
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
        Command::PrevScenario
        | Command::NextScenario
        | Command::NewScenario
        | Command::EditScenario
        | Command::Compare
        | Command::AdoptScenario
        | Command::Export
        | Command::WhatIfWithdraw
        | Command::WhatIfGrade
        | Command::WhatIfTolerate
        | Command::WhatIfSwitch
        | Command::WhatIfNextYear => return scenario_command(app, c),
        Command::AddPart => match selected_unit(app) {
            Some((y, e, u)) => open_form(
                app,
                FormTarget::AddPart {
                    year: y,
                    enrolment: e,
                    unit: u,
                },
            ),
            None => info(
                app,
                "Geen onderdeel gekozen: een deel hoort bij een opleidingsonderdeel (a in Onderdelen voegt er een toe).",
            ),
        },
    }
    Vec::new()
}

/// A click or the wheel on what it landed on.
fn pointer(app: &mut App, p: crate::tui::mouse::Pointer) {
    use crate::tui::mouse::{Pointer, WHEEL_ROWS};
    match p {
        Pointer::Select { pane, row } => {
            focus(app, pane);
            if let Some(r) = row {
                *selected_mut(app, pane) = r;
                clamp(app);
            }
        }
        Pointer::Scroll { pane, down } => {
            focus(app, pane);
            for _ in 0..WHEEL_ROWS {
                move_selection(app, if down { Command::Down } else { Command::Up });
            }
        }
        Pointer::Why(i) => {
            focus(app, Pane::Figures);
            app.sel.figures = i;
            clamp(app);
            why(app);
        }
        Pointer::ListRow(i) => {
            app.sel.list = i;
        }
    }
}

/// Focuses a pane (and shows it, when it is a detail pane).
pub(super) fn focus(app: &mut App, pane: Pane) {
    app.focus = pane;
    if pane.is_detail() {
        app.detail = pane;
    }
}

/// `t`: tolerates the selected unit, or takes its tolerance back; when the
/// rules' verdict says it cannot be tolerated, the status line gives the
/// conditions that fail (nothing changes).
fn toggle_tolerance(app: &mut App) {
    let Some((y, e, u)) = selected_unit(app) else {
        info(app, "Geen onderdeel gekozen: niets om te tolereren.");
        return;
    };
    let Some(doc) = &app.doc else { return };
    let year = &doc.case.years[y];
    let en = &year.enrolments[e];
    let unit = &en.units[u];
    if !unit.tolerated {
        let tolerance = doc
            .outcome
            .programme(&en.programme)
            .and_then(|p| p.tolerance.as_ref());
        let verdict = tolerance.and_then(|t| {
            t.units
                .iter()
                .find(|v| v.year == year.year && v.code == unit.code)
        });
        let status = doc
            .outcome
            .unit(year.year, &en.programme, &unit.code)
            .map(|o| o.status.dutch())
            .unwrap_or("nog zonder resultaat");
        let refusal = match verdict {
            Some(v) if !v.tolerable() => {
                let failing = crate::dutch::failing(v);
                Some(if failing.is_empty() {
                    format!("{} kan niet getolereerd worden.", unit.code)
                } else {
                    format!(
                        "{} kan niet getolereerd worden: {}.",
                        unit.code,
                        failing.join("; ")
                    )
                })
            }
            Some(_) => None,
            None if tolerance.is_none() => Some(format!(
                "{} kan niet getolereerd worden: deze opleiding heeft geen tolerantiekrediet.",
                unit.code
            )),
            None => Some(format!(
                "{} kan niet getolereerd worden: alleen een niet-geslaagd onderdeel komt in aanmerking (status: {status}).",
                unit.code
            )),
        };
        if let Some(text) = refusal {
            error(app, text);
            return;
        }
    }
    let code = unit.code.clone();
    let now = !unit.tolerated;
    if edit(app, |case| {
        let unit = &mut case.years[y].enrolments[e].units[u];
        unit.tolerated = now;
        Ok(())
    })
    .is_ok()
    {
        info(
            app,
            if now {
                format!("{code} getolereerd; ongedaan maken kan met u.")
            } else {
                format!("Tolerantie van {code} ingetrokken; ongedaan maken kan met u.")
            },
        );
    }
}

/// Back to the case list; the runner lets go of the case's lock.
pub(super) fn close(app: &mut App) -> Vec<Effect> {
    app.doc = None;
    app.screen = Screen::CaseList;
    app.overlay = Overlay::None;
    app.dialogs.clear();
    vec![Effect::Close]
}

/// Opens a bundled demo case from its embedded copy (never its file).
pub fn open_demo(app: &mut App, i: usize) {
    match demo::load(i, &app.params, app.today) {
        Ok(doc) => {
            open_document(app, doc);
            info(
                app,
                "Demodossier geopend; Ctrl-s bewaart een kopie in de gegevensmap.",
            );
        }
        Err(e) => error(app, e),
    }
}

pub(super) fn new_case(app: &mut App) {
    let case = Case::new("Nieuwe student");
    let doc = Document::new(
        case,
        None,
        false,
        "nieuw dossier".into(),
        &app.params,
        app.today,
    );
    open_document(app, doc);
    app.focus = Pane::Student;
    app.detail = Pane::Student;
    open_form(app, FormTarget::Student);
}

/// The one update.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Cmd(c) => return command(app, c),
        Action::Filter(k) => filter_key(app, k),
        Action::Paste(text) => paste::pasted(app, &text),
        Action::ReviewStarted(total) => {
            app.review.total = total;
            app.review.done = 0;
        }
        Action::Reviewed(rows) => reviewed(app, rows),
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
        Action::Note(text) => info(app, text),
        Action::Pointer(p) => pointer(app, p),
        Action::Choice(input) => return dialogs::input(app, input),
        Action::SaveRefused(r) => dialogs::refused(app, r),
        Action::TookOver(Ok(())) => {
            if let Some(doc) = app.doc.as_mut() {
                doc.read_only = None;
            }
            info(
                app,
                "Overgenomen: dit venster bewaart nu in het bestand; het andere venster krijgt een vraag als het nog bewaart.",
            );
        }
        Action::TookOver(Err(e)) => error(app, format!("Niet overgenomen: {e}.")),
        Action::Saved(Ok(path)) => {
            if let Some(doc) = app.doc.as_mut() {
                doc.saved = Some(doc.base.clone());
                doc.origin = path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                doc.path = Some(path.clone());
                // The file just written is this traject's and holds no
                // comments of its own.
                doc.read_only = None;
                doc.comments = false;
            }
            info(app, format!("Bewaard in {}.", path.display()));
        }
        Action::Exported(Ok(path)) => {
            app.exported.push(path);
            let names: Vec<String> = app
                .exported
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            info(
                app,
                format!("Verslag geschreven: {}.", crate::dutch::listing(&names)),
            )
        }
        Action::Exported(Err(e)) => error(app, format!("Verslag niet geschreven: {e}.")),
        Action::Saved(Err(e)) => error(
            app,
            format!(
                "Niet bewaard: {e}. Alles blijft in het geheugen; probeer opnieuw, of bewaar onder een andere naam met Ctrl-o."
            ),
        ),
        Action::Opened(opened) => match *opened {
            Opened::Case(o) => {
                let o = *o;
                let origin = o
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                let mut doc =
                    Document::new(o.case, Some(o.path), true, origin, &app.params, app.today);
                doc.comments = o.comments;
                doc.read_only = if o.read_only_file {
                    Some(ReadOnly::File)
                } else {
                    o.held_elsewhere.clone().map(ReadOnly::OpenElsewhere)
                };
                open_document(app, doc);
                dialogs::after_open(
                    app,
                    o.held_elsewhere,
                    o.recovery.map(|r| (r, o.changed_since_recovery)),
                );
            }
            Opened::Recovered(rec) => {
                let doc = Document::new(
                    rec.data.case.clone(),
                    None,
                    false,
                    format!("{} (hersteld)", rec.data.origin),
                    &app.params,
                    app.today,
                );
                open_document(app, doc);
                info(
                    app,
                    "Hersteld, nog niet bewaard: Ctrl-s bewaart het dossier in de gegevensmap.",
                );
                return vec![Effect::AdoptRecovery(rec.path.clone())];
            }
            Opened::Failed { path, message } => {
                app.screen = Screen::LoadError { path, message };
            }
        },
    }
    Vec::new()
}
