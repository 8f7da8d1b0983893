//! The one App state. Rendering reads it; only `update` changes it.

use std::path::PathBuf;

use crate::model::{AcademicYear, Case, Date};
use crate::params::Params;
use crate::rules::{Outcome, compute_on};

use super::choice::Choice;
use super::form::Form;
use super::keymap::{Context, Keymap};
use crate::store::recovery::Recovery;

/// The panes of the editor, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Navigator,
    Units,
    Results,
    Withdrawals,
    Student,
    Figures,
}

impl Pane {
    /// Tab order.
    pub const ORDER: [Pane; 6] = [
        Pane::Navigator,
        Pane::Units,
        Pane::Results,
        Pane::Withdrawals,
        Pane::Student,
        Pane::Figures,
    ];

    /// The Dutch title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Navigator => "Jaren",
            Pane::Units => "Onderdelen",
            Pane::Results => "Resultaten",
            Pane::Withdrawals => "Uitschrijvingen",
            Pane::Student => "Student",
            Pane::Figures => "Cijfers",
        }
    }

    /// The keymap context.
    pub fn context(self) -> Context {
        match self {
            Pane::Navigator => Context::Navigator,
            Pane::Units => Context::Units,
            Pane::Results => Context::Results,
            Pane::Withdrawals => Context::Withdrawals,
            Pane::Student => Context::Student,
            Pane::Figures => Context::Figures,
        }
    }

    /// Whether it is one of the detail panes shown in the middle.
    pub fn is_detail(self) -> bool {
        matches!(
            self,
            Pane::Units | Pane::Results | Pane::Withdrawals | Pane::Student
        )
    }
}

/// An entry of the case list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListEntry {
    /// Start an empty case.
    New,
    /// A bundled demo case (index into `demo::DEMOS`).
    Demo(usize),
    /// A case file in the data directory.
    File {
        path: PathBuf,
        label: String,
        problem: Option<String>,
    },
    /// Unsaved changes of a case never saved (or whose file is gone), in a
    /// recovery file of a traject that stopped without saving.
    Recovery { path: PathBuf, label: String },
}

/// Why the open case is not simply saved over its own file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another traject has it open (who, in Dutch).
    OpenElsewhere(String),
    /// The file's permissions make it read-only.
    File,
}

/// The open case with its history.
#[derive(Clone, Debug)]
pub struct Document {
    /// The case as saved: the real history (baseline) and its scenarios.
    pub base: Case,
    /// The scenario shown (index into `base.scenarios`), or the baseline.
    pub active: Option<usize>,
    /// What the panes show and the figures are computed from: the baseline,
    /// or the active scenario applied to it.
    pub case: Case,
    /// Changes of the active scenario that no longer apply to the baseline.
    pub stale: Vec<String>,
    /// Where it is saved; `None` for a new case or a demo.
    pub path: Option<PathBuf>,
    /// The case as it is on disk (to know whether there are changes).
    pub saved: Option<Case>,
    /// Figures of `case`, recomputed on every change.
    pub outcome: Outcome,
    /// Earlier versions of `base` (undo) and undone ones (redo).
    pub undo: Vec<Case>,
    pub redo: Vec<Case>,
    /// Shown as the name in the title.
    pub origin: String,
    /// The date the figures are judged on (RULES.md §7).
    pub today: Date,
    /// Opened only to read: a save asks first (see [`ReadOnly`]).
    pub read_only: Option<ReadOnly>,
    /// The file holds comments a save would drop; the counsellor has not
    /// been told yet.
    pub comments: bool,
}

impl Document {
    /// Opens a case and computes it.
    pub fn new(
        case: Case,
        path: Option<PathBuf>,
        saved: bool,
        origin: String,
        params: &Params,
        today: Date,
    ) -> Document {
        let outcome = outcome_of(&case, params, today);
        Document {
            saved: saved.then(|| case.clone()),
            base: case.clone(),
            active: None,
            case,
            stale: Vec::new(),
            path,
            outcome,
            undo: Vec::new(),
            redo: Vec::new(),
            origin,
            today,
            read_only: None,
            comments: false,
        }
    }

    /// Whether the case differs from what is on disk.
    pub fn dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.base)
    }

    /// The name of the scenario shown.
    pub fn scenario_name(&self) -> Option<&str> {
        self.active
            .and_then(|i| self.base.scenarios.get(i))
            .map(|s| s.name.as_str())
    }

    /// Recomputes what is shown from `base` and `active`.
    pub fn refresh(&mut self, params: &Params) {
        if self.active.is_some_and(|i| i >= self.base.scenarios.len()) {
            self.active = None;
        }
        let (case, stale) = match self.active {
            Some(i) => crate::model::apply_scenario(&self.base, &self.base.scenarios[i]),
            None => (self.base.clone(), Vec::new()),
        };
        self.case = case;
        self.stale = stale;
        self.outcome = outcome_of(&self.case, params, self.today);
    }
}

/// The figures of a case (an `as_of` before the last year is ignored).
pub fn outcome_of(case: &Case, params: &Params, today: Date) -> Outcome {
    compute_on(
        case,
        params,
        crate::rules::effective_as_of(case),
        Some(today),
    )
}

