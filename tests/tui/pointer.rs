//! Keys that never surprise and the mouse: a delete is never confirmed by
//! a navigation key, Esc closes one layer at a time, a key that does not
//! apply says why, and clicks and the wheel at known places on screen
//! (found with the same layout rendering uses).

use crossterm::event::KeyCode::{Down, Enter, Esc, Tab};
use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Rect, Size};
use traject::tui::app::{Overlay, Pane, Screen};
use traject::tui::{event_action, layout, update};

use crate::support::Driver;

fn driver() -> Driver {
    Driver::new(std::path::Path::new("/dossiers"))
}

fn units(d: &Driver) -> usize {
    d.app.doc.as_ref().unwrap().case.years[0].enrolments[0]
        .units
        .len()
}

#[test]
fn d_then_j_deletes_nothing_nor_does_y() {
    let mut d = driver();
    d.open_demo("S01.ron").key(Tab);
    assert_eq!(units(&d), 10);
    // j is "ja" to a Dutch reader, and a navigation key here: it only
    // moves the focus (which stays on Annuleren, the safest button).
    d.keys("d").keys("j");
    assert!(matches!(d.app.overlay, Overlay::Choice(_)));
    d.keys("jjy");
    assert!(matches!(d.app.overlay, Overlay::Choice(_)));
    assert_eq!(units(&d), 10);
    d.key(Enter);
    assert_eq!(units(&d), 10, "Enter pressed the focused button: Annuleren");
    // Only the button's own letter (or moving to it and Enter) deletes.
    d.keys("d").keys("v");
    assert_eq!(units(&d), 9);
}

#[test]
fn esc_closes_one_layer_at_a_time() {
    let mut d = driver();
    d.open_demo("S01.ron").key(Tab).keys("a");
    assert!(matches!(d.app.overlay, Overlay::Form(_)));
    d.key(Esc);
    assert!(matches!(d.app.overlay, Overlay::None));
    assert_eq!(d.app.focus, Pane::Units);
    d.key(Esc);
    assert_eq!(d.app.screen, Screen::Editor);
    assert_eq!(d.app.focus, Pane::Navigator);
    d.key(Esc);
    assert_eq!(d.app.screen, Screen::CaseList);
}

#[test]
fn a_key_that_does_not_apply_says_why() {
    let mut d = driver();
    d.open_demo("S01.ron");
    // t tolerates in Resultaten only.
    d.keys("t");
    assert!(
        d.status_text().contains("doet niets in Jaren") && d.status_text().contains("Resultaten"),
        "{}",
        d.status_text()
    );
    // t on a unit with a credit: why it cannot be tolerated.
    d.keys("3");
    assert_eq!(d.app.focus, Pane::Results);
    d.key(Down).keys("t");
    assert!(
        d.status_text().contains("kan niet getolereerd worden")
            && d.status_text().contains("credit"),
        "{}",
        d.status_text()
    );
    // S01's Analytische chemie 1 (9) can be: t tolerates it.
    d.key(crossterm::event::KeyCode::Home).keys("t");
    assert!(
        d.status_text().contains("getolereerd;"),
        "{}",
        d.status_text()
    );
}

#[test]
fn t_on_a_unit_that_cannot_be_tolerated_names_the_failing_conditions() {
    let mut d = driver();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    d.open(&root.join("tests/tui/cases/lange-namen.ron"));
    d.keys("3").key(Down).key(Down).keys("t");
    assert!(
        d.status_text()
            .starts_with("FISC1 kan niet getolereerd worden: Art. 18.2 §3: samen"),
        "{}",
        d.status_text()
    );
    assert!(!d.app.doc.as_ref().unwrap().dirty(), "nothing changed");
}

#[test]
fn d_on_an_empty_pane_says_there_is_nothing_to_delete() {
    let mut d = driver();
    d.open_demo("S01.ron").key(Tab);
    for _ in 0..10 {
        d.keys("d").keys("v");
    }
    d.keys("d");
    assert!(matches!(d.app.overlay, Overlay::None));
    assert!(
        d.status_text().starts_with("Niets om te verwijderen"),
        "{}",
        d.status_text()
    );
}

#[test]
fn adding_a_year_selects_it() {
    let mut d = driver();
    d.open_demo("S01.ron").keys("n");
    assert!(matches!(d.app.overlay, Overlay::Form(_)));
    d.ctrl('u').keys("2018-2019").key(Enter);
    assert!(matches!(d.app.overlay, Overlay::None), "{:?}", d.app.status);
    let rows = d.app.nav_rows();
    let t = rows[d.app.sel.nav].clone();
    let doc = d.app.doc.as_ref().unwrap();
    match t {
        traject::tui::app::Target::Year(y) => {
            assert_eq!(doc.case.years[y].year.to_string(), "2018-2019")
        }
        other => panic!("{other:?} selected"),
    }
}

/// A mouse event, through the one entry of every event.
fn mouse(d: &mut Driver, kind: MouseEventKind, column: u16, row: u16, size: (u16, u16)) {
    let event = Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    });
    if let Some(action) = event_action(&d.app, &event, Size::new(size.0, size.1)) {
        for effect in update(&mut d.app, action) {
            traject::tui::perform(&mut d.app, &mut d.rt, effect);
        }
    }
}

fn click(d: &mut Driver, column: u16, row: u16, size: (u16, u16)) {
    mouse(
        d,
        MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        size,
    );
}

