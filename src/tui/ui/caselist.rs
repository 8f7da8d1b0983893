//! The case list and the error screen of a file that cannot be opened.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};

use super::super::app::{App, ListEntry};
use super::super::demo;
use super::highlight;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let rows: Vec<Row> = app
        .visible_list()
        .iter()
        .map(|e| match e {
            ListEntry::New => Row::new(vec![
                "+ nieuw dossier".to_string(),
                "een lege fiche voor een nieuwe student".into(),
            ]),
            ListEntry::Demo(i) => Row::new(vec![
                format!("demo {}", demo::DEMOS[*i].0),
                demo::description(*i),
            ])
            .style(Style::new().fg(Color::Blue)),
            ListEntry::Recovery { label, .. } => Row::new(vec![
                label.clone(),
                "niet bewaard (herstelbestand): Enter haalt het terug".to_string(),
            ])
            .style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)),
            ListEntry::File { label, problem, .. } => match problem {
                None => Row::new(vec![label.clone(), String::new()]),
                Some(p) => Row::new(vec![label.clone(), format!("kan niet gelezen worden: {p}")])
                    .style(Style::new().fg(Color::Red)),
            },
        })
        .collect();
    let title = if app.demos_only {
        " Demodossiers (v: alle dossiers) "
    } else {
        " Dossiers (v: enkel demo's) "
    };
    let table = Table::new(rows, [Constraint::Length(34), Constraint::Min(20)])
        .header(
            Row::new(vec!["dossier", "omschrijving"])
                .style(Style::new().add_modifier(Modifier::BOLD)),
        )
        .block(Block::bordered().title(title))
        .row_highlight_style(highlight(true));
    let mut state = TableState::default().with_selected(Some(app.sel.list));
    frame.render_stateful_widget(table, area, &mut state);
}

pub fn render_error(frame: &mut Frame, area: Rect, path: &Path, message: &str) {
    let text = vec![
        Line::styled(
            format!("{} kan niet geopend worden.", path.display()),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Line::raw(""),
        Line::styled(message.to_string(), Style::new().fg(Color::Red)),
        Line::raw(""),
        Line::raw(
            "Het bestand is niet gewijzigd. Verbeter het in een teksteditor op de aangegeven plaats",
        ),
        Line::raw("(regel:kolom) en open het opnieuw; README.md beschrijft het formaat."),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" Fout in het dossier ")),
        area,
    );
}
