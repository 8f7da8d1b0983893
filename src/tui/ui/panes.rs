//! The navigator and the four detail panes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Row, Table, TableState, Wrap};

use crate::model::{Event, Mark};
use crate::rules::UnitStatus;

use super::super::app::{App, Pane, Target};
use super::super::rows::{StudentRow, WithdrawalRow, student_rows, unit_rows, withdrawal_rows};
use super::{highlight, pane_block};

fn status_style(s: UnitStatus) -> Style {
    match s {
        UnitStatus::Credit | UnitStatus::Exempt => Style::new().fg(Color::Green),
        UnitStatus::Failed => Style::new().fg(Color::Red),
        UnitStatus::Tolerated => Style::new().fg(Color::Yellow),
        UnitStatus::Withdrawn { .. } => Style::new().fg(Color::DarkGray),
        UnitStatus::Pending => Style::new().fg(Color::Cyan),
        UnitStatus::NoResult => Style::new(),
    }
}

fn short_period(p: crate::model::Period) -> &'static str {
    use crate::model::Period;
    match p {
        Period::Year => "jaar",
        Period::S1 => "sem1",
        Period::S2 => "sem2",
        Period::M1 => "mod1",
        Period::M2 => "mod2",
        Period::M3 => "mod3",
        Period::M4 => "mod4",
    }
}

/// The text of a line of Jaren: the part that may shrink and the part that
/// stays (a summary's figures). Rendering and the pane's width both use it.
pub fn nav_line(doc: &crate::tui::app::Document, t: &Target) -> (String, String) {
    let programme = |id: &str| -> String {
        doc.case
            .programme(id)
            .map_or(id.to_string(), |p| p.name.clone())
    };
    match *t {
        Target::Year(y) => {
            let year = &doc.case.years[y];
            let end = doc
                .outcome
                .ledger_row(year.year)
                .map(|r| format!(" → {}", r.end))
                .unwrap_or_default();
            (format!("{}{end}", year.year), String::new())
        }
        Target::Enrolment(y, e) => {
            let en = &doc.case.years[y].enrolments[e];
            let w = if en.withdrawn.is_some() {
                " (uitgeschr.)"
            } else {
                ""
            };
            (format!("  {}{w}", programme(&en.programme)), String::new())
        }
        Target::Summary(y, s) => {
            let su = &doc.case.years[y].summaries[s];
            (
                format!("  {}", programme(&su.programme)),
                format!(" Σ {}/{}", su.acquired, su.taken),
            )
        }
        _ => (String::new(), String::new()),
    }
}

pub fn navigator(app: &App, frame: &mut Frame, area: Rect) {
    let Some(doc) = &app.doc else { return };
    let focused = app.focus == Pane::Navigator;
    let room = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = app
        .nav_rows()
        .iter()
        .map(|t| {
            let (head, tail) = nav_line(doc, t);
            let head = super::fit(
                &head,
                room.saturating_sub(unicode_width::UnicodeWidthStr::width(tail.as_str())),
            );
            let style = match t {
                Target::Year(_) => Style::new().add_modifier(Modifier::BOLD),
                Target::Summary(..) => Style::new().fg(Color::Blue),
                _ => Style::new(),
            };
            ListItem::new(Line::styled(format!("{head}{tail}"), style))
        })
        .collect();
    let empty = items.is_empty();
    let list = List::new(items)
        .block(pane_block(" Jaren ".into(), focused))
        .highlight_style(highlight(focused));
    let mut state = ListState::default().with_selected((!empty).then_some(app.sel.nav));
    frame.render_stateful_widget(list, area, &mut state);
    if empty {
        let inner = area.inner(ratatui::layout::Margin::new(1, 1));
        frame.render_widget(
            Paragraph::new("Nog geen jaren.\na: jaar toevoegen").wrap(Wrap { trim: false }),
            inner,
        );
    }
}

/// A detail pane's block: tabs on top, the year and programme shown below.
fn detail_block(
    app: &App,
    pane: Pane,
    focused: bool,
    width: u16,
) -> ratatui::widgets::Block<'static> {
    pane_block(crate::tui::layout::detail_title(pane).0, focused).title_bottom(detail_context(
        app,
        pane,
        usize::from(width.saturating_sub(3)),
    ))
}

