//! The comparison view: the baseline and every scenario side by side, each
//! scenario with its difference against the baseline; the columns scroll
//! sideways when they do not fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{CompareView, truncate};
use super::overlay::{centered, popup};
use crate::rules::column_differs;

/// `text` cut or padded to exactly `width` characters.
fn fit(text: &str, width: usize) -> String {
    format!("{:<width$}", truncate(text, width))
}

/// The widths of the columns: label, value, difference.
struct Widths {
    label: usize,
    value: usize,
    delta: usize,
    /// Room left over, given to each scenario's value column (so that
    /// more of its name shows).
    extra: usize,
}

impl Widths {
    fn of(v: &CompareView, width: usize) -> Widths {
        let longest = |f: &dyn Fn(usize, usize) -> usize| {
            (0..v.rows.len())
                .flat_map(|r| (0..v.titles.len()).map(move |c| (r, c)))
                .map(|(r, c)| f(r, c))
                .max()
                .unwrap_or(0)
        };
        let value = (longest(&|r, c| v.rows[r].cells[c].text.chars().count()) + 1).clamp(7, 16);
        // Room for the word "verschil" above the differences.
        let delta = (longest(&|r, c| v.rows[r].delta(c).chars().count()) + 1).clamp(9, 10);
        let full = v
            .rows
            .iter()
            .filter(|r| !r.heading)
            .map(|r| r.label.chars().count() + 1)
            .max()
            .unwrap_or(0);
        let want = full.clamp(16, 32);
        // As many scenarios as fit with a label of at least 16; one always.
        let group = 1 + value + delta;
        let scenarios = v.titles.len() - 1;
        let label = (1..=scenarios.max(1))
            .rev()
            .map(|k| width.saturating_sub(value + k * group).min(want))
            .find(|&l| l >= 16)
            .unwrap_or(12);
        let fits = (width.saturating_sub(label + value) / group).clamp(1, scenarios.max(1));
        // What is left widens the scenarios' columns (more of their names),
        // then the labels (long warnings), then the columns again.
        let spare = width.saturating_sub(label + value + fits * group);
        let first = (spare / fits).min(12);
        let spare = spare - first * fits;
        let wider = spare.min(full.saturating_sub(label));
        let spare = spare - wider;
        Widths {
            label: label + wider,
            value,
            delta,
            extra: (first + spare / fits).min(24),
        }
    }

    fn group(&self) -> usize {
        1 + self.value + self.extra + self.delta
    }
}

/// The scenario columns shown: from `first` to `last` (1-based, inclusive).
fn visible(v: &CompareView, w: &Widths, width: usize) -> (usize, usize) {
    let m = v.titles.len() - 1;
    let fits = (width.saturating_sub(w.label + w.value) / w.group()).max(1);
    let first = if v.column <= fits {
        1
    } else {
        v.column + 1 - fits
    };
    (first, (first + fits - 1).min(m))
}

pub fn render(v: &CompareView, frame: &mut Frame, area: Rect) {
    let outer = centered(area, area.width, area.height);
    let m = v.titles.len() - 1;
    let inner = popup(
        frame,
        outer,
        format!(
            " Vergelijken: de basis en {} ",
            if m == 1 {
                "1 scenario".to_string()
            } else {
                format!("{m} scenario's")
            }
        ),
    );
    let width = inner.width as usize;
    let w = Widths::of(v, width);
    let (first, last) = visible(v, &w, width);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().fg(Color::DarkGray);
    let chosen = Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let column_style = |c: usize| if c == v.column { chosen } else { bold };

    let mut lines: Vec<Line> = Vec::new();
    // Header: the column labels, then what each scenario column holds.
    let mut head = vec![
        Span::styled(fit("cijfer", w.label), bold),
        Span::styled(fit(&v.label(0, w.value - 1), w.value), column_style(0)),
    ];
    let mut sub = Vec::new();
    let mut arrows = Vec::new();
    if first > 1 {
        arrows.push(format!("◀ {} links", first - 1));
    }
    if last < m {
        arrows.push(format!("{} rechts ▶", m - last));
    }
    sub.push(Span::styled(fit(&arrows.join(" · "), w.label), dim));
    sub.push(Span::raw(fit("", w.value)));
    for c in first..=last {
        head.push(Span::styled("│", dim));
        head.push(Span::styled(
            fit(&v.label(c, w.group() - 2), w.group() - 1),
            column_style(c),
        ));
        sub.push(Span::styled("│", dim));
        if column_differs(&v.rows, c) {
            sub.push(Span::raw(fit("", w.value + w.extra)));
            sub.push(Span::styled(fit("verschil", w.delta), dim));
        } else {
            sub.push(Span::styled(fit("geen verschil", w.group() - 1), dim));
        }
    }
    lines.push(Line::from(head));
    lines.push(Line::from(sub));

    // Footer: the selected column in full; and when nothing differs at all.
    let mut footer = Vec::new();
    if v.column == 0 {
        footer.push(
            "basis: de werkelijke geschiedenis. ←/→ kiest een kolom; Enter legt het cijfer van die kolom uit."
                .to_string(),
        );
    } else {
        let n = v.rows.iter().filter(|r| r.differs_at(v.column)).count();
        let mut text = format!(
            "{} «{}»: {}",
            v.column,
            v.titles[v.column],
            match n {
                0 => "geen verschil met de basis".to_string(),
                1 => "1 cijfer anders dan de basis".to_string(),
                n => format!("{n} cijfers anders dan de basis"),
            }
        );
        match v.stale.get(v.column).copied().unwrap_or(0) {
            0 => {}
            1 => text.push_str(" · 1 wijziging past niet meer op de basis"),
            k => text.push_str(&format!(" · {k} wijzigingen passen niet meer op de basis")),
        }
        footer.push(text);
    }
    if !(1..=m).any(|c| column_differs(&v.rows, c)) {
        footer.push("Geen verschil: geen enkel scenario verandert een cijfer van de basis.".into());
    }

    let body = (inner.height as usize)
        .saturating_sub(2 + footer.len())
        .max(1);
    let offset = (v.selected + 1).saturating_sub(body);
    for (i, r) in v.rows.iter().enumerate().skip(offset).take(body) {
        let selected = i == v.selected;
        let base = if r.heading {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else if r.differs {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        let row_style = if selected {
            base.bg(Color::Cyan).fg(Color::Black)
        } else {
            base
        };
        let cell_style = |c: usize| {
            if selected && c == v.column {
                Style::new()
                    .bg(Color::White)
                    .fg(Color::Black)
                    .add_modifier(Modifier::BOLD)
            } else {
                row_style
            }
        };
        let mut spans = vec![Span::styled(
            fit(&truncate(&r.label, w.label - 1), w.label),
            row_style,
        )];
        if r.heading {
            spans[0] = Span::styled(fit(&r.label, width), row_style);
            lines.push(Line::from(spans));
            continue;
        }
        spans.push(Span::styled(fit(&r.cells[0].text, w.value), cell_style(0)));
        for c in first..=last {
            spans.push(Span::styled("│", if selected { row_style } else { dim }));
            spans.push(Span::styled(
                fit(&r.cells[c].text, w.value + w.extra),
                cell_style(c),
            ));
            spans.push(Span::styled(fit(&r.delta(c), w.delta), row_style));
        }
        lines.push(Line::from(spans));
    }
    while lines.len() < 2 + body {
        lines.push(Line::raw(""));
    }
    for f in footer {
        lines.push(Line::styled(
            truncate(&f, width),
            Style::new().fg(Color::Magenta),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
