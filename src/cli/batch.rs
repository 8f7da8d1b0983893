//! `traject check DIR`: every case file below a directory, with a progress
//! bar on a terminal, a table or JSON lines, and a non-zero exit when any
//! case has errors or cannot be read.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::model::AcademicYear;
use crate::params::Params;
use crate::report::{CheckJson, check_json};
use crate::rules::compute;
use crate::sanitize::one_line;

/// What a walk below a directory found: the case files to check and what
/// it passed by.
#[derive(Debug, Default)]
pub struct Found {
    /// Every `*.ron` entry (not hidden, not a backup), sorted; also those
    /// that are no regular file, so that the check names them.
    pub files: Vec<PathBuf>,
    /// What was not followed or could not be read, with the reason.
    pub skipped: Vec<Skipped>,
}

/// Something the walk did not go into.
#[derive(Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    /// Why, in Dutch.
    pub why: String,
    /// Whether cases may have been missed (an unreadable directory).
    pub missed: bool,
}

/// The identity of a file: device and inode (unix), or the canonical path.
fn identity(path: &Path, meta: &std::fs::Metadata) -> (u64, u64, PathBuf) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        (meta.dev(), meta.ino(), PathBuf::new())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        (
            0,
            0,
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        )
    }
}

/// Every `*.ron` case file below `dir` (not hidden, not backups), sorted.
///
/// Symbolic links are followed, but every directory and every file is
/// visited once: a link back into the tree (a loop) or to something seen
/// before is passed by and named in [`Found::skipped`].
pub fn case_files(dir: &Path) -> Found {
    use std::collections::HashSet;
    let mut found = Found::default();
    let mut seen = HashSet::new();
    if let Ok(meta) = std::fs::metadata(dir) {
        seen.insert(identity(dir, &meta));
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                found.skipped.push(Skipped {
                    path: d,
                    why: format!("map niet gelezen: {}", crate::os_error::dutch(&e)),
                    missed: true,
                });
                continue;
            }
        };
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue; // locks, temporary files, hidden files
            }
            let is_case = name.ends_with(".ron");
            let link = e.file_type().is_ok_and(|t| t.is_symlink());
            let meta = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(_) if is_case => {
                    // The check says why it cannot be read.
                    found.files.push(path);
                    continue;
                }
                Err(err) => {
                    if link {
                        found.skipped.push(Skipped {
                            path,
                            why: format!("link niet gevolgd: {}", crate::os_error::dutch(&err)),
                            missed: false,
                        });
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                if seen.insert(identity(&path, &meta)) {
                    stack.push(path);
                } else {
                    found.skipped.push(Skipped {
                        path,
                        why: "link naar een map die al doorlopen wordt (een lus of een tweede weg); niet nog eens gevolgd".to_string(),
                        missed: false,
                    });
                }
            } else if is_case {
                if !meta.is_file() || seen.insert(identity(&path, &meta)) {
                    found.files.push(path);
                } else {
                    found.skipped.push(Skipped {
                        path,
                        why: "hetzelfde bestand als een ander dossier in de lijst (een link); één keer gecontroleerd".to_string(),
                        missed: false,
                    });
                }
            }
        }
    }
    found.files.sort();
    found.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// One line of `--json` output.
#[derive(Serialize)]
struct JsonLine<'a> {
    file: String,
    /// 0: no errors, 1: errors in the case, 2: cannot be read.
    status: u8,
    message: Option<String>,
    check: Option<&'a CheckJson>,
}

/// The outcome of one file.
struct Row {
    file: String,
    status: u8,
    student: String,
    balance: Option<i64>,
    warnings: usize,
    errors: usize,
    message: Option<String>,
    json: Option<CheckJson>,
}

fn check_one(params: &Params, path: &Path, as_of: Option<AcademicYear>) -> Row {
    let file = path.display().to_string();
    let loaded = match crate::casefile::load(path) {
        Ok(c) => c,
        Err(e) => {
            return Row {
                file,
                status: 2,
                student: String::new(),
                balance: None,
                warnings: 0,
                errors: 0,
                message: Some(e.to_string()),
                json: None,
            };
        }
    };
    let as_of = match super::as_of_of(path, &loaded, as_of) {
        Ok(y) => y,
        Err(e) => {
            return Row {
                file,
                status: 2,
                student: loaded.case.student.name,
                balance: None,
                warnings: 0,
                errors: 0,
                message: Some(e),
                json: None,
            };
        }
    };
    let case = loaded.case;
    let o = compute(&case, params, as_of);
    Row {
        file,
        status: u8::from(!o.errors.is_empty()),
        student: case.student.name.clone(),
        balance: Some(o.ledger.balance),
        warnings: o.warnings.len(),
        errors: o.errors.len(),
        message: o.errors.first().map(|e| format!("{}: {}", e.place, e.msg)),
        json: Some(check_json(&o)),
    }
}

/// Checks every case file below `dir`.
pub fn check_dir(params: &Params, dir: &Path, json: bool, as_of: Option<AcademicYear>) -> ExitCode {
    let Found { files, skipped } = case_files(dir);
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(files.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} dossiers {msg}")
                .expect("a valid template")
                .progress_chars("█▉ "),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let mut rows = Vec::with_capacity(files.len());
    for f in &files {
        bar.set_message(
            f.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
        );
        let row = check_one(params, f, as_of);
        if json {
            let line = JsonLine {
                file: row.file.clone(),
                status: row.status,
                message: row.message.clone(),
                check: row.json.as_ref(),
            };
            let text = serde_json::to_string(&line).expect("JSON of a check");
            if bar
                .suspend(|| super::out_json(&format!("{text}\n")))
                .is_err()
            {
                return ExitCode::from(1); // stdout closed (a pipe): stop quietly
            }
        }
        rows.push(row);
        bar.inc(1);
    }
    bar.finish_and_clear();
    if !json && super::out(&table(&rows)).is_err() {
        return ExitCode::from(1);
    }
    for s in &skipped {
        super::err(&format!("overgeslagen: {}: {}", s.path.display(), s.why));
    }
    if rows.iter().any(|r| r.status != 0) || skipped.iter().any(|s| s.missed) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The table of a batch, one line per case; names and messages on one line
/// each, without control characters.
fn table(rows: &[Row]) -> String {
    let mut s = String::new();
    let width = rows
        .iter()
        .map(|r| one_line(&r.file).chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    s.push_str(&format!(
        "{:<width$}  {:<28} {:>6} {:>7} {:>6}  {}\n",
        "dossier", "student", "saldo", "waarsch", "fouten", "eerste fout"
    ));
    for r in rows {
        let balance = r
            .balance
            .map(|b| b.to_string())
            .unwrap_or_else(|| "—".into());
        let student: String = one_line(&r.student).chars().take(28).collect();
        s.push_str(&format!(
            "{:<width$}  {:<28} {:>6} {:>7} {:>6}  {}\n",
            one_line(&r.file),
            student,
            balance,
            r.warnings,
            r.errors,
            one_line(r.message.as_deref().unwrap_or_default())
        ));
    }
    let unreadable = rows.iter().filter(|r| r.status == 2).count();
    let with_errors = rows.iter().filter(|r| r.status == 1).count();
    s.push_str(&format!(
        "{} dossiers: {} zonder fouten, {} met fouten, {} onleesbaar\n",
        rows.len(),
        rows.len() - unreadable - with_errors,
        with_errors,
        unreadable
    ));
    s
}
