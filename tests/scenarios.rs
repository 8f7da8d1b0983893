//! One harness for every case file under `tests/cases/`: each `NAME.ron`
//! is computed and compared with `NAME.expect.json`.
//!
//! The expectation is a part of the `traject check --json` object: every
//! key it has must be in the result with an equal value; objects are
//! compared key by key (keys not named are free), arrays element by element
//! and must have the same length. Keys starting with `$` are the
//! harness's own: `"$as_of"` (a year, as `--as-of` gives it), `"$today"`
//! (a date, as `--today` gives it: the year in progress), `"$rules_dir"`
//! (a directory of rule parameters next to the case files, as
//! `--rules-dir` gives it), `"$exit"` (0 or 1, the exit status the real
//! binary gives for `check --json`) and `"$scenarios"`.
//!
//! Completeness is the harness's rule, not an option: every expectation
//! (and every part of `$scenarios`) states `$exit` and its whole `warnings`
//! and `errors` lists, each warning with its `code`, `year` and `article`,
//! each error with its `code` and `where`. An extra or a missing warning or
//! error fails the file.

use std::path::{Path, PathBuf};

use serde_json::Value;
use traject::params::Params;

mod harness;
mod home;
use harness::{cases, complete, expectation, judged, subset};
use home::Home;

/// The rule parameters of a case file: the built-in ones, or those of its
/// `$rules_dir` laid over them.
fn params_of(path: &Path, expected: &Value) -> Result<(Params, Option<PathBuf>), String> {
    match expected.get("$rules_dir").and_then(Value::as_str) {
        Some(d) => {
            let dir = path.parent().unwrap().join(d);
            let params = traject::params::load_dir(&dir).map_err(|e| e.to_string())?;
            Ok((params, Some(dir)))
        }
        None => Ok((Params::default(), None)),
    }
}

/// Runs the real binary, `traject check FILE --json`, with the user's
/// configuration out of reach; gives its exit status and its JSON.
fn run_binary(
    path: &Path,
    expected: &Value,
    rules_dir: Option<&Path>,
) -> Result<(i32, Value), String> {
    let home = Home::new();
    let mut cmd = home.traject();
    cmd.arg("check").arg(path).arg("--json");
    // Without `$today`, every year is over: a date long after every case.
    let today = expected
        .get("$today")
        .and_then(Value::as_str)
        .unwrap_or("2999-01-01");
    cmd.args(["--today", today]);
    if let Some(y) = expected.get("$as_of").and_then(Value::as_str) {
        cmd.args(["--as-of", y]);
    }
    if let Some(d) = rules_dir {
        cmd.arg("--rules-dir").arg(d);
    }
    let out = cmd.output().map_err(|e| format!("traject check: {e}"))?;
    let code = out.status.code().unwrap_or(-1);
    let json = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "traject check gave no JSON (exit {code}): {e}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    Ok((code, json))
}

fn run_case(path: &Path) -> Result<(), String> {
    let expected = expectation(path)?;
    let (params, rules_dir) = params_of(path, &expected)?;
    let (actual, mut problems) = judged(path, &expected, &params)?;
    // `$exit` is the status of the real binary, whose JSON is the one
    // computed here (but for the date it was judged on).
    match expected.get("$exit").and_then(Value::as_i64) {
        None => problems.push("$exit: the expectation must state the exit status".into()),
        Some(exit) => {
            let (code, mut json) = run_binary(path, &expected, rules_dir.as_deref())?;
            if i64::from(code) != exit {
                problems.push(format!(
                    "exit status of traject check: expected {exit}, found {code}"
                ));
            }
            let mut ours = actual.clone();
            for j in [&mut json, &mut ours] {
                j.as_object_mut().unwrap().remove("today");
            }
            if json != ours {
                problems
                    .push("traject check --json gives other figures than the library".to_string());
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n  "))
    }
}

#[test]
fn every_case_file_gives_its_expected_figures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let files = cases(&dir);
    assert!(
        files.len() >= 19,
        "the scenarios of SCENARIOS.md are missing"
    );
    let mut failures = Vec::new();
    for f in &files {
        if let Err(e) = run_case(f) {
            failures.push(format!(
                "{}:\n  {e}",
                f.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} case files fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn demo_cases_are_the_scenario_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let demos = cases(&root.join("assets/examples"));
    assert!(!demos.is_empty());
    for d in demos {
        let twin = root.join("tests/cases").join(d.file_name().unwrap());
        assert_eq!(
            std::fs::read_to_string(&d).unwrap(),
            std::fs::read_to_string(&twin).unwrap_or_default(),
            "{} differs from its twin under tests/cases",
            d.display()
        );
    }
}

/// Every code a case file asserts, its scenarios included.
fn asserted_codes(part: &Value, into: &mut std::collections::BTreeSet<String>) {
    for list in ["warnings", "errors"] {
        for item in part
            .get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(code) = item.get("code").and_then(Value::as_str) {
                into.insert(code.to_string());
            }
        }
    }
    if let Some(Value::Object(scenarios)) = part.get("$scenarios") {
        for part in scenarios.values() {
            asserted_codes(part, into);
        }
    }
}

#[test]
fn every_code_is_asserted_by_some_case_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut seen = std::collections::BTreeSet::new();
    for f in cases(&dir) {
        asserted_codes(&expectation(&f).unwrap(), &mut seen);
    }
    let keys: Vec<&str> = traject::rules::Code::ALL.iter().map(|c| c.key()).collect();
    let never: Vec<&&str> = keys.iter().filter(|k| !seen.contains(**k)).collect();
    assert!(
        never.is_empty(),
        "{} of {} codes are asserted by no file under tests/cases: {never:?}",
        never.len(),
        keys.len()
    );
    let unknown: Vec<&String> = seen
        .iter()
        .filter(|s| !keys.contains(&s.as_str()))
        .collect();
    assert!(unknown.is_empty(), "codes that do not exist: {unknown:?}");
}

#[test]
fn the_harness_refuses_an_extra_a_missing_or_an_unnamed_finding() {
    let actual: Value = serde_json::json!({
        "warnings": [{ "code": "binding-conditions", "year": "2017-2018", "article": "Art. 13.1" }],
        "errors": []
    });
    let judge = |expected: Value| {
        let mut problems = Vec::new();
        complete(&expected, "", &mut problems);
        subset(&expected, &actual, "", &mut problems);
        problems
    };
    // Exactly right: no problem.
    let right = serde_json::json!({
        "warnings": [{ "code": "binding-conditions", "year": "2017-2018", "article": "Art. 13.1" }],
        "errors": []
    });
    assert_eq!(judge(right), Vec::<String>::new());
    // The warning not expected (an extra one in the result).
    assert!(!judge(serde_json::json!({ "warnings": [], "errors": [] })).is_empty());
    // An error expected that is not there.
    let missing = serde_json::json!({
        "warnings": [{ "code": "binding-conditions", "year": "2017-2018", "article": "Art. 13.1" }],
        "errors": [{ "code": "grade-out-of-range", "where": "2017-2018" }]
    });
    assert!(!judge(missing).is_empty());
    // The lists left out, or a warning without its year and article.
    assert!(!judge(serde_json::json!({ "errors": [] })).is_empty());
    assert!(
        !judge(serde_json::json!({ "warnings": [{ "code": "binding-conditions" }], "errors": [] }))
            .is_empty()
    );
}
