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
    /// Shown in the hint bar (the help overlay shows every binding).
    pub hint: bool,
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

const DEFAULTS: &[(Context, &str, Command, bool)] = &[
    (Context::Global, "tab", Command::NextPane, true),
    (Context::Global, "shift-tab", Command::PrevPane, false),
    (Context::Global, "l", Command::NextPane, false),
    (Context::Global, "right", Command::NextPane, false),
    (Context::Global, "h", Command::PrevPane, false),
    (Context::Global, "left", Command::PrevPane, false),
    (Context::Global, "up", Command::Up, false),
    (Context::Global, "k", Command::Up, false),
    (Context::Global, "down", Command::Down, false),
    (Context::Global, "j", Command::Down, false),
    (Context::Global, "home", Command::Top, false),
    (Context::Global, "g", Command::Top, false),
    (Context::Global, "end", Command::Bottom, false),
    (Context::Global, "G", Command::Bottom, false),
    (Context::Global, "esc", Command::Cancel, false),
    (Context::Global, "u", Command::Undo, true),
    (Context::Global, "ctrl-r", Command::Redo, false),
    (Context::Global, "ctrl-s", Command::Save, true),
    (Context::Global, "ctrl-o", Command::SaveAs, false),
    (Context::Global, "w", Command::Why, true),
    (Context::Global, "?", Command::Help, true),
    (Context::Global, "q", Command::Quit, true),
    (Context::CaseList, "up", Command::Up, false),
    (Context::CaseList, "k", Command::Up, false),
    (Context::CaseList, "down", Command::Down, false),
    (Context::CaseList, "j", Command::Down, false),
    (Context::CaseList, "home", Command::Top, false),
    (Context::CaseList, "g", Command::Top, false),
    (Context::CaseList, "end", Command::Bottom, false),
    (Context::CaseList, "G", Command::Bottom, false),
    (Context::CaseList, "enter", Command::OpenSelected, true),
    (Context::CaseList, "n", Command::NewCase, true),
    (Context::CaseList, "/", Command::Filter, true),
    (Context::CaseList, "s", Command::SortNext, true),
    (Context::CaseList, "S", Command::SortReverse, false),
    (Context::CaseList, "a", Command::OnlyAttention, true),
    (Context::CaseList, "f", Command::OnlyErrors, false),
    (Context::CaseList, "v", Command::Demos, true),
    (Context::CaseList, "?", Command::Help, true),
    (Context::CaseList, "q", Command::Quit, true),
    (Context::Navigator, "enter", Command::Edit, true),
    (Context::Navigator, "a", Command::Add, true),
    (Context::Navigator, "d", Command::Delete, true),
    (Context::Navigator, "n", Command::AddYear, true),
    (Context::Navigator, "s", Command::AddSummary, false),
    (Context::Units, "enter", Command::Edit, true),
    (Context::Units, "a", Command::Add, true),
    (Context::Units, "d", Command::Delete, true),
    (Context::Results, "enter", Command::Edit, true),
    (Context::Results, "t", Command::ToggleTolerance, true),
    (Context::Results, "p", Command::AddPart, true),
    (Context::Withdrawals, "enter", Command::Edit, true),
    (Context::Withdrawals, "d", Command::Delete, true),
    (Context::Student, "enter", Command::Edit, true),
    (Context::Student, "a", Command::Add, true),
    (Context::Student, "d", Command::Delete, true),
    (Context::Figures, "enter", Command::Why, true),
    (Context::Global, "[", Command::PrevScenario, false),
    (Context::Global, "]", Command::NextScenario, false),
    (Context::Global, "S", Command::NewScenario, false),
    (Context::Global, "R", Command::EditScenario, false),
    (Context::Global, "c", Command::Compare, true),
    (Context::Global, "A", Command::AdoptScenario, false),
    (Context::Global, "e", Command::Export, false),
    (Context::Navigator, "X", Command::WhatIfWithdraw, false),
    (Context::Navigator, "O", Command::WhatIfSwitch, false),
    (Context::Navigator, "N", Command::WhatIfNextYear, false),
    (Context::Units, "X", Command::WhatIfWithdraw, false),
    (Context::Units, "N", Command::WhatIfNextYear, false),
    (Context::Withdrawals, "X", Command::WhatIfWithdraw, true),
    (Context::Withdrawals, "O", Command::WhatIfSwitch, true),
    (Context::Results, "G", Command::WhatIfGrade, true),
    (Context::Results, "T", Command::WhatIfTolerate, true),
];

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .map(|&(context, key, command, hint)| Binding {
                    context,
                    key: KeySpec::parse(key).expect("default keys parse"),
                    command,
                    hint,
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

    /// The hints of a context for the hint bar: its own, then the global ones.
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        // The help key first, so it shows on the narrowest screen.
        if let Some(b) = self.bindings.iter().find(|b| {
            b.command == Command::Help && (b.context == context || b.context == Context::Global)
        }) {
            out.push((b.key.label(), b.command.dutch()));
        }
        let contexts: &[Context] = if context == Context::CaseList {
            &[Context::CaseList]
        } else {
            &[context, Context::Global]
        };
        for c in contexts {
            for b in self.bindings.iter().filter(|b| b.context == *c && b.hint) {
                if !out.iter().any(|(_, d)| *d == b.command.dutch()) {
                    out.push((b.key.label(), b.command.dutch()));
                }
            }
        }
        out
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
            let hint = self
                .bindings
                .iter()
                .any(|b| b.context == u.context && b.command == u.command && b.hint);
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
                    hint,
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
