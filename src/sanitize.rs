//! Text from a case file on its way to a terminal: without control
//! characters, so that a name holding `ESC ]2;…BEL` can neither retitle the
//! window nor move the cursor, clear the screen or hide what follows.
//!
//! Used at the output boundary: everything the command line writes to
//! stdout or stderr goes through [`for_terminal`] (text) or [`for_json`]
//! (JSON). The terminal UI needs no help: ratatui drops control characters
//! from every cell it draws.

use std::borrow::Cow;

/// Whether a character is taken out of printed text: every control
/// character (C0, DEL, C1) but the line feed and the tab, and the
/// bidirectional overrides and isolates, which can make text read
/// differently from what it is.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text without unsafe characters (see [`is_unsafe`]); line feeds and tabs
/// stay.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(text.chars().filter(|c| !is_unsafe(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// JSON text with every unsafe character written as a `\uXXXX` escape.
///
/// serde_json already escapes C0 controls inside strings; C1 controls and
/// the bidirectional controls it leaves raw. Outside strings JSON holds only
/// ASCII punctuation, digits and letters, so replacing them wherever they
/// stand is exact: the JSON means the same, and no raw control character
/// reaches the terminal.
pub fn for_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of text: unsafe characters out, and line feeds and tabs become
/// spaces (for a table cell or a status line).
pub fn one_line(text: &str) -> String {
    for_terminal(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape_and_their_bell() {
        let name = "Jan\u{1b}]2;gehackt\u{7}\u{1b}[2J Peeters\u{9b}31m\r";
        let clean = for_terminal(name);
        assert_eq!(clean, "Jan]2;gehackt[2J Peeters31m");
        assert!(!clean.chars().any(char::is_control));
        assert_eq!(for_terminal("regel 1\n\tregel 2"), "regel 1\n\tregel 2");
        assert!(matches!(for_terminal("Zoë"), Cow::Borrowed(_)));
        assert_eq!(for_terminal("a\u{202E}b\u{2066}c"), "abc");
        assert_eq!(one_line("a\nb\tc\u{1b}"), "a b c");
    }

    #[test]
    fn json_keeps_its_meaning_and_loses_raw_controls() {
        let value = serde_json::json!({ "name": "Jan\u{1b}]2;x\u{7}\u{9b}\u{202E}" });
        let text = serde_json::to_string_pretty(&value).unwrap();
        let safe = for_json(&text);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
