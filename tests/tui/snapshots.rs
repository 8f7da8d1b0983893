//! TestBackend + insta snapshots of every screen, at 120×40 and 80×24
//! (and at 200×60 the screens whose layout changes with the width).

use crossterm::event::KeyCode::{BackTab, Down, Enter, Tab};

use crate::support::Driver;

/// A driver on an empty, fixed data directory (so the title is stable).
fn driver() -> Driver {
    Driver::new(std::path::Path::new("/dossiers"))
}

fn both(name: &str, d: &Driver) {
    insta::assert_snapshot!(format!("{name}_120x40"), d.screen(120, 40));
    insta::assert_snapshot!(format!("{name}_80x24"), d.screen(80, 24));
}

fn three(name: &str, d: &Driver) {
    both(name, d);
    insta::assert_snapshot!(format!("{name}_200x60"), d.screen(200, 60));
}

/// A case with long Dutch names (programme, units, student).
/// The case with long Dutch names, opened from a copy in a directory of
/// its own (opening takes a lock next to the file: two tests opening the
/// same file would see each other's lock).
fn long_names() -> (tempfile::TempDir, Driver) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lange-namen.ron");
    std::fs::copy(root.join("tests/tui/cases/lange-namen.ron"), &file).unwrap();
    let mut d = driver();
    d.app.today = "2018-02-10".parse().unwrap();
    d.open(&file);
    // The title shows the file name as the runner found it.
    if let Some(doc) = d.app.doc.as_mut() {
        doc.origin = "lange-namen.ron".into();
    }
    (dir, d)
}

#[test]
fn long_dutch_names_shrink_and_the_decisions_stay_whole() {
    let (_dir, mut d) = long_names();
    three("long_names_years", &d);
    d.key(Down).key(Tab);
    three("long_names_units", &d);
    d.key(Tab);
    three("long_names_results", &d);
    d.key(Tab).key(Tab);
    three("long_names_student", &d);
    d.key(Tab);
    three("long_names_figures", &d);
}

#[test]
fn long_names_in_a_scenario_keep_the_balance_in_the_title() {
    let (_dir, mut d) = long_names();
    d.keys("S");
    d.keys(
        "Wat als de student zich in februari uitschrijft voor alle onderdelen van semester twee",
    );
    d.key(Enter);
    three("long_names_scenario", &d);
}

#[test]
fn case_list() {
    both("case_list", &driver());
}

/// A data directory of demo and own cases (fixed save times), computed.
fn overview_driver() -> (tempfile::TempDir, Driver) {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_512_000_000);
    for n in ["S01", "S04", "S11", "S19a", "S19b", "S27", "V01-grade-21"] {
        let to = dir.path().join(format!("{n}.ron"));
        std::fs::copy(format!("{root}/tests/cases/{n}.ron"), &to).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&to)
            .unwrap()
            .set_modified(when)
            .unwrap();
    }
    let mut d = Driver::new(dir.path());
    d.app.today = "2018-02-10".parse().unwrap();
    traject::tui::run::review_now(&mut d.app);
    (dir, d)
}

#[test]
fn case_list_as_an_overview() {
    let (_dir, mut d) = overview_driver();
    d.app.data_dir = "/dossiers".into();
    both("overview", &d);
    d.key(crossterm::event::KeyCode::Char('/'));
    d.keys("bindende");
    both("overview_filtered", &d);
}

#[test]
fn units_pane() {
    let mut d = driver();
    d.open_demo("S13.ron").key(Tab);
    three("units", &d);
}

#[test]
fn results_pane_with_composite_units() {
    let mut d = driver();
    d.open_demo("S14.ron").key(Tab).key(Tab);
    three("results", &d);
}

#[test]
fn withdrawals_pane_with_a_switch() {
    let mut d = driver();
    d.open_demo("S04.ron").key(Tab).key(Tab).key(Tab);
    both("withdrawals", &d);
}

#[test]
fn student_pane_with_opening_and_events() {
    let mut d = driver();
    d.open_demo("S16.ron").key(BackTab).key(BackTab);
    both("student", &d);
}

#[test]
fn figures_pane_and_why_view() {
    let mut d = driver();
    d.open_demo("S02.ron")
        .key(BackTab)
        .key(Down)
        .key(Down)
        .key(Down);
    both("figures", &d);
    d.key(Enter);
    both("why", &d);
}

