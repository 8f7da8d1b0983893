//! Key-driven tests of the App state.

use crossterm::event::KeyCode::{BackTab, Char, Down, Enter, Esc, Left, Tab};
use traject::tui::app::{About, Overlay, Pane, Screen};
use traject::tui::explain::WhyRow;

use crate::support::Driver;

#[test]
fn adding_a_unit_recomputes_the_balance_and_undo_redo_restore_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron");
    assert_eq!(d.app.screen, Screen::Editor);
    assert_eq!(d.balance(), 188);
    d.key(Tab); // Units
    assert_eq!(d.app.focus, Pane::Units);
    d.keys("a")
        .keys("CH-11")
        .key(Tab)
        .keys("Statistiek")
        .key(Enter);
    assert!(matches!(d.app.overlay, Overlay::None), "{:?}", d.app.status);
    // 6 SP more taken, no result yet: 188 − 6.
    assert_eq!(d.balance(), 182);
    assert!(d.app.doc.as_ref().unwrap().dirty());
    d.keys("u");
    assert_eq!(d.balance(), 188);
    d.ctrl('r');
    assert_eq!(d.balance(), 182);
}

#[test]
fn a_form_refuses_invalid_input_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron")
        .key(Tab)
        .keys("a")
        .keys("X1")
        .key(Tab)
        .keys("Te klein")
        .key(Tab);
    d.ctrl('u').keys("2").key(Enter);
    let Overlay::Form(form) = &d.app.overlay else {
        panic!("the form stays open")
    };
    assert!(
        form.message.as_deref().unwrap().contains("3 tot en met 60"),
        "{:?}",
        form.message
    );
    assert_eq!(form.focus, 2);
    d.key(Esc);
    assert_eq!(d.balance(), 188);
    assert!(!d.app.doc.as_ref().unwrap().dirty());
}

#[test]
fn a_second_chance_grade_and_a_tolerance_change_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Tab).key(Tab);
    assert_eq!(d.app.focus, Pane::Results);
    // CH-AC1 is the first unit: 7 then 9. Tolerate it with t.
    d.keys("t");
    let chemie = |d: &Driver| {
        d.app
            .doc
            .as_ref()
            .unwrap()
            .outcome
            .programme("CH")
            .unwrap()
            .tolerance
            .clone()
            .unwrap()
    };
    assert_eq!(chemie(&d).used, 6);
    d.keys("t");
    assert_eq!(chemie(&d).used, 0);
    // Second chance 9 → 12: a credit, balance 188 + 6 + 6.
    d.key(Enter).key(Tab).ctrl('u').keys("12").key(Enter);
    assert_eq!(d.balance(), 200);
}

#[test]
fn deleting_asks_first_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Tab);
    d.keys("d");
    assert!(matches!(d.app.overlay, Overlay::Choice(_)));
    // The focus starts on Annuleren, the last button; j moves it no
    // further (no wrapping round), so d j Enter deletes nothing; neither
    // does Esc.
    d.keys("j").key(Enter);
    assert!(matches!(d.app.overlay, Overlay::None));
    d.keys("d").key(Esc);
    assert_eq!(
        d.app.doc.as_ref().unwrap().case.years[0].enrolments[0]
            .units
            .len(),
        10
    );
    d.keys("d").keys("v");
    assert_eq!(
        d.app.doc.as_ref().unwrap().case.years[0].enrolments[0]
            .units
            .len(),
        9
    );
    d.keys("u");
    assert_eq!(
        d.app.doc.as_ref().unwrap().case.years[0].enrolments[0]
            .units
            .len(),
        10
    );
}

#[test]
fn quitting_with_unsaved_changes_asks() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Tab).keys("d").keys("v");
    d.keys("q");
    assert!(matches!(d.app.overlay, Overlay::Choice(_)));
    assert!(!d.app.quit);
    // Enter presses the focused button: Annuleren.
    d.key(Enter);
    assert!(!d.app.quit);
    d.keys("q").keys("s");
    assert!(d.app.quit);
}