/// The year and programme the detail panes show.
fn detail_context(app: &App, pane: Pane, width: usize) -> String {
    let Some(doc) = &app.doc else {
        return String::new();
    };
    match app.context_enrolment() {
        Some((y, Some(e))) if pane != Pane::Student => {
            let en = &doc.case.years[y].enrolments[e];
            let name = doc
                .case
                .programme(&en.programme)
                .map_or(en.programme.clone(), |p| p.name.clone());
            // The programme's name shrinks; the year and the contract stay.
            let year = doc.case.years[y].year.to_string();
            let contract = en.contract.dutch();
            let room = width.saturating_sub(year.len() + contract.len() + 8);
            format!(" {year} · {} · {contract} ", super::fit(&name, room))
        }
        Some((y, None)) if pane != Pane::Student => format!(" {} ", doc.case.years[y].year),
        _ => String::new(),
    }
}

fn empty_hint(frame: &mut Frame, area: Rect, text: &str) {
    let inner = area.inner(ratatui::layout::Margin::new(2, 2));
    frame.render_widget(
        Paragraph::new(text.to_string()).wrap(Wrap { trim: false }),
        inner,
    );
}

/// A mark as a table cell: short words (the Units pane's `[g/ng]` ones)
/// so the columns of figures stay narrow and are never cut.
fn mark_cell(m: Option<Mark>) -> String {
    match m {
        None => "—".into(),
        Some(Mark::Absent) => "afw.".into(),
        Some(Mark::Passed) => "g".into(),
        Some(Mark::NotPassed) => "ng".into(),
        Some(m) => m.to_string(),
    }
}

/// Lays out a table's cells: every column as wide as its widest cell (and
/// its header, and `min`), except column `name`, which takes the rest of
/// `width` and whose cells shrink with an ellipsis. Returns the widths.
fn fit_columns(
    cells: &mut [Vec<String>],
    header: &[&str],
    min: &[u16],
    name: usize,
    width: u16,
) -> Vec<u16> {
    use unicode_width::UnicodeWidthStr;
    let n = header.len();
    let mut widths: Vec<u16> = (0..n)
        .map(|c| {
            cells
                .iter()
                .map(|r| r.get(c).map_or(0, |s| s.width()))
                .chain([
                    header[c].width(),
                    usize::from(min.get(c).copied().unwrap_or(0)),
                ])
                .max()
                .unwrap_or(0) as u16
        })
        .collect();
    let fixed: u16 = widths
        .iter()
        .enumerate()
        .filter(|(c, _)| *c != name)
        .map(|(_, w)| *w)
        .sum::<u16>()
        + (n as u16).saturating_sub(1);
    widths[name] = width.saturating_sub(fixed).max(1);
    let room = usize::from(widths[name]);
    for r in cells.iter_mut() {
        if let Some(s) = r.get_mut(name) {
            *s = super::fit(s, room);
        }
    }
    widths
}

/// A table of cells laid out by [`fit_columns`] in `width` (the column
/// `name` shrinks, the others keep their cells' width and `min`): each row
/// with its style, the header in bold, the selection highlighted when the
/// pane has the focus.
fn fitted_table<'a>(
    mut cells: Vec<Vec<String>>,
    styles: impl IntoIterator<Item = Style>,
    header: &[&'a str],
    (min, name, width): (&[u16], usize, u16),
    focused: bool,
) -> Table<'a> {
    let widths = fit_columns(&mut cells, header, min, name, width);
    let rows: Vec<Row> = cells
        .into_iter()
        .zip(styles)
        .map(|(c, s)| Row::new(c).style(s))
        .collect();
    Table::new(rows, widths.into_iter().map(Constraint::Length))
        .header(Row::new(header.to_vec()).style(Style::new().add_modifier(Modifier::BOLD)))
        .row_highlight_style(highlight(focused))
}

