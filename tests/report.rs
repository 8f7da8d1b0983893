//! The student report: a Markdown snapshot, and an HTML file that stands on
//! its own and prints well.

use std::path::Path;
use std::process::Command;

use traject::casefile::load_case;
use traject::params::Params;
use traject::report::{report_html, report_markdown};

fn w01() -> traject::model::Case {
    load_case(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/W01.ron")).unwrap()
}

fn today() -> traject::model::Date {
    "2018-09-20".parse().unwrap()
}

#[test]
fn markdown_report_with_scenarios() {
    let md = report_markdown(&w01(), &Params::default(), None, today()).unwrap();
    insta::assert_snapshot!("w01_report_md", md);
}

#[test]
fn markdown_report_of_one_scenario() {
    let md = report_markdown(&w01(), &Params::default(), Some("Tolereren"), today()).unwrap();
    assert!(
        md.starts_with("# Leerkrediet, tolerantie en studie-efficiëntie — scenario «Tolereren»")
    );
    assert!(md.contains("Dit is een scenario"));
    assert!(md.contains("| 2017-2018 | CH-AC1 Analytische chemie 1 | 6 | 9 | getolereerd |"));
    let err =
        report_markdown(&w01(), &Params::default(), Some("Bestaat niet"), today()).unwrap_err();
    assert!(err.contains("Tolereren"), "{err}");
}

#[test]
fn html_report_is_self_contained_and_printable() {
    let html = report_html(&w01(), &Params::default(), None, today()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains("@media print"));
    for external in ["http://", "https://", "<link", "<script", "src=", "@import"] {
        assert!(
            !html.contains(external),
            "the report refers outside itself: {external}"
        );
    }
    // The scenarios compared, with the differing balance highlighted.
    assert!(html.contains("<th>September: 12 voor Analytische chemie 1</th>"));
    assert!(html.contains("<tr class=\"hl\"><td>Leerkrediet: saldo</td><td>188</td><td>200</td><td>188</td><td>182</td></tr>"));
    // Text is escaped.
    let mut c = w01();
    c.student.name = "A <b>&</b>".into();
    let html = report_html(&c, &Params::default(), None, today()).unwrap();
    assert!(html.contains("A &lt;b&gt;&amp;&lt;/b&gt;"));
}

#[test]
fn report_command_writes_md_or_html() {
    let out = Command::new(env!("CARGO_BIN_EXE_traject"))
        .args([
            "report",
            "tests/cases/W01.ron",
            "--format",
            "html",
            "--today",
            "2018-09-20",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("</html>"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("verslag.md");
    let out = Command::new(env!("CARGO_BIN_EXE_traject"))
        .args([
            "report",
            "tests/cases/W01.ron",
            "--scenario",
            "Tolereren",
            "-o",
        ])
        .arg(&file)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("scenario «Tolereren»")
    );
    let out = Command::new(env!("CARGO_BIN_EXE_traject"))
        .args(["report", "tests/cases/W01.ron", "--scenario", "Onbekend"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_scenario_that_adds_a_year_after_the_cases_as_of_shows_it() {
    let mut case = w01();
    case.as_of = Some("2017-2018".parse().unwrap());
    let md = report_markdown(
        &case,
        &Params::default(),
        Some("Volgend jaar opnieuw"),
        today(),
    )
    .unwrap();
    assert!(
        md.contains("| 2018-2019 | 188 | 0 | -6 | 0 | 0 | 0 | 0 | 182 |"),
        "{md}"
    );
}
