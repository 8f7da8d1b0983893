//! The choice dialogs about files — a recovery file at open, a case file
//! changed on disk, a read-only file, a case open in another traject,
//! comments a save drops — and what each answer does. Every one is a
//! [`Choice`] whose focus starts on the answer that loses nothing.

use super::*;
use crate::store::recovery::Recovery;
use crate::tui::action::Refusal;
use crate::tui::app::{About, Dialog, ReadOnly, Reply};
use crate::tui::choice::{Choice, ChoiceInput};

/// Shows a dialog now, or after the ones before it.
pub(super) fn show(app: &mut App, about: About, choice: Choice<Reply>) {
    let dialog = Dialog { about, choice };
    if matches!(app.overlay, Overlay::None) {
        app.overlay = Overlay::Choice(Box::new(dialog));
    } else {
        app.dialogs.push_back(dialog);
    }
}

/// Shows the next waiting dialog, if any.
pub(super) fn next(app: &mut App) {
    if matches!(app.overlay, Overlay::None)
        && let Some(d) = app.dialogs.pop_front()
    {
        app.overlay = Overlay::Choice(Box::new(d));
    }
}

fn file_name(app: &App) -> String {
    app.doc
        .as_ref()
        .and_then(|d| d.path.as_ref())
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "het dossier".to_string())
}

/// A time in seconds since 1970 as a Dutch date and time.
fn when(secs: u64) -> String {
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%d-%m-%Y om %H:%M")
                .to_string()
        })
        .unwrap_or_else(|| "onbekend".to_string())
}

fn recovery_dialog(rec: &Recovery, changed_since: bool) -> Choice<Reply> {
    let mut c = Choice::new("Niet-bewaarde wijzigingen gevonden", Reply::Cancel).text(format!(
        "Er is een herstelbestand van dit dossier: wijzigingen die niet bewaard werden, van {} (traject stopte zonder te bewaren).",
        when(rec.data.written)
    ));
    if changed_since {
        c = c.text("Let op: het dossier zelf is sindsdien op schijf gewijzigd. Vergelijk eerst.");
    }
    c.text(
        "Herstellen haalt die wijzigingen terug (nog niet bewaard: Ctrl-s bewaart ze). Vergelijken toont de verschillen. Weggooien verwijdert het herstelbestand. Annuleren gaat terug naar de lijst en laat alles zoals het is.",
    )
    .button("Herstellen", Reply::Restore)
    .button("Vergelijken", Reply::Compare)
    .destructive("Weggooien", Reply::Discard)
    .button("Annuleren", Reply::Cancel)
    .safest(if changed_since {
        Reply::Compare
    } else {
        Reply::Restore
    })
}

fn changed_on_disk_dialog(name: &str) -> Choice<Reply> {
    Choice::new("Gewijzigd op schijf", Reply::Cancel)
        .text(format!(
            "{name} is gewijzigd sinds u het opende, door een ander programma of een ander venster van traject. Bewaren zou die wijzigingen overschrijven."
        ))
        .text(format!(
            "Opslaan als… bewaart uw versie onder een andere naam en laat het bestand zoals het is. Herladen toont de versie op schijf: uw wijzigingen gaan verloren. Overschrijven vervangt het bestand door uw versie (de versie op schijf blijft in {name}.bak)."
        ))
        .button("Opslaan als…", Reply::SaveAs)
        .destructive("Herladen (mijn wijzigingen weg)", Reply::Reload)
        .destructive("Overschrijven", Reply::Overwrite)
        .button("Annuleren", Reply::Cancel)
        .safest(Reply::SaveAs)
}

fn read_only_dialog(name: &str) -> Choice<Reply> {
    Choice::new("Alleen-lezen bestand", Reply::Cancel)
        .text(format!(
            "{name} is alleen-lezen (zo staan de rechten van het bestand); traject vervangt het niet."
        ))
        .text("Opslaan als… bewaart uw versie onder een andere naam in de gegevensmap.")
        .button("Opslaan als…", Reply::SaveAs)
        .button("Annuleren", Reply::Cancel)
        .safest(Reply::SaveAs)
}

fn open_elsewhere_dialog(held: &str) -> Choice<Reply> {
    Choice::new("Al geopend", Reply::Cancel)
        .text(format!("{}.", capitalised(held)))
        .text(
            "Alleen lezen: u kunt kijken en rekenen; bewaren in dit bestand vraagt eerst om het over te nemen. Overnemen: dit venster bewaart in het bestand, het andere venster krijgt een vraag als het nog bewaart.",
        )
        .button("Alleen lezen", Reply::ReadOnly)
        .destructive("Overnemen", Reply::TakeOver)
        .button("Annuleren", Reply::Cancel)
        .safest(Reply::ReadOnly)
}

