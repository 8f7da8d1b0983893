//! Everything that can happen to the app: commands from keys, form
//! editing, and the results of work done outside `update` (saving).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tui_input::InputRequest;

/// A command a key can be bound to (the names a user keymap file uses).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Command {
    NextPane,
    PrevPane,
    Up,
    Down,
    Top,
    Bottom,
    Edit,
    Add,
    Delete,
    Cancel,
    Undo,
    Redo,
    Save,
    SaveAs,
    Quit,
    Help,
    Why,
    ToggleTolerance,
    AddYear,
    AddSummary,
    PrevScenario,
    NextScenario,
    NewScenario,
    EditScenario,
    Compare,
    AdoptScenario,
    Export,
    WhatIfWithdraw,
    WhatIfGrade,
    WhatIfTolerate,
    WhatIfSwitch,
    WhatIfNextYear,
    AddPart,
    OpenSelected,
    NewCase,
    Demos,
    Filter,
    SortNext,
    SortReverse,
    OnlyAttention,
    OnlyErrors,
    /// Focus a pane directly (keys 1–6).
    FocusYears,
    FocusUnits,
    FocusResults,
    FocusWithdrawals,
    FocusStudent,
    FocusFigures,
}

impl Command {
    /// What the command does, in Dutch, for the help overlay.
    pub fn dutch(self) -> &'static str {
        match self {
            Command::NextPane => "volgend paneel",
            Command::PrevPane => "vorig paneel",
            Command::Up => "omhoog",
            Command::Down => "omlaag",
            Command::Top => "naar boven",
            Command::Bottom => "naar beneden",
            Command::Edit => "wijzigen",
            Command::Add => "toevoegen",
            Command::Delete => "verwijderen",
            Command::Cancel => "annuleren / terug (naar de dossierlijst)",
            Command::Undo => "ongedaan maken",
            Command::Redo => "opnieuw doen",
            Command::Save => "bewaren",
            Command::SaveAs => "opslaan als (een andere bestandsnaam)",
            Command::Quit => "stoppen",
            Command::Help => "hulp",
            Command::Why => "waarom? (uitleg met artikels)",
            Command::ToggleTolerance => "tolereren aan/uit",
            Command::AddYear => "academiejaar toevoegen",
            Command::PrevScenario => "vorig scenario (of de basis)",
            Command::NextScenario => "volgend scenario",
            Command::NewScenario => "nieuw scenario",
            Command::EditScenario => "scenario hernoemen of verwijderen",
            Command::Compare => "vergelijken: basis en scenario's",
            Command::AdoptScenario => "scenario overnemen in de basis",
            Command::Export => "verslag voor de student maken (HTML en Markdown)",
            Command::WhatIfWithdraw => "wat als: uitschrijven op een datum",
            Command::WhatIfGrade => "wat als: cijfer in de tweede kans",
            Command::WhatIfTolerate => "wat als: dit tekort tolereren",
            Command::WhatIfSwitch => "wat als: overstappen naar een andere opleiding",
            Command::WhatIfNextYear => "wat als: volgend jaar opnieuw voor de niet-behaalde",
            Command::AddSummary => "samenvattingslijn toevoegen (bewegingen)",
            Command::AddPart => "deel toevoegen (samengesteld)",
            Command::OpenSelected => "openen",
            Command::NewCase => "nieuw dossier",
            Command::Demos => "demodossiers tonen of verbergen",
            Command::Filter => "filteren op naam, nummer of bevinding",
            Command::SortNext => "sorteren op de volgende kolom",
            Command::SortReverse => "sorteervolgorde omkeren",
            Command::OnlyAttention => "alleen wie aandacht nodig heeft (aan/uit)",
            Command::OnlyErrors => "alleen dossiers met fouten (aan/uit)",
            Command::FocusYears => "naar paneel Jaren",
            Command::FocusUnits => "naar paneel Onderdelen",
            Command::FocusResults => "naar paneel Resultaten",
            Command::FocusWithdrawals => "naar paneel Uitschrijvingen",
            Command::FocusStudent => "naar paneel Student",
            Command::FocusFigures => "naar paneel Cijfers",
        }
    }

    /// What the command does, in a word or two, for the hint bar.
    pub fn short(self) -> &'static str {
        match self {
            Command::Why => "waarom?",
            Command::SaveAs => "opslaan als",
            Command::ToggleTolerance => "tolereren",
            Command::AddSummary => "samenvatting",
            Command::AddPart => "deel toevoegen",
            Command::AddYear => "jaar toevoegen",
            Command::Compare => "vergelijken",
            Command::WhatIfWithdraw => "wat als: uitschrijven",
            Command::WhatIfGrade => "wat als: cijfer",
            Command::WhatIfTolerate => "wat als: tolereren",
            Command::WhatIfSwitch => "wat als: overstap",
            Command::Demos => "demo's",
            Command::Filter => "filteren",
            Command::SortNext => "sorteren",
            Command::OnlyAttention => "aandacht",
            Command::Cancel => "terug",
            c => c.dutch(),
        }
    }
}

