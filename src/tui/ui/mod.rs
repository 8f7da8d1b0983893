//! Rendering, from `&App` only.

mod caselist;
mod choice;
mod compare;
mod figures;
mod overlay;
mod panes;
mod paste;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, Overlay, Pane, Screen};

/// The smallest terminal the layout needs.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Style of a focused pane's border.
pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

/// Style of a selected row.
pub fn highlight(focused: bool) -> Style {
    if focused {
        Style::new().bg(Color::Cyan).fg(Color::Black)
    } else {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

/// A titled block for a pane.
pub fn pane_block(title: String, focused: bool) -> Block<'static> {
    Block::bordered().title(title).border_style(border(focused))
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "Het venster is te klein: {}×{}.\ntraject heeft minstens {MIN_WIDTH}×{MIN_HEIGHT} tekens nodig.\nMaak het venster groter; q stopt.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area);
        return;
    }
    // A long message (what a what-if did) takes up to three lines.
    let status_lines = match status_line(app) {
        Some((text, _)) => wrapped_lines(&text, area.width.saturating_sub(1) as usize).clamp(1, 3),
        None => 1,
    } as u16;
    let [title, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(10),
        Constraint::Length(status_lines),
        Constraint::Length(1),
    ])
    .areas(area);
    render_title(app, frame, title);
    match &app.screen {
        Screen::CaseList => caselist::render(app, frame, body),
        Screen::LoadError { path, message } => caselist::render_error(frame, body, path, message),
        Screen::Editor => render_editor(app, frame, body),
    }
    render_status(app, frame, status);
    render_hints(app, frame, hints);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help(scroll) => overlay::help(app, *scroll, frame, body),
        Overlay::Why(w) => overlay::why(w, frame, body),
        Overlay::Compare(v) => compare::render(v, frame, body),
        Overlay::Form(f) => overlay::form(f, frame, body),
        Overlay::Choice(d) => choice::render(&d.choice, frame, body),
        Overlay::Paste(p) => paste::render(p, frame, body),
    }
}

fn render_title(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::styled(
        " traject ",
        Style::new()
            .bg(Color::Blue)
            .fg(Color::White)
            .add_modifier(Modifier::BOLD),
    )];
    match (&app.screen, &app.doc) {
        (Screen::Editor, Some(doc)) => {
            let width = area.width as usize;
            let dirty = match (doc.read_only.is_some(), doc.dirty()) {
                (true, true) => " ⊘ alleen lezen ● niet bewaard",
                (true, false) => " ⊘ alleen lezen",
                (false, true) => " ● niet bewaard",
                (false, false) => "",
            };
            let balance = format!("   leerkrediet {}", doc.outcome.ledger.balance);
            let tag = match doc.scenario_name() {
                Some(name) => format!(" ◆ scenario «{name}» "),
                None => match doc.base.scenarios.len() {
                    0 => String::new(),
                    1 => "basis · 1 scenario (] toont het)".to_string(),
                    n => format!("basis · {n} scenario's (] toont ze)"),
                },
            };
            let mut who = format!(" {} · {}", doc.case.student.name, doc.origin);
            // The balance and the scenario always show; the name gives way.
            let count = |s: &str| s.chars().count();
            let gap = if tag.is_empty() { "" } else { "  " };
            let fixed = count(" traject ") + count(dirty) + count(&balance) + count(gap);
            let rest = width.saturating_sub(fixed);
            if count(&who) + count(&tag) > rest {
                who = format!(" {}", doc.case.student.name);
            }
            let tag_room = rest.saturating_sub(count(&who)).max(rest * 3 / 5);
            let tag = truncate_tag(&tag, tag_room);
            let who_room = rest.saturating_sub(count(&tag));
            spans.push(Span::raw(super::app::truncate(&who, who_room)));
            spans.push(Span::styled(
                dirty,
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ));
            spans.push(Span::styled(
                balance,
                Style::new().add_modifier(Modifier::BOLD),
            ));
            spans.push(Span::raw(gap));
            spans.push(if doc.scenario_name().is_some() {
                Span::styled(
                    tag,
                    Style::new()
                        .bg(Color::Magenta)
                        .fg(Color::White)
                        .add_modifier(Modifier::BOLD),
                )
            } else {
                Span::styled(tag, Style::new().fg(Color::Magenta))
            });
        }
        (Screen::LoadError { .. }, _) => spans.push(Span::raw(" dossier kan niet geopend worden")),
        _ => spans.push(Span::raw(format!(
            " dossiers in {}",
            app.data_dir.display()
        ))),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// How many lines `text` takes wrapped at words in `width` columns (a
/// word longer than a line counts as one line).
pub(super) fn wrapped_lines(text: &str, width: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if used > 0 && used + 1 + n > width {
            lines += 1;
            used = n;
        } else {
            used += if used > 0 { 1 + n } else { n };
        }
    }
    lines
}