/// What fills the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    CaseList,
    Editor,
    /// A file that could not be opened: FILE:LINE:COL and the message.
    LoadError {
        path: PathBuf,
        message: String,
    },
}

/// What a choice dialog asks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum About {
    /// A recovery file of the case just opened: restore, compare, discard.
    Recovery(Box<Recovery>),
    /// The file changed on disk since it was read: save as, reload,
    /// overwrite.
    ChangedOnDisk,
    /// The file is read-only: save as.
    ReadOnlyFile,
    /// At open: another traject has the case open: read only or take over.
    OpenElsewhere(String),
    /// At a save: another traject has (or took over) the case: save as or
    /// take over and save.
    SaveOpenElsewhere(String),
    /// The file holds comments a save drops: save anyway.
    Comments,
    /// Deleting, leaving unsaved changes or adopting a scenario: do it or
    /// not.
    Question(Question),
}

/// The answers of the choice dialogs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply {
    Restore,
    Compare,
    Discard,
    SaveAs,
    Reload,
    Overwrite,
    ReadOnly,
    TakeOver,
    TakeOverAndSave,
    SaveWithoutComments,
    /// Do what the question asks (delete, quit without saving, …).
    Proceed,
    Cancel,
}

/// A choice dialog and what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dialog {
    pub about: About,
    pub choice: Choice<Reply>,
}

/// A question of the counsellor's own doing: do it, or cancel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    Delete(Target),
    QuitUnsaved,
    LeaveUnsaved,
    /// Make scenario `base.scenarios[i]` the baseline.
    Adopt(usize),
}

/// The explanation of one figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why {
    pub title: String,
    pub rows: Vec<super::explain::WhyRow>,
    pub scroll: u16,
    /// The comparison it was opened from (Esc goes back to it).
    pub back: Option<Box<CompareView>>,
}

/// The baseline and every scenario side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareView {
    /// Column titles: "basis", then the scenario names.
    pub titles: Vec<String>,
    /// Per column, the changes of its scenario that no longer apply.
    pub stale: Vec<usize>,
    pub rows: Vec<crate::rules::CompareRow>,
    /// The selected row (never a heading).
    pub selected: usize,
    /// The selected column: 0 the baseline, `i` the `i`-th scenario.
    pub column: usize,
}

impl CompareView {
    /// The short unique label of column `i`, at most `width` characters:
    /// `basis`, or the scenario's number and as much of its name as fits.
    pub fn label(&self, i: usize, width: usize) -> String {
        let full = if i == 0 {
            "basis".to_string()
        } else {
            format!("{i} {}", self.titles[i])
        };
        truncate(&full, width)
    }
}

/// `text` cut to `width` characters, with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else if width == 0 {
        String::new()
    } else {
        let mut s: String = text.chars().take(width - 1).collect();
        s.push('…');
        s
    }
}

/// What is on top of the screen.
#[derive(Clone, Debug)]
pub enum Overlay {
    None,
    /// The key help, scrolled by this many lines.
    Help(u16),
    Why(Why),
    Compare(CompareView),
    Form(Box<Form>),
    Choice(Box<Dialog>),
    /// Pasted rows of course units, before Enter adds them.
    Paste(Box<super::paste::PastePreview>),
}

/// Something selected in a pane, by stable position in the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `case.years[y]`.
    Year(usize),
    /// `case.years[y].enrolments[e]`.
    Enrolment(usize, usize),
    /// `case.years[y].summaries[s]`.
    Summary(usize, usize),
    /// `case.years[y].enrolments[e].units[u]`.
    Unit(usize, usize, usize),
    /// The unit's own withdrawal.
    UnitWithdrawal(usize, usize, usize),
    /// `case.events[i]`.
    Event(usize),
    /// `case.programmes[i]`.
    Programme(usize),
}

/// A message in the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Selected row per pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub list: usize,
    pub nav: usize,
    pub units: usize,
    pub results: usize,
    pub withdrawals: usize,
    pub student: usize,
    pub figures: usize,
}

/// The first row on screen of each pane, as last drawn.
#[derive(Clone, Debug, Default)]
pub struct Scroll([std::cell::Cell<usize>; 6]);

impl Scroll {
    fn slot(&self, pane: Pane) -> &std::cell::Cell<usize> {
        let i = Pane::ORDER.iter().position(|p| *p == pane).unwrap_or(0);
        &self.0[i]
    }

    /// The first row of `pane` on screen when it was last drawn.
    pub fn get(&self, pane: Pane) -> usize {
        self.slot(pane).get()
    }

    /// Records the first row of `pane` on screen.
    pub fn set(&self, pane: Pane, first: usize) {
        self.slot(pane).set(first);
    }
}

