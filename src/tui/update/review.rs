//! The case list as an overview: sorting, filters, the rows the worker
//! computed.

use super::*;
use crate::review::Quick;
use crate::tui::review::{FilterKey, Key};

/// A command of the case list's overview.
pub(super) fn review_command(app: &mut App, c: Command) {
    if app.screen != Screen::CaseList {
        return;
    }
    let r = &mut app.review;
    match c {
        Command::Demos => r.show_demos = !r.show_demos,
        Command::Filter => r.typing = true,
        Command::SortNext => {
            r.sort.column = r.sort.column.next();
            r.sort.descending = false;
        }
        Command::SortReverse => r.sort.descending = !r.sort.descending,
        Command::OnlyAttention => {
            r.quick = if r.quick == Quick::Attention {
                Quick::All
            } else {
                Quick::Attention
            }
        }
        Command::OnlyErrors => {
            r.quick = if r.quick == Quick::Errors {
                Quick::All
            } else {
                Quick::Errors
            }
        }
        _ => {}
    }
    keep_selection(app);
}

/// A key typed in the filter: the list narrows as it is typed.
pub(super) fn filter_key(app: &mut App, k: FilterKey) {
    let r = &mut app.review;
    match k {
        FilterKey::Char(c) if !c.is_control() && r.filter.chars().count() < 100 => r.filter.push(c),
        FilterKey::Char(_) => {}
        FilterKey::Backspace => {
            r.filter.pop();
        }
        FilterKey::Clear => {
            r.filter.clear();
            r.typing = false;
        }
    }
    // The first match is selected (after the new case and recovery rows).
    let first = app
        .visible_list()
        .iter()
        .position(|e| matches!(e, ListEntry::File { .. } | ListEntry::Demo(_)));
    app.sel.list = first.unwrap_or(0);
}

/// Keeps the selection inside the list.
fn keep_selection(app: &mut App) {
    let n = app.visible_list().len();
    app.sel.list = app.sel.list.min(n.saturating_sub(1));
}

/// Rows the worker computed; the list fills in as they come.
pub(super) fn reviewed(app: &mut App, rows: Vec<(Key, crate::review::Overview)>) {
    // Keep the selected case selected while rows move around it.
    let selected = app.visible_list().get(app.sel.list).map(|e| (*e).clone());
    app.review.done += rows.len();
    app.review.rows.extend(rows);
    if let Some(e) = selected
        && let Some(i) = app.visible_list().iter().position(|x| **x == e)
    {
        app.sel.list = i;
    }
    keep_selection(app);
}

/// After a case opened from the list: the figures pane, on the figure its
/// finding points at.
pub(super) fn land(app: &mut App) {
    let Some(f) = app.review.open_at.take() else {
        return;
    };
    let Some(doc) = &app.doc else {
        return;
    };
    if let Some(i) = crate::tui::review::figure_of(&doc.outcome, &f) {
        app.focus = Pane::Figures;
        app.sel.figures = i;
    }
}
