//! The runner: terminal set-up and restore, the event loop, and the work
//! with files that `update` asks for — saving only over what was read,
//! locks, and the recovery file of unsaved changes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossterm::event;

use crate::params::Params;
use crate::store::recovery::{self, RecoveryData};
use crate::store::{self, CaseLock, Fingerprint};

use super::action::{Action, Effect, Opened, OpenedCase, Refusal};
use super::app::{App, ListEntry};
use super::demo::DEMOS;
use super::keymap::Keymap;
use super::review::Key;
use super::terminal::{self, Signals};
use super::ui;
use super::update::{event_action, update};
use crate::review::Overview;

/// How the UI was asked to start.
#[derive(Clone, Debug)]
pub struct Options {
    /// A case file to open at once.
    pub file: Option<PathBuf>,
    /// A bundled demo case to open at once (index into `DEMOS`).
    pub demo: Option<usize>,
    /// The directory of case files (default: the data directory).
    pub data_dir: Option<PathBuf>,
    /// Today, for the deadline countdown.
    pub today: crate::model::Date,
}

/// How the UI ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The counsellor quit.
    Quit,
    /// A signal ended it: its number, and what to tell the counsellor
    /// (where the unsaved changes are).
    Signal(i32, String),
}

/// Why the UI could not go on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RunError {
    /// There is no terminal (a script, cron, a pipe).
    #[error("{}", terminal::NO_TERMINAL.trim_end())]
    NoTerminal,
    /// Something else: the Dutch message, ready to show.
    #[error("{0}")]
    Failed(String),
}

/// How soon after a change its recovery file is written.
const RECOVERY_DELAY: Duration = Duration::from_secs(1);

/// This traject's recovery file of the open case.
#[derive(Debug)]
struct RecoveryFile {
    path: PathBuf,
    /// The case as last written there.
    written: Option<crate::model::Case>,
    at: Instant,
}

/// The state the runner keeps outside the App: the lock of the open case,
/// what its file held, and its recovery file.
#[derive(Debug, Default)]
pub struct Runtime {
    lock: Option<CaseLock>,
    /// The open case file and what it held when read or last written.
    disk: Option<(PathBuf, Fingerprint)>,
    /// Where recovery files go; none are written or offered without one.
    pub recovery_dir: Option<PathBuf>,
    recovery: Option<RecoveryFile>,
    /// The rows of the overview the worker thread sends.
    review: Option<std::sync::mpsc::Receiver<(Key, Overview)>>,
}

impl Runtime {
    /// A runtime keeping recovery files in `dir`.
    pub fn with_recovery_dir(dir: PathBuf) -> Runtime {
        Runtime {
            recovery_dir: Some(dir),
            ..Runtime::default()
        }
    }

    /// The recovery file this traject keeps now, if any.
    pub fn recovery_file(&self) -> Option<&Path> {
        self.recovery.as_ref().map(|r| r.path.as_path())
    }

