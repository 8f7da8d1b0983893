//! Reading a case file from disk: only a regular file (a FIFO, a device or
//! a directory named `x.ron` is refused before it is opened, so nothing
//! hangs), at most [`MAX_BYTES`], UTF-8 with or without a byte-order mark.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use super::{ParseError, dutch, parse_case};
use crate::model::Case;
use crate::store::Fingerprint;

/// The largest case file traject reads: 64 MiB (a case of 50 000 units
/// takes some 15 MiB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A case read from disk with what it was read from.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub case: Case,
    /// The text of the file (without a byte-order mark).
    pub text: String,
    /// What the file held: to see before a save whether it changed.
    pub fingerprint: Fingerprint,
}

fn unreadable(path: &Path, message: String) -> ParseError {
    ParseError {
        file: path.to_path_buf(),
        line: 0,
        col: 0,
        message,
    }
}

/// Why a file of this type is not read, in Dutch; `None` for a regular
/// file.
fn not_regular(file_type: fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("is een map, geen dossierbestand");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(
                "is geen gewoon bestand maar een FIFO (named pipe); traject leest alleen gewone bestanden",
            );
        }
        if file_type.is_socket() {
            return Some(
                "is geen gewoon bestand maar een socket; traject leest alleen gewone bestanden",
            );
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some(
                "is geen gewoon bestand maar een apparaat; traject leest alleen gewone bestanden",
            );
        }
    }
    Some("is geen gewoon bestand; traject leest alleen gewone bestanden")
}

/// The bytes of a regular file, refusing anything else without opening it.
pub fn read_regular(path: &Path) -> Result<(Vec<u8>, fs::Metadata), ParseError> {
    let cannot = |e: std::io::Error| {
        unreadable(
            path,
            format!("kan het bestand niet lezen: {}", crate::os_error::dutch(&e)),
        )
    };
    // Follows a symbolic link (an endless loop of links is an error here).
    let before = fs::metadata(path).map_err(cannot)?;
    if let Some(why) = not_regular(before.file_type()) {
        return Err(unreadable(path, why.to_string()));
    }
    let mut file = File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if let Some(why) = not_regular(meta.file_type()) {
        return Err(unreadable(path, why.to_string()));
    }
    let too_large = |size: u64| {
        unreadable(
            path,
            format!(
                "het bestand is te groot ({} MiB); een dossier is hoogstens {} MiB",
                size.div_ceil(1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
        )
    };
    if meta.len() > MAX_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&mut file)
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok((bytes, meta))
}

/// Text from bytes: UTF-8, a leading byte-order mark (as Notepad writes
/// it) dropped.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, ParseError> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let upto = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
        let upto = upto.strip_prefix('\u{feff}').unwrap_or(upto);
        let (line, col) = dutch::position_of(upto, upto.len());
        ParseError {
            file: path.to_path_buf(),
            line,
            col,
            message: "het bestand is geen geldige UTF-8-tekst".to_string(),
        }
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Reads a case file with its text and fingerprint.
pub fn load(path: &Path) -> Result<Loaded, ParseError> {
    let (bytes, meta) = read_regular(path)?;
    let fingerprint = Fingerprint::of(&bytes, meta.modified().ok());
    let text = decode(path, bytes)?;
    let case = parse_case(path, &text)?;
    Ok(Loaded {
        case,
        text,
        fingerprint,
    })
}

/// Reads a case file.
pub fn load_case(path: &Path) -> Result<Case, ParseError> {
    load(path).map(|l| l.case)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.ron");
        let text = super::super::case_to_string(&Case::new("Jan"));
        fs::write(&path, format!("\u{feff}{text}")).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.case.student.name, "Jan");
        assert_eq!(loaded.text, text);
        // A mistake on line 1 is still placed as the editor shows it.
        fs::write(&path, "\u{feff}(format: x)").unwrap();
        let with = load(&path).unwrap_err();
        fs::write(&path, "(format: x)").unwrap();
        let without = load(&path).unwrap_err();
        assert_eq!(with, without);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here
        }
        let e = load(&path).unwrap_err();
        assert!(e.message.contains("FIFO"), "{e}");
        let e = load(dir.path()).unwrap_err();
        assert!(e.message.contains("is een map"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_an_error_in_dutch() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let e = load(&a).unwrap_err();
        assert!(e.message.starts_with("kan het bestand niet lezen: "), "{e}");
        assert!(!e.message.contains("Too many"), "{e}");
    }
}
