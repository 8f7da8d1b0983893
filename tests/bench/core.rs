//! Benchmarks of the rules core and of `traject check`.
//!
//! Run with `cargo bench --bench core`; the figures are in README.md.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use traject::casefile::{case_to_string, load_case};
use traject::params::Params;
use traject::report::check_json;
use traject::rules::{compute, resolve_as_of};

#[path = "../home/mod.rs"]
mod home;
mod synthetic;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bench_compute(c: &mut Criterion) {
    let params = Params::default();
    let s01 = load_case(&root().join("tests/cases/S01.ron")).expect("S01 case file");
    c.bench_function("compute S01", |b| {
        b.iter(|| {
            compute(
                std::hint::black_box(&s01),
                &params,
                resolve_as_of(&s01, None).unwrap(),
            )
        })
    });
    let large = synthetic::synthetic_case();
    let units: usize = large
        .years
        .iter()
        .flat_map(|y| &y.enrolments)
        .map(|e| e.units.len())
        .sum();
    assert_eq!(units, 300);
    // The cost grows linearly: 5 000 against 50 000 units.
    let mut scaling = c.benchmark_group("scaling");
    scaling.sample_size(10);
    for n in [5_000, 50_000] {
        let case = synthetic::synthetic_case_of(n);
        scaling.bench_function(format!("compute {n} units"), |b| {
            b.iter(|| {
                compute(
                    std::hint::black_box(&case),
                    &params,
                    resolve_as_of(&case, None).unwrap(),
                )
            })
        });
    }
    scaling.finish();
    c.bench_function("compute synthetic 12 years, 3 programmes, 300 units", |b| {
        b.iter(|| {
            compute(
                std::hint::black_box(&large),
                &params,
                resolve_as_of(&large, None).unwrap(),
            )
        })
    });
}

/// 1 000 case files: the scenario and validation cases, repeated.
fn thousand_files() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let mut sources: Vec<PathBuf> = std::fs::read_dir(root().join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    sources.sort();
    let large = case_to_string(&synthetic::synthetic_case());
    let files = (0..1000)
        .map(|i| {
            let path = dir.path().join(format!("case-{i:04}.ron"));
            if i % 100 == 0 {
                std::fs::write(&path, &large).unwrap();
            } else {
                std::fs::copy(&sources[i % sources.len()], &path).unwrap();
            }
            path
        })
        .collect();
    (dir, files)
}

fn bench_check(c: &mut Criterion) {
    let params = Params::default();
    let (_dir, files) = thousand_files();
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("batch check --json of 1000 case files (in process)", |b| {
        b.iter(|| {
            for f in &files {
                let case = load_case(f).unwrap();
                let o = compute(&case, &params, resolve_as_of(&case, None).unwrap());
                std::hint::black_box(serde_json::to_string(&check_json(&o)).unwrap());
            }
        })
    });
    // The processes run in a home of their own, not the user's.
    let home = home::Home::new();
    let s01 = root().join("tests/cases/S01.ron");
    group.bench_function("traject check --json S01 as a process", |b| {
        b.iter(|| {
            let out = home
                .traject()
                .args(["check", "--json"])
                .arg(&s01)
                .output()
                .unwrap();
            assert!(out.status.success());
        })
    });
    // Issue 9's goal: the 50 000-unit case checked in under a second,
    // reading and parsing the file included.
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.ron");
    std::fs::write(&huge, case_to_string(&synthetic::synthetic_case_of(50_000))).unwrap();
    group.bench_function("traject check --json of 50 000 units as a process", |b| {
        b.iter(|| {
            let out = home
                .traject()
                .args(["check", "--json"])
                .arg(&huge)
                .output()
                .unwrap();
            assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
        })
    });
    group.finish();
}

criterion_group!(benches, bench_compute, bench_check);
criterion_main!(benches);
