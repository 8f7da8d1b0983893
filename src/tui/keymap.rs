//! Key bindings as data: the hint bar and the help overlay are generated
//! from this list, and a user keymap file may override it.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

use super::action::Command;

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Context {
    /// Everywhere in the editor.
    Global,
    CaseList,
    Navigator,
    Units,
    Results,
    Withdrawals,
    Student,
    Figures,
}

impl Context {
    /// Every context, in the order the help shows them.
    pub const ALL: [Context; 8] = [
        Context::Global,
        Context::CaseList,
        Context::Navigator,
        Context::Units,
        Context::Results,
        Context::Withdrawals,
        Context::Student,
        Context::Figures,
    ];

    /// The Dutch heading in the help overlay.
    pub fn dutch(self) -> &'static str {
        match self {
            Context::Global => "Overal",
            Context::CaseList => "Dossierlijst",
            Context::Navigator => "Jaren en opleidingen",
            Context::Units => "Opleidingsonderdelen",
            Context::Results => "Resultaten",
            Context::Withdrawals => "Uitschrijvingen",
            Context::Student => "Student",
            Context::Figures => "Cijfers",
        }
    }
}

/// A key with its modifiers, written like `ctrl-s`, `shift-tab`, `a`, `?`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl KeySpec {
    /// Parses `ctrl-r`, `enter`, `esc`, `tab`, `shift-tab` (backtab), `up`,
    /// `down`, `left`, `right`, `home`, `end`, `f1`…`f12`, `space`, or one
    /// character.
    pub fn parse(s: &str) -> Result<KeySpec, String> {
        let lower = s.trim().to_lowercase();
        let (ctrl, rest) = match lower.strip_prefix("ctrl-") {
            Some(r) => (true, r.to_string()),
            None => (false, lower.clone()),
        };
        let code = match rest.as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "delete" => KeyCode::Delete,
            f if f.starts_with('f') && f.len() > 1 && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().expect("checked"))
            }
            _ => {
                // One character, case kept from the original text.
                let original = s.trim();
                let original = original.strip_prefix("ctrl-").unwrap_or(original);
                let mut chars = original.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                    _ => {
                        return Err(format!(
                            "onbekende toets \"{s}\"; bv. a, ctrl-s, enter, esc, tab, shift-tab, up, f1"
                        ));
                    }
                }
            }
        };
        Ok(KeySpec { code, ctrl })
    }

    /// The key event this key is (for looking a binding up again).
    pub fn event(&self) -> KeyEvent {
        let mods = if self.ctrl {
            KeyModifiers::CONTROL
        } else {
            KeyModifiers::NONE
        };
        KeyEvent::new(self.code, mods)
    }

    /// Whether a key event is this key.
    pub fn matches(&self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let code = match key.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            c => c,
        };
        ctrl == self.ctrl && code == self.code
    }

    /// The key as shown in the hint bar.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(' ') => "Spatie".to_string(),
            KeyCode::Char(c) => c.to_string(),
            _ => "?".to_string(),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// One binding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub key: KeySpec,
    pub command: Command,
    /// Its place in the hint bar: 1 is the most useful, shown first; 0 is
    /// not in the hint bar (the help overlay shows every binding).
    pub priority: u8,
}

/// The keys of one command in a context, as labels.
pub type KeysOfCommand = (Vec<String>, Command);

/// The key bindings in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

/// A line of a user keymap file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserBinding {
    context: Context,
    key: String,
    command: Command,
}