    /// The case list of a directory: recovery files of cases never saved,
    /// new, the demos, then the files.
    pub fn list(&self, dir: &Path) -> Vec<ListEntry> {
        let mut v: Vec<ListEntry> = self
            .recovery_dir
            .as_deref()
            .map(recovery::unattached)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| Some(r.path.as_path()) != self.recovery_file())
            .map(|r| ListEntry::Recovery {
                label: format!("⟲ herstel: {}", r.data.case.student.name),
                path: r.path,
            })
            .collect();
        v.extend(list_entries(dir));
        v
    }

    /// Starts a worker thread computing the overview rows the list lacks
    /// (a worker still running is let go: its sends fail and it stops).
    pub fn start_review(&mut self, app: &mut App) {
        let jobs = review_jobs(app);
        self.review = None;
        // Counting only: no effects.
        let _ = update(app, Action::ReviewStarted(jobs.len()));
        if jobs.is_empty() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let params = app.params.clone();
        let today = app.today;
        let spawned = std::thread::Builder::new()
            .name("overzicht".into())
            .spawn(move || {
                for k in jobs {
                    let o = review_one(&k, &params, today);
                    if tx.send((k, o)).is_err() {
                        return;
                    }
                }
            });
        if spawned.is_ok() {
            self.review = Some(rx);
        }
    }

    /// The rows the worker sent since the last call, as an action for
    /// `update`; `None` when nothing came.
    pub fn review_arrived(&mut self) -> Option<Action> {
        let rx = self.review.as_ref()?;
        let mut rows = Vec::new();
        loop {
            match rx.try_recv() {
                Ok(r) => rows.push(r),
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.review = None;
                    break;
                }
            }
        }
        (!rows.is_empty()).then_some(Action::Reviewed(rows))
    }

    /// Whether the worker is still at it.
    pub fn reviewing(&self) -> bool {
        self.review.is_some()
    }

    /// Writes the unsaved state of the open case to its recovery file when
    /// it changed (at most once per [`RECOVERY_DELAY`] unless `now`), and
    /// removes the file when nothing is unsaved any more. Returns the
    /// recovery file when one holds unsaved changes.
    pub fn keep_recovery(&mut self, app: &App, now: bool) -> Option<PathBuf> {
        let dir = self.recovery_dir.clone()?;
        if !self.unsaved(app) {
            self.drop_recovery();
            return None;
        }
        let doc = app.doc.as_ref()?;
        if let Some(r) = &self.recovery {
            let same = r.written.as_ref() == Some(&doc.base);
            if same || (!now && r.at.elapsed() < RECOVERY_DELAY) {
                // Up to date, or written less than a second ago (the next
                // tick writes it).
                return r.written.is_some().then(|| r.path.clone());
            }
        }
        let path = match &self.recovery {
            Some(r) => r.path.clone(),
            None => recovery::new_path(&dir, doc.path.as_deref()),
        };
        let based_on = self
            .disk
            .as_ref()
            .filter(|(p, _)| Some(p) == doc.path.as_ref())
            .map(|(_, f)| f.clone());
        let data = RecoveryData::now(doc.path.as_deref(), &doc.origin, based_on, doc.base.clone());
        match recovery::write(&path, &data) {
            Ok(()) => {
                tracing::info!("herstelbestand geschreven");
                self.recovery = Some(RecoveryFile {
                    path: path.clone(),
                    written: Some(doc.base.clone()),
                    at: Instant::now(),
                });
                Some(path)
            }
            Err(e) => {
                tracing::warn!(fout = %crate::os_error::dutch(&e), "herstelbestand niet geschreven");
                None
            }
        }
    }

    /// Whether the open case holds something typed that is not saved: it
    /// differs from its file (a new case only once something was typed in
    /// it, or when it came from a recovery file).
    pub fn unsaved(&self, app: &App) -> bool {
        app.doc.as_ref().is_some_and(|d| {
            d.dirty() && (d.path.is_some() || !d.undo.is_empty() || self.recovery.is_some())
        })
    }

    /// Removes this traject's recovery file (the changes were saved or let
    /// go of).
    fn drop_recovery(&mut self) {
        if let Some(r) = self.recovery.take() {
            let _ = recovery::remove(&r.path);
        }
    }

    /// Why a save over `path` must ask first, if it must.
    fn refusal(&self, path: &Path) -> Option<Refusal> {
        if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
            return Some(Refusal::ReadOnlyFile);
        }
        if let Some(held) = self
            .lock
            .as_ref()
            .filter(|l| l.path() == Some(store::lock_path(path).as_path()))
            .and_then(CaseLock::lost)
        {
            return Some(Refusal::LockLost(held.who()));
        }
        if let Some((p, read)) = &self.disk
            && p == path
        {
            match Fingerprint::read(path) {
                Ok(Some(now)) if !now.same_bytes(read) => return Some(Refusal::ChangedOnDisk),
                // Unreadable now: the save itself will say why.
                _ => {}
            }
        }
        None
    }
}

/// The case list of a directory: new, the demos, then the files.
pub fn list_entries(dir: &Path) -> Vec<ListEntry> {
    let mut v = vec![ListEntry::New];
    v.extend((0..DEMOS.len()).map(ListEntry::Demo));
    v.extend(store::case_paths(dir).into_iter().map(|path| {
        ListEntry::File {
            label: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path,
            problem: None,
        }
    }));
    v
}

