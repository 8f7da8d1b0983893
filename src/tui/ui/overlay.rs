//! Overlays: the help, the "Waarom?" view, forms and questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::super::app::{App, Why};
use super::super::explain::WhyRow;
use super::super::form::Form;

pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

pub(super) fn popup(frame: &mut Frame, area: Rect, title: String) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(title)
        .border_style(Style::new().fg(Color::Cyan));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Words of `text` in lines of at most `width` columns (a longer word
/// has a line of its own).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().expect("one line at least");
        if last.is_empty() {
            last.push_str(word);
        } else if last.width() + 1 + word.width() <= width {
            last.push(' ');
            last.push_str(word);
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

/// Every key binding, grouped by where it applies (generated from the
/// keymap): in as many columns as fit side by side (each at least 52
/// wide), the keys in a column of their own width, every description
/// wrapped under itself; ↑/↓ scroll when it is longer than the screen.
pub fn help(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    use unicode_width::UnicodeWidthStr;
    let groups = app.keymap.grouped();
    let keys_of = |keys: &[String]| keys.join(" / ");
    let key_w = groups
        .iter()
        .flat_map(|(_, cmds)| cmds.iter().map(|(k, _)| keys_of(k).width()))
        .max()
        .unwrap_or(8);
    let outer = area;
    let columns = (usize::from(outer.width.saturating_sub(2)) / 52).clamp(1, 3);
    let col_w = usize::from(outer.width.saturating_sub(2)) / columns;
    // Two spaces before the keys, two after, three between the columns
    // (so a full line never runs into the next column's heading).
    let desc_w = col_w.saturating_sub(key_w + 7).max(12);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = Vec::new();
    for (ctx, commands) in groups {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(ctx.dutch(), bold.fg(Color::Cyan)));
        for (keys, command) in commands {
            for (i, part) in wrap_words(command.dutch(), desc_w).into_iter().enumerate() {
                let k = if i == 0 {
                    keys_of(&keys)
                } else {
                    String::new()
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {k:<key_w$}  "), bold),
                    Span::raw(part),
                ]));
            }
        }
    }
    lines.push(Line::raw(""));
    let tail = "In een formulier: Tab/↓ volgend veld, Shift-Tab/↑ vorig, ←/→ of spatie kiest, Enter bevestigt, Esc annuleert. Plakken: in een veld komt de eerste regel; elders komen rijen uit een rekenblad (code, naam, SP, periode, 1e kans, 2e kans, met tabs of puntkomma's, met of zonder kopregel) als opleidingsonderdelen van de gekozen inschrijving in een voorbeeld, Enter voegt ze toe. Muis: klik kiest paneel en regel, het wiel scrolt, een klik op een cijfer toont waarom; tekst selecteren in de terminal gaat met Shift ingedrukt. Eigen toetsen: keymap.ron in de configuratiemap (zie README.md).";
    for part in wrap_words(tail, col_w.saturating_sub(1)) {
        lines.push(Line::raw(part));
    }
    let height = usize::from(outer.height.saturating_sub(2)).max(1);
    let per_column = lines.len().div_ceil(columns).max(1);
    let fits = per_column <= height;
    let title = if fits {
        " Hulp: toetsen (Esc sluit) ".to_string()
    } else {
        " Hulp: toetsen (↑/↓ scrollt, Esc sluit) ".to_string()
    };
    let inner = popup(frame, outer, title);
    let scroll = usize::from(scroll).min(per_column.saturating_sub(height)) as u16;
    let rects =
        Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns]).split(inner);
    let mut rest = lines;
    for rect in rects.iter() {
        let tail = rest.split_off(per_column.min(rest.len()));
        let column = std::mem::replace(&mut rest, tail);
        frame.render_widget(Paragraph::new(column).scroll((scroll, 0)), *rect);
    }
}

/// The explanation of a figure: its start, each trace line with its
/// article and amount, and where it arrives.
pub fn why(w: &Why, frame: &mut Frame, area: Rect) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = Vec::new();
    for row in &w.rows {
        lines.push(match row {
            WhyRow::Heading(h) => Line::styled(format!("── {h}"), bold.fg(Color::Cyan)),
            WhyRow::Figure { label, amount } => Line::from(vec![
                Span::styled(format!("{:<15}", ""), bold),
                Span::styled(format!("{amount:>5}  "), bold),
                Span::styled(label.clone(), bold),
            ]),
            WhyRow::Remark(r) => Line::styled(r.clone(), Style::new().fg(Color::DarkGray)),
            WhyRow::Trace(l) => {
                let amount = l
                    .amount
                    .filter(|a| *a != 0)
                    .map(crate::dutch::signed)
                    .unwrap_or_default();
                let mut spans = vec![
                    Span::styled(
                        format!("{:<15}", l.article.to_string()),
                        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(format!("{amount:>5}  "), bold),
                    Span::raw(l.msg.to_string()),
                ];
                if l.interpretation {
                    spans.push(Span::styled(
                        " (interpretatie: de lezing die traject volgt)",
                        Style::new().fg(Color::Yellow),
                    ));
                }
                Line::from(spans)
            }
        });
    }
    let outer = centered(
        area,
        area.width.saturating_sub(4).min(110),
        area.height.saturating_sub(2),
    );
    let inner = popup(frame, outer, format!(" Waarom? {} ", w.title));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((w.scroll, 0)),
        inner,
    );
}

