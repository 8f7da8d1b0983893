//! The harness of the case files under `tests/cases/` (see
//! `tests/scenarios.rs`): each `NAME.ron` computed and compared with
//! `NAME.expect.json`, shared by the test targets that judge case files.

use std::path::{Path, PathBuf};

use serde_json::Value;
use traject::casefile::load_case;
use traject::params::Params;
use traject::report::check_json;
use traject::rules::{compute, compute_on, resolve_as_of};

/// Whether `actual` has every key of `expected` with an equal value
/// (arrays of the same length, element by element); the differences go
/// to `problems`, each with its path.
pub fn subset(expected: &Value, actual: &Value, path: &str, problems: &mut Vec<String>) {
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

/// The case files of a directory, in name order.
pub fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

/// The completeness rule: `part` states whole `warnings` and `errors`
/// lists, every element with the keys that identify it.
pub fn complete(part: &Value, path: &str, problems: &mut Vec<String>) {
    for (list, keys) in [
        ("warnings", &["code", "year", "article"][..]),
        ("errors", &["code", "where"][..]),
    ] {
        match part.get(list) {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    for k in keys {
                        if item.get(*k).is_none() {
                            problems.push(format!(
                                "{path}.{list}[{i}]: the expectation must state {k:?}"
                            ));
                        }
                    }
                }
            }
            _ => problems.push(format!(
                "{path}.{list}: the expectation must list every one ([] when none)"
            )),
        }
    }
}

/// The expectation of a case file.
pub fn expectation(path: &Path) -> Result<Value, String> {
    let expect_path = path.with_extension("expect.json");
    serde_json::from_str(
        &std::fs::read_to_string(&expect_path)
            .map_err(|e| format!("{}: {e}", expect_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", expect_path.display()))
}

/// A case file computed with `params`: its `check --json` object and the
/// problems — each figure, warning and error its expectation states that
/// the rules core does not give, and a broken ledger identity (none when
/// all agree).
pub fn judged(
    path: &Path,
    expected: &Value,
    params: &Params,
) -> Result<(Value, Vec<String>), String> {
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
    complete(expected, "", &mut problems);
    subset(expected, &actual, "", &mut problems);
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
            let at = format!("$scenarios.{name}");
            complete(part, &at, &mut problems);
            subset(part, &actual, &at, &mut problems);
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
    Ok((actual, problems))
}
