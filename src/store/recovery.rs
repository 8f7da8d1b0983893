//! Recovery files, like vim's swap files: the unsaved state of an open
//! case, written to `herstel/` in the state directory (0700, each file
//! 0600) within a second or two of each change, on a signal and on a
//! panic, and removed by a clean save or when the counsellor lets the
//! changes go. Opening a case that has one offers to restore it.
//!
//! A recovery file is RON: who wrote it (pid, machine, when), the case
//! file it belongs to (none for a new case), what that file held when it
//! was read (its [`Fingerprint`]), and the whole case.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fingerprint::{Fingerprint, sha256_hex};
use super::process::{boot_time, hostname, other_instance_alive, unix_now};
use super::{PRIVATE_MODE_OR_0, create_private_dir, replace_via_temp};
use crate::model::Case;

/// The recovery format this version writes and reads.
const FORMAT: u32 = 1;

/// The first line of every recovery file.
const HEADER: &str = "// traject: herstelbestand met niet-bewaarde wijzigingen (formaat 1).\n";

/// What a recovery file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryData {
    pub format: u32,
    /// The traject that wrote it.
    pub pid: u32,
    pub host: String,
    /// When, in seconds since 1970.
    pub written: u64,
    /// The case file it belongs to; none for a case never saved.
    #[serde(default)]
    pub file: Option<PathBuf>,
    /// The name the title showed.
    pub origin: String,
    /// What the case file held when it was read.
    #[serde(default)]
    pub based_on: Option<Fingerprint>,
    /// The case as it was in memory, unsaved changes and all.
    pub case: Case,
}

impl RecoveryData {
    /// The state of a case as this process has it now.
    pub fn now(
        file: Option<&Path>,
        origin: &str,
        based_on: Option<Fingerprint>,
        case: Case,
    ) -> RecoveryData {
        RecoveryData {
            format: FORMAT,
            pid: std::process::id(),
            host: hostname(),
            written: unix_now(),
            file: file.map(absolute),
            origin: origin.to_string(),
            based_on,
            case,
        }
    }

    /// Whether the traject that wrote it still runs (on this machine, since
    /// the last boot): then the file is that traject's, in use.
    pub fn in_use(&self) -> bool {
        self.host == hostname()
            && boot_time().is_none_or(|boot| self.written >= boot)
            && other_instance_alive(self.pid)
    }
}

/// A recovery file found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// The recovery file itself.
    pub path: PathBuf,
    pub data: RecoveryData,
}

/// An absolute form of a path (the canonical one when it exists), so that
/// `jan.ron` and `./jan.ron` are the same case.
fn absolute(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| std::path::absolute(path).unwrap_or(path.into()))
}

/// The start of the names of recovery files of a case file (a hash of its
/// absolute path: the name of the file says nothing about the student).
fn stem_for(file: Option<&Path>) -> String {
    match file {
        Some(f) => sha256_hex(absolute(f).as_os_str().as_encoded_bytes())[..16].to_string(),
        None => "nieuw".to_string(),
    }
}

/// A new, unused name for a recovery file of `file` in `dir`.
pub fn new_path(dir: &Path, file: Option<&Path>) -> PathBuf {
    let stem = stem_for(file);
    let pid = std::process::id();
    let now = unix_now();
    (0u32..)
        .map(|n| dir.join(format!("{stem}-{pid}-{now}-{n}.ron")))
        .find(|p| fs::symlink_metadata(p).is_err())
        .expect("some name is free")
}

/// Writes a recovery file (replacing it atomically, mode 0600), making the
/// directory (0700) first.
pub fn write(path: &Path, data: &RecoveryData) -> io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "geen map"))?;
    create_private_dir(dir)?;
    let mut text = String::from(HEADER);
    text.push_str(&crate::casefile::to_ron(data));
    text.push('\n');
    replace_via_temp(dir, path, text.as_bytes(), PRIVATE_MODE_OR_0)
}

/// Reads one recovery file.
pub fn read(path: &Path) -> Result<Recovery, crate::casefile::ParseError> {
    let (bytes, _) = crate::casefile::read_regular(path)?;
    let text = crate::casefile::decode(path, bytes)?;
    let data: RecoveryData = crate::casefile::parse_ron(path, &text)?;
    Ok(Recovery {
        path: path.to_path_buf(),
        data,
    })
}

/// Every readable recovery file in `dir` whose name passes `name_ok`,
/// not in use by a running traject, newest first.
fn find(dir: &Path, name_ok: impl Fn(&str) -> bool) -> Vec<Recovery> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Recovery> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(".ron") && name_ok(&name)
        })
        .filter_map(|e| read(&e.path()).ok())
        .filter(|r| r.data.format == FORMAT && !r.data.in_use())
        .collect();
    found.sort_by_key(|r| std::cmp::Reverse(r.data.written));
    found
}

/// The recovery files of the case file at `file`, newest first.
pub fn for_case(dir: &Path, file: &Path) -> Vec<Recovery> {
    let own = absolute(file);
    let prefix = format!("{}-", stem_for(Some(file)));
    find(dir, |name| name.starts_with(&prefix))
        .into_iter()
        .filter(|r| r.data.file.as_deref() == Some(own.as_path()))
        .collect()
}

/// Recovery files no case file will offer: of cases never saved, or whose
/// case file is gone. Newest first.
pub fn unattached(dir: &Path) -> Vec<Recovery> {
    find(dir, |_| true)
        .into_iter()
        .filter(|r| r.data.file.as_deref().is_none_or(|f| !f.exists()))
        .collect()
}

/// Removes a recovery file (gone already is fine).
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(file: Option<&Path>, name: &str) -> RecoveryData {
        RecoveryData::now(file, "jan.ron", None, Case::new(name))
    }

    #[test]
    fn a_recovery_file_is_private_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let herstel = dir.path().join("herstel");
        let case = dir.path().join("jan.ron");
        fs::write(&case, "x").unwrap();
        let path = new_path(&herstel, Some(&case));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.contains("jan"), "{name}");
        write(&path, &data(Some(&case), "Jan Peeters")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(&herstel), 0o700);
        }
        let back = read(&path).unwrap();
        assert_eq!(back.data.case.student.name, "Jan Peeters");
        // Written by this very process: not "in use" by another traject.
        assert_eq!(for_case(&herstel, &case).len(), 1);
        assert!(for_case(&herstel, &dir.path().join("piet.ron")).is_empty());
        assert!(unattached(&herstel).is_empty());
        fs::remove_file(&case).unwrap();
        assert_eq!(unattached(&herstel).len(), 1, "its case file is gone");
        remove(&path).unwrap();
        remove(&path).unwrap();
        assert!(unattached(&herstel).is_empty());
    }

    #[test]
    fn a_recovery_of_a_running_traject_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let path = new_path(dir.path(), None);
        let mut d = data(None, "Nieuw");
        // pid 1 runs, but is not a traject: its file is not in use.
        d.pid = 1;
        write(&path, &d).unwrap();
        assert_eq!(unattached(dir.path()).len(), 1);
        d.pid = 999_999_999;
        write(&path, &d).unwrap();
        assert_eq!(unattached(dir.path()).len(), 1);
    }
}
