//! Key-driven tests of the App state.

use crossterm::event::KeyCode::{BackTab, Down, Enter, Esc, Tab};
use traject::tui::app::{Overlay, Pane, Screen};

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
    assert!(matches!(d.app.overlay, Overlay::Confirm(_)));
    d.keys("n");
    assert_eq!(
        d.app.doc.as_ref().unwrap().case.years[0].enrolments[0]
            .units
            .len(),
        10
    );
    d.keys("d").keys("j");
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
    d.open_demo("S01.ron").key(Tab).keys("d").keys("j");
    d.keys("q");
    assert!(matches!(d.app.overlay, Overlay::Confirm(_)));
    assert!(!d.app.quit);
    d.keys("n").keys("q").keys("j");
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
    // The first traject still holds the lock: the second is warned.
    assert!(
        again
            .app
            .lock_warning
            .as_deref()
            .unwrap_or_default()
            .contains("al geopend"),
        "{:?}",
        again.app.lock_warning
    );
}

#[test]
fn a_failed_save_keeps_everything_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    // The "data directory" is a file: nothing can be saved in it.
    let blocker = dir.path().join("geen-map");
    std::fs::write(&blocker, "x").unwrap();
    let mut d = Driver::new(&blocker);
    d.open_demo("S01.ron").key(Tab).keys("d").keys("j");
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
    // The second line is the first ledger row.
    d.key(Down).key(Enter);
    let Overlay::Why(w) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert_eq!(w.title, "Leerkrediet 2016-2017");
    assert!(w.lines.iter().any(|l| l.article == "Art. 8.1 §3"));
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
    d.key(Down).keys("d").keys("j");
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
        screen.contains("⏱ Chemie: vandaag −0/0 · 23-10-17 (3 d.) −0/0 · 30-11-17 (41 d.) −60/0"),
        "{screen}"
    );
}
