//! The command line as scripts use it: exit statuses, stdout and stderr.

use std::process::Output;

mod home;
use home::Home;

/// The binary in a home of its own, without the user configuration, data
/// and state of whoever runs the tests.
fn traject(args: &[&str]) -> Output {
    Home::new()
        .traject()
        .args(args)
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

/// A rules directory that adds AP's regulation of 2016-2017: the same
/// values as 2017-2018, but binding conditions below 85 %.
fn rules_dir_with_2016(dir: &std::path::Path) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/rules/institutions/AP/oer.ron"
    ))
    .unwrap()
    .replace(
        "(from: \"2017-2018\", to: \"2017-2018\"",
        "(from: \"2016-2017\", to: \"2016-2017\"",
    );
    let text = text.replace(
        "(from: \"2016-2017\", to: \"2016-2017\", value: 60)",
        "(from: \"2016-2017\", to: \"2016-2017\", value: PERCENT)",
    );
    // Only binding_conditions_percent changes: the first PERCENT is it.
    let text = text
        .replacen("value: PERCENT", "value: 85", 1)
        .replace("value: PERCENT", "value: 60");
    let ap = dir.join("institutions/AP");
    std::fs::create_dir_all(&ap).unwrap();
    std::fs::write(ap.join("oer.ron"), text).unwrap();
}

