//! A pasted block of text (bracketed paste): into the form field being
//! typed in, into the case list's filter, or, as rows of course units, a
//! preview that Enter adds as one undoable change.

use super::*;
use crate::tui::paste::PastePreview;

/// What a paste does where it lands.
pub(super) fn pasted(app: &mut App, text: &str) {
    // In a field only the first line counts: a field holds one line.
    let first_line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end_matches('\r');
    match &mut app.overlay {
        Overlay::Form(form) => {
            let typed = form.fields.get(form.focus).is_some_and(|f| f.is_typed());
            if !typed {
                info(
                    app,
                    "Plakken gaat niet in een keuzeveld: kies met ←/→ of spatie.",
                );
                return;
            }
            for c in first_line.chars().filter(|c| !c.is_control()) {
                form.input(tui_input::InputRequest::InsertChar(c));
            }
            form.message = None;
            if text.trim().lines().count() > 1 {
                info(
                    app,
                    "Alleen de eerste regel is in het veld geplakt; rijen plak je in het paneel Onderdelen.",
                );
            }
            return;
        }
        Overlay::None => {}
        _ => {
            info(app, "Plakken gaat hier niet; sluit eerst dit venster.");
            return;
        }
    }
    if app.screen == Screen::CaseList {
        if app.review.typing {
            for c in first_line.chars().filter(|c| !c.is_control()) {
                filter_key(app, crate::tui::review::FilterKey::Char(c));
            }
        } else {
            info(
                app,
                "Plakken: open eerst een dossier en kies een inschrijving (of / om te filteren).",
            );
        }
        return;
    }
    if app.screen != Screen::Editor {
        return;
    }
    preview(app, text);
}

/// Reads pasted rows and opens their preview for the enrolment selected.
fn preview(app: &mut App, text: &str) {
    let Some((y, Some(e))) = app.context_enrolment() else {
        error(
            app,
            "Plakken van rijen: kies eerst een inschrijving in het paneel Jaren (a voegt er een toe).",
        );
        return;
    };
    let Some(doc) = &app.doc else { return };
    let year = &doc.case.years[y];
    let enrolment = &year.enrolments[e];
    let system = doc
        .case
        .programme(&enrolment.programme)
        .map(|p| p.system)
        .unwrap_or_default();
    let mut rows = match crate::import::parse(text, crate::import::default_period(system)) {
        Ok(r) => r,
        Err(m) => {
            error(app, format!("Niet geplakt: {m}."));
            return;
        }
    };
    rows.against(&enrolment.units, year.year, &enrolment.programme);
    let programme_name = doc
        .case
        .programme(&enrolment.programme)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| enrolment.programme.clone());
    app.overlay = Overlay::Paste(Box::new(PastePreview {
        year: y,
        enrolment: e,
        academic_year: year.year,
        programme: enrolment.programme.clone(),
        programme_name,
        rows,
        scroll: 0,
    }));
}

/// A command while the preview is open: scroll, cancel.
pub(super) fn command(app: &mut App, c: Command) {
    let Overlay::Paste(p) = &mut app.overlay else {
        return;
    };
    match c {
        Command::Down => {
            // Never past the last line of the rows and their errors.
            let lines: usize = p.rows.rows.iter().map(|r| 1 + r.errors.len()).sum();
            p.scroll = p.scroll.saturating_add(1).min(lines as u16);
        }
        Command::Up => p.scroll = p.scroll.saturating_sub(1),
        Command::Cancel | Command::Quit => {
            app.overlay = Overlay::None;
            info(app, "Plakken geannuleerd; er is niets toegevoegd.");
        }
        _ => {}
    }
}

/// Enter: the good rows become units of the enrolment, as one change
/// (one `u` takes them all back); the others are reported.
pub(super) fn confirm(app: &mut App) {
    let Overlay::Paste(p) = &app.overlay else {
        return;
    };
    let p = (**p).clone();
    let units = p.rows.units();
    if units.is_empty() {
        error(
            app,
            format!(
                "Geen enkele rij is goed ({}); verbeter ze in het rekenblad en plak opnieuw, of Esc.",
                p.rows.summary()
            ),
        );
        return;
    }
    let n = units.len();
    let result = edit(app, |case| {
        let en = case
            .years
            .get_mut(p.year)
            .and_then(|y| y.enrolments.get_mut(p.enrolment))
            .ok_or("de inschrijving bestaat niet meer")?;
        en.units.extend(units);
        Ok(())
    });
    match result {
        Ok(()) => {
            app.overlay = Overlay::None;
            app.focus = Pane::Units;
            app.detail = Pane::Units;
            let skipped = p.rows.bad();
            let what = if n == 1 {
                "1 opleidingsonderdeel".to_string()
            } else {
                format!("{n} opleidingsonderdelen")
            };
            let also = match skipped {
                0 => String::new(),
                1 => "; 1 rij met fouten niet toegevoegd".to_string(),
                k => format!("; {k} rijen met fouten niet toegevoegd"),
            };
            info(
                app,
                format!(
                    "{what} toegevoegd aan {} in {}{also}; ongedaan maken kan met u.",
                    p.programme, p.academic_year
                ),
            );
        }
        Err(m) => error(app, format!("Niet toegevoegd: {m}.")),
    }
}
