//! `traject check DIR`: every case file below a directory, with a progress
//! bar on a terminal, a table or JSON lines, and a non-zero exit when any
//! case has errors or cannot be read.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::dutch::review as dutch;
use crate::model::{AcademicYear, Date};
use crate::params::Params;
use crate::report::{CheckJson, check_json};
use crate::review::{self, Finding, Overview};
use crate::rules::{compute_on, percent_or_dash};
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

/// How `check DIR` prints its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table in Dutch, for a terminal.
    Table,
    /// CSV with a header line (for a spreadsheet).
    Csv,
    /// One JSON object per line (`--json`).
    Json,
}

/// The overview of a case in a `--json` line (added to the keys of
/// CHECK-JSON.md, which keep their meaning).
#[derive(Serialize)]
struct OverviewJson {
    name: String,
    number: String,
    year: Option<String>,
    balance: Option<i64>,
    /// The balance if every pending unit gets a credit, while a year runs.
    ceiling: Option<i64>,
    /// The last year's study efficiency in percent (two decimals).
    last_se: Option<f64>,
    /// Tolerance credit left, in SP.
    tolerance_left: Option<f64>,
    /// The most serious finding's Dutch title, `null` when there is none.
    finding: Option<String>,
    /// Every finding's Dutch title, most serious first.
    findings: Vec<String>,
    /// When the file was last saved (local time, ISO).
    saved: Option<String>,
}

/// One line of `--json` output.
#[derive(Serialize)]
struct JsonLine<'a> {
    file: String,
    /// 0: no errors, 1: errors in the case, 2: cannot be read.
    status: u8,
    message: Option<String>,
    check: Option<&'a CheckJson>,
    overview: OverviewJson,
}

/// The outcome of one file.
struct Row {
    file: String,
    status: u8,
    message: Option<String>,
    json: Option<CheckJson>,
    overview: Overview,
}

fn check_one(params: &Params, path: &Path, as_of: Option<AcademicYear>, today: Date) -> Row {
    let file = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.clone());
    let saved = std::fs::metadata(path)
        .ok()
        .as_ref()
        .and_then(review::saved_of);
    let failed = |message: String| {
        let mut overview = review::unreadable(&name, &message);
        overview.saved = saved;
        Row {
            file: file.clone(),
            status: 2,
            message: Some(message),
            json: None,
            overview,
        }
    };
    let loaded = match crate::casefile::load(path) {
        Ok(c) => c,
        Err(e) => return failed(e.to_string()),
    };
    let as_of = match super::as_of_of(path, &loaded, as_of) {
        Ok(y) => y,
        Err(e) => return failed(e),
    };
    let case = loaded.case;
    let o = compute_on(&case, params, as_of, Some(today));
    let mut overview = review::overview(&case, &o);
    overview.file = name;
    overview.saved = saved;
    Row {
        file,
        status: u8::from(!o.errors.is_empty()),
        message: o.errors.first().map(|e| format!("{}: {}", e.place, e.msg)),
        json: Some(check_json(&o)),
        overview,
    }
}

