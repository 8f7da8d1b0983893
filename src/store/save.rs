//! Atomic saves of case files, with a backup of the previous content.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[cfg(unix)]
use super::PRIVATE_MODE;
use super::{StoreError, file_name_of, parent_dir, replace_via_temp, sync_dir, write_temp};

/// The backup path of a case: `NAME.ron.bak` next to it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves `contents` to `path` so that a failure never loses or changes what
/// was there.
///
/// The new content is written to a temporary file `.NAME.ron.tmp-<pid>-<n>`
/// in the same directory (mode 0600, set before writing) and flushed to
/// disk. When `path` already exists, its current bytes are then copied to
/// the backup `NAME.ron.bak` (mode 0600, written the same way, replacing the
/// previous backup). Then the temporary file is renamed over `path` and the
/// directory is flushed to disk.
///
/// When `contents` equals the file's current bytes nothing is written and no
/// backup is made. A symbolic link at `path` is followed: the file it points
/// to is replaced, the link stays. The directory must exist.
///
/// Temporary files an interrupted earlier save left next to `path` are
/// removed first ([`super::remove_leftovers`]).
///
/// On any failure the temporary files are removed and `path` is unchanged,
/// except for [`StoreError::Sync`], which comes after the new content is in
/// place.
pub fn save_atomic(path: &Path, contents: &str) -> Result<(), StoreError> {
    // Follow a symbolic link, so that the link is not replaced by a file.
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(p) => {
                resolved = p;
                resolved.as_path()
            }
            Err(_) => path,
        },
        _ => path,
    };
    // What an interrupted save left next to this file goes first.
    super::remove_leftovers(path);
    let write_err = |e: io::Error| StoreError::Write {
        path: path.to_path_buf(),
        message: crate::os_error::dutch(&e),
    };

    let current = match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                message: crate::os_error::dutch(&e),
            });
        }
    };
    if current.as_deref() == Some(contents.as_bytes()) {
        return Ok(());
    }

    let dir = parent_dir(path);
    let name = file_name_of(path).map_err(write_err)?;
    #[cfg(unix)]
    let mode = PRIVATE_MODE;
    #[cfg(not(unix))]
    let mode = 0;
    let tmp = write_temp(&dir, &name, contents.as_bytes(), mode).map_err(write_err)?;
    let cleanup = || {
        let _ = fs::remove_file(&tmp);
    };

    if let Some(old) = current {
        let bak = backup_path(path);
        let backed_up = replace_via_temp(&dir, &bak, &old, mode).and_then(|()| sync_dir(&dir));
        if let Err(e) = backed_up {
            cleanup();
            return Err(StoreError::Backup {
                path: bak,
                message: crate::os_error::dutch(&e),
            });
        }
    }

    if let Err(e) = fs::rename(&tmp, path) {
        cleanup();
        return Err(StoreError::Rename {
            path: path.to_path_buf(),
            message: crate::os_error::dutch(&e),
        });
    }

    sync_dir(&dir).map_err(|e| StoreError::Sync {
        path: path.to_path_buf(),
        message: crate::os_error::dutch(&e),
    })
}

#[cfg(test)]
mod tests {
    use std::fs::File;

    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt;

    use super::*;
    use crate::store::test_support::{case_text, temp_files};

    #[cfg(unix)]
    fn mode_of(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn save_creates_a_private_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let text = case_text("Jan");
        save_atomic(&path, &text).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
        #[cfg(unix)]
        assert_eq!(mode_of(&path), 0o600);
        assert!(!backup_path(&path).exists(), "no backup of nothing");
        assert!(temp_files(dir.path()).is_empty());
    }