fn save_elsewhere_dialog(held: &str) -> Choice<Reply> {
    Choice::new("Al geopend", Reply::Cancel)
        .text(format!(
            "{}; dit venster heeft het dossier alleen om te lezen.",
            capitalised(held)
        ))
        .text(
            "Opslaan als… bewaart uw versie onder een andere naam. Overnemen en bewaren neemt het dossier over en bewaart uw versie in het bestand, als niemand het intussen veranderde.",
        )
        .button("Opslaan als…", Reply::SaveAs)
        .destructive("Overnemen en bewaren", Reply::TakeOverAndSave)
        .button("Annuleren", Reply::Cancel)
        .safest(Reply::SaveAs)
}

fn comments_dialog(name: &str) -> Choice<Reply> {
    Choice::new("Commentaar in het bestand", Reply::Cancel)
        .text(format!(
            "{name} bevat commentaar (regels met // of /* */). traject schrijft het dossier opnieuw en houdt dat commentaar niet bij."
        ))
        .text(format!(
            "Tekst die moet blijven hoort in het veld notities (paneel Student). Het origineel, met het commentaar, blijft na het bewaren in {name}.bak (tot u nog eens bewaart)."
        ))
        .destructive("Bewaren zonder commentaar", Reply::SaveWithoutComments)
        .button("Annuleren", Reply::Cancel)
        .safest(Reply::Cancel)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The dialogs a case just opened needs, in order: who else has it open,
/// then a recovery file.
pub(super) fn after_open(app: &mut App, held: Option<String>, recovery: Option<(Recovery, bool)>) {
    if let Some(h) = held {
        show(
            app,
            About::OpenElsewhere(h.clone()),
            open_elsewhere_dialog(&h),
        );
    }
    if let Some((rec, changed)) = recovery {
        let choice = recovery_dialog(&rec, changed);
        show(app, About::Recovery(Box::new(rec)), choice);
    }
}

/// Ctrl-s: saves, unless the case needs a name, is read-only or holds
/// comments the counsellor has not been told about (then a dialog asks).
pub(super) fn request_save(app: &mut App) -> Vec<Effect> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    let Some(path) = doc.path.clone() else {
        open_form(app, FormTarget::SaveAs);
        return Vec::new();
    };
    let name = file_name(app);
    match doc.read_only.clone() {
        Some(ReadOnly::File) => show(app, About::ReadOnlyFile, read_only_dialog(&name)),
        Some(ReadOnly::OpenElsewhere(h)) => {
            let choice = save_elsewhere_dialog(&h);
            show(app, About::SaveOpenElsewhere(h), choice);
        }
        None if doc.comments => show(app, About::Comments, comments_dialog(&name)),
        None => return save_to(app, path),
    }
    Vec::new()
}

/// The runner did not save: say why and ask what to do.
pub(super) fn refused(app: &mut App, refusal: Refusal) {
    let name = file_name(app);
    match refusal {
        Refusal::ChangedOnDisk => show(app, About::ChangedOnDisk, changed_on_disk_dialog(&name)),
        Refusal::ReadOnlyFile => {
            if let Some(doc) = app.doc.as_mut() {
                doc.read_only = Some(ReadOnly::File);
            }
            show(app, About::ReadOnlyFile, read_only_dialog(&name));
        }
        Refusal::LockLost(h) => {
            let held = format!("een ander venster van traject nam dit dossier over ({h})");
            if let Some(doc) = app.doc.as_mut() {
                doc.read_only = Some(ReadOnly::OpenElsewhere(held.clone()));
            }
            let choice = save_elsewhere_dialog(&held);
            show(app, About::SaveOpenElsewhere(held), choice);
        }
    }
}

/// The figures and data of the case on disk beside the recovered one.
fn recovery_compare(app: &mut App, rec: &Recovery) {
    let Some(doc) = &app.doc else { return };
    let disk = &doc.base;
    let restored = &rec.data.case;
    let mut labels = Vec::new();
    if disk.student != restored.student {
        labels.push("student (naam, nummer, notities)".to_string());
    }
    if disk.opening != restored.opening {
        labels.push("beginsaldo".into());
    }
    if disk.scenarios != restored.scenarios {
        labels.push("scenario's".into());
    }
    labels.extend(
        crate::model::diff_scenario(disk, restored)
            .iter()
            .map(|c| c.dutch()),
    );
    let none = labels.is_empty();
    if none {
        labels.push("geen verschil in de gegevens".into());
    }
    let word = |text: &str| crate::rules::Cell {
        text: text.into(),
        quantity: crate::rules::Quantity::Word,
        lines: Vec::new(),
    };
    let mut rows = vec![crate::rules::CompareRow {
        label: "Gegevens".into(),
        title: "Gegevens".into(),
        heading: true,
        headline: false,
        cells: vec![word(""), word("")],
        differs: false,
    }];
    rows.extend(labels.into_iter().map(|label| crate::rules::CompareRow {
        title: label.clone(),
        label: format!("  {label}"),
        heading: false,
        headline: true,
        cells: vec![
            word(if none { "" } else { "zo" }),
            word(if none { "" } else { "anders" }),
        ],
        differs: !none,
    }));
    let a = crate::tui::app::outcome_of(disk, &app.params, app.today);
    let b = crate::tui::app::outcome_of(restored, &app.params, app.today);
    rows.extend(crate::rules::compare(&[&a, &b]));
    let selected = rows.iter().position(|r| !r.heading).unwrap_or(0);
    app.overlay = Overlay::Compare(crate::tui::app::CompareView {
        titles: vec!["op schijf".into(), "herstelbestand".into()],
        stale: vec![0, 0],
        rows,
        selected,
        column: 0,
    });
}

