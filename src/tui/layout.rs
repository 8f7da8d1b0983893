//! Where everything is on screen: the one computation of the screen's
//! rectangles, used by rendering (`ui`) and by finding what a mouse click
//! landed on (`mouse`), so the two can never disagree.

use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Pane, Screen};

/// The smallest terminal the layout needs.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The narrowest the detail pane gets beside Jaren (its tabs take 58).
const CENTER_MIN: u16 = 60;

/// The bands of the screen, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub body: Rect,
    pub status: Rect,
    pub hints: Rect,
    /// The panes, when a case is open in the editor.
    pub editor: Option<EditorAreas>,
}

/// The panes of the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditorAreas {
    /// Jaren, on the left.
    pub nav: Rect,
    /// The detail pane shown (Onderdelen, Resultaten, …).
    pub center: Rect,
    /// Everything of the figures: the chart, the gauge and the list.
    pub side: Rect,
    /// The balance chart (height 0 when there is no room).
    pub chart: Rect,
    /// The tolerance gauge.
    pub gauge: Rect,
    /// The list of figures (the Cijfers pane).
    pub figures: Rect,
    /// The figures stand beside the detail pane (else below it).
    pub wide: bool,
}

/// Whether the terminal is too small for the layout.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The screen's rectangles. `status_lines` is how many lines the status
/// message takes (1 to 3).
pub fn areas(app: &App, area: Rect, status_lines: u16) -> Areas {
    let [title, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(10),
        Constraint::Length(status_lines.clamp(1, 3)),
        Constraint::Length(1),
    ])
    .areas(area);
    let editor = (app.screen == Screen::Editor && app.doc.is_some()).then(|| editor(app, body));
    Areas {
        title,
        body,
        status,
        hints,
        editor,
    }
}

/// The width Jaren needs for its longest line (borders included), at most
/// a quarter of the screen and never under 20.
fn nav_width(app: &App, width: u16) -> u16 {
    let Some(doc) = &app.doc else { return 20 };
    let need = app
        .nav_rows()
        .iter()
        .map(|t| {
            let (head, tail) = super::ui::nav_line(doc, t);
            head.width() + tail.width()
        })
        .max()
        .unwrap_or(0) as u16
        + 2;
    need.clamp(20, (width / 4).max(20))
}

fn editor(app: &App, area: Rect) -> EditorAreas {
    let wide = area.width >= 110;
    let side = match area.width {
        ..110 => 0,
        110..150 => 44,
        150..190 => 50,
        _ => 60,
    };
    // The detail pane keeps room for its tabs and columns.
    let nav_w =
        nav_width(app, area.width).min(area.width.saturating_sub(side + CENTER_MIN).max(20));
    let (nav, center, side) = if wide {
        let [a, b, c] = Layout::horizontal([
            Constraint::Length(nav_w),
            Constraint::Min(40),
            Constraint::Length(side),
        ])
        .areas(area);
        (a, b, c)
    } else {
        let [a, rest] =
            Layout::horizontal([Constraint::Length(nav_w), Constraint::Min(40)]).areas(area);
        let [b, c] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(rest);
        (a, b, c)
    };
    let chart_h = if side.height >= 26 { 8 } else { 0 };
    let [chart, gauge, figures] = Layout::vertical([
        Constraint::Length(chart_h),
        Constraint::Length(3),
        Constraint::Min(4),
    ])
    .areas(side);
    EditorAreas {
        nav,
        center,
        side,
        chart,
        gauge,
        figures,
        wide,
    }
}

/// The first row shown of a list of `len` rows, `height` of which fit,
/// when `selected` must be in view: the rule every pane scrolls by (the
/// list widgets' own, from a fresh state).
pub fn window(selected: usize, len: usize, height: usize) -> usize {
    sticky_window(0, selected, len, height)
}

/// The first row on screen when the view started at `first`: it moves
/// only as far as needed to show the selection, and never leaves empty
/// rows at the bottom while there are rows above.
pub fn sticky_window(first: usize, selected: usize, len: usize, height: usize) -> usize {
    let height = height.max(1);
    let selected = selected.min(len.saturating_sub(1));
    let first = first.min(len.saturating_sub(height)).min(selected);
    first.max((selected + 1).saturating_sub(height))
}

/// The first row of each pane's rows on screen, given its rectangle.
pub fn offset(app: &App, pane: Pane, area: Rect) -> usize {
    let len = match pane {
        Pane::Results => results_lines(app).len(),
        Pane::Student => student_lines(app).len(),
        _ => super::update::rows_in(app, pane),
    };
    offset_of(app, pane, len, area)
}