pub fn units(app: &App, frame: &mut Frame, area: Rect) {
    let Some(doc) = &app.doc else { return };
    let focused = app.focus == Pane::Units;
    // The units of the goal selected in the figures pane stand out.
    let marked: Vec<(crate::model::AcademicYear, String)> = if app.focus == Pane::Figures {
        crate::tui::rows::figure_items(&doc.outcome)
            .into_iter()
            .nth(app.sel.figures)
            .map(|f| f.units)
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    // Only the rows that fit are built (an enrolment may hold thousands of
    // units): the window that keeps the selection in view.
    let all = unit_rows(app);
    let height = usize::from(area.height.saturating_sub(3)).max(1);
    let selected = app.sel.units.min(all.len().saturating_sub(1));
    let offset = crate::tui::layout::offset_of(app, Pane::Units, all.len(), area);
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut styles: Vec<Style> = Vec::new();
    for &(y, e, u) in all.iter().skip(offset).take(height) {
        let year = &doc.case.years[y];
        let en = &year.enrolments[e];
        let unit = &en.units[u];
        let out = doc.outcome.unit(year.year, &en.programme, &unit.code);
        let g = out
            .and_then(|o| o.grensdatum)
            .map(|d| d.dutch())
            .unwrap_or_else(|| "—".into());
        let g = if unit.grensdatum.is_some() {
            format!("{g}*")
        } else {
            g
        };
        let status = out.map(|o| o.status).unwrap_or(UnitStatus::Pending);
        let mut name = unit.name.clone();
        if unit.kind != crate::model::UnitKind::Regular {
            name = format!("{name} [{}]", unit.kind.dutch());
        }
        if unit.pass_fail {
            name.push_str(" [g/ng]");
        }
        if unit.is_composite() {
            name.push_str(&format!(" [{} delen]", unit.parts.len()));
        }
        let is_marked = marked
            .iter()
            .any(|(y, c)| *y == year.year && *c == unit.code);
        cells.push(vec![
            if is_marked {
                format!("►{}", unit.code)
            } else {
                unit.code.clone()
            },
            name,
            unit.sp.to_string(),
            short_period(unit.period).to_string(),
            g,
            status.dutch().to_string(),
        ]);
        styles.push(if is_marked {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            status_style(status)
        });
    }
    let header = ["code", "naam", "SP", "per.", "grensdatum", "status"];
    let empty = cells.is_empty();
    let fit = (&[4, 0, 2, 4, 10, 13][..], 1, area.width.saturating_sub(2));
    let table = fitted_table(cells, styles, &header, fit, focused).block(detail_block(
        app,
        Pane::Units,
        focused,
        area.width,
    ));
    let mut state = TableState::default().with_selected((!empty).then_some(selected - offset));
    frame.render_stateful_widget(table, area, &mut state);
    if empty {
        let text = if matches!(app.context_enrolment(), Some((_, Some(_)))) {
            "Geen opleidingsonderdelen. a: toevoegen, of plak rijen uit een rekenblad (code, naam, SP, periode, 1e kans, 2e kans)."
        } else {
            "Geen opleidingsonderdelen. Kies eerst een inschrijving in Jaren; dan voegt a er een toe, of plak rijen uit een rekenblad (code, naam, SP, periode, 1e kans, 2e kans)."
        };
        empty_hint(frame, area, text);
    }
}

pub fn results(app: &App, frame: &mut Frame, area: Rect) {
    let Some(doc) = &app.doc else { return };
    let focused = app.focus == Pane::Results;
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut styles: Vec<Style> = Vec::new();
    for &(y, e, u) in unit_rows(app).iter() {
        let year = &doc.case.years[y];
        let en = &year.enrolments[e];
        let unit = &en.units[u];
        let out = doc.outcome.unit(year.year, &en.programme, &unit.code);
        let status = out.map(|o| o.status).unwrap_or(UnitStatus::Pending);
        let verdict = doc
            .outcome
            .programme(&en.programme)
            .and_then(|p| p.tolerance.as_ref())
            .and_then(|t| {
                t.units
                    .iter()
                    .find(|v| v.year == year.year && v.code == unit.code)
            })
            .map(crate::dutch::verdict_short)
            .unwrap_or_else(|| {
                if unit.tolerated {
                    "tolerantie!".into()
                } else {
                    String::new()
                }
            });
        cells.push(vec![
            unit.code.clone(),
            unit.name.clone(),
            if unit.is_composite() {
                mark_cell(out.and_then(|o| o.first))
            } else {
                mark_cell(unit.first)
            },
            if unit.is_composite() {
                String::new()
            } else {
                mark_cell(unit.second)
            },
            mark_cell(out.and_then(|o| o.final_mark)),
            status.dutch().to_string(),
            verdict,
        ]);
        styles.push(status_style(status));
        for p in &unit.parts {
            cells.push(vec![
                String::new(),
                format!("  └ {} (×{})", p.name, p.weight),
                mark_cell(p.first),
                mark_cell(p.second),
                String::new(),
                String::new(),
                String::new(),
            ]);
            styles.push(Style::new().fg(Color::DarkGray));
        }
    }
    let lines = crate::tui::layout::results_lines(app);
    let selected_row = lines
        .iter()
        .position(|&u| u == app.sel.results)
        .unwrap_or(0);
    let offset = crate::tui::layout::offset_of(app, Pane::Results, lines.len(), area);
    let height = usize::from(area.height.saturating_sub(3)).max(1);
    let cells: Vec<Vec<String>> = cells.into_iter().skip(offset).take(height).collect();
    let styles: Vec<Style> = styles.into_iter().skip(offset).take(height).collect();
    let header = ["code", "naam", "1e", "2e", "eind", "status", "tolerantie"];
    let empty = cells.is_empty();
    let fit = (&[4, 0, 3, 3, 4, 0, 0][..], 1, area.width.saturating_sub(2));
    let table = fitted_table(cells, styles, &header, fit, focused).block(detail_block(
        app,
        Pane::Results,
        focused,
        area.width,
    ));
    let mut state = TableState::default()
        .with_selected((!empty).then_some(selected_row.saturating_sub(offset)));
    frame.render_stateful_widget(table, area, &mut state);
    if empty {
        empty_hint(
            frame,
            area,
            "Geen opleidingsonderdelen in deze inschrijving.",
        );
    }
}

/// The rows `text` takes when wrapped at word boundaries in `width`.
fn wrapped_rows(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut rows = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let w = word.chars().count();
        let need = if used == 0 { w } else { used + 1 + w };
        if need <= width {
            used = need;
        } else {
            rows += 1 + (w.saturating_sub(1)) / width;
            used = w % width;
        }
    }
    u16::try_from(rows).unwrap_or(u16::MAX)
}

