//! Temporary files left by a save that was interrupted (`kill -9`, a power
//! cut): `.NAME.ron.tmp-<pid>-<n>`, `.NAME.ron.bak.tmp-<pid>-<n>` and
//! `.NAME.ron.lock.tmp-<pid>-<n>` next to the case. Each holds a whole
//! case; they are removed at the next save or open of that case, unless
//! the traject that made them still runs.

use std::fs;
use std::path::{Path, PathBuf};

use super::parent_dir;
use super::process::other_instance_alive;

/// The pid in a temporary file name `.<base>.tmp-<pid>-<n>` of one of the
/// names in `bases`, when it is one.
fn temp_pid(file_name: &str, bases: &[String]) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?;
    bases.iter().find_map(|base| {
        let tail = rest.strip_prefix(base.as_str())?.strip_prefix(".tmp-")?;
        let (pid, n) = tail.split_once('-')?;
        n.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| pid.parse().ok())
            .flatten()
    })
}

/// Removes the leftover temporary files of the case at `path` whose
/// traject no longer runs; returns the ones removed.
pub fn remove_leftovers(path: &Path) -> Vec<PathBuf> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let bases = [name.clone(), format!("{name}.bak"), format!(".{name}.lock")];
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for e in entries.flatten() {
        let file_name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = temp_pid(&file_name, &bases) else {
            continue;
        };
        let regular = e.file_type().is_ok_and(|t| t.is_file());
        if regular && !other_instance_alive(pid) && fs::remove_file(e.path()).is_ok() {
            removed.push(e.path());
        }
    }
    removed.sort();
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised_exactly() {
        let bases = ["jan.ron".to_string(), "jan.ron.bak".to_string()];
        assert_eq!(temp_pid(".jan.ron.tmp-123-4", &bases), Some(123));
        assert_eq!(temp_pid(".jan.ron.bak.tmp-9-0", &bases), Some(9));
        assert_eq!(temp_pid(".jan.ron.tmp-123-x", &bases), None);
        assert_eq!(temp_pid("jan.ron.tmp-123-4", &bases), None);
        assert_eq!(temp_pid(".piet.ron.tmp-1-1", &bases), None);
        assert_eq!(temp_pid(".jan.ron.lock", &bases), None);
    }

    #[test]
    fn leftovers_of_a_dead_save_go_and_others_stay() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let case = d.join("jan.ron");
        fs::write(&case, "x").unwrap();
        // pid 999999999 runs nowhere; our own pid between saves is a leftover too.
        let dead = d.join(".jan.ron.tmp-999999999-0");
        let bak = d.join(".jan.ron.bak.tmp-999999999-3");
        let ours = d.join(format!(".jan.ron.tmp-{}-7", std::process::id()));
        let other_case = d.join(".piet.ron.tmp-999999999-0");
        for p in [&dead, &bak, &ours, &other_case] {
            fs::write(p, "het hele dossier").unwrap();
        }
        let removed = remove_leftovers(&case);
        assert_eq!(removed.len(), 3, "{removed:?}");
        assert!(!dead.exists() && !bak.exists() && !ours.exists());
        assert!(other_case.exists(), "another case's files stay");
        assert!(case.exists());
    }
}
