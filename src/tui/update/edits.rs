//! Edits of the case through the panes, deleting, and the "Waarom?" view.

use super::*;
use crate::tui::app::{About, Reply};
use crate::tui::choice::Choice;

/// Applies an edit to what is shown. On the baseline the edit changes the
/// baseline; in a scenario it is recorded as the scenario's changes
/// (`diff` against the baseline). The old case goes on the undo stack and
/// every figure is recomputed.
pub(super) fn edit(
    app: &mut App,
    f: impl FnOnce(&mut Case) -> Result<(), String>,
) -> Result<(), String> {
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
            // A programme the scenario added may go again; one of the
            // baseline may not.
            if doc
                .base
                .programmes
                .iter()
                .any(|p| shown.programme(&p.id).is_none())
            {
                return Err(
                    "een opleiding van de basis kan in een scenario niet verdwijnen".into(),
                );
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
pub(super) fn change_base(app: &mut App, f: impl FnOnce(&mut Case)) {
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

pub(super) fn refresh(app: &mut App) {
    let params = app.params.clone();
    if let Some(doc) = app.doc.as_mut() {
        doc.refresh(&params);
    }
    clamp(app);
}

pub(super) fn add(app: &mut App) {
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

pub(super) fn edit_selected(app: &mut App) {
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

pub(super) fn delete_target(app: &App) -> Option<Target> {
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

pub(super) fn delete(case: &mut Case, target: &Target) -> Result<(), String> {
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
pub(super) fn describe(app: &App, target: &Target) -> String {
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

/// Asks `q` in a choice dialog whose focus starts on Annuleren: a
/// navigation key never confirms it (`d` then `j` deletes nothing).
pub(super) fn ask(app: &mut App, q: Question) {
    let text = question_text(app, &q);
    let choice = Choice::new(
        match &q {
            Question::Delete(_) => "Verwijderen",
            Question::QuitUnsaved | Question::LeaveUnsaved => "Niet bewaard",
            Question::Adopt(_) => "Scenario overnemen",
        },
        Reply::Cancel,
    )
    .text(text);
    let choice = match &q {
        Question::Delete(_) => choice
            .text("Ongedaan maken kan met u.")
            .destructive("Verwijderen", Reply::Proceed)
            .letter('v'),
        Question::QuitUnsaved => choice
            .text("Annuleren gaat terug naar het dossier; Ctrl-s bewaart het.")
            .destructive("Stoppen zonder bewaren", Reply::Proceed)
            .letter('s'),
        Question::LeaveUnsaved => choice
            .text("Annuleren gaat terug naar het dossier; Ctrl-s bewaart het.")
            .destructive("Naar de lijst zonder bewaren", Reply::Proceed)
            .letter('w'),
        Question::Adopt(_) => choice.button("Overnemen", Reply::Proceed).letter('o'),
    }
    .button("Annuleren", Reply::Cancel)
    .safest(Reply::Cancel);
    super::dialogs::show(app, About::Question(q), choice);
}

/// The question text of a confirmation.
pub fn question_text(app: &App, q: &Question) -> String {
    match q {
        Question::Delete(t) => {
            let what = describe(app, t);
            let mut first = what.chars();
            match first.next() {
                Some(c) => format!("{}{} verwijderen?", c.to_uppercase(), first.as_str()),
                None => "Verwijderen?".to_string(),
            }
        }
        Question::QuitUnsaved => {
            "Er zijn niet-bewaarde wijzigingen. Stoppen zonder te bewaren?".to_string()
        }
        Question::LeaveUnsaved => {
            "Er zijn niet-bewaarde wijzigingen. Naar de dossierlijst zonder te bewaren?".to_string()
        }
        Question::Adopt(i) => {
            let Some(doc) = &app.doc else {
                return String::new();
            };
            let Some(s) = doc.base.scenarios.get(*i) else {
                return String::new();
            };
            let stale = crate::model::apply_scenario(&doc.base, s).1.len();
            let others = doc.base.scenarios.len() - 1;
            let mut text = format!(
                "Scenario «{}» overnemen in de basis? Zijn wijzigingen worden de werkelijke geschiedenis.",
                s.name
            );
            if stale > 0 {
                text.push_str(&format!(
                    " {} die niet meer {} vallen weg.",
                    if stale == 1 {
                        "1 wijziging".to_string()
                    } else {
                        format!("{stale} wijzigingen")
                    },
                    if stale == 1 { "past" } else { "passen" }
                ));
            }
            if others > 0 {
                text.push_str(if others == 1 {
                    " Het andere scenario blijft, bovenop de nieuwe basis."
                } else {
                    " De andere scenario's blijven, bovenop de nieuwe basis."
                });
            }
            text.push_str(" Ongedaan maken kan met u.");
            text
        }
    }
}

pub(super) fn why(app: &mut App) {
    let Some(doc) = &app.doc else { return };
    let o = &doc.outcome;
    let w = match app.focus {
        Pane::Figures => figure_items(o)
            .get(app.sel.figures)
            .map(|f| (f.title.clone(), f.why.rows())),
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
                        let mut rows = explain::lines(&crate::rules::explain_unit(
                            &doc.case,
                            &app.params,
                            o,
                            uo,
                        ));
                        if rows.is_empty() {
                            rows.push(WhyRow::Remark(
                                "Nog niets te verklaren: geen resultaat, geen uitschrijving."
                                    .into(),
                            ));
                        }
                        (
                            format!("{} {} ({})", code, en.units[u].name, year.year),
                            rows,
                        )
                    })
                }
                None => None,
            }
        }
        Pane::Navigator | Pane::Student => app
            .context_year()
            .and_then(|y| o.ledger_row(y))
            .map(|r| (format!("Leerkrediet {}", r.year), explain::ledger_row(r))),
    };
    match w {
        Some((title, rows)) => {
            app.overlay = Overlay::Why(Why {
                title,
                rows,
                scroll: 0,
                back: None,
            })
        }
        None => info(app, "Selecteer een cijfer om het te laten uitleggen."),
    }
}