#[test]
fn saving_writes_the_case_and_reopening_shows_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron")
        .key(Tab)
        .keys("a")
        .keys("CH-11")
        .key(Tab)
        .keys("Statistiek")
        .key(Enter);
    d.ctrl('s');
    assert!(
        matches!(d.app.overlay, Overlay::Form(_)),
        "a first save asks for a name"
    );
    d.key(Enter);
    let doc = d.app.doc.as_ref().unwrap();
    assert!(!doc.dirty(), "{:?}", d.app.status);
    let path = doc.path.clone().unwrap();
    assert!(path.starts_with(dir.path()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let bytes = std::fs::read(&path).unwrap();
    // A save without changes gives the same bytes.
    d.ctrl('s');
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    // Reopen from the case list of the directory.
    let mut again = Driver::new(dir.path());
    let row = again
        .app
        .visible_list()
        .iter()
        .position(|e| matches!(e, traject::tui::app::ListEntry::File { path: p, .. } if *p == path))
        .expect("the saved file is listed");
    for _ in 0..row {
        again.key(Down);
    }
    again.key(Enter);
    assert_eq!(again.balance(), 182);
    assert_eq!(
        again.app.doc.as_ref().unwrap().case,
        d.app.doc.as_ref().unwrap().case
    );
    // The first traject still holds the lock: the second opens it to read.
    assert!(
        matches!(
            &again.app.doc.as_ref().unwrap().read_only,
            Some(traject::tui::app::ReadOnly::OpenElsewhere(h)) if h.contains("al geopend")
        ),
        "{:?}",
        again.app.doc.as_ref().unwrap().read_only
    );
    assert!(matches!(again.app.overlay, Overlay::Choice(_)));
}

#[test]
fn a_failed_save_keeps_everything_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    // The "data directory" is a file: nothing can be saved in it.
    let blocker = dir.path().join("geen-map");
    std::fs::write(&blocker, "x").unwrap();
    let mut d = Driver::new(&blocker);
    d.open_demo("S01.ron").key(Tab).keys("d").keys("v");
    d.ctrl('s').key(Enter);
    let status = d.app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("Niet bewaard"),
        "{status:?}"
    );
    let doc = d.app.doc.as_ref().unwrap();
    assert!(doc.dirty());
    assert_eq!(doc.case.years[0].enrolments[0].units.len(), 9);
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "x");
}

#[test]
fn a_broken_file_opens_an_error_screen_and_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.ron");
    let text = "(\n    format: 1,\n    student: (name: \"A\", kleur: 3),\n)\n";
    std::fs::write(&path, text).unwrap();
    let mut d = Driver::new(dir.path());
    perform_open(&mut d, &path);
    let Screen::LoadError { message, .. } = &d.app.screen else {
        panic!("{:?}", d.app.screen)
    };
    assert!(message.contains("kapot.ron:3:"), "{message}");
    assert!(message.contains("onbekend veld `kleur`"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    d.key(Esc);
    assert_eq!(d.app.screen, Screen::CaseList);
}

fn perform_open(d: &mut Driver, path: &std::path::Path) {
    traject::tui::perform(
        &mut d.app,
        &mut d.rt,
        traject::tui::Effect::Open(path.to_path_buf()),
    );
}

#[test]
fn every_figure_can_be_explained() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S02.ron").key(BackTab);
    assert_eq!(d.app.focus, Pane::Figures);
    // Under the balance, the column headers, then the first ledger row.
    d.key(Down).key(Down).key(Enter);
    let Overlay::Why(w) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert_eq!(w.title, "Leerkrediet 2016-2017");
    assert!(
        w.rows
            .iter()
            .any(|r| matches!(r, WhyRow::Trace(l) if l.article.to_string() == "Art. 8.1 §3"))
    );
    d.key(Esc);
    assert!(matches!(d.app.overlay, Overlay::None));
    // In the units pane, w explains the selected unit.
    d.key(Tab).key(Tab).keys("w");
    assert!(matches!(d.app.overlay, Overlay::Why(_)));
}

