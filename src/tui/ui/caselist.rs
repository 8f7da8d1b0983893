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
use crate::review::{Finding, Overview, Quick};

/// The cells of an overview row, narrow or wide.
fn cells(o: &Overview, wide: bool) -> Vec<String> {
    let [name, number, year, balance, se, tolerance, finding, _] = crate::cli::batch_cells(o);
    let year = if wide {
        year
    } else {
        // 2017-2018 → 17-18
        o.year
            .map(|y| format!("{:02}-{:02}", y.0 % 100, (y.0 + 1) % 100))
            .unwrap_or(year)
    };
    let saved = o
        .saved
        .map(|t| {
            t.format(if wide { "%Y-%m-%d %H:%M" } else { "%d-%m-%y" })
                .to_string()
        })
        .unwrap_or_else(|| "—".into());
    let finding = if wide {
        finding
    } else {
        crate::dutch::review::finding_short(o.finding())
    };
    let mut v = vec![name];
    if wide {
        v.push(number);
    }
    v.extend([year, balance, se, tolerance, finding, saved]);
    v
}

fn style_of(o: &Overview) -> Style {
    match o.finding() {
        Finding::Unreadable { .. } | Finding::Errors { .. } => Style::new().fg(Color::Red),
        Finding::Refused { .. } | Finding::BindingConditions { .. } => {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        }
        Finding::Nothing => Style::new(),
        _ => Style::new().fg(Color::Yellow),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let wide = area.width >= 110;
    let r = &app.review;
    let blank = |first: String, rest: String| {
        let mut v = vec![first];
        v.extend(std::iter::repeat_n(String::new(), if wide { 5 } else { 4 }));
        v.push(rest);
        v.push(String::new());
        v
    };
    let rows: Vec<Row> = app
        .visible_list()
        .iter()
        .map(|e| match e {
            ListEntry::New => Row::new(blank(
                "+ nieuw dossier".to_string(),
                "een lege fiche".into(),
            )),
            ListEntry::Recovery { label, .. } => Row::new(blank(
                label.clone(),
                // The label says it is a recovery; the column is narrow.
                "niet bewaard: Enter".to_string(),
            ))
            .style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)),
            ListEntry::Demo(i) => match app.overview_of(e) {
                Some(o) => {
                    let mut c = cells(o, wide);
                    c[0] = format!("demo {}", c[0]);
                    Row::new(c).style(Style::new().fg(Color::Blue))
                }
                None => Row::new(blank(
                    format!("demo {}", demo::DEMOS[*i].0),
                    demo::description(*i),
                ))
                .style(Style::new().fg(Color::Blue)),
            },
            ListEntry::File { label, problem, .. } => match (app.overview_of(e), problem) {
                (Some(o), _) => Row::new(cells(o, wide)).style(style_of(o)),
                (None, Some(p)) => Row::new(blank(
                    label.clone(),
                    format!("kan niet gelezen worden: {p}"),
                ))
                .style(Style::new().fg(Color::Red)),
                (None, None) => Row::new(blank(label.clone(), "wordt berekend…".into()))
                    .style(Style::new().add_modifier(Modifier::DIM)),
            },
        })
        .collect();
    let mut titles = vec!["naam"];
    if wide {
        titles.push("studentnr");
    }
    titles.extend(["jaar", "saldo", "SE", "tol.", "bevinding", "bewaard"]);
    let widths: Vec<Constraint> = if wide {
        vec![
            Constraint::Length(24),
            Constraint::Length(9),
            Constraint::Length(9),
            Constraint::Length(10),
            Constraint::Length(7),
            Constraint::Length(5),
            Constraint::Fill(1),
            Constraint::Length(16),
        ]
    } else {
        vec![
            Constraint::Fill(2),
            Constraint::Length(5),
            Constraint::Length(10),
            Constraint::Length(7),
            Constraint::Length(4),
            Constraint::Fill(3),
            Constraint::Length(8),
        ]
    };
    // Above the table: the counts of the counsellor's own cases, the
    // progress of the worker, the filters and the order.
    let own: Vec<&Overview> = app
        .list
        .iter()
        .filter(|e| matches!(e, ListEntry::File { .. }))
        .filter_map(|e| app.overview_of(e))
        .collect();
    let counts = crate::dutch::review::counts(&crate::review::counts(own));
    let mut head = Vec::new();
    if r.busy() {
        head.push(format!("berekend {}/{}", r.done, r.total));
    }
    match r.quick {
        Quick::All => {}
        Quick::Attention => head.push("alleen aandacht nodig (a)".into()),
        Quick::Errors => head.push("alleen met fouten (f)".into()),
    }
    if r.typing || !r.filter.is_empty() {
        head.push(format!(
            "filter: {}{}",
            r.filter,
            if r.typing { "▏" } else { "" }
        ));
    }
    head.push(r.sort_dutch());
    let title = if r.show_demos {
        " Dossiers en demodossiers (v: demo's verbergen) "
    } else {
        " Dossiers (v: demo's tonen) "
    };
    let block = Block::bordered().title(title);
    frame.render_widget(block, area);
    // Where the counts and the table go: the layout the mouse finds rows by.
    let (top, list) = crate::tui::layout::case_list_parts(area);
    // The counts on the first line, what is filtered and how it is sorted
    // on the second (each cut at the width rather than wrapped away).
    let width = usize::from(top.width);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                super::super::app::truncate(&counts, width),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Line::raw(super::super::app::truncate(&head.join(" · "), width)),
        ]),
        top,
    );
    let table = Table::new(rows, widths)
        .header(
            Row::new(titles)
                .style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)),
        )
        .row_highlight_style(highlight(true));
    let mut state = TableState::default().with_selected(Some(app.sel.list));
    frame.render_stateful_widget(table, list, &mut state);
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
