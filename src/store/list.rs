//! The list of case files in a directory.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::casefile;

/// A case file in a directory, as shown in the list of cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseEntry {
    /// The file.
    pub path: PathBuf,
    /// Its file name, e.g. `jan-peeters.ron`.
    pub file_name: String,
    /// The student's name, when the file could be read as a case.
    pub student: Option<String>,
    /// When the file was last changed, when known.
    pub modified: Option<SystemTime>,
    /// Why the file could not be read as a case (`FILE:LINE:COL: message`),
    /// when it could not.
    pub problem: Option<String>,
}

/// Every case file (`*.ron`) directly in `dir`, sorted by file name.
///
/// Hidden files (lock and temporary files) and backups (`.bak`) are left
/// out, as are directories. Each file is read: `student` holds the
/// student's name, or `problem` says why the file is not a valid case. A
/// missing or unreadable directory gives an empty list.
pub fn list_cases(dir: &Path) -> Vec<CaseEntry> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut cases: Vec<CaseEntry> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name.starts_with('.') || !file_name.ends_with(".ron") {
                return None;
            }
            let path = entry.path();
            // Follows symbolic links: a link to a case file is listed.
            let meta = fs::metadata(&path).ok()?;
            if !meta.is_file() {
                return None;
            }
            let (student, problem) = match casefile::load_case(&path) {
                Ok(case) => (Some(case.student.name), None),
                Err(e) => (None, Some(e.to_string())),
            };
            Some(CaseEntry {
                path,
                file_name,
                student,
                modified: meta.modified().ok(),
                problem,
            })
        })
        .collect();
    cases.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    cases
}

/// Every case file (`*.ron`, not hidden, a regular file) directly in
/// `dir`, sorted by file name, without reading them (the case list shows
/// at once; the overview rows are computed off the UI thread).
pub fn case_paths(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            !n.starts_with('.') && n.ends_with(".ron")
        })
        .map(|e| e.path())
        .filter(|p| fs::metadata(p).is_ok_and(|m| m.is_file()))
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::case_text;

    #[test]
    fn list_cases_reads_names_and_problems() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("b-piet.ron"), case_text("Piet Peeters")).unwrap();
        fs::write(d.join("a-jan.ron"), case_text("Jan Janssens")).unwrap();
        fs::write(
            d.join("c-kapot.ron"),
            "(\n    format: 1,\n    colour: 3,\n)\n",
        )
        .unwrap();
        fs::write(d.join("a-jan.ron.bak"), case_text("Oud")).unwrap();
        fs::write(d.join(".verborgen.ron"), case_text("Verborgen")).unwrap();
        fs::write(d.join(".a-jan.ron.lock"), "pid=1\n").unwrap();
        fs::write(d.join("notities.txt"), "x").unwrap();
        fs::create_dir(d.join("map.ron")).unwrap();

        let cases = list_cases(d);
        let names: Vec<&str> = cases.iter().map(|c| c.file_name.as_str()).collect();
        assert_eq!(names, ["a-jan.ron", "b-piet.ron", "c-kapot.ron"]);
        assert_eq!(cases[0].student.as_deref(), Some("Jan Janssens"));
        assert_eq!(cases[0].path, d.join("a-jan.ron"));
        assert!(cases[0].problem.is_none());
        assert!(cases[0].modified.is_some());
        assert_eq!(cases[1].student.as_deref(), Some("Piet Peeters"));
        assert_eq!(cases[2].student, None);
        let problem = cases[2].problem.as_deref().unwrap();
        let place = format!("{}:3:5: ", d.join("c-kapot.ron").display());
        assert!(problem.starts_with(&place), "{problem}");
        assert!(problem.contains("colour"), "{problem}");
    }

    #[test]
    fn list_cases_of_a_missing_directory_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert!(list_cases(&dir.path().join("nergens")).is_empty());
    }
}