#[test]
fn a_new_case_starts_with_the_student_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.keys("n");
    assert!(matches!(d.app.overlay, Overlay::Form(_)));
    d.ctrl('u').keys("Lotte Peeters").key(Enter);
    assert_eq!(
        d.app.doc.as_ref().unwrap().case.student.name,
        "Lotte Peeters"
    );
    // Add a programme, a year, an enrolment and a unit, all by keys.
    d.key(Down).key(Down).key(Down).key(Enter); // "+ opleiding"
    d.keys("CH").key(Tab).keys("Chemie").key(Enter);
    d.key(Tab).key(Tab).keys("a").key(Enter); // Navigator: new year 2017-2018
    d.keys("a").key(Enter); // enrolment in Chemie
    d.key(Tab)
        .keys("a")
        .keys("CH-1")
        .key(Tab)
        .keys("Fysica")
        .key(Enter);
    let doc = d.app.doc.as_ref().unwrap();
    assert_eq!(doc.case.years.len(), 1, "{:?}", d.app.status);
    assert_eq!(doc.case.years[0].enrolments[0].units.len(), 1);
    assert_eq!(doc.outcome.ledger.balance, 134);
}

#[test]
fn summary_lines_are_shown_edited_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S19c.ron");
    let before = d.balance();
    // Navigator rows: 2015-2016, its summary line, 2016-2017, ...
    d.key(Down).key(Enter);
    let Overlay::Form(f) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert!(f.title.starts_with("Samenvatting 2015-2016"), "{}", f.title);
    d.key(Esc);
    // A new year with a summary line: 60 taken, 60 acquired.
    d.keys("n").ctrl('u').keys("2018-2019").key(Enter);
    let rows = d.app.nav_rows();
    let last_year = rows
        .iter()
        .rposition(|t| matches!(t, traject::tui::app::Target::Year(_)))
        .unwrap();
    while d.app.sel.nav < last_year {
        d.key(Down);
    }
    d.keys("s")
        .key(Tab)
        .key(Tab)
        .ctrl('u')
        .keys("24")
        .key(Tab)
        .ctrl('u')
        .keys("24")
        .key(Enter);
    assert!(
        matches!(d.app.overlay, Overlay::None),
        "{:?}",
        d.app.overlay
    );
    // 24 taken, 24 acquired, no bonus (granted before): the balance stays.
    assert_eq!(d.balance(), before);
    assert_eq!(
        d.app
            .doc
            .as_ref()
            .unwrap()
            .outcome
            .ledger
            .rows
            .last()
            .unwrap()
            .taken,
        24
    );
    d.key(Down).keys("d").keys("v");
    assert!(
        d.app
            .doc
            .as_ref()
            .unwrap()
            .case
            .years
            .iter()
            .all(|y| y.year.0 != 2018 || y.summaries.is_empty())
    );
}

#[test]
fn the_withdrawals_pane_counts_down_to_the_deadlines() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut case = traject::casefile::load_case(&root.join("tests/cases/S01.ron")).unwrap();
    for u in &mut case.years[0].enrolments[0].units {
        u.first = None;
        u.second = None;
    }
    let path = dir.path().join("lopend.ron");
    std::fs::write(&path, traject::casefile::case_to_string(&case)).unwrap();
    let mut d = Driver::new(dir.path());
    d.app.today = "2017-10-20".parse().unwrap();
    traject::tui::perform(&mut d.app, &mut d.rt, traject::tui::Effect::Open(path));
    d.key(Tab).key(Tab).key(Tab);
    let screen = d.screen(160, 40);
    assert!(
        screen.contains(
            "⏱ Chemie: wie vandaag uitschrijft, verliest 0 SP leerkrediet (bij een overstap 0 SP)."
        ),
        "{screen}"
    );
    // The second sentence wraps; read it without the borders.
    let text: String = screen
        .lines()
        .map(|l| l.split('│').nth(3).unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Uitschrijven op 23-10-2017 (over 3 dagen) kost 0 SP (bij een overstap 0 SP); op 30-11-2017 (over 41 dagen) 60 SP (bij een overstap 0 SP); op 15-03-2018 (over 146 dagen) 60 SP (bij een overstap 30 SP)."),
        "{text}"
    );
}

fn doc(d: &Driver) -> &traject::tui::app::Document {
    d.app.doc.as_ref().unwrap()
}

