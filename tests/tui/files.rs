//! Nobody else's work is overwritten and nothing typed is lost: a file
//! changed on disk, a read-only file, a second window, an interrupted save,
//! comments, recovery files — driven with keys, as the runner does.

use std::fs;
use std::path::{Path, PathBuf};

use crossterm::event::KeyCode::{Enter, Esc, Left, Right, Tab};
use traject::tui::Effect;
use traject::tui::app::{About, ListEntry, Overlay, ReadOnly};

use crate::support::Driver;

/// A case file without comments (as traject writes it) in `dir`.
fn case_file(dir: &Path, name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let case = traject::casefile::load_case(&root.join("tests/cases/S01.ron")).unwrap();
    let path = dir.join(name);
    fs::write(&path, traject::casefile::case_to_string(&case)).unwrap();
    path
}

/// Deletes the selected unit (the first: S01 188 → 194).
fn edit(d: &mut Driver) {
    if d.app.focus != traject::tui::app::Pane::Units {
        d.key(Tab);
    }
    let before = d.balance();
    d.keys("d").keys("v");
    assert_ne!(d.balance(), before, "{:?}", d.app.status);
    assert!(d.app.doc.as_ref().unwrap().dirty());
}

/// traject stops without saving, as a crash or `kill -9` leaves it: the
/// recovery file stays, and its lock names a process that is gone.
fn crash(d: Driver, case: &Path) {
    let lock = case.with_file_name(format!(
        ".{}.lock",
        case.file_name().unwrap().to_string_lossy()
    ));
    if lock.exists() {
        fs::write(&lock, "pid=999999999\nhost=?\nsince=1\n").unwrap();
    }
    drop(d);
}

fn someone_else_writes(path: &Path) -> Vec<u8> {
    let text = fs::read_to_string(path)
        .unwrap()
        .replace("S01 FAQ-voorbeeld", "Door een collega gewijzigd");
    fs::write(path, &text).unwrap();
    text.into_bytes()
}

/// A case file in a new directory, opened in a driver and edited.
fn opened_and_edited() -> (tempfile::TempDir, PathBuf, Driver) {
    let dir = tempfile::tempdir().unwrap();
    let path = case_file(dir.path(), "jan.ron");
    let mut d = Driver::new(dir.path());
    d.open(&path);
    edit(&mut d);
    (dir, path, d)
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let (_dir, path, mut d) = opened_and_edited();
    let theirs = someone_else_writes(&path);
    d.ctrl('s');
    assert_eq!(d.dialog(), Some(&About::ChangedOnDisk));
    assert_eq!(fs::read(&path).unwrap(), theirs, "nothing written yet");

    // Enter presses the safest button: save as, under another name.
    d.key(Enter);
    assert!(matches!(d.app.overlay, Overlay::Form(_)));
    d.key(Enter);
    let doc = d.app.doc.as_ref().unwrap();
    assert!(!doc.dirty(), "{}", d.status_text());
    let copy = doc.path.clone().unwrap();
    assert_ne!(copy, path);
    assert_eq!(fs::read(&path).unwrap(), theirs, "their version stays");
    assert!(
        fs::read_to_string(&copy)
            .unwrap()
            .contains("S01 FAQ-voorbeeld")
    );
}

#[test]
fn overwrite_keeps_their_version_in_the_backup_and_reload_shows_it() {
    let (dir, path, mut d) = opened_and_edited();
    let theirs = someone_else_writes(&path);
    // Overschrijven is the third button.
    d.ctrl('s').key(Right).key(Right).key(Enter);
    assert!(d.dialog().is_none(), "{:?}", d.app.overlay);
    assert!(!d.app.doc.as_ref().unwrap().dirty(), "{}", d.status_text());
    assert!(
        !fs::read_to_string(&path)
            .unwrap()
            .contains("Door een collega")
    );
    let bak = dir.path().join("jan.ron.bak");
    assert_eq!(fs::read(&bak).unwrap(), theirs);

    // Again, now reloading: their version, mine gone.
    edit(&mut d);
    let theirs = someone_else_writes(&path);
    d.ctrl('s').key(Right).key(Enter);
    let doc = d.app.doc.as_ref().unwrap();
    assert_eq!(doc.case.student.name, "Door een collega gewijzigd");
    assert!(!doc.dirty());
    assert_eq!(fs::read(&path).unwrap(), theirs);
    // And a save after the reload goes through without a question.
    edit(&mut d);
    d.ctrl('s');
    assert!(d.dialog().is_none());
    assert!(!d.app.doc.as_ref().unwrap().dirty(), "{}", d.status_text());
}

