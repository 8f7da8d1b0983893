//! Scenarios from quick what-ifs, the comparison view and the report export.

use super::*;

/// Adds a scenario that turns the baseline into `shown`, and shows it.
pub(super) fn new_scenario(app: &mut App, name: String, note: String, shown: &Case) {
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
pub(super) fn compare(app: &mut App) {
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
    let base_outcome = crate::tui::app::outcome_of(&doc.base, &app.params, doc.today);
    let outcomes: Vec<crate::rules::Outcome> = picked
        .iter()
        .map(|&i| {
            crate::tui::app::outcome_of(
                &crate::model::apply_scenario(&doc.base, &doc.base.scenarios[i]).0,
                &app.params,
                doc.today,
            )
        })
        .collect();
    let mut all = vec![&base_outcome];
    all.extend(outcomes.iter());
    let mut titles = vec!["basis".to_string()];
    titles.extend(picked.iter().map(|&i| doc.base.scenarios[i].name.clone()));
    app.overlay = Overlay::Compare(crate::tui::app::CompareView {
        titles,
        rows: crate::rules::compare(&all),
        selected: 0,
    });
}

/// Writes the student report next to the case (or in the data directory).
pub(super) fn export(app: &mut App) -> Vec<Effect> {
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

/// The scenario commands: switching, making, comparing, exporting, and the
/// quick what-ifs.
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
        _ => {}
    }
    Vec::new()
}