#[test]
fn a_second_chance_what_if_makes_a_scenario_that_can_be_compared_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Tab).key(Tab); // Results, CH-AC1 (7 then 9)
    d.keys("C").keys("12").key(Enter);
    assert_eq!(doc(&d).scenario_name(), Some("CH-AC1 in september: 12"));
    // In the scenario the unit is credited: 188 + 6 + 6.
    assert_eq!(d.balance(), 200);
    // The baseline is untouched.
    assert_eq!(
        doc(&d).base.years[0].enrolments[0].units[0].second,
        Some(traject::model::Mark::whole(9))
    );
    d.keys("[");
    assert_eq!(doc(&d).scenario_name(), None);
    assert_eq!(d.balance(), 188);
    d.keys("]");
    assert_eq!(d.balance(), 200);
    // Compare: the balance differs, and Enter explains it.
    d.keys("c");
    let Overlay::Compare(v) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert_eq!(
        v.titles,
        vec!["basis".to_string(), "CH-AC1 in september: 12".to_string()]
    );
    let balance = &v.rows[v.selected];
    assert_eq!(balance.title, "Leerkrediet: saldo");
    let values: Vec<&str> = balance.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(values, ["188", "200"]);
    assert_eq!(balance.delta(1), "+12");
    // Enter explains the scenario's column alone: its lines add up to 200.
    d.key(Enter);
    let Overlay::Why(w) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert!(w.title.contains("200 (basis: 188)"), "{}", w.title);
    assert_eq!(why_total(w), 200);
    // Esc goes back to the comparison, ← to the baseline's column.
    d.key(Esc).key(Left).key(Enter);
    let Overlay::Why(w) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert_eq!(why_total(w), 188);
    d.key(Esc);
    assert!(matches!(d.app.overlay, Overlay::Compare(_)));
    d.key(Esc);
    // Saved with the case, and back after reopening.
    d.ctrl('s').key(Enter);
    let path = doc(&d).path.clone().unwrap();
    let back = traject::casefile::load_case(&path).unwrap();
    assert_eq!(back.scenarios.len(), 1);
    assert_eq!(back.scenarios[0].changes.len(), 1);
}

#[test]
fn a_correction_of_the_baseline_flows_into_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Tab).key(Tab).keys("T");
    assert_eq!(doc(&d).scenario_name(), Some("CH-AC1 tolereren"));
    let used = |d: &Driver| {
        d.app
            .doc
            .as_ref()
            .unwrap()
            .outcome
            .programme("CH")
            .unwrap()
            .tolerance
            .as_ref()
            .unwrap()
            .used
    };
    assert_eq!(used(&d), 6);
    // Back to the baseline: correct CH-FYS (the third unit) from 13 to 8.
    d.keys("[")
        .key(Down)
        .key(Down)
        .key(Enter)
        .ctrl('u')
        .keys("8")
        .key(Enter);
    assert_eq!(used(&d), 0);
    // 48 acquired, 48 bonus: 140 − 60 + 48 + 48.
    assert_eq!(d.balance(), 176);
    // The scenario sees the correction: CH-FYS failed there too, CH-AC1 still tolerated.
    d.keys("]");
    assert_eq!(used(&d), 6);
    assert_eq!(d.balance(), 176);
    let fys = doc(&d)
        .outcome
        .unit(traject::model::AcademicYear(2017), "CH", "CH-FYS")
        .unwrap();
    assert_eq!(fys.final_mark, Some(traject::model::Mark::whole(8)));
}

#[test]
fn editing_in_a_scenario_records_changes_and_leaves_the_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron")
        .keys("S")
        .keys("Extra vak")
        .key(Enter);
    assert_eq!(doc(&d).scenario_name(), Some("Extra vak"));
    d.key(Tab)
        .keys("a")
        .keys("CH-11")
        .key(Tab)
        .keys("Statistiek")
        .key(Enter);
    assert_eq!(d.balance(), 182);
    assert_eq!(doc(&d).base.years[0].enrolments[0].units.len(), 10);
    assert_eq!(doc(&d).base.scenarios[0].changes.len(), 1);
    // Undo takes the change back out of the scenario.
    d.keys("u");
    assert_eq!(d.balance(), 188);
    assert!(doc(&d).base.scenarios[0].changes.is_empty());
    // The student's name is edited in the baseline only.
    d.key(Tab)
        .key(Tab)
        .key(Tab)
        .key(Enter)
        .keys(" X")
        .key(Enter);
    let Overlay::Form(f) = &d.app.overlay else {
        panic!("the form stays open with a message")
    };
    assert!(
        f.message.as_deref().unwrap().contains("in de basis"),
        "{:?}",
        f.message
    );
}