/// A key in a choice dialog.
pub(super) fn input(app: &mut App, input: ChoiceInput) -> Vec<Effect> {
    let Overlay::Choice(mut dialog) = std::mem::replace(&mut app.overlay, Overlay::None) else {
        return Vec::new();
    };
    let Some(reply) = dialog.choice.apply(input) else {
        app.overlay = Overlay::Choice(dialog);
        return Vec::new();
    };
    let effects = answer(app, *dialog, reply);
    next(app);
    effects
}

fn contents(app: &App) -> Option<String> {
    app.doc
        .as_ref()
        .map(|d| crate::casefile::case_to_string(&d.base))
}

fn path(app: &App) -> Option<std::path::PathBuf> {
    app.doc.as_ref().and_then(|d| d.path.clone())
}

fn answer(app: &mut App, dialog: Dialog, reply: Reply) -> Vec<Effect> {
    let kept = "Niet bewaard; uw wijzigingen blijven in het geheugen.";
    match (dialog.about, reply) {
        (About::Recovery(rec), Reply::Restore) => {
            let params = app.params.clone();
            if let Some(doc) = app.doc.as_mut() {
                let disk = std::mem::replace(&mut doc.base, rec.data.case.clone());
                doc.undo.push(disk);
                doc.redo.clear();
                doc.refresh(&params);
            }
            clamp(app);
            info(
                app,
                format!(
                    "Hersteld, nog niet bewaard (van {}): Ctrl-s bewaart.",
                    when(rec.data.written)
                ),
            );
            return vec![Effect::AdoptRecovery(rec.path)];
        }
        (About::Recovery(rec), Reply::Compare) => {
            recovery_compare(app, &rec);
            // Back to the question when the comparison closes.
            app.dialogs.push_front(Dialog {
                about: About::Recovery(rec),
                choice: dialog.choice,
            });
        }
        (About::Recovery(rec), Reply::Discard) => {
            info(
                app,
                "Herstelbestand weggegooid; het dossier is zoals het op schijf staat.",
            );
            return vec![Effect::DiscardRecovery(rec.path)];
        }
        (About::Recovery(_), _) | (About::OpenElsewhere(_), Reply::Cancel) => {
            let effects = close(app);
            info(app, "Niet geopend; er is niets gewijzigd.");
            return effects;
        }
        (About::OpenElsewhere(_), Reply::TakeOver) => {
            if let Some(p) = path(app) {
                return vec![Effect::TakeOver {
                    path: p,
                    then_save: None,
                }];
            }
        }
        (About::OpenElsewhere(_), _) => info(
            app,
            "Alleen lezen: Ctrl-s vraagt om over te nemen, Ctrl-o bewaart een kopie.",
        ),
        (About::ChangedOnDisk, Reply::Overwrite) => {
            if let (Some(p), Some(c)) = (path(app), contents(app)) {
                return vec![Effect::Save {
                    path: p,
                    contents: c,
                    overwrite: true,
                }];
            }
        }
        (About::ChangedOnDisk, Reply::Reload) => {
            if let Some(p) = path(app) {
                info(
                    app,
                    "Herladen: dit is de versie op schijf; uw wijzigingen zijn weg.",
                );
                return vec![Effect::Reload(p)];
            }
        }
        (
            About::ChangedOnDisk | About::ReadOnlyFile | About::SaveOpenElsewhere(_),
            Reply::SaveAs,
        ) => open_form(app, FormTarget::SaveAs),
        (About::SaveOpenElsewhere(_), Reply::TakeOverAndSave) => {
            if let (Some(p), Some(c)) = (path(app), contents(app)) {
                return vec![Effect::TakeOver {
                    path: p,
                    then_save: Some(c),
                }];
            }
        }
        (About::Comments, Reply::SaveWithoutComments) => {
            if let Some(doc) = app.doc.as_mut() {
                doc.comments = false;
            }
            return request_save(app);
        }
        (About::ChangedOnDisk | About::ReadOnlyFile | About::SaveOpenElsewhere(_), _)
        | (About::Comments, _) => info(app, kept),
        (About::Question(q), Reply::Proceed) => return proceed(app, q),
        (About::Question(_), _) => info(app, "Niets gewijzigd."),
    }
    Vec::new()
}

/// Does what a question asked, now that the counsellor pressed its button.
fn proceed(app: &mut App, q: Question) -> Vec<Effect> {
    match q {
        Question::Delete(t) => match edit(app, |case| delete(case, &t)) {
            Ok(()) => info(app, "Verwijderd; ongedaan maken kan met u."),
            Err(e) => error(app, e),
        },
        Question::QuitUnsaved => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        Question::LeaveUnsaved => return close(app),
        Question::Adopt(index) => adopt(app, index),
    }
    Vec::new()
}
