//! Rendering, from `&App` only.

mod caselist;
mod choice;
mod figures;
mod overlay;
mod panes;

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
    let [title, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(10),
        Constraint::Length(1),
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
        Overlay::Help => overlay::help(app, frame, body),
        Overlay::Why(w) => overlay::why(w, frame, body),
        Overlay::Compare(v) => overlay::compare(v, frame, body),
        Overlay::Form(f) => overlay::form(f, frame, body),
        Overlay::Confirm(q) => overlay::confirm(&super::update::question_text(app, q), frame, body),
        Overlay::Choice(d) => choice::render(&d.choice, frame, body),
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
            spans.push(Span::raw(format!(
                " {} · {}",
                doc.case.student.name, doc.origin
            )));
            if let Some(name) = doc.scenario_name() {
                spans.push(Span::styled(
                    format!(" ◆ scenario «{name}» "),
                    Style::new()
                        .bg(Color::Magenta)
                        .fg(Color::White)
                        .add_modifier(Modifier::BOLD),
                ));
            } else if !doc.base.scenarios.is_empty() {
                spans.push(Span::styled(
                    format!(
                        " basis ({} scenario's: ] toont ze)",
                        doc.base.scenarios.len()
                    ),
                    Style::new().fg(Color::Magenta),
                ));
            }
            if doc.read_only.is_some() {
                spans.push(Span::styled(
                    " ⊘ alleen lezen",
                    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                ));
            }
            if doc.dirty() {
                spans.push(Span::styled(
                    " ● niet bewaard",
                    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                ));
            }
            spans.push(Span::styled(
                format!("   leerkrediet {}", doc.outcome.ledger.balance),
                Style::new().add_modifier(Modifier::BOLD),
            ));
        }
        (Screen::LoadError { .. }, _) => spans.push(Span::raw(" dossier kan niet geopend worden")),
        _ => spans.push(Span::raw(format!(
            " dossiers in {}",
            app.data_dir.display()
        ))),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    let read_only = app.doc.as_ref().and_then(|d| match &d.read_only {
        Some(crate::tui::app::ReadOnly::OpenElsewhere(h)) => Some(format!(
            "alleen lezen, {h}; Ctrl-s vraagt om over te nemen, Ctrl-o bewaart een kopie"
        )),
        Some(crate::tui::app::ReadOnly::File) => {
            Some("alleen lezen, het bestand is alleen-lezen; Ctrl-o bewaart een kopie".to_string())
        }
        None => None,
    });
    let line = match (&app.status, &read_only) {
        (Some(s), _) => Line::styled(
            format!(" {}", s.text),
            if s.error {
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
            } else {
                Style::new().fg(Color::Green)
            },
        ),
        (None, Some(w)) => Line::styled(format!(" {w}"), Style::new().fg(Color::Yellow)),
        (None, None) if app.doc.as_ref().is_some_and(|d| !d.stale.is_empty()) => Line::styled(
            format!(
                " Let op: wijzigingen van dit scenario die niet meer passen op de basis: {}",
                app.doc
                    .as_ref()
                    .map(|d| d.stale.join("; "))
                    .unwrap_or_default()
            ),
            Style::new().fg(Color::Yellow),
        ),
        (None, None) => Line::raw(""),
    };
    frame.render_widget(Paragraph::new(line), area);
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
        Overlay::Confirm(_) => vec![("j".into(), "ja"), ("n/Esc".into(), "nee")],
        Overlay::Choice(_) => vec![
            ("←/→".into(), "kiezen"),
            ("Enter".into(), "bevestigen"),
            ("Esc".into(), "annuleren"),
        ],
        Overlay::Compare(_) => vec![
            ("↑/↓".into(), "kiezen"),
            ("Enter".into(), "waarom verschilt het?"),
            ("Esc".into(), "sluiten"),
        ],
        Overlay::Help | Overlay::Why(_) => {
            vec![("↑/↓".into(), "scrollen"), ("Esc".into(), "sluiten")]
        }
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
        let side = if area.width >= 150 { 50 } else { 38 };
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