#[test]
fn a_withdrawal_after_the_exams_says_why_it_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Tab).key(Tab).key(Tab); // Withdrawals, Chemie row
    d.keys("X").ctrl('u').keys("2017-10-20").key(Enter);
    assert_eq!(
        doc(&d).scenario_name(),
        Some("Uitschrijven uit CH op 20-10-2017")
    );
    // S01 has every result: the examined units keep them (12.1).
    assert_eq!(d.balance(), 188);
    let text = d.status_text();
    assert!(
        text.contains("verandert niets: CH-AC1, CH-ALG en 8 andere zijn al geëxamineerd: uitschrijven verandert hun resultaat niet"),
        "{text}"
    );
    // The comparison says so too.
    d.keys("c");
    let Overlay::Compare(v) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert!(!traject::rules::column_differs(&v.rows, 1));
}

#[test]
fn a_second_chance_that_changes_no_figure_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Tab).key(Tab); // Results, CH-AC1 (7 then 9)
    d.keys("C").keys("8").key(Enter);
    let text = d.status_text();
    assert!(
        text.contains("verandert niets: CH-AC1 krijgt 8 maar blijft niet geslaagd"),
        "{text}"
    );
}

#[test]
fn a_what_if_that_changes_figures_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S02.ron").key(Down).key(Down).key(Down); // 2017-2018, Chemie
    d.keys("X").ctrl('u').keys("2017-10-20").key(Enter);
    assert_eq!(d.balance(), 200);
    let text = d.status_text();
    assert!(
        text.contains("Leerkrediet: saldo 170 → 200 (+30)"),
        "{text}"
    );
}

#[test]
fn next_year_then_the_report_in_html_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Down).keys("N");
    assert_eq!(
        doc(&d).scenario_name(),
        Some("2018-2019: CH opnieuw (6 SP)")
    );
    assert_eq!(doc(&d).case.years.len(), 2);
    assert_eq!(d.balance(), 188 - 6);
    assert_eq!(doc(&d).base.years.len(), 1, "the baseline keeps one year");
    d.keys("e");
    let stem = dir
        .path()
        .join("s01-faq-voorbeeld-verslag-2018-2019-ch-opnieuw-6-sp");
    let html = std::fs::read_to_string(stem.with_extension("html"))
        .unwrap_or_else(|e| panic!("{e}: {:?}", d.app.status));
    assert!(html.contains("scenario «2018-2019: CH opnieuw (6 SP)»"));
    let md = std::fs::read_to_string(stem.with_extension("md")).unwrap();
    assert!(md.starts_with("# Je leerkrediet"));
    let text = d.status_text();
    assert!(
        text.contains(".html en ") && text.ends_with("-sp.md."),
        "{text}"
    );
}

