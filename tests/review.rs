//! The overview of a directory of demo and generated cases: the findings
//! and the order, as `traject check DIR --json` gives them (the same rows
//! and order as the case list).

use std::path::Path;

mod home;
use home::Home;

/// Each case with the title of its most serious finding, in the expected
/// order (today 2018-02-10: 2017-2018 is in progress).
const EXPECTED: &[(&str, &str)] = &[
    ("kapot.ron", "Onleesbaar: "),
    ("S19b.ron", "Inschrijving geweigerd (2017-2018)"),
    ("S04.ron", "Bindende voorwaarden mogelijk (2017-2018)"),
    ("S11.ron", "Bindende voorwaarden te vermijden: nog 12 SP"),
    ("S27.ron", "Bindende voorwaarden te vermijden: nog 6 SP"),
    ("S19a.ron", "Leerkrediet laag (20)"),
    ("V01-grade-21.ron", "1 fout in het dossier"),
    ("gen-twee-fouten.ron", "2 fouten in het dossier"),
    ("S01.ron", ""),
    ("gen-s01-kopie.ron", ""),
];

#[test]
fn findings_and_order_of_demo_and_generated_cases() {
    let dir = tempfile::tempdir().unwrap();
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    for (name, _) in EXPECTED {
        let from = cases.join(name);
        if from.exists() {
            std::fs::copy(&from, dir.path().join(name)).unwrap();
        }
    }
    // Generated: a broken file, a copy of S01 under another name (same
    // figures: the name breaks the tie), and S01 with two grades of 21.
    std::fs::write(dir.path().join("kapot.ron"), "(kapot").unwrap();
    let s01 = std::fs::read_to_string(cases.join("S01.ron")).unwrap();
    std::fs::write(
        dir.path().join("gen-s01-kopie.ron"),
        s01.replacen("S01 FAQ-voorbeeld", "Zoë Kopie", 1),
    )
    .unwrap();
    // Two grades over 20: two errors in the case.
    let twice = s01
        .replacen("first: 12", "first: 21", 1)
        .replacen("first: 13", "first: 23", 1);
    std::fs::write(dir.path().join("gen-twee-fouten.ron"), twice).unwrap();

    let out = Home::new()
        .traject()
        .args([
            "check",
            dir.path().to_str().unwrap(),
            "--json",
            "--today",
            "2018-02-10",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let got: Vec<(String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let file = v["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            let finding = v["overview"]["finding"].as_str().unwrap_or("").to_string();
            (file, finding)
        })
        .collect();
    assert_eq!(got.len(), EXPECTED.len(), "{got:#?}");
    for ((file, finding), (want_file, want)) in got.iter().zip(EXPECTED) {
        assert_eq!(file, want_file, "{got:#?}");
        assert!(
            finding.starts_with(want) && (!want.is_empty() || finding.is_empty()),
            "{file}: {finding:?}, expected {want:?}"
        );
    }
}
