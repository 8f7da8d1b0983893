//! The preview of pasted rows: each row as read, its errors under it, the
//! count, and what Enter adds.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::overlay::{centered, popup};
use crate::import::Row;
use crate::tui::app::truncate;
use crate::tui::paste::PastePreview;

/// Widths of the fixed columns: mark, row, code, SP, period, chances.
const MARK: usize = 2;
const ROW: usize = 4;
const CODE: usize = 11;
const SP: usize = 4;
const PERIOD: usize = 11;
const CHANCES: usize = 12;

/// One row's cells, fitted to their columns.
fn cells(row: &Row, name_width: usize) -> String {
    let (period, chances) = match &row.unit {
        Some(u) if row.is_good() => {
            let mark = |m: Option<crate::model::Mark>| m.map(|m| m.to_string());
            let chances = match (mark(u.first), mark(u.second)) {
                (Some(a), Some(b)) => format!("{a} / {b}"),
                (Some(a), None) => a,
                (None, Some(b)) => format!("— / {b}"),
                (None, None) => "—".into(),
            };
            (u.period.dutch().to_string(), chances)
        }
        _ => (row.period.clone(), row.chances()),
    };
    format!(
        "{:<ROW$}{:<CODE$}{:<name_width$}{:>3} {:<PERIOD$}{:<CHANCES$}",
        row.line,
        truncate(&row.code, CODE - 1),
        truncate(&row.name, name_width.saturating_sub(1)),
        truncate(&row.sp, 3),
        truncate(&period, PERIOD - 1),
        truncate(&chances, CHANCES),
    )
}

pub fn render(p: &PastePreview, frame: &mut Frame, area: Rect) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let red = Style::new().fg(Color::Red);
    let width = area.width.min(110);
    let inner_width = usize::from(width.saturating_sub(2));
    let name_width = inner_width
        .saturating_sub(MARK + ROW + CODE + SP + PERIOD + CHANCES)
        .clamp(8, 40);
    let mut lines: Vec<Line> = Vec::new();
    let counts = if p.rows.bad() == 0 {
        Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
    };
    lines.push(Line::styled(p.rows.summary(), counts));
    for note in &p.rows.ignored {
        lines.push(Line::styled(note.clone(), Style::new().fg(Color::DarkGray)));
    }
    lines.push(Line::styled(
        format!(
            "{:<MARK$}{:<ROW$}{:<CODE$}{:<name_width$}{:>3} {:<PERIOD$}{:<CHANCES$}",
            "", "rij", "code", "naam", "SP", "periode", "1e / 2e kans"
        ),
        bold,
    ));
    for row in &p.rows.rows {
        let (mark, style) = if row.is_good() {
            ("✓ ", Style::new().fg(Color::Green))
        } else {
            ("✗ ", red)
        };
        lines.push(Line::from(vec![
            Span::styled(mark, style),
            Span::raw(cells(row, name_width)),
        ]));
        for e in &row.errors {
            lines.push(Line::styled(format!("  {e}"), red));
        }
    }
    let good = p.good();
    let footer = Line::styled(
        match good {
            0 => "Geen goede rij om toe te voegen: verbeter het rekenblad en plak opnieuw. Esc annuleert.".to_string(),
            1 => "Enter voegt de goede rij toe (ongedaan maken kan met u). Esc annuleert.".to_string(),
            n => format!(
                "Enter voegt de {n} goede rijen toe als één wijziging (ongedaan maken kan met u). Esc annuleert."
            ),
        },
        bold,
    );
    // Lines as they wrap in the popup, so that the popup fits them and the
    // sentence of what Enter does is always shown under the rows.
    let rows_of = |l: &Line| l.width().max(1).div_ceil(inner_width.max(1)) as u16;
    let table_height: u16 = lines.iter().map(rows_of).sum();
    let footer_height = rows_of(&footer);
    let height = (table_height + footer_height + 3).min(area.height);
    let outer = centered(area, width, height);
    let inner = popup(frame, outer, format!(" {} ", p.title()));
    let [table, _, bottom] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(footer_height),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((p.scroll, 0)),
        table,
    );
    frame.render_widget(Paragraph::new(footer).wrap(Wrap { trim: false }), bottom);
}