#[test]
fn a_switch_to_a_new_programme_stays_in_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S02.ron").key(Down).key(Down).key(Down); // 2017-2018, Chemie
    d.keys("O")
        .key(Tab)
        .keys("VG")
        .key(Tab)
        .keys("Vastgoed")
        .key(Tab)
        .key(Tab)
        .key(Tab)
        .key(Tab)
        .ctrl('u')
        .keys("2017-11-20")
        .key(Enter);
    assert_eq!(
        doc(&d).scenario_name(),
        Some("Overstap van CH naar VG op 20-11-2017")
    );
    // The new programme and enrolment are the scenario's own.
    assert_eq!(doc(&d).base.programmes.len(), 1);
    assert_eq!(doc(&d).base.years[1].enrolments.len(), 1);
    assert!(
        doc(&d).base.scenarios[0]
            .changes
            .iter()
            .any(|c| matches!(c, traject::model::Change::PutProgramme(p) if p.id == "VG"))
    );
    assert_eq!(doc(&d).case.years[1].enrolments.len(), 2);
    let text = d.status_text();
    assert!(
        text.contains("verandert niets: in 2017-2018 geen generatiestudent"),
        "{text}"
    );
    assert!(text.contains("opleidingsonderdelen van VG"), "{text}");
    // A programme without units has no table: not in the figures, not in
    // the comparison.
    let figures = traject::tui::rows::figure_items(&doc(&d).outcome);
    assert!(!figures.iter().any(|f| f.text.contains("Vastgoed")));
    d.keys("c");
    let Overlay::Compare(v) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert!(!v.rows.iter().any(|r| r.label.contains("Vastgoed")));
    d.key(Esc);
    // A unit for Vastgoed, in the scenario: the baseline still has none.
    d.key(Down)
        .key(Tab)
        .keys("a")
        .keys("VG-RECHT")
        .key(Tab)
        .keys("Vastgoedrecht");
    d.key(Enter);
    assert_eq!(doc(&d).base.years[1].enrolments.len(), 1);
    let figures = traject::tui::rows::figure_items(&doc(&d).outcome);
    assert!(figures.iter().any(|f| f.text.contains("Vastgoed")));
    d.keys("[");
    let figures = traject::tui::rows::figure_items(&doc(&d).outcome);
    assert!(!figures.iter().any(|f| f.text.contains("Vastgoed")));
    assert_eq!(d.balance(), 170);
}

#[test]
fn adopting_a_scenario_asks_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("W01.ron").keys("A");
    assert!(
        d.status_text().contains("kies met ]"),
        "{}",
        d.status_text()
    );
    d.keys("]").keys("A");
    let Overlay::Choice(dialog) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    let About::Question(q) = &dialog.about else {
        panic!("{:?}", dialog.about)
    };
    let text = traject::tui::update::question_text(&d.app, q);
    assert!(
        text.starts_with(
            "Scenario «September: 12 voor Analytische chemie 1» overnemen in de basis?"
        ),
        "{text}"
    );
    d.keys("o");
    assert_eq!(doc(&d).scenario_name(), None);
    assert_eq!(d.balance(), 200);
    assert_eq!(doc(&d).base.scenarios.len(), 2);
    assert_eq!(
        doc(&d).base.years[0].enrolments[0].units[0].second,
        Some(traject::model::Mark::whole(12))
    );
    d.keys("u");
    assert_eq!(d.balance(), 188);
    assert_eq!(doc(&d).base.scenarios.len(), 3);
}

#[test]
fn the_comparison_shows_every_scenario_and_walks_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("W01.ron").keys("c");
    let Overlay::Compare(v) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert_eq!(v.titles.len(), 4);
    assert_eq!(v.column, 1);
    assert!(!v.rows[v.selected].heading);
    // The last column, then its balance explained alone: 182.
    d.keys("lll");
    let Overlay::Compare(v) = &d.app.overlay else {
        panic!()
    };
    assert_eq!(v.column, 3);
    d.key(Enter);
    let Overlay::Why(w) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert!(
        w.title.contains("«Volgend jaar opnieuw»: 182"),
        "{}",
        w.title
    );
    assert_eq!(why_total(w), 182);
    // At 80 columns not every scenario fits: the view says how many more.
    d.key(Esc).keys("hh");
    let screen = d.screen(80, 24);
    assert!(screen.contains("1 rechts ▶"), "{screen}");
    // Headings are skipped.
    d.key(Down).key(Down).key(Down);
    let Overlay::Compare(v) = &d.app.overlay else {
        panic!()
    };
    assert!(!v.rows[v.selected].heading);
}

