//! The live figures: balance chart, tolerance gauge and the list of every
//! figure (Enter or w explains the selected one).

use ratatui::Frame;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Gauge, List, ListItem, ListState};

use crate::model::ProgrammeKind;
use crate::rules::hundredths_dutch;

use super::super::app::{App, Pane};
use super::super::rows::{FigureKind, figure_items};
use super::{border, highlight, pane_block};

pub fn render(app: &App, frame: &mut Frame, ed: &crate::tui::layout::EditorAreas) {
    let Some(doc) = &app.doc else { return };
    let focused = app.focus == Pane::Figures;
    let (chart, gauge, list, wide) = (ed.chart, ed.gauge, ed.figures, ed.wide);

    if chart.height > 0 {
        let rows = &doc.outcome.ledger.rows;
        let bars: Vec<Bar> = rows
            .iter()
            .map(|r| {
                let short = format!("{:02}-{:02}", r.year.0 % 100, (r.year.0 + 1) % 100);
                Bar::default()
                    .value(r.end.max(0) as u64)
                    .text_value(r.end.to_string())
                    .label(Line::from(short))
                    .style(if r.end <= 0 {
                        Style::new().fg(Color::Red)
                    } else {
                        Style::new().fg(Color::Cyan)
                    })
            })
            .collect();
        let chart_widget = BarChart::default()
            .block(
                Block::bordered()
                    .title(" Leerkrediet per jaar ")
                    .border_style(border(false)),
            )
            .data(BarGroup::default().bars(&bars))
            .bar_width(if wide { 5 } else { 4 })
            .bar_gap(1)
            .value_style(Style::new().fg(Color::Black).bg(Color::Cyan));
        frame.render_widget(chart_widget, chart);
    }

    // Tolerance of the programme shown, or the first bachelor.
    let context_programme = app
        .context_enrolment()
        .and_then(|(y, e)| e.map(|e| doc.case.years[y].enrolments[e].programme.clone()));
    let programme = doc
        .outcome
        .programmes
        .iter()
        .filter(|p| p.tolerance.is_some())
        .find(|p| Some(&p.id) == context_programme.as_ref())
        .or_else(|| {
            doc.outcome
                .programmes
                .iter()
                .find(|p| p.kind == ProgrammeKind::Bachelor && p.tolerance.is_some())
        });
    match programme.and_then(|p| p.tolerance.as_ref().map(|t| (p, t))) {
        Some((p, t)) => {
            let ratio = if t.available_hundredths > 0 {
                (100.0 * t.used as f64 / t.available_hundredths as f64).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let over = t.remaining_hundredths() < 0;
            let gauge_widget = Gauge::default()
                .block(
                    Block::bordered()
                        .title(format!(
                            " Tolerantie {} ",
                            super::fit(&p.name, usize::from(gauge.width).saturating_sub(15))
                        ))
                        .border_style(border(false)),
                )
                .gauge_style(if over {
                    Style::new().fg(Color::Red)
                } else {
                    Style::new().fg(Color::Yellow)
                })
                .ratio(ratio)
                .label(format!(
                    "{} van {} SP ingezet, {} over",
                    t.used,
                    hundredths_dutch(t.available_hundredths),
                    hundredths_dutch(t.remaining_hundredths())
                ));
            frame.render_widget(gauge_widget, gauge);
        }
        None => frame.render_widget(
            ratatui::widgets::Paragraph::new(format!(
                " geen bacheloropleiding aan {}: geen tolerantiekrediet",
                app.params.home_name()
            ))
            .block(
                Block::bordered()
                    .title(" Tolerantie ")
                    .border_style(border(false)),
            ),
            gauge,
        ),
    }

    // Only the lines that fit are drawn (a 50 000-unit case has some
    // 16 000 figures): the window that keeps the selection in view, as the
    // list widget itself would scroll.
    let figures = figure_items(&doc.outcome);
    let height = usize::from(list.height.saturating_sub(2)).max(1);
    let selected = app.sel.figures.min(figures.len().saturating_sub(1));
    let offset = crate::tui::layout::offset_of(app, Pane::Figures, figures.len(), list);
    let room = usize::from(list.width.saturating_sub(2));
    let items: Vec<ListItem> = figures
        .into_iter()
        .skip(offset)
        .take(height)
        .map(|f| {
            let style = match f.kind {
                FigureKind::Heading => Style::new().add_modifier(Modifier::BOLD),
                FigureKind::Figure => Style::new(),
                FigureKind::Target => Style::new().fg(Color::Cyan),
                FigureKind::Warning => Style::new().fg(Color::Yellow),
                FigureKind::Refusal => Style::new()
                    .fg(Color::Red)
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED),
                FigureKind::Error => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            };
            ListItem::new(Line::styled(super::fit_keep_tail(&f.text, room), style))
        })
        .collect();
    let list_widget = List::new(items)
        .block(pane_block(" Cijfers (Enter: waarom?) ".into(), focused))
        .highlight_style(highlight(focused));
    let mut state = ListState::default().with_selected(focused.then_some(selected - offset));
    frame.render_stateful_widget(list_widget, list, &mut state);
}