/// [`offset`] when the pane's number of lines (`len`) is known.
pub fn offset_of(app: &App, pane: Pane, len: usize, area: Rect) -> usize {
    let Some(rows) = pane_rows(pane, area) else {
        return 0;
    };
    let height = usize::from(rows.height);
    let selected = match pane {
        Pane::Navigator => app.sel.nav,
        Pane::Units => app.sel.units,
        Pane::Results => results_lines(app)
            .iter()
            .position(|&u| u == app.sel.results)
            .unwrap_or(0),
        Pane::Student => student_lines(app)
            .iter()
            .position(|&u| u == app.sel.student)
            .unwrap_or(0),
        // The figures scroll only while focused.
        Pane::Figures if app.focus != Pane::Figures => return 0,
        Pane::Figures => app.sel.figures,
        Pane::Withdrawals => app.sel.withdrawals,
    };
    // The panes drawn from this offset keep their view between frames;
    // the others are ratatui lists drawn from a fresh state.
    if !matches!(pane, Pane::Units | Pane::Results | Pane::Figures) {
        return window(selected, len, height);
    }
    let first = sticky_window(app.scroll.get(pane), selected, len, height);
    app.scroll.set(pane, first);
    first
}

/// The inside of a bordered block.
fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// Below a header line.
fn below_header(area: Rect) -> Rect {
    Rect {
        y: area.y.saturating_add(1),
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// Where the rows of the case list are (in the body): inside its border,
/// under the two lines of counts and filters and the header.
pub fn case_list_rows(body: Rect) -> Rect {
    let [_, list] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner(body));
    below_header(list)
}

/// The rectangle of a case-list part: the counts above, the table below.
pub fn case_list_parts(body: Rect) -> (Rect, Rect) {
    let [top, list] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner(body));
    (top, list)
}

/// Where a pane's rows are, inside its border (and under its header).
pub fn pane_rows(pane: Pane, area: Rect) -> Option<Rect> {
    let rows = match pane {
        Pane::Navigator | Pane::Student | Pane::Figures => inner(area),
        Pane::Units | Pane::Results | Pane::Withdrawals => below_header(inner(area)),
    };
    (rows.height > 0).then_some(rows)
}

/// The detail panes in the order of their tabs.
pub const TABS: [Pane; 4] = [Pane::Units, Pane::Results, Pane::Withdrawals, Pane::Student];

/// The title of the detail pane: its tabs, the one shown in brackets, and
/// for each tab the columns it takes from the start of the title.
pub fn detail_title(shown: Pane) -> (String, Vec<(Pane, u16, u16)>) {
    let mut title = String::from(" ");
    let mut spans = Vec::new();
    for (i, p) in TABS.iter().enumerate() {
        if i > 0 {
            title.push_str(" │ ");
        }
        let start = title.width() as u16;
        if *p == shown {
            title.push_str(&format!("[{}]", p.title()));
        } else {
            title.push_str(p.title());
        }
        spans.push((*p, start, title.width() as u16));
    }
    title.push(' ');
    (title, spans)
}

/// The tab at column `x` of the detail pane's top border, if any (the
/// title starts one column in, after the corner).
pub fn tab_at(app: &App, area: Rect, x: u16) -> Option<Pane> {
    let (_, spans) = detail_title(app.detail);
    let col = x.checked_sub(area.x + 1)?;
    spans
        .into_iter()
        .find(|(_, a, b)| (*a..*b).contains(&col))
        .map(|(p, _, _)| p)
}

/// The lines of the Resultaten table: for each, the unit row it belongs
/// to (a composite unit's parts follow their unit, a line each).
pub fn results_lines(app: &App) -> Vec<usize> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (i, &(y, e, u)) in super::rows::unit_rows(app).iter().enumerate() {
        let parts = doc.case.years[y].enrolments[e].units[u].parts.len();
        lines.extend(std::iter::repeat_n(i, 1 + parts));
    }
    lines
}

/// The lines of the Student pane: for each, its row (the student's own row
/// takes two lines).
pub fn student_lines(app: &App) -> Vec<usize> {
    let mut lines = Vec::new();
    for (i, r) in super::rows::student_rows(app).iter().enumerate() {
        let n = if *r == super::rows::StudentRow::Student {
            2
        } else {
            1
        };
        lines.extend(std::iter::repeat_n(i, n));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_keeps_the_selection_in_view() {
        assert_eq!(window(0, 100, 10), 0);
        assert_eq!(window(9, 100, 10), 0);
        assert_eq!(window(10, 100, 10), 1);
        assert_eq!(window(500, 100, 10), 90);
        assert_eq!(window(3, 0, 10), 0);
    }
}