/// What the worker computes: the rows of the list not computed yet, or
/// whose file changed since.
pub fn review_jobs(app: &App) -> Vec<Key> {
    app.list
        .iter()
        .filter_map(|e| match e {
            ListEntry::File { path, .. } => {
                let key = Key::File(path.clone());
                let saved = std::fs::metadata(path)
                    .ok()
                    .as_ref()
                    .and_then(crate::review::saved_of);
                match app.review.rows.get(&key) {
                    Some(o) if o.saved == saved && saved.is_some() => None,
                    _ => Some(key),
                }
            }
            ListEntry::Demo(i) => {
                let key = Key::Demo(*i);
                (!app.review.rows.contains_key(&key)).then_some(key)
            }
            _ => None,
        })
        .collect()
}

/// The overview row of one case of the list.
pub fn review_one(key: &Key, params: &Params, today: crate::model::Date) -> Overview {
    match key {
        Key::File(path) => crate::review::read(path, params, today),
        Key::Demo(i) => {
            let (name, text) = DEMOS[*i];
            let mut row = match crate::casefile::parse_case(Path::new(name), text) {
                Ok(case) => {
                    let o = super::app::outcome_of(&case, params, today);
                    crate::review::overview(&case, &o)
                }
                Err(e) => crate::review::unreadable(name, &e.to_string()),
            };
            row.file = name.to_string();
            row
        }
    }
}

/// Computes every row of the list at once, in this thread (tests, and
/// the benchmark).
pub fn review_now(app: &mut App) {
    let jobs = review_jobs(app);
    let rows = jobs
        .into_iter()
        .map(|k| {
            let o = review_one(&k, &app.params, app.today);
            (k, o)
        })
        .collect();
    update(app, Action::ReviewStarted(0));
    update(app, Action::Reviewed(rows));
}

/// A new app with the user's keymap and the case list of `data_dir`.
pub fn new_app(params: Params, data_dir: PathBuf) -> Result<App, String> {
    let mut keymap = Keymap::default();
    if let Some(dir) = store::config_dir() {
        keymap = keymap.with_user_file(&dir.join("keymap.ron"))?;
    }
    let list = list_entries(&data_dir);
    Ok(App::new(params, keymap, data_dir, list))
}

/// Writes a file atomically, making its directory (0700) first.
fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        store::create_private_dir(d).map_err(|e| {
            format!(
                "kan de map {} niet maken: {}",
                d.display(),
                crate::os_error::dutch(&e)
            )
        })?;
    }
    store::save_atomic(path, contents).map_err(|e| e.to_string())
}

/// Does what `update` asked and feeds the result back.
pub fn perform(app: &mut App, rt: &mut Runtime, effect: Effect) {
    let follow = match effect {
        Effect::Quit => {
            // The counsellor let the unsaved changes go.
            rt.drop_recovery();
            None
        }
        Effect::Close => {
            rt.drop_recovery();
            rt.lock = None;
            rt.disk = None;
            app.list = rt.list(&app.data_dir);
            rt.start_review(app);
            None
        }
        Effect::Export { path, contents } => {
            let result = write(&path, &contents);
            Some(Action::Exported(result.map(|()| path)))
        }
        Effect::Open(path) => Some(Action::Opened(Box::new(open(rt, &path)))),
        Effect::Reload(path) => {
            rt.drop_recovery();
            Some(Action::Opened(Box::new(open(rt, &path))))
        }
        Effect::OpenRecovery(path) => Some(Action::Opened(Box::new(match recovery::read(&path) {
            Ok(r) => {
                rt.lock = None;
                rt.disk = None;
                Opened::Recovered(Box::new(r))
            }
            Err(e) => Opened::Failed {
                path,
                message: e.to_string(),
            },
        }))),
        Effect::AdoptRecovery(path) => {
            rt.drop_recovery();
            rt.recovery = Some(RecoveryFile {
                path,
                written: None,
                at: Instant::now()
                    .checked_sub(RECOVERY_DELAY)
                    .unwrap_or_else(Instant::now),
            });
            None
        }
        Effect::DiscardRecovery(path) => {
            let _ = recovery::remove(&path);
            None
        }
        Effect::TakeOver { path, then_save } => match store::force_lock(&path) {
            Ok(lock) => {
                rt.lock = Some(lock);
                tracing::info!(dossier = %crate::cli::log::case_id(&path), "overgenomen");
                for e in update(app, Action::TookOver(Ok(()))) {
                    perform(app, rt, e);
                }
                then_save.map(|contents| save(rt, path, contents, false))
            }
            Err(e) => Some(Action::TookOver(Err(e.to_string()))),
        },
        Effect::Save {
            path,
            contents,
            overwrite,
        } => Some(save(rt, path, contents, overwrite)),
    };
    if let Some(a) = follow {
        for e in update(app, a) {
            perform(app, rt, e);
        }
        if app.screen == super::app::Screen::Editor {
            app.list = rt.list(&app.data_dir);
        }
    }
}

