//! Random key sequences on the demo cases: the UI never panics, and what it
//! shows is never stale (the figures are those of the case shown, and the
//! case shown is the baseline or the active scenario applied to it).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use traject::casefile::load_case;
use traject::tui::app::{ListEntry, outcome_of};

use crate::support::Driver;

fn key() -> impl Strategy<Value = KeyEvent> {
    let plain = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    prop_oneof![
        4 => prop::sample::select(vec![
            KeyCode::Tab, KeyCode::BackTab, KeyCode::Up, KeyCode::Down, KeyCode::Enter,
            KeyCode::Esc, KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End, KeyCode::Backspace,
        ])
        .prop_map(plain),
        4 => prop::sample::select(
            "adjnutpwXGTONSRc[]?0123456789-. gk".chars().collect::<Vec<_>>()
        )
        .prop_map(move |c| plain(KeyCode::Char(c))),
        1 => prop::sample::select(vec!['r', 'u']).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_panic_and_nothing_is_stale(
        demo in 0usize..traject::tui::demo::DEMOS.len(),
        keys in proptest::collection::vec(key(), 1..80),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Driver::new(dir.path());
        d.open_demo(traject::tui::demo::DEMOS[demo].0);
        for k in keys {
            d.press(k);
            // Rendering at both sizes never panics either.
            let _ = d.screen(80, 24);
        }
        let screen = d.screen(120, 40);
        if let Some(doc) = &d.app.doc {
            let expected_case = match doc.active {
                Some(i) => traject::model::apply_scenario(&doc.base, &doc.base.scenarios[i]).0,
                None => doc.base.clone(),
            };
            prop_assert_eq!(&doc.case, &expected_case);
            prop_assert_eq!(&doc.outcome, &outcome_of(&doc.case, &d.app.params, doc.today));
        } else {
            // Back on the case list: it is drawn, holds the new case and
            // every demo, and every file it lists is in the directory and
            // a case that loads (a file there got there by a save).
            prop_assert!(screen.contains("dossiers in"), "{}", screen);
            prop_assert_eq!(&d.app.list[0], &ListEntry::New);
            let demos = d.app.list.iter().filter(|e| matches!(e, ListEntry::Demo(_))).count();
            prop_assert_eq!(demos, traject::tui::demo::DEMOS.len());
            for e in &d.app.list {
                if let ListEntry::File { path, .. } = e {
                    prop_assert!(path.exists(), "{}", path.display());
                }
            }
            for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
                let path = f.path();
                if path.extension().is_some_and(|x| x == "ron") {
                    prop_assert!(load_case(&path).is_ok(), "{}", path.display());
                }
            }
        }
    }
}