    #[test]
    fn a_second_save_keeps_the_previous_content_in_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let first = case_text("Jan");
        let second = case_text("Jan Peeters");
        let third = case_text("Jan Peeters-Janssens");
        save_atomic(&path, &first).unwrap();
        save_atomic(&path, &second).unwrap();
        let bak = dir.path().join("jan.ron.bak");
        assert_eq!(fs::read_to_string(&path).unwrap(), second);
        assert_eq!(fs::read_to_string(&bak).unwrap(), first);
        #[cfg(unix)]
        assert_eq!(mode_of(&bak), 0o600);
        save_atomic(&path, &third).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), third);
        assert_eq!(fs::read_to_string(&bak).unwrap(), second);
        assert!(temp_files(dir.path()).is_empty());
    }

    #[test]
    fn saving_the_same_bytes_leaves_the_backup_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let first = case_text("Jan");
        let second = case_text("Jan Peeters");
        save_atomic(&path, &first).unwrap();
        save_atomic(&path, &second).unwrap();
        save_atomic(&path, &second).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), second);
        assert_eq!(
            fs::read_to_string(dir.path().join("jan.ron.bak")).unwrap(),
            first,
            "an unchanged save must not overwrite the backup"
        );
        // Same bytes on a file without backup: still no backup.
        let other = dir.path().join("piet.ron");
        save_atomic(&other, &first).unwrap();
        save_atomic(&other, &first).unwrap();
        assert!(!backup_path(&other).exists());
    }

    #[test]
    fn a_save_replaces_the_target_of_a_symbolic_link() {
        #[cfg(unix)]
        {
            let dir = tempfile::tempdir().unwrap();
            let real = dir.path().join("real.ron");
            let link = dir.path().join("link.ron");
            save_atomic(&real, "one").unwrap();
            std::os::unix::fs::symlink(&real, &link).unwrap();
            save_atomic(&link, "two").unwrap();
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(fs::read_to_string(&real).unwrap(), "two");
        }
    }

    /// A failed backup (its place is taken by a non-empty directory, which
    /// stops even root) leaves the case byte-identical and no temporary
    /// files.
    fn assert_failed_backup_keeps_original(dir: &Path, path: &Path, original: &[u8]) {
        let bak = backup_path(path);
        fs::create_dir(&bak).unwrap();
        fs::write(bak.join("x"), "x").unwrap();
        let err = save_atomic(path, "nieuw").unwrap_err();
        assert!(matches!(err, StoreError::Backup { .. }), "{err:?}");
        assert!(err.to_string().contains("reservekopie"), "{err}");
        assert!(
            err.to_string().contains(&bak.display().to_string()),
            "{err}"
        );
        assert_eq!(fs::read(path).unwrap(), original);
        assert!(temp_files(dir).is_empty(), "{:?}", temp_files(dir));
        fs::remove_dir_all(&bak).unwrap();
    }

    #[test]
    fn a_failed_backup_leaves_the_original_and_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let text = case_text("Jan");
        save_atomic(&path, &text).unwrap();
        assert_failed_backup_keeps_original(dir.path(), &path, text.as_bytes());
        // And afterwards saving works again.
        save_atomic(&path, "nieuw").unwrap();
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), text);
    }

    #[cfg(unix)]
    #[test]
    fn a_save_into_a_read_only_directory_fails_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let text = case_text("Jan");
        save_atomic(&path, &text).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).unwrap();

        // Root ignores permission bits: find out whether they hold here.
        let probe = dir.path().join("probe");
        let bits_hold = File::create(&probe).is_err();
        if bits_hold {
            let err = save_atomic(&path, &case_text("Piet")).unwrap_err();
            assert!(matches!(err, StoreError::Write { .. }), "{err:?}");
            let shown = err.to_string();
            assert!(shown.starts_with(&format!("kan {} niet bewaren: ", path.display())));
            assert!(shown.contains("geen toestemming"), "{shown}");
            assert_eq!(fs::read(&path).unwrap(), text.as_bytes());
            assert!(temp_files(dir.path()).is_empty());
            assert!(!backup_path(&path).exists());
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        } else {
            // Running as root: make the save fail another way.
            fs::remove_file(&probe).unwrap();
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
            assert_failed_backup_keeps_original(dir.path(), &path, text.as_bytes());
        }
    }

    #[test]
    fn a_save_into_a_missing_directory_fails_in_dutch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nergens").join("jan.ron");
        let err = save_atomic(&path, "x").unwrap_err();
        assert!(matches!(err, StoreError::Write { .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with(&format!("kan {} niet bewaren: ", path.display())),
            "{err}"
        );
    }
}
