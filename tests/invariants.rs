//! Invariants over generated cases (proptest): the ledger always balances,
//! the core never panics, and saving then loading gives the same case.

use proptest::prelude::*;
use traject::casefile::{case_to_string, parse_case};
use traject::model::*;
use traject::params::Params;
use traject::report::check_json;
use traject::rules::{compute, resolve_as_of};

fn mark() -> impl Strategy<Value = Mark> {
    prop_oneof![
        6 => (0i32..=20).prop_map(Mark::whole),
        1 => (-5i32..=230).prop_map(Mark::Tenths),
        1 => Just(Mark::Absent),
        1 => Just(Mark::Fail),
        1 => Just(Mark::Passed),
        1 => Just(Mark::NotPassed),
    ]
}

fn date_in(year: i32) -> impl Strategy<Value = Date> {
    (0i64..380)
        .prop_map(move |d| Date(Date::ymd(year, 9, 1).unwrap().0 + chrono::Duration::days(d)))
}

fn part() -> impl Strategy<Value = Part> {
    (
        0u32..4,
        proptest::option::of(mark()),
        proptest::option::of(mark()),
    )
        .prop_map(|(w, first, second)| Part {
            name: format!("deel{w}"),
            weight: w,
            first,
            second,
        })
}

fn unit(year: i32, i: usize) -> impl Strategy<Value = Unit> {
    (
        (
            1u32..12,
            prop::sample::select(Period::ALL.to_vec()),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            0u8..10,
            proptest::option::of(mark()),
            proptest::option::of(mark()),
        ),
        (
            any::<bool>(),
            proptest::option::of((date_in(year), any::<bool>())),
        ),
        proptest::collection::vec(part(), 0..3),
        (0u8..3, proptest::option::of(date_in(year))),
    )
        .prop_map(
            move |(
                (sp, period, pass_fail, tolerated),
                (ex, first, second),
                (_, withdrawal),
                parts,
                (kind, g),
            )| Unit {
                code: format!("U{}", i % 7),
                name: ["Wiskunde", "Stage", "Labportfolio semester 3", "Fysica"][i % 4].to_string(),
                sp,
                period,
                grensdatum: g,
                kind: [UnitKind::Regular, UnitKind::Bachelorproef, UnitKind::Stage][kind as usize],
                pass_fail,
                exempt: ex == 0,
                parts,
                first,
                second,
                tolerated,
                withdrawal: withdrawal.map(|(date, removal)| UnitWithdrawal { date, removal }),
            },
        )
}

fn enrolment(year: i32) -> impl Strategy<Value = Enrolment> {
    (
        prop::sample::select(vec!["A", "B", "C", "X"]),
        prop::sample::select(Contract::ALL.to_vec()),
        proptest::option::of(date_in(year)),
        proptest::option::of(date_in(year)),
        proptest::collection::vec(0usize..20, 0..8),
    )
        .prop_flat_map(move |(p, contract, enrolled, withdrawn, idx)| {
            let units: Vec<_> = idx.into_iter().map(|i| unit(year, i)).collect();
            units.prop_map(move |units| Enrolment {
                programme: p.to_string(),
                contract,
                enrolled,
                withdrawn,
                units,
            })
        })
}

