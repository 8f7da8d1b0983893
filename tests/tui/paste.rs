//! Pasting (bracketed paste): rows of course units into a preview that
//! Enter adds as one undoable change; one line into a form field.

use crossterm::event::KeyCode::{Down, Enter, Esc, Tab};
use traject::tui::app::{Overlay, Pane};

use crate::support::Driver;

/// A fresh case: Sara Peeters, first enrolment in Chemie 2017-2018 with no
/// units yet (the benchmark of issue 10).
const SARA: &str = include_str!("cases/sara-leeg.ron");

/// The six rows of the benchmark as a spreadsheet copies them (tabs).
pub const SARA_ROWS: &str = "CHEM-ALG\tAlgemene chemie\t6\tsem 1\t12\t\n\
                             WISK1\tWiskunde 1\t6\tsem 1\t8\t11\n\
                             FYS\tFysica\t6\tsem 1\t7\t9\n\
                             LAB\tLabo 1\t3\tsem 2\t14\t\n\
                             BIO\tBiologie\t6\tsem 2\t9\t8\n\
                             ENG\tEngels\t3\tsem 2\t10\t\n";

fn sara(dir: &std::path::Path) -> Driver {
    let path = dir.join("sara.ron");
    std::fs::write(&path, SARA).unwrap();
    let mut d = Driver::new(dir);
    d.app.today = "2017-10-20".parse().unwrap();
    d.open(&path);
    d
}

fn units(d: &Driver) -> Vec<String> {
    d.app.doc.as_ref().unwrap().case.years[0].enrolments[0]
        .units
        .iter()
        .map(|u| u.code.clone())
        .collect()
}

#[test]
fn paste_preview_enter_adds_the_units_and_one_undo_takes_them_all_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = sara(dir.path());
    let before = d.balance();
    d.key(Tab).paste(SARA_ROWS);
    let Overlay::Paste(p) = &d.app.overlay else {
        panic!("a preview: {:?}", d.app.status)
    };
    assert_eq!(p.rows.summary(), "6 rijen, 6 goed, 0 met fouten");
    assert!(units(&d).is_empty(), "nothing added before Enter");
    d.key(Enter);
    assert!(matches!(d.app.overlay, Overlay::None));
    assert_eq!(d.app.focus, Pane::Units);
    assert_eq!(units(&d), ["CHEM-ALG", "WISK1", "FYS", "LAB", "BIO", "ENG"]);
    assert!(
        d.app
            .status
            .as_ref()
            .unwrap()
            .text
            .starts_with("6 opleidingsonderdelen toegevoegd aan CH in 2017-2018"),
        "{:?}",
        d.app.status
    );
    // 140 − 30 + 18 credits + 18 back for the first credits.
    assert_eq!(d.balance(), 146);
    let screen = d.screen(120, 40);
    assert!(
        screen.contains("CHEM-ALG") && screen.contains("ENG"),
        "{screen}"
    );
    d.keys("u");
    assert!(units(&d).is_empty(), "one undo takes all six back");
    assert_eq!(d.balance(), before);
    d.ctrl('r');
    assert_eq!(units(&d).len(), 6);
}

#[test]
fn codes_already_there_are_reported_not_added_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = sara(dir.path());
    d.paste(SARA_ROWS).key(Enter);
    assert_eq!(units(&d).len(), 6);
    let more = "FYS\tFysica\t6\tsem 1\t7\t9\nCHEM2\tChemie 2\t6\tsem 2\tzeven\t\nORG\tOrganische chemie\t6\tsem 2\t13\t\n";
    d.paste(more);
    let Overlay::Paste(p) = &d.app.overlay else {
        panic!("a preview")
    };
    assert_eq!(p.rows.summary(), "3 rijen, 1 goed, 2 met fouten");
    let screen = d.screen(120, 40);
    assert!(
        screen.contains("‘FYS’ staat al in 2017-2018 (CH)"),
        "{screen}"
    );
    assert!(screen.contains("rij 2, kolom 1e kans: ‘zeven’"), "{screen}");
    d.key(Enter);
    assert_eq!(units(&d).len(), 7, "only ORG is added");
    assert!(
        d.app
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("2 rijen met fouten niet toegevoegd"),
        "{:?}",
        d.app.status
    );
}

#[test]
fn esc_cancels_a_paste_and_a_paste_without_an_enrolment_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = sara(dir.path());
    d.paste(SARA_ROWS).key(Down).key(Esc);
    assert!(matches!(d.app.overlay, Overlay::None));
    assert!(units(&d).is_empty());
    assert!(!d.app.doc.as_ref().unwrap().dirty());
    // The case list has no enrolment to paste into.
    let mut list = Driver::new(dir.path());
    list.paste(SARA_ROWS);
    assert!(matches!(list.app.overlay, Overlay::None));
    assert!(
        list.app
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("open eerst een dossier")
    );
}

#[test]
fn a_paste_into_a_form_field_inserts_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = sara(dir.path());
    d.key(Tab).keys("a");
    let Overlay::Form(_) = &d.app.overlay else {
        panic!("the unit form")
    };
    d.paste("CHEM-ALG\r\nWISK1\n");
    let Overlay::Form(form) = &d.app.overlay else {
        panic!("the form stays open")
    };
    assert_eq!(form.fields[form.focus].input.value(), "CHEM-ALG");
    assert!(d.app.status.as_ref().unwrap().text.contains("eerste regel"));
}

#[test]
fn a_date_field_takes_a_date_as_people_write_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = sara(dir.path());
    // The enrolment's form: its dates are shown DD-MM-JJJJ.
    d.key(Down).key(Enter);
    let Overlay::Form(form) = &d.app.overlay else {
        panic!("the enrolment form: {:?}", d.app.status)
    };
    let at = form
        .fields
        .iter()
        .position(|f| f.input.value() == "25-09-2017")
        .expect("the enrolment date shown as 25-09-2017");
    while let Overlay::Form(f) = &d.app.overlay
        && f.focus != at
    {
        d.key(Tab);
    }
    d.ctrl('u').keys("1/10/2017").key(Enter);
    assert!(matches!(d.app.overlay, Overlay::None), "{:?}", d.app.status);
    let case = &d.app.doc.as_ref().unwrap().case;
    assert_eq!(
        case.years[0].enrolments[0].enrolled,
        traject::model::Date::ymd(2017, 10, 1)
    );
}

fn preview_with_errors(dir: &std::path::Path) -> Driver {
    let mut d = sara(dir);
    d.app.data_dir = "/dossiers".into();
    let rows =
        format!("{SARA_ROWS}STAT\tStatistiek voor chemici en biologen\tzes\tsem 3\t12,5\t\n");
    d.key(Tab).paste(&rows);
    d
}

#[test]
fn paste_preview_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let d = preview_with_errors(dir.path());
    insta::assert_snapshot!("paste_preview_120x40", d.screen(120, 40));
    insta::assert_snapshot!("paste_preview_80x24", d.screen(80, 24));
}
