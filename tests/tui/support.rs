//! Driving the App with keys, as the runner does, without a terminal.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use traject::params::Params;
use traject::tui::app::App;
use traject::tui::keymap::Keymap;
use traject::tui::run::list_entries;
use traject::tui::{Runtime, key_action, perform, update};

pub struct Driver {
    pub app: App,
    pub rt: Runtime,
}

impl Driver {
    /// An app on the case list of `dir`, with the default keys.
    pub fn new(dir: &Path) -> Driver {
        let app = App::new(
            Params::default(),
            Keymap::default(),
            dir.to_path_buf(),
            list_entries(dir),
        );
        Driver {
            app,
            rt: Runtime::default(),
        }
    }

    /// An app on the case list of `dir` that keeps recovery files in
    /// `recovery`.
    pub fn with_recovery(dir: &Path, recovery: &Path) -> Driver {
        let mut d = Driver::new(dir);
        d.rt = Runtime::with_recovery_dir(recovery.to_path_buf());
        d.app.list = d.rt.list(dir);
        d
    }

    /// Does what the runner does for an effect (and what follows from it).
    pub fn effect(&mut self, effect: traject::tui::Effect) -> &mut Self {
        perform(&mut self.app, &mut self.rt, effect);
        self
    }

    /// Opens a case file, as `traject FILE` does.
    pub fn open(&mut self, path: &Path) -> &mut Self {
        self.effect(traject::tui::Effect::Open(path.to_path_buf()))
    }

    /// What the choice dialog on screen is about, if one is.
    pub fn dialog(&self) -> Option<&traject::tui::app::About> {
        match &self.app.overlay {
            traject::tui::app::Overlay::Choice(d) => Some(&d.about),
            _ => None,
        }
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.press(KeyEvent::new(code, KeyModifiers::NONE))
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    pub fn press(&mut self, key: KeyEvent) -> &mut Self {
        if let Some(action) = key_action(&self.app, key) {
            for effect in update(&mut self.app, action) {
                perform(&mut self.app, &mut self.rt, effect);
            }
        }
        self
    }

    /// Pastes text, as a terminal with bracketed paste sends it.
    pub fn paste(&mut self, text: &str) -> &mut Self {
        let event = crossterm::event::Event::Paste(text.to_string());
        let size = ratatui::layout::Size::new(120, 40);
        if let Some(action) = traject::tui::event_action(&self.app, &event, size) {
            for effect in update(&mut self.app, action) {
                perform(&mut self.app, &mut self.rt, effect);
            }
        }
        self
    }

    /// Types text, one key per character.
    pub fn keys(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    /// The status line's text (empty when there is none).
    pub fn status_text(&self) -> String {
        self.app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    /// Opens the demo case with this file name from the case list.
    pub fn open_demo(&mut self, name: &str) -> &mut Self {
        let i = traject::tui::demo::DEMOS
            .iter()
            .position(|(n, _)| *n == name)
            .expect("demo exists");
        // The demos are a section of their own, shown with v.
        if !self.app.review.show_demos {
            self.key(KeyCode::Char('v'));
        }
        let row = self
            .app
            .visible_list()
            .iter()
            .position(|e| **e == traject::tui::app::ListEntry::Demo(i))
            .expect("the demo is listed");
        self.key(KeyCode::Home);
        for _ in 0..row {
            self.key(KeyCode::Down);
        }
        self.key(KeyCode::Enter)
    }

    pub fn balance(&self) -> i64 {
        self.app
            .doc
            .as_ref()
            .expect("a case is open")
            .outcome
            .ledger
            .balance
    }

    /// The screen as text, at a size.
    pub fn screen(&self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| traject::tui::ui::render(&self.app, f))
            .unwrap();
        terminal.backend().to_string()
    }
}
