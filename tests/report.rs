//! The student report: a Markdown snapshot, and an HTML file that stands on
//! its own and prints well.

use std::path::Path;

mod home;
use home::Home;

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
        md.starts_with("# Je leerkrediet, tolerantie en studie-efficiëntie — scenario «Tolereren»")
    );
    assert!(md.contains("Dit is een scenario"));
    assert!(md.contains("| 2017-2018 | CH-AC1 Analytische chemie 1 | 6 | 9 | getolereerd |"));
    // Compared with the situation now: only what differs is highlighted.
    assert!(md.contains("Je begeleider bekeek 1 scenario:"), "{md}");
    assert!(md.contains("| saldo | 188 | 188 |"), "{md}");
    assert!(
        md.contains("| tolerantie over | 6,0 van 6,0 | **0,0 van 6,0 (-6,0)** |"),
        "{md}"
    );
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
    // A4, a new page per section.
    assert!(html.contains("@page{size:A4"));
    assert!(html.contains("section{break-before:page}"));
    assert_eq!(html.matches("<section>").count(), 4);
    // The scenarios compared: the differing balance highlighted, the
    // values that differ in bold.
    assert!(html.contains("<th>September: 12 voor Analytische chemie 1</th>"));
    assert!(html.contains("<tr class=\"hl\"><td>saldo</td><td>188</td><td class=\"strong\">200 (+12)</td><td>188</td><td class=\"strong\">182 (-6)</td></tr>"), "{html}");
    // Text from the case is escaped.
    let mut c = w01();
    c.student.name = "A <b>&</b>".into();
    let html = report_html(&c, &Params::default(), None, today()).unwrap();
    assert!(html.contains("A &lt;b&gt;&amp;&lt;/b&gt;"));
}

#[test]
fn report_command_writes_md_or_html() {
    let out = Home::new()
        .traject()
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
    let out = Home::new()
        .traject()
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
    let out = Home::new()
        .traject()
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
        md.contains("| 2018-2019 | 188 | -6 | 0 | 0 | 182 |"),
        "{md}"
    );
}

/// Every demo case and every scenario of it, as a report.
fn every_report() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    for f in files {
        let case = load_case(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        out.push((
            name.clone(),
            report_markdown(&case, &Params::default(), None, today()).unwrap(),
        ));
        for s in &case.scenarios {
            out.push((
                format!("{name} «{}»", s.name),
                report_markdown(&case, &Params::default(), Some(&s.name), today()).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn every_report_speaks_to_the_student_in_one_voice() {
    for (name, md) in every_report() {
        let lower = md.to_lowercase();
        for third in ["de student ", "de student,", "een student ", "de student."] {
            assert!(!lower.contains(third), "{name}: \"{third}\" in\n{md}");
        }
        // No row of zeros, no codes of warnings.
        assert!(!md.contains("fouten in het dossier"), "{name}");
        assert!(!md.contains("binding-conditions"), "{name}");
        assert!(!md.contains("1 scenario's"), "{name}");
    }
}

#[test]
fn a_scenario_without_effect_is_said_so_and_gets_no_column() {
    let mut case = w01();
    case.scenarios.push(traject::model::Scenario {
        name: "Fysica opnieuw 13".into(),
        note: String::new(),
        changes: vec![traject::model::Change::SetResult {
            year: "2017-2018".parse().unwrap(),
            programme: "CH".into(),
            code: "CH-FYS".into(),
            chance: traject::model::Chance::First,
            mark: Some(traject::model::Mark::whole(13)),
        }],
    });
    let md = report_markdown(&case, &Params::default(), None, today()).unwrap();
    assert!(md.contains("Je begeleider bekeek 4 scenario's"), "{md}");
    assert!(
        md.contains("«Fysica opnieuw 13» verandert niets aan je cijfers."),
        "{md}"
    );
    assert!(!md.contains("| Fysica opnieuw 13 |"), "{md}");
}

#[test]
fn names_from_the_case_are_escaped_in_markdown_and_html() {
    let mut case = w01();
    case.student.name = "<script>alert(1)</script> *Jan* [x](y)".into();
    case.scenarios[1].name = "<img src=x onerror=alert(1)> | Tolereren".into();
    let md = report_markdown(&case, &Params::default(), None, today()).unwrap();
    // Every < is escaped: no raw HTML passes.
    assert!(
        md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')),
        "{md}"
    );
    assert!(
        md.contains(r"\<script\>alert(1)\</script\> \*Jan\* \[x\](y)"),
        "{md}"
    );
    assert!(
        md.contains(r"\<img src=x onerror=alert(1)\> \| Tolereren"),
        "{md}"
    );
    let html = report_html(&case, &Params::default(), None, today()).unwrap();
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; | Tolereren"));
}