/// One step of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A bound command.
    Cmd(Command),
    /// Editing the focused form field.
    Input(InputRequest),
    /// Next / previous form field.
    FieldNext,
    FieldPrev,
    /// Change a choice field (−1 / +1).
    Cycle(i8),
    /// Submit the form.
    Submit,
    /// A click or the wheel, with what it landed on.
    Pointer(crate::tui::mouse::Pointer),
    /// A key that does nothing here: the status line says why.
    Note(String),
    /// A key in a choice dialog.
    Choice(crate::tui::choice::ChoiceInput),
    /// The result of a save the runner performed.
    Saved(Result<PathBuf, String>),
    /// The runner did not save: the file is not as it was read, or not ours
    /// to replace.
    SaveRefused(Refusal),
    /// The result of taking over the lock of the open case.
    TookOver(Result<(), String>),
    /// A case opened by the runner (or the error text of one that failed).
    Opened(Box<Opened>),
    /// The result of writing a report.
    Exported(Result<PathBuf, String>),
    /// A block of text pasted (bracketed paste): into the form field, or
    /// rows of course units for the enrolment selected.
    Paste(String),
    /// A key typed in the case list's filter.
    Filter(crate::tui::review::FilterKey),
    /// The worker starts computing this many overview rows.
    ReviewStarted(usize),
    /// Overview rows the worker computed.
    Reviewed(Vec<(crate::tui::review::Key, crate::review::Overview)>),
}

/// Why the runner refused to save over the case file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Its bytes are not those traject read or last wrote.
    ChangedOnDisk,
    /// Its permissions make it read-only.
    ReadOnlyFile,
    /// Another traject took over its lock (which process, since when).
    LockLost(String),
}

/// A case file the runner read, with what it found around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenedCase {
    pub case: crate::model::Case,
    pub path: PathBuf,
    /// Another traject has it open (who, in Dutch).
    pub held_elsewhere: Option<String>,
    /// Its permissions make it read-only.
    pub read_only_file: bool,
    /// It holds comments a save drops.
    pub comments: bool,
    /// A recovery file of unsaved changes of this case.
    pub recovery: Option<crate::store::recovery::Recovery>,
    /// The file changed since that recovery file was written.
    pub changed_since_recovery: bool,
}

/// What the runner found when opening a case file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Case(Box<OpenedCase>),
    /// A recovery file opened from the case list.
    Recovered(Box<crate::store::recovery::Recovery>),
    Failed {
        path: PathBuf,
        message: String,
    },
}

/// Work `update` asks the runner to do (files, leaving).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save the case; unless `overwrite`, only over the bytes that were
    /// read, in a file that is not read-only and whose lock is still ours.
    Save {
        path: PathBuf,
        contents: String,
        overwrite: bool,
    },
    Open(PathBuf),
    /// Forget this traject's recovery file and read the case file again.
    Reload(PathBuf),
    /// Take over the lock of the case (then save, when `then_save` holds
    /// its contents).
    TakeOver {
        path: PathBuf,
        then_save: Option<String>,
    },
    /// Open a recovery file from the case list.
    OpenRecovery(PathBuf),
    /// The restored recovery file is this traject's now (written on,
    /// removed by a clean save).
    AdoptRecovery(PathBuf),
    /// Remove a recovery file the counsellor threw away.
    DiscardRecovery(PathBuf),
    /// Let go of the open case (its lock, its unsaved changes) and list the
    /// cases again.
    Close,
    /// Write a report (not the case: the case's saved state is unchanged).
    Export {
        path: PathBuf,
        contents: String,
    },
    /// Leave (unsaved changes were let go of).
    Quit,
}