#[test]
fn esc_on_a_question_about_the_file_changes_nothing() {
    let (_dir, path, mut d) = opened_and_edited();
    let theirs = someone_else_writes(&path);
    d.ctrl('s');
    // Navigation keys only move; Esc cancels.
    for key in [Right, Right, Left, Tab] {
        d.key(key);
        assert_eq!(d.dialog(), Some(&About::ChangedOnDisk));
    }
    d.keys("hjklgG");
    assert_eq!(d.dialog(), Some(&About::ChangedOnDisk));
    d.key(Esc);
    assert!(d.dialog().is_none());
    assert!(d.app.doc.as_ref().unwrap().dirty(), "mine stay in memory");
    assert_eq!(fs::read(&path).unwrap(), theirs);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_never_replaced_and_offers_save_as() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = case_file(dir.path(), "jan.ron");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o400)).unwrap();
    let before = fs::read(&path).unwrap();
    let mut d = Driver::new(dir.path());
    d.open(&path);
    assert_eq!(d.app.doc.as_ref().unwrap().read_only, Some(ReadOnly::File));
    assert!(d.screen(80, 24).contains("alleen lezen"));
    edit(&mut d);
    d.ctrl('s');
    assert_eq!(d.dialog(), Some(&About::ReadOnlyFile));
    // Even an explicit overwrite leaves it alone (the runner refuses).
    d.key(Esc);
    let contents = traject::casefile::case_to_string(&d.app.doc.as_ref().unwrap().base);
    d.effect(Effect::Save {
        path: path.clone(),
        contents,
        overwrite: true,
    });
    assert_eq!(d.dialog(), Some(&About::ReadOnlyFile));
    d.key(Enter).key(Enter);
    let copy = d.app.doc.as_ref().unwrap().path.clone().unwrap();
    assert_ne!(copy, path);
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o400
    );
    assert!(d.app.doc.as_ref().unwrap().read_only.is_none());
}

#[test]
fn a_second_window_opens_read_only_until_it_takes_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = case_file(dir.path(), "jan.ron");
    let mut first = Driver::new(dir.path());
    first.open(&path);
    assert!(first.dialog().is_none());
    let mut second = Driver::new(dir.path());
    second.open(&path);
    assert!(matches!(second.dialog(), Some(About::OpenElsewhere(_))));
    // The safest answer: read only.
    second.key(Enter);
    assert!(matches!(
        second.app.doc.as_ref().unwrap().read_only,
        Some(ReadOnly::OpenElsewhere(_))
    ));
    edit(&mut second);
    second.ctrl('s');
    assert!(matches!(second.dialog(), Some(About::SaveOpenElsewhere(_))));
    let before = fs::read(&path).unwrap();
    second.key(Esc);
    assert_eq!(fs::read(&path).unwrap(), before, "nothing written");
    // Take over and save: the second window's version is in the file.
    second.ctrl('s').key(Right).key(Enter);
    assert!(second.dialog().is_none(), "{:?}", second.app.overlay);
    assert!(
        !second.app.doc.as_ref().unwrap().dirty(),
        "{}",
        second.status_text()
    );
    assert!(second.app.doc.as_ref().unwrap().read_only.is_none());

    // The first window learns at its next save that it lost the case.
    first.key(Tab).keys("d").keys("v");
    first.ctrl('s');
    assert!(
        matches!(first.dialog(), Some(About::SaveOpenElsewhere(h)) if h.contains("nam dit dossier over"))
    );
    let saved_by_second = fs::read(&path).unwrap();
    // Taking it back finds the file changed by the second: it asks again.
    first.key(Right).key(Enter);
    assert_eq!(first.dialog(), Some(&About::ChangedOnDisk));
    first.key(Esc);
    assert_eq!(fs::read(&path).unwrap(), saved_by_second);
}

#[test]
fn an_interrupted_save_leaves_nothing_behind_at_the_next_open_or_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = case_file(dir.path(), "jan.ron");
    // A save killed with -9: its temporary files hold the whole case.
    let leftovers = [
        dir.path().join(".jan.ron.tmp-999999999-0"),
        dir.path().join(".jan.ron.bak.tmp-999999999-1"),
    ];
    for l in &leftovers {
        fs::write(l, fs::read(&path).unwrap()).unwrap();
    }
    let mut d = Driver::new(dir.path());
    d.open(&path);
    for l in &leftovers {
        assert!(!l.exists(), "{} stayed after the open", l.display());
    }
    let again = dir.path().join(".jan.ron.tmp-999999999-2");
    fs::write(&again, "x").unwrap();
    edit(&mut d);
    d.ctrl('s');
    assert!(!again.exists(), "stayed after the save");
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn comments_are_announced_before_the_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jan.ron");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let original = fs::read(root.join("tests/cases/S01.ron")).unwrap();
    fs::write(&path, &original).unwrap();
    let mut d = Driver::new(dir.path());
    d.open(&path);
    edit(&mut d);
    d.ctrl('s');
    assert_eq!(d.dialog(), Some(&About::Comments));
    let screen = d.screen(80, 24);
    assert!(
        screen.contains("notities") && screen.contains("jan.ron.bak"),
        "{screen}"
    );
    // The safest answer is not to save.
    d.key(Enter);
    assert_eq!(fs::read(&path).unwrap(), original);
    assert!(d.app.doc.as_ref().unwrap().dirty());
    d.ctrl('s').key(Left).key(Enter);
    assert!(!d.app.doc.as_ref().unwrap().dirty(), "{}", d.status_text());
    assert_eq!(fs::read(dir.path().join("jan.ron.bak")).unwrap(), original);
    // Told once: the next save asks nothing.
    edit(&mut d);
    d.ctrl('s');
    assert!(d.dialog().is_none());
    assert!(!d.app.doc.as_ref().unwrap().dirty());
}