/// Saves, unless the file is not what was read, is read-only or was taken
/// over (and `overwrite` was not chosen).
fn save(rt: &mut Runtime, path: PathBuf, contents: String, overwrite: bool) -> Action {
    let id = crate::cli::log::case_id(&path);
    if !overwrite && let Some(refusal) = rt.refusal(&path) {
        tracing::info!(dossier = %id, "niet bewaard: {refusal:?}");
        return Action::SaveRefused(refusal);
    }
    if std::fs::metadata(&path).is_ok_and(|m| m.permissions().readonly()) {
        // Never replaced, whatever was chosen.
        return Action::SaveRefused(Refusal::ReadOnlyFile);
    }
    let result = write(&path, &contents);
    if result.is_ok() {
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        rt.disk = Some((path.clone(), Fingerprint::of(contents.as_bytes(), modified)));
        let lock = store::lock_path(&path);
        if rt.lock.as_ref().and_then(|l| l.path()) != Some(lock.as_path()) {
            rt.lock = store::lock_case(&path).ok();
        }
        rt.drop_recovery();
    }
    tracing::info!(dossier = %id, ok = result.is_ok(), "bewaren");
    Action::Saved(result.map(|()| path))
}

fn open(rt: &mut Runtime, path: &Path) -> Opened {
    store::remove_leftovers(path);
    match crate::casefile::load(path) {
        Ok(loaded) => {
            rt.lock = None;
            let held_elsewhere = match store::lock_case(path) {
                Ok(lock) => {
                    rt.lock = Some(lock);
                    None
                }
                Err(held) => Some(held.to_string()),
            };
            let recovery = rt.recovery_dir.as_deref().and_then(|d| {
                recovery::for_case(d, path)
                    .into_iter()
                    .find(|r| Some(r.path.as_path()) != rt.recovery_file())
            });
            let changed_since_recovery = recovery.as_ref().is_some_and(|r| {
                r.data
                    .based_on
                    .as_ref()
                    .is_some_and(|b| !b.same_bytes(&loaded.fingerprint))
            });
            let read_only_file = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
            tracing::info!(dossier = %crate::cli::log::case_id(path), "geopend");
            rt.disk = Some((path.to_path_buf(), loaded.fingerprint));
            Opened::Case(Box::new(OpenedCase {
                comments: crate::casefile::has_comments(&loaded.text),
                case: loaded.case,
                path: path.to_path_buf(),
                held_elsewhere,
                read_only_file,
                recovery,
                changed_since_recovery,
            }))
        }
        Err(e) => Opened::Failed {
            path: path.to_path_buf(),
            message: e.to_string(),
        },
    }
}

