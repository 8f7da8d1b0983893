//! README.md stays true: its commented example case parses and computes
//! without errors, and the commands it gives exist.

use std::path::Path;

use traject::casefile::parse_case;
use traject::params::Params;
use traject::rules::{compute, resolve_as_of};

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn the_example_case_of_the_readme_is_a_valid_case() {
    let text = readme();
    let start = text.find("```ron\n").expect("a ron example") + 7;
    let end = start + text[start..].find("```").unwrap();
    let case =
        parse_case(Path::new("README.md"), &text[start..end]).unwrap_or_else(|e| panic!("{e}"));
    let o = compute(
        &case,
        &Params::default(),
        resolve_as_of(&case, None).unwrap(),
    );
    assert!(o.errors.is_empty(), "{:?}", o.errors);
    assert_eq!(case.years[0].enrolments[0].units.len(), 3);
    assert_eq!(case.scenarios.len(), 2);
    for s in &case.scenarios {
        let (_, stale) = traject::model::apply_scenario(&case, s);
        assert!(stale.is_empty(), "{}: {stale:?}", s.name);
    }
}

#[test]
fn the_readme_names_the_test_command_of_ci() {
    let ci =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run")).unwrap();
    assert!(readme().contains("    cargo test --all-targets\n"));
    assert!(ci.contains("cargo test --all-targets"));
}

#[test]
fn the_key_table_of_the_readme_is_the_keymap() {
    let text = readme();
    let start = text.find("<!-- keys -->\n").expect("key table markers") + "<!-- keys -->\n".len();
    let end = text.find("<!-- /keys -->").unwrap();
    let expected = traject::tui::keymap::Keymap::default().markdown_table();
    assert_eq!(
        &text[start..end],
        expected,
        "README.md's key table differs; it should read:\n{expected}"
    );
}
