//! Rendering, from `&App` only.

mod caselist;
mod choice;
mod compare;
mod figures;
mod overlay;
mod panes;
pub use panes::nav_line;
mod paste;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::action::Command;
use super::app::{App, Overlay, Pane, Screen};

pub use super::layout::{MIN_HEIGHT, MIN_WIDTH};

/// `text` cut to `width` columns (as the terminal shows them, wide
/// characters counting two), ending in "…" when it was cut.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` in `width` columns, keeping what follows its first ": " (the
/// figures) whole and shrinking what comes before it (a name) when it does
/// not fit; else [`fit`].
pub fn fit_keep_tail(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    match text.split_once(": ") {
        Some((head, tail)) if tail.width() + 2 + 6 <= width => {
            let tail = format!(": {tail}");
            format!("{}{tail}", fit(head, width - tail.width()))
        }
        _ => fit(text, width),
    }
}

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
    if super::layout::too_small(area) {
        let text = format!(
            "Het venster is te klein: {}×{}.\ntraject heeft minstens {MIN_WIDTH}×{MIN_HEIGHT} tekens nodig.\nMaak het venster groter; q stopt.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area);
        return;
    }
    let areas = super::layout::areas(app, area, status_height(app, area.width));
    let (title, body, status, hints) = (areas.title, areas.body, areas.status, areas.hints);
    render_title(app, frame, title);
    match &app.screen {
        Screen::CaseList => caselist::render(app, frame, body),
        Screen::LoadError { path, message } => caselist::render_error(frame, body, path, message),
        Screen::Editor => {
            if let Some(ed) = &areas.editor {
                render_editor(app, frame, ed)
            }
        }
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
            // The balance always shows; the file name goes first, then the
            // scenario's name shrinks (to a few letters), then the student's.
            let count = |s: &str| unicode_width::UnicodeWidthStr::width(s);
            let gap = if tag.is_empty() { "" } else { "  " };
            let fixed = count(" traject ") + count(dirty) + count(&balance) + count(gap);
            let rest = width.saturating_sub(fixed);
            if count(&who) + count(&tag) > rest {
                who = format!(" {}", doc.case.student.name);
            }
            let tag_min = count(&tag).min(18);
            let tag_room = rest.saturating_sub(count(&who)).max(tag_min);
            let tag = truncate_tag(&tag, tag_room);
            let who_room = rest.saturating_sub(count(&tag));
            spans.push(Span::raw(fit(&who, who_room)));
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

/// How many lines the status message takes on a screen `width` wide (a
/// long message, what a what-if did, takes up to three).
pub fn status_height(app: &App, width: u16) -> u16 {
    match status_line(app) {
        Some((text, _)) => {
            wrapped_lines(&text, width.saturating_sub(1) as usize).clamp(1, 3) as u16
        }
        None => 1,
    }
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
    if unicode_width::UnicodeWidthStr::width(tag) <= width || !tag.ends_with("» ") {
        return fit(tag, width);
    }
    let body = tag.trim_end_matches("» ");
    format!("{}» ", fit(body, width.saturating_sub(2)))
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
    let help = matches!(app.overlay, Overlay::None)
        && !matches!(app.screen, Screen::LoadError { .. })
        && app
            .keymap
            .hints(app.context())
            .iter()
            .any(|(_, w)| *w == Command::Help.short());
    let spans = fit_hints(hints, area.width, help.then(|| help_key(app)));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The key of the help overlay.
fn help_key(app: &App) -> String {
    app.keymap
        .bindings
        .iter()
        .find(|b| b.command == Command::Help)
        .map_or_else(|| "?".to_string(), |b| b.key.label())
}

/// The hints that fit in `width`, in their order (most useful first), and
/// at the end the help key: "? meer" when some did not fit, "? hulp" when
/// all did.
fn fit_hints(
    hints: Vec<(String, &'static str)>,
    width: u16,
    help: Option<String>,
) -> Vec<Span<'static>> {
    use unicode_width::UnicodeWidthStr;
    let key_style = Style::new().bg(Color::DarkGray).fg(Color::White);
    let cost = |key: &str, what: &str| key.width() + 2 + what.width() + 3;
    let hints: Vec<(String, &str)> = hints
        .into_iter()
        .filter(|(_, w)| help.is_none() || *w != Command::Help.short())
        .collect();
    let reserve = help.as_ref().map_or(0, |k| cost(k, "meer"));
    let mut left = usize::from(width).saturating_sub(reserve);
    let mut spans = Vec::new();
    let mut cut = false;
    for (key, what) in hints {
        let c = cost(&key, what);
        if c > left {
            cut = true;
            continue;
        }
        left -= c;
        spans.push(Span::styled(format!(" {key} "), key_style));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    if let Some(k) = help {
        spans.push(Span::styled(format!(" {k} "), key_style));
        spans.push(Span::raw(if cut { " meer" } else { " hulp" }));
    }
    spans
}

fn render_editor(app: &App, frame: &mut Frame, ed: &super::layout::EditorAreas) {
    panes::navigator(app, frame, ed.nav);
    match app.detail {
        Pane::Results => panes::results(app, frame, ed.center),
        Pane::Withdrawals => panes::withdrawals(app, frame, ed.center),
        Pane::Student => panes::student(app, frame, ed.center),
        _ => panes::units(app, frame, ed.center),
    }
    figures::render(app, frame, ed);
}