#[test]
fn help_overlay() {
    let mut d = driver();
    d.open_demo("S01.ron").keys("?");
    three("help", &d);
    // Scrolled to its end at 80×24: nothing runs together, nothing past it.
    for _ in 0..200 {
        d.key(Down);
    }
    insta::assert_snapshot!("help_scrolled_80x24", d.screen(80, 24));
}

#[test]
fn unit_form_with_an_inline_error() {
    let mut d = driver();
    d.open_demo("S01.ron")
        .key(Tab)
        .keys("a")
        .keys("CH-11")
        .key(Tab)
        .keys("Statistiek")
        .key(Tab)
        .ctrl('u')
        .keys("2");
    both("form", &d);
}

#[test]
fn delete_confirmation() {
    let mut d = driver();
    d.open_demo("S01.ron").key(Tab).keys("d");
    both("confirm", &d);
}

#[test]
fn load_error_screen() {
    let mut d = driver();
    d.app.screen = traject::tui::app::Screen::LoadError {
        path: "/dossiers/kapot.ron".into(),
        message: "/dossiers/kapot.ron:3:29: onbekend veld `kleur` in student; toegelaten velden: `name`, `number`, `notes`".into(),
    };
    both("load_error", &d);
}

#[test]
fn too_small_terminal() {
    let mut d = driver();
    d.open_demo("S01.ron");
    insta::assert_snapshot!("too_small_60x20", d.screen(60, 20));
}

#[test]
fn compare_view_of_scenarios() {
    let mut d = driver();
    d.open_demo("W01.ron").keys("]").keys("c");
    both("compare", &d);
}

#[test]
fn withdrawals_pane_counting_down() {
    // S01 before its exams: every unit still open on 20 November 2017.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut case = traject::casefile::load_case(&root.join("tests/cases/S01.ron")).unwrap();
    for u in &mut case.years[0].enrolments[0].units {
        u.first = None;
        u.second = None;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lopend.ron");
    std::fs::write(&path, traject::casefile::case_to_string(&case)).unwrap();
    let mut d = driver();
    d.app.today = "2017-11-20".parse().unwrap();
    traject::tui::perform(&mut d.app, &mut d.rt, traject::tui::Effect::Open(path));
    d.key(Tab).key(Tab).key(Tab);
    both("countdown", &d);
}

#[test]
fn switch_form_with_a_new_programme() {
    let mut d = driver();
    d.open_demo("S02.ron")
        .key(Down)
        .key(Down)
        .key(Down)
        .keys("O");
    both("switch_form", &d);
}

#[test]
fn what_if_that_changes_nothing_says_why() {
    let mut d = driver();
    d.open_demo("S01.ron")
        .key(Tab)
        .key(Tab)
        .key(Tab)
        .keys("X")
        .ctrl('u')
        .keys("2017-10-20")
        .key(Enter);
    both("what_if_status", &d);
}

/// S01 as if opened from `/dossiers/jan.ron`, with what the runner found.
fn opened(held_elsewhere: Option<&str>, comments: bool) -> Driver {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let case = traject::casefile::load_case(&root.join("tests/cases/S01.ron")).unwrap();
    let mut d = driver();
    let opened = traject::tui::action::OpenedCase {
        case,
        path: "/dossiers/jan.ron".into(),
        held_elsewhere: held_elsewhere.map(str::to_string),
        read_only_file: false,
        comments,
        recovery: None,
        changed_since_recovery: false,
    };
    traject::tui::update(
        &mut d.app,
        traject::tui::Action::Opened(Box::new(traject::tui::action::Opened::Case(Box::new(
            opened,
        )))),
    );
    d
}

#[test]
fn choice_dialog_changed_on_disk() {
    let mut d = opened(None, false);
    traject::tui::update(
        &mut d.app,
        traject::tui::Action::SaveRefused(traject::tui::action::Refusal::ChangedOnDisk),
    );
    both("choice_changed_on_disk", &d);
}

#[test]
fn choice_dialog_open_elsewhere_and_read_only_title() {
    let mut d = opened(
        Some("dit dossier is al geopend in een ander venster van traject (proces 1234)"),
        false,
    );
    both("choice_open_elsewhere", &d);
    d.key(Enter);
    both("read_only_editor", &d);
}

#[test]
fn choice_dialog_comments() {
    let mut d = opened(None, true);
    d.ctrl('s');
    both("choice_comments", &d);
}
