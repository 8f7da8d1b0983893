//! Whether a case file holds comments of its own: a save writes the case
//! anew and keeps none of them (only the header line traject writes
//! itself), so the counsellor is told before the first save.

use super::HEADER;

/// Whether `text` holds a `//` or `/* */` comment outside strings, other
/// than traject's own header line.
pub fn has_comments(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.strip_prefix(HEADER).unwrap_or(text);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                // A string: up to the closing quote, past escapes.
                while let Some(s) = chars.next() {
                    match s {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            'r' if matches!(chars.peek(), Some('"' | '#')) => {
                // A raw string r#"..."#: no escapes, closed by `"` and as
                // many `#`.
                let mut hashes = 0;
                while chars.peek() == Some(&'#') {
                    chars.next();
                    hashes += 1;
                }
                if chars.next() != Some('"') {
                    continue;
                }
                'raw: while let Some(s) = chars.next() {
                    if s == '"' {
                        let mut n = 0;
                        while n < hashes && chars.peek() == Some(&'#') {
                            chars.next();
                            n += 1;
                        }
                        if n == hashes {
                            break 'raw;
                        }
                    }
                }
            }
            '/' if matches!(chars.peek(), Some('/' | '*')) => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_outside_strings_only() {
        let own = format!("{HEADER}(\n    format: 1,\n)\n");
        assert!(!has_comments(&own));
        assert!(has_comments(&format!(
            "{HEADER}// Gesprek 12/10\n(format: 1)"
        )));
        assert!(has_comments("(format: 1, /* oud */)"));
        assert!(!has_comments(
            r#"(student: (name: "a // b", notes: "x /* y \" // z"))"#
        ));
        assert!(!has_comments(r##"(student: (name: r#"a "// b"#))"##));
        assert!(has_comments(r##"(student: (name: r#"a"#)) // echt"##));
    }
}