fn year(y: i32) -> impl Strategy<Value = Year> {
    (
        proptest::option::of(any::<bool>()),
        (any::<bool>(), proptest::option::of(-50i32..250)),
        proptest::collection::vec(enrolment(y), 0..3),
        proptest::collection::vec(
            (
                prop::sample::select(vec!["A", "B", "C"]),
                0u32..70,
                0u32..70,
                0u32..10,
                0u32..10,
            ),
            0..2,
        ),
    )
        .prop_map(
            move |(generation_student, (binding_conditions, official_balance), enrolments, s)| {
                Year {
                    year: AcademicYear(y),
                    generation_student,
                    binding_conditions,
                    official_balance,
                    enrolments,
                    summaries: s
                        .into_iter()
                        .map(|(p, taken, acquired, exempted, tolerated)| Summary {
                            programme: p.to_string(),
                            contract: Contract::Diploma,
                            taken,
                            acquired,
                            exempted,
                            tolerated,
                        })
                        .collect(),
                }
            },
        )
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::collection::vec((2010i32..2024, any::<bool>()), 0..5),
        proptest::option::of((2010i32..2024, -50i32..200, 0u32..70)),
        proptest::collection::vec((any::<bool>(), 2010i32..2026), 0..2),
        proptest::option::of(0i32..6),
        proptest::collection::vec(prop::sample::select(ProgrammeKind::ALL.to_vec()), 1..4),
    )
        .prop_flat_map(|(ys, opening, events, as_of_extra, kinds)| {
            let mut starts: Vec<i32> = ys.iter().map(|(y, _)| *y).collect();
            starts.sort();
            starts.dedup();
            let years: Vec<_> = starts.iter().map(|&y| year(y)).collect();
            (years, Just((opening, events, as_of_extra, kinds, starts)))
        })
        .prop_map(|(years, (opening, events, as_of_extra, kinds, starts))| {
            let mut c = Case::new("Proef");
            c.programmes = kinds
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    let mut p = Programme::new(
                        ["A", "B", "C"][i],
                        ["Chemie", "Vastgoed", "Elders"][i],
                        *k,
                        [180, 60, 0][i],
                    );
                    p.system = [
                        PeriodSystem::Year,
                        PeriodSystem::Semester,
                        PeriodSystem::Modules,
                    ][i];
                    if i == 2 {
                        p.institution = Some("UGent".into());
                    }
                    p
                })
                .collect();
            c.years = years;
            c.opening = opening.map(|(y, balance, bonus)| Opening {
                year: AcademicYear(y),
                balance,
                bonus_granted: bonus,
                rebuilds: Vec::new(),
                progress: Vec::new(),
            });
            c.events = events
                .into_iter()
                .map(|(m, y)| {
                    if m {
                        Event::MasterDiploma(AcademicYear(y))
                    } else {
                        Event::Hbo5Diploma(AcademicYear(y))
                    }
                })
                .collect();
            c.as_of = as_of_extra.and_then(|e| starts.last().map(|l| AcademicYear(l + e)));
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_ledger_always_balances(c in case()) {
        let params = Params::default();
        let as_of = resolve_as_of(&c, None).unwrap();
        let o = compute(&c, &params, as_of);
        let mut prev: Option<i64> = None;
        for r in &o.ledger.rows {
            prop_assert_eq!(r.end, r.start + r.rebuild - r.taken + r.refunded + r.acquired + r.bonus + r.master);
            let lines: i64 = r.lines.iter().filter_map(|l| l.amount).sum();
            prop_assert_eq!(lines, r.end - r.start, "lines of {} do not add up", r.year);
            prop_assert!(r.master == 0 || r.master == -140);
            prop_assert!(r.bonus >= 0 && r.rebuild >= 0 && r.refunded >= 0 && r.taken >= 0);
            if let Some(p) = prev {
                prop_assert_eq!(r.start, p);
            }
            prev = Some(r.end);
        }
        if let Some(last) = o.ledger.rows.last() {
            prop_assert_eq!(o.ledger.balance, last.end);
        }
        prop_assert!(o.ledger.bonus_granted <= 60 + c.opening.as_ref().map_or(0, |op| i64::from(op.bonus_granted)));
        // Rows run without a gap up to as_of.
        for w in o.ledger.rows.windows(2) {
            prop_assert_eq!(w[1].year, w[0].year.next());
        }
        // The JSON never holds NaN or infinity (serde_json refuses them).
        let json = serde_json::to_string(&check_json(&o));
        prop_assert!(json.is_ok());
        prop_assert!(!json.unwrap().contains("-0.0"));
    }

    #[test]
    fn saving_and_loading_returns_the_same_case(c in case()) {
        let text = case_to_string(&c);
        let back = parse_case(std::path::Path::new("x.ron"), &text);
        prop_assert!(back.is_ok(), "{:?}\n{}", back.err(), text);
        let back = back.unwrap();
        prop_assert_eq!(&back, &c);
        // Stable: saving again gives the same bytes.
        prop_assert_eq!(case_to_string(&back), text);
    }

    #[test]
    fn every_failed_unit_gets_a_verdict(c in case()) {
        let params = Params::default();
        let o = compute(&c, &params, resolve_as_of(&c, None).unwrap());
        for p in &o.programmes {
            if let Some(t) = &p.tolerance {
                for v in &t.units {
                    prop_assert_eq!(v.tolerable(), v.fails.is_empty());
                    prop_assert!(!v.tolerated || v.fails.is_empty());
                    let mut sorted = v.fails.clone();
                    sorted.sort();
                    prop_assert_eq!(&sorted, &v.fails);
                }
                prop_assert_eq!(t.remaining_hundredths(), t.available_hundredths - 100 * t.used as i64);
            }
        }
    }
}

/// Keeps the first enrolment per programme and the first unit per code, so
/// that every identity scenarios rely on occurs once.
fn uniquify(mut c: Case) -> Case {
    for y in &mut c.years {
        let mut seen: Vec<String> = Vec::new();
        y.enrolments.retain(|e| {
            let new = !seen.contains(&e.programme);
            seen.push(e.programme.clone());
            new
        });
        for e in &mut y.enrolments {
            let mut codes: Vec<String> = Vec::new();
            e.units.retain(|u| {
                let new = !codes.contains(&u.code);
                codes.push(u.code.clone());
                new
            });
        }
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_scenario_is_the_difference_it_records(base in case(), edited in case()) {
        let base = uniquify(base);
        let mut edited = uniquify(edited);
        edited.student = base.student.clone();
        edited.opening = base.opening.clone();
        edited.format = base.format;
        // Programmes can be added or changed by a scenario, not removed.
        for p in &base.programmes {
            if edited.programme(&p.id).is_none() {
                edited.programmes.push(p.clone());
            }
        }
        let scenario = Scenario { name: "x".into(), note: String::new(), changes: diff_scenario(&base, &edited) };
        let (applied, stale) = apply_scenario(&base, &scenario);
        prop_assert!(stale.is_empty(), "{:?}", stale);
        let mut programmes_a = applied.programmes.clone();
        let mut programmes_e = edited.programmes.clone();
        programmes_a.sort_by(|a, b| a.id.cmp(&b.id));
        programmes_e.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(programmes_a, programmes_e);
        prop_assert_eq!(&applied.years, &edited.years);
        prop_assert_eq!(&applied.events, &edited.events);
        prop_assert_eq!(applied.as_of, edited.as_of);
        // And nothing at all when nothing changed.
        prop_assert!(diff_scenario(&base, &base).is_empty());
    }

    #[test]
    fn a_case_with_scenarios_saves_and_loads_the_same(base in case(), edited in case()) {
        let mut c = base.clone();
        c.scenarios.push(Scenario { name: "Stoppen".into(), note: "vraag van de student".into(), changes: diff_scenario(&base, &edited) });
        let text = case_to_string(&c);
        let back = parse_case(std::path::Path::new("x.ron"), &text);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        prop_assert_eq!(back.unwrap(), c);
    }
}
