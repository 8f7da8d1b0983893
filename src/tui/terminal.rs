//! The terminal around the UI: whether there is one, the signals that end
//! the program (SIGTERM, SIGHUP, SIGINT) and a panic, so that each of them
//! leaves the terminal as it was and the unsaved changes in a recovery file.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Whether the UI can run: stdout is a terminal and there is a keyboard
/// (stdin is a terminal, or the controlling terminal can be opened, as
/// crossterm does).
pub fn has_terminal() -> bool {
    let keyboard = std::io::stdin().is_terminal()
        || std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_ok();
    std::io::stdout().is_terminal() && keyboard
}

/// What traject says when started without a terminal (a script, cron, a
/// pipe): what the editor needs and the commands that work without one.
pub const NO_TERMINAL: &str = "\
traject: de editor heeft een terminal nodig, en die is er niet
(een script, cron, of uitvoer naar een pijp of een bestand).
Zonder terminal werken:
  traject check DOSSIER.ron [--json] [--explain]    een dossier doorrekenen
  traject check MAP [--json]                        elk dossier in een map
  traject report DOSSIER.ron [--format md|html] [-o BESTAND]
                                                    een verslag voor de student
  traject --help                                    alle opties
";

/// The signals that end traject cleanly.
#[cfg(unix)]
pub const SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// The name of a signal.
pub fn signal_name(sig: i32) -> String {
    #[cfg(unix)]
    {
        use signal_hook::consts as c;
        match sig {
            c::SIGTERM => return "SIGTERM".into(),
            c::SIGHUP => return "SIGHUP (de terminal werd gesloten)".into(),
            c::SIGINT => return "SIGINT".into(),
            _ => {}
        }
    }
    format!("signaal {sig}")
}

/// The last signal received (0: none), set from the signal handler.
#[derive(Clone, Default)]
pub struct Signals {
    received: Arc<AtomicUsize>,
}

impl Signals {
    /// Catches SIGTERM, SIGHUP and SIGINT from now on: they no longer end
    /// the process, they are noted for the event loop.
    pub fn catch() -> std::io::Result<Signals> {
        let s = Signals::default();
        #[cfg(unix)]
        for sig in SIGNALS {
            signal_hook::flag::register_usize(sig, Arc::clone(&s.received), sig as usize)?;
        }
        Ok(s)
    }

    /// The signal received, if any.
    pub fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            n => Some(n as i32),
        }
    }
}

/// Ends the process the way this signal ends it by default (so that the
/// shell sees it), after traject has cleaned up.
pub fn die_of(sig: i32) -> ! {
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::emulate_default_handler(sig);
    }
    std::process::exit(128 + sig)
}

/// Where and why the program panicked, for the message after the terminal
/// is restored.
static PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Takes the terminal: raw mode, the alternate screen, bracketed paste (a
/// paste arrives as one block of text: into the form field, or rows of
/// course units for a preview) and the mouse (a click focuses and selects,
/// the wheel scrolls; most terminals still select text with Shift held).
pub fn enter() -> std::io::Result<ratatui::DefaultTerminal> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::event::EnableBracketedPaste,
        // The mouse: a click focuses and selects, the wheel scrolls
        // (tui::mouse). Most terminals still select text with Shift held.
        crossterm::event::EnableMouseCapture
    )?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))
}

/// Gives the terminal back: raw mode off, mouse and bracketed paste off,
/// the main screen, the cursor shown. Errors are ignored (after a SIGHUP there is no terminal to
/// write to, and nothing may panic then).
pub fn leave() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::DisableBracketedPaste,
        crossterm::event::DisableMouseCapture,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// On a panic: gives the terminal back first ([`leave`]), and keeps a
/// note of where it happened instead of the English message and backtrace;
/// [`panic_note`] gives the note back.
pub fn capture_panics() {
    std::panic::set_hook(Box::new(|info| {
        leave();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut p) = PANIC.lock() {
            *p = Some(format!("{place}: {what}"));
        }
    }));
}

/// The note of the last panic.
pub fn panic_note() -> String {
    PANIC
        .lock()
        .ok()
        .and_then(|p| p.clone())
        .unwrap_or_default()
}
