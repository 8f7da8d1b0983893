//! `traject check DIR`: every case file below a directory, with a progress
//! bar on a terminal, a table or JSON lines, and a non-zero exit when any
//! case has errors or cannot be read.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::casefile::load_case;
use crate::model::AcademicYear;
use crate::params::Params;
use crate::report::{CheckJson, check_json};
use crate::rules::{compute, resolve_as_of};

/// Every `*.ron` case file below `dir` (not hidden, not backups), sorted.
pub fn case_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "ron") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
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
    let case = match load_case(path) {
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
    let as_of = match resolve_as_of(&case, as_of) {
        Ok(y) => y,
        Err(e) => {
            return Row {
                file,
                status: 2,
                student: case.student.name,
                balance: None,
                warnings: 0,
                errors: 0,
                message: Some(e),
                json: None,
            };
        }
    };
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
    let files = case_files(dir);
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
            if bar.suspend(|| super::out(&format!("{text}\n"))).is_err() {
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
    if rows.iter().any(|r| r.status != 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn table(rows: &[Row]) -> String {
    let mut s = String::new();
    let width = rows
        .iter()
        .map(|r| r.file.chars().count())
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
        let student: String = r.student.chars().take(28).collect();
        s.push_str(&format!(
            "{:<width$}  {:<28} {:>6} {:>7} {:>6}  {}\n",
            r.file,
            student,
            balance,
            r.warnings,
            r.errors,
            r.message.clone().unwrap_or_default()
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
