//! Every rule parameter shipped in `assets/rules/` is pinned by the case
//! files (issue 14): each number one more and one less, each date one day
//! earlier and one day later, each academic year one year earlier and one
//! later, each unit of a no-tolerance list left out, and at least one case
//! file under `tests/cases/` must give other figures, warnings or errors
//! than its expectation states. A variant the
//! loader refuses (a month 13, a day 0) counts as refused, not as missed.
//!
//! The variants are laid over a copy of the shipped files and loaded with
//! `params::load_only`, the way a user rules directory is: nothing is
//! rebuilt, so this runs with every `cargo test`.
//!
//! One parameter only words an explanation and changes no figure a case
//! file can state ([`WORDING_ONLY`]); a unit test pins its text, and
//! `tests/mutants.sh named` checks that test.

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use serde_json::Value;
use traject::params::{Params, load_only};

mod harness;
use harness::{cases, expectation, judged};

/// Parameters that change only the wording of an explanation, with the
/// unit test that pins that wording.
const WORDING_ONLY: &[(&str, &str)] = &[(
    "trajectory_max_sp",
    "efficiency::tests::art_11_3_par3_the_trajectory_line_names_the_next_year_and_the_60_sp",
)];

/// One literal of a parameter file and what it may become.
#[derive(Debug)]
struct Site {
    /// Path under `assets/rules/`.
    file: PathBuf,
    /// The parameter (or calendar field) it belongs to.
    param: String,
    /// Line (1-based) and byte range of the literal in it.
    line: usize,
    range: std::ops::Range<usize>,
    original: String,
    variants: Vec<String>,
}

fn shifted_date(s: &str, forward: bool) -> Option<String> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let d = if forward {
        d.checked_add_days(Days::new(1))
    } else {
        d.checked_sub_days(Days::new(1))
    }?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// `"2013-2014"` → `"2012-2013"` and `"2014-2015"`.
fn shifted_years(s: &str) -> Option<Vec<String>> {
    let (a, b) = s.split_once('-')?;
    let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
    (a.to_string().len() == 4 && b == a + 1).then(|| {
        [-1, 1]
            .iter()
            .map(|k| format!("{}-{}", a + k, b + k))
            .collect()
    })
}

/// The literals of one line: dates anywhere, and after `value:` every
/// number outside a string and every academic year in a string of its own.
fn sites_of_line(file: &Path, param: &str, line_no: usize, line: &str, into: &mut Vec<Site>) {
    if line.trim_start().starts_with("//") {
        return;
    }
    // An entry of a no-tolerance list (18.3 §1 f): the variant leaves it
    // out.
    if param == "no_tolerance" && line.trim_start().starts_with("(name: ") {
        into.push(Site {
            file: file.to_path_buf(),
            param: param.to_string(),
            line: line_no,
            range: 0..line.len(),
            original: line.trim().to_string(),
            variants: vec![String::new()],
        });
        return;
    }
    let value_from = line.find("value:").map(|i| i + "value:".len());
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let end = i + 1 + line[i + 1..].find('"').unwrap_or(line.len() - i - 1);
            let inner = &line[i + 1..end];
            let variants = if let Some(next) = shifted_date(inner, true) {
                vec![shifted_date(inner, false).unwrap(), next]
            } else if value_from.is_some_and(|v| i >= v) {
                shifted_years(inner).unwrap_or_default()
            } else {
                vec![]
            };
            if !variants.is_empty() {
                into.push(Site {
                    file: file.to_path_buf(),
                    param: param.to_string(),
                    line: line_no,
                    range: i + 1..end,
                    original: inner.to_string(),
                    variants,
                });
            }
            i = end + 1;
        } else if bytes[i].is_ascii_digit() && value_from.is_some_and(|v| i >= v) {
            let end = i + line[i..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(line.len() - i);
            let n: i64 = line[i..end].parse().unwrap();
            let mut variants = vec![(n + 1).to_string()];
            if n > 0 {
                variants.insert(0, (n - 1).to_string());
            }
            into.push(Site {
                file: file.to_path_buf(),
                param: param.to_string(),
                line: line_no,
                range: i..end,
                original: line[i..end].to_string(),
                variants,
            });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The field a line opens in the file's outer tuple (four spaces in), as
/// `    trajectory_percent: (article: …`.
fn outer_field(line: &str) -> Option<&str> {
    let (key, _) = line
        .strip_prefix("    ")
        .filter(|l| !l.starts_with(' '))?
        .split_once(':')?;
    key.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
        .then_some(key)
}

/// Every `.ron` file under `dir`, as paths relative to it.
fn ron_files(dir: &Path, under: &Path, into: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir.join(under))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let rel = under.join(p.file_name().unwrap());
        if p.is_dir() {
            ron_files(dir, &rel, into);
        } else if p.extension().is_some_and(|x| x == "ron") {
            into.push(rel);
        }
    }
}

