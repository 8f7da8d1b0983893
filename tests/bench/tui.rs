//! Benchmarks of a keystroke's work in the UI: recompute every figure and
//! render the whole screen (200×60, TestBackend).
//!
//! Run with `cargo bench --bench tui`; the figures are in README.md.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use traject::casefile::load_case;
use traject::model::Case;
use traject::params::Params;
use traject::tui::app::{App, Document, Screen, outcome_of};
use traject::tui::keymap::Keymap;

mod synthetic;

fn app_with(case: Case) -> App {
    let params = Params::default();
    let mut app = App::new(
        params.clone(),
        Keymap::default(),
        "/dossiers".into(),
        Vec::new(),
    );
    let today = traject::model::Date::ymd(2026, 12, 2).expect("a date");
    app.doc = Some(Document::new(
        case,
        None,
        true,
        "bench".into(),
        &params,
        today,
    ));
    app.screen = Screen::Editor;
    app
}

fn bench_keystroke(c: &mut Criterion) {
    let s13 =
        load_case(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/S13.ron")).unwrap();
    for (name, case) in [
        ("S13", s13),
        ("synthetic 300 units", synthetic::synthetic_case()),
    ] {
        let mut app = app_with(case);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        c.bench_function(&format!("recompute + render {name} at 200x60"), |b| {
            b.iter(|| {
                let doc = app.doc.as_mut().unwrap();
                doc.outcome = outcome_of(&doc.case, &app.params, doc.today);
                terminal
                    .draw(|f| traject::tui::ui::render(&app, f))
                    .unwrap();
            })
        });
    }
}

criterion_group!(benches, bench_keystroke);
criterion_main!(benches);