pub fn withdrawals(app: &App, frame: &mut Frame, area: Rect) {
    // Wide enough for the full dates and sentences (the name 16, the
    // contract 7, two dates of 10, the longest consequence 36, spacing and
    // border)? Else short dates and the consequence in a word or two, so
    // that the columns that decide are never cut; the names shrink.
    let wide = area.width >= 16 + 7 + 10 + 10 + 36 + 4 + 2;
    let date = |d: crate::model::Date| if wide { d.dutch() } else { d.short() };
    let Some(doc) = &app.doc else { return };
    let focused = app.focus == Pane::Withdrawals;
    let year = app.context_year();
    let switches: Vec<Line> = doc
        .outcome
        .switches
        .iter()
        .filter(|s| Some(s.year) == year)
        .map(|s| {
            Line::styled(
                format!(
                    "Overstap {} → {}: uitgeschreven {}, ingeschreven {}; {}: {} van {} SP terug (Art. 8.1 §9)",
                    s.from,
                    s.to,
                    s.withdrawn.dutch(),
                    s.enrolled.dutch(),
                    if s.generation_student { "generatiestudent" } else { "geen generatiestudent" },
                    s.refund,
                    s.base
                ),
                Style::new().fg(Color::Yellow),
            )
        })
        .collect();
    let mut switches = switches;
    // The countdown, when today falls in the year shown.
    if year == Some(crate::rules::year_of(&app.params, app.today)) {
        for e in crate::rules::countdown(&doc.case, &app.params, &doc.outcome, app.today) {
            for (i, sentence) in crate::dutch::countdown_sentences(&e)
                .into_iter()
                .enumerate()
            {
                let mark = if i == 0 { "⏱ " } else { "  " };
                switches.push(Line::styled(
                    format!("{mark}{sentence}"),
                    Style::new().fg(Color::Magenta),
                ));
            }
        }
    }
    // One block around the table and, under it, the switch and countdown lines.
    let block = detail_block(app, Pane::Withdrawals, focused, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // The rows the switch and countdown sentences take, wrapped.
    let bottom: u16 = switches
        .iter()
        .map(|l| wrapped_rows(&l.to_string(), inner.width))
        .sum();
    let [table_area, switch_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(bottom)]).areas(inner);
    // The cells of each row, and whether it is an enrolment's (bold).
    let mut bold: Vec<bool> = Vec::new();
    let mut cells: Vec<Vec<String>> = Vec::new();
    for r in withdrawal_rows(app) {
        match r {
            WithdrawalRow::Enrolment(y, e) => {
                let en = &doc.case.years[y].enrolments[e];
                let name = doc
                    .case
                    .programme(&en.programme)
                    .map_or(en.programme.clone(), |p| p.name.clone());
                bold.push(true);
                // Narrow, the contract goes where the consequences are, so
                // that the SP column stays narrow and the codes whole.
                let (contract, last) = if wide {
                    (
                        en.contract.dutch().trim_end_matches("contract").to_string(),
                        "Enter: data wijzigen".to_string(),
                    )
                } else {
                    (String::new(), en.contract.dutch().to_string())
                };
                cells.push(vec![
                    format!("▸ {name}"),
                    contract,
                    en.enrolled
                        .map(date)
                        .unwrap_or_else(|| if wide { "begin jaar" } else { "begin" }.into()),
                    en.withdrawn.map(date).unwrap_or_else(|| "—".into()),
                    last,
                ]);
            }
            WithdrawalRow::Unit(y, e, u) => {
                let year = &doc.case.years[y];
                let en = &year.enrolments[e];
                let unit = &en.units[u];
                let out = doc.outcome.unit(year.year, &en.programme, &unit.code);
                let g = out.and_then(|o| o.grensdatum);
                let w = unit.withdrawal.as_ref().map(|w| w.date).or(en.withdrawn);
                let removal = unit.withdrawal.as_ref().is_some_and(|w| w.removal);
                let say = |long: &str, short: &str| if wide { long } else { short }.to_string();
                let verdict = match (out.map(|o| o.status), w, g) {
                    (Some(UnitStatus::Withdrawn { refunded: true, .. }), ..) if removal => {
                        say("geschrapt (11.6): terug", "geschrapt: terug")
                    }
                    (Some(UnitStatus::Withdrawn { refunded: true, .. }), ..) => {
                        say("op tijd: leerkrediet terug", "op tijd: terug")
                    }
                    (Some(UnitStatus::Withdrawn { in_time: true, .. }), ..) => say(
                        "op tijd, creditcontract: niets terug",
                        "creditc.: niets terug",
                    ),
                    (Some(UnitStatus::Withdrawn { .. }), ..) => {
                        say("na de grensdatum: verloren", "te laat: verloren")
                    }
                    (_, Some(_), _) if unit.has_result() => {
                        say("al geëxamineerd: resultaat blijft", "resultaat blijft")
                    }
                    (_, None, _) if unit.has_result() || unit.exempt => String::new(),
                    (_, None, Some(g)) if g >= app.today => {
                        // Narrow, the grensdatum is in its own column.
                        if wide {
                            format!("terug tot {}", date(g))
                        } else {
                            "nog op tijd".to_string()
                        }
                    }
                    (_, None, Some(_)) => say("grensdatum voorbij", "grens voorbij"),
                    (_, None, None) => say("geen grensdatum bekend", "geen grensdatum"),
                    _ => String::new(),
                };
                bold.push(false);
                cells.push(vec![
                    format!("  {} {}", unit.code, unit.name),
                    unit.sp.to_string(),
                    g.map(date).unwrap_or_else(|| "—".into()),
                    w.map(date).unwrap_or_else(|| "—".into()),
                    verdict,
                ]);
            }
        }
    }
    let header = [
        if wide {
            "opleiding / onderdeel"
        } else {
            "onderdeel"
        },
        "",
        "grens",
        if wide { "uitgeschreven" } else { "uit op" },
        "gevolg",
    ];
    let empty = cells.is_empty();
    let styles = bold.into_iter().map(|b| {
        if b {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    });
    let fit = (&[8, 0, 0, 0, 0][..], 0, table_area.width);
    let table = fitted_table(cells, styles, &header, fit, focused);
    let mut state = TableState::default().with_selected((!empty).then_some(app.sel.withdrawals));
    frame.render_stateful_widget(table, table_area, &mut state);
    if !switches.is_empty() {
        frame.render_widget(
            Paragraph::new(switches).wrap(Wrap { trim: false }),
            switch_area,
        );
    }
    if empty {
        empty_hint(frame, table_area, "Geen inschrijvingen in dit jaar.");
    }
}

pub fn student(app: &App, frame: &mut Frame, area: Rect) {
    let Some(doc) = &app.doc else { return };
    let focused = app.focus == Pane::Student;
    let c = &doc.case;
    let room = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = student_rows(app)
        .iter()
        .map(|r| match *r {
            StudentRow::Student => ListItem::new(vec![
                Line::styled(
                    format!("{}  {}", c.student.name, c.student.number),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Line::raw(format!(
                    "  stand tot en met: {}{}",
                    doc.outcome
                        .as_of
                        .map(|y| y.to_string())
                        .unwrap_or_else(|| "—".into()),
                    if c.student.notes.is_empty() {
                        String::new()
                    } else {
                        format!("   notities: {}", c.student.notes)
                    }
                )),
            ]),
            StudentRow::Opening => ListItem::new(super::fit(&match &c.opening {
                None => "Beginsaldo: geen (volledige geschiedenis vanaf de eerste inschrijving)"
                    .to_string(),
                Some(o) => format!(
                    "Beginsaldo {} bij de start van {}, bonus al toegekend {}{}",
                    o.balance,
                    o.year,
                    o.bonus_granted,
                    if o.rebuilds.is_empty() {
                        String::new()
                    } else {
                        format!(
                            ", heropbouw: {}",
                            o.rebuilds
                                .iter()
                                .map(|r| format!("{}{}", r.kind.article(), if r.in_progress { " loopt" } else { " gebruikt" }))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    }
                ),
            }, room)),
            StudentRow::EarlierProgress(i) => {
                let p = &c.programmes[i];
                let e = c.opening.as_ref().and_then(|o| o.progress.iter().find(|x| x.programme == p.id));
                ListItem::new(super::fit_keep_tail(&match e {
                    Some(e) => format!(
                        "  Eerdere voortgang {}: {} opgenomen, {} verworven, {} vrijgesteld, {} getolereerd",
                        p.name, e.taken, e.acquired, e.exempted, e.tolerated
                    ),
                    None => format!("  Eerdere voortgang {}: geen (of uit de jaren hieronder)", p.name),
                }, room))
            }
            StudentRow::Event(i) => ListItem::new(match c.events[i] {
                Event::MasterDiploma(y) => format!("  Masterdiploma in {y} (Art. 8.1 §11)"),
                Event::Hbo5Diploma(y) => format!("  HBO5-diploma in {y} (Art. 8.1 §13)"),
            }),
            StudentRow::NewEvent => ListItem::new(Line::styled(
                "  + gebeurtenis (diploma)",
                Style::new().fg(Color::DarkGray),
            )),
            StudentRow::Programme(i) => {
                let p = &c.programmes[i];
                // The name shrinks first; what the rules use stays.
                let facts = format!(
                    " ({}, {} SP, {}, {}, {})",
                    p.kind.dutch(),
                    p.size,
                    app.params.institution_name(p),
                    app.params.department_of(p),
                    p.system.dutch()
                );
                let head = format!("  {} — ", p.id);
                let name_room = room
                    .saturating_sub(unicode_width::UnicodeWidthStr::width(facts.as_str()))
                    .saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()))
                    .max(12);
                ListItem::new(super::fit(
                    &format!("{head}{}{facts}", super::fit(&p.name, name_room)),
                    room,
                ))
            }
            StudentRow::NewProgramme => ListItem::new(Line::styled(
                "  + opleiding",
                Style::new().fg(Color::DarkGray),
            )),
        })
        .collect();
    let list = List::new(items)
        .block(detail_block(app, Pane::Student, focused, area.width))
        .highlight_style(highlight(focused));
    let mut state = ListState::default().with_selected(Some(app.sel.student));
    frame.render_stateful_widget(list, area, &mut state);
}