/// Runs the terminal UI until the counsellor quits or a signal ends it.
///
/// SIGTERM, SIGHUP and SIGINT, a panic and an error of the terminal all
/// end it the same way: the unsaved changes go to the recovery file, the
/// terminal is restored (main screen, cursor, cooked mode) and the lock is
/// let go of.
pub fn run(params: Params, options: Options) -> Result<Ended, RunError> {
    if !terminal::has_terminal() {
        return Err(RunError::NoTerminal);
    }
    let signals = Signals::catch().map_err(|e| {
        RunError::Failed(format!(
            "traject: kan de signalen niet opvangen: {}",
            crate::os_error::dutch(&e)
        ))
    })?;
    let data_dir = match options.data_dir.clone() {
        Some(d) => d,
        None => {
            // traject's own data directory: closed to others (0700), also
            // when an earlier version left it open. A --data-dir is left as
            // it is (it may be shared on purpose).
            let d = store::default_data_dir();
            if d.is_dir() {
                let _ = store::own_private_dir(&d);
            }
            d
        }
    };
    let mut app = new_app(params, data_dir).map_err(RunError::Failed)?;
    app.today = options.today;
    let mut rt = Runtime {
        recovery_dir: store::state_dir().map(|d| d.join("herstel")),
        ..Runtime::default()
    };
    if let Some(state) = store::state_dir() {
        let _ = store::own_private_dir(&state);
    }
    app.list = rt.list(&app.data_dir);
    rt.start_review(&mut app);
    if let Some(file) = options.file {
        perform(&mut app, &mut rt, Effect::Open(file));
    } else if let Some(i) = options.demo {
        crate::tui::update::open_demo(&mut app, i);
    }
    terminal::capture_panics();
    let mut term = terminal::enter().map_err(|e| {
        terminal::leave();
        RunError::Failed(format!(
            "traject: kan de terminal niet gebruiken: {}",
            crate::os_error::dutch(&e)
        ))
    })?;
    let looped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut term, &mut app, &mut rt, &signals)
    }));
    // Whatever happened, the unsaved changes go to disk first.
    let quit = matches!(looped, Ok(Ok(None)));
    let unsaved = rt.unsaved(&app);
    let saved = if quit {
        None
    } else {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rt.keep_recovery(&app, true)
        }))
        .ok()
        .flatten()
    };
    terminal::leave();
    // Dropping it would show the cursor once more and, with no terminal
    // left (SIGHUP), print to a closed stderr and panic.
    std::mem::forget(term);
    rt.lock = None;
    let kept = |what: &str| match &saved {
        Some(p) => format!(
            "{what} Niet-bewaarde wijzigingen staan in het herstelbestand {}; traject biedt ze aan bij het volgende openen (een nieuw dossier: ⟲ herstel bovenaan de dossierlijst).",
            p.display()
        ),
        None if unsaved => format!(
            "{what} De niet-bewaarde wijzigingen konden niet in een herstelbestand geschreven worden."
        ),
        None => format!("{what} Er waren geen niet-bewaarde wijzigingen."),
    };
    match looped {
        Ok(Ok(None)) => Ok(Ended::Quit),
        Ok(Ok(Some(sig))) => {
            tracing::info!("gestopt door {}", terminal::signal_name(sig));
            Ok(Ended::Signal(
                sig,
                kept(&format!(
                    "traject is gestopt ({}).",
                    terminal::signal_name(sig)
                )),
            ))
        }
        Ok(Err(e)) => Err(RunError::Failed(kept(&format!("traject: {e}.")))),
        Err(_) => Err(RunError::Failed(kept(&format!(
            "traject is gestopt door een fout in het programma ({}).",
            terminal::panic_note()
        )))),
    }
}

/// How long the loop waits for a key before it looks at signals and the
/// recovery file again.
const TICK: Duration = Duration::from_millis(200);

/// Draws and handles keys until the counsellor quits (`None`) or a signal
/// arrives (its number).
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rt: &mut Runtime,
    signals: &Signals,
) -> Result<Option<i32>, String> {
    let mut draw = true;
    while !app.quit {
        if let Some(sig) = signals.received() {
            return Ok(Some(sig));
        }
        if draw {
            terminal
                .draw(|f| ui::render(app, f))
                .map_err(|e| format!("scherm: {}", crate::os_error::dutch(&e)))?;
            draw = false;
        }
        rt.keep_recovery(app, false);
        if let Some(a) = rt.review_arrived() {
            for effect in update(app, a) {
                perform(app, rt, effect);
            }
            draw = true;
        }
        // While the worker computes, look for its rows more often.
        let tick = if rt.reviewing() {
            Duration::from_millis(50)
        } else {
            TICK
        };
        let ready = event::poll(tick)
            .map_err(|e| format!("toetsenbord: {}", crate::os_error::dutch(&e)))?;
        if !ready {
            continue;
        }
        let ev =
            event::read().map_err(|e| format!("toetsenbord: {}", crate::os_error::dutch(&e)))?;
        // The end-to-end tests check what a panic leaves behind.
        #[cfg(debug_assertions)]
        if let event::Event::Key(key) = &ev
            && key.code == crossterm::event::KeyCode::F(12)
            && std::env::var_os("TRAJECT_TEST_PANIC").is_some()
        {
            panic!("paniek op verzoek van de test (TRAJECT_TEST_PANIC)");
        }
        let size = terminal
            .size()
            .map_err(|e| format!("scherm: {}", crate::os_error::dutch(&e)))?;
        if let Some(action) = event_action(app, &ev, size) {
            // A new key clears the last message unless it sets one.
            app.status = None;
            for effect in update(app, action) {
                perform(app, rt, effect);
            }
        }
        // Anything else (a resize, a key release) redraws.
        draw = true;
    }
    Ok(None)
}