#[test]
fn the_official_balance_is_entered_and_reconciled() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Enter); // the year form of 2017-2018
    d.key(Tab).key(Tab).key(Tab).keys("182").key(Enter);
    let o = &doc(&d).outcome;
    assert_eq!(o.reconciliation.len(), 1);
    assert_eq!(o.reconciliation[0].difference(), -6);
    assert!(
        o.warnings
            .iter()
            .any(|w| w.code.key() == "official-balance-differs")
    );
    // The figures list shows it, explained by the lines that could cause it.
    let items = traject::tui::rows::figure_items(o);
    let item = items
        .iter()
        .find(|f| f.text == "17-18 officieel 182 / berekend 188 (-6)")
        .expect("listed");
    assert!(item.why.rows().iter().any(|r| matches!(r, WhyRow::Trace(l)
            if l.msg.to_string().starts_with("Mogelijke verklaring")
                && l.article.to_string() == "Art. 8.1 §3")));
}

#[test]
fn esc_goes_back_to_the_case_list_and_asks_when_there_are_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S01.ron").key(Esc);
    assert_eq!(d.app.screen, Screen::CaseList);
    assert!(d.app.doc.is_none());
    // Esc brings the focus back to Jaren first, then asks.
    d.open_demo("S01.ron").key(Tab).keys("d").keys("v").key(Esc);
    assert!(matches!(d.app.overlay, Overlay::None));
    assert_eq!(d.app.focus, Pane::Navigator);
    d.key(Esc);
    assert!(matches!(d.app.overlay, Overlay::Choice(_)));
    d.key(Esc);
    assert_eq!(d.app.screen, Screen::Editor);
    d.key(Esc).keys("w");
    assert_eq!(d.app.screen, Screen::CaseList);
}

#[test]
fn the_opening_balance_with_rebuilds_and_earlier_progress_is_edited_in_the_student_pane() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.open_demo("S17.ron").key(BackTab).key(BackTab); // Student pane
    assert_eq!(d.app.focus, Pane::Student);
    let end = |d: &Driver| d.balance();
    assert_eq!(end(&d), 40);
    // Opening: the §12 rebuild "al gebruikt" → no rebuild in 2019-2020 on.
    d.key(Down).key(Enter);
    for _ in 0..5 {
        d.key(Tab);
    }
    d.key(crossterm::event::KeyCode::Right)
        .key(crossterm::event::KeyCode::Right)
        .key(Enter);
    let o = doc(&d).case.opening.clone().unwrap();
    assert_eq!(o.rebuilds.len(), 1, "{:?}", d.app.overlay);
    assert!(!o.rebuilds[0].in_progress);
    // No rebuild: 2023-2024 starts at 15, takes 60 and acquires 40 with no bonus.
    assert_eq!(end(&d), 15 - 60 + 40);
    // Earlier progress of the programme.
    d.key(Down)
        .key(Enter)
        .ctrl('u')
        .keys("120")
        .key(Tab)
        .ctrl('u')
        .keys("100")
        .key(Enter);
    let o = doc(&d).case.opening.clone().unwrap();
    assert_eq!((o.progress[0].taken, o.progress[0].acquired), (120, 100));
}

#[test]
fn every_figure_of_every_demo_case_is_explained_and_adds_up() {
    use traject::tui::explain::{WhyRow, adds_up};
    let params = traject::params::Params::default();
    // Judged after the year (every figure final) and during it (S27–S29
    // have pending units on their own dates).
    for today in ["2018-09-20", "2018-02-10", "2018-07-01"] {
        let today: traject::model::Date = today.parse().unwrap();
        for (name, text) in traject::tui::demo::DEMOS.iter() {
            let case = traject::casefile::parse_case(std::path::Path::new(name), text).unwrap();
            let o = traject::tui::app::outcome_of(&case, &params, today);
            for f in traject::tui::rows::figure_items(&o) {
                assert!(
                    !f.why.rows().is_empty(),
                    "{name} on {today}: {:?} has no explanation",
                    f.text
                );
                assert!(
                    adds_up(&f.why.rows()),
                    "{name} on {today}: {:?} does not add up: {:#?}",
                    f.text,
                    f.why.rows()
                );
                // A figure that is an amount is where its explanation arrives.
                if f.title == "Leerkrediet: saldo" {
                    assert!(
                        matches!(f.why.rows().last(), Some(WhyRow::Figure { amount, .. }) if *amount == o.ledger.balance),
                        "{name}: the balance's explanation ends elsewhere"
                    );
                }
                if let Some(r) = o
                    .ledger
                    .rows
                    .iter()
                    .find(|r| f.title == format!("Leerkrediet {}", r.year))
                {
                    assert!(
                        matches!(f.why.rows().last(), Some(WhyRow::Figure { amount, .. }) if *amount == r.end),
                        "{name}: {} ends elsewhere",
                        f.title
                    );
                    assert!(
                        matches!(f.why.rows().first(), Some(WhyRow::Figure { amount, .. }) if *amount == r.start),
                        "{name}: {} starts elsewhere",
                        f.title
                    );
                }
            }
        }
    }
}

