//! Where case files live and how they are written: atomic saves with a
//! backup, an advisory lock per case, the list of cases in a directory, the
//! program's directories and safe file names for new cases.
//!
//! Next to a case `NAME.ron` this module may create:
//!
//! - `NAME.ron.bak`: the previous content, replaced at every save that
//!   changes the file;
//! - `.NAME.ron.lock`: who has the case open (`pid=`, `host=`, `since=`);
//! - `.NAME.ron.tmp-<pid>-<n>` (and `.NAME.ron.bak.tmp-<pid>-<n>`): temporary
//!   files that only exist during a save; one left by an interrupted save
//!   is removed at the next save or open ([`remove_leftovers`]).
//!
//! Recovery files of unsaved changes live in the state directory
//! ([`recovery`]).
//!
//! Every file it creates has mode 0600 and every directory 0700
//! ([`create_private_dir`]): file names and contents are students' data.
//!
//! Errors meant for the user are in Dutch and say what failed and where.

mod fingerprint;
mod leftovers;
mod list;
mod lock;
mod names;
mod process;
pub mod recovery;
mod save;

pub use fingerprint::{Fingerprint, sha256_hex};
pub use leftovers::remove_leftovers;
pub use list::{CaseEntry, case_paths, list_cases};
pub use lock::{CaseLock, LockHeld, force_lock, lock_case, lock_path};
pub use names::{
    config_dir, create_private_dir, default_data_dir, own_private_dir, project_dirs, state_dir,
    suggest_file_name, unique_path,
};
pub use process::other_instance_alive;
pub use save::{backup_path, save_atomic};

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(unix)]
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};

/// Mode of case files, backups and temporary files: only the owner may read
/// or write them (they hold personal data of students).
#[cfg(unix)]
const PRIVATE_MODE: u32 = 0o600;

/// [`PRIVATE_MODE`] where modes exist, 0 elsewhere.
#[cfg(unix)]
const PRIVATE_MODE_OR_0: u32 = PRIVATE_MODE;
#[cfg(not(unix))]
const PRIVATE_MODE_OR_0: u32 = 0;

/// A save or lock operation that failed. Every variant names the file and
/// the operating system's reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The new content could not be written (to the temporary file next to
    /// the case).
    #[error("kan {} niet bewaren: {message}", path.display())]
    Write {
        /// The case file that was being saved.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The current content of the case file could not be read (needed for the
    /// backup).
    #[error("kan {} niet lezen om een reservekopie te maken: {message}", path.display())]
    Read {
        /// The case file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The backup `NAME.ron.bak` could not be written.
    #[error("kan de reservekopie {} niet maken: {message}", path.display())]
    Backup {
        /// The backup file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The temporary file could not replace the case file.
    #[error("kan {} niet vervangen door de nieuwe versie: {message}", path.display())]
    Rename {
        /// The case file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The case file was replaced, but the directory could not be flushed to
    /// disk; after a crash the old version may come back.
    #[error(
        "{} is bewaard, maar de map kon niet naar schijf geschreven worden: {message}",
        path.display()
    )]
    Sync {
        /// The case file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The lock file could not be taken over.
    #[error("kan het slot {} niet overnemen: {message}", path.display())]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
}

// ---------------------------------------------------------------------------
// Writing files through a temporary file (shared by saves and locks)
// ---------------------------------------------------------------------------

/// Counter that makes temporary file names unique within this process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The directory a path lies in (`.` for a bare file name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file name of a path as text, or an error naming the path.
fn file_name_of(path: &Path) -> io::Result<String> {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "geen bestandsnaam"))
}

/// Opens options for a new private file (`create_new`, mode 0600 on unix).
fn new_file_options(mode: u32) -> OpenOptions {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    opts.mode(mode);
    #[cfg(not(unix))]
    let _ = mode;
    opts
}

/// Sets the mode of an open file (unix only; a no-op elsewhere).
fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    file.set_permissions(fs::Permissions::from_mode(mode))?;
    #[cfg(not(unix))]
    let _ = (file, mode);
    Ok(())
}

/// Writes `bytes` to a new, uniquely named temporary file `.NAME.tmp-<pid>-<n>`
/// in `dir` (mode `mode` set before writing) and flushes it to disk. On
/// failure the temporary file is removed.
fn write_temp(dir: &Path, name: &str, bytes: &[u8], mode: u32) -> io::Result<PathBuf> {
    let pid = std::process::id();
    let mut attempts = 0;
    let (tmp, mut file) = loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.tmp-{pid}-{n}"));
        match new_file_options(mode).open(&tmp) {
            Ok(file) => break (tmp, file),
            // Left over from an earlier process with the same pid.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => {
                attempts += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let written = set_mode(&file, mode)
        .and_then(|()| file.write_all(bytes))
        .and_then(|()| file.sync_all());
    drop(file);
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Flushes a directory's entries (renames) to disk. File systems that cannot
/// sync a directory (`EINVAL`) are not an error.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        match File::open(dir).and_then(|d| d.sync_all()) {
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok(()),
            other => other,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Replaces `target` by `bytes` through a temporary file in `dir` and a
/// rename; the temporary file never survives a failure.
fn replace_via_temp(dir: &Path, target: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let name = file_name_of(target)?;
    let tmp = write_temp(dir, &name, bytes, mode)?;
    fs::rename(&tmp, target).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod test_support {
    use std::fs;
    use std::path::Path;

    use crate::casefile;
    use crate::model::Case;

    pub(super) fn case_text(name: &str) -> String {
        casefile::case_to_string(&Case::new(name))
    }

    /// Files in `dir` whose name contains `.tmp-`.
    pub(super) fn temp_files(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_messages_name_the_file_in_dutch() {
        let e = StoreError::Write {
            path: PathBuf::from("/x/y.ron"),
            message: "Permission denied (os error 13)".to_string(),
        };
        assert_eq!(
            e.to_string(),
            "kan /x/y.ron niet bewaren: Permission denied (os error 13)"
        );
        let held = LockHeld {
            pid: 1234,
            since: 0,
        };
        assert_eq!(
            held.to_string(),
            "dit dossier is al geopend in een ander venster van traject (proces 1234)"
        );
    }
}
