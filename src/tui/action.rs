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
            Command::Demos => "demodossiers",
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
    /// Answer to a yes/no question.
    Answer(bool),
    /// The result of a save the runner performed.
    Saved(Result<PathBuf, String>),
    /// A case opened by the runner (or the error text of one that failed).
    Opened(Box<Opened>),
    /// The result of writing a report.
    Exported(Result<PathBuf, String>),
}

/// What the runner found when opening a case file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Case {
        case: Box<crate::model::Case>,
        path: PathBuf,
        /// Someone else has it open (their Dutch warning).
        lock_warning: Option<String>,
    },
    Failed {
        path: PathBuf,
        message: String,
    },
}

/// Work `update` asks the runner to do (files, leaving).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Save {
        path: PathBuf,
        contents: String,
    },
    Open(PathBuf),
    /// Let go of the open case (its lock) and list the cases again.
    Close,
    /// Write a report (not the case: the case's saved state is unchanged).
    Export {
        path: PathBuf,
        contents: String,
    },
    Quit,
}