/// The default bindings: where, which key, what, and the place in the hint
/// bar (1 first, 0 not shown there).
const DEFAULTS: &[(Context, &str, Command, u8)] = &[
    (Context::Global, "1", Command::FocusYears, 0),
    (Context::Global, "2", Command::FocusUnits, 0),
    (Context::Global, "3", Command::FocusResults, 0),
    (Context::Global, "4", Command::FocusWithdrawals, 0),
    (Context::Global, "5", Command::FocusStudent, 0),
    (Context::Global, "6", Command::FocusFigures, 0),
    (Context::Global, "tab", Command::NextPane, 6),
    (Context::Global, "shift-tab", Command::PrevPane, 0),
    (Context::Global, "l", Command::NextPane, 0),
    (Context::Global, "right", Command::NextPane, 0),
    (Context::Global, "h", Command::PrevPane, 0),
    (Context::Global, "left", Command::PrevPane, 0),
    (Context::Global, "up", Command::Up, 0),
    (Context::Global, "k", Command::Up, 0),
    (Context::Global, "down", Command::Down, 0),
    (Context::Global, "j", Command::Down, 0),
    (Context::Global, "home", Command::Top, 0),
    (Context::Global, "g", Command::Top, 0),
    (Context::Global, "end", Command::Bottom, 0),
    (Context::Global, "G", Command::Bottom, 0),
    (Context::Global, "esc", Command::Cancel, 0),
    (Context::Global, "u", Command::Undo, 5),
    (Context::Global, "ctrl-r", Command::Redo, 0),
    (Context::Global, "ctrl-s", Command::Save, 3),
    (Context::Global, "ctrl-o", Command::SaveAs, 0),
    (Context::Global, "w", Command::Why, 4),
    (Context::Global, "?", Command::Help, 1),
    (Context::Global, "q", Command::Quit, 7),
    (Context::CaseList, "up", Command::Up, 0),
    (Context::CaseList, "k", Command::Up, 0),
    (Context::CaseList, "down", Command::Down, 0),
    (Context::CaseList, "j", Command::Down, 0),
    (Context::CaseList, "home", Command::Top, 0),
    (Context::CaseList, "g", Command::Top, 0),
    (Context::CaseList, "end", Command::Bottom, 0),
    (Context::CaseList, "G", Command::Bottom, 0),
    (Context::CaseList, "enter", Command::OpenSelected, 2),
    (Context::CaseList, "n", Command::NewCase, 3),
    (Context::CaseList, "/", Command::Filter, 4),
    (Context::CaseList, "s", Command::SortNext, 6),
    (Context::CaseList, "S", Command::SortReverse, 0),
    (Context::CaseList, "a", Command::OnlyAttention, 5),
    (Context::CaseList, "f", Command::OnlyErrors, 0),
    (Context::CaseList, "v", Command::Demos, 7),
    (Context::CaseList, "?", Command::Help, 1),
    (Context::CaseList, "q", Command::Quit, 8),
    (Context::Navigator, "enter", Command::Edit, 3),
    (Context::Navigator, "a", Command::Add, 2),
    (Context::Navigator, "d", Command::Delete, 5),
    (Context::Navigator, "n", Command::AddYear, 2),
    (Context::Navigator, "s", Command::AddSummary, 0),
    (Context::Units, "enter", Command::Edit, 3),
    (Context::Units, "a", Command::Add, 2),
    (Context::Units, "d", Command::Delete, 4),
    (Context::Results, "enter", Command::Edit, 2),
    (Context::Results, "t", Command::ToggleTolerance, 3),
    (Context::Results, "p", Command::AddPart, 5),
    (Context::Withdrawals, "enter", Command::Edit, 2),
    (Context::Withdrawals, "d", Command::Delete, 4),
    (Context::Student, "enter", Command::Edit, 2),
    (Context::Student, "a", Command::Add, 3),
    (Context::Student, "d", Command::Delete, 4),
    (Context::Figures, "enter", Command::Why, 2),
    (Context::Global, "[", Command::PrevScenario, 0),
    (Context::Global, "]", Command::NextScenario, 0),
    (Context::Global, "S", Command::NewScenario, 0),
    (Context::Global, "R", Command::EditScenario, 0),
    (Context::Global, "c", Command::Compare, 8),
    (Context::Global, "A", Command::AdoptScenario, 0),
    (Context::Global, "e", Command::Export, 0),
    (Context::Navigator, "X", Command::WhatIfWithdraw, 0),
    (Context::Navigator, "O", Command::WhatIfSwitch, 0),
    (Context::Navigator, "N", Command::WhatIfNextYear, 0),
    (Context::Units, "X", Command::WhatIfWithdraw, 0),
    (Context::Units, "N", Command::WhatIfNextYear, 0),
    (Context::Withdrawals, "X", Command::WhatIfWithdraw, 3),
    (Context::Withdrawals, "O", Command::WhatIfSwitch, 5),
    (Context::Results, "C", Command::WhatIfGrade, 4),
    (Context::Results, "T", Command::WhatIfTolerate, 4),
];

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .map(|&(context, key, command, priority)| Binding {
                    context,
                    key: KeySpec::parse(key).expect("default keys parse"),
                    command,
                    priority,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The command of a key in a context: the context's own bindings first,
    /// then the global ones (not on the case list).
    pub fn command(&self, context: Context, key: &KeyEvent) -> Option<Command> {
        let find = |c: Context| {
            self.bindings
                .iter()
                .find(|b| b.context == c && b.key.matches(key))
                .map(|b| b.command)
        };
        find(context).or_else(|| {
            if context == Context::CaseList {
                None
            } else {
                find(Context::Global)
            }
        })
    }

    /// The hints of a context for the hint bar, most useful first (the
    /// context's own before the global ones at the same priority); one per
    /// command.
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        let contexts: &[Context] = if context == Context::CaseList {
            &[Context::CaseList]
        } else {
            &[context, Context::Global]
        };
        let mut shown: Vec<(u8, usize, &Binding)> = Vec::new();
        for (rank, c) in contexts.iter().enumerate() {
            for b in self
                .bindings
                .iter()
                .filter(|b| b.context == *c && b.priority > 0)
            {
                // A global key the context binds to something else is not
                // in force here.
                if *c == Context::Global && self.command(context, &b.key.event()) != Some(b.command)
                {
                    continue;
                }
                if !shown.iter().any(|(_, _, s)| s.command == b.command) {
                    shown.push((b.priority, rank, b));
                }
            }
        }
        shown.sort_by_key(|(p, rank, _)| (*p, *rank));
        shown
            .into_iter()
            .map(|(_, _, b)| (b.key.label(), b.command.short()))
            .collect()
    }

    /// Lays a user keymap file over the defaults: each line
    /// `(context: Units, key: "x", command: Delete)` replaces the binding of
    /// that command in that context (or adds one).
    pub fn with_user_file(mut self, path: &Path) -> Result<Keymap, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(self),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let user: Vec<UserBinding> =
            crate::casefile::parse_ron(path, &text).map_err(|e| e.to_string())?;
        for u in user {
            let key = KeySpec::parse(&u.key).map_err(|e| format!("{}: {e}", path.display()))?;
            let priority = self
                .bindings
                .iter()
                .find(|b| b.context == u.context && b.command == u.command)
                .map_or(0, |b| b.priority);
            self.bindings
                .retain(|b| !(b.context == u.context && b.command == u.command));
            // The new key wins over any other binding of that key in the context.
            self.bindings
                .retain(|b| !(b.context == u.context && b.key == key));
            self.bindings.insert(
                0,
                Binding {
                    context: u.context,
                    key,
                    command: u.command,
                    priority,
                },
            );
        }
        Ok(self)
    }
}