#[test]
fn a_rules_directory_adds_a_year_wherever_the_option_stands() {
    let dir = tempfile::tempdir().unwrap();
    rules_dir_with_2016(dir.path());
    let d = dir.path().to_str().unwrap();
    // Without it, 2016-2017 (48 of 60, 80 %) is judged by the 2017-2018
    // regulation (60 %): only 2017-2018 (6 of 12) gives binding conditions.
    let plain = traject(&["check", "tests/cases/S03.ron", "--json"]);
    let w = &json(&plain)["warnings"];
    assert_eq!(w.as_array().unwrap().len(), 1, "{w}");
    assert_eq!(w[0]["year"], "2017-2018");
    for args in [
        vec!["--rules-dir", d, "check", "tests/cases/S03.ron", "--json"],
        vec!["check", "--rules-dir", d, "tests/cases/S03.ron", "--json"],
    ] {
        let out = traject(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // With it, 2016-2017 has its own 85 %: 80 % is not enough.
        let w = &json(&out)["warnings"];
        assert_eq!(w.as_array().unwrap().len(), 2, "{w}");
        assert_eq!(w[0]["code"], "binding-conditions");
        assert_eq!(w[0]["year"], "2016-2017");
        assert_eq!(w[1]["year"], "2017-2018");
    }
}

#[test]
fn the_text_summary_is_dutch_and_names_articles() {
    let out = traject(&["check", "tests/cases/S02.ron", "--explain"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("LEERKREDIET (Art. 8.1)"));
    assert!(text.contains("Art. 8.1 §6"));
    assert!(text.contains("Bindende voorwaarden mogelijk: 2017-2018"));
    assert!(text.contains("(Art. 13.1)"));
    assert!(
        !text.contains("binding-conditions"),
        "codes are not shown: {text}"
    );
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
    // In the order of the case list: the unreadable file, the errors, the
    // rest.
    assert_eq!(
        status,
        vec![
            ("c.ron".into(), 2),
            ("b.ron".into(), 1),
            ("a.ron".into(), 0)
        ]
    );
    assert_eq!(lines[2]["check"]["leerkrediet"]["balance"], 188);
    assert_eq!(lines[2]["overview"]["balance"], 188);
    assert!(lines[2]["overview"]["finding"].is_null());
    assert!(lines[0]["check"].is_null());
    assert!(
        lines[0]["overview"]["finding"]
            .as_str()
            .unwrap()
            .starts_with("Onleesbaar: ")
    );
    assert!(
        lines[1]["overview"]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f.as_str().unwrap().contains("in het dossier")),
        "{}",
        lines[1]["overview"]
    );

    // CSV for a spreadsheet: a header, one record per case, the same order.
    let out = traject(&["check", d, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut csv = text.lines();
    assert_eq!(
        csv.next(),
        Some(
            "dossier,naam,studentnr,jaar,saldo,SE vorig jaar,tolerantie over,bevinding,bewaard,fouten"
        )
    );
    let files: Vec<&str> = csv
        .map(|l| l.split(',').next().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(files, ["c.ron", "b.ron", "a.ron"]);
    // Not for one case.
    let one = format!("{d}/a.ron");
    assert_eq!(
        traject(&["check", &one, "--format", "csv"]).status.code(),
        Some(2)
    );
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
    let home = Home::new();
    rules_dir_with_2016(&home.config().join("traject/rules"));
    let out = home
        .traject()
        .args(["check", "tests/cases/S03.ron", "--json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["warnings"][0]["year"], "2016-2017");
}

#[test]
fn check_scenario_gives_that_scenarios_object_and_refuses_an_unknown_name() {
    let out = traject(&[
        "check",
        "tests/cases/W01.ron",
        "--json",
        "--scenario",
        "September: 12 voor Analytische chemie 1",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["leerkrediet"]["balance"], 200);
    assert!(v.get("scenarios").is_none());
    // A programme of the scenario's own is in its object, not in the base's.
    let out = traject(&[
        "check",
        "tests/cases/W02-switch-in-scenario.ron",
        "--json",
        "--scenario",
        "Overstap naar Vastgoed in november",
    ]);
    assert_eq!(json(&out)["programmes"][1]["programme"], "Vastgoed");
    let base = traject(&["check", "tests/cases/W02-switch-in-scenario.ron", "--json"]);
    assert_eq!(json(&base)["programmes"].as_array().unwrap().len(), 1);
    // An unknown name: exit 2, nothing on stdout, the names that exist.
    let out = traject(&[
        "check",
        "tests/cases/W01.ron",
        "--json",
        "--scenario",
        "Nee",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("tests/cases/W01.ron: geen scenario «Nee»; het dossier heeft «September: 12 voor Analytische chemie 1», «Tolereren» en «Volgend jaar opnieuw»"),
        "{err}"
    );
    let none = traject(&["check", "tests/cases/S01.ron", "--scenario", "X"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("geen scenario's"));
}

#[test]
fn check_all_scenarios_adds_each_scenario_with_its_changes_and_result() {
    let out = traject(&["check", "tests/cases/W01.ron", "--json", "--all-scenarios"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    // The base object is unchanged.
    assert_eq!(v["leerkrediet"]["balance"], 188);
    let s = v["scenarios"].as_array().unwrap();
    assert_eq!(s.len(), 3);
    assert_eq!(s[0]["name"], "September: 12 voor Analytische chemie 1");
    assert_eq!(
        s[0]["changes"],
        serde_json::json!(["CH-AC1 in 2017-2018: 2e kans 12"])
    );
    assert_eq!(s[0]["stale"], serde_json::json!([]));
    assert_eq!(s[0]["result"]["leerkrediet"]["balance"], 200);
    assert!(s[0]["result"].get("scenarios").is_none());
    assert_eq!(s[2]["result"]["as_of"], "2018-2019");
    assert_eq!(s[2]["result"]["leerkrediet"]["balance"], 182);
    // Without the flag there is no key.
    let plain = traject(&["check", "tests/cases/W01.ron", "--json"]);
    assert!(json(&plain).get("scenarios").is_none());
}

/// W01 with a scenario that names a unit the case does not have, and one
/// that changes nothing.
fn w01_with_stale_and_idle_scenarios(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/W01.ron"))
        .unwrap();
    let extra = r#"scenarios: [
        (
            name: "Weg",
            changes: [
                Tolerate(year: "2017-2018", programme: "CH", code: "CH-WEG", tolerated: true),
                SetResult(year: "2017-2018", programme: "CH", code: "CH-AC1", chance: Second, mark: 12),
            ],
        ),
        (
            name: "Niets",
            changes: [
                SetResult(year: "2017-2018", programme: "CH", code: "CH-FYS", chance: First, mark: 13),
            ],
        ),"#;
    let path = dir.join("w01.ron");
    std::fs::write(&path, text.replacen("scenarios: [", extra, 1)).unwrap();
    path
}

#[test]
fn check_all_scenarios_lists_stale_changes_and_says_when_nothing_differs() {
    let dir = tempfile::tempdir().unwrap();
    let path = w01_with_stale_and_idle_scenarios(dir.path());
    let p = path.to_str().unwrap();
    let v = json(&traject(&["check", p, "--json", "--all-scenarios"]));
    let s = &v["scenarios"][0];
    assert_eq!(s["name"], "Weg");
    assert_eq!(s["changes"].as_array().unwrap().len(), 2);
    assert_eq!(
        s["stale"],
        serde_json::json!(["CH-WEG in 2017-2018: getolereerd"])
    );
    assert_eq!(s["result"]["leerkrediet"]["balance"], 200);
    let out = traject(&["check", p, "--all-scenarios"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("SCENARIO'S: 5 scenario's"), "{text}");
    assert!(
        text.contains("- CH-WEG in 2017-2018: getolereerd  (past niet meer op de basis)"),
        "{text}"
    );
    assert!(
        text.contains("  Leerkrediet: saldo 188 → 200 (+12)"),
        "{text}"
    );
    let niets = text.split("«Niets»").nth(1).unwrap();
    assert!(
        niets
            .lines()
            .nth(2)
            .unwrap()
            .contains("geen verschil met de basis"),
        "{text}"
    );
}

#[test]
fn check_scenario_in_text_says_which_scenario_it_is() {
    let out = traject(&["check", "tests/cases/W01.ron", "--scenario", "Tolereren"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("SCENARIO «Tolereren» (1 wijziging; de basis blijft ongewijzigd)\n  - CH-AC1 in 2017-2018: getolereerd\n"),
        "{text}"
    );
    assert!(text.contains("6 getolereerd"), "{text}");
}

#[test]
fn scenario_options_are_for_one_case_and_exclude_each_other() {
    let dir = traject(&["check", "tests/cases", "--all-scenarios"]);
    assert_eq!(dir.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&dir.stderr).contains("gelden voor één dossier"));
    let both = traject(&[
        "check",
        "tests/cases/W01.ron",
        "--scenario",
        "Tolereren",
        "--all-scenarios",
    ]);
    assert_eq!(both.status.code(), Some(2));
    assert!(both.stdout.is_empty());
}

/// A case with an empty enrolment in Chemie 2017-2018 (the benchmark of
/// issue 10), for `traject import`.
const SARA_CASE: &str = include_str!("tui/cases/sara-leeg.ron");

/// The six units of the benchmark as a Dutch spreadsheet exports them
/// (semicolons, a header, decimal commas).
const SARA_ROWS: &str = "Code;Omschrijving;Studiepunten;Semester;1e kans;2e kans\n\
                         CHEM-ALG;Algemene chemie;6;sem 1;12;\n\
                         WISK1;Wiskunde 1;6;sem 1;8;11\n\
                         FYS;Fysica;6;sem 1;7;9\n\
                         LAB;Labo 1;3;sem 2;14,0;\n\
                         BIO;Biologie;6;sem 2;9;8\n\
                         ENG;Engels;3;sem 2;10;\n";

fn import_in(dir: &std::path::Path, rows: &str, year: &str, programme: &str) -> Output {
    let case = dir.join("sara.ron");
    let file = dir.join("rijen.csv");
    std::fs::write(&file, rows).unwrap();
    traject(&[
        "import",
        file.to_str().unwrap(),
        "--case",
        case.to_str().unwrap(),
        "--year",
        year,
        "--programme",
        programme,
    ])
}

#[test]
fn import_adds_the_rows_saves_with_a_backup_and_the_case_computes() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("sara.ron");
    std::fs::write(&case, SARA_CASE).unwrap();
    let out = import_in(dir.path(), SARA_ROWS, "2017-2018", "CH");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("6 opleidingsonderdelen toegevoegd aan CH in 2017-2018"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sara.ron.bak")).unwrap(),
        SARA_CASE
    );
    let saved = traject::casefile::load_case(&case).unwrap();
    let units = &saved.years[0].enrolments[0].units;
    let codes: Vec<&str> = units.iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, ["CHEM-ALG", "WISK1", "FYS", "LAB", "BIO", "ENG"]);
    assert_eq!(units[3].sp, 3);
    assert_eq!(units[3].period, traject::model::Period::S2);
    assert_eq!(units[1].second, Some(traject::model::Mark::whole(11)));
    // The file stays ISO and the case is computed: 140 − 30 taken + 18
    // credits + 18 back for the first credits (FYS 9 and BIO 8 are not
    // passed).
    assert!(
        std::fs::read_to_string(&case)
            .unwrap()
            .contains("\"2017-09-25\"")
    );
    let check = traject(&["check", case.to_str().unwrap(), "--json"]);
    assert_eq!(check.status.code(), Some(0));
    assert_eq!(json(&check)["leerkrediet"]["balance"], 146);
}

#[test]
fn import_refuses_every_row_when_one_is_wrong_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("sara.ron");
    std::fs::write(&case, SARA_CASE).unwrap();
    let rows = "CHEM-ALG\tAlgemene chemie\t6\tsem 1\t12\n\
                WISK1\tWiskunde 1\tzes\tsem 1\t8\t11\n\
                FYS\tFysica\t6\tsem 3\t7\t9\n";
    let out = import_in(dir.path(), rows, "2017-2018", "CH");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("rij 2, kolom SP: ‘zes’"), "{stderr}");
    assert!(stderr.contains("rij 3, kolom periode: ‘sem 3’"), "{stderr}");
    assert!(
        stderr.contains("niets toegevoegd") && stderr.contains("3 rijen, 1 goed, 2 met fouten"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&case).unwrap(), SARA_CASE);
    assert!(!dir.path().join("sara.ron.bak").exists());
    // A second import of rows already there is refused the same way.
    std::fs::write(&case, SARA_CASE).unwrap();
    assert_eq!(
        import_in(dir.path(), SARA_ROWS, "2017-2018", "CH")
            .status
            .code(),
        Some(0)
    );
    let again = import_in(dir.path(), SARA_ROWS, "2017-2018", "CH");
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("staat al in 2017-2018 (CH)"));
}

#[test]
fn import_usage_and_file_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sara.ron"), SARA_CASE).unwrap();
    for (rows, year, programme, says) in [
        (SARA_ROWS, "2018-2019", "CH", "geen academiejaar 2018-2019"),
        (SARA_ROWS, "2017-2018", "BIO", "geen inschrijving in BIO"),
        (
            "naam;periode\nFysica;1\n",
            "2017-2018",
            "CH",
            "geen kolom code",
        ),
        ("", "2017-2018", "CH", "geen rijen"),
    ] {
        let out = import_in(dir.path(), rows, year, programme);
        assert_eq!(out.status.code(), Some(2), "{says}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(says),
            "{says}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let missing = traject(&[
        "import",
        "/nonexistent/rijen.csv",
        "--case",
        "tests/cases/S01.ron",
        "--year",
        "2017-2018",
        "--programme",
        "CH",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    let no_year = traject(&["import", "x.csv", "--case", "tests/cases/S01.ron"]);
    assert_eq!(no_year.status.code(), Some(2));
}
