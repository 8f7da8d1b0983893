//! One harness for every case file under `tests/cases/`: each `NAME.ron`
//! is computed and compared with `NAME.expect.json`.
//!
//! The expectation is a part of the `traject check --json` object: every
//! key it has must be in the result with an equal value; objects are
//! compared key by key (keys not named are free), arrays element by element
//! and must have the same length. Keys starting with `$` are the
//! harness's own: `"$as_of"` (a year, as `--as-of` gives it), `"$today"`
//! (a date, as `--today` gives it: the year in progress), `"$exit"` (0 or
//! 1, the exit status `check` gives) and `"$scenarios"`.

use std::path::{Path, PathBuf};

use serde_json::Value;
use traject::casefile::load_case;
use traject::params::Params;
use traject::report::check_json;
use traject::rules::{compute, compute_on, resolve_as_of};

fn subset(expected: &Value, actual: &Value, path: &str, problems: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                if k.starts_with('$') {
                    continue;
                }
                match a.get(k) {
                    Some(av) => subset(ev, av, &format!("{path}.{k}"), problems),
                    None => problems.push(format!("{path}.{k}: missing in the result")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                problems.push(format!(
                    "{path}: {} elements expected, {} found: {}",
                    e.len(),
                    a.len(),
                    serde_json::to_string(actual).unwrap()
                ));
                return;
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, av, &format!("{path}[{i}]"), problems);
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            if e.as_f64() != a.as_f64() {
                problems.push(format!("{path}: expected {e}, found {a}"));
            }
        }
        (e, a) => {
            if e != a {
                problems.push(format!("{path}: expected {e}, found {a}"));
            }
        }
    }
}

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

fn run_case(path: &Path, params: &Params) -> Result<(), String> {
    let expect_path = path.with_extension("expect.json");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(&expect_path)
            .map_err(|e| format!("{}: {e}", expect_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", expect_path.display()))?;
    let case = load_case(path).map_err(|e| e.to_string())?;
    let as_of_arg = expected
        .get("$as_of")
        .and_then(Value::as_str)
        .map(|s| s.parse().unwrap());
    let as_of = resolve_as_of(&case, as_of_arg)?;
    let today = expected
        .get("$today")
        .and_then(Value::as_str)
        .map(|s| s.parse().unwrap());
    let outcome = compute_on(&case, params, as_of, today);
    let actual = serde_json::to_value(check_json(&outcome)).unwrap();
    let mut problems = Vec::new();
    subset(&expected, &actual, "", &mut problems);
    if let Some(Value::Object(scenarios)) = expected.get("$scenarios") {
        for (name, part) in scenarios {
            let Some(sc) = case.scenario(name) else {
                problems.push(format!(
                    "$scenarios: no scenario named {name:?} in the case"
                ));
                continue;
            };
            let (view, stale) = traject::model::apply_scenario(&case, sc);
            if !stale.is_empty() {
                problems.push(format!(
                    "scenario {name:?}: changes that do not apply: {stale:?}"
                ));
            }
            let as_of = resolve_as_of(&view, None)?;
            let o = compute(&view, params, as_of);
            let actual = serde_json::to_value(check_json(&o)).unwrap();
            subset(part, &actual, &format!("$scenarios.{name}"), &mut problems);
        }
    }
    if let Some(exit) = expected.get("$exit").and_then(Value::as_u64) {
        let got = u64::from(!outcome.errors.is_empty());
        if exit != got {
            problems.push(format!("exit status: expected {exit}, found {got}"));
        }
    }
    // The ledger identity of CHECK-JSON.md holds in every case file.
    for r in &outcome.ledger.rows {
        let sum: i64 = r.lines.iter().filter_map(|l| l.amount).sum();
        if r.end != r.start + r.rebuild - r.taken + r.refunded + r.acquired + r.bonus + r.master
            || sum != r.end - r.start
        {
            problems.push(format!("ledger identity broken in {}", r.year));
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
    let params = Params::default();
    let files = cases(&dir);
    assert!(
        files.len() >= 19,
        "the scenarios of SCENARIOS.md are missing"
    );
    let mut failures = Vec::new();
    for f in &files {
        if let Err(e) = run_case(f, &params) {
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