/// The case files judged with the shipped parameters (not those with a
/// `$rules_dir` of their own), with their expectations.
fn judged_files() -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    cases(&dir)
        .into_iter()
        .map(|f| {
            let e = expectation(&f).unwrap();
            (f, e)
        })
        .filter(|(_, e)| e.get("$rules_dir").is_none())
        .collect()
}

/// The first case file that disagrees with its expectation under `params`.
fn first_disagreeing(files: &[(PathBuf, Value)], params: &Params) -> Option<String> {
    files.iter().find_map(|(f, e)| {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        match judged(f, e, params) {
            Ok((_, problems)) if problems.is_empty() => None,
            Ok((_, problems)) => {
                let first: String = problems[0].chars().take(160).collect();
                Some(format!("{name} ({first})"))
            }
            Err(err) => Some(format!("{name} ({err})")),
        }
    })
}

#[test]
fn every_shipped_rule_parameter_is_pinned_by_a_case_file() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rules");
    let mut files = Vec::new();
    ron_files(&assets, Path::new(""), &mut files);
    let mut sites = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(assets.join(f)).unwrap();
        let mut param = "";
        for (n, line) in text.lines().enumerate() {
            param = outer_field(line).unwrap_or(param);
            sites_of_line(f, param, n + 1, line, &mut sites);
        }
    }
    let wording: Vec<&str> = WORDING_ONLY.iter().map(|(p, _)| *p).collect();
    for p in &wording {
        assert!(sites.iter().any(|s| s.param == *p), "no parameter {p}");
    }
    sites.retain(|s| !wording.contains(&s.param.as_str()));
    // The shipped set: the decree's 9 figures and 2 dates, the OER's 19
    // figures and years, the calendar's 2 limits and 11 grensdata, the 18
    // units of WT's no-tolerance lists.
    assert!(
        sites.len() >= 60,
        "only {} parameter literals found",
        sites.len()
    );

    let copy = tempfile::tempdir().unwrap();
    for f in &files {
        let to = copy.path().join(f);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(assets.join(f), &to).unwrap();
    }
    let cases = judged_files();
    assert!(cases.len() >= 19);
    // The copy as it is agrees with every case file, or every variant
    // would look caught.
    let unchanged = load_only(copy.path()).expect("the copy of the shipped rules loads");
    assert_eq!(first_disagreeing(&cases, &unchanged), None);

    let (mut caught, mut refused, mut missed) = (Vec::new(), Vec::new(), Vec::new());
    for site in &sites {
        let text = std::fs::read_to_string(assets.join(&site.file)).unwrap();
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        for v in &site.variants {
            let line = &text.lines().nth(site.line - 1).unwrap();
            lines[site.line - 1] = format!(
                "{}{v}{}",
                &line[..site.range.start],
                &line[site.range.end..]
            );
            std::fs::write(copy.path().join(&site.file), lines.join("\n")).unwrap();
            let v = if v.is_empty() {
                "(left out)"
            } else {
                v.as_str()
            };
            let what = format!(
                "{}:{} ({}): {} → {v}",
                site.file.display(),
                site.line,
                site.param,
                site.original
            );
            match load_only(copy.path()) {
                Err(e) => refused.push(format!("{what} (refused: {e})")),
                Ok(params) => match first_disagreeing(&cases, &params) {
                    Some(by) => caught.push(format!("{what}: {by}")),
                    None => missed.push(what),
                },
            }
        }
        std::fs::write(copy.path().join(&site.file), &text).unwrap();
    }
    println!(
        "parameter variants: {} caught, {} refused by the loader, {} missed",
        caught.len(),
        refused.len(),
        missed.len()
    );
    for c in caught.iter().chain(&refused) {
        println!("  {c}");
    }
    for (param, test) in WORDING_ONLY {
        println!("  {param}: wording only, pinned by {test}");
    }
    assert!(
        missed.is_empty(),
        "{} of {} variants of the shipped rule parameters change no case file's figures:\n  {}",
        missed.len(),
        caught.len() + refused.len() + missed.len(),
        missed.join("\n  ")
    );
}