/// Where the panes are, from the layout rendering uses.
fn panes(d: &Driver, size: (u16, u16)) -> layout::EditorAreas {
    let area = Rect::new(0, 0, size.0, size.1);
    layout::areas(
        &d.app,
        area,
        traject::tui::ui::status_height(&d.app, size.0),
    )
    .editor
    .expect("the editor")
}

#[test]
fn a_click_focuses_a_pane_and_selects_the_row_under_it() {
    for size in [(80, 24), (120, 40)] {
        let mut d = driver();
        d.open_demo("S01.ron");
        let ed = panes(&d, size);
        // The fourth unit: under the border and the header row.
        click(&mut d, ed.center.x + 3, ed.center.y + 2 + 3, size);
        assert_eq!(d.app.focus, Pane::Units, "{size:?}");
        assert_eq!(d.app.sel.units, 3, "{size:?}");
        // The second line of Jaren: the enrolment.
        click(&mut d, ed.nav.x + 2, ed.nav.y + 2, size);
        assert_eq!(d.app.focus, Pane::Navigator);
        assert_eq!(d.app.sel.nav, 1);
        // Below the last row (when there is room under it): the focus only.
        if ed.center.height > 10 + 3 {
            click(
                &mut d,
                ed.center.x + 3,
                ed.center.y + ed.center.height - 2,
                size,
            );
            assert_eq!(d.app.focus, Pane::Units);
            assert_eq!(d.app.sel.units, 3);
        }
    }
}

#[test]
fn a_click_on_a_tab_shows_that_pane() {
    let size = (120, 40);
    let mut d = driver();
    d.open_demo("S01.ron");
    let ed = panes(&d, size);
    let (title, spans) = layout::detail_title(d.app.detail);
    assert!(title.contains("Resultaten"));
    let (_, start, _) = spans.iter().find(|(p, _, _)| *p == Pane::Results).unwrap();
    click(&mut d, ed.center.x + 1 + start + 1, ed.center.y, size);
    assert_eq!(d.app.focus, Pane::Results);
    assert_eq!(d.app.detail, Pane::Results);
}

#[test]
fn a_click_on_a_figure_opens_its_why() {
    for size in [(80, 24), (120, 40)] {
        let mut d = driver();
        d.open_demo("S01.ron");
        let ed = panes(&d, size);
        // The second figure line (under the heading).
        click(&mut d, ed.figures.x + 2, ed.figures.y + 2, size);
        assert_eq!(d.app.focus, Pane::Figures, "{size:?}");
        assert_eq!(d.app.sel.figures, 1);
        match &d.app.overlay {
            Overlay::Why(w) => assert!(!w.rows.is_empty(), "{}", w.title),
            other => panic!("{size:?}: {other:?}"),
        }
        // The wheel scrolls the "Waarom?"; a key closes it.
        mouse(&mut d, MouseEventKind::ScrollDown, 10, 10, size);
        match &d.app.overlay {
            Overlay::Why(w) => assert_eq!(w.scroll, 1),
            other => panic!("{other:?}"),
        }
        d.key(Esc);
        assert!(matches!(d.app.overlay, Overlay::None));
    }
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let size = (80, 24);
    let mut d = driver();
    d.open_demo("S13.ron");
    let ed = panes(&d, size);
    mouse(
        &mut d,
        MouseEventKind::ScrollDown,
        ed.center.x + 5,
        ed.center.y + 3,
        size,
    );
    assert_eq!(d.app.focus, Pane::Units);
    assert_eq!(d.app.sel.units, 3);
    for _ in 0..5 {
        mouse(
            &mut d,
            MouseEventKind::ScrollDown,
            ed.center.x + 5,
            ed.center.y + 3,
            size,
        );
    }
    // Scrolled past the rows that fit: a click lands on the row drawn
    // there, not on the row of that number.
    let last = d.app.sel.units;
    assert!(last >= 8, "{last}");
    let offset = layout::offset(&d.app, Pane::Units, ed.center);
    assert!(offset > 0);
    click(&mut d, ed.center.x + 3, ed.center.y + 2, size);
    assert_eq!(d.app.sel.units, offset);
    let screen = d.screen(size.0, size.1);
    let line = screen.lines().nth(usize::from(ed.center.y) + 2).unwrap();
    let doc = d.app.doc.as_ref().unwrap();
    let (y, e, u) = traject::tui::rows::unit_rows(&d.app)[offset];
    let code = &doc.case.years[y].enrolments[e].units[u].code;
    assert!(line.contains(code.as_str()), "{line}");
    // The wheel up goes back.
    mouse(
        &mut d,
        MouseEventKind::ScrollUp,
        ed.center.x + 5,
        ed.center.y + 3,
        size,
    );
    assert_eq!(d.app.sel.units, offset.saturating_sub(3));
}

#[test]
fn a_click_on_the_case_list_selects_a_case() {
    let size = (120, 40);
    let mut d = driver();
    d.keys("v");
    let area = Rect::new(0, 0, size.0, size.1);
    let areas = layout::areas(&d.app, area, 1);
    let rows = layout::case_list_rows(areas.body);
    click(&mut d, rows.x + 3, rows.y + 2, size);
    assert_eq!(d.app.sel.list, 2);
    d.key(Enter);
    assert_eq!(d.app.screen, Screen::Editor);
}
