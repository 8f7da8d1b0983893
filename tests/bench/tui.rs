//! Benchmarks of a keystroke's work in the UI: recompute every figure and
//! render the whole screen (200×60, TestBackend), side by side with a bare
//! ratatui frame of the same screen (the same text drawn as one paragraph,
//! no traject code) as the baseline.
//!
//! Run with `cargo bench --bench tui`; the figures and ratios are in
//! README.md.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use traject::casefile::load_case;
use traject::model::Case;
use traject::params::Params;
use traject::rules::{compute_on, effective_as_of};
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

/// The text of the screen as the real render leaves it.
fn screen_text(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal.draw(|f| traject::tui::ui::render(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..60)
        .map(|y| (0..200).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

fn bench_keystroke(c: &mut Criterion) {
    let s13 =
        load_case(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/S13.ron")).unwrap();
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    for (name, case) in [
        ("S13", s13),
        ("synthetic 300 units", synthetic::synthetic_case()),
        (
            "synthetic 50 000 units",
            synthetic::synthetic_case_of(50_000),
        ),
    ] {
        let mut app = app_with(case);
        let text = screen_text(&app);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        group.bench_function(
            format!("bare ratatui frame, the screen of {name} at 200x60"),
            |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| {
                            let lines: Vec<Line> =
                                text.iter().map(|l| Line::raw(l.as_str())).collect();
                            f.render_widget(Paragraph::new(lines), f.area());
                        })
                        .unwrap();
                })
            },
        );
        let params = Params::default();
        let today = app.doc.as_ref().unwrap().today;
        group.bench_function(format!("compute {name}"), |b| {
            let case = &app.doc.as_ref().unwrap().case;
            b.iter(|| {
                compute_on(
                    std::hint::black_box(case),
                    &params,
                    effective_as_of(case),
                    Some(today),
                )
            })
        });
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        group.bench_function(
            format!("keystroke: recompute + render {name} at 200x60"),
            |b| {
                b.iter(|| {
                    let doc = app.doc.as_mut().unwrap();
                    doc.outcome = outcome_of(&doc.case, &app.params, doc.today);
                    terminal
                        .draw(|f| traject::tui::ui::render(&app, f))
                        .unwrap();
                })
            },
        );
    }
    group.finish();
}

/// 1 000 case files (the scenario cases, copied round) to a complete
/// overview: listing, reading, computing every row on `today`, then one
/// frame of the case list.
fn bench_overview(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut sources: Vec<_> = std::fs::read_dir(&cases)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    sources.sort();
    for i in 0..1000 {
        let from = &sources[i % sources.len()];
        std::fs::copy(from, dir.path().join(format!("dossier-{i:04}.ron"))).unwrap();
    }
    let mut g = c.benchmark_group("overview");
    g.sample_size(10);
    g.bench_function("1000 dossiers tot een volledig overzicht", |b| {
        b.iter(|| {
            let mut app = App::new(
                Params::default(),
                Keymap::default(),
                dir.path().to_path_buf(),
                traject::tui::run::list_entries(dir.path()),
            );
            app.today = "2018-02-10".parse().unwrap();
            traject::tui::run::review_now(&mut app);
            assert!(app.review.rows.len() >= 1000);
            screen_text(&app)
        })
    });
    g.finish();
}

criterion_group!(benches, bench_keystroke, bench_overview);
criterion_main!(benches);