impl Keymap {
    /// Every binding grouped by context (in [`Context::ALL`] order), one
    /// entry per command with all its keys: what the help overlay and the
    /// key table of README.md show.
    pub fn grouped(&self) -> Vec<(Context, Vec<KeysOfCommand>)> {
        Context::ALL
            .iter()
            .map(|&c| {
                let mut commands: Vec<KeysOfCommand> = Vec::new();
                for b in self.bindings.iter().filter(|b| b.context == c) {
                    match commands.iter_mut().find(|(_, cmd)| *cmd == b.command) {
                        Some((keys, _)) => keys.push(b.key.label()),
                        None => commands.push((vec![b.key.label()], b.command)),
                    }
                }
                (c, commands)
            })
            .filter(|(_, commands)| !commands.is_empty())
            .collect()
    }

    /// The bindings as a Markdown table (README.md holds this very table).
    pub fn markdown_table(&self) -> String {
        let mut out = String::from("| waar | toets | wat |\n|---|---|---|\n");
        for (c, commands) in self.grouped() {
            for (keys, command) in commands {
                let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
                out.push_str(&format!(
                    "| {} | {} | {} |\n",
                    c.dutch(),
                    keys.join(" "),
                    command.dutch()
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_parse_and_match() {
        let s = KeySpec::parse("ctrl-s").unwrap();
        assert!(s.matches(&key(KeyCode::Char('s'), KeyModifiers::CONTROL)));
        assert!(!s.matches(&key(KeyCode::Char('s'), KeyModifiers::NONE)));
        assert_eq!(KeySpec::parse("G").unwrap().code, KeyCode::Char('G'));
        assert!(KeySpec::parse("hyper-x").is_err());
    }

    #[test]
    fn context_bindings_come_before_global_ones() {
        let k = Keymap::default();
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(k.command(Context::Figures, &enter), Some(Command::Why));
        assert_eq!(k.command(Context::Units, &enter), Some(Command::Edit));
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(k.command(Context::Units, &q), Some(Command::Quit));
    }

    /// A key means one thing: no pane binds a key the editor binds
    /// everywhere to something else (`G` is "naar beneden" in every pane).
    #[test]
    fn a_key_means_one_thing_in_the_editor() {
        let k = Keymap::default();
        for b in k
            .bindings
            .iter()
            .filter(|b| !matches!(b.context, Context::Global | Context::CaseList))
        {
            if let Some(g) = k
                .bindings
                .iter()
                .find(|g| g.context == Context::Global && g.key == b.key)
            {
                assert_eq!(
                    g.command,
                    b.command,
                    "{} is {:?} everywhere but {:?} in {:?}",
                    b.key.label(),
                    g.command,
                    b.command,
                    b.context
                );
            }
        }
        // And on the case list, the keys it shares with the editor mean
        // the same.
        for b in k.bindings.iter().filter(|b| b.context == Context::CaseList) {
            if let Some(g) = k
                .bindings
                .iter()
                .find(|g| g.context == Context::Global && g.key == b.key)
                && matches!(
                    g.command,
                    Command::Up | Command::Down | Command::Top | Command::Bottom
                )
            {
                assert_eq!(g.command, b.command, "{}", b.key.label());
            }
        }
    }

    #[test]
    fn the_hint_bar_puts_the_most_useful_first_and_the_pane_keys_are_data() {
        let k = Keymap::default();
        let hints = k.hints(Context::Units);
        assert_eq!(hints[0].1, "hulp");
        assert_eq!(hints[1].1, "toevoegen");
        let two = key(KeyCode::Char('2'), KeyModifiers::NONE);
        assert_eq!(k.command(Context::Figures, &two), Some(Command::FocusUnits));
    }

    #[test]
    fn a_user_file_overrides_a_binding() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keymap.ron");
        std::fs::write(&path, "[(context: Global, key: \"ctrl-w\", command: Save)]").unwrap();
        let k = Keymap::default().with_user_file(&path).unwrap();
        let ctrl_w = key(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(k.command(Context::Units, &ctrl_w), Some(Command::Save));
        let ctrl_s = key(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(k.command(Context::Units, &ctrl_s), None);
        assert!(
            k.hints(Context::Units)
                .iter()
                .any(|(key, _)| key == "Ctrl-w")
        );
    }

    #[test]
    fn a_broken_user_file_names_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keymap.ron");
        std::fs::write(&path, "[(context: Nowhere, key: \"x\", command: Save)]").unwrap();
        let err = Keymap::default().with_user_file(&path).unwrap_err();
        assert!(err.contains("keymap.ron:1:"), "{err}");
    }
}