/// The scenario tag of the title cut to `width`, keeping its closing `» `.
fn truncate_tag(tag: &str, width: usize) -> String {
    if tag.chars().count() <= width || !tag.ends_with("» ") {
        return super::app::truncate(tag, width);
    }
    let body = tag.trim_end_matches("» ");
    format!("{}» ", super::app::truncate(body, width.saturating_sub(2)))
}

/// The status line: the last message, else a standing warning (read
/// only, a scenario's stale changes), in its style.
fn status_line(app: &App) -> Option<(String, Style)> {
    if let Some(s) = &app.status {
        let style = if s.error {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(Color::Green)
        };
        return Some((s.text.clone(), style));
    }
    let doc = app.doc.as_ref()?;
    let warn = Style::new().fg(Color::Yellow);
    match &doc.read_only {
        Some(crate::tui::app::ReadOnly::OpenElsewhere(h)) => Some((
            format!(
                "Let op: alleen lezen, {h}; Ctrl-s vraagt om over te nemen, Ctrl-o bewaart een kopie"
            ),
            warn,
        )),
        Some(crate::tui::app::ReadOnly::File) => Some((
            "Let op: alleen lezen, het bestand is alleen-lezen; Ctrl-o bewaart een kopie".into(),
            warn,
        )),
        None if !doc.stale.is_empty() => Some((
            format!(
                "Let op: wijzigingen van dit scenario die niet meer passen op de basis: {}",
                doc.stale.join("; ")
            ),
            warn,
        )),
        None => None,
    }
}

fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    let line = match status_line(app) {
        Some((text, style)) => Line::styled(text, style),
        None => Line::raw(""),
    };
    // One column of margin on the left, on every line of a long message.
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), inner);
}

fn render_hints(app: &App, frame: &mut Frame, area: Rect) {
    let hints: Vec<(String, &str)> = match &app.overlay {
        Overlay::Form(_) => vec![
            ("Tab/↓".into(), "volgend veld"),
            ("Shift-Tab/↑".into(), "vorig veld"),
            ("←/→".into(), "keuze"),
            ("Enter".into(), "bevestigen"),
            ("Esc".into(), "annuleren"),
        ],
        Overlay::Choice(_) => vec![
            ("←/→".into(), "kiezen"),
            ("Enter".into(), "bevestigen"),
            ("Esc".into(), "annuleren"),
        ],
        Overlay::Compare(_) => vec![
            ("↑/↓".into(), "cijfer"),
            ("←/→".into(), "kolom"),
            ("Enter".into(), "waarom? (deze kolom)"),
            ("Esc".into(), "sluiten"),
        ],
        Overlay::Help(_) | Overlay::Why(_) => {
            vec![("↑/↓".into(), "scrollen"), ("Esc".into(), "sluiten")]
        }
        Overlay::Paste(_) => vec![
            ("Enter".into(), "goede rijen toevoegen"),
            ("↑/↓".into(), "scrollen"),
            ("Esc".into(), "annuleren"),
        ],
        Overlay::None => match app.screen {
            Screen::LoadError { .. } => vec![
                ("Esc".into(), "terug naar de lijst"),
                ("q".into(), "stoppen"),
            ],
            _ => app.keymap.hints(app.context()),
        },
    };
    let mut spans = Vec::new();
    for (key, what) in hints {
        spans.push(Span::styled(
            format!(" {key} "),
            Style::new().bg(Color::DarkGray).fg(Color::White),
        ));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_editor(app: &App, frame: &mut Frame, area: Rect) {
    let wide = area.width >= 110;
    let (nav, center, figures) = if wide {
        let side = if area.width >= 150 { 50 } else { 44 };
        let [a, b, c] = Layout::horizontal([
            Constraint::Length(20),
            Constraint::Min(40),
            Constraint::Length(side),
        ])
        .areas(area);
        (a, b, c)
    } else {
        let [a, rest] =
            Layout::horizontal([Constraint::Length(20), Constraint::Min(40)]).areas(area);
        let [b, c] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(rest);
        (a, b, c)
    };
    panes::navigator(app, frame, nav);
    match app.detail {
        Pane::Results => panes::results(app, frame, center),
        Pane::Withdrawals => panes::withdrawals(app, frame, center),
        Pane::Student => panes::student(app, frame, center),
        _ => panes::units(app, frame, center),
    }
    figures::render(app, frame, figures, wide);
}