/// The whole state of the program.
pub struct App {
    pub params: Params,
    pub keymap: Keymap,
    pub data_dir: PathBuf,
    pub screen: Screen,
    pub list: Vec<ListEntry>,
    /// The case list as an overview: computed rows, order, filters.
    pub review: super::review::Review,
    pub doc: Option<Document>,
    pub focus: Pane,
    /// The detail pane shown in the middle.
    pub detail: Pane,
    pub sel: Selection,
    /// The first row on screen per pane, as last drawn: a pane scrolls
    /// only as far as its selection needs (a click on the top row does not
    /// move the view). Kept by the rendering, like ratatui's `TableState`.
    pub scroll: Scroll,
    pub overlay: Overlay,
    pub status: Option<Status>,
    /// Dialogs waiting their turn after the one on screen.
    pub dialogs: std::collections::VecDeque<Dialog>,
    /// Today, for the deadline countdown.
    pub today: crate::model::Date,
    /// The report files written by the last export.
    pub exported: Vec<PathBuf>,
    pub quit: bool,
}

impl App {
    /// A new app on the case list.
    pub fn new(params: Params, keymap: Keymap, data_dir: PathBuf, list: Vec<ListEntry>) -> App {
        App {
            params,
            keymap,
            data_dir,
            screen: Screen::CaseList,
            list,
            review: Default::default(),
            doc: None,
            focus: Pane::Navigator,
            detail: Pane::Units,
            sel: Selection::default(),
            scroll: Scroll::default(),
            overlay: Overlay::None,
            status: None,
            dialogs: Default::default(),
            today: crate::model::Date(chrono::Local::now().date_naive()),
            exported: Vec::new(),
            quit: false,
        }
    }

    /// The case list as shown: a new case and the recovery files, then
    /// the counsellor's files and (with `v`) the demos, each filtered and
    /// sorted (see [`super::review::Review`]).
    pub fn visible_list(&self) -> Vec<&ListEntry> {
        use super::review::Key;
        let key = |e: &ListEntry| match e {
            ListEntry::File { path, .. } => Some(Key::File(path.clone())),
            ListEntry::Demo(i) => Some(Key::Demo(*i)),
            _ => None,
        };
        let r = &self.review;
        let mut head: Vec<&ListEntry> = Vec::new();
        let mut files: Vec<(Key, &ListEntry)> = Vec::new();
        let mut demos: Vec<(Key, &ListEntry)> = Vec::new();
        for e in &self.list {
            match (e, key(e)) {
                (ListEntry::Demo(_), Some(k)) if r.show_demos && r.keeps(&k) => demos.push((k, e)),
                (ListEntry::File { .. }, Some(k)) if r.keeps(&k) => files.push((k, e)),
                (ListEntry::New | ListEntry::Recovery { .. }, _) => head.push(e),
                _ => {}
            }
        }
        files.sort_by(|a, b| r.compare(&a.0, &b.0));
        demos.sort_by(|a, b| r.compare(&a.0, &b.0));
        head.extend(files.into_iter().map(|(_, e)| e));
        head.extend(demos.into_iter().map(|(_, e)| e));
        head
    }

    /// The computed overview row of a list entry, when there is one.
    pub fn overview_of(&self, e: &ListEntry) -> Option<&crate::review::Overview> {
        use super::review::Key;
        match e {
            ListEntry::File { path, .. } => self.review.rows.get(&Key::File(path.clone())),
            ListEntry::Demo(i) => self.review.rows.get(&Key::Demo(*i)),
            _ => None,
        }
    }

    /// The keymap context of what has the keys now.
    pub fn context(&self) -> Context {
        match self.screen {
            Screen::CaseList | Screen::LoadError { .. } => Context::CaseList,
            Screen::Editor => self.focus.context(),
        }
    }

    /// The navigator's rows: each year, then its enrolments, in year order.
    pub fn nav_rows(&self) -> Vec<Target> {
        let Some(doc) = &self.doc else {
            return Vec::new();
        };
        let mut order: Vec<usize> = (0..doc.case.years.len()).collect();
        order.sort_by_key(|&i| doc.case.years[i].year);
        let mut rows = Vec::new();
        for y in order {
            rows.push(Target::Year(y));
            for e in 0..doc.case.years[y].enrolments.len() {
                rows.push(Target::Enrolment(y, e));
            }
            for s in 0..doc.case.years[y].summaries.len() {
                rows.push(Target::Summary(y, s));
            }
        }
        rows
    }

    /// The year and enrolment the detail panes show: the selected enrolment,
    /// or the first enrolment of the selected year.
    pub fn context_enrolment(&self) -> Option<(usize, Option<usize>)> {
        let doc = self.doc.as_ref()?;
        let rows = self.nav_rows();
        match rows.get(self.sel.nav.min(rows.len().saturating_sub(1)))? {
            Target::Enrolment(y, e) => Some((*y, Some(*e))),
            Target::Year(y) => Some((*y, (!doc.case.years[*y].enrolments.is_empty()).then_some(0))),
            Target::Summary(y, _) => Some((*y, None)),
            _ => None,
        }
    }

    /// The selected academic year.
    pub fn context_year(&self) -> Option<AcademicYear> {
        let (y, _) = self.context_enrolment()?;
        Some(self.doc.as_ref()?.case.years[y].year)
    }
}
