//! A question with explicit buttons (keuzevenster): the one component for
//! every choice the program asks of the counsellor.
//!
//! - the buttons say what they do ("Overschrijven", "Opslaan als…"), none
//!   is a bare yes or no;
//! - the focus starts on the safest button, the one that loses nothing;
//! - navigation keys (arrows, Tab, h/j/k/l, Home/End) only move the focus,
//!   so that a navigation key can never confirm something destructive;
//! - Enter presses the focused button; Esc always cancels;
//! - a button may have a letter of its own (not a navigation letter) that
//!   presses it at once.
//!
//! Rendering: `ui/choice.rs`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Letters that move through lists and panes elsewhere: never a button's
/// letter.
pub const NAVIGATION_LETTERS: &[char] = &['h', 'j', 'k', 'l', 'g', 'G', 'q'];

/// One button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Button<T> {
    /// What it does, in Dutch ("Herstellen").
    pub label: String,
    /// What pressing it answers.
    pub value: T,
    /// It throws something away or overwrites something: shown in red.
    pub destructive: bool,
    /// A letter that presses it at once.
    pub key: Option<char>,
}

/// What a key does to a choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceInput {
    /// Focus the next / previous button.
    Next,
    Prev,
    First,
    Last,
    /// Press the focused button (Enter).
    Press,
    /// Press the button with this letter.
    Letter(char),
    /// Cancel (Esc).
    Cancel,
}

/// A question with buttons; `T` is what the answers mean to the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<T> {
    /// The window's title.
    pub title: String,
    /// The question and what the counsellor should know, one paragraph a
    /// line.
    pub text: Vec<String>,
    pub buttons: Vec<Button<T>>,
    /// The focused button.
    pub focus: usize,
    /// What Esc answers.
    pub cancel: T,
}

impl<T: Clone + PartialEq> Choice<T> {
    /// A choice without buttons yet; Esc answers `cancel`.
    pub fn new(title: impl Into<String>, cancel: T) -> Choice<T> {
        Choice {
            title: title.into(),
            text: Vec::new(),
            buttons: Vec::new(),
            focus: 0,
            cancel,
        }
    }

    /// Adds a paragraph of text.
    pub fn text(mut self, paragraph: impl Into<String>) -> Choice<T> {
        self.text.push(paragraph.into());
        self
    }

    fn push(mut self, label: impl Into<String>, value: T, destructive: bool) -> Choice<T> {
        self.buttons.push(Button {
            label: label.into(),
            value,
            destructive,
            key: None,
        });
        self
    }

    /// Adds a button that loses nothing.
    pub fn button(self, label: impl Into<String>, value: T) -> Choice<T> {
        self.push(label, value, false)
    }

    /// Adds a button that throws something away or overwrites something.
    pub fn destructive(self, label: impl Into<String>, value: T) -> Choice<T> {
        self.push(label, value, true)
    }

    /// Gives the last button added a letter of its own. A navigation letter
    /// is refused (the button keeps none).
    pub fn letter(mut self, key: char) -> Choice<T> {
        if !NAVIGATION_LETTERS.contains(&key)
            && let Some(b) = self.buttons.last_mut()
        {
            b.key = Some(key);
        }
        self
    }

    /// Puts the focus on the button answering `value` (the safest one).
    pub fn safest(mut self, value: T) -> Choice<T> {
        if let Some(i) = self.buttons.iter().position(|b| b.value == value) {
            self.focus = i;
        }
        self
    }

    /// What a key does here, if anything.
    pub fn input(&self, key: &KeyEvent) -> Option<ChoiceInput> {
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            return None;
        }
        Some(match key.code {
            KeyCode::Esc => ChoiceInput::Cancel,
            KeyCode::Enter => ChoiceInput::Press,
            KeyCode::Right | KeyCode::Down | KeyCode::Tab => ChoiceInput::Next,
            KeyCode::Left | KeyCode::Up | KeyCode::BackTab => ChoiceInput::Prev,
            KeyCode::Home => ChoiceInput::First,
            KeyCode::End => ChoiceInput::Last,
            KeyCode::Char('l' | 'j') => ChoiceInput::Next,
            KeyCode::Char('h' | 'k') => ChoiceInput::Prev,
            KeyCode::Char('g') => ChoiceInput::First,
            KeyCode::Char('G') => ChoiceInput::Last,
            KeyCode::Char(c) if self.buttons.iter().any(|b| b.key == Some(c)) => {
                ChoiceInput::Letter(c)
            }
            _ => return None,
        })
    }

    /// Applies an input: moves the focus (`None`), or answers.
    pub fn apply(&mut self, input: ChoiceInput) -> Option<T> {
        let n = self.buttons.len();
        match input {
            // No wrapping round: from the last button (Annuleren, mostly)
            // a key further right stays there.
            ChoiceInput::Next => self.focus = (self.focus + 1).min(n.saturating_sub(1)),
            ChoiceInput::Prev => self.focus = self.focus.saturating_sub(1),
            ChoiceInput::First => self.focus = 0,
            ChoiceInput::Last => self.focus = n.saturating_sub(1),
            ChoiceInput::Press => {
                return Some(
                    self.buttons
                        .get(self.focus)
                        .map_or_else(|| self.cancel.clone(), |b| b.value.clone()),
                );
            }
            ChoiceInput::Letter(c) => {
                return self
                    .buttons
                    .iter()
                    .find(|b| b.key == Some(c))
                    .map(|b| b.value.clone());
            }
            ChoiceInput::Cancel => return Some(self.cancel.clone()),
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum A {
        Keep,
        Throw,
        Cancel,
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn choice() -> Choice<A> {
        Choice::new("Vraag", A::Cancel)
            .text("Wat nu?")
            .destructive("Weggooien", A::Throw)
            .button("Bewaren", A::Keep)
            .letter('b')
            .button("Annuleren", A::Cancel)
            .safest(A::Keep)
    }

    #[test]
    fn the_focus_starts_on_the_safest_and_enter_presses_it() {
        let mut c = choice();
        assert_eq!(c.focus, 1);
        assert_eq!(
            c.apply(c.input(&key(KeyCode::Enter)).unwrap()),
            Some(A::Keep)
        );
    }

    #[test]
    fn navigation_keys_never_answer() {
        let mut c = choice();
        for code in [
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Char('h'),
            KeyCode::Char('j'),
            KeyCode::Char('k'),
            KeyCode::Char('l'),
            KeyCode::Char('g'),
            KeyCode::Char('G'),
        ] {
            let input = c.input(&key(code)).expect("a navigation key moves");
            assert_eq!(c.apply(input), None, "{code:?} answered");
        }
        // Unknown keys do nothing at all.
        assert_eq!(c.input(&key(KeyCode::Char('x'))), None);
        assert_eq!(c.input(&key(KeyCode::Char('q'))), None);
    }

    #[test]
    fn esc_cancels_and_a_letter_presses_its_button() {
        let mut c = choice();
        c.apply(ChoiceInput::First);
        assert_eq!(c.apply(ChoiceInput::Cancel), Some(A::Cancel));
        assert_eq!(
            c.apply(c.input(&key(KeyCode::Char('b'))).unwrap()),
            Some(A::Keep)
        );
        // A navigation letter is never a button's letter.
        let c = Choice::new("x", A::Cancel)
            .button("Houden", A::Keep)
            .letter('h');
        assert_eq!(c.buttons[0].key, None);
    }
}
