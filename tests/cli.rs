//! The command line as scripts use it: exit statuses, stdout and stderr.

use std::process::{Command, Output};

/// The binary, without the user configuration, data and state of whoever
/// runs the tests.
fn traject(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_traject"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent/traject-tests")
        .env("XDG_DATA_HOME", "/nonexistent/traject-tests")
        .env("XDG_STATE_HOME", "/nonexistent/traject-tests")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn check_json_exits_0_without_errors_and_1_with_errors() {
    let ok = traject(&["check", "tests/cases/S01.ron", "--json"]);
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(json(&ok)["leerkrediet"]["balance"], 188);
    let bad = traject(&["check", "tests/cases/S15.ron", "--json"]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        json(&bad)["errors"][0]["code"],
        "second-chance-after-credit"
    );
}

#[test]
fn as_of_extends_the_ledger_and_refuses_an_earlier_year() {
    let out = traject(&[
        "check",
        "tests/cases/S16.ron",
        "--json",
        "--as-of",
        "2022-2023",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["as_of"], "2022-2023");
    assert_eq!(v["leerkrediet"]["years"].as_array().unwrap().len(), 6);
    assert_eq!(v["leerkrediet"]["balance"], 40);
    let early = traject(&[
        "check",
        "tests/cases/S16.ron",
        "--json",
        "--as-of",
        "2016-2017",
    ]);
    assert_eq!(early.status.code(), Some(2));
    assert!(early.stdout.is_empty());
    assert!(String::from_utf8_lossy(&early.stderr).contains("vóór het laatste academiejaar"));
    let malformed = traject(&["check", "tests/cases/S16.ron", "--as-of", "2021"]);
    assert_eq!(malformed.status.code(), Some(2));
}

#[test]
fn a_missing_file_is_exit_2_with_its_name() {
    let out = traject(&["check", "tests/cases/bestaat-niet.ron", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("tests/cases/bestaat-niet.ron: "));
}

#[test]
fn a_rules_directory_replaces_the_thresholds_wherever_the_option_stands() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/rules/thresholds.ron"
    ))
    .unwrap();
    std::fs::write(
        dir.path().join("thresholds.ron"),
        text.replace("initial_balance: 140", "initial_balance: 100"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    for args in [
        vec!["--rules-dir", d, "check", "tests/cases/S01.ron", "--json"],
        vec!["check", "--rules-dir", d, "tests/cases/S01.ron", "--json"],
    ] {
        let out = traject(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(json(&out)["leerkrediet"]["balance"], 148);
    }
}

#[test]
fn the_text_summary_is_dutch_and_names_articles() {
    let out = traject(&["check", "tests/cases/S02.ron", "--explain"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("LEERKREDIET (Art. 8.1)"));
    assert!(text.contains("Art. 8.1 §6"));
    assert!(text.contains("[Art. 13.1] 2017-2018"));
}

#[test]
fn check_of_a_directory_reports_every_file_and_goes_on_after_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::copy(
        format!("{root}/tests/cases/S01.ron"),
        dir.path().join("a.ron"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy(
        format!("{root}/tests/cases/S15.ron"),
        dir.path().join("sub/b.ron"),
    )
    .unwrap();
    std::fs::copy(
        format!("{root}/tests/malformed/truncated.ron"),
        dir.path().join("c.ron"),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.ron.bak"), "not a case").unwrap();
    let d = dir.path().to_str().unwrap();

    let out = traject(&["check", d]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("3 dossiers: 1 zonder fouten, 1 met fouten, 1 onleesbaar"),
        "{text}"
    );
    assert!(
        text.contains("c.ron:14:75: het bestand houdt onverwacht op"),
        "{text}"
    );
    // Piped: no progress bar on stderr.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = traject(&["check", d, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let status: Vec<(String, u64)> = lines
        .iter()
        .map(|l| {
            (
                l["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                l["status"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        status,
        vec![
            ("a.ron".into(), 0),
            ("c.ron".into(), 2),
            ("b.ron".into(), 1)
        ]
    );
    assert_eq!(lines[0]["check"]["leerkrediet"]["balance"], 188);
    assert!(lines[1]["check"].is_null());
}

#[test]
fn the_countdown_compares_today_with_the_coming_deadlines() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut case =
        traject::casefile::load_case(std::path::Path::new(&format!("{root}/tests/cases/S01.ron")))
            .unwrap();
    for u in &mut case.years[0].enrolments[0].units {
        u.first = None;
        u.second = None;
    }
    let path = dir.path().join("lopend.ron");
    std::fs::write(&path, traject::casefile::case_to_string(&case)).unwrap();
    let p = path.to_str().unwrap();
    let text =
        |today: &str| String::from_utf8(traject(&["check", p, "--today", today]).stdout).unwrap();
    let before = text("2017-10-23");
    assert!(before.contains("AFTELLEN (vandaag 23-10-2017"), "{before}");
    assert!(before.contains("vandaag                            23-10-2017 (nog   0 d.): verlies   0 SP, bij overstap 0"), "{before}");
    let after = text("2017-10-24");
    assert!(after.contains("vandaag                            24-10-2017 (nog   0 d.): verlies  60 SP, bij overstap 0"), "{after}");
    // Outside the case's years there is nothing to count down.
    assert!(!text("2019-10-01").contains("AFTELLEN"));
}

#[test]
fn rules_in_the_configuration_directory_are_used_without_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("traject/rules");
    std::fs::create_dir_all(&rules).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/rules/thresholds.ron"
    ))
    .unwrap();
    std::fs::write(
        rules.join("thresholds.ron"),
        text.replace("initial_balance: 140", "initial_balance: 100"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_traject"))
        .args(["check", "tests/cases/S01.ron", "--json"])
        .env("XDG_CONFIG_HOME", dir.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["leerkrediet"]["balance"], 148);
}