/// Where a "Waarom?" arrives (its last figure), after checking that its
/// amounts add up to it.
fn why_total(w: &traject::tui::app::Why) -> i64 {
    assert!(traject::tui::explain::adds_up(&w.rows), "{:#?}", w.rows);
    match w.rows.last() {
        Some(WhyRow::Figure { amount, .. }) => *amount,
        other => panic!("the explanation ends with {other:?}"),
    }
}

#[test]
fn mid_year_the_what_ifs_leave_pending_units_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver::new(dir.path());
    d.app.today = "2018-02-10".parse().unwrap();
    d.open_demo("S27.ron");
    let doc = d.app.doc.as_ref().unwrap();
    assert!(doc.outcome.ledger.rows[0].provisional);
    let scenarios = doc.base.scenarios.len();
    // N: every unit without a credit still waits for its result.
    d.key(Char('N'));
    let status = d
        .app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("nog geen eindresultaat"), "{status}");
    // T on FYS (first chance 7, second still to come): nothing to tolerate yet.
    d.key(Tab).key(Tab).key(Down).key(Down).key(Char('T'));
    let status = d
        .app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("FYS heeft nog geen eindresultaat"),
        "{status}"
    );
    assert_eq!(d.app.doc.as_ref().unwrap().base.scenarios.len(), scenarios);
}

#[test]
fn the_overview_sorts_filters_and_opens_on_the_flagged_figure() {
    use traject::tui::app::{ListEntry, Pane};
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    for n in ["S01", "S19b", "S27", "V01-grade-21"] {
        std::fs::copy(
            format!("{root}/tests/cases/{n}.ron"),
            dir.path().join(format!("{n}.ron")),
        )
        .unwrap();
    }
    let mut d = Driver::new(dir.path());
    d.app.today = "2018-02-10".parse().unwrap();
    traject::tui::run::review_now(&mut d.app);
    let files = |d: &Driver| -> Vec<String> {
        d.app
            .visible_list()
            .iter()
            .filter_map(|e| match e {
                ListEntry::File { label, .. } => Some(label.clone()),
                _ => None,
            })
            .collect()
    };
    // The most serious first; the demos hidden until v.
    assert_eq!(
        files(&d),
        ["S19b.ron", "S27.ron", "V01-grade-21.ron", "S01.ron"]
    );
    assert!(
        !d.app
            .visible_list()
            .iter()
            .any(|e| matches!(e, ListEntry::Demo(_)))
    );
    d.key(Char('v'));
    assert!(
        d.app
            .visible_list()
            .iter()
            .any(|e| matches!(e, ListEntry::Demo(_)))
    );
    d.key(Char('v'));
    // Errors only, then all again.
    d.key(Char('f'));
    assert_eq!(files(&d), ["V01-grade-21.ron"]);
    d.key(Char('f'));
    // Sorted on the name, then reversed.
    d.key(Char('s')).key(Char('s'));
    assert_eq!(files(&d)[0], "S01.ron");
    d.key(Char('S'));
    assert_eq!(files(&d)[0], "V01-grade-21.ron");
    // `/` filters as it is typed; Esc empties it.
    d.key(Char('/')).keys("peet");
    assert_eq!(files(&d), ["S27.ron"]);
    d.key(Esc);
    assert_eq!(files(&d).len(), 4);
    // Enter opens on the goal that was flagged.
    d.key(Char('/')).keys("sara").key(Enter);
    assert_eq!(d.app.focus, Pane::Figures);
    d.key(Enter);
    assert!(
        d.screen(120, 40).contains("geen bindende voorwaarden"),
        "{}",
        d.screen(120, 40)
    );
}
