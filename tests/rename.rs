//! Renaming a programme's id reaches every reference: the years'
//! enrolments and summary lines, the opening's earlier progress and the
//! scenarios' changes — so no figure changes and no change goes stale.

use std::path::Path;

use traject::casefile::load_case;
use traject::model::{Change, apply_scenario};
use traject::params::Params;
use traject::report::check_json;
use traject::rules::{compute, effective_as_of};

fn figures(case: &traject::model::Case) -> serde_json::Value {
    let o = compute(case, &Params::default(), effective_as_of(case));
    let mut v = serde_json::to_value(check_json(&o)).unwrap();
    // The id itself is the one thing that may change.
    for p in v["programmes"].as_array_mut().unwrap() {
        p.as_object_mut().unwrap().remove("id");
    }
    v
}

#[test]
fn a_new_programme_id_follows_into_every_reference() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // W01 has scenarios naming CH; S26 states CH's earlier progress.
    for name in ["W01", "S26", "S24", "S04"] {
        let mut case = load_case(&root.join(format!("tests/cases/{name}.ron"))).unwrap();
        let before = figures(&case);
        let scenarios_before: Vec<serde_json::Value> = case
            .scenarios
            .iter()
            .map(|s| figures(&apply_scenario(&case, s).0))
            .collect();
        let old = case.programmes[0].id.clone();
        case.rename_programme(&old, "NIEUW");
        assert_eq!(
            figures(&case),
            before,
            "{name}: figures changed by a rename"
        );
        let text = traject::casefile::case_to_string(&case);
        assert!(
            !text.contains(&format!("\"{old}\"")),
            "{name}: {old} is still named somewhere:\n{text}"
        );
        for (s, was) in case.scenarios.iter().zip(&scenarios_before) {
            let (view, stale) = apply_scenario(&case, s);
            assert!(stale.is_empty(), "{name}: {stale:?} no longer apply");
            assert_eq!(&figures(&view), was, "{name} / {}", s.name);
        }
        if name == "W01" {
            assert!(
                case.scenarios
                    .iter()
                    .flat_map(|s| &s.changes)
                    .any(|c| matches!(
                        c,
                        Change::SetResult { programme, .. } if programme == "NIEUW"
                    ))
            );
        }
    }
}
