//! The runner: terminal set-up and restore, the event loop, and the work
//! with files that `update` asks for.

use std::path::{Path, PathBuf};

use crossterm::event::{self, Event, KeyEventKind};

use crate::params::Params;
use crate::store::{self, CaseLock};

use super::action::{Action, Effect, Opened};
use super::app::{App, ListEntry};
use super::demo::DEMOS;
use super::keymap::Keymap;
use super::ui;
use super::update::{key_action, update};

/// How the UI was asked to start.
#[derive(Clone, Debug)]
pub struct Options {
    /// A case file to open at once.
    pub file: Option<PathBuf>,
    /// The directory of case files (default: the data directory).
    pub data_dir: Option<PathBuf>,
    /// Today, for the deadline countdown.
    pub today: crate::model::Date,
}

/// The state the runner keeps outside the App: the lock of the open case.
#[derive(Default)]
pub struct Runtime {
    lock: Option<CaseLock>,
}

/// The case list of a directory: new, the demos, then the files.
pub fn list_entries(dir: &Path) -> Vec<ListEntry> {
    let mut v = vec![ListEntry::New];
    v.extend((0..DEMOS.len()).map(ListEntry::Demo));
    v.extend(store::list_cases(dir).into_iter().map(|e| ListEntry::File {
        label: match &e.student {
            Some(s) => format!("{} ({})", e.file_name, s),
            None => e.file_name.clone(),
        },
        path: e.path,
        problem: e.problem,
    }));
    v
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

/// Writes a file atomically, making its directory first.
fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(d) = path.parent() {
        std::fs::create_dir_all(d)
            .map_err(|e| format!("kan de map {} niet maken: {e}", d.display()))?;
    }
    store::save_atomic(path, contents).map_err(|e| e.to_string())
}

/// Does what `update` asked and feeds the result back.
pub fn perform(app: &mut App, rt: &mut Runtime, effect: Effect) {
    let follow = match effect {
        Effect::Quit => None,
        Effect::Close => {
            rt.lock = None;
            app.list = list_entries(&app.data_dir);
            None
        }
        Effect::Export { path, contents } => {
            let result = write(&path, &contents);
            Some(Action::Exported(result.map(|()| path)))
        }
        Effect::Open(path) => Some(Action::Opened(Box::new(open(rt, &path)))),
        Effect::Save { path, contents } => {
            let result = write(&path, &contents);
            if result.is_ok() && rt.lock.as_ref().and_then(|l| l.path()).is_none() {
                rt.lock = store::lock_case(&path).ok();
            }
            tracing::info!(dossier = %crate::cli::log::case_id(&path), ok = result.is_ok(), "bewaren");
            Some(Action::Saved(result.map(|()| path)))
        }
    };
    if let Some(a) = follow {
        for e in update(app, a) {
            perform(app, rt, e);
        }
        if app.screen == super::app::Screen::Editor {
            app.list = list_entries(&app.data_dir);
        }
    }
}

fn open(rt: &mut Runtime, path: &Path) -> Opened {
    match crate::casefile::load_case(path) {
        Ok(case) => {
            rt.lock = None;
            let lock_warning = match store::lock_case(path) {
                Ok(lock) => {
                    rt.lock = Some(lock);
                    None
                }
                Err(held) => Some(held.to_string()),
            };
            Opened::Case {
                case: Box::new(case),
                path: path.to_path_buf(),
                lock_warning,
            }
        }
        Err(e) => Opened::Failed {
            path: path.to_path_buf(),
            message: e.to_string(),
        },
    }
}

/// Runs the terminal UI until the counsellor quits.
pub fn run(params: Params, options: Options) -> Result<(), String> {
    let data_dir = options
        .data_dir
        .clone()
        .unwrap_or_else(store::default_data_dir);
    let mut app = new_app(params, data_dir)?;
    app.today = options.today;
    let mut rt = Runtime::default();
    if let Some(file) = options.file {
        perform(&mut app, &mut rt, Effect::Open(file));
    }
    // ratatui::init installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut app, &mut rt);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rt: &mut Runtime,
) -> Result<(), String> {
    while !app.quit {
        terminal
            .draw(|f| ui::render(app, f))
            .map_err(|e| format!("scherm: {e}"))?;
        match event::read().map_err(|e| format!("toetsenbord: {e}"))? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Some(action) = key_action(app, key) {
                    // A new key clears the last message unless it sets one.
                    app.status = None;
                    for effect in update(app, action) {
                        perform(app, rt, effect);
                    }
                }
            }
            _ => {} // a resize just redraws
        }
    }
    Ok(())
}