#[test]
fn unsaved_changes_are_offered_back_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let herstel = dir.path().join("state/herstel");
    let path = case_file(dir.path(), "jan.ron");
    let mut first = Driver::with_recovery(dir.path(), &herstel);
    first.open(&path);
    edit(&mut first);
    assert_eq!(first.balance(), 194);
    let written = first.rt.keep_recovery(&first.app, true).unwrap();
    assert!(written.starts_with(&herstel));
    crash(first, &path);

    let mut d = Driver::with_recovery(dir.path(), &herstel);
    d.open(&path);
    assert!(matches!(d.dialog(), Some(About::Recovery(_))));
    // Vergelijken, then back to the question.
    d.key(Right).key(Enter);
    let Overlay::Compare(view) = &d.app.overlay else {
        panic!("{:?}", d.app.overlay)
    };
    assert_eq!(view.titles, ["op schijf", "herstelbestand"]);
    assert!(view.rows.iter().any(|r| r.label.contains("CH-AC1")));
    assert!(
        view.rows.iter().any(|r| r.label.contains("saldo")
            && r.cells.iter().map(|c| c.text.as_str()).eq(["188", "194"]))
    );
    d.key(Esc);
    assert!(matches!(d.dialog(), Some(About::Recovery(_))));
    // Herstellen: the edit is back, not yet saved; undo goes to the file.
    d.key(Left).key(Enter);
    assert_eq!(d.balance(), 194);
    assert!(d.app.doc.as_ref().unwrap().dirty());
    assert_eq!(d.rt.recovery_file(), Some(written.as_path()));
    d.keys("u");
    assert_eq!(d.balance(), 188);
    d.ctrl('r');
    d.ctrl('s');
    assert!(!written.exists(), "a clean save removes it");
    assert_eq!(
        traject::casefile::load_case(&path).unwrap().years[0].enrolments[0]
            .units
            .len(),
        9
    );
}

#[test]
fn a_recovery_file_can_be_thrown_away_or_left_for_later() {
    let dir = tempfile::tempdir().unwrap();
    let herstel = dir.path().join("herstel");
    let path = case_file(dir.path(), "jan.ron");
    let mut first = Driver::with_recovery(dir.path(), &herstel);
    first.open(&path);
    edit(&mut first);
    let written = first.rt.keep_recovery(&first.app, true).unwrap();
    crash(first, &path);

    // Esc: not opened, the recovery file stays.
    let mut d = Driver::with_recovery(dir.path(), &herstel);
    d.open(&path).key(Esc);
    assert!(d.app.doc.is_none());
    assert!(written.exists());
    // Weggooien (the third button) removes it; the case is as on disk.
    d.open(&path).key(Right).key(Right).key(Enter);
    assert!(!written.exists());
    assert_eq!(d.balance(), 188);
    assert!(!d.app.doc.as_ref().unwrap().dirty());
}

#[test]
fn a_new_case_never_saved_comes_back_from_the_case_list() {
    let dir = tempfile::tempdir().unwrap();
    let herstel = dir.path().join("herstel");
    let mut first = Driver::with_recovery(dir.path(), &herstel);
    first.open_demo("S01.ron");
    edit(&mut first);
    let written = first.rt.keep_recovery(&first.app, true).unwrap();
    drop(first);

    let mut d = Driver::with_recovery(dir.path(), &herstel);
    assert!(matches!(&d.app.list[0], ListEntry::Recovery { label, .. } if label.contains("S01")));
    d.key(Enter);
    assert_eq!(d.balance(), 194);
    assert!(d.app.doc.as_ref().unwrap().dirty());
    assert!(d.screen(120, 40).contains("(hersteld)"));
    // Ctrl-s asks for a name, then the recovery file goes.
    d.ctrl('s').key(Enter);
    assert!(!d.app.doc.as_ref().unwrap().dirty(), "{}", d.status_text());
    assert!(!written.exists());
}

#[test]
fn letting_the_changes_go_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let herstel = dir.path().join("herstel");
    let path = case_file(dir.path(), "jan.ron");
    let mut d = Driver::with_recovery(dir.path(), &herstel);
    d.open(&path);
    edit(&mut d);
    let written = d.rt.keep_recovery(&d.app, true).unwrap();
    // Undo back to the file: nothing unsaved, no recovery file.
    d.keys("u");
    assert_eq!(d.rt.keep_recovery(&d.app, true), None);
    assert!(!written.exists());
    edit(&mut d);
    let written = d.rt.keep_recovery(&d.app, true).unwrap();
    // Quit, and say yes to leaving the changes.
    d.keys("q").keys("s");
    assert!(d.app.quit);
    assert!(!written.exists());
}