/// Checks every case file below `dir`, judged on `today`; the rows in the
/// order of the case list (the most serious finding first, then the
/// lowest balance).
pub fn check_dir(
    params: &Params,
    dir: &Path,
    format: Format,
    as_of: Option<AcademicYear>,
    today: Date,
) -> ExitCode {
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
        rows.push(check_one(params, f, as_of, today));
        bar.inc(1);
    }
    bar.finish_and_clear();
    rows.sort_by(|a, b| {
        review::compare(&a.overview, &b.overview).then_with(|| a.file.cmp(&b.file))
    });
    let written = match format {
        Format::Json => super::out_json(&json_lines(&rows)),
        Format::Csv => super::out(&csv_text(&rows)),
        Format::Table => super::out(&table(&rows)),
    };
    if written.is_err() {
        return ExitCode::from(1); // stdout closed (a pipe): stop quietly
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

/// The cells of a row, in Dutch, as the table and the CSV show them.
struct Cells {
    name: String,
    number: String,
    year: String,
    balance: String,
    se: String,
    tolerance: String,
    finding: String,
    saved: String,
}

/// The Dutch cells of an overview row (`—` where nothing is known).
pub fn cells_of(o: &Overview) -> [String; 8] {
    let dash = || "—".to_string();
    let readable = !matches!(o.finding(), Finding::Unreadable { .. });
    [
        o.name.clone(),
        o.number.clone(),
        o.year.map(|y| y.to_string()).unwrap_or_else(dash),
        if readable {
            match o.ceiling {
                Some(c) => format!("{} (≤{c})", o.balance),
                None => o.balance.to_string(),
            }
        } else {
            dash()
        },
        percent_or_dash(o.last_se),
        o.tolerance_left
            .map(crate::rules::hundredths_dutch)
            .unwrap_or_else(dash),
        dutch::finding(o.finding()),
        o.saved
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(dash),
    ]
}

fn cells(r: &Row) -> Cells {
    let [name, number, year, balance, se, tolerance, finding, saved] =
        cells_of(&r.overview).map(|c| one_line(&c));
    Cells {
        name,
        number,
        year,
        balance,
        se,
        tolerance,
        finding,
        saved,
    }
}

/// The column titles, in Dutch.
pub const TITLES: [&str; 8] = [
    "naam",
    "studentnr",
    "jaar",
    "saldo",
    "SE vorig jaar",
    "tolerantie over",
    "bevinding",
    "bewaard",
];

fn json_lines(rows: &[Row]) -> String {
    let mut s = String::new();
    for r in rows {
        let o = &r.overview;
        let readable = r.status != 2;
        let line = JsonLine {
            file: r.file.clone(),
            status: r.status,
            message: r.message.clone(),
            check: r.json.as_ref(),
            overview: OverviewJson {
                name: o.name.clone(),
                number: o.number.clone(),
                year: o.year.map(|y| y.to_string()),
                balance: readable.then_some(o.balance),
                ceiling: o.ceiling,
                last_se: o.last_se.map(|r| r.percent_2()),
                tolerance_left: o.tolerance_left.map(|h| h as f64 / 100.0),
                finding: o
                    .finding()
                    .needs_attention()
                    .then(|| dutch::finding(o.finding())),
                findings: o
                    .findings
                    .iter()
                    .filter(|f| f.needs_attention())
                    .map(dutch::finding)
                    .collect(),
                saved: o.saved.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
            },
        };
        s.push_str(&serde_json::to_string(&line).expect("JSON of a check"));
        s.push('\n');
    }
    s
}

fn csv_text(rows: &[Row]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["dossier"];
    header.extend(TITLES);
    header.push("fouten");
    let _ = w.write_record(&header);
    for r in rows {
        let c = cells(r);
        let errors = match r.status {
            0 => String::new(),
            _ => one_line(r.message.as_deref().unwrap_or_default()),
        };
        let _ = w.write_record([
            &one_line(&r.file),
            &c.name,
            &c.number,
            &c.year,
            &c.balance,
            &c.se,
            &c.tolerance,
            &c.finding,
            &c.saved,
            &errors,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The table of a batch, one line per case in the order of the case list,
/// the counts above; names and messages on one line each, without control
/// characters.
fn table(rows: &[Row]) -> String {
    let all: Vec<Cells> = rows.iter().map(cells).collect();
    let w = |f: fn(&Cells) -> &String, title: &str| {
        all.iter()
            .map(|c| f(c).chars().count())
            .max()
            .unwrap_or(0)
            .max(title.chars().count())
    };
    let name_w = w(|c| &c.name, TITLES[0]).min(28);
    let number_w = w(|c| &c.number, TITLES[1]);
    let year_w = w(|c| &c.year, TITLES[2]);
    let balance_w = w(|c| &c.balance, TITLES[3]);
    let se_w = w(|c| &c.se, TITLES[4]);
    let tol_w = w(|c| &c.tolerance, TITLES[5]);
    let saved_w = w(|c| &c.saved, TITLES[7]);
    let line = |c: [&str; 8]| {
        let name: String = c[0].chars().take(name_w).collect();
        format!(
            "{name:<name_w$}  {:<number_w$}  {:<year_w$}  {:>balance_w$}  {:>se_w$}  {:>tol_w$}  {:<saved_w$}  {}\n",
            c[1], c[2], c[3], c[4], c[5], c[7], c[6]
        )
    };
    let mut s = String::new();
    s.push_str(&dutch::counts(&review::counts(
        rows.iter().map(|r| &r.overview),
    )));
    s.push('\n');
    s.push_str(&line(TITLES));
    for c in &all {
        s.push_str(&line([
            &c.name,
            &c.number,
            &c.year,
            &c.balance,
            &c.se,
            &c.tolerance,
            &c.finding,
            &c.saved,
        ]));
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
