//! Which action a key press is, given what is on screen.

use super::*;

/// The action of any terminal event: a key press, a pasted block of text
/// (bracketed paste) or the mouse. `size` is the terminal's size, for
/// finding what a click landed on. `None`: the event does nothing (a key
/// release, a resize only redraws).
pub fn event_action(app: &App, event: &Event, size: ratatui::layout::Size) -> Option<Action> {
    match event {
        Event::Mouse(mouse) => crate::tui::mouse::action(app, mouse, size),
        Event::Key(key) if key.kind == crossterm::event::KeyEventKind::Press => {
            key_action(app, *key)
        }
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

/// The action of a key press in the app's present state.
pub fn key_action(app: &App, key: KeyEvent) -> Option<Action> {
    match &app.overlay {
        Overlay::Form(form) => {
            let choice = form
                .fields
                .get(form.focus)
                .is_some_and(|f| matches!(f.kind, FieldKind::Choice(_) | FieldKind::Bool));
            return Some(match key.code {
                KeyCode::Esc => Action::Cmd(Command::Cancel),
                KeyCode::Enter => Action::Submit,
                KeyCode::Tab | KeyCode::Down => Action::FieldNext,
                KeyCode::BackTab | KeyCode::Up => Action::FieldPrev,
                KeyCode::Left if choice => Action::Cycle(-1),
                KeyCode::Right if choice => Action::Cycle(1),
                _ => Action::Input(to_input_request(&Event::Key(key))?),
            });
        }
        Overlay::Choice(dialog) => return dialog.choice.input(&key).map(Action::Choice),
        Overlay::Paste(_) => {
            return match key.code {
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Esc | KeyCode::Char('q') => Some(Action::Cmd(Command::Cancel)),
                KeyCode::Down | KeyCode::Char('j') => Some(Action::Cmd(Command::Down)),
                KeyCode::Up | KeyCode::Char('k') => Some(Action::Cmd(Command::Up)),
                _ => None,
            };
        }
        Overlay::Compare(_) => {
            return match key.code {
                KeyCode::Esc | KeyCode::Char('q' | 'c') => Some(Action::Cmd(Command::Cancel)),
                KeyCode::Down | KeyCode::Char('j') => Some(Action::Cmd(Command::Down)),
                KeyCode::Up | KeyCode::Char('k') => Some(Action::Cmd(Command::Up)),
                KeyCode::Right | KeyCode::Char('l') | KeyCode::Tab => {
                    Some(Action::Cmd(Command::NextPane))
                }
                KeyCode::Left | KeyCode::Char('h') | KeyCode::BackTab => {
                    Some(Action::Cmd(Command::PrevPane))
                }
                KeyCode::Home | KeyCode::Char('g') => Some(Action::Cmd(Command::Top)),
                KeyCode::End | KeyCode::Char('G') => Some(Action::Cmd(Command::Bottom)),
                KeyCode::Enter | KeyCode::Char('w') => Some(Action::Cmd(Command::Why)),
                _ => None,
            };
        }
        Overlay::Help(_) | Overlay::Why(_) => {
            return match key.code {
                KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | '?' | 'w') => {
                    Some(Action::Cmd(Command::Cancel))
                }
                KeyCode::Down | KeyCode::Char('j') => Some(Action::Cmd(Command::Down)),
                KeyCode::Up | KeyCode::Char('k') => Some(Action::Cmd(Command::Up)),
                _ => None,
            };
        }
        Overlay::None => {}
    }
    if let Screen::LoadError { .. } = app.screen {
        return match key.code {
            KeyCode::Esc | KeyCode::Enter => Some(Action::Cmd(Command::Cancel)),
            KeyCode::Char('q') => Some(Action::Cmd(Command::Quit)),
            _ => None,
        };
    }
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(Action::Cmd(Command::Quit));
    }
    if app.screen == Screen::CaseList && app.review.typing {
        use crate::tui::review::FilterKey;
        return match key.code {
            KeyCode::Esc => Some(Action::Filter(FilterKey::Clear)),
            KeyCode::Enter => Some(Action::Cmd(Command::OpenSelected)),
            KeyCode::Backspace => Some(Action::Filter(FilterKey::Backspace)),
            KeyCode::Up => Some(Action::Cmd(Command::Up)),
            KeyCode::Down => Some(Action::Cmd(Command::Down)),
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::Filter(FilterKey::Char(c)))
            }
            _ => None,
        };
    }
    match app.keymap.command(app.context(), &key) {
        Some(c) => Some(Action::Cmd(c)),
        None => not_here(app, &key).map(Action::Note),
    }
}

/// Why a key does nothing here: where it does work, or that `?` shows the
/// keys. `None` for keys that are not a press of anything (modifiers).
fn not_here(app: &App, key: &KeyEvent) -> Option<String> {
    let spec = crate::tui::keymap::KeySpec {
        code: key.code,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
    };
    let label = match key.code {
        KeyCode::Modifier(_) | KeyCode::Null => return None,
        KeyCode::Char(_) | KeyCode::Enter | KeyCode::Delete | KeyCode::Backspace => spec.label(),
        KeyCode::F(_) | KeyCode::Home | KeyCode::End | KeyCode::Tab | KeyCode::Esc => spec.label(),
        _ => return None,
    };
    let here = match app.screen {
        Screen::Editor => app.focus.title(),
        _ => "de dossierlijst",
    };
    let elsewhere: Vec<String> = if app.screen == Screen::Editor {
        Pane::ORDER
            .iter()
            .filter(|p| **p != app.focus)
            .filter_map(|p| {
                app.keymap
                    .command(p.context(), key)
                    .map(|c| format!("{} ({})", p.title(), c.short()))
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(if elsewhere.is_empty() {
        format!("{label} doet niets in {here}; ? toont de toetsen.")
    } else {
        format!(
            "{label} doet niets in {here}; wel in {}.",
            crate::dutch::listing(&elsewhere)
        )
    })
}
