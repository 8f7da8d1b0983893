//! Drawing a [`Choice`]: its text, then its buttons, the focused one
//! highlighted and the destructive ones in red, then how the keys work.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::overlay::{centered, popup};
use crate::tui::choice::Choice;

/// How many rows a paragraph takes at this width (words wrapped).
fn rows(text: &str, width: usize) -> usize {
    let width = width.max(1);
    let mut rows = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let w = word.chars().count();
        if used > 0 && used + 1 + w > width {
            rows += 1;
            used = w;
        } else {
            used += if used > 0 { 1 + w } else { w };
        }
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

/// The buttons laid out in lines that fit `width`.
fn button_lines<T>(choice: &Choice<T>, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    for (i, b) in choice.buttons.iter().enumerate() {
        let text = match b.key {
            Some(k) => format!("[ {} ({k}) ]", b.label),
            None => format!("[ {} ]", b.label),
        };
        let w = text.chars().count() + 2;
        if used > 0 && used + w > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        let mut style = if b.destructive {
            Style::new().fg(Color::Red)
        } else {
            Style::new()
        };
        if i == choice.focus {
            style = Style::new()
                .bg(if b.destructive {
                    Color::Red
                } else {
                    Color::Cyan
                })
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD);
        }
        spans.push(Span::styled(text, style));
        spans.push(Span::raw("  "));
        used += w;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

/// Draws the choice in the middle of `area`.
pub fn render<T>(choice: &Choice<T>, frame: &mut Frame, area: Rect) {
    let width = area.width.min(78);
    let inner_w = width.saturating_sub(2) as usize;
    let buttons = button_lines(choice, inner_w);
    let text_rows: usize = choice.text.iter().map(|p| rows(p, inner_w)).sum::<usize>()
        + choice.text.len().saturating_sub(1);
    let height = (text_rows + 1 + buttons.len() + 2 + 2) as u16;
    let outer = centered(area, width, height.min(area.height));
    let inner = popup(frame, outer, format!(" {} ", choice.title));
    let mut lines: Vec<Line> = Vec::new();
    for (i, p) in choice.text.iter().enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        lines.push(Line::raw(p.clone()));
    }
    lines.push(Line::raw(""));
    lines.extend(buttons);
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "←/→ of Tab kiest · Enter bevestigt de gekozen knop · Esc annuleert",
        Style::new().fg(Color::DarkGray),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_rows_are_counted_like_a_paragraph_wraps() {
        assert_eq!(rows("kort", 10), 1);
        assert_eq!(rows("een twee drie", 8), 2);
        assert_eq!(rows("", 10), 1);
        assert_eq!(rows(&"x".repeat(25), 10), 3);
    }
}
