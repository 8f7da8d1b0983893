//! The mouse: what a click or a turn of the wheel at a place on screen
//! means. Where things are comes from `layout`, the computation rendering
//! uses too.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect, Size};

use super::action::{Action, Command};
use super::app::{App, Overlay, Pane, Screen};
use super::layout;

/// What the pointer did, once it is known what it landed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointer {
    /// Focus a pane and select one of its rows (`None`: a click on the
    /// pane outside its rows, the focus only).
    Select { pane: Pane, row: Option<usize> },
    /// The wheel over a pane: its selection moves, the pane scrolls.
    Scroll { pane: Pane, down: bool },
    /// A click on a figure: select it and open its "Waarom?".
    Why(usize),
    /// A click on a row of the case list.
    ListRow(usize),
}

/// How many rows one notch of the wheel moves.
pub const WHEEL_ROWS: usize = 3;

/// The action of a mouse event on a terminal of `size`.
pub fn action(app: &App, event: &MouseEvent, size: Size) -> Option<Action> {
    let area = Rect::new(0, 0, size.width, size.height);
    if layout::too_small(area) {
        return None;
    }
    let at = Position::new(event.column, event.row);
    let wheel = match event.kind {
        MouseEventKind::ScrollDown => Some(true),
        MouseEventKind::ScrollUp => Some(false),
        _ => None,
    };
    let click = matches!(event.kind, MouseEventKind::Down(MouseButton::Left));
    if wheel.is_none() && !click {
        return None;
    }
    match &app.overlay {
        Overlay::None => {}
        // Scrolling what is open; clicks on it do nothing (keys answer).
        Overlay::Help(_) | Overlay::Why(_) | Overlay::Compare(_) => {
            return wheel.map(|down| Action::Cmd(if down { Command::Down } else { Command::Up }));
        }
        Overlay::Form(_) | Overlay::Choice(_) | Overlay::Paste(_) => return None,
    }
    let areas = layout::areas(app, area, super::ui::status_height(app, area.width));
    match app.screen {
        Screen::CaseList => {
            if let Some(down) = wheel {
                return Some(Action::Cmd(if down { Command::Down } else { Command::Up }));
            }
            let rows = layout::case_list_rows(areas.body);
            let row = line_in(rows, at)?;
            let i =
                row + layout::window(app.sel.list, app.visible_list().len(), rows.height.into());
            (i < app.visible_list().len()).then_some(Action::Pointer(Pointer::ListRow(i)))
        }
        Screen::LoadError { .. } => None,
        Screen::Editor => {
            let ed = areas.editor?;
            let (pane, rect) = if ed.nav.contains(at) {
                (Pane::Navigator, ed.nav)
            } else if ed.center.contains(at) {
                (app.detail, ed.center)
            } else if ed.figures.contains(at) {
                (Pane::Figures, ed.figures)
            } else {
                return None;
            };
            if let Some(down) = wheel {
                return Some(Action::Pointer(Pointer::Scroll { pane, down }));
            }
            // The tabs on the top border of the detail pane.
            if rect == ed.center && at.y == rect.y {
                return layout::tab_at(app, rect, at.x)
                    .map(|p| Action::Pointer(Pointer::Select { pane: p, row: None }));
            }
            Some(Action::Pointer(row_at(app, pane, rect, at)))
        }
    }
}

/// The line of `area` the pointer is on, counted from its top.
fn line_in(area: Rect, at: Position) -> Option<usize> {
    area.contains(at).then(|| usize::from(at.y - area.y))
}

/// What a click inside a pane selects.
fn row_at(app: &App, pane: Pane, rect: Rect, at: Position) -> Pointer {
    let none = Pointer::Select { pane, row: None };
    let Some(rows) = layout::pane_rows(pane, rect) else {
        return none;
    };
    let Some(line) = line_in(rows, at) else {
        return none;
    };
    let line = line + layout::offset(app, pane, rect);
    let row = match pane {
        Pane::Results => layout::results_lines(app).get(line).copied(),
        Pane::Student => layout::student_lines(app).get(line).copied(),
        _ => (line < super::update::rows_in(app, pane)).then_some(line),
    };
    match (pane, row) {
        (Pane::Figures, Some(i)) => Pointer::Why(i),
        (_, row) => Pointer::Select { pane, row },
    }
}