/// The rows of a form: each field on one row, a message under a field
/// whose value is wrong.
enum FormRow {
    Field(usize),
    Error(usize, String),
}

/// The first row shown so that rows `[from, to]` (the focused field and its
/// message) fit in `height` rows.
pub fn form_scroll(from: usize, to: usize, height: usize) -> usize {
    if to < height {
        0
    } else {
        (to + 1 - height).min(from)
    }
}

/// A form: label, value with cursor, format hint, and inline messages; a
/// read-only line shows what follows from the field above it. A form
/// longer than the screen scrolls to keep the focused field in view, with
/// ▲/▼ where more fields are.
pub fn form(f: &Form, frame: &mut Frame, area: Rect) {
    use super::super::form::{FieldKind, hint};
    let label_w = f
        .fields
        .iter()
        .map(|x| x.label.chars().count())
        .max()
        .unwrap_or(10) as u16
        + 2;
    let mut rows = Vec::new();
    for (i, field) in f.fields.iter().enumerate() {
        rows.push(FormRow::Field(i));
        if let Err(e) = f.check(i)
            && !field.input.value().is_empty()
        {
            rows.push(FormRow::Error(i, e));
        }
    }
    // Borders, a blank row and the message row.
    let height = rows.len() as u16 + 4;
    let outer = centered(area, 90.min(area.width), height.min(area.height));
    let inner = popup(frame, outer, format!(" {} ", f.title));
    let visible = inner.height.saturating_sub(2) as usize;
    let at = |p: &dyn Fn(&FormRow) -> bool| rows.iter().position(p).unwrap_or(0);
    let from = at(&|r| matches!(r, FormRow::Field(i) if *i == f.focus));
    let to = rows
        .iter()
        .rposition(|r| matches!(r, FormRow::Field(i) | FormRow::Error(i, _) if *i == f.focus))
        .unwrap_or(from);
    let first = form_scroll(from, to, visible.max(1));
    let value_w = inner
        .width
        .saturating_sub(label_w + 1)
        .min(40)
        .min(inner.width.saturating_sub(label_w + 22).max(12));
    let dim = Style::new().fg(Color::DarkGray);
    for (n, row) in rows.iter().enumerate().skip(first).take(visible) {
        let y = inner.y + (n - first) as u16;
        match row {
            FormRow::Error(_, e) => frame.render_widget(
                Paragraph::new(Line::styled(format!("↳ {e}"), Style::new().fg(Color::Red))),
                Rect::new(inner.x + label_w, y, inner.width.saturating_sub(label_w), 1),
            ),
            FormRow::Field(i) => {
                let field = &f.fields[*i];
                let focused = *i == f.focus;
                let label_style = if focused {
                    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
                } else if field.is_focusable() {
                    Style::new()
                } else {
                    dim
                };
                frame.render_widget(
                    Paragraph::new(Line::styled(field.label.clone(), label_style)),
                    Rect::new(inner.x, y, label_w.min(inner.width), 1),
                );
                if let FieldKind::Follows { .. } = field.kind {
                    frame.render_widget(
                        Paragraph::new(Line::raw(f.follow_text(field))),
                        Rect::new(inner.x + label_w, y, inner.width.saturating_sub(label_w), 1),
                    );
                    continue;
                }
                let scroll = field.input.visual_scroll(value_w as usize);
                let shown: String = if field.is_typed() {
                    field.input.value().chars().skip(scroll).collect()
                } else {
                    format!("‹ {} ›", field.input.value())
                };
                let value_style = if focused && field.selected {
                    Style::new().bg(Color::Cyan).fg(Color::Black)
                } else if focused {
                    Style::new().bg(Color::DarkGray).fg(Color::White)
                } else {
                    Style::new().add_modifier(Modifier::UNDERLINED)
                };
                let value_area = Rect::new(inner.x + label_w, y, value_w, 1);
                frame.render_widget(
                    Paragraph::new(Line::styled(
                        format!("{shown:<width$}", width = value_w as usize),
                        value_style,
                    )),
                    value_area,
                );
                let hint_x = inner.x + label_w + value_w + 1;
                if hint_x < inner.right() {
                    let shown_hint = f.resolved(*i).map(|r| hint(&r)).unwrap_or_default();
                    frame.render_widget(
                        Paragraph::new(Line::styled(shown_hint, dim)),
                        Rect::new(hint_x, y, inner.right() - hint_x, 1),
                    );
                }
                if focused && field.is_typed() {
                    let x =
                        value_area.x + (field.input.visual_cursor().saturating_sub(scroll)) as u16;
                    frame.set_cursor_position(Position::new(
                        x.min(value_area.right().saturating_sub(1)),
                        y,
                    ));
                }
            }
        }
    }
    // Where more fields are than fit, on the row under the fields.
    let above = first > 0;
    let below = first + visible < rows.len();
    if above || below {
        let text = match (above, below) {
            (true, true) => "▲▼ meer velden erboven en eronder",
            (true, false) => "▲ meer velden erboven",
            _ => "▼ meer velden eronder (Tab)",
        };
        frame.render_widget(
            Paragraph::new(Line::styled(text, dim)).right_aligned(),
            Rect::new(inner.x, inner.y + visible as u16, inner.width, 1),
        );
    }
    if let Some(m) = &f.message {
        frame.render_widget(
            Paragraph::new(Line::styled(
                m.clone(),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ))
            .wrap(Wrap { trim: true }),
            Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1),
        );
    }
}
